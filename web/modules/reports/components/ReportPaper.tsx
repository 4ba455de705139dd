import { Grid } from 'antd';
import type { ReactNode } from 'react';
import type { IndicatorValue, Problem } from '../api.ts';
import type { DocBlock, ReportDoc } from '../reportDoc.ts';

// 公文 on screen (GB/T 9704-2012 in spirit): 小标宋 title centred, 黑体 一、, 楷体 （一）, 仿宋 body, each paragraph
// indented two characters. The fonts a government PC has first, then the Noto CJK faces Linux ships.
const css = `
.fz-paper { background: #fff; margin: 0 auto; max-width: 794px; box-shadow: 0 1px 6px rgba(0,0,0,.12); color: #1f1f1f;
  font-family: "FangSong", "仿宋", "FangSong_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif; line-height: 1.9; }
.fz-paper p, .fz-paper h2, .fz-paper h3 { margin: 0 0 .25em; text-indent: 2em; text-align: justify; word-break: break-all; font-size: inherit; line-height: 1.9; color: inherit; }
.fz-paper .fz-title { text-indent: 0; color: inherit; text-align: center; font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "华文中宋", "Noto Serif CJK SC", "SimSun", serif;
  font-weight: 700; line-height: 1.5; margin: 0 0 1.2em; }
.fz-paper .fz-h1 { font-family: "SimHei", "黑体", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; font-weight: 700; margin-top: .5em; }
.fz-paper .fz-h2 { font-family: "KaiTi", "楷体", "KaiTi_GB2312", "STKaiti", "Noto Serif CJK SC", serif; font-weight: 700; }
.fz-paper .fz-figure { font: inherit; color: #0958d9; background: #e6f4ff; border: 0; border-bottom: 1px dashed #1677ff; padding: 0 2px; margin: 0 1px;
  cursor: pointer; border-radius: 2px; text-indent: 0; line-height: inherit; }
.fz-paper .fz-figure:hover, .fz-paper .fz-figure:focus-visible { background: #bae0ff; outline: none; }
.fz-paper mark.fz-problem { background: #fff1f0; color: inherit; padding: 0; text-decoration: underline wavy #ff4d4f; text-underline-offset: 4px; }
.fz-paper mark.fz-problem-term { background: #fffbe6; text-decoration-color: #faad14; }
.fz-paper mark.fz-problem-active { background: #ffccc7; box-shadow: 0 0 0 2px #ff7875; border-radius: 2px; }
.fz-paper p.fz-empty-line { text-indent: 0; padding-left: 2em; }
.fz-paper .fz-empty { font: inherit; text-indent: 0; max-width: 100%; text-align: left; white-space: normal; color: #8c8c8c; background: #fafafa; border: 1px dashed #d9d9d9; border-radius: 4px;
  padding: 0 8px; cursor: pointer; font-size: .9em; }
.fz-paper .fz-empty:hover { color: #1677ff; border-color: #1677ff; }
.fz-paper .fz-empty[disabled] { cursor: default; color: #bfbfbf; }
`;

type Piece = { text: string; figure?: string; problem?: number };

/** Splits a block's segments at the edges of the problems that fall in it. */
function piecesOf(block: DocBlock, problems: readonly Problem[]): Piece[] {
  const ranges = problems
    .map((p, i) => ({ i, from: p.at - block.start, to: p.at - block.start + p.excerpt.length }))
    .filter((r) => r.to > 0 && r.from < block.text.length)
    .map((r) => ({ ...r, from: Math.max(0, r.from), to: Math.min(block.text.length, r.to) }));
  const pieces: Piece[] = [];
  let offset = 0;
  for (const seg of block.segments) {
    const cuts = new Set([0, seg.text.length]);
    for (const r of ranges) for (const c of [r.from - offset, r.to - offset]) if (c > 0 && c < seg.text.length) cuts.add(c);
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let k = 0; k + 1 < sorted.length; k++) {
      const from = sorted[k] as number;
      const to = sorted[k + 1] as number;
      const at = offset + from;
      const hit = ranges.find((r) => at >= r.from && at < r.to);
      pieces.push({ text: seg.text.slice(from, to), figure: 'figure' in seg ? seg.figure : undefined, problem: hit?.i });
    }
    offset += seg.text.length;
  }
  return pieces;
}

