import { randomInt } from 'node:crypto';
import type {
  Paper,
  PaperCreate,
  PaperDraw,
  PaperItem,
  PaperQuery,
  PaperUpdate,
  Question,
  QuestionCreate,
  QuestionQuery,
  QuestionUpdate,
} from '../../../domain/learning/contracts.ts';
import { type DrawRule, drawPaper, MAX_SEED } from '../../../domain/learning/draw.ts';
import { judgeOptions, normaliseChoice, QUESTION_CATEGORY_KIND, type QuestionType, questionProblem, questionTypeLabels } from '../../../domain/learning/rules.ts';
import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { updateVersioned, voidVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { requireCode } from '../../platform/dictionary.service.ts';
import { requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './bank.repository.ts';

// The bank and the papers hold the answers: only those who write the tests (learning.write) see them.
const CAP = 'learning.write';

const toQuestion = (r: repo.QuestionRow): Question => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  type: r.type,
  category: r.category,
  categoryLabel: r.category_label ?? r.category,
  stem: r.stem,
  options: r.options,
  answer: r.answer,
  explanation: r.explanation,
  law: r.law,
  article: r.article,
  version: r.version,
});

export async function listQuestions(ctx: Ctx, q: QuestionQuery): Promise<Page<Question>> {
  const page = await repo.listQuestions(ctx.db, scopeOf(ctx.actor, CAP), q);
  return { ...page, items: page.items.map(toQuestion) };
}

/** Every question in the actor's scope (the ledger's checks for duplicates and numbered rows). */
export const allQuestionsInScope = (ctx: Ctx): Promise<repo.QuestionRow[]> => repo.allQuestions(ctx.db, scopeOf(ctx.actor, CAP));

async function questionRow(ctx: Ctx, id: number): Promise<repo.QuestionRow> {
  const [row] = await repo.findQuestions(ctx.db, scopeOf(ctx.actor, CAP), [id]);
  if (!row) throw new AppError('NOT_FOUND', '题目不存在');
  return row;
}

export type QuestionDraft = { type: QuestionType; category: string; stem: string; options?: string[]; answer: string[]; explanation?: string; law?: string; article?: string };

/** The stored form of a question: fixed options for true/false, trimmed text, answers as sorted letters. */
export function normalised(q: QuestionDraft): repo.QuestionValues {
  return {
    type: q.type,
    category: q.category,
    stem: q.stem.trim(),
    options: q.type === 'judge' ? [...judgeOptions] : (q.options ?? []).map((o) => o.trim()),
    answer: normaliseChoice(q.answer),
    explanation: q.explanation?.trim(),
    law: q.law?.trim(),
    article: q.article?.trim(),
  };
}

function checkQuestion(v: repo.QuestionValues, fieldPrefix = ''): void {
  const problem = questionProblem(v);
  if (problem) throw new AppError('QUESTION_INVALID', problem.message, { field: `${fieldPrefix}${problem.field}` });
}

export async function createQuestion(ctx: Ctx, input: QuestionCreate): Promise<Question> {
  await requireUnitInScope(ctx.db, ctx.actor, CAP, input.orgUnitId);
  await requireCode(ctx, QUESTION_CATEGORY_KIND, input.category, 'category', '题目类别');
  const values = normalised(input);
  checkQuestion(values);
  const id = await audited(ctx, async (trx) => {
    const [row] = await repo.insertQuestions(trx, input.orgUnitId, [values]);
    const id = (row as { id: number }).id;
    return { result: id, audit: { action: 'question.create', entityType: 'question', entityId: id, orgUnitId: input.orgUnitId, after: values } };
  });
  return toQuestion(await questionRow(ctx, id));
}

