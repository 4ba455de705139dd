import { type Kysely, sql, type Transaction } from 'kysely';
import type { FindingCreate, FindingQuery, RoundCreate, StandardCreate } from '../../../domain/enforcement/contracts.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

export const listStandards = (db: Db, scope: Scope) =>
  db
    .selectFrom('enforcement_review_standards')
    .selectAll()
    .where('voided_at', 'is', null)
    .where(scopeFilter('enforcement_review_standards.org_unit_id', scope))
    .orderBy('id')
    .execute();
export type StandardRow = Awaited<ReturnType<typeof listStandards>>[number];
export const findStandard = (db: Db, scope: Scope, id: number) =>
  db
    .selectFrom('enforcement_review_standards')
    .selectAll()
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .where(scopeFilter('enforcement_review_standards.org_unit_id', scope))
    .executeTakeFirst();
export const insertStandard = (trx: Transaction<DB>, v: StandardCreate) =>
  trx
    .insertInto('enforcement_review_standards')
    .values({ org_unit_id: v.orgUnitId, name: v.name, items: JSON.stringify(v.items), excellent_min: v.excellentMin, pass_min: v.passMin })
    .returning('id')
    .executeTakeFirstOrThrow();

const rounds = (db: Db) =>
  db
    .selectFrom('enforcement_review_rounds as r')
    .selectAll('r')
    .select((eb) => [
      eb
        .selectFrom('enforcement_file_reviews as f')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.round_id', '=', 'r.id')
        .where('f.voided_at', 'is', null)
        .as('file_reviews'),
      eb
        .selectFrom('enforcement_findings as x')
        .innerJoin('enforcement_file_reviews as f', 'f.id', 'x.file_review_id')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.round_id', '=', 'r.id')
        .where('x.voided_at', 'is', null)
        .as('findings'),
      eb
        .selectFrom('enforcement_findings as x')
        .innerJoin('enforcement_file_reviews as f', 'f.id', 'x.file_review_id')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('f.round_id', '=', 'r.id')
        .where('x.voided_at', 'is', null)
        .where('x.status', '=', 'closed')
        .as('corrected'),
    ])
    .where('r.voided_at', 'is', null);

