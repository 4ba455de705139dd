import { type Kysely, sql, type Transaction } from 'kysely';
import type { ExamQuery } from '../../../domain/learning/contracts.ts';
import type { ExamMode } from '../../../domain/learning/rules.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

const examsBase = (db: Db) =>
  db
    .selectFrom('exams')
    .innerJoin('org_units', 'org_units.id', 'exams.org_unit_id')
    .innerJoin('papers', 'papers.id', 'exams.paper_id')
    .selectAll('exams')
    .select((eb) => [
      'org_units.name as org_unit_name',
      'org_units.path as org_unit_path',
      'papers.title as paper_title',
      'papers.total_points',
      eb.selectFrom('paper_items').select(eb.fn.countAll<number>().as('n')).whereRef('paper_items.paper_id', '=', 'exams.paper_id').as('question_count'),
      eb
        .selectFrom('exam_candidates')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('exam_candidates.exam_id', '=', 'exams.id')
        .where('exam_candidates.voided_at', 'is', null)
        .as('candidate_count'),
    ])
    .where('exams.voided_at', 'is', null);

/** The year an exam belongs to: the year (in Beijing time) it opened. */
const examYear = sql<number>`extract(year from exams.opens_at at time zone 'Asia/Shanghai')`;

export function listExams(db: Db, scope: Scope, q: ExamQuery & { underPath?: string }) {
  let query = examsBase(db).where(scopeFilter('exams.org_unit_id', scope));
  if (q.year) query = query.where(examYear, '=', q.year);
  if (q.status) query = query.where('exams.status', '=', q.status);
  if (q.underPath) query = query.where('org_units.path', 'like', `${q.underPath}%`);
  if (q.q) query = query.where('exams.title', 'ilike', `%${q.q}%`);
  return paginate(query.orderBy('exams.opens_at', 'desc').orderBy('exams.id', 'desc'), q);
}
export type ExamRow = Awaited<ReturnType<typeof listExams>>['items'][number];

export function findExam(db: Db, scope: Scope, id: number) {
  return examsBase(db).where('exams.id', '=', id).where(scopeFilter('exams.org_unit_id', scope)).executeTakeFirst();
}

/** An exam as its candidate sees it: published, and naming them among its candidates (no other scope applies). */
export function findExamForCandidate(db: Db, userId: number, id: number) {
  return examsBase(db)
    .innerJoin('exam_candidates', 'exam_candidates.exam_id', 'exams.id')
    .select('exam_candidates.id as candidate_id')
    .where('exams.id', '=', id)
    .where('exams.status', '=', 'published')
    .where('exam_candidates.user_id', '=', userId)
    .where('exam_candidates.voided_at', 'is', null)
    .executeTakeFirst();
}

export function examsOfCandidate(db: Db, userId: number, year?: number) {
  let q = examsBase(db)
    .innerJoin('exam_candidates', 'exam_candidates.exam_id', 'exams.id')
    .select('exam_candidates.id as candidate_id')
    .where('exams.status', '=', 'published')
    .where('exam_candidates.user_id', '=', userId)
    .where('exam_candidates.voided_at', 'is', null);
  if (year) q = q.where(examYear, '=', year);
  return q.orderBy('exams.opens_at', 'desc').orderBy('exams.id', 'desc').execute();
}

export type ExamValues = {
  title?: string;
  description?: string;
  paperId?: number;
  mode?: ExamMode;
  opensAt?: string;
  closesAt?: string;
  timeLimitMinutes?: number;
  maxAttempts?: number;
  passScore?: number;
  partialCredit?: boolean;
};
export const examColumns = (v: ExamValues) => ({
  title: v.title,
  description: v.description,
  paper_id: v.paperId,
  mode: v.mode,
  opens_at: v.opensAt,
  closes_at: v.closesAt,
  time_limit_minutes: v.timeLimitMinutes,
  max_attempts: v.maxAttempts,
  pass_score: v.passScore,
  partial_credit: v.partialCredit,
});

