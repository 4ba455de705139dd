import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Body, CaseDetail } from '../../../domain/enforcement/contracts.ts';
import {
  type DocumentKind,
  documentKindLabels,
  evidenceKindLabels,
  outcomeLabels,
  partyTypeLabels,
  paymentMethodLabels,
  penaltyText,
  reviewConditionLabels,
  reviewOpinionLabels,
  serviceMethodLabels,
} from '../../../domain/enforcement/rules.ts';

/**
 * The case documents as .docx laid out per GB/T 9704-2012 (DOMAIN.md §9): A4, 天头 37 mm, 订口 28 mm, 版心 156×225 mm,
 * body 3号仿宋 with a fixed 28.95 pt line (22 lines a page), title 2号小标宋 centred, page numbers 4号宋体 "— 1 —"
 * below the text block, odd pages right and even pages left, one character in.
 */
const FANGSONG = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋_GB2312', cs: 'FangSong' };
const XIAOBIAOSONG = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '方正小标宋简体', cs: 'SimSun' };
const HEITI = { ascii: 'SimHei', hAnsi: 'SimHei', eastAsia: '黑体', cs: 'SimHei' };
const SONG = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const SIZE_3 = 32; // half-points: 3号 = 16 pt
const SIZE_2 = 44; // 2号 = 22 pt
const SIZE_4 = 28; // 4号 = 14 pt
const LINE = { line: 579, lineRule: LineRuleType.EXACT }; // 28.95 pt
const CHAR = 320; // one 3号 character in twips

type Block = Paragraph | Table;

const run = (text: string, opts: { bold?: boolean; font?: typeof FANGSONG; size?: number } = {}) =>
  new TextRun({ text, font: opts.font ?? FANGSONG, size: opts.size ?? SIZE_3, bold: opts.bold });

/** A body paragraph: 左空二字、回行顶格. */
const para = (text: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean; font?: typeof FANGSONG } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: LINE,
    indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR },
    children: [run(text, { bold: opts.bold, font: opts.font })],
  });

/** 第一层标题 in 黑体: "一、违法事实". */
const heading = (text: string) => new Paragraph({ spacing: LINE, indent: { firstLine: 2 * CHAR }, children: [run(text, { font: HEITI })] });

const title = (text: string) =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(text, { font: XIAOBIAOSONG, size: SIZE_2 })] });
const centred = (text: string) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: LINE, children: [run(text)] });
const right = (text: string) => new Paragraph({ alignment: AlignmentType.RIGHT, spacing: LINE, indent: { right: 4 * CHAR }, children: [run(text)] });
const blank = () => new Paragraph({ spacing: LINE, children: [run('')] });

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };
const cell = (text: string, width: number, opts: { bold?: boolean; span?: number } = {}) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    borders,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80 },
    children: text.split('\n').map((line) => new Paragraph({ spacing: { line: 440, lineRule: LineRuleType.AT_LEAST }, children: [run(line, { bold: opts.bold, size: 28 })] })),
  });

/** 版心 156 mm wide: a label column and a value column. */
const TEXT_WIDTH = convertMillimetersToTwip(156);
function formTable(rows: [string, string][]): Table {
  const labelWidth = Math.round(TEXT_WIDTH * 0.26);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [labelWidth, TEXT_WIDTH - labelWidth],
    rows: rows.map(([label, value]) => new TableRow({ children: [cell(label, labelWidth, { bold: true }), cell(value || '—', TEXT_WIDTH - labelWidth)] })),
  });
}

const pageNumber = (align: 'left' | 'right') =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: SIZE_4 })],
      }),
    ],
  });

export async function pack(blocks: Block[]): Promise<Buffer> {
  const doc = new Document({
    creator: 'fazhi 法治乡镇工作平台',
    title: 'fazhi',
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FANGSONG, size: SIZE_3 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 }, // A4, 210 × 297 mm
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              footer: convertMillimetersToTwip(23),
              header: convertMillimetersToTwip(15),
            },
          },
        },
        footers: { default: pageNumber('right'), even: pageNumber('left') },
        children: blocks,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const cn = (d: string | null | undefined) => (d ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : '    年  月  日');
/** Ends a clause the officer typed as a sentence. */
const sentence = (t: string) => (/[。！？；]$/.test(t.trim()) ? t.trim() : `${t.trim()}。`);
const you = (c: CaseDetail) => (c.party.type === 'person' ? '你' : '你单位');

function partyLines(c: CaseDetail): Paragraph[] {
  const p = c.party;
  return [
    para(`当事人：${p.name}`, { indent: false }),
    ...(p.type === 'organisation' && p.representative ? [para(`法定代表人（负责人）：${p.representative}`, { indent: false })] : []),
    ...(p.idNumber ? [para(`${p.type === 'person' ? '身份证号码' : '统一社会信用代码'}：${p.idNumber}`, { indent: false })] : []),
    para(`住所（地址）：${p.address || '—'}`, { indent: false }),
  ];
}

