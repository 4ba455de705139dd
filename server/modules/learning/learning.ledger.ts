import { Type } from 'typebox';
import { ExamScoreQuery, PaperQuery, QuestionQuery, type QuestionUpdate, type StudySessionCreate, StudySessionQuery } from '../../../domain/learning/contracts.ts';
import {
  formatAnswer,
  offlineSatOn,
  optionKeys,
  parseAnswer,
  parseScore,
  QUESTION_CATEGORY_KIND,
  type QuestionType,
  questionProblem,
  questionTypeLabels,
  questionTypes,
  type SessionKind,
  sessionKindLabels,
  sessionKinds,
  sessionProblem,
} from '../../../domain/learning/rules.ts';
import { orgUnitKinds } from '../../../domain/org/rules.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { type DictEntry, findEntry, type LedgerColumn, normaliseHeader } from '../../../domain/platform/ledger.ts';
import { AppError } from '../../errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { listEntries } from '../../platform/dictionary.service.ts';
import { EVERY_ROW, type KindProblem, type LedgerKind, type ListExport, type Written } from '../../platform/ledger/kind.ts';
import { unitDayTitle, unitDayTitleTaken } from '../../platform/ledger/ledger.repository.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { scopeOf } from '../../platform/permissions.ts';
import type { QuestionRow, QuestionValues } from './bank.repository.ts';
import { allQuestionsInScope, createQuestions, listPapers, listQuestions, normalised, updateQuestion } from './bank.service.ts';
import type { ExamRow } from './exam.repository.ts';
import { type OfflineEntry, offlineExams, offlineScoreList, planOfflineScores, unchanged, writeOfflineScores } from './exam.service.ts';
import * as repo from './session.repository.ts';
import { createSession, listSessions } from './session.service.ts';

const columns: LedgerColumn[] = [
  { key: 'unit', header: '组织单位', aliases: ['单位', '所属单位'], type: 'text', required: true, dictionary: 'places', max: 100, width: 16 },
  { key: 'kind', header: '活动类型', aliases: ['学习形式', '类型'], type: 'dict', required: true, dictionary: 'learning.session_kind', width: 22 },
  { key: 'title', header: '学习主题', aliases: ['主题', '学习内容主题', '活动名称'], type: 'text', required: true, max: 200, width: 30 },
  { key: 'heldOn', header: '活动日期', aliases: ['日期', '学习日期', '时间'], type: 'date', required: true, width: 12 },
  { key: 'place', header: '地点', aliases: ['学习地点'], type: 'text', max: 200, width: 16 },
  { key: 'lecturer', header: '主讲人', aliases: ['授课人'], type: 'text', max: 32, width: 12 },
  { key: 'organiser', header: '组织者', type: 'text', max: 64, width: 12 },
  { key: 'laws', header: '学习的法律法规', aliases: ['学习法规', '法律法规'], type: 'list', width: 30 },
  { key: 'attendees', header: '参加人员', aliases: ['参会人员', '出席人员', '参学人员'], type: 'list', width: 40 },
  { key: 'personTimes', header: '参加人次', type: 'integer', exportOnly: true, width: 10 },
  { key: 'summary', header: '学习内容', aliases: ['内容摘要', '备注'], type: 'text', max: 20_000, width: 40 },
];

type Prep = { places: Place[]; people: Map<string, number[]>; today: string };

const keyOf = (s: { orgUnitId: number; heldOn: string; title: string }) => unitDayTitle(s.orgUnitId, s.heldOn, s.title);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * 学法活动台账 with attendance: one row per session, its attendees by name (顿号-separated). A name that is exactly one
 * account in the actor's scope is that account (so it counts in their 学法记录); any other is recorded by name at the
 * session's unit. Each session is written by createSession — the same checks, one audited record per session.
 */
