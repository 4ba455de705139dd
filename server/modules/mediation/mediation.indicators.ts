import { disputeStatusLabels, successRate } from '../../../domain/mediation/rules.ts';
import type { Indicator } from '../reports/indicator.ts';
import * as committees from './committee.repository.ts';
import * as repo from './dispute.repository.ts';

const disputeRecord = (d: Awaited<ReturnType<typeof repo.mediatedIn>>[number]) => ({
  entityType: 'dispute',
  entityId: d.id,
  date: d.closed_on,
  title: `${d.number} ${d.unit_name}${d.type_label ? ` · ${d.type_label}` : ''}纠纷`,
  detail: `${disputeStatusLabels[d.status]} · ${d.summary.slice(0, 60)}`,
});

/**
 * People's mediation in the annual report (seed: 共调解矛盾纠纷65件，成功61件，调解成功率达93%): disputes mediated to an end
 * in the year (by the day they were closed), those with an agreement, the rate (half-up, 61/65 → 93.8), and the
 * committees standing at the year's end.
 */
export const mediationIndicators: Indicator[] = [
  {
    id: 'mediation.disputes',
    label: '调解矛盾纠纷',
    unit: '件',
    module: 'mediation',
    compute: async (db, scope, p) => (await repo.mediatedIn(db, scope, p.from, p.to)).length,
    records: async (db, scope, p) => (await repo.mediatedIn(db, scope, p.from, p.to)).map(disputeRecord),
  },
  {
    id: 'mediation.disputes_resolved',
    label: '调解成功',
    unit: '件',
    module: 'mediation',
    compute: async (db, scope, p) => (await repo.mediatedIn(db, scope, p.from, p.to, true)).length,
    records: async (db, scope, p) => (await repo.mediatedIn(db, scope, p.from, p.to, true)).map(disputeRecord),
  },
  {
    id: 'mediation.success_rate',
    label: '调解成功率',
    unit: '%',
    module: 'mediation',
    compute: async (db, scope, p) => {
      const all = await repo.mediatedIn(db, scope, p.from, p.to);
      return successRate(all.filter((d) => d.status === 'succeeded').length, all.length);
    },
    records: async (db, scope, p) => (await repo.mediatedIn(db, scope, p.from, p.to)).map(disputeRecord),
  },
  {
    id: 'mediation.committees',
    label: '人民调解委员会（镇村两级）',
    unit: '个',
    module: 'mediation',
    compute: async (db, scope) => (await committees.listCommittees(db, scope)).length,
    records: async (db, scope) =>
      (await committees.listCommittees(db, scope)).map((c) => ({ entityType: 'mediation_committee', entityId: c.id, date: c.term_start, title: c.name, detail: c.org_unit_name })),
  },
];