/** Several questions at once, in one transaction with one audit entry (all or none). */
export async function createQuestions(ctx: Ctx, orgUnitId: number, list: readonly QuestionDraft[]): Promise<number[]> {
  await requireUnitInScope(ctx.db, ctx.actor, CAP, orgUnitId);
  for (const code of new Set(list.map((q) => q.category))) await requireCode(ctx, QUESTION_CATEGORY_KIND, code, 'category', '题目类别');
  const values = list.map(normalised);
  for (const [i, v] of values.entries()) checkQuestion(v, `questions.${i}.`);
  return audited(ctx, async (trx) => {
    const ids = (await repo.insertQuestions(trx, orgUnitId, values)).map((r) => r.id);
    return { result: ids, audit: { action: 'question.create', entityType: 'question', orgUnitId, after: { ids, count: ids.length } } };
  });
}

export async function updateQuestion(ctx: Ctx, id: number, input: QuestionUpdate): Promise<Question> {
  const before = toQuestion(await questionRow(ctx, id));
  await requireUnitInScope(ctx.db, ctx.actor, CAP, before.orgUnitId);
  if (input.category) await requireCode(ctx, QUESTION_CATEGORY_KIND, input.category, 'category', '题目类别');
  const { version, ...changes } = input;
  const values = normalised({ ...before, ...changes });
  checkQuestion(values);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'questions', id, version, repo.questionColumns(values));
    return { result: undefined, audit: { action: 'question.update', entityType: 'question', entityId: id, orgUnitId: before.orgUnitId, before, after: values } };
  });
  return toQuestion(await questionRow(ctx, id));
}

export async function voidQuestion(ctx: Ctx, id: number, input: VoidBody): Promise<void> {
  const before = toQuestion(await questionRow(ctx, id));
  await requireUnitInScope(ctx.db, ctx.actor, CAP, before.orgUnitId);
  // Papers keep their own copy of the question, so voiding it changes no paper already made.
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'questions', id, input.version, input.reason, ctx.actor.userId);
    return { result: undefined, audit: { action: 'question.void', entityType: 'question', entityId: id, orgUnitId: before.orgUnitId, after: { reason: input.reason } } };
  });
}

// ── papers ────────────────────────────────────────────────────────────────────────────────────────────────

const toItem = (r: repo.PaperItemRow): PaperItem => ({
  id: r.id,
  position: r.position,
  questionId: r.question_id,
  type: r.type,
  category: r.category,
  stem: r.stem,
  options: r.options,
  answer: r.answer,
  explanation: r.explanation,
  law: r.law,
  article: r.article,
  points: r.points,
});

const toPaper = (r: repo.PaperRow, items?: repo.PaperItemRow[]): Paper => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  title: r.title,
  method: r.method,
  seed: r.seed,
  rules: r.rules as DrawRule[] as Paper['rules'],
  totalPoints: r.total_points,
  questionCount: Number(r.question_count),
  examCount: Number(r.exam_count),
  version: r.version,
  ...(items ? { items: items.map(toItem) } : {}),
});

export async function listPapers(ctx: Ctx, q: PaperQuery): Promise<Page<Paper>> {
  const page = await repo.listPapers(ctx.db, scopeOf(ctx.actor, CAP), q);
  return { ...page, items: page.items.map((r) => toPaper(r)) };
}

export async function getPaper(ctx: Ctx, id: number): Promise<Paper> {
  const row = await repo.findPaper(ctx.db, scopeOf(ctx.actor, CAP), id);
  if (!row) throw new AppError('NOT_FOUND', '试卷不存在');
  return toPaper(row, await repo.paperItems(ctx.db, id));
}

export async function createPaper(ctx: Ctx, input: PaperCreate): Promise<Paper> {
  await requireUnitInScope(ctx.db, ctx.actor, CAP, input.orgUnitId);
  const ids = input.items.map((i) => i.questionId);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0) throw new AppError('PAPER_RULE', `第 ${dup + 1} 题与前面的题目重复`, { field: `items.${dup}.questionId` });
  const found = new Map((await repo.findQuestions(ctx.db, scopeOf(ctx.actor, CAP), ids)).map((q) => [q.id, q]));
  const items = input.items.map((it, i) => {
    const question = found.get(it.questionId);
    if (!question) throw new AppError('NOT_FOUND', `第 ${i + 1} 题不存在`, { field: `items.${i}.questionId` });
    return { question, points: it.points };
  });
  return savePaper(ctx, { orgUnitId: input.orgUnitId, title: input.title, method: 'manual', seed: null, rules: [] }, items);
}