export const studySessionsLedger: LedgerKind<StudySessionCreate, Prep> = {
  id: 'study-sessions',
  title: '学法活动台账',
  sheet: '学法活动',
  readCapability: 'learning.read',
  writeCapability: 'learning.write',
  columns,
  example: {
    unit: '四棵树镇',
    kind: '党委中心组学法',
    title: '学习《中华人民共和国行政处罚法》',
    heldOn: '2024-03-05',
    place: '镇党委会议室',
    lecturer: '张书记',
    laws: '中华人民共和国行政处罚法',
    attendees: '张三、李四',
  },
  dictionaries: async (ctx) => ({
    'learning.session_kind': sessionKinds.map((code) => ({ code, label: sessionKindLabels[code] })),
    places: placeEntries(await placesInScope(ctx.db, ctx.actor, 'learning.write', ['town', 'village', 'community', 'department'])),
  }),
  prepare: async (ctx) => {
    const [places, people] = await Promise.all([
      placesInScope(ctx.db, ctx.actor, 'learning.write', ['town', 'village', 'community', 'department']),
      repo.peopleInScope(ctx.db, scopeOf(ctx.actor, 'learning.write'), { limit: 100_000 }),
    ]);
    const byName = new Map<string, number[]>();
    for (const u of people) byName.set(u.display_name, [...(byName.get(u.display_name) ?? []), u.id]);
    return { places, people: byName, today: shanghaiDate(new Date()) };
  },
  toRecord: (v, prep) => {
    const problems: KindProblem[] = [];
    const where = resolvePlace(prep.places, str(v.unit), 'unit');
    if ('problem' in where) problems.push(where.problem);
    const heldOn = str(v.heldOn);
    if (heldOn > prep.today) problems.push({ column: 'heldOn', message: '活动日期不能晚于今天（请在活动后登记）' });
    const kind = v.kind as SessionKind;
    const rule = sessionProblem({ kind, lecturer: str(v.lecturer) });
    if (rule) problems.push({ column: rule.field, message: rule.message });
    const names = v.attendees as string[];
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push({ column: 'attendees', message: `「${n}」重复登记` });
      seen.add(n);
      if (n.length > 32) problems.push({ column: 'attendees', message: `「${n.slice(0, 10)}…」不是人名（超过 32 个字符）` });
    }
    if (problems.length || !('place' in where)) return { problems };
    return {
      record: {
        orgUnitId: where.place.id,
        kind,
        title: str(v.title),
        heldOn,
        place: str(v.place),
        lecturer: str(v.lecturer),
        organiser: str(v.organiser),
        laws: v.laws as string[],
        summary: str(v.summary),
        attendees: names.map((n) => {
          const ids = prep.people.get(n);
          return ids?.length === 1 ? { userId: ids[0] } : { personName: n };
        }),
      },
    };
  },
  key: keyOf,
  existing: (ctx, _prep, records) =>
    unitDayTitleTaken(
      ctx.db,
      'study_sessions',
      'held_on',
      'title',
      records.map((r) => ({ orgUnitId: r.orgUnitId, on: r.heldOn, title: r.title })),
    ),
  write: async (ctx, _prep, records) => {
    const ids: number[] = [];
    for (const r of records) ids.push((await createSession(ctx, r)).id);
    return ids;
  },
  filters: Type.Omit(StudySessionQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listSessions(ctx, { ...filters, ...EVERY_ROW });
    return {
      conditions: [filters.year && `${filters.year}年`, filters.kind && sessionKindLabels[filters.kind as SessionKind], filters.q && `检索：${filters.q}`].filter(
        Boolean,
      ) as string[],
      rows: page.items.map((s) => ({
        reveal: true,
        values: {
          unit: s.orgUnitName,
          kind: sessionKindLabels[s.kind],
          title: s.title,
          heldOn: s.heldOn,
          place: s.place,
          lecturer: s.lecturer,
          organiser: s.organiser,
          laws: s.laws.join('、'),
          attendees: s.attendees.map((a) => a.personName).join('、'),
          personTimes: s.personTimes,
          summary: s.summary,
        },
      })),
    };
  },
};

// ── 题库台账 ─────────────────────────────────────────────────────────────────────────────────────────────────

