import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
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

export async function reportDocument(blocks: readonly RenderedBlock[], sign: { org: string; date: string }): Promise<Buffer> {
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
        children: [...paragraphsOf(blocks), ...signature],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
