import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { DisclosureCreate, HearingCreate, HonourQuery, InspectionQuery, VillageListQuery, VillageRuleQuery } from '../../../domain/villages/contracts.ts';
import type { HonourLevel, HonourStatus } from '../../../domain/villages/rules.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

// ── Villages and profiles ─────────────────────────────────────────────────────────────────────────────────
export function unitPath(db: Db, orgUnitId: number) {
  return db.selectFrom('org_units').select('path').where('id', '=', orgUnitId).executeTakeFirstOrThrow();
}

export function listVillages(db: Db, scope: Scope) {
  return db
    .selectFrom('org_units as u')
    .leftJoin('org_units as parent', 'parent.id', 'u.parent_id')
    .leftJoin('village_profiles as p', (j) => j.onRef('p.org_unit_id', '=', 'u.id').on('p.voided_at', 'is', null))
    .select([
      'u.id as org_unit_id',
      'u.name',
      'u.kind',
      'parent.name as town_name',
      'p.id as profile_id',
      'p.population',
      'p.households',
      'p.groups_count',
      'p.party_secretary',
      'p.director',
      'p.legal_advisor',
      'p.address',
      'p.introduction',
      'p.version as profile_version',
    ])
    .where('u.kind', 'in', ['village', 'community'])
    .where('u.voided_at', 'is', null)
    .where(scopeFilter('u.id', scope))
    .orderBy('u.sort_order')
    .orderBy('u.id')
    .execute();
}
export type VillageRow = Awaited<ReturnType<typeof listVillages>>[number];

export async function findVillage(db: Db, scope: Scope, orgUnitId: number): Promise<VillageRow | undefined> {
  return (await listVillages(db, scope)).find((v) => v.org_unit_id === orgUnitId);
}

