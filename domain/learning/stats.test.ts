import { describe, expect, it } from 'vitest';
import { formatRate } from '../platform/rates.ts';
import { countsByKind, countsByKindAndMonth, oneDecimal, type ResultLine, summarise, summariseBy } from './stats.ts';

describe('rates in exam summaries (percent, one decimal, half-up: the platform’s percentRate)', () => {
  const lines = (candidates: number, sat: number, passed: number): ResultLine[] =>
    Array.from({ length: candidates }, (_, i) =>
      i < sat ? { score: i < passed ? 80 : 40, passed: i < passed, mode: 'offline' as const } : { score: null, passed: null, mode: null },
    );
  it.each([
    [65, 65, 61, 100, 93.8],
    [16, 16, 1, 100, 6.3],
    [8, 8, 1, 100, 12.5],
    [3, 3, 2, 100, 66.7],
    [38, 32, 29, 84.2, 90.6],
    [14, 12, 11, 85.7, 91.7],
    [7, 0, 0, 0, null],
  ])('%d candidates, %d sat, %d passed → %d %% sat, %s %% passed', (candidates, sat, passed, participation, pass) => {
    const s = summarise(lines(candidates, sat, passed));
    expect(s.participationRate).toBe(participation);
    expect(s.passRate).toBe(pass);
  });
  it('prints rates the report’s way', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(93.8)).toBe('93.8%');
    expect(formatRate(100)).toBe('100.0%');
  });
  it.each([
    [72.25, 72.3],
    [72.24, 72.2],
    [80, 80],
    [66.666, 66.7],
    [0.05, 0.1],
  ])('oneDecimal(%d) → %d', (x, r) => {
    expect(oneDecimal(x)).toBe(r);
  });
});

describe('counts by kind and month', () => {
  it('counts each activity in its month', () => {
    const counts = countsByKindAndMonth([
      { kind: 'center_group', heldOn: '2024-01-18' },
      { kind: 'center_group', heldOn: '2024-01-30' },
      { kind: 'center_group', heldOn: '2024-12-31' },
      { kind: 'enforcement_training', heldOn: '2024-07-01' },
    ]);
    expect(counts.center_group).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(counts.enforcement_training[6]).toBe(1);
    expect(counts.leader_lecture.reduce((a, b) => a + b)).toBe(0);
    expect(countsByKind([{ kind: 'integrity' }, { kind: 'integrity' }, { kind: 'other' }])).toMatchObject({ integrity: 2, other: 1, center_group: 0 });
  });
});

describe('exam summaries (参考率, 及格率)', () => {
  const lines: ResultLine[] = [
    { score: 90, passed: true, mode: 'online' },
    { score: 55, passed: false, mode: 'offline' },
    { score: 60, passed: true, mode: 'offline' },
    { score: null, passed: null, mode: null },
  ];
  it('counts who should sit, who sat, who passed and how', () => {
    expect(summarise(lines)).toEqual({
      candidates: 4,
      participants: 3,
      passed: 2,
      online: 1,
      offline: 2,
      participationRate: 75,
      passRate: 66.7,
      averageScore: 68.3,
    });
  });
  it('has no rates for an exam nobody sat or nobody was asked to sit', () => {
    expect(summarise([{ score: null, passed: null, mode: null }])).toMatchObject({ participationRate: 0, passRate: null, averageScore: null });
    expect(summarise([])).toMatchObject({ candidates: 0, participationRate: null, passRate: null });
  });
  it('summarises per group in first-seen order', () => {
    const byUnit = summariseBy(
      lines.map((l, i) => ({ ...l, unit: i % 2 ? '四棵树村' : '司法所' })),
      (l) => l.unit,
    );
    expect(byUnit.map((g) => [g.key, g.summary.candidates, g.summary.participants, g.summary.passRate])).toEqual([
      ['司法所', 2, 2, 100],
      ['四棵树村', 2, 1, 0],
    ]);
  });
});
