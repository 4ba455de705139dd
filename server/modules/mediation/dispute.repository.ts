import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DisputeFilters, PartyInput } from '../../../domain/mediation/contracts.ts';
import type { PageQuery } from '../../../domain/platform/contracts.ts';
import { inOrderOf, pageOfIds } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;
const TYPE_KIND = 'mediation.dispute_type';

/** Disputes with what a list row shows: names, counts, the parties and the mediators' names, in one query. */
function disputes(db: Db, scope: Scope) {
  return db
    .selectFrom('disputes as d')
    .innerJoin('org_units as u', 'u.id', 'd.org_unit_id')
    .innerJoin('mediation_committees as c', 'c.id', 'd.committee_id')
    .innerJoin('org_units as cu', 'cu.id', 'c.org_unit_id')
    .leftJoin('dictionaries as t', (j) => j.onRef('t.code', '=', 'd.type_code').on('t.kind', '=', TYPE_KIND))
    .selectAll('d')
    .select((eb) => [
      'u.name as org_unit_name',
      'u.path as org_unit_path',
      'c.name as committee_name',
      'c.target_days as committee_target_days',
      'cu.kind as committee_unit_kind',
      't.label as type_label',
      eb
        .selectFrom('dispute_sessions as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.dispute_id', '=', 'd.id')
        .where('s.voided_at', 'is', null)
        .as('session_count'),
      eb
        .selectFrom('dispute_follow_ups as f')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('f.dispute_id', '=', 'd.id')
        .as('follow_up_count'),
      jsonArrayFrom(
        eb
          .selectFrom('dispute_parties as p')
          .select(['p.id', 'p.kind', 'p.role', 'p.name', 'p.gender', 'p.id_number_enc', 'p.phone_enc', 'p.address'])
          .whereRef('p.dispute_id', '=', 'd.id')
          .where('p.voided_at', 'is', null)
          .orderBy('p.sort_order')
          .orderBy('p.id'),
      ).as('parties'),
      jsonArrayFrom(eb.selectFrom('mediation_members as m').select(['m.id', 'm.name']).where(sql<boolean>`m.id = any(d.mediator_ids)`)).as('mediator_names'),
    ])
    .where('d.voided_at', 'is', null)
    .where(scopeFilter('d.org_unit_id', scope));
}

/** The disputes in scope on their own table: what paging and counting read (no joins, no per-row sub-selects). */
const inScope = (db: Db, scope: Scope) => db.selectFrom('disputes as d').where('d.voided_at', 'is', null).where(scopeFilter('d.org_unit_id', scope));

export type ListFilters = DisputeFilters & {
  today: string;
  weekEnd: string;
  /** Blind index of `q`, for an exact match on an ID number or phone. */
  qIndex?: string;
  /** Only these ids (the judicial-window reminder, computed with the working-day calendar). */
  ids?: number[];
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The list's filters, on the dispute's own columns only (so the narrow and the wide query take the same ones). */
function filtered<Q extends SelectQueryBuilder<any, any, any>>(query: Q, f: ListFilters): Q {
  let q = query as SelectQueryBuilder<any, any, any>;
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.typeCode) q = q.where('d.type_code', '=', f.typeCode);
  if (f.orgUnitId) q = q.where(sql<boolean>`d.org_unit_id = any(array(select id from org_units where path like (select path from org_units where id = ${f.orgUnitId}) || '%'))`);
  if (f.level) {
    const townCommittees = sql`array(select c.id from mediation_committees c join org_units cu on cu.id = c.org_unit_id where cu.kind = 'town')`;
    q = q.where(f.level === 'town' ? sql<boolean>`d.committee_id = any(${townCommittees})` : sql<boolean>`d.committee_id <> all(${townCommittees})`);
  }
  if (f.committeeId) q = q.where('d.committee_id', '=', f.committeeId);
  if (f.year) q = q.where('d.registered_on', '>=', `${f.year}-01-01`).where('d.registered_on', '<=', `${f.year}-12-31`);
  if (f.overdue) q = q.where('d.status', 'in', ['registered', 'mediating']).where('d.due_on', '<', f.today);
  if (f.dueThisWeek) q = q.where('d.status', 'in', ['registered', 'mediating']).where('d.due_on', '>=', f.today).where('d.due_on', '<=', f.weekEnd);
  if (f.ids) q = f.ids.length ? q.where('d.id', 'in', f.ids) : q.where(sql<boolean>`false`);
  if (f.q?.trim()) {
    const like = `%${escapeLike(f.q.trim())}%`;
    q = q.where((eb: ExpressionBuilder<any, any>) => {
      const party = eb.selectFrom('dispute_parties as p').select('p.id').whereRef('p.dispute_id', '=', 'd.id').where('p.voided_at', 'is', null);
      const matches = [eb('d.number', 'ilike', like), eb.exists(party.where('p.name', 'ilike', like))];
      if (f.qIndex) matches.push(eb.exists(party.where((e) => e.or([e('p.id_number_idx', '=', f.qIndex), e('p.phone_idx', '=', f.qIndex)]))));
      return eb.or(matches);
    });
  }
  return q as Q;
}

