import { describe, expect, it } from 'vitest';
import {
  acceptsAnswers,
  attemptDeadline,
  attemptState,
  bestScore,
  duplicateAttendee,
  examModeLabels,
  examModes,
  finalResult,
  formatAnswer,
  GRACE_SECONDS,
  type GradedItem,
  gradeItem,
  gradePaper,
  isPass,
  normaliseChoice,
  offlineSatOn,
  parseAnswer,
  type QuestionShape,
  questionProblem,
  questionTypeLabels,
  questionTypes,
  reviewAvailable,
  secondsLeft,
  sessionKindLabels,
  sessionKinds,
  sessionProblem,
  startRefusal,
  type WindowState,
  windowState,
} from './rules.ts';

const at = (iso: string) => new Date(iso);

describe('labels', () => {
  it('every kind, type and mode has a Chinese label', () => {
    for (const k of sessionKinds) expect(sessionKindLabels[k]).toMatch(/[\u4e00-\u9fa5]/);
    for (const t of questionTypes) expect(questionTypeLabels[t]).toMatch(/[\u4e00-\u9fa5]/);
    for (const m of examModes) expect(examModeLabels[m]).toMatch(/[\u4e00-\u9fa5]/);
    expect(sessionKindLabels.center_group).toBe('党委中心组学法');
  });
});

describe('sessionProblem', () => {
  it.each([
    ['leader_lecture', '', 'lecturer'],
    ['leader_lecture', '  ', 'lecturer'],
    ['legal_lecture', undefined, 'lecturer'],
    ['leader_lecture', '王建军', null],
    ['center_group', '', null],
    ['enforcement_training', undefined, null],
  ] as const)('%s with lecturer %j → %s', (kind, lecturer, field) => {
    expect(sessionProblem({ kind, lecturer })?.field ?? null).toBe(field);
  });
});

describe('duplicateAttendee', () => {
  it.each([
    [[{ userId: 1 }, { userId: 2 }, { personName: '张三' }], null],
    [[{ userId: 1 }, { userId: 1 }], 1],
    [[{ personName: '张三' }, { personName: ' 张三 ' }], 1],
    [[{ personName: '张三' }, { userId: 3, personName: '张三' }], null],
    [[], null],
  ])('%j → %s', (list, index) => {
    expect(duplicateAttendee(list)).toBe(index);
  });
});

describe('questionProblem', () => {
  const four = ['甲', '乙', '丙', '丁'];
  it.each<[string, QuestionShape, string | null]>([
    ['a valid single choice', { type: 'single', options: four, answer: ['B'] }, null],
    ['a valid multiple choice', { type: 'multiple', options: four, answer: ['A', 'c'] }, null],
    ['a valid true/false', { type: 'judge', options: ['正确', '错误'], answer: ['B'] }, null],
    ['single with two answers', { type: 'single', options: four, answer: ['A', 'B'] }, 'answer'],
    ['multiple with one answer', { type: 'multiple', options: four, answer: ['A'] }, 'answer'],
    ['no answer', { type: 'single', options: four, answer: [] }, 'answer'],
    ['answer outside the options', { type: 'single', options: ['甲', '乙'], answer: ['C'] }, 'answer'],
    ['one option', { type: 'single', options: ['甲'], answer: ['A'] }, 'options'],
    ['nine options', { type: 'multiple', options: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], answer: ['A', 'B'] }, 'options'],
    ['an empty option', { type: 'single', options: ['甲', ' '], answer: ['A'] }, 'options'],
    ['repeated options', { type: 'single', options: ['甲', '甲'], answer: ['A'] }, 'options'],
    ['true/false with other options', { type: 'judge', options: ['对', '错'], answer: ['A'] }, 'options'],
    ['true/false with two answers', { type: 'judge', options: ['正确', '错误'], answer: ['A', 'B'] }, 'answer'],
  ])('%s → %s', (_, q, field) => {
    expect(questionProblem(q)?.field ?? null).toBe(field);
  });
});

describe('answers as written in Excel', () => {
  it.each([
    ['single', 'b', ['B']],
    ['multiple', 'A C D', ['A', 'C', 'D']],
    ['multiple', 'DA,B', ['A', 'B', 'D']],
    ['multiple', 'A、C', ['A', 'C']],
    ['judge', '正确', ['A']],
    ['judge', '错误', ['B']],
    ['judge', '×', ['B']],
    ['judge', '也许', []],
  ] as const)('%s %j → %j', (type, text, answer) => {
    expect(parseAnswer(type, text)).toEqual(answer);
  });
  it('formats back the way it parses', () => {
    expect(formatAnswer('judge', ['A'])).toBe('正确');
    expect(formatAnswer('judge', ['B'])).toBe('错误');
    expect(formatAnswer('multiple', ['D', 'a', 'B'])).toBe('ABD');
    expect(normaliseChoice([' c', 'A', 'a'])).toEqual(['A', 'C']);
  });
});

