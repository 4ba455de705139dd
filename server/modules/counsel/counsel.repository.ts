import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { LawsuitQuery, MatterQuery } from '../../../domain/counsel/contracts.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;
const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

// ── Engagements ───────────────────────────────────────────────────────────────────────────────────────────
const engagementSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('counsel_engagements as e')
    .innerJoin('org_units as u', 'u.id', 'e.org_unit_id')
    .leftJoin('users as lead', 'lead.id', 'e.lead_user_id')
    .selectAll('e')
    .select(['u.name as unit_name', 'lead.display_name as lead_user_name'])
    .where('e.voided_at', 'is', null)
    .where(scopeFilter('e.org_unit_id', scope));

export function listEngagements(db: Db, scope: Scope) {
  return engagementSelect(db, scope).orderBy('e.starts_on', 'desc').orderBy('e.id', 'desc').execute();
}
export type EngagementRow = Awaited<ReturnType<typeof listEngagements>>[number];

export function findEngagement(db: Db, scope: Scope, id: number) {
  return engagementSelect(db, scope).where('e.id', '=', id).executeTakeFirst();
}

export function insertEngagement(trx: Transaction<DB>, values: Insertable<DB['counsel_engagements']>) {
  return trx.insertInto('counsel_engagements').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Per engagement: matters in total, still open, and open past their deadline. */
export async function matterCounts(db: Db, scope: Scope, engagementIds: number[], today: string) {
  if (engagementIds.length === 0) return new Map<number, { total: number; open: number; overdue: number }>();
  const rows = await db
    .selectFrom('counsel_matters')
    .select([
      'engagement_id',
      (eb) => eb.fn.countAll<number>().as('total'),
      sql<number>`count(*) filter (where status in ('pending','in_progress'))`.as('open'),
      sql<number>`count(*) filter (where status in ('pending','in_progress') and deadline < ${today})`.as('overdue'),
    ])
    .where('engagement_id', 'in', engagementIds)
    .where('voided_at', 'is', null)
    .where(scopeFilter('counsel_matters.org_unit_id', scope))
    .groupBy('engagement_id')
    .execute();
  return new Map(rows.map((r) => [r.engagement_id as number, { total: Number(r.total), open: Number(r.open), overdue: Number(r.overdue) }]));
}

export async function userIsCounsel(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .innerJoin('role_assignments as g', 'g.user_id', 'users.id')
    .select('users.id')
    .where('users.id', '=', userId)
    .where('users.voided_at', 'is', null)
    .where('g.role', '=', 'counsel')
    .where('g.revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

// ── Matters ───────────────────────────────────────────────────────────────────────────────────────────────
const matterSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('counsel_matters as m')
    .innerJoin('org_units as u', 'u.id', 'm.org_unit_id')
    .leftJoin('counsel_engagements as e', 'e.id', 'm.engagement_id')
    .selectAll('m')
    .select(['u.name as unit_name', 'e.firm'])
    .where('m.voided_at', 'is', null)
    .where(scopeFilter('m.org_unit_id', scope));

export function listMatters(db: Db, scope: Scope, q: MatterQuery, today: string) {
  let query = matterSelect(db, scope);
  if (q.kind) query = query.where('m.kind', '=', q.kind);
  if (q.status) query = query.where('m.status', '=', q.status);
  if (q.overdue) query = query.where('m.status', 'in', ['pending', 'in_progress']).where('m.deadline', '<', today);
  if (q.engagementId) query = query.where('m.engagement_id', '=', q.engagementId);
  if (q.year) query = query.where('m.received_on', '>=', yearRange(q.year)[0]).where('m.received_on', '<=', yearRange(q.year)[1]);
  if (q.q) query = query.where((eb) => eb.or([eb('m.title', 'ilike', `%${q.q}%`), eb('m.requester', 'ilike', `%${q.q}%`)]));
  return paginate(query.orderBy(sql`m.status in ('pending','in_progress')`, 'desc').orderBy('m.deadline').orderBy('m.id', 'desc'), q);
}
export type MatterRow = Awaited<ReturnType<typeof listMatters>>['items'][number];

export function findMatter(db: Db, scope: Scope, id: number) {
  return matterSelect(db, scope).where('m.id', '=', id).executeTakeFirst();
}

export function insertMatter(trx: Transaction<DB>, values: Insertable<DB['counsel_matters']>) {
  return trx.insertInto('counsel_matters').values(values).returning('id').executeTakeFirstOrThrow();
}

export function mattersOfYear(db: Db, scope: Scope, year: number) {
  return db
    .selectFrom('counsel_matters')
    .select(['kind', 'status', 'deadline', 'completed_on'])
    .where('voided_at', 'is', null)
    .where('received_on', '>=', yearRange(year)[0])
    .where('received_on', '<=', yearRange(year)[1])
    .where(scopeFilter('counsel_matters.org_unit_id', scope))
    .execute();
}

// ── Lawsuits and hearings ─────────────────────────────────────────────────────────────────────────────────
const lawsuitSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('lawsuits as l')
    .innerJoin('org_units as u', 'u.id', 'l.org_unit_id')
    .selectAll('l')
    .select('u.name as unit_name')
    .where('l.voided_at', 'is', null)
    .where(scopeFilter('l.org_unit_id', scope));

export function listLawsuits(db: Db, scope: Scope, q: LawsuitQuery) {
  let query = lawsuitSelect(db, scope);
  if (q.kind) query = query.where('l.kind', '=', q.kind);
  if (q.status) query = query.where('l.status', '=', q.status);
  if (q.year)
    query = query.where('l.filed_on', '<=', yearRange(q.year)[1]).where((eb) => eb.or([eb('l.outcome_on', 'is', null), eb('l.outcome_on', '>=', yearRange(q.year as number)[0])]));
  if (q.q) query = query.where((eb) => eb.or([eb('l.case_no', 'ilike', `%${q.q}%`), eb('l.cause', 'ilike', `%${q.q}%`), eb('l.plaintiff', 'ilike', `%${q.q}%`)]));
  return paginate(query.orderBy('l.filed_on', 'desc').orderBy('l.id', 'desc'), q);
}
export type LawsuitRow = Awaited<ReturnType<typeof listLawsuits>>['items'][number];

export function findLawsuit(db: Db, scope: Scope, id: number) {
  return lawsuitSelect(db, scope).where('l.id', '=', id).executeTakeFirst();
}

export function insertLawsuit(trx: Transaction<DB>, values: Insertable<DB['lawsuits']>) {
  return trx.insertInto('lawsuits').values(values).returning('id').executeTakeFirstOrThrow();
}

export function hearingsOf(db: Db, lawsuitIds: number[]) {
  if (lawsuitIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('lawsuit_hearings').selectAll().where('lawsuit_id', 'in', lawsuitIds).where('voided_at', 'is', null).orderBy('held_on').orderBy('id').execute();
}
export type HearingRow = Awaited<ReturnType<typeof hearingsOf>>[number];

export function findHearing(db: Db, lawsuitId: number, id: number) {
  return db.selectFrom('lawsuit_hearings').selectAll().where('id', '=', id).where('lawsuit_id', '=', lawsuitId).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertHearing(trx: Transaction<DB>, values: Insertable<DB['lawsuit_hearings']>) {
  return trx.insertInto('lawsuit_hearings').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Hearings held in the year (with their case's kind), for the 出庭 rates. */
export function hearingsOfYear(db: Db, scope: Scope, year: number) {
  return db
    .selectFrom('lawsuit_hearings as h')
    .innerJoin('lawsuits as l', 'l.id', 'h.lawsuit_id')
    .select(['h.lawsuit_id', 'h.instance', 'h.appearances', 'l.kind'])
    .where('h.voided_at', 'is', null)
    .where('l.voided_at', 'is', null)
    .where('h.held_on', '>=', yearRange(year)[0])
    .where('h.held_on', '<=', yearRange(year)[1])
    .where(scopeFilter('h.org_unit_id', scope))
    .execute();
}

/** Cases concluded in the year, and cases pending or filed in it (for counts). */
export function lawsuitsOfYear(db: Db, scope: Scope, year: number) {
  return db
    .selectFrom('lawsuits')
    .select(['kind', 'status', 'outcome', 'outcome_on', 'filed_on', 'judgment_performed'])
    .where('voided_at', 'is', null)
    .where('filed_on', '<=', yearRange(year)[1])
    .where((eb) => eb.or([eb('outcome_on', 'is', null), eb('outcome_on', '>=', yearRange(year)[0])]))
    .where(scopeFilter('lawsuits.org_unit_id', scope))
    .execute();
}

// ── Indicator queries (a period from the reports module) ─────────────────────────────────────────────────
type Span = { from: string; to: string };

/** Litigation hearings held in the period, with their case (行政诉讼 only: 负责人出庭应诉). */
export function litigationHearingsIn(db: Db, scope: Scope, p: Span) {
  return db
    .selectFrom('lawsuit_hearings as h')
    .innerJoin('lawsuits as l', 'l.id', 'h.lawsuit_id')
    .select(['h.id', 'h.lawsuit_id', 'h.instance', 'h.held_on', 'h.appearances', 'l.kind', 'l.case_no', 'l.cause'])
    .where('h.voided_at', 'is', null)
    .where('l.voided_at', 'is', null)
    .where('l.kind', '=', 'litigation')
    .where('h.held_on', '>=', p.from)
    .where('h.held_on', '<=', p.to)
    .where(scopeFilter('h.org_unit_id', scope))
    .orderBy('h.held_on')
    .execute();
}

export function mattersIn(db: Db, scope: Scope, p: Span, kind: string) {
  return matterSelect(db, scope)
    .where('m.kind', '=', kind as never)
    .where('m.received_on', '>=', p.from)
    .where('m.received_on', '<=', p.to)
    .orderBy('m.received_on')
    .execute();
}

export function lawsuitsConcludedIn(db: Db, scope: Scope, p: Span) {
  return lawsuitSelect(db, scope).where('l.status', '=', 'concluded').where('l.outcome_on', '>=', p.from).where('l.outcome_on', '<=', p.to).orderBy('l.outcome_on').execute();
}