const ordered = <Q extends SelectQueryBuilder<any, any, any>>(q: Q): Q => q.orderBy('d.registered_on', 'desc').orderBy('d.id', 'desc') as Q;

export async function listDisputes(db: Db, scope: Scope, f: ListFilters & PageQuery) {
  const page = await pageOfIds(ordered(filtered(inScope(db, scope), f).select('d.id')), f);
  const rows = page.items.length ? await disputes(db, scope).where('d.id', 'in', page.items).execute() : [];
  return { ...page, items: inOrderOf(page.items, rows) };
}
export type DisputeRow = Awaited<ReturnType<typeof listDisputes>>['items'][number];

/** Every match (for the ledger export), capped. */
export function allDisputes(db: Db, scope: Scope, f: ListFilters, limit: number) {
  return ordered(filtered(disputes(db, scope), f))
    .limit(limit)
    .execute();
}

export function countDisputes(db: Db, scope: Scope, f: ListFilters) {
  return filtered(inScope(db, scope), f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function findDispute(db: Db, scope: Scope, id: number) {
  return disputes(db, scope).where('d.id', '=', id).executeTakeFirst();
}

/** Written agreements not yet taken to court, closed since `since`: candidates for the 司法确认 reminder. */
export function judicialCandidates(db: Db, scope: Scope, since: string) {
  return db
    .selectFrom('disputes as d')
    .select(['d.id', 'd.closed_on'])
    .where('d.voided_at', 'is', null)
    .where(scopeFilter('d.org_unit_id', scope))
    .where('d.status', '=', 'succeeded')
    .where('d.agreement_kind', '=', 'written')
    .where('d.judicial_applied_on', 'is', null)
    .where('d.closed_on', '>=', since)
    .execute();
}

export function sessionsOf(db: Db, disputeId: number) {
  return db
    .selectFrom('dispute_sessions as s')
    .leftJoin('users', 'users.id', 's.recorded_by')
    .selectAll('s')
    .select('users.display_name as recorded_by_name')
    .where('s.dispute_id', '=', disputeId)
    .where('s.voided_at', 'is', null)
    .orderBy('s.held_on')
    .orderBy('s.id')
    .execute();
}

export function followUpsOf(db: Db, disputeId: number) {
  return db
    .selectFrom('dispute_follow_ups as f')
    .leftJoin('users', 'users.id', 'f.recorded_by')
    .selectAll('f')
    .select('users.display_name as recorded_by_name')
    .where('f.dispute_id', '=', disputeId)
    .orderBy('f.followed_on')
    .orderBy('f.id')
    .execute();
}

export function lastFollowUps(db: Db, disputeIds: number[]) {
  if (disputeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('dispute_follow_ups')
    .distinctOn('dispute_id')
    .selectAll()
    .where('dispute_id', 'in', disputeIds)
    .orderBy('dispute_id')
    .orderBy('followed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function lastSessionDate(db: Db, disputeId: number) {
  return db
    .selectFrom('dispute_sessions')
    .select((eb) => eb.fn.max('held_on').as('last'))
    .where('dispute_id', '=', disputeId)
    .where('voided_at', 'is', null)
    .executeTakeFirst()
    .then((r) => (r?.last as string | null | undefined) ?? null);
}

// ── writes ──────────────────────────────────────────────────────────────────────────────────────

export type SealedParty = Omit<PartyInput, 'idNumber' | 'phone'> & { idNumberEnc: string | null; idNumberIdx: string | null; phoneEnc: string | null; phoneIdx: string | null };

export type NewDispute = {
  orgUnitId: number;
  committeeId: number;
  number: string | null;
  year: number;
  seq: number | null;
  source: DB['disputes']['source'];
  referralFrom: DB['disputes']['referral_from'];
  referralNote: string;
  typeCode: string;
  summary: string;
  amount: string | null;
  disclosure: 'private' | 'public';
  registeredOn: string;
  status: DB['disputes']['status'];
  acceptedOn: string | null;
  dueOn: string | null;
  mediatorIds: number[];
  refusedOn: string | null;
  refusingParty: string;
  refusalReason: string;
  closedOn: string | null;
  agreementKind: 'written' | 'oral' | null;
  facts: string;
  responsibilities: string;
  terms: string;
  performanceMethod: string;
  performanceDeadline: string;
  otherChannels: string[];
  closeNote: string;
  judicialAppliedOn: string | null;
  judicialCourt: string;
  judicialResult: DB['disputes']['judicial_result'];
  judicialResultOn: string | null;
  judicialNote: string;
  registeredBy: number;
};

/** Next number of the committee's year (2024-0001, 2024-0002 …), under a lock so two clerks never draw the same one. */
export async function nextSeq(trx: Transaction<DB>, committeeId: number, year: number): Promise<number> {
  await sql`select pg_advisory_xact_lock(711492510, ${committeeId}::int)`.execute(trx);
  const row = await trx
    .selectFrom('disputes')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('committee_id', '=', committeeId)
    .where('year', '=', year)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertDispute(trx: Transaction<DB>, d: NewDispute, parties: SealedParty[]): Promise<{ id: number; number: string }> {
  let { number, seq } = d;
  if (number === null) {
    seq = await nextSeq(trx, d.committeeId, d.year);
    number = `${d.year}-${String(seq).padStart(4, '0')}`;
  }
  const row = await trx
    .insertInto('disputes')
    .values({
      org_unit_id: d.orgUnitId,
      committee_id: d.committeeId,
      number,
      year: d.year,
      seq,
      source: d.source,
      referral_from: d.referralFrom,
      referral_note: d.referralNote,
      type_code: d.typeCode,
      summary: d.summary,
      amount: d.amount,
      disclosure: d.disclosure,
      registered_on: d.registeredOn,
      status: d.status,
      accepted_on: d.acceptedOn,
      due_on: d.dueOn,
      mediator_ids: d.mediatorIds,
      refused_on: d.refusedOn,
      refusing_party: d.refusingParty,
      refusal_reason: d.refusalReason,
      closed_on: d.closedOn,
      agreement_kind: d.agreementKind,
      facts: d.facts,
      responsibilities: d.responsibilities,
      terms: d.terms,
      performance_method: d.performanceMethod,
      performance_deadline: d.performanceDeadline,
      other_channels: d.otherChannels,
      close_note: d.closeNote,
      judicial_applied_on: d.judicialAppliedOn,
      judicial_court: d.judicialCourt,
      judicial_result: d.judicialResult,
      judicial_result_on: d.judicialResultOn,
      judicial_note: d.judicialNote,
      registered_by: d.registeredBy,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
  await insertParties(trx, row.id, parties);
  return row;
}

export async function insertParties(trx: Transaction<DB>, disputeId: number, parties: SealedParty[]) {
  if (parties.length === 0) return;
  await trx
    .insertInto('dispute_parties')
    .values(
      parties.map((p, i) => ({
        dispute_id: disputeId,
        sort_order: i,
        kind: p.kind,
        role: p.role,
        name: p.name,
        gender: p.gender ?? null,
        id_number_enc: p.idNumberEnc,
        id_number_idx: p.idNumberIdx,
        phone_enc: p.phoneEnc,
        phone_idx: p.phoneIdx,
        address: p.address ?? '',
      })),
    )
    .execute();
}

/** Replaces the parties of a dispute (the old rows are voided, never deleted). */
export async function replaceParties(trx: Transaction<DB>, disputeId: number, parties: SealedParty[], actorId: number) {
  await trx
    .updateTable('dispute_parties')
    .set({ voided_at: new Date(), voided_by: actorId, void_reason: '登记信息修改', updated_at: new Date() })
    .where('dispute_id', '=', disputeId)
    .where('voided_at', 'is', null)
    .execute();
  await insertParties(trx, disputeId, parties);
}

export type NewSession = { disputeId: number; heldOn: string; place: string; mediators: string[]; attendees: string[]; record: string; recordedBy: number };

export function insertSessions(trx: Transaction<DB>, sessions: NewSession[]) {
  if (sessions.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('dispute_sessions')
    .values(
      sessions.map((s) => ({
        dispute_id: s.disputeId,
        held_on: s.heldOn,
        place: s.place,
        mediators: s.mediators,
        attendees: s.attendees,
        record: s.record,
        recorded_by: s.recordedBy,
      })),
    )
    .returning('id')
    .execute();
}

export const sessionOf = (db: Db, disputeId: number, sessionId: number) =>
  db.selectFrom('dispute_sessions').selectAll().where('id', '=', sessionId).where('dispute_id', '=', disputeId).where('voided_at', 'is', null).executeTakeFirst();

export function updateSession(trx: Transaction<DB>, sessionId: number, s: Omit<NewSession, 'disputeId' | 'recordedBy'>) {
  return trx
    .updateTable('dispute_sessions')
    .set((eb) => ({ held_on: s.heldOn, place: s.place, mediators: s.mediators, attendees: s.attendees, record: s.record, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', sessionId)
    .execute();
}

export type NewFollowUp = {
  disputeId: number;
  followedOn: string;
  method: DB['dispute_follow_ups']['method'];
  performance: DB['dispute_follow_ups']['performance'];
  note: string;
  recordedBy: number;
};

export function insertFollowUps(trx: Transaction<DB>, followUps: NewFollowUp[]) {
  if (followUps.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('dispute_follow_ups')
    .values(followUps.map((f) => ({ dispute_id: f.disputeId, followed_on: f.followedOn, method: f.method, performance: f.performance, note: f.note, recorded_by: f.recordedBy })))
    .returning('id')
    .execute();
}

/** Units among `ids` that lie in the scope. */
export function unitsInScope(db: Db, scope: Scope, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind'])
    .where('id', 'in', ids)
    .where('voided_at', 'is', null)
    .where(scopeFilter('org_units.id', scope))
    .execute();
}

/** Town and village units in the scope, by name (for a ledger that names the place). */
export function placesInScope(db: Db, scope: Scope) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind'])
    .where('voided_at', 'is', null)
    .where('kind', 'in', ['town', 'village', 'community'])
    .where(scopeFilter('org_units.id', scope))
    .execute();
}

/** Disputes already registered (not voided) on these days at these units with these summaries: a ledger's unnumbered rows. */
export function disputeKeysTaken(db: Db, keys: { orgUnitId: number; registeredOn: string; summary: string }[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('disputes')
    .select(['org_unit_id', 'registered_on', 'summary'])
    .where('voided_at', 'is', null)
    .where('org_unit_id', 'in', [...new Set(keys.map((k) => k.orgUnitId))])
    .where('registered_on', 'in', [...new Set(keys.map((k) => k.registeredOn))])
    .where('summary', 'in', [...new Set(keys.map((k) => k.summary))])
    .execute();
}

export async function numbersTaken(db: Db, committeeId: number, numbers: string[]): Promise<string[]> {
  if (numbers.length === 0) return [];
  const rows = await db.selectFrom('disputes').select('number').where('committee_id', '=', committeeId).where('number', 'in', numbers).where('voided_at', 'is', null).execute();
  return rows.map((r) => r.number);
}

// ── statistics ──────────────────────────────────────────────────────────────────────────────────

/**
 * Counts of the year by committee level, unit, type and month: registrations by the month registered, outcomes by
 * the month closed (a refusal by the month refused). Grouped in SQL so a city's database answers as fast as a town's.
 */
export function yearCounts(db: Db, scope: Scope, year: number, orgUnitId?: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  let q = db
    .selectFrom('disputes as d')
    .innerJoin('org_units as u', 'u.id', 'd.org_unit_id')
    .innerJoin('mediation_committees as c', 'c.id', 'd.committee_id')
    .innerJoin('org_units as cu', 'cu.id', 'c.org_unit_id')
    .leftJoin('dictionaries as t', (j) => j.onRef('t.code', '=', 'd.type_code').on('t.kind', '=', TYPE_KIND))
    .select((eb) => [
      sql<string>`case when cu.kind = 'town' then 'town' else 'village' end`.as('level'),
      'd.org_unit_id',
      'u.name as unit_name',
      'u.path as unit_path',
      'd.type_code',
      eb.fn.coalesce('t.label', 'd.type_code').as('type_label'),
      eb.fn.coalesce('t.sort_order', sql<number>`9999`).as('type_order'),
      sql<number | null>`case when d.registered_on between ${from} and ${to} then extract(month from d.registered_on)::int end`.as('registered_month'),
      sql<number | null>`case when d.closed_on between ${from} and ${to} and d.status in ('succeeded','failed','terminated') then extract(month from d.closed_on)::int end`.as(
        'closed_month',
      ),
      sql<number | null>`case when d.refused_on between ${from} and ${to} then extract(month from d.refused_on)::int end`.as('refused_month'),
      'd.status',
      eb.fn.countAll<number>().as('n'),
    ])
    .where('d.voided_at', 'is', null)
    .where(scopeFilter('d.org_unit_id', scope))
    .where((eb) => eb.or([eb.between('d.registered_on', from, to), eb.between('d.closed_on', from, to), eb.between('d.refused_on', from, to)]));
  if (orgUnitId) q = q.where(sql<boolean>`u.path like (select path from org_units where id = ${orgUnitId}) || '%'`);
  // Every selected column but the count, by position.
  return q.groupBy(sql.raw('1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11')).execute();
}
export type YearCountRow = Awaited<ReturnType<typeof yearCounts>>[number];

// ── indicators ──────────────────────────────────────────────────────────────────────────────────

/** Disputes mediated to an end (成功、不成、终止) within the period; with `succeeded`, only those with an agreement. */
export function mediatedIn(db: Db, scope: Scope, from: string, to: string, succeeded = false) {
  let q = db
    .selectFrom('disputes as d')
    .innerJoin('org_units as u', 'u.id', 'd.org_unit_id')
    .leftJoin('dictionaries as t', (j) => j.onRef('t.code', '=', 'd.type_code').on('t.kind', '=', TYPE_KIND))
    .select(['d.id', 'd.number', 'd.closed_on', 'd.status', 'd.summary', 'u.name as unit_name', 't.label as type_label'])
    .where('d.voided_at', 'is', null)
    .where(scopeFilter('d.org_unit_id', scope))
    .where('d.closed_on', '>=', from)
    .where('d.closed_on', '<=', to);
  q = succeeded ? q.where('d.status', '=', 'succeeded') : q.where('d.status', 'in', ['succeeded', 'failed', 'terminated']);
  return q.orderBy('d.closed_on').orderBy('d.id').execute();
}
