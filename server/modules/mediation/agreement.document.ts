import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Dispute } from '../../../domain/mediation/contracts.ts';
import { genderLabels, partyRoleLabels } from '../../../domain/mediation/rules.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const BODY = { font: '仿宋', size: 28 }; // 四号
const HEAD = { font: '黑体', size: 28 };

const text = (t: string, opts: { bold?: boolean; head?: boolean } = {}) => new TextRun({ text: t, ...(opts.head ? HEAD : BODY), bold: opts.bold });
const para = (t: string, opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number } = {}) =>
  new Paragraph({
    alignment: opts.align,
    indent: opts.indent ? { firstLine: 560 } : undefined,
    spacing: { line: 460, before: opts.before ?? 0 },
    children: [text(t)],
  });
const heading = (t: string) => new Paragraph({ spacing: { line: 460, before: 200 }, children: [text(t, { head: true })] });
/** Multi-line content as indented paragraphs; an empty field leaves room to write by hand. */
const block = (content: string) => {
  const lines = content.split(/\r?\n/).filter((l) => l.trim());
  return lines.length ? lines.map((l) => para(l.trim(), { indent: true })) : [para(''), para('')];
};

const cell = (t: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: t, font: '仿宋', size: 22, bold })] })],
  });

function partiesTable(d: Dispute): Table {
  const widths = [12, 18, 7, 24, 16, 23];
  const header = ['当事人', '姓名或名称', '性别', '证件号码', '联系电话', '住所'];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i] as number, true)) }),
      ...d.parties.map(
        (p) =>
          new TableRow({
            children: [partyRoleLabels[p.role], p.name, p.gender ? genderLabels[p.gender] : '', p.idNumber ?? '', p.phone ?? '', p.address].map((v, i) =>
              cell(v, widths[i] as number),
            ),
          }),
      ),
    ],
  });
}

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

/** Signature lines: each party (签名、盖章或者按指印) two to a row, then the mediators. */
function signatures(d: Dispute): Table {
  const slots = d.parties.map((p) => `${partyRoleLabels[p.role]}（签名、盖章或按指印）：`);
  const rows: TableRow[] = [];
  for (let i = 0; i < slots.length; i += 2) {
    rows.push(
      new TableRow({
        children: [0, 1].map(
          (k) =>
            new TableCell({
              width: { size: 50, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ spacing: { before: 360, after: 360 }, children: [text(slots[i + k] ?? '')] })],
            }),
        ),
      }),
    );
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders, rows });
}

/**
 * 人民调解协议书 with the contents art 29 names — (一) the parties, (二) the main facts, the matters in dispute and each
 * party's responsibility, (三) what was agreed and how and by when it is to be performed — and the signature lines on
 * which it takes effect (签名、盖章或按指印，调解员签名并加盖调委会印章).
 */
export async function agreementDocx(d: Dispute): Promise<Buffer> {
  const a = d.agreement;
  if (!a) throw new Error('no agreement');
  const copies = d.parties.length + 1;
  const mediators = d.mediators.map((m) => m.name).filter(Boolean);
  const doc = new Document({
    creator: d.committeeName,
    title: `人民调解协议书 ${d.number}`,
    styles: { default: { document: { run: { font: '仿宋', size: 28 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1560, right: 1440 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: '人民调解协议书', font: '宋体', size: 44, bold: true })] }),
          para(`${d.committeeName}　编号：${d.number}`, { align: AlignmentType.RIGHT }),
          heading('一、当事人的基本情况'),
          partiesTable(d),
          heading('二、纠纷的主要事实、争议事项'),
          ...block(a.facts || d.summary),
          heading('三、各方当事人的责任'),
          ...block(a.responsibilities),
          heading('四、经人民调解委员会调解，当事人自愿达成如下协议'),
          ...block(a.terms),
          heading('五、履行的方式、期限'),
          ...block([a.performanceMethod && `履行方式：${a.performanceMethod}`, a.performanceDeadline && `履行期限：${a.performanceDeadline}`].filter(Boolean).join('\n')),
          para(
            `本协议一式${copies}份，当事人各执一份，人民调解委员会留存一份。本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效，具有法律约束力，当事人应当按照约定履行（《中华人民共和国人民调解法》第二十九条、第三十一条）。`,
            { indent: true, before: 200 },
          ),
          para(
            '经人民调解委员会调解达成调解协议后，双方当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认（《中华人民共和国人民调解法》第三十三条）。',
            {
              indent: true,
            },
          ),
          signatures(d),
          para(`人民调解员（签名）：${mediators.length ? mediators.map((n) => `${n}　　　　`).join('') : ''}`, { before: 240 }),
          para(`${d.committeeName}（印章）`, { align: AlignmentType.RIGHT, before: 480 }),
          para(`${a.effectiveOn.slice(0, 4)}年${Number(a.effectiveOn.slice(5, 7))}月${Number(a.effectiveOn.slice(8, 10))}日`, { align: AlignmentType.RIGHT }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
