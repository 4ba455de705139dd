import type { Kysely, Transaction } from 'kysely';
import type { PaperQuery, QuestionQuery } from '../../../domain/learning/contracts.ts';
import type { QuestionType } from '../../../domain/learning/rules.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

const questionsQuery = (db: Db, scope: Scope) =>
  db
    .selectFrom('questions')
    .leftJoin('dictionaries', (join) => join.onRef('dictionaries.code', '=', 'questions.category').on('dictionaries.kind', '=', 'learning.question_category'))
    .selectAll('questions')
    .select('dictionaries.label as category_label')
    .where('questions.voided_at', 'is', null)
    .where(scopeFilter('questions.org_unit_id', scope));

export function listQuestions(db: Db, scope: Scope, q: QuestionQuery) {
  let query = questionsQuery(db, scope);
  if (q.type) query = query.where('questions.type', '=', q.type);
  if (q.category) query = query.where('questions.category', '=', q.category);
  if (q.q) {
    const like = `%${q.q}%`;
    query = query.where((eb) => eb.or([eb('questions.stem', 'ilike', like), eb('questions.law', 'ilike', like), eb('questions.explanation', 'ilike', like)]));
  }
  return paginate(query.orderBy('questions.id'), q);
}
export type QuestionRow = Awaited<ReturnType<typeof listQuestions>>['items'][number];

export function findQuestions(db: Db, scope: Scope, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return questionsQuery(db, scope).where('questions.id', 'in', ids).execute();
}

/** Every question in scope (export, random draws). */
export function allQuestions(db: Db, scope: Scope) {
  return questionsQuery(db, scope).orderBy('questions.id').execute();
}

export type QuestionValues = {
  type: QuestionType;
  category: string;
  stem: string;
  options: string[];
  answer: string[];
  explanation?: string;
  law?: string;
  article?: string;
};
export const questionColumns = (v: Partial<QuestionValues>) => ({
  type: v.type,
  category: v.category,
  stem: v.stem,
  options: v.options,
  answer: v.answer,
  explanation: v.explanation,
  law: v.law,
  article: v.article,
});

export function insertQuestions(trx: Transaction<DB>, orgUnitId: number, list: QuestionValues[]) {
  return trx
    .insertInto('questions')
    .values(
      list.map((v) => ({
        org_unit_id: orgUnitId,
        type: v.type,
        category: v.category,
        stem: v.stem,
        options: v.options,
        answer: v.answer,
        explanation: v.explanation ?? '',
        law: v.law ?? '',
        article: v.article ?? '',
      })),
    )
    .returning('id')
    .execute();
}

const papersQuery = (db: Db, scope: Scope) =>
  db
    .selectFrom('papers')
    .selectAll('papers')
    .select((eb) => [
      eb.selectFrom('paper_items').select(eb.fn.countAll<number>().as('n')).whereRef('paper_items.paper_id', '=', 'papers.id').as('question_count'),
      eb.selectFrom('exams').select(eb.fn.countAll<number>().as('n')).whereRef('exams.paper_id', '=', 'papers.id').where('exams.voided_at', 'is', null).as('exam_count'),
    ])
    .where('papers.voided_at', 'is', null)
    .where(scopeFilter('papers.org_unit_id', scope));

export function listPapers(db: Db, scope: Scope, q: PaperQuery) {
  let query = papersQuery(db, scope);
  if (q.q) query = query.where('papers.title', 'ilike', `%${q.q}%`);
  return paginate(query.orderBy('papers.id', 'desc'), q);
}
export type PaperRow = Awaited<ReturnType<typeof listPapers>>['items'][number];

export function findPaper(db: Db, scope: Scope, id: number) {
  return papersQuery(db, scope).where('papers.id', '=', id).executeTakeFirst();
}

export function paperItems(db: Db, paperId: number) {
  return db.selectFrom('paper_items').selectAll().where('paper_id', '=', paperId).orderBy('position').execute();
}
export type PaperItemRow = Awaited<ReturnType<typeof paperItems>>[number];

export async function insertPaper(
  trx: Transaction<DB>,
  p: { orgUnitId: number; title: string; method: 'manual' | 'random'; seed: number | null; rules: unknown[] },
  items: { question: QuestionRow; points: number }[],
) {
  const { id } = await trx
    .insertInto('papers')
    .values({
      org_unit_id: p.orgUnitId,
      title: p.title,
      method: p.method,
      seed: p.seed,
      rules: JSON.stringify(p.rules),
      total_points: items.reduce((s, i) => s + i.points, 0),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('paper_items')
    .values(
      items.map(({ question: q, points }, i) => ({
        paper_id: id,
        position: i + 1,
        question_id: q.id,
        type: q.type,
        category: q.category,
        stem: q.stem,
        options: q.options,
        answer: q.answer,
        explanation: q.explanation,
        law: q.law,
        article: q.article,
        points,
      })),
    )
    .execute();
  return id;
}