type Props = {
  doc: ReportDoc;
  problems: readonly Problem[];
  activeProblem: number | null;
  figures: readonly IndicatorValue[];
  onFigure: (indicatorId: string) => void;
  /** An empty narrative in the preview: jump to its TextArea (null when the user cannot write). */
  onNarrative: ((narrativeId: string) => void) | null;
  /** Mark empty narratives (a draft); a signed-off report shows only what it says. */
  showEmpty?: boolean;
};

/** A title breaks before 法治政府建设情况报告, not inside a place name (2024年度乌苏市四棵树 / 镇…). */
function titleParts(text: string): string[] {
  const at = text.indexOf('法治政府建设');
  return at > 0 ? [text.slice(0, at), text.slice(at)] : [text];
}

/** The rendered report: every figure links to its records, every 体检 problem is marked where it stands. */
export function ReportPaper({ doc, problems, activeProblem, figures, onFigure, onNarrative, showEmpty = true }: Props) {
  const screens = Grid.useBreakpoint();
  const labelOf = (id: string) => figures.find((f) => f.id === id)?.label ?? id;

  const renderPiece = (p: Piece, key: number): ReactNode => {
    let node: ReactNode = p.text;
    if (p.figure) {
      const id = p.figure;
      node = (
        <button type="button" className="fz-figure" title={`${labelOf(id)}：点击查看记录`} onClick={() => onFigure(id)}>
          {p.text}
        </button>
      );
    }
    if (p.problem !== undefined) {
      const kind = problems[p.problem]?.kind;
      const cls = ['fz-problem', kind === 'term' ? 'fz-problem-term' : '', activeProblem === p.problem ? 'fz-problem-active' : ''].filter(Boolean).join(' ');
      node = (
        <mark className={cls} data-problem={p.problem} title={problems[p.problem]?.message}>
          {node}
        </mark>
      );
    }
    return <span key={key}>{node}</span>;
  };

  return (
    <div className="fz-paper" style={{ padding: screens.md ? '56px 64px' : '20px 16px', fontSize: screens.md ? 16 : 15 }} lang="zh-CN" data-testid="report-paper">
      <style href="fz-report-paper" precedence="default">
        {css}
      </style>
      {doc.blocks.map((b, i) => {
        const key = `${i}-${b.start}`;
        if (b.kind === 'narrative' && !b.text) {
          if (!showEmpty) return null;
          return (
            <p key={key} data-block={i} data-narrative={b.narrativeId} className="fz-empty-line">
              <button type="button" className="fz-empty" disabled={!onNarrative} onClick={() => b.narrativeId && onNarrative?.(b.narrativeId)}>
                【{b.label ?? '叙述'}】{onNarrative ? '待填写，点此填写' : '未填写'}
              </button>
            </p>
          );
        }
        const pieces = piecesOf(b, problems);
        const content = pieces.map(renderPiece);
        if (b.kind === 'title')
          return (
            <h1 key={key} data-block={i} className="fz-title" style={{ fontSize: screens.md ? 26 : 20 }}>
              {pieces.every((p) => !p.figure && p.problem === undefined)
                ? titleParts(b.text).map((part) => (
                    <span key={part} style={{ display: 'inline-block' }}>
                      {part}
                    </span>
                  ))
                : content}
            </h1>
          );
        if (b.kind === 'heading1')
          return (
            <h2 key={key} data-block={i} className="fz-h1">
              {content}
            </h2>
          );
        if (b.kind === 'heading2')
          return (
            <h3 key={key} data-block={i} className="fz-h2">
              {content}
            </h3>
          );
        return (
          <p key={key} data-block={i} data-narrative={b.narrativeId}>
            {content}
          </p>
        );
      })}
    </div>
  );
}
