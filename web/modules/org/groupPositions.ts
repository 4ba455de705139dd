import { type GroupPosition, groupPositionLabels, groupPositions } from '../../../domain/org/rules.ts';

export const positionColors: Record<GroupPosition, string> = { leader: 'red', deputy_leader: 'orange', member: 'blue' };

export const positionOptions = groupPositions.map((p) => ({ value: p, label: groupPositionLabels[p] }));