const seal = (body: Body, date: string | null | undefined): Paragraph[] => [blank(), right(body.name), right(cn(date)), right('（印章）')];

export function documentFilename(c: CaseDetail, kind: DocumentKind): string {
  return `${documentKindLabels[kind]}-${c.decisionNumber ?? c.filingNumber ?? `案件${c.id}`}.docx`;
}

/** The document, filled from the case. */
export async function buildDocument(c: CaseDetail, body: Body, kind: DocumentKind): Promise<Buffer> {
  switch (kind) {
    case 'filing_approval': {
      const f = c.filing;
      return pack([
        title('立案审批表'),
        centred(c.filingNumber ?? '（立案编号待审批后生成）'),
        blank(),
        formTable([
          ['案由', `涉嫌${c.powerName}（${c.powerCode}）`],
          ['案件来源', c.clueSource || '—'],
          ['当事人', `${c.party.name}（${partyTypeLabels[c.party.type]}）`],
          [c.party.type === 'person' ? '身份证号码' : '统一社会信用代码', c.party.idNumber ?? '—'],
          ['住所（地址）', c.party.address],
          ['联系电话', c.party.phone ?? '—'],
          ['违法行为发生时间、地点', `${cn(c.actDate)}${c.actEndDate ? ` 至 ${cn(c.actEndDate)}` : ''}　${c.actPlace}`],
          ['发现日期', cn(c.discoveredOn)],
          ['案情摘要', c.summary],
          ['承办人员', c.investigators.map((i) => `${i.name}（执法证号 ${i.certificate ?? '无有效证件'}）`).join('\n')],
          ['承办人意见', f ? `${f.opinion}\n承办人：${f.requestedBy}　　${cn(f.requestedOn)}` : ''],
          [
            '负责人审批意见',
            f?.approved === null || !f ? '' : `${f.approved ? '同意立案。' : '不予立案。'}${f.approverOpinion ?? ''}\n审批人：${f.approver ?? ''}　　${cn(f.decidedOn)}`,
          ],
        ]),
      ]);
    }
    case 'prior_notice': {
      const con = c.conclusion;
      const n = c.notice;
      const penalty = n?.penalty ?? con?.penalty ?? { kinds: [], fineAmount: 0, confiscationValue: 0 };
      const hearing = n?.hearingRight ?? c.hearingEligible;
      return pack([
        title('行政处罚事先告知书'),
        centred(`（立案编号：${c.filingNumber ?? '—'}）`),
        blank(),
        ...partyLines(c),
        para(`经调查，${you(c)}${sentence(con?.facts ?? c.summary)}`),
        para(`以上事实有${con?.evidenceSummary ?? '相关证据'}等证据为证。`),
        para(
          `${you(c)}的上述行为违反了${con?.basis ?? ''}的规定。依据${body.name}权责清单「${c.powerName}」所列法律依据，本机关拟对${you(c)}作出如下行政处罚：${penaltyText(penalty)}。`,
        ),
        para(
          `根据《中华人民共和国行政处罚法》第四十四条、第四十五条${hearing ? '、第六十三条、第六十四条' : ''}的规定，${you(c)}有权进行陈述和申辩${
            hearing
              ? `，并有权要求举行听证。如要求听证，应当在收到本告知书之日起五个工作日内${n?.hearingDeadline ? `（即${cn(n.hearingDeadline)}前）` : ''}向本机关提出，听证不收取费用`
              : ''
          }。${you(c)}提出的事实、理由或者证据成立的，本机关将予以采纳，不会因${you(c)}的陈述、申辩而给予更重的处罚。逾期未提出的，视为放弃上述权利。`,
        ),
        para(`联系地址：${body.address || '—'}　　联系电话：${body.phone || '—'}`),
        ...seal(body, n?.servedOn),
      ]);
    }
    case 'legal_review': {
      const r = c.reviews.at(-1);
      const checks: [string, string][] = [
        ['subject', '执法主体是否合法，执法人员是否具备执法资格'],
        ['procedure', '执法程序是否合法'],
        ['facts', '案件事实是否清楚，证据是否合法充分'],
        ['law', '适用法律、法规、规章是否准确，裁量基准运用是否适当'],
        ['authority', '执法是否超越执法机关法定权限'],
        ['documents', '执法文书是否完备、规范'],
        ['crime', '违法行为是否涉嫌犯罪、需要移送司法机关'],
      ];
      return pack([
        title('重大执法决定法制审核意见书'),
        centred(`（立案编号：${c.filingNumber ?? '—'}）`),
        blank(),
        formTable([
          ['案由', `涉嫌${c.powerName}`],
          ['当事人', c.party.name],
          ['承办人员', c.investigators.map((i) => i.name).join('、')],
          ['审核情形', (c.conclusion?.reviewConditions ?? []).map((k) => reviewConditionLabels[k]).join('；') || '—'],
          ['拟处理意见', c.conclusion ? (c.conclusion.outcome === 'penalty' ? penaltyText(c.conclusion.penalty) : outcomeLabels[c.conclusion.outcome]) : '—'],
          ...checks.map(([key, label]): [string, string] => [
            label,
            r?.checks[key] === undefined ? '已审核' : key === 'crime' ? (r.checks[key] ? '涉嫌犯罪，应移送司法机关' : '不涉嫌犯罪') : r.checks[key] ? '符合' : '存在问题',
          ]),
          ['审核意见', r ? `${reviewOpinionLabels[r.opinion]}。${r.comments}` : '—'],
          ['审核人员、日期', r ? `${r.reviewerName}　　${cn(r.reviewedOn)}` : '—'],
        ]),
      ]);
    }
    case 'decision': {
      const d = c.decision;
      if (!d) throw new Error('no decision');
      const penalty = d.outcome === 'penalty';
      return pack([
        title(penalty ? '行政处罚决定书' : '不予行政处罚决定书'),
        centred(c.decisionNumber ?? ''),
        blank(),
        ...partyLines(c),
        heading('一、违法事实和证据'),
        para(`${d.onSpot ? '经现场检查' : '经本机关立案调查'}，${you(c)}${sentence(d.facts)}`),
        para(`以上事实有${d.evidence}等证据为证。`),
        heading(penalty ? '二、行政处罚的种类和依据' : '二、不予行政处罚的理由和依据'),
        para(`${you(c)}的上述行为违反了${d.basis}的规定。${sentence(d.reasons)}`),
        ...(penalty
          ? [para(`依据${d.basis}的规定，本机关决定对${you(c)}作出如下行政处罚：${penaltyText(d.penalty)}。`), heading('三、履行方式和期限'), para(d.performance)]
          : [para(`根据《中华人民共和国行政处罚法》第三十三条、第五十七条的规定，本机关决定：${outcomeLabels[d.outcome]}。`)]),
        heading(penalty ? '四、救济途径和期限' : '三、救济途径和期限'),
        para(d.remedy),
        ...seal(body, d.decidedOn),
      ]);
    }
    case 'service_receipt': {
      const s = c.service;
      return pack([
        title('送达回证'),
        blank(),
        formTable([
          ['送达文书名称及文号', `${c.outcome === 'penalty' ? '行政处罚决定书' : '不予行政处罚决定书'}（${c.decisionNumber ?? '—'}）`],
          ['受送达人', s?.recipient ?? c.party.name],
          ['送达地点', s?.place || c.party.address],
          ['送达方式', s ? serviceMethodLabels[s.method] : ''],
          ['送达时间', s ? cn(s.servedOn) : ''],
          ['受送达人签名或盖章', '\n\n'],
          ['送达人', s?.by ?? ''],
          ['备注', s?.lateReason ? `逾期送达原因：${s.lateReason}` : s?.electronicConsent ? '当事人已签订电子送达确认书' : ''],
        ]),
        blank(),
        para(`送达机关：${body.name}`, { indent: false }),
      ]);
    }
    case 'closing_report': {
      const d = c.decision;
      const k = c.closing;
      return pack([
        title('行政处罚结案报告'),
        centred(c.decisionNumber ?? c.filingNumber ?? ''),
        blank(),
        formTable([
          ['案由', `${c.powerName}（${c.powerCode}）`],
          ['当事人', `${c.party.name}（${partyTypeLabels[c.party.type]}）`],
          ['程序', c.procedure === 'simple' ? '简易程序（当场处罚）' : '普通程序'],
          ['立案日期', c.filedOn ? cn(c.filedOn) : '—（当场处罚）'],
          ['承办人员', c.investigators.map((i) => i.name).join('、')],
          ['证据', c.evidence.map((e) => `${evidenceKindLabels[e.kind]}：${e.title}`).join('\n') || (d?.evidence ?? '—')],
          ['处理决定', d ? `${c.decisionNumber ?? ''}　${d.outcome === 'penalty' ? penaltyText(d.penalty) : outcomeLabels[d.outcome]}（${cn(d.decidedOn)}）` : '—'],
          ['送达', c.service ? `${serviceMethodLabels[c.service.method]}，${cn(c.service.servedOn)}` : '—'],
          [
            '执行情况',
            c.payments.length
              ? c.payments
                  .map((p) => `${cn(p.paidOn)} ${paymentMethodLabels[p.method]} ${p.amount.toFixed(2)}元${p.surcharge ? `（含加处罚款${p.surcharge.toFixed(2)}元）` : ''}`)
                  .join('\n')
              : c.fineAmount > 0
                ? '未缴纳'
                : '无罚没款项',
          ],
          ['结案情况', k?.summary ?? ''],
          ['承办人、日期', k ? `${k.by}　　${cn(k.closedOn)}` : ''],
          ['负责人意见', k ? '同意结案。' : ''],
        ]),
      ]);
    }
  }
}
