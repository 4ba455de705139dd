import { describe, expect, it } from 'vitest';
import {
  addYears,
  agreementKindLabels,
  agreementKinds,
  type CloseInput,
  type CompositionMember,
  closeProblem,
  compositionOf,
  type DisputeAction,
  type DisputeStatus,
  disputeActions,
  disputeSourceLabels,
  disputeSources,
  disputeStatuses,
  disputeStatusLabels,
  dueDateOf,
  formatRate,
  isDueThisWeek,
  isOverdue,
  judicialApplicationProblem,
  judicialDeadlineOf,
  judicialWindowOf,
  levelOfUnitKind,
  memberPositionLabels,
  memberPositions,
  otherChannelLabels,
  otherChannels,
  performanceLabels,
  performances,
  successRate,
  termEndOf,
  termStatusOf,
  transitionProblem,
  weekOf,
} from './rules.ts';

describe('successRate (successful / closed, one decimal, half-up)', () => {
  it.each<[number, number, number | null]>([
    [61, 65, 93.8], // the seed: 93.846… → 93.8 (the report's "93%" truncated it)
    [62, 66, 93.9],
    [65, 65, 100],
    [0, 65, 0],
    [0, 0, null],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 6, 16.7],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 → 6.3: half-up, where banker's rounding or a float would give 6.2
    [1, 80, 1.3], // 1.25 → 1.3
    [3, 80, 3.8], // 3.75 → 3.8
    [1, 40, 2.5],
    [7, 9, 77.8],
    [999, 1000, 99.9],
    [1999, 2000, 100], // 99.95 → 100.0
  ])('%i / %i → %s', (succeeded, closed, expected) => {
    expect(successRate(succeeded, closed)).toBe(expected);
  });

  it('refuses impossible counts', () => {
    expect(() => successRate(66, 65)).toThrow(RangeError);
    expect(() => successRate(-1, 65)).toThrow(RangeError);
    expect(() => successRate(1.5, 65)).toThrow(RangeError);
  });

  it.each<[number | null, string]>([
    [93.8, '93.8%'],
    [100, '100.0%'],
    [0, '0.0%'],
    [6.3, '6.3%'],
    [null, '—'],
  ])('formats %s as %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});

const m = (position: CompositionMember['position'], gender: CompositionMember['gender'] = 'male'): CompositionMember => ({ position, gender });

describe('compositionOf (art 8: 委员三至九人，设主任一人，应当有妇女成员)', () => {
  it.each<[string, CompositionMember[], number, number]>([
    ['3 with a woman director', [m('director', 'female'), m('member'), m('member')], 0, 0],
    ['9 (the most)', [m('director'), m('deputy_director', 'female'), ...Array.from({ length: 7 }, () => m('member'))], 0, 0],
    ['2 is too few', [m('director', 'female'), m('member')], 1, 0],
    ['10 is too many', [m('director', 'female'), ...Array.from({ length: 9 }, () => m('member'))], 1, 0],
    ['hired mediators are not 委员: 2 + 3 mediators is still too few', [m('director', 'female'), m('member'), m('mediator'), m('mediator'), m('mediator')], 1, 0],
    ['9 委员 + 2 hired mediators is fine', [m('director', 'female'), ...Array.from({ length: 8 }, () => m('member')), m('mediator'), m('mediator')], 0, 0],
    ['two directors', [m('director', 'female'), m('director'), m('member')], 1, 0],
    ['no woman: a warning, not a refusal', [m('director'), m('member'), m('member')], 0, 1],
    ['a woman who is only a hired mediator does not count', [m('director'), m('member'), m('member'), m('mediator', 'female')], 0, 1],
    ['no director yet: a warning', [m('deputy_director', 'female'), m('member'), m('member')], 0, 1],
    ['empty', [], 1, 2],
  ])('%s', (_name, members, errors, warnings) => {
    const c = compositionOf(members);
    expect(c.errors).toHaveLength(errors);
    expect(c.warnings).toHaveLength(warnings);
    for (const text of [...c.errors, ...c.warnings]) expect(text).toContain('《人民调解法》第八条');
  });

  it('names the count in the refusal and the women rule in the warning', () => {
    expect(compositionOf([m('director', 'female'), m('member')]).errors[0]).toBe('人民调解委员会由委员三至九人组成（《人民调解法》第八条），现为 2 人');
    expect(compositionOf([m('director'), m('member'), m('member')]).warnings).toEqual(['人民调解委员会应当有妇女成员（《人民调解法》第八条）']);
  });
});

describe('term of office (art 9: 每届任期三年)', () => {
  it.each<[string, string]>([
    ['2024-01-01', '2026-12-31'],
    ['2023-06-15', '2026-06-14'],
    ['2024-02-29', '2027-02-27'], // no 29 Feb in 2027: the term runs to the day before 28 Feb
    ['2021-03-01', '2024-02-29'],
  ])('a term from %s ends on %s', (start, end) => {
    expect(termEndOf(start)).toBe(end);
  });

  it.each<[string, number, string]>([
    ['2024-02-29', 3, '2027-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2024-12-31', 1, '2025-12-31'],
  ])('addYears(%s, %i) = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['2024-01-01', '2024-06-01', 'current'],
    ['2024-01-01', '2026-10-01', 'current'], // 91 days before the end
    ['2024-01-01', '2026-10-02', 'expiring'], // 90 days before
    ['2024-01-01', '2026-12-31', 'expiring'], // the last day
    ['2024-01-01', '2027-01-01', 'expired'],
  ])('a term from %s is %s… on %s', (start, today, status) => {
    expect(termStatusOf(start, today)).toBe(status);
  });
});

describe('status transitions', () => {
  const allowed: Record<DisputeAction, DisputeStatus[]> = {
    accept: ['registered'],
    refuse: ['registered'],
    session: ['mediating'],
    close: ['mediating'],
    edit: ['registered', 'mediating'],
    follow_up: ['succeeded'],
    judicial_apply: ['succeeded'],
    judicial_result: ['succeeded'],
  };
  const cases = disputeActions.flatMap((action) => disputeStatuses.map((status) => [action, status, allowed[action].includes(status)] as const));

  it.each(cases)('%s on a %s dispute allowed: %s', (action, status, ok) => {
    const problem = transitionProblem(status, action);
    if (ok) expect(problem).toBeNull();
    else expect(problem).toMatch(/《人民调解法》第[一二三四五六七八九十]+条|正在调解中/);
  });

  it.each<[DisputeStatus, DisputeAction, string]>([
    ['refused', 'accept', '第十七条'],
    ['refused', 'session', '第十七条'],
    ['refused', 'close', '第十七条'],
    ['mediating', 'refuse', '第二十三条'],
    ['failed', 'follow_up', '第三十一条'],
    ['mediating', 'judicial_apply', '第三十三条'],
    ['succeeded', 'session', '第二十七条'],
    ['registered', 'close', '请先受理'],
  ])('%s + %s cites %s', (status, action, text) => {
    expect(transitionProblem(status, action)).toContain(text);
  });
});

describe('closeProblem (art 26, 28, 29)', () => {
  it.each<[CloseInput, string | null]>([
    [{ outcome: 'succeeded', agreementKind: 'written', terms: '甲方赔偿乙方2000元' }, null],
    [{ outcome: 'succeeded', agreementKind: 'oral', terms: '双方互相道歉' }, null],
    [{ outcome: 'succeeded', terms: '双方互相道歉' }, 'agreementKind'],
    [{ outcome: 'succeeded', agreementKind: 'written', terms: '  ' }, 'terms'],
    [{ outcome: 'succeeded', agreementKind: 'oral' }, 'terms'],
    [{ outcome: 'failed', otherChannels: ['litigation'] }, null],
    [{ outcome: 'failed', otherChannels: [] }, 'otherChannels'],
    [{ outcome: 'terminated' }, 'otherChannels'],
    [{ outcome: 'terminated', otherChannels: ['arbitration', 'administrative'] }, null],
  ])('%j → problem on %s', (input, field) => {
    expect(closeProblem(input)?.field ?? null).toBe(field);
  });

  it('cites the article', () => {
    expect(closeProblem({ outcome: 'failed' })?.message).toContain('《人民调解法》第二十六条');
    expect(closeProblem({ outcome: 'succeeded', agreementKind: 'oral' })?.message).toContain('第二十八条');
  });
});

describe('the one-month target, overdue and due this week', () => {
  it.each<[string, number, string]>([
    ['2024-01-15', 30, '2024-02-14'],
    ['2024-12-20', 30, '2025-01-19'],
    ['2024-02-01', 15, '2024-02-16'],
  ])('accepted %s with %i days → due %s', (from, days, due) => {
    expect(dueDateOf(from, days)).toBe(due);
  });

  it.each<[string, { monday: string; sunday: string }]>([
    ['2026-11-25', { monday: '2026-11-23', sunday: '2026-11-29' }], // Wednesday
    ['2026-11-23', { monday: '2026-11-23', sunday: '2026-11-29' }], // Monday
    ['2026-11-29', { monday: '2026-11-23', sunday: '2026-11-29' }], // Sunday belongs to the week before it
    ['2024-12-31', { monday: '2024-12-30', sunday: '2025-01-05' }],
  ])('the week of %s', (date, week) => {
    expect(weekOf(date)).toEqual(week);
  });

  it.each<[DisputeStatus, string | null, string, boolean, boolean]>([
    // status, due, today, overdue, due this week
    ['mediating', '2026-11-24', '2026-11-25', true, false],
    ['mediating', '2026-11-25', '2026-11-25', false, true], // due today is not yet overdue
    ['mediating', '2026-11-29', '2026-11-25', false, true], // Sunday
    ['mediating', '2026-11-30', '2026-11-25', false, false], // next Monday
    ['registered', '2026-11-20', '2026-11-25', true, false],
    ['succeeded', '2026-11-20', '2026-11-25', false, false],
    ['failed', '2026-11-26', '2026-11-25', false, false],
    ['refused', '2026-11-20', '2026-11-25', false, false],
    ['mediating', null, '2026-11-25', false, false],
  ])('%s due %s on %s: overdue %s, due this week %s', (status, due, today, overdue, thisWeek) => {
    expect(isOverdue(status, due, today)).toBe(overdue);
    expect(isDueThisWeek(status, due, today)).toBe(thisWeek);
  });
});

describe('司法确认: 30 days from the agreement taking effect (art 33), with reminder', () => {
  const weekdaysOnly = (d: string) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
  // 2024-10-01…07 国庆 holidays (chinese-days), as the server's calendar knows them.
  const withNationalDay = (d: string) => weekdaysOnly(d) && !(d >= '2024-10-01' && d <= '2024-10-07');

  it.each<[string, ((d: string) => boolean) | undefined, string]>([
    ['2024-03-01', undefined, '2024-03-31'],
    ['2024-03-01', weekdaysOnly, '2024-04-01'], // 31 Mar is a Sunday → Monday
    ['2024-05-10', weekdaysOnly, '2024-06-10'], // 9 Jun is a Sunday → Monday 10 Jun
    ['2024-09-01', withNationalDay, '2024-10-08'], // 1 Oct is a holiday → the first working day after the break
    ['2024-06-03', weekdaysOnly, '2024-07-03'], // a Wednesday: no shift
  ])('effective %s → last day %s', (effective, isWorkday, deadline) => {
    expect(judicialDeadlineOf(effective, isWorkday)).toBe(deadline);
  });

  it.each<[string, string, string]>([
    ['2024-04-01', '2024-03-20', 'open'],
    ['2024-04-01', '2024-03-25', 'closing'], // 7 days ahead
    ['2024-04-01', '2024-04-01', 'closing'], // the last day
    ['2024-04-01', '2024-04-02', 'closed'],
  ])('deadline %s, today %s → %s', (deadline, today, status) => {
    expect(judicialWindowOf(deadline, today)).toBe(status);
  });

  it.each<[Parameters<typeof judicialApplicationProblem>[0], string | null]>([
    [{ appliedOn: '2024-03-31', jointly: true, agreementKind: 'written', deadline: '2024-04-01' }, null],
    [{ appliedOn: '2024-04-01', jointly: true, agreementKind: 'written', deadline: '2024-04-01' }, null],
    [{ appliedOn: '2024-04-02', jointly: true, agreementKind: 'written', deadline: '2024-04-01' }, 'appliedOn'],
    [{ appliedOn: '2024-03-05', jointly: false, agreementKind: 'written', deadline: '2024-04-01' }, 'jointly'],
    [{ appliedOn: '2024-03-05', jointly: true, agreementKind: 'oral', deadline: '2024-04-01' }, 'appliedOn'],
  ])('%j → problem on %s', (application, field) => {
    const problem = judicialApplicationProblem(application);
    expect(problem?.field ?? null).toBe(field);
    if (problem) expect(problem.message).toContain('第三十三条');
  });
});

describe('levels and labels', () => {
  it.each<[string, string | null]>([
    ['town', 'town'],
    ['village', 'village'],
    ['community', 'village'],
    ['department', null],
    ['city', null],
  ])('a committee at a %s is %s level', (kind, level) => {
    expect(levelOfUnitKind(kind)).toBe(level);
  });

  it('every code has a Chinese label', () => {
    const sets: [readonly string[], Record<string, string>][] = [
      [disputeStatuses, disputeStatusLabels],
      [disputeSources, disputeSourceLabels],
      [memberPositions, memberPositionLabels],
      [agreementKinds, agreementKindLabels],
      [otherChannels, otherChannelLabels],
      [performances, performanceLabels],
    ];
    for (const [codes, labels] of sets) for (const c of codes) expect(labels[c]).toMatch(/[\u4e00-\u9fa5]/);
  });
});
