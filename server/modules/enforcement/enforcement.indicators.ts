import type { Kysely } from 'kysely';
import { caseCountDate } from '../../../domain/enforcement/rules.ts';
import { percentRate } from '../../../domain/platform/rates.ts';
import type { IndicatorRecord } from '../../../domain/reports/contracts.ts';
import type { Period } from '../../../domain/reports/period.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../platform/permissions.ts';
import { type Indicator, sharedWhileRunning } from '../reports/indicator.ts';
import * as reg from './enforcement.repository.ts';
import * as repo from './review.repository.ts';

/** The period's cases (counted by filing date, or decision date on the spot) and those of them closed by its end. */
const casesOf = sharedWhileRunning(async (db: Kysely<DB>, scope: Scope, p: Period) => {
  const inPeriod = (d: string | null) => d !== null && d >= p.from && d <= p.to;
  const cases = (await repo.casesForStats(db, scope, p)).filter((c) => inPeriod(caseCountDate(c)));
  return { cases, closed: cases.filter((c) => c.closed_on !== null && c.closed_on <= p.to) };
});

const caseRecord = (c: Awaited<ReturnType<typeof casesOf>>['cases'][number]): IndicatorRecord => ({
  entityType: 'enforcement_case',
  entityId: c.id,
  date: caseCountDate(c),
  title: `${c.code} ${c.name}`,
  detail: `${c.procedure === 'simple' ? '简易程序' : '普通程序'}${c.closed_on ? ` · ${c.closed_on} 结案` : ''}`,
});

async function reviewsOf(db: Kysely<DB>, scope: Scope, p: Period) {
  const rows = await repo.reviewFigures(db, scope, p.year);
  const findings = rows.filter((r) => r.finding_id !== null);
  return { reviews: new Set(rows.map((r) => r.review_id)).size, findings, corrected: findings.filter((f) => f.status === 'closed') };
}

const findingRecord = (f: { finding_id: number | null; category: string | null; status: string | null }): IndicatorRecord => ({
  entityType: 'enforcement_finding',
  entityId: f.finding_id as number,
  date: null,
  title: f.category ?? '',
  detail: f.status === 'closed' ? '已整改' : '整改中',
});

/** Powers and officers as they stand now; cases, reviews and findings of the period. */
export const enforcementIndicators: Indicator[] = [
  {
    id: 'enforcement.penalty_powers',
    label: '行政处罚权限（权责清单）',
    unit: '项',
    module: 'enforcement',
    compute: async (db, scope) => (await reg.listPowers(db, scope)).filter((p) => p.active).length,
    records: async (db, scope) =>
      (await reg.listPowers(db, scope))
        .filter((p) => p.active)
        .map((p) => ({ entityType: 'enforcement_power', entityId: p.id, date: null, title: `${p.code} ${p.name}`, detail: p.law })),
  },
  {
    id: 'enforcement.full_time_officers',
    label: '专职执法人员',
    unit: '名',
    module: 'enforcement',
    compute: async (db, scope) => (await reg.listOfficers(db, scope)).filter((o) => o.active && o.full_time).length,
    records: async (db, scope) =>
      (await reg.listOfficers(db, scope))
        .filter((o) => o.active && o.full_time)
        .map((o) => ({ entityType: 'enforcement_officer', entityId: o.id, date: null, title: o.name, detail: o.body_name })),
  },
  {
    id: 'enforcement.penalty_cases',
    label: '行政处罚案件',
    unit: '件',
    module: 'enforcement',
    compute: async (db, scope, p) => (await casesOf(db, scope, p)).cases.length,
    records: async (db, scope, p) => (await casesOf(db, scope, p)).cases.map(caseRecord),
  },
  {
    id: 'enforcement.penalty_cases_closed',
    label: '行政处罚案件已结案',
    unit: '件',
    module: 'enforcement',
    compute: async (db, scope, p) => (await casesOf(db, scope, p)).closed.length,
    records: async (db, scope, p) => (await casesOf(db, scope, p)).closed.map(caseRecord),
  },
  {
    id: 'enforcement.closure_rate',
    label: '结案率',
    unit: '%',
    module: 'enforcement',
    compute: async (db, scope, p) => {
      const { cases, closed } = await casesOf(db, scope, p);
      return percentRate(closed.length, cases.length);
    },
  },
  {
    id: 'enforcement.file_reviews',
    label: '案卷评查',
    unit: '次',
    module: 'enforcement',
    compute: async (db, scope, p) => (await reviewsOf(db, scope, p)).reviews,
  },
  {
    id: 'enforcement.review_findings',
    label: '案卷评查发现问题',
    unit: '处',
    module: 'enforcement',
    compute: async (db, scope, p) => (await reviewsOf(db, scope, p)).findings.length,
    records: async (db, scope, p) => (await reviewsOf(db, scope, p)).findings.map(findingRecord),
  },
  {
    id: 'enforcement.review_findings_corrected',
    label: '案卷评查问题已整改',
    unit: '处',
    module: 'enforcement',
    compute: async (db, scope, p) => (await reviewsOf(db, scope, p)).corrected.length,
    records: async (db, scope, p) => (await reviewsOf(db, scope, p)).corrected.map(findingRecord),
  },
];
