import { describe, expect, it } from 'vitest';
import { addressToVillage, maskIdentifiersInText, maskNameForPublication } from '../platform/masking.ts';
import { workCalendar } from '../platform/workdays.ts';
import {
  addYears,
  amountOwed,
  type CaseFacts,
  caseAgenda,
  caseNumber,
  certificateWarning,
  courtApplicationProblem,
  courtApplicationWindow,
  daysLate,
  decisionDateProblem,
  decisionDeadline,
  defaultCutoffs,
  defaultHearingThresholds,
  defaultScoringItems,
  discussionProblem,
  earliestHearingDate,
  type HistoricCase,
  hearingEligible,
  hearingRequestDeadline,
  hearingRequestProblem,
  hearingScheduleProblem,
  heavierThanNoticeProblem,
  historicCaseProblems,
  type Instalment,
  lateSurcharge,
  legalReviewProblem,
  limitationEnds,
  limitationProblem,
  noticeProblem,
  type OfficerFacts,
  officersProblem,
  onSpotCollectionProblem,
  type PartyType,
  type PaymentPlan,
  type PenaltyKind,
  parseCaseNumber,
  paymentDeadline,
  paymentPlanProblem,
  percent,
  planDueDate,
  preservationDeadline,
  preservationHandlingProblem,
  publicationDeadline,
  reviewerProblem,
  scoreFile,
  serviceDeadline,
  serviceProblem,
  simpleProcedureProblem,
  withdrawalDeadline,
} from './rules.ts';

const cal = workCalendar([]);

