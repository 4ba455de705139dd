import { honourTitle, inspectionConclusionLabels } from '../../../domain/villages/rules.ts';
import type { Indicator } from '../reports/indicator.ts';
import * as repo from './villages.repository.ts';

const inspectionRecord = (i: repo.InspectionRow) => ({
  entityType: 'village_inspection',
  entityId: i.id,
  date: i.concluded_on,
  title: `${i.village_name} ${i.year}年度复核`,
  detail: `${honourTitle(i.level)} · ${i.conclusion ? inspectionConclusionLabels[i.conclusion] : '未出结论'}`,
});

/** The villages module's figures for the annual report and the dashboard, each computed from its records. */
export const villagesIndicators: Indicator[] = [
  {
    id: 'villages.national_demo_villages_reinspected',
    label: '全国民主法治示范村复核（已出结论）',
    unit: '个',
    module: 'villages',
    compute: async (db, scope, p) => (await repo.concludedInspections(db, scope, p, 'national')).length,
    records: async (db, scope, p) => (await repo.concludedInspections(db, scope, p, 'national')).map(inspectionRecord),
  },
  {
    id: 'villages.national_demo_villages_retained',
    label: '全国民主法治示范村复核保留',
    unit: '个',
    module: 'villages',
    compute: async (db, scope, p) => (await repo.concludedInspections(db, scope, p, 'national')).filter((i) => i.conclusion === 'retained').length,
    records: async (db, scope, p) => (await repo.concludedInspections(db, scope, p, 'national')).filter((i) => i.conclusion === 'retained').map(inspectionRecord),
  },
  {
    id: 'villages.national_demo_villages',
    label: '全国民主法治示范村（期末有效）',
    unit: '个',
    module: 'villages',
    compute: async (db, scope, p) => (await repo.honoursInForce(db, scope, p, 'national')).length,
    records: async (db, scope, p) =>
      (await repo.honoursInForce(db, scope, p, 'national')).map((h) => ({
        entityType: 'village_honour',
        entityId: h.id,
        date: h.named_on,
        title: h.village_name,
        detail: `${h.named_year}年命名${h.batch ? `（${h.batch}）` : ''}`,
      })),
  },
  {
    id: 'villages.democratic_hearings',
    label: '民主听证',
    unit: '次',
    module: 'villages',
    compute: async (db, scope, p) => (await repo.hearingsIn(db, scope, p)).length,
    records: async (db, scope, p) =>
      (await repo.hearingsIn(db, scope, p)).map((h) => ({
        entityType: 'village_hearing',
        entityId: h.id,
        date: h.held_on,
        title: h.topic,
        detail: `${h.village_name} · ${h.participant_count}人参加`,
      })),
  },
  {
    id: 'villages.disclosures',
    label: '村务、财务公开',
    unit: '次',
    module: 'villages',
    compute: async (db, scope, p) => (await repo.disclosuresIn(db, scope, p)).length,
    records: async (db, scope, p) =>
      (await repo.disclosuresIn(db, scope, p)).map((d) => ({
        entityType: 'village_disclosure',
        entityId: d.id,
        date: d.published_on,
        title: d.title,
        detail: `${d.village_name} · ${d.kind_label ?? d.kind}`,
      })),
  },
];
