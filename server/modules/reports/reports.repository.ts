import { type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
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

// ── 驾驶舱: years with records, villages compared ──────────────────────────────────────────────────────────

/**
 * Per year, the modules in which the unit's subtree has business records: study sessions, enforcement cases
 * (filed or decided), disputes (registered or closed), publicity events, village hearings and disclosures.
 */
export async function modulesByYear(db: Kysely<DB>, path: string): Promise<{ year: number; module: string }[]> {
  const inUnit = sql<SqlBool>`org_unit_id in (select id from org_units where path like ${`${path}%`})`;
  const years = (module: string, table: string, column: string) =>
    sql<{
      y: number;
      m: string;
    }>`select extract(year from ${sql.ref(column)})::int as y, ${module}::text as m from ${sql.table(table)} where voided_at is null and ${sql.ref(column)} is not null and ${inUnit}`;
  const parts = [
    years('learning', 'study_sessions', 'held_on'),
    years('enforcement', 'enforcement_cases', 'filed_on'),
    years('enforcement', 'enforcement_cases', 'decided_on'),
    years('mediation', 'disputes', 'registered_on'),
    years('mediation', 'disputes', 'closed_on'),
    years('publicity', 'publicity_events', 'held_on'),
    years('villages', 'village_hearings', 'held_on'),
    years('villages', 'village_disclosures', 'published_on'),
  ];
  const { rows } = await sql<{ y: number; m: string }>`select distinct y, m from (${sql.join(parts, sql` union all `)}) t order by y desc, m`.execute(db);
  return rows.map((r) => ({ year: r.y, module: r.m }));
}

/** The villages and communities under a unit, in the org tree's order. */
export function villagesUnder(db: Kysely<DB>, path: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path'])
    .where('kind', 'in', ['village', 'community'])
    .where('voided_at', 'is', null)
    .where('path', 'like', `${path}%`)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Per unit: how many rules have a version adopted by `to`, and the last adoption date. */
export function rulesAdoptedBy(db: Kysely<DB>, unitIds: number[], to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('village_rule_versions as v')
    .innerJoin('village_rules as r', 'r.id', 'v.rule_id')
    .select(['v.org_unit_id', (eb) => eb.fn.count<string>('v.rule_id').distinct().as('rules'), (eb) => eb.fn.max('v.adopted_on').as('last_adopted_on')])
    .where('v.org_unit_id', 'in', unitIds)
    .where('v.voided_at', 'is', null)
    .where('r.voided_at', 'is', null)
    .where('v.adopted_on', 'is not', null)
    .where('v.adopted_on', '<=', to)
    .groupBy('v.org_unit_id')
    .execute();
}

/** Honours in force on `to`: named by that year and not ended by then. */
export function honoursInForceOf(db: Kysely<DB>, unitIds: number[], to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('village_honours as h')
    .select(['h.org_unit_id', 'h.level', 'h.named_year'])
    .where('h.org_unit_id', 'in', unitIds)
    .where('h.voided_at', 'is', null)
    .where('h.named_year', '<=', Number(to.slice(0, 4)))
    .where((eb) => eb.or([eb('h.status', '=', 'named'), eb('h.ended_on', '>', to)]))
    .orderBy('h.named_year')
    .execute();
}

/** The business module whose records an action's kind writes. Any other kind (org units, users, roles, the calendar,
 * dictionaries, attachments …) may change what every module counts or shows. */
const moduleOfKind: Record<string, string> = {
  leading_group: 'org',
  meeting: 'org',
  task: 'org',
  study_session: 'learning',
  exam: 'learning',
  paper: 'learning',
  question: 'learning',
  learning: 'learning',
  enforcement: 'enforcement',
  mediation: 'mediation',
  village: 'villages',
  publicity: 'publicity',
  counsel: 'counsel',
  report: 'reports',
};

/**
 * The data versions: the newest audit id of a write per kind of action (writes are audited, in order, and the trail
 * keeps data_versions in the same transaction). `of(modules)` moves with every committed change of those modules'
 * records, or of records every module reads.
 */
export type DataVersions = { of: (modules: readonly string[]) => number };
export async function dataVersions(db: Kysely<DB>): Promise<DataVersions> {
  const rows = await db.selectFrom('data_versions').select(['kind', 'audit_id']).execute();
  return {
    of: (modules) =>
      rows.reduce((newest, r) => {
        const module = moduleOfKind[r.kind];
        return module === undefined || modules.includes(module) ? Math.max(newest, Number(r.audit_id)) : newest;
      }, 0),
  };
}
