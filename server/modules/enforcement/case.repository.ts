import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DB } from '../../db/schema.ts';
import type {
  EnforcementCasesTable,
  EnforcementEvidenceTable,
  EnforcementHearingsTable,
  EnforcementLegalReviewsTable,
  EnforcementPublicationsTable,
} from '../../db/tables/enforcement.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

const cases = (db: Db) =>
  db
    .selectFrom('enforcement_cases')
    .innerJoin('org_units', 'org_units.id', 'enforcement_cases.org_unit_id')
    .innerJoin('enforcement_bodies', 'enforcement_bodies.id', 'enforcement_cases.body_id')
    .innerJoin('enforcement_powers', 'enforcement_powers.id', 'enforcement_cases.power_id')
    .selectAll('enforcement_cases')
    .select(['org_units.name as org_unit_name', 'enforcement_bodies.name as body_name', 'enforcement_powers.code as power_code', 'enforcement_powers.name as power_name'])
    .where('enforcement_cases.voided_at', 'is', null);

export type CaseFilters = { q?: string; partyIdx?: string; status?: string; procedure?: string; powerId?: number; year?: number };

/** Scope, filters and the list's order, on the case table's own columns (for the wide list and the narrow paging alike). */
function filteredCases<Q extends SelectQueryBuilder<any, 'enforcement_cases', any>>(query: Q, scope: Scope, f: CaseFilters): Q {
  let q = query.where(scopeFilter('enforcement_cases.org_unit_id', scope)) as SelectQueryBuilder<DB, 'enforcement_cases', any>;
  if (f.status) q = q.where('enforcement_cases.status', '=', f.status as EnforcementCasesTable['status']);
  if (f.procedure) q = q.where('enforcement_cases.procedure', '=', f.procedure as 'simple' | 'ordinary');
  if (f.powerId) q = q.where('enforcement_cases.power_id', '=', f.powerId);
  if (f.year) q = q.where(sql<boolean>`extract(year from coalesce(enforcement_cases.filed_on, enforcement_cases.decided_on, enforcement_cases.discovered_on)) = ${f.year}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('enforcement_cases.party_name', 'like', like),
        eb('enforcement_cases.summary', 'like', like),
        eb('enforcement_cases.filing_number', 'like', like),
        eb('enforcement_cases.decision_number', 'like', like),
        ...(f.partyIdx ? [eb('enforcement_cases.party_id_idx', '=', f.partyIdx)] : []),
      ]),
    );
  }
  // `id + 0`, not `id`: ordered by the bare key the planner walked the primary key backwards through every unit's
  // cases until it found this scope's (45,000 rows for a town with old cases, 450 ms on bench/'s province); by the
  // expression it reads the scope's cases through their org index and sorts them (bench/RESULTS.md).
  return q.orderBy(sql`enforcement_cases.id + 0`, 'desc') as unknown as Q;
}

/** Every matching case, wide (the attention filters need each case's computed deadlines). */
export const listCases = (db: Db, scope: Scope, f: CaseFilters) => filteredCases(cases(db), scope, f);

/** The matching cases' ids in the list's order, for paging without reading wide rows off the page. */
export const matchingCaseIds = (db: Db, scope: Scope, f: CaseFilters) =>
  filteredCases(db.selectFrom('enforcement_cases').select('enforcement_cases.id').where('enforcement_cases.voided_at', 'is', null), scope, f);

export type CaseRow = Awaited<ReturnType<ReturnType<typeof listCases>['execute']>>[number];

export const findCase = (db: Db, scope: Scope, id: number) =>
  cases(db).where('enforcement_cases.id', '=', id).where(scopeFilter('enforcement_cases.org_unit_id', scope)).executeTakeFirst();

export function insertCase(trx: Transaction<DB>, values: Insertable<EnforcementCasesTable>) {
  return trx.insertInto('enforcement_cases').values(values).returning('id').executeTakeFirstOrThrow();
}

export const powersByIds = (db: Db, ids: readonly number[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('enforcement_powers').selectAll().where('id', 'in', ids).execute();
/** The town and the government above it (named in the decision's remedy clause). */
export const unitWithParent = (db: Db, id: number) =>
  db.selectFrom('org_units as u').leftJoin('org_units as p', 'p.id', 'u.parent_id').select(['u.name', 'p.name as parent_name']).where('u.id', '=', id).executeTakeFirstOrThrow();

// ── children ───────────────────────────────────────────────────────────────────────────────────────────────────

export type EvidenceRow = Selectable<EnforcementEvidenceTable> & { filename: string | null; recorded_by_name: string | null };
export type ReviewRow = Selectable<EnforcementLegalReviewsTable>;
export type HearingRow = Selectable<EnforcementHearingsTable>;
export type PublicationRow = Selectable<EnforcementPublicationsTable>;
export type CaseChildren = { case_id: number; evidence: EvidenceRow[]; reviews: ReviewRow[]; hearings: HearingRow[]; publications: PublicationRow[] };

// JSON carries timestamps as text: these columns are turned back into the Dates a plain select gives.
const TIMESTAMPS = ['created_at', 'updated_at', 'voided_at', 'collected_at'] as const;
function withDates<T>(rows: T[]): T[] {
  for (const row of rows as Record<string, unknown>[]) for (const c of TIMESTAMPS) if (typeof row[c] === 'string') row[c] = new Date(row[c] as string);
  return rows;
}

/** Each case's evidence, legal reviews, hearings and publication as JSON arrays, beside the case's own columns. */
const childColumns = (eb: ExpressionBuilder<DB, 'enforcement_cases'>) => [
  jsonArrayFrom(
    eb
      .selectFrom('enforcement_evidence')
      .leftJoin('attachments', 'attachments.id', 'enforcement_evidence.attachment_id')
      .leftJoin('users', 'users.id', 'enforcement_evidence.recorded_by')
      .selectAll('enforcement_evidence')
      .select(['attachments.filename', 'users.display_name as recorded_by_name'])
      .whereRef('enforcement_evidence.case_id', '=', 'enforcement_cases.id')
      .where('enforcement_evidence.voided_at', 'is', null)
      .orderBy('enforcement_evidence.id'),
  ).as('evidence'),
  jsonArrayFrom(eb.selectFrom('enforcement_legal_reviews as r').selectAll('r').whereRef('r.case_id', '=', 'enforcement_cases.id').orderBy('r.reviewed_on').orderBy('r.id')).as(
    'reviews',
  ),
  jsonArrayFrom(eb.selectFrom('enforcement_hearings as h').selectAll('h').whereRef('h.case_id', '=', 'enforcement_cases.id').where('h.voided_at', 'is', null).orderBy('h.id')).as(
    'hearings',
  ),
  jsonArrayFrom(
    eb.selectFrom('enforcement_publications as p').selectAll('p').whereRef('p.case_id', '=', 'enforcement_cases.id').where('p.voided_at', 'is', null).orderBy('p.id'),
  ).as('publications'),
];

const childrenFrom = (r: { id: number; evidence: unknown; reviews: unknown; hearings: unknown; publications: unknown }): CaseChildren => ({
  case_id: r.id,
  evidence: withDates(r.evidence as EvidenceRow[]),
  reviews: withDates(r.reviews as ReviewRow[]),
  hearings: withDates(r.hearings as HearingRow[]),
  publications: withDates(r.publications as PublicationRow[]),
});

/**
 * Cases' children in one round trip (JSON arrays per case) instead of four queries, each of which waited for a pooled
 * connection under load.
 */
export async function childrenOf(db: Db, caseIds: readonly number[]): Promise<CaseChildren[]> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom('enforcement_cases')
    .select((eb) => ['enforcement_cases.id', ...childColumns(eb)])
    .where('enforcement_cases.id', 'in', caseIds)
    .execute();
  return rows.map(childrenFrom);
}

/** A page of cases by id, with their children in the same query. */
export async function casesWithChildren(db: Db, ids: readonly number[]): Promise<{ rows: CaseRow[]; children: CaseChildren[] }> {
  if (ids.length === 0) return { rows: [], children: [] };
  const found = await cases(db).select(childColumns).where('enforcement_cases.id', 'in', ids).execute();
  return {
    rows: found.map(({ evidence, reviews, hearings, publications, ...row }) => row),
    children: found.map(childrenFrom),
  };
}

export function insertEvidence(
  trx: Transaction<DB>,
  v: {
    caseId: number;
    orgUnitId: number;
    kind: string;
    title: string;
    description: string;
    collectedAt: Date;
    place: string;
    collectorIds: number[];
    attachmentId: number | null;
    sha256: string | null;
    recordedBy: number;
  },
) {
  return trx
    .insertInto('enforcement_evidence')
    .values({
      case_id: v.caseId,
      org_unit_id: v.orgUnitId,
      kind: v.kind,
      title: v.title,
      description: v.description,
      collected_at: v.collectedAt,
      place: v.place,
      collector_ids: v.collectorIds,
      attachment_id: v.attachmentId,
      sha256: v.sha256,
      recorded_by: v.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertReview(
  trx: Transaction<DB>,
  v: {
    caseId: number;
    orgUnitId: number;
    reviewerId: number;
    reviewerName: string;
    reviewedOn: string;
    opinion: 'agree' | 'correct' | 'transfer';
    checks: Record<string, boolean>;
    comments: string;
  },
) {
  return trx
    .insertInto('enforcement_legal_reviews')
    .values({
      case_id: v.caseId,
      org_unit_id: v.orgUnitId,
      reviewer_id: v.reviewerId,
      reviewer_name: v.reviewerName,
      reviewed_on: v.reviewedOn,
      opinion: v.opinion,
      checks: JSON.stringify(v.checks),
      comments: v.comments,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export const insertHearing = (trx: Transaction<DB>, v: { caseId: number; orgUnitId: number; requestedOn: string }) =>
  trx.insertInto('enforcement_hearings').values({ case_id: v.caseId, org_unit_id: v.orgUnitId, requested_on: v.requestedOn }).returning('id').executeTakeFirstOrThrow();

export const insertPublication = (trx: Transaction<DB>, v: { caseId: number; orgUnitId: number; publishedOn: string; dueOn: string; content: Record<string, unknown> }) =>
  trx
    .insertInto('enforcement_publications')
    .values({ case_id: v.caseId, org_unit_id: v.orgUnitId, published_on: v.publishedOn, due_on: v.dueOn, content: JSON.stringify(v.content) })
    .returning('id')
    .executeTakeFirstOrThrow();

export const attachmentRow = (db: Db, id: number) => db.selectFrom('attachments').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();

// ── numbering and the case's own chain ─────────────────────────────────────────────────────────────────────────

/**
 * The next number of a kind for a town and year, gap-free: the counter row is locked FOR UPDATE until the
 * transaction ends, so concurrent decisions queue, and a rolled-back one gives its number back.
 */
export async function nextNumber(trx: Transaction<DB>, orgUnitId: number, year: number, kind: 'filing' | 'decision'): Promise<number> {
  await trx
    .insertInto('enforcement_counters')
    .values({ org_unit_id: orgUnitId, year, kind, last_number: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const row = await trx
    .selectFrom('enforcement_counters')
    .select('last_number')
    .where('org_unit_id', '=', orgUnitId)
    .where('year', '=', year)
    .where('kind', '=', kind)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const next = row.last_number + 1;
  await trx.updateTable('enforcement_counters').set({ last_number: next }).where('org_unit_id', '=', orgUnitId).where('year', '=', year).where('kind', '=', kind).execute();
  return next;
}

/** Moves a counter on to at least `atLeast` (a number taken by an imported case is never handed out again). */
export async function raiseCounter(trx: Transaction<DB>, orgUnitId: number, year: number, kind: 'filing' | 'decision', atLeast: number): Promise<void> {
  await trx
    .insertInto('enforcement_counters')
    .values({ org_unit_id: orgUnitId, year, kind, last_number: atLeast })
    .onConflict((oc) => oc.columns(['org_unit_id', 'year', 'kind']).doUpdateSet({ last_number: sql<number>`greatest(enforcement_counters.last_number, excluded.last_number)` }))
    .execute();
}

/** Cases holding any of these decision numbers, voided ones too (the unique index keeps their numbers taken). */
export const casesWithDecisionNumbers = (db: Db, numbers: readonly string[]) =>
  numbers.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('enforcement_cases')
        .select(['id', 'body_id', 'decision_number', 'voided_at'])
        .where('decision_number', 'in', [...numbers])
        .execute();

export const lockChain = (trx: Transaction<DB>, caseId: number) =>
  trx.selectFrom('enforcement_cases').select(['chain_head', 'chain_length', 'org_unit_id']).where('id', '=', caseId).forUpdate().executeTakeFirstOrThrow();

export async function appendEventRow(
  trx: Transaction<DB>,
  v: {
    caseId: number;
    orgUnitId: number;
    seq: number;
    at: Date;
    actorId: number | null;
    actorName: string;
    kind: string;
    summary: string;
    payload: unknown;
    prevHash: string;
    hash: string;
  },
) {
  await trx
    .insertInto('enforcement_case_events')
    .values({
      case_id: v.caseId,
      org_unit_id: v.orgUnitId,
      seq: v.seq,
      at: v.at,
      actor_id: v.actorId,
      actor_name: v.actorName,
      kind: v.kind,
      summary: v.summary,
      payload: JSON.stringify(v.payload ?? {}),
      prev_hash: v.prevHash,
      hash: v.hash,
    })
    .execute();
  await trx.updateTable('enforcement_cases').set({ chain_head: v.hash, chain_length: v.seq }).where('id', '=', v.caseId).execute();
}

export const eventsOf = (db: Db, caseId: number) => db.selectFrom('enforcement_case_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
export type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];
