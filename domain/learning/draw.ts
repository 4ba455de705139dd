import type { QuestionType } from './rules.ts';

/**
 * Random papers by rules (随机组卷): "8 single-choice questions on 宪法 at 5 points each, …". The draw is seeded,
 * so the same seed over the same question bank gives the same paper — a paper can be re-drawn and checked.
 */
export type DrawRule = { type: QuestionType; category?: string | null; count: number; points: number };
export type DrawCandidate = { id: number; type: QuestionType; category: string };
export type DrawnItem = { questionId: number; points: number; rule: number };
export type DrawShortfall = { rule: number; wanted: number; available: number };

/** The largest seed (seeds are stored in a 32-bit signed integer column). */
export const MAX_SEED = 2_147_483_647;

/** mulberry32: a small, well-mixed 32-bit generator; the same seed always yields the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Draws the questions of each rule in turn from the questions not yet taken, in bank order shuffled by the
 * seeded generator (Fisher–Yates, only as far as needed). Rules are applied in the order given, so a general
 * rule after a specific one takes from what the specific one left. Returns the items in rule order, or the
 * first rule the bank cannot satisfy.
 */
export function drawPaper(pool: readonly DrawCandidate[], rules: readonly DrawRule[], seed: number): { items: DrawnItem[] } | { shortfall: DrawShortfall } {
  const random = seededRandom(seed);
  const taken = new Set<number>();
  const sorted = [...pool].sort((a, b) => a.id - b.id);
  const items: DrawnItem[] = [];
  for (const [index, rule] of rules.entries()) {
    const candidates = sorted.filter((q) => !taken.has(q.id) && q.type === rule.type && (!rule.category || q.category === rule.category));
    if (candidates.length < rule.count) return { shortfall: { rule: index, wanted: rule.count, available: candidates.length } };
    for (let i = 0; i < rule.count; i++) {
      const j = i + Math.floor(random() * (candidates.length - i));
      [candidates[i], candidates[j]] = [candidates[j] as DrawCandidate, candidates[i] as DrawCandidate];
      const q = candidates[i] as DrawCandidate;
      taken.add(q.id);
      items.push({ questionId: q.id, points: rule.points, rule: index });
    }
  }
  return { items };
}

/** The total a set of rules will give (shown while the rules are being written). */
export const rulesTotal = (rules: readonly DrawRule[]): number => rules.reduce((s, r) => s + r.count * r.points, 0);