const optionColumn = (k: string) => `option${k}`;
const questionColumns: LedgerColumn[] = [
  { key: 'id', header: '编号', aliases: ['题目编号'], type: 'integer', width: 8 },
  { key: 'unit', header: '所属单位', aliases: ['单位'], type: 'text', required: true, dictionary: 'places', max: 100, width: 16 },
  { key: 'type', header: '题型', aliases: ['题目类型'], type: 'text', required: true, dictionary: 'learning.question_type', max: 10, width: 10 },
  { key: 'category', header: '类别', aliases: ['题目类别', '分类'], type: 'dict', required: true, dictionary: QUESTION_CATEGORY_KIND, width: 14 },
  { key: 'stem', header: '题干', aliases: ['题目'], type: 'text', required: true, max: 1000, width: 60 },
  ...optionKeys.map((k): LedgerColumn => ({ key: optionColumn(k), header: `选项${k}`, type: 'text', max: 300, width: 20 })),
  { key: 'answer', header: '答案', aliases: ['正确答案'], type: 'text', required: true, max: 20, width: 8 },
  { key: 'explanation', header: '解析', aliases: ['答案解析'], type: 'text', max: 2000, width: 40 },
  { key: 'law', header: '法律依据', type: 'text', max: 100, width: 24 },
  { key: 'article', header: '条款', type: 'text', max: 100, width: 12 },
];

/** The 题型 drop-down holds the three labels; clerks also write 单选 / 多选 / 判断. */
const typeEntries: DictEntry[] = questionTypes.map((code) => ({ code, label: questionTypeLabels[code] }));
const typeWords: DictEntry[] = [...typeEntries, ...typeEntries.map((e) => ({ code: e.code, label: e.label.replace(/题$/, '') }))];

type QuestionRecord = { id: number | null; version: number; orgUnitId: number; values: QuestionValues };
type QuestionPrep = { places: Place[]; byId: Map<number, QuestionRow>; byKey: Map<string, QuestionRow> };

/** Two questions of a unit are the same when their type and stem are, spacing and full/half width aside. */
const questionKey = (orgUnitId: number, type: string, stem: string) => `${orgUnitId}|${type}|${normaliseHeader(stem)}`;
/** A question's content in one comparable form: a numbered row changing none of it is passed over. */
const content = (v: QuestionValues) => JSON.stringify([v.type, v.category, v.stem, v.options, v.answer, v.explanation ?? '', v.law ?? '', v.article ?? '']);

/** Where a question rule's problem shows: an empty option in its own column, any other in 选项A or 答案. */
function questionColumnOf(field: string, options: readonly string[]): string {
  if (field === 'answer') return 'answer';
  const empty = options.findIndex((o) => !o.trim());
  return optionColumn(optionKeys[Math.max(0, empty)] as string);
}

/**
 * 题库台账: one row per question, checked by the bank's own rules (normalised, questionProblem, parseAnswer) as one
 * typed in the form. A row with 编号 changes that question (through updateQuestion, at the version the import read);
 * one without is new unless its unit already has the same question (type and stem), which is passed over.
 */
