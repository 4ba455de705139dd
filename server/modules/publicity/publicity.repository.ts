import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { CampaignQuery, EventQuery, LawQuery } from '../../../domain/publicity/contracts.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;
const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

// ── Laws ──────────────────────────────────────────────────────────────────────────────────────────────────
/** The national catalog (no unit) and the laws units in scope added. */
const lawSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('publicity_laws as l')
    .leftJoin('publicity_laws as r', 'r.id', 'l.replaced_by_id')
    .selectAll('l')
    .select('r.title as replaced_by_title')
    .where('l.voided_at', 'is', null)
    .where((eb) => eb.or([eb('l.org_unit_id', 'is', null), scopeFilter('l.org_unit_id', scope)]));

export function listLaws(db: Db, scope: Scope, q: LawQuery, today: string) {
  let query = lawSelect(db, scope);
  if (q.q) query = query.where((eb) => eb.or([eb('l.title', 'ilike', `%${q.q}%`), eb('l.short_title', 'ilike', `%${q.q}%`), eb('l.issuing_body', 'ilike', `%${q.q}%`)]));
  if (q.category) query = query.where('l.category', '=', q.category);
  if (q.status === 'repealed') query = query.where('l.repealed_on', '<=', today);
  if (q.status === 'in_force') query = query.where((eb) => eb.or([eb('l.repealed_on', 'is', null), eb('l.repealed_on', '>', today)]));
  return paginate(query.orderBy(sql`l.repealed_on is not null`).orderBy('l.id'), q);
}
export type LawRow = Awaited<ReturnType<typeof listLaws>>['items'][number];

export function allLaws(db: Db, scope: Scope) {
  return lawSelect(db, scope).orderBy('l.id').execute();
}

export function findLaw(db: Db, scope: Scope, id: number) {
  return lawSelect(db, scope).where('l.id', '=', id).executeTakeFirst();
}

export function insertLaw(trx: Transaction<DB>, values: Insertable<DB['publicity_laws']>) {
  return trx.insertInto('publicity_laws').values(values).returning('id').executeTakeFirstOrThrow();
}

// ── Plans and responsibilities ────────────────────────────────────────────────────────────────────────────
const planSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('publicity_plans as p')
    .innerJoin('org_units as u', 'u.id', 'p.org_unit_id')
    .selectAll('p')
    .select('u.name as unit_name')
    .where('p.voided_at', 'is', null)
    .where(scopeFilter('p.org_unit_id', scope));

export function listPlans(db: Db, scope: Scope, q: { year?: number; orgUnitId?: number }) {
  let query = planSelect(db, scope);
  if (q.year) query = query.where('p.year', '=', q.year);
  if (q.orgUnitId) query = query.where('p.org_unit_id', '=', q.orgUnitId);
  return query.orderBy('p.year', 'desc').orderBy('p.id').execute();
}
export type PlanRow = Awaited<ReturnType<typeof listPlans>>[number];

export function findPlan(db: Db, scope: Scope, id: number) {
  return planSelect(db, scope).where('p.id', '=', id).executeTakeFirst();
}

export function insertPlan(trx: Transaction<DB>, v: { orgUnitId: number; year: number; title: string; content: string }) {
  return trx.insertInto('publicity_plans').values({ org_unit_id: v.orgUnitId, year: v.year, title: v.title, content: v.content }).returning('id').executeTakeFirstOrThrow();
}

