import { describe, expect, it } from 'vitest';
import {
  type Appearance,
  type AppearanceRole,
  appealProblem,
  appearanceRates,
  appearanceRoleLabels,
  appearanceRoles,
  caseOutcomeRates,
  countsAsHead,
  formatRate,
  type HearingFact,
  headAppeared,
  isCompletedLate,
  isMatterOverdue,
  type MatterStatus,
  matterStatuses,
  matterTransitionProblem,
  ratePercent,
} from './rules.ts';

const a = (role: AppearanceRole, identityProof = true): Appearance => ({ name: '某某', position: '职务', role, identityProof });

describe('countsAsHead (规定 art 2, art 6)', () => {
  it.each<[AppearanceRole, boolean]>([
    ['principal', true],
    ['deputy', true],
    ['in_charge', true],
    ['staff', false],
    ['lawyer', false],
    ['other_organ_head', false],
    ['subordinate_organ_head', false],
  ])('%s counts as 负责人: %s', (role, expected) => {
    expect(countsAsHead(a(role))).toBe(expected);
  });

  it('a head without the identity proof is treated as not having appeared', () => {
    expect(countsAsHead(a('principal', false))).toBe(false);
  });

  it('a hearing has a head when any person for the town counts', () => {
    expect(headAppeared([a('staff'), a('lawyer')])).toBe(false);
    expect(headAppeared([a('staff'), a('deputy')])).toBe(true);
    expect(headAppeared([])).toBe(false);
  });

  it('labels say who is 受委托', () => {
    expect(appearanceRoles.filter((r) => appearanceRoleLabels[r].includes('受委托'))).toEqual(['staff', 'lawyer', 'other_organ_head', 'subordinate_organ_head']);
  });
});

describe('ratePercent: one decimal, half-up, exact', () => {
  it.each<[number, number, number | null, string]>([
    [61, 65, 93.8, '93.8%'],
    [1, 3, 33.3, '33.3%'],
    [2, 3, 66.7, '66.7%'],
    [1, 16, 6.3, '6.3%'],
    [1, 8, 12.5, '12.5%'],
    [1, 40, 2.5, '2.5%'],
    [1, 1, 100, '100.0%'],
    [0, 5, 0, '0.0%'],
    [0, 0, null, '—'],
  ])('%i/%i → %s', (n, d, rate, text) => {
    expect(ratePercent(n, d)).toBe(rate);
    expect(formatRate(ratePercent(n, d))).toBe(text);
  });
});

describe('appearanceRates: per hearing and per case (each 审级 separately, art 7)', () => {
  const h = (lawsuitId: number, instance: HearingFact['instance'], roles: AppearanceRole[], kind: HearingFact['kind'] = 'litigation'): HearingFact => ({
    lawsuitId,
    kind,
    instance,
    appearances: roles.map((r) => a(r)),
  });

  it('counts hearings and cases with their numerators and denominators', () => {
    const r = appearanceRates([
      // Case 1: two first-instance hearings, the head at the second → the case counts, one hearing of two.
      h(1, 'first', ['staff']),
      h(1, 'first', ['principal', 'lawyer']),
      // Case 1 on appeal: the second instance is a duty of its own, nobody but a lawyer.
      h(1, 'second', ['lawyer']),
      // Case 2: a subordinate organ's head on the town's behalf does not count.
      h(2, 'first', ['subordinate_organ_head']),
      // Case 3: the deputy in charge.
      h(3, 'first', ['in_charge']),
      // A reconsideration is not counted at all.
      h(4, 'first', ['staff'], 'reconsideration'),
    ]);
    expect(r.hearings).toEqual({ numerator: 2, denominator: 5, rate: 40 });
    expect(r.cases).toEqual({ numerator: 2, denominator: 4, rate: 50 });
    expect(r.byInstance).toEqual([
      { instance: 'first', hearings: { numerator: 2, denominator: 4, rate: 50 }, cases: { numerator: 2, denominator: 3, rate: 66.7 } },
      { instance: 'second', hearings: { numerator: 0, denominator: 1, rate: 0 }, cases: { numerator: 0, denominator: 1, rate: 0 } },
    ]);
  });

  it('nothing heard: no rate', () => {
    expect(appearanceRates([])).toEqual({ hearings: { numerator: 0, denominator: 0, rate: null }, cases: { numerator: 0, denominator: 0, rate: null }, byInstance: [] });
  });

  it('the demo case: the 镇长 appeared → 1/1', () => {
    expect(appearanceRates([h(7, 'first', ['principal', 'staff', 'lawyer'])]).cases).toEqual({ numerator: 1, denominator: 1, rate: 100 });
  });
});

describe('caseOutcomeRates', () => {
  it('lost among concluded; performed among lost', () => {
    const r = caseOutcomeRates([
      { kind: 'litigation', status: 'concluded', outcome: 'won', judgmentPerformed: null },
      { kind: 'litigation', status: 'concluded', outcome: 'lost', judgmentPerformed: true },
      { kind: 'litigation', status: 'concluded', outcome: 'lost', judgmentPerformed: false },
      { kind: 'reconsideration', status: 'concluded', outcome: 'withdrawn', judgmentPerformed: null },
      { kind: 'litigation', status: 'pending', outcome: null, judgmentPerformed: null },
    ]);
    expect(r.lost).toEqual({ numerator: 2, denominator: 4, rate: 50 });
    expect(r.performed).toEqual({ numerator: 1, denominator: 2, rate: 50 });
  });
});

describe('matters', () => {
  const allowed: [MatterStatus, MatterStatus][] = [
    ['pending', 'in_progress'],
    ['pending', 'done'],
    ['pending', 'cancelled'],
    ['in_progress', 'done'],
    ['in_progress', 'cancelled'],
  ];
  const refused = matterStatuses.flatMap((from) => matterStatuses.filter((to) => !allowed.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as const));
  it.each(allowed)('%s → %s allowed', (from, to) => expect(matterTransitionProblem(from, to)).toBeNull());
  it.each(refused)('%s → %s refused', (from, to) => expect(matterTransitionProblem(from, to)).toMatch(/[\u4e00-\u9fa5]/));

  it.each<[MatterStatus, string, string, boolean]>([
    ['pending', '2024-06-17', '2024-06-18', true],
    ['in_progress', '2024-06-17', '2024-06-18', true],
    ['pending', '2024-06-17', '2024-06-17', false],
    ['done', '2024-06-17', '2024-07-01', false],
    ['cancelled', '2024-06-17', '2024-07-01', false],
  ])('%s with deadline %s on %s overdue: %s', (status, deadline, today, expected) => {
    expect(isMatterOverdue(status, deadline, today)).toBe(expected);
  });

  it('done after the deadline is late', () => {
    expect(isCompletedLate('done', '2024-09-10', '2024-09-12')).toBe(true);
    expect(isCompletedLate('done', '2024-09-10', '2024-09-10')).toBe(false);
  });
});

describe('appeals go up a level', () => {
  it.each<[Parameters<typeof appealProblem>[0], Parameters<typeof appealProblem>[1], boolean]>([
    ['first', 'second', true],
    ['first', 'retrial', true],
    ['second', 'retrial', true],
    ['second', 'second', false],
    ['retrial', 'second', false],
  ])('%s → %s allowed: %s', (from, to, ok) => {
    expect(appealProblem(from, to) === null).toBe(ok);
  });
});
