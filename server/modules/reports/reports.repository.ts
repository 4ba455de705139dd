import type { Kysely, Transaction } from 'kysely';
import type { TemplateBlock } from '../../../domain/reports/template.ts';
import type { DB } from '../../db/schema.ts';
import type { ApprovedContent } from '../../db/tables/reports.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

/** An org unit by id (all digits) or by exact name; several units of one name are ambiguous. */
export function findUnitsByIdOrName(db: Kysely<DB>, org: string) {
  const q = db.selectFrom('org_units').select(['id', 'name', 'path', 'kind', 'parent_id']).where('voided_at', 'is', null);
  return (/^\d+$/.test(org) ? q.where('id', '=', Number(org)) : q.where('name', '=', org)).limit(2).execute();
}

export function findReport(db: Kysely<DB>, scope: Scope, id: number) {
  return db
    .selectFrom('annual_reports')
    .innerJoin('org_units', 'org_units.id', 'annual_reports.org_unit_id')
    .selectAll('annual_reports')
    .select(['org_units.name as org_name', 'org_units.parent_id as org_parent_id'])
    .where('annual_reports.id', '=', id)
    .where('annual_reports.voided_at', 'is', null)
    .where(scopeFilter('annual_reports.org_unit_id', scope))
    .executeTakeFirst();
}
export type ReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export function listReports(db: Kysely<DB>, scope: Scope, filter: { orgUnitId?: number; year?: number }) {
  let q = db
    .selectFrom('annual_reports')
    .innerJoin('org_units', 'org_units.id', 'annual_reports.org_unit_id')
    .selectAll('annual_reports')
    .select(['org_units.name as org_name', 'org_units.parent_id as org_parent_id'])
    .where('annual_reports.voided_at', 'is', null)
    .where(scopeFilter('annual_reports.org_unit_id', scope));
  if (filter.orgUnitId) q = q.where('annual_reports.org_unit_id', '=', filter.orgUnitId);
  if (filter.year) q = q.where('annual_reports.year', '=', filter.year);
  return q.orderBy('annual_reports.year', 'desc').orderBy('org_units.name').execute();
}

export function findReportOf(db: Kysely<DB>, orgUnitId: number, year: number) {
  return db.selectFrom('annual_reports').selectAll().where('org_unit_id', '=', orgUnitId).where('year', '=', year).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertReport(trx: Transaction<DB>, v: { orgUnitId: number; year: number; template: TemplateBlock[]; narratives: Record<string, string> }) {
  return trx
    .insertInto('annual_reports')
    .values({ org_unit_id: v.orgUnitId, year: v.year, status: 'draft', template: JSON.stringify(v.template), narratives: JSON.stringify(v.narratives) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function unitName(db: Kysely<DB>, id: number | null) {
  if (id === null) return Promise.resolve(undefined);
  return db.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirst();
}

export function insertVersion(trx: Transaction<DB>, v: { reportId: number; orgUnitId: number; approvedBy: number; content: ApprovedContent }) {
  return trx
    .insertInto('annual_report_versions')
    .values({ report_id: v.reportId, org_unit_id: v.orgUnitId, approved_by: v.approvedBy, content: JSON.stringify(v.content) })
    .execute();
}

/** The last signed-off content of a report (null while it has never been approved). */
export async function approvedContent(db: Kysely<DB>, reportId: number): Promise<ApprovedContent | null> {
  const row = await db.selectFrom('annual_report_versions').select('content').where('report_id', '=', reportId).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.content ?? null;
}

/** Published reports for the public portal: public by law (厅字〔2019〕28号: 向社会公开), so no scope applies. */
export function publishedReports(db: Kysely<DB>) {
  return db
    .selectFrom('annual_reports')
    .innerJoin('org_units', 'org_units.id', 'annual_reports.org_unit_id')
    .select(['annual_reports.id', 'annual_reports.year', 'annual_reports.published_at', 'org_units.name as org_name'])
    .where('annual_reports.status', '=', 'published')
    .where('annual_reports.voided_at', 'is', null)
    .orderBy('annual_reports.year', 'desc')
    .orderBy('org_units.name')
    .execute();
}

/** Audit entries that change no record (the data version of the figure cache ignores them). */
const readOnlyActions = ['auth.login', 'auth.logout', 'report.export', 'mediation.export', 'learning.export', 'mediation.agreement_print', 'system.backup'];

/** The newest audit id of a write: it moves with every committed change of records (writes are audited, in order). */
export async function dataVersion(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('audit_log').select('id').where('action', 'not in', readOnlyActions).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return Number(row?.id ?? 0);
}