describe('simple procedure limits (art. 51): warning, or a fine ≤ 200 元 (公民) / ≤ 3000 元 (组织)', () => {
  it.each<[PartyType, PenaltyKind[], number, RegExp | null]>([
    ['person', ['warning'], 0, null],
    ['person', ['fine'], 200, null],
    ['person', ['fine'], 200.01, /第五十一条.*200 元.*普通程序/],
    ['person', ['fine'], 201, /普通程序/],
    ['organisation', ['fine'], 3000, null],
    ['organisation', ['fine'], 3001, /第五十一条.*3000 元/],
    ['organisation', ['warning', 'fine'], 500, null],
    ['person', ['confiscate_income'], 0, /只能是警告或者罚款/],
    ['person', ['revoke_license'], 0, /吊销许可证件/],
    ['person', [], 0, /应当载明/],
    ['person', ['fine'], 0, /大于零/],
    ['person', ['warning'], 50, /未选择罚款/],
  ])('%s %j %d → %s', (partyType, kinds, fineAmount, expected) => {
    const problem = simpleProcedureProblem({ partyType, kinds, fineAmount });
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
});

describe('on-the-spot collection (art. 68): ≤ 100 元, or hard to execute later', () => {
  it.each<[number, boolean, boolean]>([
    [100, false, true],
    [50, false, true],
    [100.01, false, false],
    [200, true, true],
  ])('%d 元, hard to execute %s → allowed %s', (fine, hard, ok) => {
    expect(onSpotCollectionProblem(fine, hard) === null).toBe(ok);
    if (!ok) expect(onSpotCollectionProblem(fine, hard)).toMatch(/第六十八条/);
  });
});

describe('limitation (art. 36): 2 years, 5 where life/health/financial safety with harm, from the act or its end', () => {
  it.each<[string, string | null, boolean, string, boolean]>([
    ['2022-03-01', null, false, '2024-03-01', true],
    ['2022-03-01', null, false, '2024-03-02', false],
    ['2022-03-01', '2023-01-10', false, '2025-01-10', true],
    ['2022-03-01', '2023-01-10', false, '2025-01-11', false],
    ['2019-06-01', null, true, '2024-06-01', true],
    ['2019-06-01', null, true, '2024-06-02', false],
    ['2019-06-01', null, false, '2024-06-01', false],
    ['2020-02-29', null, false, '2022-02-28', true],
    ['2020-02-29', null, false, '2022-03-01', false],
  ])('act %s (end %s), five years %s, discovered %s → in time %s', (actDate, actEndDate, fiveYears, discoveredOn, inTime) => {
    const problem = limitationProblem({ actDate, actEndDate, fiveYears, discoveredOn });
    expect(problem === null).toBe(inTime);
    if (!inTime) expect(problem).toMatch(fiveYears ? /第三十六条规定的五年追责期限，不予立案/ : /第三十六条规定的二年追责期限，不予立案/);
  });
  it('counts from the end of a continuing act, and refuses impossible dates', () => {
    expect(limitationEnds({ actDate: '2022-01-01', actEndDate: '2022-12-31', fiveYears: false })).toBe('2024-12-31');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(limitationProblem({ actDate: '2024-05-01', actEndDate: '2024-04-01', fiveYears: false, discoveredOn: '2024-06-01' })).toMatch(/终了日期/);
    expect(limitationProblem({ actDate: '2024-05-01', fiveYears: false, discoveredOn: '2024-04-01' })).toMatch(/发现日期/);
  });
});

describe('officers (art. 42): at least two, each with a valid certificate on the day', () => {
  const o = (id: number, validUntil: string, active = true): OfficerFacts => ({
    id,
    name: `执法员${id}`,
    active,
    certificates: [{ number: `6542${id}`, validFrom: '2022-01-01', validUntil }],
  });
  it.each<[string, OfficerFacts[], string, RegExp | null]>([
    ['two valid', [o(1, '2026-12-31'), o(2, '2026-12-31')], '2024-05-01', null],
    ['one only', [o(1, '2026-12-31')], '2024-05-01', /不得少于两人/],
    ['the same officer twice', [o(1, '2026-12-31'), o(1, '2026-12-31')], '2024-05-01', /不得少于两人/],
    ['one expired', [o(1, '2026-12-31'), o(2, '2024-04-30')], '2024-05-01', /执法员2.*未持有有效的行政执法证件.*第四十二条/],
    ['valid on its last day', [o(1, '2024-05-01'), o(2, '2024-05-01')], '2024-05-01', null],
    ['not yet valid', [o(1, '2026-12-31'), o(2, '2026-12-31')], '2021-12-31', /未持有有效/],
    ['one has left', [o(1, '2026-12-31'), o(2, '2026-12-31', false)], '2024-05-01', /执法员2/],
    ['nobody', [], '2024-05-01', /不得少于两人/],
  ])('%s', (_name, officers, date, expected) => {
    const problem = officersProblem(officers, date);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
  it.each<[string, string, 'expired' | 'expiring' | null]>([
    ['2024-06-30', '2024-05-31', 'expiring'],
    ['2024-07-01', '2024-05-31', null],
    ['2024-05-31', '2024-05-31', 'expiring'],
    ['2024-05-30', '2024-05-31', 'expired'],
  ])('certificate valid until %s, today %s → %s', (until, today, warn) => {
    expect(certificateWarning(until, today)).toBe(warn);
  });
});

describe('legal review (art. 58) and collective discussion (art. 57)', () => {
  it('the reviewer is not an investigator', () => {
    expect(reviewerProblem(5, [1, 2])).toBeNull();
    expect(reviewerProblem(2, [1, 2])).toMatch(/不得是本案的调查人员/);
  });
  it.each<[string, Parameters<typeof legalReviewProblem>[0], RegExp | null]>([
    ['no condition, no review', { conditions: [], reviews: [], outcome: 'penalty' }, null],
    ['a condition, no review', { conditions: ['public_interest'], reviews: [], outcome: 'penalty' }, /第五十八条.*未经法制审核，不得作出决定/],
    ['a condition, agreed', { conditions: ['complex'], reviews: [{ opinion: 'agree', reviewedOn: '2024-05-01' }], outcome: 'penalty' }, null],
    ['corrected, not yet re-reviewed', { conditions: ['major_rights'], reviews: [{ opinion: 'correct', reviewedOn: '2024-05-01' }], outcome: 'penalty' }, /纠正.*审核未通过/],
    [
      'corrected then agreed',
      {
        conditions: ['major_rights'],
        reviews: [
          { opinion: 'correct', reviewedOn: '2024-05-01' },
          { opinion: 'agree', reviewedOn: '2024-05-06' },
        ],
        outcome: 'penalty',
      },
      null,
    ],
    ['transfer opinion, penalty decided', { conditions: ['complex'], reviews: [{ opinion: 'transfer', reviewedOn: '2024-05-01' }], outcome: 'penalty' }, /移送/],
    ['transfer opinion, transfer decided', { conditions: ['complex'], reviews: [{ opinion: 'transfer', reviewedOn: '2024-05-01' }], outcome: 'transfer' }, null],
    ['after a hearing, no condition flagged', { conditions: [], reviews: [], outcome: 'penalty', hearingHeldOn: '2024-05-10' }, /未经法制审核/],
    [
      'reviewed before the hearing only',
      { conditions: ['complex'], reviews: [{ opinion: 'agree', reviewedOn: '2024-05-01' }], outcome: 'penalty', hearingHeldOn: '2024-05-10' },
      /听证后须重新进行法制审核/,
    ],
    ['reviewed after the hearing', { conditions: ['complex'], reviews: [{ opinion: 'agree', reviewedOn: '2024-05-11' }], outcome: 'penalty', hearingHeldOn: '2024-05-10' }, null],
    ['no condition, but a review said correct', { conditions: [], reviews: [{ opinion: 'correct', reviewedOn: '2024-05-01' }], outcome: 'penalty' }, /纠正/],
  ])('%s', (_name, input, expected) => {
    const problem = legalReviewProblem(input);
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
  it('complex or major cases need a collective discussion', () => {
    expect(discussionProblem({ complexOrMajor: true, discussedOn: null })).toMatch(/第五十七条第二款/);
    expect(discussionProblem({ complexOrMajor: true, discussedOn: '2024-05-02' })).toBeNull();
    expect(discussionProblem({ complexOrMajor: false, discussedOn: null })).toBeNull();
  });
});

describe('hearing (arts 63, 64) with working days (art. 85)', () => {
  const t = defaultHearingThresholds;
  it.each<[PartyType, PenaltyKind[], number, number, boolean]>([
    ['person', ['fine'], 4999, 0, false],
    ['person', ['fine'], 5000, 0, true],
    ['organisation', ['fine'], 49999, 0, false],
    ['organisation', ['fine'], 50000, 0, true],
    ['person', ['warning'], 0, 0, false],
    ['person', ['revoke_license'], 0, 0, true],
    ['organisation', ['stop_business'], 0, 0, true],
    ['person', ['suspend_license'], 0, 0, true],
    ['person', ['restrict_business'], 0, 0, true],
    ['person', ['confiscate_property'], 0, 50000, true],
    ['person', ['confiscate_income'], 0, 49999, false],
  ])('%s %j fine %d confiscation %d → eligible %s', (party, kinds, fineAmount, confiscationValue, eligible) => {
    expect(hearingEligible(party, { kinds, fineAmount, confiscationValue }, t)).toBe(eligible);
  });
  it.each<[string, string, string]>([
    // Thursday 8 Feb 2024: Friday 9th, then the Spring Festival (10–17), then the 调休 Sunday 18th counts.
    ['Spring Festival 2024', '2024-02-08', '2024-02-21'],
    // Friday 27 Sep 2024: 调休 Sunday 29th, Monday 30th, National Day (1–7 Oct), then 8, 9, 10 Oct.
    ['National Day 2024', '2024-09-27', '2024-10-10'],
    ['an ordinary week', '2024-05-13', '2024-05-20'],
  ])('hearing request within 5 working days across %s: told %s → last day %s', (_name, told, deadline) => {
    expect(hearingRequestDeadline(cal, told)).toBe(deadline);
    expect(hearingRequestProblem(cal, { eligible: true, noticeServedOn: told, requestedOn: deadline })).toBeNull();
    const late = new Date(`${deadline}T00:00:00Z`);
    late.setUTCDate(late.getUTCDate() + 1);
    expect(hearingRequestProblem(cal, { eligible: true, noticeServedOn: told, requestedOn: late.toISOString().slice(0, 10) })).toMatch(/五日内.*第六十四条第一项、第八十五条/);
  });
  it('a request for a penalty without a hearing right is refused', () => {
    expect(hearingRequestProblem(cal, { eligible: false, noticeServedOn: '2024-05-13', requestedOn: '2024-05-14' })).toMatch(/第六十三条/);
  });
  it.each<[string, string, string]>([
    ['Spring Festival', '2024-02-07', '2024-02-22'],
    ['National Day (调休 Saturday 12 Oct counts)', '2024-09-27', '2024-10-12'],
    ['Labour Day 调休 (Saturday 11 May works)', '2024-05-06', '2024-05-14'],
  ])('hearing notice 7 working days ahead across %s: notified %s → earliest %s', (_name, notified, earliest) => {
    expect(earliestHearingDate(cal, notified)).toBe(earliest);
    expect(hearingScheduleProblem(cal, { notifiedOn: notified, hearingOn: earliest, presiderId: 9, investigatorIds: [1, 2] })).toBeNull();
    const early = new Date(`${earliest}T00:00:00Z`);
    early.setUTCDate(early.getUTCDate() - 1);
    expect(hearingScheduleProblem(cal, { notifiedOn: notified, hearingOn: early.toISOString().slice(0, 10), presiderId: 9, investigatorIds: [1, 2] })).toMatch(
      /七日前.*第六十四条第二项/,
    );
  });
  it('the presider is not an investigator', () => {
    expect(hearingScheduleProblem(cal, { notifiedOn: '2024-05-06', hearingOn: '2024-05-20', presiderId: 2, investigatorIds: [1, 2] })).toMatch(/非本案调查人员主持/);
  });
});

describe('before the decision (arts 44, 45, 60, 62, 64)', () => {
  it.each<[string, string, string | null, boolean]>([
    ['2024-03-01', '2024-05-30', null, true],
    ['2024-03-01', '2024-05-31', null, false],
    ['2024-03-01', '2024-06-20', '2024-06-29', true],
    ['2024-03-01', '2024-02-28', null, false],
  ])('filed %s, decided %s (extended to %s) → in time %s', (filedOn, decidedOn, extendedTo, ok) => {
    const problem = decisionDateProblem({ filedOn, decidedOn, extendedTo });
    expect(problem === null).toBe(ok);
    if (!ok && decidedOn > filedOn) expect(problem).toMatch(/第六十条.*九十日/);
  });
  it('90 days are calendar days', () => {
    expect(decisionDeadline('2024-01-10')).toBe('2024-04-09');
    expect(decisionDeadline('2024-09-20')).toBe('2024-12-19');
  });
  const base = {
    noticeServedOn: '2024-05-13',
    statementsRecorded: true,
    hearingEligible: false,
    hearingRequested: false,
    hearingWaived: false,
    hearingHeldOn: null,
    decidedOn: '2024-05-14',
  };
  it.each<[string, Partial<typeof base>, RegExp | null]>([
    ['told and heard', {}, null],
    ['never told', { noticeServedOn: null as unknown as string }, /第四十四条、第六十二条/],
    ['statements not recorded', { statementsRecorded: false }, /陈述、申辩/],
    ['hearing right, window open', { hearingEligible: true, decidedOn: '2024-05-20' }, /2024-05-20 前.*第六十四条第一项/],
    ['hearing right, window closed', { hearingEligible: true, decidedOn: '2024-05-21' }, null],
    ['hearing right waived', { hearingEligible: true, hearingWaived: true }, null],
    ['hearing requested, not held', { hearingEligible: true, hearingRequested: true, decidedOn: '2024-06-20' }, /听证结束前不得/],
    ['hearing requested and held', { hearingEligible: true, hearingRequested: true, hearingHeldOn: '2024-05-30' as unknown as null, decidedOn: '2024-06-20' }, null],
  ])('%s', (_name, change, expected) => {
    const problem = noticeProblem(cal, { ...base, ...change });
    if (expected) expect(problem).toMatch(expected);
    else expect(problem).toBeNull();
  });
  it.each<[string, number, number, PenaltyKind[], PenaltyKind[], boolean]>([
    ['same fine', 2000, 2000, ['fine'], ['fine'], true],
    ['lower fine after statements', 2000, 1500, ['fine'], ['fine'], true],
    ['higher fine', 2000, 2500, ['fine'], ['fine'], false],
    ['an extra heavier kind', 2000, 2000, ['fine'], ['fine', 'suspend_license'], false],
    ['warning added', 2000, 1000, ['fine'], ['warning', 'fine'], true],
  ])('art. 45②: %s', (_name, notifiedFine, decidedFine, notifiedKinds, decidedKinds, ok) => {
    const problem = heavierThanNoticeProblem(
      { kinds: notifiedKinds, fineAmount: notifiedFine, confiscationValue: 0 },
      { kinds: decidedKinds, fineAmount: decidedFine, confiscationValue: 0 },
    );
    expect(problem === null).toBe(ok);
    if (!ok) expect(problem).toMatch(/第四十五条第二款/);
  });
});

describe('service (art. 61), payment (art. 67), surcharge (art. 72)', () => {
  it.each<[string, string, string]>([
    ['Spring Festival', '2024-02-07', '2024-02-22'],
    ['National Day', '2024-09-27', '2024-10-12'],
    ['Labour Day 调休', '2024-05-06', '2024-05-14'],
    ['Dragon Boat Festival (10 June)', '2024-06-03', '2024-06-13'],
  ])('service within 7 working days across %s: decided %s → by %s', (_name, decided, by) => {
    expect(serviceDeadline(cal, decided)).toBe(by);
    expect(serviceProblem(cal, { decidedOn: decided, servedOn: by, method: 'direct', electronicConsent: false })).toBeNull();
    const late = new Date(`${by}T00:00:00Z`);
    late.setUTCDate(late.getUTCDate() + 1);
    const lateDay = late.toISOString().slice(0, 10);
    expect(serviceProblem(cal, { decidedOn: decided, servedOn: lateDay, method: 'direct', electronicConsent: false })).toMatch(/七日内.*第六十一条/);
    expect(serviceProblem(cal, { decidedOn: decided, servedOn: lateDay, method: 'direct', electronicConsent: false, lateReason: '当事人外出务工' })).toBeNull();
  });
  it('electronic service needs consent; on-the-spot delivery is the same day', () => {
    expect(serviceProblem(cal, { decidedOn: '2024-05-06', servedOn: '2024-05-06', method: 'electronic', electronicConsent: false })).toMatch(/第六十一条第二款/);
    expect(serviceProblem(cal, { decidedOn: '2024-05-06', servedOn: '2024-05-06', method: 'electronic', electronicConsent: true })).toBeNull();
    expect(serviceProblem(cal, { decidedOn: '2024-05-06', servedOn: '2024-05-07', method: 'on_spot', electronicConsent: false })).toMatch(/当日/);
    expect(serviceProblem(cal, { decidedOn: '2024-05-06', servedOn: '2024-05-05', method: 'direct', electronicConsent: false })).toMatch(/不能早于/);
  });
  it.each<[string, string]>([
    ['2024-05-06', '2024-05-21'],
    ['2024-09-27', '2024-10-12'],
    ['2024-12-20', '2025-01-04'],
  ])('payment within 15 calendar days: served %s → by %s', (served, by) => {
    expect(paymentDeadline(served)).toBe(by);
  });
  it.each<[number, string, string, number, number]>([
    [1000, '2024-05-21', '2024-05-21', 0, 0],
    [1000, '2024-05-21', '2024-05-22', 0, 30],
    [1000, '2024-05-21', '2024-05-31', 0, 300],
    [1000, '2024-05-21', '2024-06-23', 0, 990],
    [1000, '2024-05-21', '2024-06-24', 0, 1000],
    [1000, '2024-05-21', '2024-12-31', 0, 1000],
    [1000, '2024-05-21', '2024-06-20', 20, 300],
    [333.33, '2024-05-21', '2024-05-22', 0, 10],
  ])('fine %d due %s paid %s (%d days under review) → surcharge %d 元', (fine, due, on, excluded, surcharge) => {
    expect(lateSurcharge(fine, daysLate(due, on, excluded))).toBe(surcharge);
  });
});

describe('publication (118号: 7 working days) and withdrawal (art. 48: 3 working days)', () => {
  it.each<[string, string]>([
    ['2024-02-07', '2024-02-22'],
    ['2024-09-27', '2024-10-12'],
  ])('decided %s → published by %s', (decided, by) => {
    expect(publicationDeadline(cal, decided)).toBe(by);
  });
  it.each<[string, string]>([
    ['2024-09-30', '2024-10-10'],
    ['2024-02-08', '2024-02-19'],
    ['2024-05-06', '2024-05-09'],
  ])('changed %s → withdrawn by %s', (changed, by) => {
    expect(withdrawalDeadline(cal, changed)).toBe(by);
  });
});

describe('numbers, rates and scoring', () => {
  it('formats the per-town number', () => {
    expect(caseNumber('四镇综执', 'decision', 2024, 1)).toBe('四镇综执罚〔2024〕1号');
    expect(caseNumber('四镇综执', 'filing', 2025, 12)).toBe('四镇综执立〔2025〕12号');
  });
  it('rates round half-up to one decimal', () => {
    expect(percent(61, 65)).toBe(93.8);
    expect(percent(8, 8)).toBe(100);
    expect(percent(1, 0)).toBeNull();
    expect(percent(1, 8)).toBe(12.5);
  });
  it.each<[string, Record<string, number>, string[], number, string]>([
    ['no deduction', {}, [], 100, 'excellent'],
    ['deductions to 89', { forms: 5, process: 6 }, [], 89, 'pass'],
    ['deductions to 59', { evidence: 25, application: 16 }, [], 59, 'fail'],
    ['a veto item', {}, ['procedure_illegal'], 0, 'fail'],
  ])('%s', (_name, deductions, vetoed, total, grade) => {
    const r = scoreFile(defaultScoringItems, deductions, vetoed, defaultCutoffs);
    expect(r).toMatchObject({ total, grade, problem: null });
  });
  it('refuses unknown items, deductions over the points and vetoes on ordinary items', () => {
    expect(scoreFile(defaultScoringItems, { nope: 1 }, [], defaultCutoffs).problem).toMatch(/没有项目/);
    expect(scoreFile(defaultScoringItems, { forms: 9 }, [], defaultCutoffs).problem).toMatch(/0–8/);
    expect(scoreFile(defaultScoringItems, {}, ['forms'], defaultCutoffs).problem).toMatch(/不是否决项/);
  });
});

const agendaFacts: CaseFacts = {
  procedure: 'ordinary',
  status: 'notified',
  outcome: 'penalty',
  filedOn: '2024-09-20',
  extendedTo: null,
  noticeServedOn: '2024-09-27',
  hearingEligible: true,
  hearingRequested: false,
  hearingWaived: false,
  hearingHeldOn: null,
  hearingOn: null,
  statementsRecorded: false,
  reviewConditions: ['complex'],
  reviews: [],
  complexOrMajor: true,
  discussedOn: null,
  decidedOn: null,
  servedOn: null,
  fineAmount: 8000,
  paidAmount: 0,
  publishedOn: null,
  decisionChangedOn: null,
  withdrawnOn: null,
  evidenceCount: 3,
  preservationsPending: [],
  paymentDueOn: null,
  courtAppliedOn: null,
  imported: false,
};
describe('case agenda: what is due, overdue and blocked', () => {
  const facts = agendaFacts;
  it('lists the 90-day and hearing deadlines and every block', () => {
    const a = caseAgenda(cal, facts);
    expect(a.next).toBe('作出决定');
    expect(a.deadlines).toEqual([
      { label: '作出处罚决定', due: '2024-12-19', article: '第六十条' },
      { label: '当事人要求听证期限', due: '2024-10-10', article: '第六十四条' },
    ]);
    expect(a.blocked.join('\n')).toMatch(/陈述、申辩/);
    expect(a.blocked.join('\n')).toMatch(/未经法制审核/);
    expect(a.blocked.join('\n')).toMatch(/集体讨论/);
  });
  it('after the decision: service, then payment and publication', () => {
    const decided = caseAgenda(cal, { ...facts, status: 'decided', decidedOn: '2024-10-08' });
    expect(decided.deadlines.map((d) => d.label)).toEqual(['送达决定书', '公示处罚决定']);
    const served = caseAgenda(cal, { ...facts, status: 'served', decidedOn: '2024-10-08', servedOn: '2024-10-09', publishedOn: '2024-10-10' });
    expect(served.deadlines).toEqual([
      { label: '缴纳罚款', due: '2024-10-24', article: '第六十七条' },
      { label: '逾期不缴纳的，申请人民法院强制执行', due: '2025-07-09', article: '《行政强制法》第五十三条' },
    ]);
    expect(served.next).toBe('执行（缴纳罚款）');
    const changed = caseAgenda(cal, { ...facts, status: 'closed', decidedOn: '2024-10-08', servedOn: '2024-10-09', publishedOn: '2024-10-10', decisionChangedOn: '2024-11-01' });
    expect(changed.deadlines).toEqual([{ label: '撤回公示信息', due: '2024-11-06', article: '第四十八条第二款' }]);
  });
  it('a case moved in from the old register is not held to a publication the platform never recorded', () => {
    const closed = { ...facts, status: 'closed' as const, decidedOn: '2024-10-08', servedOn: '2024-10-09' };
    expect(caseAgenda(cal, closed).deadlines.map((d) => d.label)).toEqual(['公示处罚决定']);
    expect(caseAgenda(cal, { ...closed, imported: true })).toEqual({ next: '归档', deadlines: [], blocked: [] });
  });
});

describe('historic cases (台账导入)', () => {
  const h: HistoricCase = {
    procedure: 'ordinary',
    partyType: 'person',
    filedOn: '2021-03-01',
    decidedOn: '2021-04-01',
    closedOn: '2021-05-01',
    archivedOn: null,
    kinds: ['fine'],
    fineAmount: 2000,
    confiscationValue: 0,
    officerIds: [1, 2],
  };
  const today = '2026-12-03';
  it('holds a closed case to its dates in order, amounts that match the kinds, two officers', () => {
    expect(historicCaseProblems(h, today)).toEqual([]);
    expect(historicCaseProblems({ ...h, filedOn: null }, today)).toEqual([{ field: 'filedOn', message: '普通程序案件应填写立案日期' }]);
    expect(historicCaseProblems({ ...h, decidedOn: '2021-02-28', closedOn: '2021-02-27' }, today)).toEqual([
      { field: 'decidedOn', message: '处罚决定日期不能早于立案日期' },
      { field: 'closedOn', message: '结案日期不能早于处罚决定日期' },
    ]);
    expect(historicCaseProblems({ ...h, closedOn: '2027-01-01', archivedOn: '2027-01-02' }, today).map((p) => p.field)).toEqual(['closedOn', 'archivedOn']);
    expect(historicCaseProblems({ ...h, kinds: ['warning'], confiscationValue: 5 }, today)).toEqual([
      { field: 'fineAmount', message: '未选择罚款种类却填写了罚款金额' },
      { field: 'confiscationValue', message: '未选择没收违法所得或没收非法财物，却填写了没收金额' },
    ]);
    expect(historicCaseProblems({ ...h, officerIds: [1, 1] }, today)).toEqual([{ field: 'officerIds', message: '执法人员不得少于两人（《行政处罚法》第四十二条）' }]);
  });
  it('holds an on-the-spot case to art. 51', () => {
    const simple = { ...h, procedure: 'simple' as const, filedOn: null, decidedOn: '2021-04-01' };
    expect(historicCaseProblems({ ...simple, fineAmount: 200 }, today)).toEqual([]);
    expect(historicCaseProblems({ ...simple, fineAmount: 201 }, today)[0]).toMatchObject({ field: 'fineAmount', message: expect.stringMatching(/第五十一条.*200 元/) });
    expect(historicCaseProblems({ ...simple, filedOn: '2021-03-01' }, today)[0]?.field).toBe('filedOn');
  });
  it('reads a number of the body’s pattern, so the counter never hands it out again', () => {
    expect(parseCaseNumber('四镇综执', '四镇综执罚〔2024〕12号')).toEqual({ kind: 'decision', year: 2024, seq: 12 });
    expect(parseCaseNumber('四镇综执', '白镇综执罚〔2024〕12号')).toBeNull();
    expect(parseCaseNumber('四镇综执', '（2019）第3号')).toBeNull();
  });
});

describe('money owed', () => {
  it('is the fine and surcharge not yet paid, and nothing without a penalty', () => {
    const c = { outcome: 'penalty' as const, fineAmount: 1000, paidAmount: 1000, surchargeDue: 30.1, surchargePaid: 30 };
    expect(amountOwed(c)).toBe(0.1);
    expect(amountOwed({ ...c, surchargePaid: 30.1 })).toBe(0);
    expect(amountOwed({ ...c, paidAmount: 400 })).toBe(600.1);
    expect(amountOwed({ ...c, outcome: 'no_penalty', paidAmount: 0 })).toBe(0);
  });
});

describe('execution: 先行登记保存, 暂缓/分期缴纳, court enforcement', () => {
  it('art. 56: a decision on preserved evidence within 7 working days, or a reason', () => {
    // approved Monday 2024-09-30; 国庆 1–7 Oct are holidays and Sat 12 Oct a working day: the 7th is Tue 2024-10-15
    expect(preservationDeadline(cal, '2024-09-30')).toBe('2024-10-15');
    expect(preservationHandlingProblem(cal, { approvedOn: '2024-09-30', handledOn: '2024-10-15' })).toBeNull();
    expect(preservationHandlingProblem(cal, { approvedOn: '2024-09-30', handledOn: '2024-10-17' })).toMatch(/七日内.*2024-10-15.*第五十六条/);
    expect(preservationHandlingProblem(cal, { approvedOn: '2024-09-30', handledOn: '2024-10-17', lateReason: '鉴定机构出具报告延迟' })).toBeNull();
    expect(preservationHandlingProblem(cal, { approvedOn: '2024-09-30', handledOn: '2024-09-29' })).toMatch(/不能早于/);
  });
  it('an unhandled preservation shows its deadline and blocks the end of the investigation', () => {
    const investigating: CaseFacts = { ...agendaFacts, status: 'investigating', preservationsPending: ['2024-09-30'] };
    const a = caseAgenda(cal, investigating);
    expect(a.deadlines).toContainEqual({ label: '先行登记保存处理决定', due: '2024-10-15', article: '第五十六条' });
    expect(a.blocked).toContain('先行登记保存的证据尚未作出处理决定');
  });
  const plan: PaymentPlan = {
    kind: 'instalments',
    appliedOn: '2024-10-12',
    approvedOn: '2024-10-14',
    reason: '家庭经济困难，无力一次缴清',
    instalments: [
      { dueOn: '2024-11-15', amount: 3000 },
      { dueOn: '2024-12-15', amount: 3000 },
      { dueOn: '2025-01-15', amount: 2000 },
    ],
  };
  const base = { servedOn: '2024-10-09', paymentDue: '2024-10-24', outstanding: 8000 };
  it('art. 66: a plan needs a reason, ordered dates and instalments summing to what is owed', () => {
    expect(paymentPlanProblem({ ...base, plan })).toBeNull();
    expect(paymentPlanProblem({ ...base, plan: { ...plan, reason: ' ' } })).toMatch(/经济困难.*第六十六条/);
    expect(paymentPlanProblem({ ...base, outstanding: 7000, plan })).toMatch(/合计 8000.00 元，应等于尚未缴纳的罚款 7000.00 元/);
    expect(paymentPlanProblem({ ...base, plan: { ...plan, instalments: [plan.instalments[1], plan.instalments[0], plan.instalments[2]] as Instalment[] } })).toMatch(
      /第2期.*晚于上一期/,
    );
    expect(paymentPlanProblem({ ...base, plan: { ...plan, kind: 'defer' } })).toMatch(/暂缓缴纳只有一个/);
    expect(paymentPlanProblem({ ...base, plan: { ...plan, kind: 'defer', instalments: [{ dueOn: '2024-10-20', amount: 8000 }] } })).toMatch(/晚于原缴款期限 2024-10-24/);
    expect(paymentPlanProblem({ ...base, plan: { ...plan, kind: 'defer', instalments: [{ dueOn: '2024-12-31', amount: 8000 }] } })).toBeNull();
    expect(paymentPlanProblem({ ...base, plan: { ...plan, appliedOn: '2024-10-01' } })).toMatch(/不能早于决定书送达日期/);
  });
  it('the surcharge runs from the first instalment missed', () => {
    expect(planDueDate(plan, 0, [])).toBe('2024-11-15');
    expect(planDueDate(plan, 0, [{ paidOn: '2024-11-10', amount: 3000 }])).toBe('2024-12-15');
    expect(
      planDueDate(plan, 0, [
        { paidOn: '2024-11-10', amount: 6000 },
        { paidOn: '2025-01-10', amount: 2000 },
      ]),
    ).toBe('2025-01-15');
    // the second instalment paid late: the surcharge runs from its deadline
    expect(
      planDueDate(plan, 0, [
        { paidOn: '2024-11-10', amount: 3000 },
        { paidOn: '2024-12-20', amount: 5000 },
      ]),
    ).toBe('2024-12-15');
  });
  it('行政强制法 arts 53/54: urge first, wait 10 days, apply within 3 months after the 6-month litigation period', () => {
    expect(courtApplicationWindow('2024-08-31')).toEqual({ from: '2025-03-01', to: '2025-05-28' });
    const c = { servedOn: '2024-10-09', paymentDue: '2024-10-24' };
    expect(courtApplicationProblem({ ...c, urgedOn: '2025-04-01', appliedOn: '2025-04-20' })).toBeNull();
    expect(courtApplicationProblem({ ...c, urgedOn: '2024-10-20', appliedOn: '2025-04-20' })).toMatch(/逾期不履行/);
    expect(courtApplicationProblem({ ...c, urgedOn: '2025-04-15', appliedOn: '2025-04-20' })).toMatch(/十日后.*最早 2025-04-25/);
    expect(courtApplicationProblem({ ...c, urgedOn: '2024-11-01', appliedOn: '2025-01-10' })).toMatch(/2025-04-09 届满/);
    expect(courtApplicationProblem({ ...c, urgedOn: '2025-06-01', appliedOn: '2025-08-01' })).toMatch(/至 2025-07-09/);
  });
});

describe('publication masking (118号 公示 with personal data protected)', () => {
  it.each<[string, string]>([
    ['张三', '张某某'],
    ['张三丰', '张某某'],
    ['艾尔肯·吐尔逊', '艾某某'],
    ['王', '王某某'],
  ])('name %s → %s', (name, masked) => {
    expect(maskNameForPublication(name)).toBe(masked);
  });
  it.each<[string, string]>([
    ['乌苏市四棵树镇黄渠村3组8号', '乌苏市四棵树镇黄渠村'],
    ['乌苏市四棵树镇吉尔格勒特村7组4号', '乌苏市四棵树镇吉尔格勒特村'],
    ['乌苏市南苑街道文化社区12栋3单元', '乌苏市南苑街道文化社区'],
    ['乌苏市四棵树镇人民路1号', '乌苏市四棵树镇'],
    ['人民路1号', ''],
  ])('address %s → %s', (address, cut) => {
    expect(addressToVillage(address)).toBe(cut);
  });
  it('hides ID and mobile numbers inside free text', () => {
    expect(maskIdentifiersInText('身份证654202198807071234，电话13912345678，罚款2000元')).toBe('身份证654***********1234，电话139****5678，罚款2000元');
  });
});
