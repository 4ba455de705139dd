/** Rules of the org module: the org tree's shape and the leading group's composition over time. */
export const orgUnitKinds = ['city', 'county', 'town', 'village', 'community', 'department'] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];
export const orgUnitKindLabels: Record<OrgUnitKind, string> = { city: '市', county: '县', town: '乡镇', village: '村', community: '社区', department: '部门' };

/** Which kinds may sit under which: a town under a city or county; villages and departments under a town. */
const allowedChildren: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  city: ['county', 'town', 'department'],
  county: ['town', 'department'],
  town: ['village', 'community', 'department'],
  village: [],
  community: [],
  department: ['department'],
};
export const canContain = (parent: OrgUnitKind, child: OrgUnitKind): boolean => allowedChildren[parent].includes(child);

export const groupPositions = ['leader', 'deputy_leader', 'member'] as const;
export type GroupPosition = (typeof groupPositions)[number];
export const groupPositionLabels: Record<GroupPosition, string> = { leader: '组长', deputy_leader: '副组长', member: '成员' };
const positionRank: Record<GroupPosition, number> = { leader: 0, deputy_leader: 1, member: 2 };

/** The order a member list is read in: 组长, 副组长, 成员; within a position, who joined first. */
export const byPosition = <T extends { position: GroupPosition; effectiveFrom: string; id: number }>(a: T, b: T): number =>
  positionRank[a.position] - positionRank[b.position] || a.effectiveFrom.localeCompare(b.effectiveFrom) || a.id - b.id;

export const meetingKinds = ['special', 'plenary', 'other'] as const;
export const meetingKindLabels: Record<(typeof meetingKinds)[number], string> = { special: '专题会议', plenary: '全体会议', other: '其他会议' };

export const taskStatuses = ['pending', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskStatusLabels: Record<TaskStatus, string> = { pending: '未开始', in_progress: '推进中', done: '已完成', cancelled: '已取消' };

export type Membership = { position: GroupPosition; effectiveFrom: string; effectiveTo: string | null };

/** Who was in the group on `date` (dates are 'YYYY-MM-DD', compared as strings): from ≤ date ≤ to. */
export const activeOn = <T extends Membership>(members: readonly T[], date: string): T[] =>
  members.filter((m) => m.effectiveFrom <= date && (m.effectiveTo === null || m.effectiveTo >= date));

/** A group must have at least one 组长; two co-leaders (党委书记 and 镇长) are normal, more than three is an error. */
export function compositionProblem(members: readonly Membership[]): string | null {
  const leaders = members.filter((m) => m.position === 'leader').length;
  if (leaders === 0) return '领导小组至少应有一名组长';
  if (leaders > 3) return '组长不应超过三名（党委书记、镇长可任双组长）';
  return null;
}

/** A task not done or cancelled whose deadline has passed. */
export const isOverdue = (status: TaskStatus, deadline: string, today: string): boolean => (status === 'pending' || status === 'in_progress') && deadline < today;
