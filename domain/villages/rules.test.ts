import { describe, expect, it } from 'vitest';
import {
  type Adoption,
  adoptionProblem,
  assessmentResultLabels,
  assessmentResults,
  checklistProgress,
  daysBetween,
  defaultReviewCycleYears,
  type HonourStatus,
  honourLevelLabels,
  honourLevels,
  honourStatuses,
  honourTransitionProblem,
  inspectionConclusionLabels,
  type ReminderState,
  reminderState,
  reviewDueDate,
  reviewDueYear,
  statusAfterConclusion,
  submitProblem,
} from './rules.ts';

describe('reviewDueYear (全国: 每两年复核一次)', () => {
  it.each<[string, { status: HonourStatus; namedYear: number | null; reviewCycleYears: number | null; lastReviewYear: number | null }, number | null]>([
    ['named 2022, never reviewed → 2024', { status: 'named', namedYear: 2022, reviewCycleYears: 2, lastReviewYear: null }, 2024],
    ['named 2022, reviewed 2024 → 2026', { status: 'named', namedYear: 2022, reviewCycleYears: 2, lastReviewYear: 2024 }, 2026],
    ['named 2021, reviewed 2021 (same year) → 2023', { status: 'named', namedYear: 2021, reviewCycleYears: 2, lastReviewYear: 2021 }, 2023],
    ['a three-year local cycle', { status: 'named', namedYear: 2023, reviewCycleYears: 3, lastReviewYear: null }, 2026],
    ['no cycle (a level without periodic review) → none', { status: 'named', namedYear: 2023, reviewCycleYears: null, lastReviewYear: null }, null],
    ['only declared → none', { status: 'declared', namedYear: null, reviewCycleYears: 2, lastReviewYear: null }, null],
    ['revoked → none', { status: 'revoked', namedYear: 2019, reviewCycleYears: 2, lastReviewYear: 2021 }, null],
    ['cancelled → none', { status: 'cancelled', namedYear: 2019, reviewCycleYears: 2, lastReviewYear: null }, null],
  ])('%s', (_name, honour, expected) => {
    expect(reviewDueYear(honour)).toBe(expected);
  });

  it('the national cycle is two years; other levels have no default (❓ configurable per honour)', () => {
    expect(defaultReviewCycleYears).toEqual({ national: 2, region: null, prefecture: null, county: null });
  });
});

