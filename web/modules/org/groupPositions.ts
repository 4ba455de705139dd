import { type GroupPosition, groupPositionLabels, groupPositions } from '../../../domain/org/rules.ts';

export const positionColors: Record<GroupPosition, string> = { leader: 'red', deputy_leader: 'orange', member: 'blue' };

const rank: Record<GroupPosition, number> = { leader: 0, deputy_leader: 1, member: 2 };

/** The order a member list is read in: 组长, 副组长, 成员; within a position, who joined first. */
export const byPosition = <T extends { position: GroupPosition; effectiveFrom: string; id: number }>(a: T, b: T): number =>
  rank[a.position] - rank[b.position] || a.effectiveFrom.localeCompare(b.effectiveFrom) || a.id - b.id;

export const positionOptions = groupPositions.map((p) => ({ value: p, label: groupPositionLabels[p] }));