export const listRounds = (db: Db, scope: Scope) => rounds(db).where(scopeFilter('r.org_unit_id', scope)).orderBy('r.held_on', 'desc').orderBy('r.id', 'desc').execute();
export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];
export const findRound = (db: Db, scope: Scope, id: number) => rounds(db).where('r.id', '=', id).where(scopeFilter('r.org_unit_id', scope)).executeTakeFirst();
export const insertRound = (trx: Transaction<DB>, v: RoundCreate) =>
  trx
    .insertInto('enforcement_review_rounds')
    .values({
      org_unit_id: v.orgUnitId,
      standard_id: v.standardId,
      title: v.title,
      held_on: v.heldOn,
      partner: v.partner ?? '',
      reviewers: v.reviewers ?? '',
      summary: v.summary ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

const caseLabel = sql<string>`coalesce(c.decision_number, c.filing_number, '案件' || c.id::text) || '（' || c.party_name || '）'`;

export const fileReviewsOf = (db: Db, roundId: number) =>
  db
    .selectFrom('enforcement_file_reviews as f')
    .innerJoin('enforcement_cases as c', 'c.id', 'f.case_id')
    .selectAll('f')
    .select(caseLabel.as('case_label'))
    .where('f.round_id', '=', roundId)
    .where('f.voided_at', 'is', null)
    .orderBy('f.id')
    .execute();
export type FileReviewRow = Awaited<ReturnType<typeof fileReviewsOf>>[number];

export const insertFileReview = (
  trx: Transaction<DB>,
  v: {
    roundId: number;
    caseId: number;
    orgUnitId: number;
    reviewedOn: string;
    reviewer: string;
    deductions: Record<string, number>;
    vetoed: string[];
    total: number;
    grade: 'excellent' | 'pass' | 'fail';
    comments: string;
  },
) =>
  trx
    .insertInto('enforcement_file_reviews')
    .values({
      round_id: v.roundId,
      case_id: v.caseId,
      org_unit_id: v.orgUnitId,
      reviewed_on: v.reviewedOn,
      reviewer: v.reviewer,
      deductions: JSON.stringify(v.deductions),
      vetoed: v.vetoed,
      total: v.total,
      grade: v.grade,
      comments: v.comments,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

export const insertFinding = (trx: Transaction<DB>, v: FindingCreate & { fileReviewId: number; caseId: number; orgUnitId: number }) =>
  trx
    .insertInto('enforcement_findings')
    .values({
      file_review_id: v.fileReviewId,
      case_id: v.caseId,
      org_unit_id: v.orgUnitId,
      document: v.document ?? '',
      category: v.category,
      description: v.description,
      assignee_id: v.assigneeId ?? null,
      assignee_name: v.assigneeName,
      due_on: v.dueOn ?? null,
      status: 'open',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

const findings = (db: Db) =>
  db
    .selectFrom('enforcement_findings as x')
    .innerJoin('enforcement_cases as c', 'c.id', 'x.case_id')
    .innerJoin('enforcement_file_reviews as f', 'f.id', 'x.file_review_id')
    .leftJoin('dictionaries as d', (j) => j.onRef('d.code', '=', 'x.category').on('d.kind', '=', 'enforcement.finding_category'))
    .selectAll('x')
    .select([caseLabel.as('case_label'), 'd.label as category_label', 'f.round_id'])
    .where('x.voided_at', 'is', null);

export const findingsOfReviews = (db: Db, fileReviewIds: readonly number[]) =>
  fileReviewIds.length === 0 ? Promise.resolve([]) : findings(db).where('x.file_review_id', 'in', fileReviewIds).orderBy('x.id').execute();
export type FindingRow = Awaited<ReturnType<typeof findingsOfReviews>>[number];
export const findFinding = (db: Db, scope: Scope, id: number) => findings(db).where('x.id', '=', id).where(scopeFilter('x.org_unit_id', scope)).executeTakeFirst();
export function listFindings(db: Db, scope: Scope, q: FindingQuery) {
  let query = findings(db).where(scopeFilter('x.org_unit_id', scope));
  if (q.roundId) query = query.where('f.round_id', '=', q.roundId);
  if (q.status) query = query.where('x.status', '=', q.status);
  return paginate(query.orderBy('x.id', 'desc'), q);
}

// ── statistics ─────────────────────────────────────────────────────────────────────────────────────────────────

/** Cases in scope; with a period, only those counted in it (filing date, or decision date on the spot: caseCountDate). */
export const casesForStats = (db: Db, scope: Scope, period?: { from: string; to: string }) =>
  db
    .selectFrom('enforcement_cases as c')
    .innerJoin('enforcement_powers as p', 'p.id', 'c.power_id')
    .select([
      'c.id',
      'c.procedure',
      'c.status',
      'c.power_id',
      'p.code',
      'p.name',
      'c.filed_on',
      'c.decided_on',
      'c.closed_on',
      'c.outcome',
      'c.fine_amount',
      'c.paid_amount',
      'c.surcharge_paid',
      'c.discovered_on',
    ])
    .where('c.voided_at', 'is', null)
    .where(scopeFilter('c.org_unit_id', scope))
    .$if(period !== undefined, (q) =>
      q
        .where(sql<string>`case when c.procedure = 'simple' then c.decided_on else c.filed_on end`, '>=', period?.from as string)
        .where(sql<string>`case when c.procedure = 'simple' then c.decided_on else c.filed_on end`, '<=', period?.to as string),
    )
    .execute();

export const reviewFigures = (db: Db, scope: Scope, year: number) =>
  db
    .selectFrom('enforcement_file_reviews as f')
    .leftJoin('enforcement_findings as x', (j) => j.onRef('x.file_review_id', '=', 'f.id').on('x.voided_at', 'is', null))
    .select(['f.id as review_id', 'x.id as finding_id', 'x.status', 'x.category'])
    .where('f.voided_at', 'is', null)
    .where(sql<boolean>`extract(year from f.reviewed_on) = ${year}`)
    .where(scopeFilter('f.org_unit_id', scope))
    .execute();
