import { describe, expect, it } from 'vitest';
import {
  activeOn,
  canContain,
  compositionProblem,
  groupPositionLabels,
  groupPositions,
  isOverdue,
  type Membership,
  meetingKindLabels,
  meetingKinds,
  type OrgUnitKind,
  orgUnitKindLabels,
  orgUnitKinds,
  type TaskStatus,
  taskStatuses,
  taskStatusLabels,
} from './rules.ts';

describe('canContain (the org tree: 市 → 镇 → 村/社区, and departments)', () => {
  it.each<[OrgUnitKind, OrgUnitKind, boolean]>([
    ['city', 'town', true],
    ['city', 'county', true],
    ['city', 'department', true],
    ['city', 'village', false],
    ['county', 'town', true],
    ['county', 'village', false],
    ['county', 'city', false],
    ['town', 'village', true],
    ['town', 'community', true],
    ['town', 'department', true],
    ['town', 'town', false],
    ['town', 'city', false],
    ['village', 'village', false],
    ['village', 'department', false],
    ['community', 'village', false],
    ['department', 'department', true],
    ['department', 'village', false],
  ])('%s may contain %s: %s', (parent, child, expected) => {
    expect(canContain(parent, child)).toBe(expected);
  });
});

describe('labels', () => {
  it('every kind, position, meeting kind and task status has a Chinese label', () => {
    for (const k of orgUnitKinds) expect(orgUnitKindLabels[k]).toMatch(/[\u4e00-\u9fa5]/);
    for (const p of groupPositions) expect(groupPositionLabels[p]).toMatch(/[\u4e00-\u9fa5]/);
    for (const m of meetingKinds) expect(meetingKindLabels[m]).toMatch(/[\u4e00-\u9fa5]/);
    for (const s of taskStatuses) expect(taskStatusLabels[s]).toMatch(/[\u4e00-\u9fa5]/);
    expect(groupPositionLabels).toEqual({ leader: '组长', deputy_leader: '副组长', member: '成员' });
  });
});

type M = Membership & { name: string };
const history: M[] = [
  { name: '张志华', position: 'leader', effectiveFrom: '2021-04-06', effectiveTo: '2024-03-12' },
  { name: '阿不都热合曼', position: 'leader', effectiveFrom: '2021-04-06', effectiveTo: '2024-03-12' },
  { name: '李秀兰', position: 'deputy_leader', effectiveFrom: '2021-04-06', effectiveTo: '2024-03-12' },
  { name: '王建军', position: 'leader', effectiveFrom: '2024-03-13', effectiveTo: null },
  { name: '艾尔肯·吐尔逊', position: 'leader', effectiveFrom: '2024-03-13', effectiveTo: null },
  { name: '李秀兰', position: 'deputy_leader', effectiveFrom: '2024-03-13', effectiveTo: null },
];

describe('activeOn (from ≤ date ≤ to, open end = still serving)', () => {
  it.each<[string, string[]]>([
    ['2021-04-05', []],
    ['2021-04-06', ['张志华', '阿不都热合曼', '李秀兰']],
    ['2024-01-01', ['张志华', '阿不都热合曼', '李秀兰']],
    ['2024-03-12', ['张志华', '阿不都热合曼', '李秀兰']],
    ['2024-03-13', ['王建军', '艾尔肯·吐尔逊', '李秀兰']],
    ['2030-01-01', ['王建军', '艾尔肯·吐尔逊', '李秀兰']],
  ])('on %s: %j', (date, names) => {
    expect(activeOn(history, date).map((m) => m.name)).toEqual(names);
  });

  it('on the changeover day nobody serves twice', () => {
    for (const day of ['2024-03-12', '2024-03-13']) expect(activeOn(history, day)).toHaveLength(3);
  });
});

describe('compositionProblem', () => {
  const of = (...positions: Membership['position'][]) => positions.map((position) => ({ position, effectiveFrom: '2024-03-13', effectiveTo: null }));
  it.each<[string, Membership[], RegExp | null]>([
    ['empty', [], /至少应有一名组长/],
    ['deputies and members only', of('deputy_leader', 'member', 'member'), /至少应有一名组长/],
    ['one leader', of('leader'), null],
    ['two co-leaders (党委书记 and 镇长)', of('leader', 'leader', 'deputy_leader', 'member'), null],
    ['three leaders', of('leader', 'leader', 'leader'), null],
    ['four leaders', of('leader', 'leader', 'leader', 'leader', 'member'), /不应超过三名/],
  ])('%s', (_name, members, problem) => {
    const result = compositionProblem(members);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });
});

describe('isOverdue', () => {
  it.each<[TaskStatus, string, string, boolean]>([
    ['pending', '2024-12-31', '2025-01-01', true],
    ['in_progress', '2024-12-31', '2025-01-01', true],
    ['done', '2024-12-31', '2025-01-01', false],
    ['cancelled', '2024-12-31', '2025-01-01', false],
    ['pending', '2024-12-31', '2024-12-31', false],
    ['pending', '2024-12-31', '2024-06-01', false],
    ['in_progress', '2025-06-30', '2025-07-01', true],
  ])('%s due %s, today %s → %s', (status, deadline, today, expected) => {
    expect(isOverdue(status, deadline, today)).toBe(expected);
  });
});
