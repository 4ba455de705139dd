import { groupPositionLabels, taskStatusLabels } from '../../../domain/org/rules.ts';
import type { Indicator } from '../reports/indicator.ts';
import * as repo from './leading-group.repository.ts';

const memberRecord = (m: { id: number; person_name: string; office: string; position: keyof typeof groupPositionLabels; effective_from: string }) => ({
  entityType: 'leading_group_member',
  entityId: m.id,
  date: m.effective_from,
  title: m.person_name,
  detail: `${m.office} · ${groupPositionLabels[m.position]}`,
});

const taskRecord = (t: { id: number; title: string; deadline: string; status: keyof typeof taskStatusLabels; owner_name: string }) => ({
  entityType: 'task',
  entityId: t.id,
  date: t.deadline,
  title: t.title,
  detail: `${t.owner_name} · ${taskStatusLabels[t.status]}`,
});

/** The leading group as it stood at the end of the period (or the composition in force that day). */
export const orgIndicators: Indicator[] = [
  {
    id: 'org.leading_group_co_leaders',
    label: '领导小组组长人数（双组长）',
    unit: '人',
    module: 'org',
    compute: async (db, scope, p) => (await repo.membersInForceOn(db, scope, p.to, 'leader')).length,
    records: async (db, scope, p) => (await repo.membersInForceOn(db, scope, p.to, 'leader')).map(memberRecord),
  },
  {
    id: 'org.leading_group_members',
    label: '领导小组成员总数',
    unit: '人',
    module: 'org',
    compute: async (db, scope, p) => (await repo.membersInForceOn(db, scope, p.to)).length,
    records: async (db, scope, p) => (await repo.membersInForceOn(db, scope, p.to)).map(memberRecord),
  },
  {
    id: 'org.key_tasks',
    label: '年度工作要点',
    unit: '项',
    module: 'org',
    compute: async (db, scope, p) => (await repo.tasksOfYear(db, scope, p.year)).length,
    records: async (db, scope, p) => (await repo.tasksOfYear(db, scope, p.year)).map(taskRecord),
  },
  {
    id: 'org.key_tasks_done',
    label: '年度工作要点已完成',
    unit: '项',
    module: 'org',
    compute: async (db, scope, p) => (await repo.tasksOfYear(db, scope, p.year, 'done')).length,
    records: async (db, scope, p) => (await repo.tasksOfYear(db, scope, p.year, 'done')).map(taskRecord),
  },
];