describe('gradeItem (partial answers on multiple choice score nothing unless the exam says otherwise)', () => {
  const single: GradedItem = { id: 1, type: 'single', answer: ['B'], points: 5 };
  const multiple: GradedItem = { id: 2, type: 'multiple', answer: ['A', 'B', 'D'], points: 10 };
  const judge: GradedItem = { id: 3, type: 'judge', answer: ['A'], points: 4 };
  it.each<[string, GradedItem, string[] | undefined, boolean, number, boolean]>([
    ['single right', single, ['B'], false, 5, true],
    ['single right, lower case', single, ['b'], false, 5, true],
    ['single wrong', single, ['A'], false, 0, false],
    ['single unanswered', single, undefined, false, 0, false],
    ['single with two choices', single, ['A', 'B'], true, 0, false],
    ['multiple exact', multiple, ['D', 'B', 'A'], false, 10, true],
    ['multiple exact with partial credit on', multiple, ['A', 'B', 'D'], true, 10, true],
    ['multiple partial, no partial credit', multiple, ['A', 'B'], false, 0, false],
    ['multiple partial, partial credit', multiple, ['A', 'B'], true, 5, false],
    ['multiple one right, partial credit', multiple, ['D'], true, 5, false],
    ['multiple with a wrong option, partial credit', multiple, ['A', 'C'], true, 0, false],
    ['multiple all options, partial credit', multiple, ['A', 'B', 'C', 'D'], true, 0, false],
    ['multiple unanswered, partial credit', multiple, [], true, 0, false],
    ['multiple repeated choice counts once', multiple, ['A', 'A', 'B', 'D'], false, 10, true],
    ['judge right', judge, ['A'], false, 4, true],
    ['judge wrong', judge, ['B'], true, 0, false],
  ])('%s', (_, item, choice, partial, earned, correct) => {
    expect(gradeItem(item, choice, partial)).toEqual({ itemId: item.id, earned, correct });
  });

  it('odd points give half points', () => {
    expect(gradeItem({ id: 9, type: 'multiple', answer: ['A', 'B'], points: 3 }, ['A'], true).earned).toBe(1.5);
  });
});

describe('gradePaper', () => {
  const items: GradedItem[] = [
    { id: 11, type: 'single', answer: ['A'], points: 40 },
    { id: 12, type: 'multiple', answer: ['A', 'C'], points: 40 },
    { id: 13, type: 'judge', answer: ['B'], points: 20 },
  ];
  it.each<[string, Record<string, string[]>, boolean, number]>([
    ['all right', { 11: ['A'], 12: ['C', 'A'], 13: ['B'] }, false, 100],
    ['nothing answered', {}, false, 0],
    ['partial multiple, strict', { 11: ['A'], 12: ['A'], 13: ['B'] }, false, 60],
    ['partial multiple, lenient', { 11: ['A'], 12: ['A'], 13: ['B'] }, true, 80],
    ['answers to questions not on the paper are ignored', { 11: ['A'], 99: ['A'] }, false, 40],
  ])('%s → %d', (_, answers, partial, score) => {
    const graded = gradePaper(items, answers, partial);
    expect(graded.score).toBe(score);
    expect(graded.total).toBe(100);
    expect(graded.items).toHaveLength(3);
  });
  it.each([
    [60, 60, true],
    [59.5, 60, false],
    [0, 0, true],
    [100, 60, true],
  ])('score %d against pass mark %d → %s', (score, pass, expected) => {
    expect(isPass(score, pass)).toBe(expected);
  });
});

describe('windowState', () => {
  const opens = at('2024-06-17T01:00:00Z');
  const closes = at('2024-06-21T10:00:00Z');
  it.each<[string, WindowState]>([
    ['2024-06-17T00:59:59.999Z', 'not_open'],
    ['2024-06-17T01:00:00Z', 'open'],
    ['2024-06-21T09:59:59.999Z', 'open'],
    ['2024-06-21T10:00:00Z', 'closed'],
    ['2025-01-01T00:00:00Z', 'closed'],
  ])('at %s → %s', (now, state) => {
    expect(windowState(opens, closes, at(now))).toBe(state);
  });
});

