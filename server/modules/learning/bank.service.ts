import { randomInt } from 'node:crypto';
import type {
  ImportResult,
  Paper,
  PaperCreate,
  PaperDraw,
  PaperItem,
  PaperQuery,
  PaperUpdate,
  Question,
  QuestionCreate,
  QuestionImport,
  QuestionQuery,
  QuestionUpdate,
} from '../../../domain/learning/contracts.ts';
import { type DrawRule, drawPaper, MAX_SEED } from '../../../domain/learning/draw.ts';
import {
  formatAnswer,
  judgeOptions,
  normaliseChoice,
  optionKeys,
  parseAnswer,
  QUESTION_CATEGORY_KIND,
  type QuestionType,
  questionProblem,
  questionTypeLabels,
  questionTypes,
} from '../../../domain/learning/rules.ts';
import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { updateVersioned, voidVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { listEntries, requireCode } from '../../platform/dictionary.service.ts';
import { requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './bank.repository.ts';
import { RowProblems, readSheet, workbook } from './xlsx.ts';

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

async function questionRow(ctx: Ctx, id: number): Promise<repo.QuestionRow> {
  const [row] = await repo.findQuestions(ctx.db, scopeOf(ctx.actor, CAP), [id]);
  if (!row) throw new AppError('NOT_FOUND', '题目不存在');
  return row;
}

type QuestionDraft = { type: QuestionType; category: string; stem: string; options?: string[]; answer: string[]; explanation?: string; law?: string; article?: string };

/** The stored form of a question: fixed options for true/false, trimmed text, answers as sorted letters. */
function normalised(q: QuestionDraft): repo.QuestionValues {
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
export async function createQuestions(ctx: Ctx, orgUnitId: number, list: Omit<QuestionCreate, 'orgUnitId'>[]): Promise<number[]> {
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

// ── Excel ─────────────────────────────────────────────────────────────────────────────────────────────────

const optionHeaders = optionKeys.map((k) => `选项${k}`);
const bankColumns = ['编号', '题型', '类别', '题干', ...optionHeaders, '答案', '解析', '法律依据', '条款'];

export async function exportQuestions(ctx: Ctx, q: Pick<QuestionQuery, 'type' | 'category' | 'q'>): Promise<Buffer> {
  const scope = scopeOf(ctx.actor, CAP);
  const rows = (await repo.listQuestions(ctx.db, scope, { ...q, page: 1, pageSize: 100_000 })).items.map(toQuestion);
  const file = await workbook([
    {
      name: '题库',
      columns: bankColumns.map((header) => ({ header, width: header === '题干' ? 60 : header === '解析' ? 40 : header.startsWith('选项') ? 24 : undefined })),
      rows: rows.map((r) => [
        r.id,
        questionTypeLabels[r.type],
        r.categoryLabel,
        r.stem,
        ...optionKeys.map((_, i) => (r.type === 'judge' ? null : (r.options[i] ?? null))),
        formatAnswer(r.type, r.answer),
        r.explanation,
        r.law,
        r.article,
      ]),
    },
  ]);
  return audited(ctx, async () => ({ result: file, audit: { action: 'learning.export', entityType: 'question', after: { what: '题库', filters: q, rows: rows.length } } }));
}

/**
 * Imports the bank from .xlsx (the export's columns). A row whose 编号 names a question in scope updates it;
 * one without creates a question. All rows are checked first; one bad row and nothing is imported.
 */
export async function importQuestions(ctx: Ctx, input: QuestionImport): Promise<ImportResult> {
  await requireUnitInScope(ctx.db, ctx.actor, CAP, input.orgUnitId);
  const rows = await readSheet(input.content, ['题型', '类别', '题干', '答案']);
  const categories = await listEntries(ctx, { kind: QUESTION_CATEGORY_KIND });
  const categoryOf = new Map(categories.flatMap((c) => [[c.label, c.code] as const, [c.code, c.code] as const]));
  const typeOf = new Map(questionTypes.flatMap((t) => [[questionTypeLabels[t], t] as const, [t, t] as const, [questionTypeLabels[t].replace('题', ''), t] as const]));
  const ids = rows.flatMap((r) => (r.cells.编号 ? [Number(r.cells.编号)] : []));
  const existing = new Map((await repo.findQuestions(ctx.db, scopeOf(ctx.actor, CAP), ids.filter(Number.isInteger))).map((q) => [q.id, q]));

  const problems = new RowProblems();
  const creates: repo.QuestionValues[] = [];
  const updates: { before: repo.QuestionRow; values: repo.QuestionValues }[] = [];
  for (const { row, cells } of rows) {
    const type = typeOf.get(cells.题型 ?? '');
    if (!type) {
      problems.add(row, `题型「${cells.题型 ?? ''}」应为单选题、多选题或判断题`);
      continue;
    }
    const category = categoryOf.get(cells.类别 ?? '');
    if (!category) {
      problems.add(row, `类别「${cells.类别 ?? ''}」不在题目类别字典中（${categories.map((c) => c.label).join('、')}）`);
      continue;
    }
    if (!cells.题干) {
      problems.add(row, '题干不能为空');
      continue;
    }
    if ((cells.题干 ?? '').length > 1000) {
      problems.add(row, '题干不能超过 1000 个字符');
      continue;
    }
    const options = optionHeaders.map((h) => cells[h] ?? '');
    const last = options.findLastIndex((o) => o !== '');
    const values = normalised({
      type,
      category,
      stem: cells.题干,
      options: options.slice(0, last + 1),
      answer: parseAnswer(type, cells.答案 ?? ''),
      explanation: (cells.解析 ?? '').slice(0, 2000),
      law: (cells.法律依据 ?? '').slice(0, 100),
      article: (cells.条款 ?? '').slice(0, 100),
    });
    const problem = questionProblem(values);
    if (problem) {
      problems.add(row, problem.message);
      continue;
    }
    if (cells.编号) {
      const before = existing.get(Number(cells.编号));
      if (!before) problems.add(row, `编号 ${cells.编号} 的题目不存在（新题请留空编号）`);
      else updates.push({ before, values });
    } else creates.push(values);
  }
  problems.throwIfAny();

  return audited(ctx, async (trx) => {
    const created = creates.length ? await repo.insertQuestions(trx, input.orgUnitId, creates) : [];
    for (const u of updates) await updateVersioned(trx, 'questions', u.before.id, u.before.version, repo.questionColumns(u.values));
    return {
      result: { created: created.length, updated: updates.length },
      audit: {
        action: 'question.import',
        entityType: 'question',
        orgUnitId: input.orgUnitId,
        after: { filename: input.filename, created: created.map((c) => c.id), updated: updates.map((u) => u.before.id) },
      },
    };
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
