import { AlignmentType, Document, Footer, LineRuleType, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import { formatRate } from '../../../domain/platform/rates.ts';
import type { IndicatorValue } from '../../../domain/reports/contracts.ts';
import type { RenderedBlock } from '../../../domain/reports/template.ts';

/**
 * The annual report as a 公文 per GB/T 9704-2012 (DOMAIN.md §9): A4; 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm
 * (so 35 mm bottom, 26 mm right); 22 lines of 28 characters; title 2号小标宋 centred; body 3号仿宋 with a two-character
 * first-line indent; 一、 in 黑体, （一） in 楷体; page numbers 4号宋体 "— n —", odd pages right, even pages left,
 * each one character in from the edge of the 版心.
 */
const pt = (points: number) => points * 2; // docx sizes are half-points
// Rounded, not truncated: A4 is 11906 × 16838 twips, 37 mm is 2098.
const mm = (millimetres: number) => Math.round((millimetres * 1440) / 25.4);
const SIZE_2 = 22; // 二号
const SIZE_3 = 16; // 三号
const SIZE_4 = 14; // 四号
// 22 lines in a 225 mm 版心: 225 mm / 22 ≈ 10.23 mm ≈ 28.95 pt, set exactly (line spacing in twentieths of a point).
const LINE = Math.round(28.95 * 20);
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
const FANGSONG = font('仿宋_GB2312');
const HEITI = font('黑体');
const KAITI = font('楷体_GB2312');
const XIAOBIAOSONG = font('方正小标宋简体');
const SONG = font('宋体');

const body = (text: string, f = FANGSONG, indent = true) =>
  new Paragraph({
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: indent ? { firstLine: pt(SIZE_3) * 20 } : undefined,
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, font: f, size: pt(SIZE_3) })],
  });

const blank = () => new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [] });

const pageNumber = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
  new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: pt(SIZE_4) * 10 } : { left: pt(SIZE_4) * 10 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONG, size: pt(SIZE_4) })],
      }),
    ],
  });

function paragraphsOf(blocks: readonly RenderedBlock[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    const text = b.segments.map((s) => s.text).join('');
    if (b.kind === 'title') {
      out.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: Math.round(LINE * 1.3), lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text, font: XIAOBIAOSONG, size: pt(SIZE_2) })],
        }),
        blank(),
      );
    } else if (b.kind === 'heading1') out.push(body(text, HEITI));
    else if (b.kind === 'heading2') out.push(body(text, KAITI));
    else if (text) out.push(body(text));
  }
  return out;
}

/** 附件：主要指标统计表 — every figure of the registry for the org and year, on a page of its own. */
function appendix(figures: readonly IndicatorValue[]): (Paragraph | Table)[] {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold, font: FANGSONG, size: pt(12) })] })] });
  return [
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ spacing: { line: LINE, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: '附件', font: HEITI, size: pt(SIZE_3) })] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: '主要指标统计表', font: XIAOBIAOSONG, size: pt(SIZE_3) })],
    }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: ['序号', '指标', '数值', '单位'].map((t) => cell(t, true)) }),
        ...figures.map(
          (f, i) =>
            new TableRow({ children: [cell(String(i + 1)), cell(f.label), cell(f.value === null ? '—' : f.unit === '%' ? formatRate(f.value) : String(f.value)), cell(f.unit)] }),
        ),
      ],
    }),
  ];
}

export async function reportDocument(blocks: readonly RenderedBlock[], sign: { org: string; date: string }, figures: readonly IndicatorValue[] = []): Promise<Buffer> {
  const [y, m, d] = sign.date.split('-').map(Number);
  const signature = [blank(), blank(), `${sign.org}人民政府`, `${y}年${m}月${d}日`].map((p) =>
    typeof p === 'string'
      ? new Paragraph({
          alignment: AlignmentType.RIGHT,
          indent: { right: pt(SIZE_3) * 40 },
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text: p, font: FANGSONG, size: pt(SIZE_3) })],
        })
      : p,
  );
  const doc = new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: FANGSONG, size: pt(SIZE_3) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: {
              top: mm(37),
              bottom: mm(35),
              left: mm(28),
              right: mm(26),
              footer: mm(21),
            },
          },
        },
        footers: { default: pageNumber(AlignmentType.RIGHT), even: pageNumber(AlignmentType.LEFT) },
        children: [...paragraphsOf(blocks), ...signature, ...(figures.length > 0 ? appendix(figures) : [])],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The indicator table as .xlsx (what a supervisor collects from each town). */
export async function indicatorWorkbook(title: string, figures: readonly IndicatorValue[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('主要指标');
  ws.columns = [
    { header: '指标编号', key: 'id', width: 44 },
    { header: '指标', key: 'label', width: 36 },
    { header: '数值', key: 'value', width: 12 },
    { header: '单位', key: 'unit', width: 8 },
  ];
  ws.insertRow(1, [title]);
  ws.mergeCells(1, 1, 1, 4);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.getRow(2).font = { bold: true };
  for (const f of figures) ws.addRow({ id: f.id, label: f.label, value: f.value, unit: f.unit });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A print-friendly page: the same blocks, A4 margins for the printer, the statistics table after the text. */
export function reportHtml(blocks: readonly RenderedBlock[], sign: { org: string; date: string }, figures: readonly IndicatorValue[]): string {
  const [y, m, d] = sign.date.split('-').map(Number);
  const title =
    blocks
      .find((b) => b.kind === 'title')
      ?.segments.map((s) => s.text)
      .join('') ?? '';
  const body = blocks
    .map((b) => {
      const text = escapeHtml(b.segments.map((s) => s.text).join(''));
      if (b.kind === 'title') return `<h1>${text}</h1>`;
      if (b.kind === 'heading1') return `<h2>${text}</h2>`;
      if (b.kind === 'heading2') return `<h3>${text}</h3>`;
      return text ? `<p>${text}</p>` : '';
    })
    .join('\n');
  const rows = figures
    .map(
      (f, i) =>
        `<tr><td>${i + 1}</td><td>${escapeHtml(f.label)}</td><td>${f.value === null ? '—' : f.unit === '%' ? formatRate(f.value) : f.value}</td><td>${escapeHtml(f.unit)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "仿宋_GB2312", FangSong, "Noto Serif CJK SC", serif; font-size: 16pt; line-height: 28.95pt; max-width: 156mm; margin: 2em auto; }
h1 { font-family: "方正小标宋简体", "Noto Serif CJK SC", serif; font-size: 22pt; font-weight: normal; text-align: center; line-height: 1.4; margin-bottom: 2em; }
h2 { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
h3 { font-family: "楷体_GB2312", KaiTi, serif; font-size: 16pt; font-weight: normal; text-indent: 2em; margin: 0; }
p { text-indent: 2em; margin: 0; text-align: justify; }
.sign { text-align: right; margin-top: 3em; padding-right: 4em; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.6; page-break-before: always; }
td, th { border: 1px solid #000; padding: 2px 6px; }
</style></head><body>
${body}
<div class="sign">${escapeHtml(sign.org)}人民政府<br>${y}年${m}月${d}日</div>
<table><caption>附件：主要指标统计表</caption><tr><th>序号</th><th>指标</th><th>数值</th><th>单位</th></tr>${rows}</table>
</body></html>`;
}