describe('the time limit (enforced on the server)', () => {
  const closes = at('2024-06-21T10:00:00Z');
  it.each([
    ['2024-06-20T02:00:00Z', 30, '2024-06-20T02:30:00.000Z'],
    ['2024-06-21T09:50:00Z', 30, '2024-06-21T10:00:00.000Z'],
    ['2024-06-21T09:30:00Z', 30, '2024-06-21T10:00:00.000Z'],
    ['2024-06-20T02:00:00Z', 1, '2024-06-20T02:01:00.000Z'],
  ])('started %s with %d minutes → deadline %s (never after the window closes)', (started, minutes, deadline) => {
    expect(attemptDeadline(at(started), minutes, closes).toISOString()).toBe(deadline);
  });

  const deadline = at('2024-06-20T02:30:00Z');
  it.each([
    ['2024-06-20T02:29:59Z', true],
    ['2024-06-20T02:30:00Z', true],
    [`2024-06-20T02:30:${String(GRACE_SECONDS).padStart(2, '0')}Z`, true],
    [`2024-06-20T02:30:${String(GRACE_SECONDS).padStart(2, '0')}.001Z`, false],
    ['2024-06-20T03:00:00Z', false],
  ])('answers at %s accepted: %s', (now, ok) => {
    expect(acceptsAnswers(deadline, at(now))).toBe(ok);
  });

  it.each([
    [{ submittedAt: null }, '2024-06-20T02:10:00Z', 'in_progress'],
    [{ submittedAt: null }, '2024-06-20T02:30:20Z', 'in_progress'],
    [{ submittedAt: null }, '2024-06-20T02:31:00Z', 'expired'],
    [{ submittedAt: at('2024-06-20T02:20:00Z'), finishedReason: 'submitted' as const }, '2024-06-20T02:21:00Z', 'submitted'],
    [{ submittedAt: at('2024-06-20T02:30:00Z'), finishedReason: 'expired' as const }, '2024-06-20T05:00:00Z', 'expired'],
  ])('%j at %s → %s', (attempt, now, state) => {
    expect(attemptState(attempt, deadline, at(now))).toBe(state);
  });

  it('counts seconds left for the display, never below zero', () => {
    expect(secondsLeft(deadline, at('2024-06-20T02:00:00Z'))).toBe(1800);
    expect(secondsLeft(deadline, at('2024-06-20T02:29:59.500Z'))).toBe(0);
    expect(secondsLeft(deadline, at('2024-06-20T03:00:00Z'))).toBe(0);
  });
});

describe('attempts and the window', () => {
  it.each([
    ['open', 0, 1, null],
    ['open', 1, 2, null],
    ['open', 1, 1, 'exhausted'],
    ['open', 3, 2, 'exhausted'],
    ['not_open', 0, 1, 'not_open'],
    ['closed', 0, 3, 'closed'],
    ['closed', 3, 3, 'closed'],
  ] as const)('window %s, %d of %d used → %s', (window, used, max, refusal) => {
    expect(startRefusal(window, used, max)).toBe(refusal);
  });

  it('shows explanations only once the window has closed', () => {
    const closes = at('2024-06-21T10:00:00Z');
    expect(reviewAvailable(closes, at('2024-06-21T09:59:59Z'))).toBe(false);
    expect(reviewAvailable(closes, closes)).toBe(true);
    expect(reviewAvailable(closes, at('2024-07-01T00:00:00Z'))).toBe(true);
  });

  it('dates an offline sitting given no date today while the exam runs, on its last day (Beijing time) once over', () => {
    const closes = at('2024-12-06T15:59:00Z'); // 2024-12-06 23:59 in Beijing
    expect(offlineSatOn(closes, '2024-12-03')).toBe('2024-12-03');
    expect(offlineSatOn(closes, '2024-12-06')).toBe('2024-12-06');
    expect(offlineSatOn(closes, '2025-01-10')).toBe('2024-12-06');
    expect(offlineSatOn(at('2024-12-06T16:30:00Z'), '2025-01-10')).toBe('2024-12-07');
  });
});

describe('finalResult: one result per person whichever way they sat', () => {
  it.each([
    [null, null, 60, { score: null, mode: null, passed: null }],
    [80, null, 60, { score: 80, mode: 'online', passed: true }],
    [null, 55, 60, { score: 55, mode: 'offline', passed: false }],
    [70, 90, 60, { score: 90, mode: 'offline', passed: true }],
    [95, 90, 60, { score: 95, mode: 'online', passed: true }],
    [60, 60, 60, { score: 60, mode: 'offline', passed: true }],
    [0, null, 0, { score: 0, mode: 'online', passed: true }],
  ])('online %s, offline %s, pass %d → %j', (online, offline, pass, expected) => {
    expect(finalResult(online, offline, pass)).toEqual(expected);
  });
  it('takes the best finished attempt', () => {
    expect(bestScore([null, 40, 85.5, 60])).toBe(85.5);
    expect(bestScore([null])).toBeNull();
    expect(bestScore([])).toBeNull();
  });
});