describe('reviewDueDate and the reminder before a 复核 falls due', () => {
  it.each<[number, string | null, string]>([
    [2026, null, '2026-12-31'],
    [2026, '2026-10-31', '2026-10-31'],
    // An override left from another year does not move this year's due date.
    [2026, '2024-10-31', '2026-12-31'],
  ])('due year %i with override %s → %s', (year, override, expected) => {
    expect(reviewDueDate(year, override)).toBe(expected);
  });

  it.each<[string, string, number, ReminderState]>([
    ['2026-12-31', '2026-09-01', 90, 'later'],
    ['2026-12-31', '2026-10-01', 90, 'later'],
    ['2026-12-31', '2026-10-02', 90, 'due_soon'],
    ['2026-12-31', '2026-12-31', 90, 'due_soon'],
    ['2026-12-31', '2027-01-01', 90, 'overdue'],
    ['2026-12-31', '2026-12-30', 0, 'later'],
    ['2026-12-31', '2026-12-31', 0, 'due_soon'],
  ])('due %s, today %s, %i days ahead → %s', (due, today, daysAhead, expected) => {
    expect(reminderState(due, today, daysAhead)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ['2026-11-29', '2026-12-31', 32],
    ['2026-12-31', '2026-12-31', 0],
    ['2027-01-02', '2026-12-31', -2],
    ['2024-02-28', '2024-03-01', 2],
  ])('days from %s to %s: %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('the honour lifecycle 申报 → 推荐 → 命名 → 复核 → 保留/撤销/注销', () => {
  const allowed: [HonourStatus, HonourStatus][] = [
    ['declared', 'recommended'],
    ['declared', 'not_named'],
    ['recommended', 'named'],
    ['recommended', 'not_named'],
    ['named', 'revoked'],
    ['named', 'cancelled'],
  ];
  it.each(allowed)('%s → %s is allowed', (from, to) => {
    expect(honourTransitionProblem(from, to)).toBeNull();
  });

  const refused = honourStatuses.flatMap((from) => honourStatuses.filter((to) => !allowed.some(([f, t]) => f === from && t === to)).map((to) => [from, to] as const));
  it.each(refused)('%s → %s is refused with a reason', (from, to) => {
    expect(honourTransitionProblem(from, to)).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names the allowed next steps in the refusal', () => {
    expect(honourTransitionProblem('declared', 'named')).toBe('「已申报」的称号只能变更为「已推荐」或「未获命名」，不能直接变更为「已命名」');
    expect(honourTransitionProblem('revoked', 'named')).toBe('称号已撤销，不能再变更为「已命名」');
  });

  it('a 复核 conclusion 保留 keeps the honour named; 撤销 and 注销 end it', () => {
    expect(statusAfterConclusion).toEqual({ retained: 'named', revoked: 'revoked', cancelled: 'cancelled' });
    expect(inspectionConclusionLabels).toEqual({ retained: '保留', revoked: '撤销', cancelled: '注销' });
  });

  it('labels the levels as the issue names them', () => {
    expect(honourLevels.map((l) => honourLevelLabels[l])).toEqual(['全国', '自治区', '地州', '县市']);
  });
});

describe('the self-assessment checklist', () => {
  const item = (label: string, result: (typeof assessmentResults)[number] | null, evidence = '', attachmentIds: number[] = []) => ({ label, result, evidence, attachmentIds });

  it('counts results and evidence', () => {
    expect(checklistProgress([item('a', 'met', '台账'), item('b', 'partly', '', [3]), item('c', 'not_met'), item('d', null)])).toEqual({
      total: 4,
      assessed: 3,
      met: 1,
      partly: 1,
      notMet: 1,
      withEvidence: 2,
    });
    expect(assessmentResults.map((r) => assessmentResultLabels[r])).toEqual(['达标', '基本达标', '未达标']);
  });

  it.each<[string, ReturnType<typeof item>[], string | null]>([
    ['all met with evidence', [item('组织健全', 'met', '名单'), item('村务公开', 'met', '', [1])], null],
    ['an item not yet assessed', [item('组织健全', 'met', '名单'), item('村务公开', null)], '尚有 1 项未自评：「村务公开」'],
    ['met without evidence', [item('组织健全', 'met'), item('村务公开', 'partly', '  ')], '以下自评为达标的项目缺少佐证材料：「组织健全」、「村务公开」'],
    ['未达标 needs no evidence', [item('组织健全', 'not_met')], null],
    ['empty checklist', [], '自评清单为空'],
  ])('%s', (_name, items, expected) => {
    expect(submitProblem(items)).toBe(expected);
  });
});

describe('adoptionProblem (村民委员会组织法 arts 22, 26)', () => {
  const rep = (expectedCount: number, attendedCount: number, votesFor: number, votesAgainst = 0, votesAbstain = 0): Adoption => ({
    body: 'representatives_meeting',
    expectedCount,
    attendedCount,
    votesFor,
    votesAgainst,
    votesAbstain,
  });
  const villagers = (basis: 'villagers' | 'households', expectedCount: number, attendedCount: number, votesFor: number): Adoption => ({
    body: 'villagers_meeting',
    quorumBasis: basis,
    expectedCount,
    attendedCount,
    votesFor,
    votesAgainst: 0,
    votesAbstain: 0,
  });

  it.each<[string, Adoption, string | null]>([
    ['代表会议 40/45 attended, 38 for', rep(45, 40, 38, 0, 2), null],
    ['代表会议 exactly two thirds (30/45)', rep(45, 30, 16), null],
    ['代表会议 below two thirds (29/45)', rep(45, 29, 29), 'attendedCount'],
    ['代表会议 exactly half for (20/40) is not a majority', rep(45, 40, 20), 'votesFor'],
    ['代表会议 21/40 for is a majority', rep(45, 40, 21), null],
    ['more attended than expected', rep(45, 46, 40), 'attendedCount'],
    ['more votes than attendees', rep(45, 40, 30, 8, 3), 'votesFor'],
    ['村民会议 by villagers: 51/100 attended', villagers('villagers', 100, 51, 30), null],
    ['村民会议 by villagers: 50/100 is not a majority of villagers', villagers('villagers', 100, 50, 50), 'attendedCount'],
    ['村民会议 by households: 67/100 (two thirds)', villagers('households', 100, 67, 40), null],
    ['村民会议 by households: 66/100', villagers('households', 100, 66, 60), 'attendedCount'],
  ])('%s', (_name, adoption, field) => {
    expect(adoptionProblem(adoption)?.field ?? null).toBe(field);
  });

  it('explains the quorum in words', () => {
    expect(adoptionProblem(rep(45, 29, 29))?.message).toBe('村民代表会议须有三分之二以上的组成人员参加方可召开（应到 45 人，实到 29 人）');
  });
});
