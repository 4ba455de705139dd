import { CONSULTATION_KIND } from '../../../domain/publicity/rules.ts';
import type { Indicator } from '../reports/indicator.ts';
import * as repo from './publicity.repository.ts';

const eventRecord = (e: repo.EventRow) => ({
  entityType: 'publicity_event',
  entityId: e.id,
  date: e.held_on,
  title: e.title,
  detail: `${e.unit_name} · ${e.kind_label ?? e.kind} · ${e.audience_label ?? e.audience} · 资料${e.materials_count}份 · 受众${e.people_reached}人次${e.consultations ? ` · 咨询${e.consultations}人次` : ''}`,
});

type Filter = { audience?: string; kind?: string };
const sum = (filter: Filter, field: 'materials_count' | 'people_reached' | 'consultations'): Pick<Indicator, 'compute' | 'records'> => ({
  compute: async (db, scope, p) => (await repo.eventsIn(db, scope, p, filter)).reduce((s, e) => s + e[field], 0),
  records: async (db, scope, p) => (await repo.eventsIn(db, scope, p, filter)).map(eventRecord),
});
const count = (filter: Filter): Pick<Indicator, 'compute' | 'records'> => ({
  compute: async (db, scope, p) => (await repo.eventsIn(db, scope, p, filter)).length,
  records: async (db, scope, p) => (await repo.eventsIn(db, scope, p, filter)).map(eventRecord),
});

/**
 * The publicity module's figures. "Youth" and "rural" are the audience groups 学生 and 村民 of the dictionary
 * `publicity.audience`; 法律咨询活动 are the events of kind 法律咨询, and their people the consultations received.
 */
export const publicityIndicators: Indicator[] = [
  { id: 'publicity.events', label: '普法活动', unit: '场', module: 'publicity', ...count({}) },
  { id: 'publicity.materials', label: '发放法治宣传资料、宣传品', unit: '份', module: 'publicity', ...sum({}, 'materials_count') },
  { id: 'publicity.youth_materials', label: '面向学生发放宣传资料', unit: '份', module: 'publicity', ...sum({ audience: 'students' }, 'materials_count') },
  { id: 'publicity.youth_students_reached', label: '覆盖学生', unit: '人次', module: 'publicity', ...sum({ audience: 'students' }, 'people_reached') },
  { id: 'publicity.rural_materials', label: '面向村民发放宣传资料、宣传品', unit: '份', module: 'publicity', ...sum({ audience: 'villagers' }, 'materials_count') },
  { id: 'publicity.consultation_events', label: '法律咨询活动', unit: '次', module: 'publicity', ...count({ kind: CONSULTATION_KIND }) },
  { id: 'publicity.consultation_people', label: '接待群众咨询', unit: '人次', module: 'publicity', ...sum({ kind: CONSULTATION_KIND }, 'consultations') },
  {
    id: 'publicity.campaigns',
    label: '重要节点主题宣传活动',
    unit: '次',
    module: 'publicity',
    compute: async (db, scope, p) => (await repo.campaignsIn(db, scope, p)).length,
    records: async (db, scope, p) =>
      (await repo.campaignsIn(db, scope, p)).map((c) => ({
        entityType: 'publicity_campaign',
        entityId: c.id,
        date: c.starts_on,
        title: c.title,
        detail: `${c.starts_on} 至 ${c.ends_on}`,
      })),
  },
];