export const questionsLedger: LedgerKind<QuestionRecord, QuestionPrep> = {
  id: 'questions',
  title: '题库台账',
  sheet: '题库',
  // The bank holds the answers: only those who write the tests read it.
  readCapability: 'learning.write',
  writeCapability: 'learning.write',
  columns: questionColumns,
  example: {
    unit: '四棵树镇',
    type: '单选题',
    category: '行政处罚法',
    stem: '违法行为在几年内未被发现的，不再给予行政处罚？',
    optionA: '一年',
    optionB: '二年',
    optionC: '三年',
    optionD: '五年',
    answer: 'B',
    explanation: '一般为二年；涉及公民生命健康安全、金融安全且有危害后果的，延长至五年。',
    law: '中华人民共和国行政处罚法',
    article: '第三十六条',
  },
  dictionaries: async (ctx) => ({
    places: placeEntries(await placesInScope(ctx.db, ctx.actor, 'learning.write', orgUnitKinds)),
    'learning.question_type': typeEntries,
    [QUESTION_CATEGORY_KIND]: (await listEntries(ctx, { kind: QUESTION_CATEGORY_KIND })).map((e) => ({ code: e.code, label: e.label })),
  }),
  prepare: async (ctx) => {
    const [places, bank] = await Promise.all([placesInScope(ctx.db, ctx.actor, 'learning.write', orgUnitKinds), allQuestionsInScope(ctx)]);
    return { places, byId: new Map(bank.map((q) => [q.id, q])), byKey: new Map(bank.map((q) => [questionKey(q.org_unit_id, q.type, q.stem), q])) };
  },
  toRecord: (v, prep) => {
    const problems: KindProblem[] = [];
    const where = resolvePlace(prep.places, str(v.unit), 'unit');
    if ('problem' in where) problems.push(where.problem);
    const type = findEntry(typeWords, str(v.type))?.code as QuestionType | undefined;
    if (!type) problems.push({ column: 'type', message: `「${str(v.type)}」不在可选值中（${typeEntries.map((e) => e.label).join('、')}）` });
    const id = typeof v.id === 'number' ? v.id : null;
    const before = id === null ? undefined : prep.byId.get(id);
    if (id !== null && !before) problems.push({ column: 'id', message: `编号 ${id} 的题目不存在或不在您的范围内（新题请留空编号）` });
    if (problems.length || !type || !('place' in where)) return { problems };
    if (before && before.org_unit_id !== where.place.id) {
      const owner = prep.places.find((p) => p.id === before.org_unit_id)?.name ?? '';
      return { problems: [{ column: 'unit', message: `编号 ${id} 的题目属于「${owner}」，不能改到其他单位` }] };
    }
    const options = optionKeys.map((k) => str(v[optionColumn(k)]));
    const values = normalised({
      type,
      category: str(v.category),
      stem: str(v.stem),
      options: options.slice(0, options.findLastIndex((o) => o !== '') + 1),
      answer: parseAnswer(type, str(v.answer)),
      explanation: str(v.explanation),
      law: str(v.law),
      article: str(v.article),
    });
    const rule = questionProblem(values);
    if (rule) return { problems: [{ column: questionColumnOf(rule.field, values.options), message: rule.message }] };
    const twin = prep.byKey.get(questionKey(where.place.id, type, values.stem));
    if (before && twin && twin.id !== before.id) return { problems: [{ column: 'stem', message: `与编号 ${twin.id} 的题目相同（同一单位、题型与题干）` }] };
    return { record: { id, version: before?.version ?? 0, orgUnitId: where.place.id, values } };
  },
  key: (r) => questionKey(r.orgUnitId, r.values.type, r.values.stem),
  // A new question its unit already has, or a numbered one with nothing changed: nothing to write.
  existing: async (_ctx, prep, records) =>
    new Set(
      records
        .filter((r) => {
          const stored = r.id === null ? prep.byKey.get(questionKey(r.orgUnitId, r.values.type, r.values.stem)) : prep.byId.get(r.id);
          return stored && (r.id === null || content(normalised(stored)) === content(r.values));
        })
        .map((r) => questionKey(r.orgUnitId, r.values.type, r.values.stem)),
    ),
  write: async (ctx, _prep, records) => {
    const done: Written = { created: [], updated: [] };
    const fresh = new Map<number, QuestionValues[]>();
    for (const r of records) {
      if (r.id === null) fresh.set(r.orgUnitId, [...(fresh.get(r.orgUnitId) ?? []), r.values]);
      else done.updated.push((await updateQuestion(ctx, r.id, { ...r.values, answer: r.values.answer as QuestionUpdate['answer'], version: r.version })).id);
    }
    for (const [unit, list] of fresh) done.created.push(...(await createQuestions(ctx, unit, list)));
    return done;
  },
  filters: Type.Omit(QuestionQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const [page, places, categories] = await Promise.all([
      listQuestions(ctx, { ...filters, page: 1, pageSize: 100_000 }),
      placesInScope(ctx.db, ctx.actor, 'learning.write', orgUnitKinds),
      listEntries(ctx, { kind: QUESTION_CATEGORY_KIND, includeInactive: true }),
    ]);
    const unitName = new Map(places.map((p) => [p.id, p.name]));
    return {
      conditions: [
        filters.type && questionTypeLabels[filters.type as QuestionType],
        filters.category && (categories.find((c) => c.code === filters.category)?.label ?? String(filters.category)),
        filters.q && `检索：${filters.q}`,
      ].filter(Boolean) as string[],
      rows: page.items.map((q) => ({
        reveal: true,
        values: {
          id: q.id,
          unit: unitName.get(q.orgUnitId) ?? '',
          type: questionTypeLabels[q.type],
          category: q.categoryLabel,
          stem: q.stem,
          ...Object.fromEntries(optionKeys.map((k, i) => [optionColumn(k), q.type === 'judge' ? null : (q.options[i] ?? null)])),
          answer: formatAnswer(q.type, q.answer),
          explanation: q.explanation,
          law: q.law,
          article: q.article,
        },
      })),
    };
  },
};