export function findProfile(db: Db, orgUnitId: number) {
  return db.selectFrom('village_profiles').selectAll().where('org_unit_id', '=', orgUnitId).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertProfile(trx: Transaction<DB>, orgUnitId: number, values: Record<string, unknown>) {
  return trx
    .insertInto('village_profiles')
    .values({ org_unit_id: orgUnitId, population: null, households: null, groups_count: null, ...values })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Per village: how many rules, hearings and disclosures it has (live rows). */
export async function countsByVillage(db: Db, unitIds: number[]) {
  if (unitIds.length === 0) return new Map<number, { rules: number; hearings: number; disclosures: number }>();
  const count = (table: 'village_rules' | 'village_hearings' | 'village_disclosures') =>
    db
      .selectFrom(table)
      .select(['org_unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_unit_id', 'in', unitIds)
      .where('voided_at', 'is', null)
      .groupBy('org_unit_id')
      .execute();
  const [rules, hearings, disclosures] = await Promise.all([count('village_rules'), count('village_hearings'), count('village_disclosures')]);
  const out = new Map(unitIds.map((id) => [id, { rules: 0, hearings: 0, disclosures: 0 }]));
  for (const r of rules) (out.get(r.org_unit_id) as { rules: number }).rules = Number(r.n);
  for (const r of hearings) (out.get(r.org_unit_id) as { hearings: number }).hearings = Number(r.n);
  for (const r of disclosures) (out.get(r.org_unit_id) as { disclosures: number }).disclosures = Number(r.n);
  return out;
}

// ── Honours ───────────────────────────────────────────────────────────────────────────────────────────────
const honourSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('village_honours as h')
    .innerJoin('org_units as u', 'u.id', 'h.org_unit_id')
    .selectAll('h')
    .select('u.name as village_name')
    .where('h.voided_at', 'is', null)
    .where(scopeFilter('h.org_unit_id', scope));

export function listHonours(db: Db, scope: Scope, q: HonourQuery) {
  let query = honourSelect(db, scope);
  if (q.orgUnitId) query = query.where('h.org_unit_id', '=', q.orgUnitId);
  if (q.level) query = query.where('h.level', '=', q.level);
  if (q.status) query = query.where('h.status', '=', q.status);
  return paginate(query.orderBy('u.sort_order').orderBy('h.org_unit_id').orderBy('h.id'), q);
}
export type HonourRow = Awaited<ReturnType<typeof listHonours>>['items'][number];

export function honoursOf(db: Db, scope: Scope, unitIds: number[]) {
  if (unitIds.length === 0) return Promise.resolve([] as HonourRow[]);
  return honourSelect(db, scope).where('h.org_unit_id', 'in', unitIds).orderBy('h.id').execute();
}

export function allNamedHonours(db: Db, scope: Scope) {
  return honourSelect(db, scope).where('h.status', '=', 'named').orderBy('h.id').execute();
}

export function findHonour(db: Db, scope: Scope, id: number) {
  return honourSelect(db, scope).where('h.id', '=', id).executeTakeFirst();
}

export function insertHonour(
  trx: Transaction<DB>,
  v: {
    orgUnitId: number;
    level: HonourLevel;
    status: HonourStatus;
    declaredOn: string | null;
    declarationNote: string;
    namedYear: number | null;
    namedOn: string | null;
    batch: string;
    namingDocument: string;
    reviewCycleYears: number | null;
  },
) {
  return trx
    .insertInto('village_honours')
    .values({
      org_unit_id: v.orgUnitId,
      level: v.level,
      status: v.status,
      declared_on: v.declaredOn,
      declaration_note: v.declarationNote,
      recommended_on: null,
      named_year: v.namedYear,
      named_on: v.namedOn,
      batch: v.batch,
      naming_document: v.namingDocument,
      review_cycle_years: v.reviewCycleYears,
      review_due_override: null,
      last_review_year: null,
      ended_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// ── Inspections (复核) ────────────────────────────────────────────────────────────────────────────────────
const inspectionSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('village_inspections as i')
    .innerJoin('village_honours as h', 'h.id', 'i.honour_id')
    .innerJoin('org_units as u', 'u.id', 'i.org_unit_id')
    .selectAll('i')
    .select(['u.name as village_name', 'h.level'])
    .where('i.voided_at', 'is', null)
    .where(scopeFilter('i.org_unit_id', scope));

export function listInspections(db: Db, scope: Scope, q: InspectionQuery) {
  let query = inspectionSelect(db, scope);
  if (q.honourId) query = query.where('i.honour_id', '=', q.honourId);
  if (q.year) query = query.where('i.year', '=', q.year);
  return paginate(query.orderBy('i.year', 'desc').orderBy('i.id', 'desc'), q);
}
export type InspectionRow = Awaited<ReturnType<typeof listInspections>>['items'][number];

export function findInspection(db: Db, scope: Scope, id: number) {
  return inspectionSelect(db, scope).where('i.id', '=', id).executeTakeFirst();
}

export function openInspectionOf(db: Db, honourId: number) {
  return db
    .selectFrom('village_inspections')
    .select(['id', 'year'])
    .where('honour_id', '=', honourId)
    .where('voided_at', 'is', null)
    .where('status', '!=', 'concluded')
    .executeTakeFirst();
}

export function insertInspection(trx: Transaction<DB>, v: { honourId: number; orgUnitId: number; year: number }) {
  return trx
    .insertInto('village_inspections')
    .values({ honour_id: v.honourId, org_unit_id: v.orgUnitId, year: v.year, status: 'self_assessment', submitted_on: null, concluded_on: null, conclusion: null })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertItems(
  trx: Transaction<DB>,
  inspectionId: number,
  orgUnitId: number,
  items: { partCode: string; partLabel: string; itemCode: string; itemLabel: string; sortOrder: number }[],
) {
  if (items.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('village_inspection_items')
    .values(
      items.map((i) => ({
        inspection_id: inspectionId,
        org_unit_id: orgUnitId,
        part_code: i.partCode,
        part_label: i.partLabel,
        item_code: i.itemCode,
        item_label: i.itemLabel,
        sort_order: i.sortOrder,
        result: null,
      })),
    )
    .execute();
}

export function itemsOf(db: Db, inspectionIds: number[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('village_inspection_items')
    .selectAll()
    .where('inspection_id', 'in', inspectionIds)
    .where('voided_at', 'is', null)
    .orderBy('inspection_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}
export type ItemRow = Awaited<ReturnType<typeof itemsOf>>[number];

export function findItem(db: Db, inspectionId: number, itemId: number) {
  return db.selectFrom('village_inspection_items').selectAll().where('id', '=', itemId).where('inspection_id', '=', inspectionId).where('voided_at', 'is', null).executeTakeFirst();
}

/** Attachments of the given ids that belong to the village (evidence must be the village's own files). */
export function attachmentsOfUnit(db: Db, orgUnitId: number, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('attachments').select('id').where('id', 'in', ids).where('org_unit_id', '=', orgUnitId).where('voided_at', 'is', null).execute();
}

// ── Rules and versions ────────────────────────────────────────────────────────────────────────────────────
const ruleSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('village_rules as r')
    .innerJoin('org_units as u', 'u.id', 'r.org_unit_id')
    .leftJoin('dictionaries as d', (j) => j.on('d.kind', '=', 'villages.rule_kind').onRef('d.code', '=', 'r.kind'))
    .selectAll('r')
    .select(['u.name as village_name', 'd.label as kind_label'])
    .where('r.voided_at', 'is', null)
    .where(scopeFilter('r.org_unit_id', scope));

export function listRules(db: Db, scope: Scope, q: VillageRuleQuery) {
  let query = ruleSelect(db, scope);
  if (q.orgUnitId) query = query.where('r.org_unit_id', '=', q.orgUnitId);
  if (q.kind) query = query.where('r.kind', '=', q.kind);
  return paginate(query.orderBy('u.sort_order').orderBy('r.org_unit_id').orderBy('r.id'), q);
}
export type RuleRow = Awaited<ReturnType<typeof listRules>>['items'][number];

export function findRule(db: Db, scope: Scope, id: number) {
  return ruleSelect(db, scope).where('r.id', '=', id).executeTakeFirst();
}

export function insertRule(trx: Transaction<DB>, v: { orgUnitId: number; kind: string; title: string }) {
  return trx.insertInto('village_rules').values({ org_unit_id: v.orgUnitId, kind: v.kind, title: v.title }).returning('id').executeTakeFirstOrThrow();
}

export function versionsOf(db: Db, ruleIds: number[]) {
  if (ruleIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('village_rule_versions').selectAll().where('rule_id', 'in', ruleIds).where('voided_at', 'is', null).orderBy('rule_id').orderBy('version_no').execute();
}
export type RuleVersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

export function findRuleVersion(db: Db, ruleId: number, versionId: number) {
  return db.selectFrom('village_rule_versions').selectAll().where('id', '=', versionId).where('rule_id', '=', ruleId).where('voided_at', 'is', null).executeTakeFirst();
}

export async function nextVersionNo(db: Db, ruleId: number): Promise<number> {
  const r = await db
    .selectFrom('village_rule_versions')
    .select((eb) => eb.fn.max('version_no').as('n'))
    .where('rule_id', '=', ruleId)
    .executeTakeFirst();
  return Number(r?.n ?? 0) + 1;
}

export function insertRuleVersion(trx: Transaction<DB>, values: Insertable<DB['village_rule_versions']>) {
  return trx.insertInto('village_rule_versions').values(values).returningAll().executeTakeFirstOrThrow();
}

// ── Hearings ──────────────────────────────────────────────────────────────────────────────────────────────
const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

const hearingSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('village_hearings as h')
    .innerJoin('org_units as u', 'u.id', 'h.org_unit_id')
    .selectAll('h')
    .select('u.name as village_name')
    .where('h.voided_at', 'is', null)
    .where(scopeFilter('h.org_unit_id', scope));

export function listHearings(db: Db, scope: Scope, q: VillageListQuery) {
  let query = hearingSelect(db, scope);
  if (q.orgUnitId) query = query.where('h.org_unit_id', '=', q.orgUnitId);
  if (q.year) query = query.where('h.held_on', '>=', yearRange(q.year)[0]).where('h.held_on', '<=', yearRange(q.year)[1]);
  if (q.q) query = query.where((eb) => eb.or([eb('h.topic', 'ilike', `%${q.q}%`), eb('h.decision', 'ilike', `%${q.q}%`)]));
  return paginate(query.orderBy('h.held_on', 'desc').orderBy('h.id', 'desc'), q);
}
export type HearingRow = Awaited<ReturnType<typeof listHearings>>['items'][number];

export function findHearing(db: Db, scope: Scope, id: number) {
  return hearingSelect(db, scope).where('h.id', '=', id).executeTakeFirst();
}

export function insertHearing(trx: Transaction<DB>, h: HearingCreate) {
  return trx
    .insertInto('village_hearings')
    .values({
      org_unit_id: h.orgUnitId,
      topic: h.topic,
      held_on: h.heldOn,
      place: h.place ?? '',
      presided_by: h.presidedBy,
      participants: h.participants ?? [],
      participant_count: h.participantCount,
      decision: h.decision ?? '',
      minutes: h.minutes ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// ── Disclosures ───────────────────────────────────────────────────────────────────────────────────────────
const disclosureSelect = (db: Db, scope: Scope) =>
  db
    .selectFrom('village_disclosures as d')
    .innerJoin('org_units as u', 'u.id', 'd.org_unit_id')
    .leftJoin('dictionaries as k', (j) => j.on('k.kind', '=', 'villages.disclosure_kind').onRef('k.code', '=', 'd.kind'))
    .selectAll('d')
    .select(['u.name as village_name', 'k.label as kind_label'])
    .where('d.voided_at', 'is', null)
    .where(scopeFilter('d.org_unit_id', scope));

export function listDisclosures(db: Db, scope: Scope, q: VillageListQuery) {
  let query = disclosureSelect(db, scope);
  if (q.orgUnitId) query = query.where('d.org_unit_id', '=', q.orgUnitId);
  if (q.year) query = query.where('d.published_on', '>=', yearRange(q.year)[0]).where('d.published_on', '<=', yearRange(q.year)[1]);
  if (q.q) query = query.where((eb) => eb.or([eb('d.title', 'ilike', `%${q.q}%`), eb('d.content', 'ilike', `%${q.q}%`)]));
  return paginate(query.orderBy('d.published_on', 'desc').orderBy('d.id', 'desc'), q);
}
export type DisclosureRow = Awaited<ReturnType<typeof listDisclosures>>['items'][number];

export function findDisclosure(db: Db, scope: Scope, id: number) {
  return disclosureSelect(db, scope).where('d.id', '=', id).executeTakeFirst();
}

export function insertDisclosure(trx: Transaction<DB>, d: DisclosureCreate) {
  return trx
    .insertInto('village_disclosures')
    .values({
      org_unit_id: d.orgUnitId,
      kind: d.kind,
      title: d.title,
      content: d.content ?? '',
      period: d.period ?? '',
      published_on: d.publishedOn,
      channel: d.channel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// ── Figures ───────────────────────────────────────────────────────────────────────────────────────────────
export function inspectionsInYear(db: Db, scope: Scope, year: number) {
  return inspectionSelect(db, scope).where('i.year', '=', year).execute();
}

export async function yearFigures(db: Db, scope: Scope, year: number) {
  const [from, to] = yearRange(year);
  const hearings = await db
    .selectFrom('village_hearings')
    .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.coalesce(eb.fn.sum<number>('participant_count'), sql<number>`0`).as('people')])
    .where('voided_at', 'is', null)
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .where(scopeFilter('village_hearings.org_unit_id', scope))
    .executeTakeFirstOrThrow();
  const disclosures = await db
    .selectFrom('village_disclosures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('voided_at', 'is', null)
    .where('published_on', '>=', from)
    .where('published_on', '<=', to)
    .where(scopeFilter('village_disclosures.org_unit_id', scope))
    .executeTakeFirstOrThrow();
  const adopted = await db
    .selectFrom('village_rule_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('voided_at', 'is', null)
    .where('adopted_on', '>=', from)
    .where('adopted_on', '<=', to)
    .where(scopeFilter('village_rule_versions.org_unit_id', scope))
    .executeTakeFirstOrThrow();
  const withRules = await db
    .selectFrom('village_rule_versions')
    .select((eb) => eb.fn.count<number>('org_unit_id').distinct().as('n'))
    .where('voided_at', 'is', null)
    .where('adopted_on', 'is not', null)
    .where('adopted_on', '<=', to)
    .where(scopeFilter('village_rule_versions.org_unit_id', scope))
    .executeTakeFirstOrThrow();
  return {
    hearings: Number(hearings.n),
    hearingParticipants: Number(hearings.people),
    disclosures: Number(disclosures.n),
    rulesAdopted: Number(adopted.n),
    villagesWithRules: Number(withRules.n),
  };
}

// ── Indicator queries (a period from the reports module) ─────────────────────────────────────────────────
type Span = { year: number; from: string; to: string };

/** 复核 of the given level concluded for a review year within the period. */
export function concludedInspections(db: Db, scope: Scope, p: Span, level: HonourLevel) {
  return inspectionSelect(db, scope)
    .where('h.level', '=', level)
    .where('i.status', '=', 'concluded')
    .where('i.year', '>=', Number(p.from.slice(0, 4)))
    .where('i.year', '<=', Number(p.to.slice(0, 4)))
    .orderBy('i.id')
    .execute();
}

/** Honours of the level in force on the period's last day: named by then and not ended by then. */
export function honoursInForce(db: Db, scope: Scope, p: Span, level: HonourLevel) {
  return honourSelect(db, scope)
    .where('h.level', '=', level)
    .where('h.named_year', '<=', Number(p.to.slice(0, 4)))
    .where((eb) => eb.or([eb('h.status', '=', 'named'), eb('h.ended_on', '>', p.to)]))
    .orderBy('h.id')
    .execute();
}

export function hearingsIn(db: Db, scope: Scope, p: Span) {
  return hearingSelect(db, scope).where('h.held_on', '>=', p.from).where('h.held_on', '<=', p.to).orderBy('h.held_on').execute();
}

export function disclosuresIn(db: Db, scope: Scope, p: Span) {
  return disclosureSelect(db, scope).where('d.published_on', '>=', p.from).where('d.published_on', '<=', p.to).orderBy('d.published_on').execute();
}