export function insertExam(trx: Transaction<DB>, orgUnitId: number, v: Required<Omit<ExamValues, 'description' | 'partialCredit'>> & ExamValues) {
  return trx
    .insertInto('exams')
    .values({
      org_unit_id: orgUnitId,
      title: v.title,
      description: v.description ?? '',
      paper_id: v.paperId,
      mode: v.mode,
      opens_at: v.opensAt,
      closes_at: v.closesAt,
      time_limit_minutes: v.timeLimitMinutes,
      max_attempts: v.maxAttempts,
      pass_score: v.passScore,
      partial_credit: v.partialCredit ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// ── candidates ────────────────────────────────────────────────────────────────────────────────────────────

export function candidatesOf(db: Db, examIds: number[]) {
  if (examIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('exam_candidates')
    .leftJoin('org_units', 'org_units.id', 'exam_candidates.org_unit_id')
    .select([
      'exam_candidates.id',
      'exam_candidates.exam_id',
      'exam_candidates.user_id',
      'exam_candidates.person_name',
      'exam_candidates.org_unit_id',
      'exam_candidates.version',
      'org_units.name as org_unit_name',
      'org_units.path as org_unit_path',
    ])
    .where('exam_candidates.exam_id', 'in', examIds)
    .where('exam_candidates.voided_at', 'is', null)
    .orderBy('org_units.path')
    .orderBy('exam_candidates.id')
    .execute();
}
export type CandidateRow = Awaited<ReturnType<typeof candidatesOf>>[number];

export function findCandidate(db: Db, id: number) {
  return db.selectFrom('exam_candidates').select(['exam_id', 'person_name']).where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertCandidates(trx: Transaction<DB>, examId: number, list: { userId: number | null; personName: string; orgUnitId: number | null }[]) {
  if (list.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('exam_candidates')
    .values(list.map((c) => ({ exam_id: examId, user_id: c.userId, person_name: c.personName, org_unit_id: c.orgUnitId })))
    .returning('id')
    .execute();
}

// ── attempts ──────────────────────────────────────────────────────────────────────────────────────────────

export function attemptsOf(db: Db, examIds: number[], userId?: number) {
  if (examIds.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('exam_attempts').selectAll().where('exam_id', 'in', examIds).where('voided_at', 'is', null);
  if (userId) q = q.where('user_id', '=', userId);
  return q.orderBy('exam_id').orderBy('user_id').orderBy('number').execute();
}
export type AttemptRow = Awaited<ReturnType<typeof attemptsOf>>[number];

export function findAttempt(db: Db, userId: number, id: number) {
  return db.selectFrom('exam_attempts').selectAll().where('id', '=', id).where('user_id', '=', userId).where('voided_at', 'is', null).executeTakeFirst();
}

/** Serialises a candidate's start requests (two tabs pressing 开始 at once still make one attempt). */
export async function lockCandidate(trx: Transaction<DB>, candidateId: number) {
  await trx.selectFrom('exam_candidates').select('id').where('id', '=', candidateId).forUpdate().executeTakeFirst();
}

/** How many attempts a candidate has made (inside the start's transaction, after lockCandidate). */
export async function attemptCount(trx: Transaction<DB>, candidateId: number) {
  return (await trx.selectFrom('exam_attempts').select('id').where('candidate_id', '=', candidateId).where('voided_at', 'is', null).execute()).length;
}

export function insertAttempt(trx: Transaction<DB>, a: { examId: number; candidateId: number; userId: number; number: number; startedAt: Date }) {
  return trx
    .insertInto('exam_attempts')
    .values({ exam_id: a.examId, candidate_id: a.candidateId, user_id: a.userId, number: a.number, started_at: a.startedAt })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ── offline scores ────────────────────────────────────────────────────────────────────────────────────────

export function offlineScoresOf(db: Db, examIds: number[]) {
  if (examIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('offline_scores').selectAll().where('exam_id', 'in', examIds).where('voided_at', 'is', null).execute();
}
export type OfflineRow = Awaited<ReturnType<typeof offlineScoresOf>>[number];

export function findOfflineScore(db: Db, id: number) {
  return db.selectFrom('offline_scores').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertOfflineScore(trx: Transaction<DB>, v: { examId: number; candidateId: number; score: number; satOn: string; note: string; enteredBy: number }) {
  return trx
    .insertInto('offline_scores')
    .values({ exam_id: v.examId, candidate_id: v.candidateId, score: v.score, sat_on: v.satOn, note: v.note, entered_by: v.enteredBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The exams a user was a candidate for, with the exam's year; for their record. */
export function candidaciesOf(db: Db, userId: number, year: number | undefined, scope?: Scope) {
  let q = examsBase(db)
    .innerJoin('exam_candidates', 'exam_candidates.exam_id', 'exams.id')
    .select('exam_candidates.id as candidate_id')
    .where('exams.status', '=', 'published')
    .where('exam_candidates.user_id', '=', userId)
    .where('exam_candidates.voided_at', 'is', null);
  if (scope) q = q.where(scopeFilter('exams.org_unit_id', scope));
  if (year) q = q.where(examYear, '=', year);
  return q.orderBy('exams.opens_at', 'desc').execute();
}

/** Published exams that opened (Beijing date) in [from, to], in scope: the indicators' records. */
export function examsOfPeriod(db: Db, scope: Scope, from: string, to: string) {
  const opened = sql<string>`(exams.opens_at at time zone 'Asia/Shanghai')::date`;
  return examsBase(db)
    .where(scopeFilter('exams.org_unit_id', scope))
    .where('exams.status', '=', 'published')
    .where(opened, '>=', from)
    .where(opened, '<=', to)
    .orderBy('exams.opens_at')
    .orderBy('exams.id')
    .execute();
}