export function responsibilitiesOf(db: Db, planIds: number[]) {
  if (planIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('publicity_responsibilities').selectAll().where('plan_id', 'in', planIds).where('voided_at', 'is', null).orderBy('plan_id').orderBy('id').execute();
}
export type ResponsibilityRow = Awaited<ReturnType<typeof responsibilitiesOf>>[number];

export function findResponsibility(db: Db, id: number) {
  return db.selectFrom('publicity_responsibilities').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertResponsibility(trx: Transaction<DB>, values: Insertable<DB['publicity_responsibilities']>) {
  return trx.insertInto('publicity_responsibilities').values(values).returning('id').executeTakeFirstOrThrow();
}

// ── Campaigns ─────────────────────────────────────────────────────────────────────────────────────────────
const campaignSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('publicity_campaigns as c')
    .innerJoin('org_units as u', 'u.id', 'c.org_unit_id')
    .selectAll('c')
    .select('u.name as unit_name')
    .where('c.voided_at', 'is', null)
    .where(scopeFilter('c.org_unit_id', scope));

export function listCampaigns(db: Db, scope: Scope, q: CampaignQuery) {
  let query = campaignSelect(db, scope);
  if (q.year) query = query.where('c.year', '=', q.year);
  if (q.keyDate) query = query.where('c.key_date', '=', q.keyDate);
  return paginate(query.orderBy('c.starts_on', 'desc').orderBy('c.id', 'desc'), q);
}
export type CampaignRow = Awaited<ReturnType<typeof listCampaigns>>['items'][number];

export function campaignsOfYear(db: Db, scope: Scope, year: number) {
  return campaignSelect(db, scope).where('c.year', '=', year).orderBy('c.starts_on').orderBy('c.id').execute();
}

export function findCampaign(db: Db, scope: Scope, id: number) {
  return campaignSelect(db, scope).where('c.id', '=', id).executeTakeFirst();
}

export function insertCampaign(trx: Transaction<DB>, values: Insertable<DB['publicity_campaigns']>) {
  return trx.insertInto('publicity_campaigns').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Per campaign: the events recorded under it that the actor may see, and their figures. */
export async function campaignTotals(db: Db, scope: Scope, campaignIds: number[]) {
  if (campaignIds.length === 0) return new Map<number, { events: number; materials: number; people: number; consultations: number }>();
  const rows = await db
    .selectFrom('publicity_events')
    .select([
      'campaign_id',
      (eb) => eb.fn.countAll<number>().as('events'),
      (eb) => eb.fn.sum<number>('materials_count').as('materials'),
      (eb) => eb.fn.sum<number>('people_reached').as('people'),
      (eb) => eb.fn.sum<number>('consultations').as('consultations'),
    ])
    .where('campaign_id', 'in', campaignIds)
    .where('voided_at', 'is', null)
    .where(scopeFilter('publicity_events.org_unit_id', scope))
    .groupBy('campaign_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.campaign_id as number,
      { events: Number(r.events), materials: Number(r.materials ?? 0), people: Number(r.people ?? 0), consultations: Number(r.consultations ?? 0) },
    ]),
  );
}

// ── Events ────────────────────────────────────────────────────────────────────────────────────────────────
const eventSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('publicity_events as e')
    .innerJoin('org_units as u', 'u.id', 'e.org_unit_id')
    .leftJoin('publicity_campaigns as c', 'c.id', 'e.campaign_id')
    .leftJoin('dictionaries as k', (j) => j.on('k.kind', '=', 'publicity.event_kind').onRef('k.code', '=', 'e.kind'))
    .leftJoin('dictionaries as a', (j) => j.on('a.kind', '=', 'publicity.audience').onRef('a.code', '=', 'e.audience'))
    .selectAll('e')
    .select(['u.name as unit_name', 'c.title as campaign_title', 'k.label as kind_label', 'a.label as audience_label'])
    .where('e.voided_at', 'is', null)
    .where(scopeFilter('e.org_unit_id', scope));

export function listEvents(db: Db, scope: Scope, q: EventQuery) {
  let query = eventSelect(db, scope);
  if (q.year) query = query.where('e.held_on', '>=', yearRange(q.year)[0]).where('e.held_on', '<=', yearRange(q.year)[1]);
  if (q.kind) query = query.where('e.kind', '=', q.kind);
  if (q.audience) query = query.where('e.audience', '=', q.audience);
  if (q.campaignId) query = query.where('e.campaign_id', '=', q.campaignId);
  if (q.orgUnitId) query = query.where('e.org_unit_id', '=', q.orgUnitId);
  if (q.q) {
    const like = `%${q.q}%`;
    query = query.where((eb) => eb.or([eb('e.title', 'ilike', like), eb('e.place', 'ilike', like), eb('e.summary', 'ilike', like), eb('e.materials', 'ilike', like)]));
  }
  return paginate(query.orderBy('e.held_on', 'desc').orderBy('e.id', 'desc'), q);
}
export type EventRow = Awaited<ReturnType<typeof listEvents>>['items'][number];

export function findEvent(db: Db, scope: Scope, id: number) {
  return eventSelect(db, scope).where('e.id', '=', id).executeTakeFirst();
}

export function eventsOfYear(db: Db, scope: Scope, year: number) {
  return db
    .selectFrom('publicity_events')
    .select(['kind', 'audience', 'materials_count', 'people_reached', 'consultations'])
    .where('voided_at', 'is', null)
    .where('held_on', '>=', yearRange(year)[0])
    .where('held_on', '<=', yearRange(year)[1])
    .where(scopeFilter('publicity_events.org_unit_id', scope))
    .execute();
}

export function insertEvent(trx: Transaction<DB>, values: Insertable<DB['publicity_events']>) {
  return trx.insertInto('publicity_events').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Many events at once (a ledger import): one statement per chunk. */
export async function insertEvents(trx: Transaction<DB>, values: Insertable<DB['publicity_events']>[]): Promise<number[]> {
  if (values.length === 0) return [];
  return (await trx.insertInto('publicity_events').values(values).returning('id').execute()).map((r) => r.id);
}

export function unitIdsInScope(db: Db, scope: Scope, ids: number[]) {
  return db.selectFrom('org_units').select('id').where('id', 'in', ids).where('voided_at', 'is', null).where(scopeFilter('org_units.id', scope)).execute();
}

// ── Indicator queries (a period from the reports module) ─────────────────────────────────────────────────
/** Events held in the period, optionally only of an audience group or a kind. */
export function eventsIn(db: Db, scope: Scope, p: { from: string; to: string }, filter: { audience?: string; kind?: string } = {}) {
  let query = eventSelect(db, scope).where('e.held_on', '>=', p.from).where('e.held_on', '<=', p.to);
  if (filter.audience) query = query.where('e.audience', '=', filter.audience);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind);
  return query.orderBy('e.held_on').orderBy('e.id').execute();
}

export function campaignsIn(db: Db, scope: Scope, p: { from: string; to: string }) {
  return campaignSelect(db, scope).where('c.starts_on', '<=', p.to).where('c.ends_on', '>=', p.from).orderBy('c.starts_on').execute();
}