/** The draw a set of rules gives over the bank in scope (also the preview, before saving). */
async function drawItems(ctx: Ctx, input: Omit<PaperDraw, 'title'>): Promise<{ seed: number; items: { question: repo.QuestionRow; points: number }[] }> {
  await requireUnitInScope(ctx.db, ctx.actor, CAP, input.orgUnitId);
  for (const [i, r] of input.rules.entries()) if (r.category) await requireCode(ctx, QUESTION_CATEGORY_KIND, r.category, `rules.${i}.category`, '题目类别');
  const pool = await repo.allQuestions(ctx.db, scopeOf(ctx.actor, CAP));
  const seed = input.seed ?? randomInt(0, MAX_SEED);
  const drawn = drawPaper(pool, input.rules, seed);
  if ('shortfall' in drawn) {
    const { rule, wanted, available } = drawn.shortfall;
    const r = input.rules[rule] as DrawRule;
    const what = `${r.category ? `「${pool.find((q) => q.category === r.category)?.category_label ?? r.category}」类` : ''}${questionTypeLabels[r.type]}`;
    throw new AppError('PAPER_RULE', `第 ${rule + 1} 条规则需要${what} ${wanted} 道，题库中可用的只有 ${available} 道`, { field: `rules.${rule}.count` });
  }
  const byId = new Map(pool.map((q) => [q.id, q]));
  return { seed, items: drawn.items.map((d) => ({ question: byId.get(d.questionId) as repo.QuestionRow, points: d.points })) };
}

export async function previewDraw(ctx: Ctx, input: PaperDraw): Promise<Paper> {
  const { seed, items } = await drawItems(ctx, input);
  return {
    id: 0,
    orgUnitId: input.orgUnitId,
    title: input.title,
    method: 'random',
    seed,
    rules: input.rules,
    totalPoints: items.reduce((s, i) => s + i.points, 0),
    questionCount: items.length,
    examCount: 0,
    version: 0,
    items: items.map(({ question: q, points }, i) => toItem({ ...q, id: 0, paper_id: 0, position: i + 1, question_id: q.id, points })),
  };
}

export async function drawRandomPaper(ctx: Ctx, input: PaperDraw): Promise<Paper> {
  const { seed, items } = await drawItems(ctx, input);
  return savePaper(ctx, { orgUnitId: input.orgUnitId, title: input.title, method: 'random', seed, rules: input.rules }, items);
}

async function savePaper(ctx: Ctx, p: Parameters<typeof repo.insertPaper>[1], items: { question: repo.QuestionRow; points: number }[]): Promise<Paper> {
  const id = await audited(ctx, async (trx) => {
    const id = await repo.insertPaper(trx, p, items);
    return {
      result: id,
      audit: {
        action: 'paper.create',
        entityType: 'paper',
        entityId: id,
        orgUnitId: p.orgUnitId,
        after: { ...p, items: items.map((i) => ({ questionId: i.question.id, points: i.points })) },
      },
    };
  });
  return getPaper(ctx, id);
}

export async function updatePaper(ctx: Ctx, id: number, input: PaperUpdate): Promise<Paper> {
  const before = await getPaper(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, CAP, before.orgUnitId);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'papers', id, input.version, { title: input.title });
    return {
      result: undefined,
      audit: { action: 'paper.update', entityType: 'paper', entityId: id, orgUnitId: before.orgUnitId, before: { title: before.title }, after: { title: input.title } },
    };
  });
  return getPaper(ctx, id);
}

export async function voidPaper(ctx: Ctx, id: number, input: VoidBody): Promise<void> {
  const before = await getPaper(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, CAP, before.orgUnitId);
  if (before.examCount > 0) throw new AppError('EXAM_STATE', `该试卷已用于 ${before.examCount} 场测试，不能作废`);
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'papers', id, input.version, input.reason, ctx.actor.userId);
    return { result: undefined, audit: { action: 'paper.void', entityType: 'paper', entityId: id, orgUnitId: before.orgUnitId, after: { reason: input.reason } } };
  });
}
