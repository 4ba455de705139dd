import { type Appearance, appearanceRates, headAppeared, instanceLabels, type MatterKind, matterKindLabels, outcomeLabels } from '../../../domain/counsel/rules.ts';
import type { Indicator } from '../reports/indicator.ts';
import * as repo from './counsel.repository.ts';

type HearingRow = Awaited<ReturnType<typeof repo.litigationHearingsIn>>[number];
const facts = (rows: HearingRow[]) => rows.map((h) => ({ lawsuitId: h.lawsuit_id, kind: h.kind, instance: h.instance, appearances: h.appearances as Appearance[] }));
const hearingRecord = (h: HearingRow) => ({
  entityType: 'lawsuit',
  entityId: h.lawsuit_id,
  date: h.held_on,
  title: `${h.case_no} ${h.cause}`,
  detail: `${instanceLabels[h.instance]}开庭 · ${headAppeared(h.appearances as Appearance[]) ? '负责人出庭' : '负责人未出庭'}`,
});

const matters = (kind: MatterKind, id: string): Indicator => ({
  id,
  label: matterKindLabels[kind],
  unit: '件',
  module: 'counsel',
  compute: async (db, scope, p) => (await repo.mattersIn(db, scope, p, kind)).length,
  records: async (db, scope, p) =>
    (await repo.mattersIn(db, scope, p, kind)).map((m) => ({ entityType: 'counsel_matter', entityId: m.id, date: m.received_on, title: m.title, detail: m.requester })),
});

/**
 * 负责人出庭应诉 (DOMAIN.md §7: no official formula — numerator and denominator per hearing and per case, each 审级
 * separately) and the counsel's work.
 */
export const counselIndicators: Indicator[] = [
  {
    id: 'counsel.litigation_hearings',
    label: '行政诉讼开庭',
    unit: '庭次',
    module: 'counsel',
    compute: async (db, scope, p) => appearanceRates(facts(await repo.litigationHearingsIn(db, scope, p))).hearings.denominator,
    records: async (db, scope, p) => (await repo.litigationHearingsIn(db, scope, p)).map(hearingRecord),
  },
  {
    id: 'counsel.litigation_hearings_head_appeared',
    label: '负责人出庭应诉',
    unit: '庭次',
    module: 'counsel',
    compute: async (db, scope, p) => appearanceRates(facts(await repo.litigationHearingsIn(db, scope, p))).hearings.numerator,
    records: async (db, scope, p) => (await repo.litigationHearingsIn(db, scope, p)).filter((h) => headAppeared(h.appearances as Appearance[])).map(hearingRecord),
  },
  {
    id: 'counsel.litigation_cases',
    label: '开庭审理的行政诉讼案件（分审级）',
    unit: '件',
    module: 'counsel',
    compute: async (db, scope, p) => appearanceRates(facts(await repo.litigationHearingsIn(db, scope, p))).cases.denominator,
    records: async (db, scope, p) => (await repo.litigationHearingsIn(db, scope, p)).map(hearingRecord),
  },
  {
    id: 'counsel.litigation_cases_head_appeared',
    label: '负责人出庭应诉案件（分审级）',
    unit: '件',
    module: 'counsel',
    compute: async (db, scope, p) => appearanceRates(facts(await repo.litigationHearingsIn(db, scope, p))).cases.numerator,
    records: async (db, scope, p) => (await repo.litigationHearingsIn(db, scope, p)).filter((h) => headAppeared(h.appearances as Appearance[])).map(hearingRecord),
  },
  {
    id: 'counsel.head_appearance_rate',
    label: '负责人出庭应诉率（按案件）',
    unit: '%',
    module: 'counsel',
    compute: async (db, scope, p) => appearanceRates(facts(await repo.litigationHearingsIn(db, scope, p))).cases.rate,
  },
  {
    id: 'counsel.lawsuits_lost',
    label: '败诉案件',
    unit: '件',
    module: 'counsel',
    compute: async (db, scope, p) => (await repo.lawsuitsConcludedIn(db, scope, p)).filter((l) => l.outcome === 'lost').length,
    records: async (db, scope, p) =>
      (await repo.lawsuitsConcludedIn(db, scope, p)).map((l) => ({
        entityType: 'lawsuit',
        entityId: l.id,
        date: l.outcome_on,
        title: `${l.case_no} ${l.cause}`,
        detail: l.outcome ? outcomeLabels[l.outcome] : '',
      })),
  },
  matters('contract_review', 'counsel.contract_reviews'),
  matters('legality_review', 'counsel.legality_reviews'),
  matters('negotiation', 'counsel.negotiations'),
];
