import { percentRate } from '../platform/rates.ts';
import { type SessionKind, type SittingMode, sessionKinds } from './rules.ts';

/**
 * Figures for leaders and supervisors: activities by kind and month, person-times, exam participation and
 * pass rates. Rates are percentages with one decimal, rounded half-up (61/65 → 93.8), as the report prints them.
 */

/** One decimal, half-up (scores may carry halves from partial credit; averages anything). */
export const oneDecimal = (x: number): number => (Math.sign(x) * Math.floor(Math.abs(x) * 10 + 0.5 + 1e-9)) / 10;

export type DatedKind = { kind: SessionKind; heldOn: string };

/** Activities (or attendance rows) per kind and calendar month: kind → twelve counts, January first. */
export function countsByKindAndMonth(rows: readonly DatedKind[]): Record<SessionKind, number[]> {
  const out = Object.fromEntries(sessionKinds.map((k) => [k, Array.from({ length: 12 }, () => 0)])) as Record<SessionKind, number[]>;
  for (const r of rows) {
    const month = Number(r.heldOn.slice(5, 7));
    const counts = out[r.kind];
    if (counts && month >= 1 && month <= 12) counts[month - 1] = (counts[month - 1] as number) + 1;
  }
  return out;
}

export function countsByKind(rows: readonly { kind: SessionKind }[]): Record<SessionKind, number> {
  const out = Object.fromEntries(sessionKinds.map((k) => [k, 0])) as Record<SessionKind, number>;
  for (const r of rows) out[r.kind] += 1;
  return out;
}

/** One candidate's line in an exam's result list (null score: did not sit). */
export type ResultLine = { score: number | null; passed: boolean | null; mode: SittingMode | null };
export type ExamSummary = {
  candidates: number;
  participants: number;
  passed: number;
  online: number;
  offline: number;
  participationRate: number | null;
  passRate: number | null;
  averageScore: number | null;
};

/** 参考率 = who sat / who should have; 及格率 = who passed / who sat. */
export function summarise(lines: readonly ResultLine[]): ExamSummary {
  const sat = lines.filter((l) => l.score !== null);
  const passed = sat.filter((l) => l.passed).length;
  const total = sat.reduce((s, l) => s + (l.score as number), 0);
  return {
    candidates: lines.length,
    participants: sat.length,
    passed,
    online: sat.filter((l) => l.mode === 'online').length,
    offline: sat.filter((l) => l.mode === 'offline').length,
    participationRate: percentRate(sat.length, lines.length),
    passRate: percentRate(passed, sat.length),
    averageScore: sat.length ? oneDecimal(total / sat.length) : null,
  };
}

/** The same summary per group (unit, person …), groups in first-seen order. */
export function summariseBy<L extends ResultLine, K>(lines: readonly L[], keyOf: (l: L) => K): { key: K; summary: ExamSummary }[] {
  const groups = new Map<K, L[]>();
  for (const l of lines) {
    const k = keyOf(l);
    const list = groups.get(k);
    if (list) list.push(l);
    else groups.set(k, [l]);
  }
  return [...groups].map(([key, list]) => ({ key, summary: summarise(list) }));
}