// ── 线下考试成绩台账 ──────────────────────────────────────────────────────────────────────────────────────────

const scoreColumns: LedgerColumn[] = [
  { key: 'exam', header: '考试名称', aliases: ['测试名称', '考试'], type: 'dict', required: true, dictionary: 'exams', width: 30 },
  { key: 'name', header: '姓名', type: 'text', required: true, max: 32, width: 12 },
  { key: 'unit', header: '单位', aliases: ['所在单位', '工作单位'], type: 'text', max: 100, width: 16 },
  { key: 'score', header: '成绩', aliases: ['分数', '得分'], type: 'text', required: true, max: 10, width: 8 },
  { key: 'satOn', header: '考试日期', aliases: ['日期'], type: 'date', width: 12 },
  { key: 'note', header: '备注', type: 'text', max: 200, width: 24 },
];

/** An exam as the ledger names it: its title, with its opening day where two exams share a title. */
function examEntries(exams: readonly { id: number; title: string; opens_at: Date | string }[]): DictEntry[] {
  const count = new Map<string, number>();
  for (const e of exams) count.set(e.title, (count.get(e.title) ?? 0) + 1);
  return exams.map((e) => ({ code: String(e.id), label: (count.get(e.title) ?? 0) > 1 ? `${e.title}（${shanghaiDate(new Date(e.opens_at))}）` : e.title }));
}

type ScoreRecord = OfflineEntry & { examId: number };
type ScorePrep = { exams: Map<number, ExamRow>; today: string };

/** The records of a chunk by exam, each group planned by the exam's own rules (indices back into the chunk). */
async function planByExam(ctx: Ctx, prep: ScorePrep, records: readonly ScoreRecord[]) {
  const groups = new Map<number, number[]>();
  for (const [i, r] of records.entries()) groups.set(r.examId, [...(groups.get(r.examId) ?? []), i]);
  const out = [];
  for (const [examId, at] of groups) {
    const exam = prep.exams.get(examId) as ExamRow;
    out.push({
      exam,
      at,
      ...(await planOfflineScores(
        ctx,
        exam,
        at.map((i) => records[i] as ScoreRecord),
      )),
    });
  }
  return out;
}

const scoreKey = (r: ScoreRecord) => `${r.examId}|${r.name}|${r.unitName}`;

/**
 * 线下考试成绩台账: one row per person and exam, by the rules of recording offline scores (planOfflineScores) — a name
 * matched to the exam's candidates, then to accounts, else added; one score per person per exam, so a row for someone
 * already scored changes that score, and a row giving the same score again is passed over.
 */
