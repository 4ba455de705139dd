import type { Block, Problem } from './api.ts';

/**
 * The report as the editor shows it: the server's rendered blocks with the narrative blocks re-made from what the
 * clerk is typing, so the preview follows the keyboard. Each block knows where it starts in the report's plain
 * text (blocks joined by '\n', as the server's 体检 reads it) and, for a narrative, where its text sits in the
 * TextArea — so a problem found at an offset can be shown in the preview and selected in the TextArea.
 */
export type DocBlock = Block & { start: number; text: string; source?: { narrativeId: string; offset: number } };
export type ReportDoc = { blocks: DocBlock[]; text: string };

/** A narrative's paragraphs exactly as the server splits them (trim, split on blank lines, trim each). */
export function paragraphsOf(raw: string): { text: string; offset: number }[] {
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (!trimmed) return [{ text: '', offset: lead }];
  const out: { text: string; offset: number }[] = [];
  let pos = lead;
  trimmed.split(/(\n+)/).forEach((part, i) => {
    if (i % 2 === 0) out.push({ text: part.trim(), offset: pos + (part.length - part.trimStart().length) });
    pos += part.length;
  });
  return out;
}

export function composeReport(serverBlocks: readonly Block[], narratives: Readonly<Record<string, string>>): ReportDoc {
  const blocks: DocBlock[] = [];
  let start = 0;
  const push = (b: Omit<DocBlock, 'start' | 'text'>) => {
    const text = b.segments.map((s) => s.text).join('');
    blocks.push({ ...b, start, text });
    start += text.length + 1;
  };
  serverBlocks.forEach((b, i) => {
    if (b.kind !== 'narrative' || !b.narrativeId) {
      push(b);
      return;
    }
    // One narrative renders as several consecutive blocks (one per paragraph): re-make them once, from the text.
    if (i > 0 && serverBlocks[i - 1]?.kind === 'narrative' && serverBlocks[i - 1]?.narrativeId === b.narrativeId) return;
    const id = b.narrativeId;
    for (const p of paragraphsOf(narratives[id] ?? ''))
      push({ kind: 'narrative', narrativeId: id, label: b.label, segments: [{ text: p.text }], source: { narrativeId: id, offset: p.offset } });
  });
  return { blocks, text: blocks.map((b) => b.text).join('\n') };
}

/** The block a problem lies in (its first character), or -1. */
export const blockIndexAt = (doc: ReportDoc, at: number): number => doc.blocks.findIndex((b) => at >= b.start && at < b.start + Math.max(b.text.length, 1));

/** Where a problem sits in a narrative's TextArea: the narrative and the selection, or null for template text. */
export function narrativeSelection(doc: ReportDoc, p: Problem): { narrativeId: string; from: number; to: number } | null {
  const block = doc.blocks[blockIndexAt(doc, p.at)];
  if (!block?.source) return null;
  const from = block.source.offset + (p.at - block.start);
  return { narrativeId: block.source.narrativeId, from, to: from + p.excerpt.length };
}

/** The narrative ids of a template in order, with their labels (a town's template may differ from the default). */
export function narrativeFields(template: readonly { kind: string; id?: string; label?: string }[]): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const b of template) if (b.kind === 'narrative' && b.id && !seen.has(b.id)) seen.set(b.id, b.label ?? b.id);
  return [...seen.entries()].map(([id, label]) => ({ id, label }));
}