export const examScoresLedger: LedgerKind<ScoreRecord, ScorePrep> = {
  id: 'exam-scores',
  title: '线下考试成绩台账',
  sheet: '线下考试成绩',
  readCapability: 'learning.read',
  writeCapability: 'learning.write',
  columns: scoreColumns,
  example: { exam: '2024年度领导干部法律知识考试', name: '张三', unit: '四棵树镇', score: 86.5, satOn: '2024-09-19', note: '闭卷笔试' },
  dictionaries: async (ctx) => ({ exams: examEntries(await offlineExams(ctx)) }),
  prepare: async (ctx) => ({ exams: new Map((await offlineExams(ctx)).map((e) => [e.id, e])), today: shanghaiDate(new Date()) }),
  toRecord: (v, prep) => {
    const exam = prep.exams.get(Number(v.exam)) as ExamRow;
    const score = parseScore(str(v.score));
    if (score === null) return { problems: [{ column: 'score', message: `「${str(v.score)}」应为不小于 0 的数（可含 .5）` }] };
    return {
      record: {
        examId: exam.id,
        name: str(v.name),
        unitName: str(v.unit),
        score,
        satOn: str(v.satOn) || offlineSatOn(new Date(exam.closes_at), prep.today),
        note: str(v.note),
      },
    };
  },
  key: scoreKey,
  existing: async (ctx, prep, records) => {
    const same = new Set<string>();
    for (const g of await planByExam(ctx, prep, records)) for (const p of g.planned) if (unchanged(p)) same.add(scoreKey(records[g.at[p.index] as number] as ScoreRecord));
    return same;
  },
  check: async (ctx, prep, records) =>
    (await planByExam(ctx, prep, records)).flatMap((g) => g.problems.map((p) => ({ index: g.at[p.index] as number, column: p.column, message: p.message }))),
  write: async (ctx, prep, records, note) => {
    const done: Written = { created: [], updated: [] };
    for (const g of await planByExam(ctx, prep, records)) {
      // Checked in the first pass; a problem now means the list changed meanwhile (someone scored at the same time).
      if (g.problems[0]) throw new AppError('LEARNING_RULE', g.problems[0].message);
      const w = await writeOfflineScores(ctx, g.exam, g.planned, `台账导入：${note.filename}`);
      done.created.push(...w.created);
      done.updated.push(...w.updated);
    }
    return done;
  },
  filters: ExamScoreQuery,
  exportRows: async (ctx, filters) => {
    const { exams, scores } = await offlineScoreList(ctx, filters);
    const label = new Map(examEntries(exams).map((e) => [Number(e.code), e.label]));
    const one = exams.find((e) => e.id === filters.examId);
    return {
      conditions: [filters.year && `${filters.year}年`, one?.title].filter(Boolean) as string[],
      rows: scores.map((s) => ({
        reveal: true,
        values: { exam: label.get(s.examId) ?? '', name: s.personName, unit: s.orgUnitName ?? '', score: s.score, satOn: s.satOn, note: s.note },
      })),
    };
  },
};

/** 试卷: the papers list, how each was built (by hand, or drawn with its seed), its questions, points and use in tests. */
export const learningPapersList: ListExport = {
  id: 'learning-papers',
  title: '试卷',
  sheet: '试卷',
  // Papers hold the answers: only those who write the tests read them (as the papers list itself).
  readCapability: 'learning.write',
  columns: [
    { key: 'title', header: '试卷名称', type: 'text', width: 36 },
    { key: 'method', header: '组卷方式', type: 'text', width: 16 },
    { key: 'questions', header: '题数', type: 'integer', width: 8 },
    { key: 'points', header: '总分', type: 'integer', width: 8 },
    { key: 'exams', header: '用于测试', type: 'integer', width: 10 },
  ],
  filters: Type.Omit(PaperQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listPapers(ctx, { ...filters, ...EVERY_ROW });
    return {
      conditions: [filters.q && `检索：${filters.q}`].filter(Boolean) as string[],
      rows: page.items.map((p) => ({
        reveal: true,
        values: {
          title: p.title,
          method: p.method === 'random' ? `随机（种子 ${p.seed}）` : '手工',
          questions: p.questionCount,
          points: p.totalPoints,
          exams: p.examCount,
        },
      })),
    };
  },
};
