import type { Kysely } from 'kysely';
import type {
  Candidate,
  CandidatesAdd,
  Exam,
  ExamCreate,
  ExamQuery,
  ExamResults,
  ExamScoreQuery,
  ExamUpdate,
  OfflineScore,
  OfflineScoreCreate,
  OfflineScoreUpdate,
  ResultRow,
} from '../../../domain/learning/contracts.ts';
import { allowsOffline, attemptDeadline, attemptState, bestScore, examModeLabels, finalResult, gradePaper, parseScore, type SittingMode } from '../../../domain/learning/rules.ts';
import { summarise } from '../../../domain/learning/stats.ts';
import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { parseLedgerDate } from '../../../domain/platform/ledger.ts';
import { formatRate } from '../../../domain/platform/rates.ts';
import { isoOrNull, uniquely, updateVersioned, voidVersioned } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as bank from './bank.repository.ts';
import * as repo from './exam.repository.ts';
import * as people from './session.repository.ts';
import { resolvePeople } from './session.service.ts';
import { workbook } from './xlsx.ts';

export const toExam = (r: repo.ExamRow): Exam => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  title: r.title,
  description: r.description,
  paperId: r.paper_id,
  paperTitle: r.paper_title,
  totalPoints: r.total_points,
  questionCount: Number(r.question_count),
  mode: r.mode,
  opensAt: new Date(r.opens_at).toISOString(),
  closesAt: new Date(r.closes_at).toISOString(),
  timeLimitMinutes: r.time_limit_minutes,
  maxAttempts: r.max_attempts,
  passScore: Number(r.pass_score),
  partialCredit: r.partial_credit,
  status: r.status,
  candidateCount: Number(r.candidate_count),
  version: r.version,
});

export async function listExams(ctx: Ctx, q: ExamQuery): Promise<Page<Exam>> {
  const page = await repo.listExams(ctx.db, scopeOf(ctx.actor, 'learning.read'), q);
  return { ...page, items: page.items.map(toExam) };
}

export async function examRow(ctx: Ctx, id: number, write = false): Promise<repo.ExamRow> {
  const row = await repo.findExam(ctx.db, scopeOf(ctx.actor, 'learning.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '测试不存在');
  if (write) await requireUnitInScope(ctx.db, ctx.actor, 'learning.write', row.org_unit_id);
  return row;
}

export const getExam = async (ctx: Ctx, id: number): Promise<Exam> => toExam(await examRow(ctx, id));

async function paperFor(ctx: Ctx, paperId: number) {
  const paper = await bank.findPaper(ctx.db, scopeOf(ctx.actor, 'learning.write'), paperId);
  if (!paper) throw new AppError('NOT_FOUND', '所选试卷不存在', { field: 'paperId' });
  return paper;
}

function checkWindowAndMark(v: { opensAt: string; closesAt: string; passScore: number }, totalPoints: number) {
  if (new Date(v.closesAt) <= new Date(v.opensAt)) throw new AppError('LEARNING_RULE', '结束时间应晚于开始时间', { field: 'closesAt' });
  if (v.passScore > totalPoints) throw new AppError('LEARNING_RULE', `及格分不能高于试卷总分 ${totalPoints} 分`, { field: 'passScore' });
}

export async function createExam(ctx: Ctx, input: ExamCreate): Promise<Exam> {
  await requireUnitInScope(ctx.db, ctx.actor, 'learning.write', input.orgUnitId);
  const paper = await paperFor(ctx, input.paperId);
  checkWindowAndMark(input, paper.total_points);
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertExam(trx, input.orgUnitId, input);
    return { result: id, audit: { action: 'exam.create', entityType: 'exam', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getExam(ctx, id);
}

/** Once published, the rules people sit under stay fixed: only the name, the notes and the closing time may change. */
const lockedOnceOpen = ['paperId', 'mode', 'opensAt', 'timeLimitMinutes', 'maxAttempts', 'passScore', 'partialCredit'] as const;

export async function updateExam(ctx: Ctx, id: number, input: ExamUpdate): Promise<Exam> {
  const before = toExam(await examRow(ctx, id, true));
  if (before.status === 'published') {
    const changed = lockedOnceOpen.filter((k) => {
      const v = input[k];
      if (v === undefined) return false;
      return k === 'opensAt' ? new Date(v as string).getTime() !== new Date(before.opensAt).getTime() : v !== before[k];
    });
    if (changed.length) throw new AppError('EXAM_STATE', '测试已发布：只能修改名称、说明和结束时间', { field: changed[0] });
  }
  const paper = input.paperId ? await paperFor(ctx, input.paperId) : null;
  const next = { opensAt: input.opensAt ?? before.opensAt, closesAt: input.closesAt ?? before.closesAt, passScore: input.passScore ?? before.passScore };
  checkWindowAndMark(next, paper?.total_points ?? before.totalPoints);
  await audited(ctx, async (trx) => {
    const { version, ...changes } = input;
    await updateVersioned(trx, 'exams', id, version, repo.examColumns(changes));
    return { result: undefined, audit: { action: 'exam.update', entityType: 'exam', entityId: id, orgUnitId: before.orgUnitId, before, after: changes } };
  });
  return getExam(ctx, id);
}

/**
 * draft → published. The candidates (应考人员) are then everyone with an account and a role whose home unit lies
 * in the exam's unit (a town's exam: the town's, its departments' and its villages' cadres), besides anyone
 * already added by hand; more may be added later.
 */
export async function publishExam(ctx: Ctx, id: number, version: number): Promise<Exam> {
  const exam = await examRow(ctx, id, true);
  if (exam.status !== 'draft') throw new AppError('EXAM_STATE', '测试已发布');
  const present = new Set((await repo.candidatesOf(ctx.db, [id])).flatMap((c) => (c.user_id ? [c.user_id] : [])));
  const audience = (await people.peopleInScope(ctx.db, scopeOf(ctx.actor, 'learning.write'), { underPath: exam.org_unit_path, withGrantOnly: true, limit: 10_000 })).filter(
    (u) => !present.has(u.id),
  );
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'exams', id, version, { status: 'published', published_at: new Date() });
    await repo.insertCandidates(
      trx,
      id,
      audience.map((u) => ({ userId: u.id, personName: u.display_name, orgUnitId: u.org_unit_id })),
    );
    return {
      result: undefined,
      audit: { action: 'exam.publish', entityType: 'exam', entityId: id, orgUnitId: exam.org_unit_id, after: { candidatesAdded: audience.map((u) => u.display_name) } },
    };
  });
  return getExam(ctx, id);
}

export async function voidExam(ctx: Ctx, id: number, input: VoidBody): Promise<void> {
  const exam = await examRow(ctx, id, true);
  const [attempts, offline] = await Promise.all([repo.attemptsOf(ctx.db, [id]), repo.offlineScoresOf(ctx.db, [id])]);
  if (attempts.length + offline.length > 0) throw new AppError('EXAM_STATE', '已有作答或成绩的测试不能作废');
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'exams', id, input.version, input.reason, ctx.actor.userId);
    return { result: undefined, audit: { action: 'exam.void', entityType: 'exam', entityId: id, orgUnitId: exam.org_unit_id, after: { reason: input.reason } } };
  });
}

// ── candidates ────────────────────────────────────────────────────────────────────────────────────────────

const toCandidate = (c: repo.CandidateRow): Candidate => ({ id: c.id, userId: c.user_id, personName: c.person_name, orgUnitId: c.org_unit_id, orgUnitName: c.org_unit_name });

export async function listCandidates(ctx: Ctx, examId: number): Promise<Candidate[]> {
  await examRow(ctx, examId);
  return (await repo.candidatesOf(ctx.db, [examId])).map(toCandidate);
}

const candidateKey = (c: { userId: number | null; personName: string }) => (c.userId ? `u${c.userId}` : `n${c.personName}`);

export async function addCandidates(ctx: Ctx, examId: number, input: CandidatesAdd): Promise<Candidate[]> {
  const exam = await examRow(ctx, examId, true);
  const wanted = await resolvePeople(ctx, [...(input.userIds ?? []).map((userId) => ({ userId })), ...(input.names ?? [])], exam.org_unit_id, 'candidates');
  const present = new Set((await repo.candidatesOf(ctx.db, [examId])).map((c) => candidateKey({ userId: c.user_id, personName: c.person_name })));
  const added = wanted.filter((c) => !present.has(candidateKey(c)));
  await audited(ctx, async (trx) => {
    await repo.insertCandidates(trx, examId, added);
    return {
      result: undefined,
      audit: { action: 'exam.candidates_add', entityType: 'exam', entityId: examId, orgUnitId: exam.org_unit_id, after: added.map((a) => a.personName) },
    };
  });
  return listCandidates(ctx, examId);
}

export async function removeCandidate(ctx: Ctx, candidateId: number, input: VoidBody): Promise<void> {
  const row = await repo.findCandidate(ctx.db, candidateId);
  if (!row) throw new AppError('NOT_FOUND', '应考人员不存在');
  const exam = await examRow(ctx, row.exam_id, true);
  const [attempts, offline] = await Promise.all([repo.attemptsOf(ctx.db, [row.exam_id]), repo.offlineScoresOf(ctx.db, [row.exam_id])]);
  if ([...attempts, ...offline].some((r) => r.candidate_id === candidateId)) throw new AppError('EXAM_STATE', `「${row.person_name}」已有作答或成绩，不能移出应考名单`);
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'exam_candidates', candidateId, input.version, input.reason, ctx.actor.userId);
    return {
      result: undefined,
      audit: { action: 'exam.candidate_remove', entityType: 'exam', entityId: exam.id, orgUnitId: exam.org_unit_id, after: { personName: row.person_name, reason: input.reason } },
    };
  });
}

// ── results: one list per exam, online and offline side by side ───────────────────────────────────────────

/** An attempt's standing now: one not handed in by its deadline counts as handed in with its last saved answers. */
export function attemptOutcome(a: repo.AttemptRow, exam: repo.ExamRow, items: bank.PaperItemRow[], now: Date) {
  const deadline = attemptDeadline(new Date(a.started_at), exam.time_limit_minutes, new Date(exam.closes_at));
  const state = attemptState({ submittedAt: a.submitted_at ? new Date(a.submitted_at) : null, finishedReason: a.finished_reason }, deadline, now);
  if (state === 'in_progress') return { deadline, state, score: null, finishedAt: null };
  if (a.score !== null) return { deadline, state, score: Number(a.score), finishedAt: new Date(a.submitted_at as Date) };
  return { deadline, state, score: gradePaper(items, a.answers, exam.partial_credit).score, finishedAt: deadline };
}

const toOffline = (o: repo.OfflineRow): OfflineScore => ({ id: o.id, score: Number(o.score), satOn: o.sat_on, note: o.note, version: o.version });

/** The result lists of several exams at once (the statistics read many). */
function groupBy<T, K>(list: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const t of list) {
    const k = key(t);
    const g = m.get(k);
    if (g) g.push(t);
    else m.set(k, [t]);
  }
  return m;
}

export async function resultsOf(db: Kysely<DB>, exams: repo.ExamRow[], now = new Date()): Promise<Map<number, ResultRow[]>> {
  const ids = exams.map((e) => e.id);
  const [candidates, attempts, offline] = await Promise.all([repo.candidatesOf(db, ids), repo.attemptsOf(db, ids), repo.offlineScoresOf(db, ids)]);
  const items = new Map<number, bank.PaperItemRow[]>();
  for (const e of exams) if (!items.has(e.paper_id)) items.set(e.paper_id, await bank.paperItems(db, e.paper_id));
  // Grouped once: a city's year holds thousands of candidates and attempts, and a scan per candidate was quadratic.
  const candidatesByExam = groupBy(candidates, (c) => c.exam_id);
  const attemptsByCandidate = groupBy(attempts, (a) => a.candidate_id);
  const offlineByCandidate = new Map(offline.map((o) => [o.candidate_id, o]));
  const out = new Map<number, ResultRow[]>();
  for (const exam of exams) {
    const rows = (candidatesByExam.get(exam.id) ?? []).map((c): ResultRow => {
      const mine = (attemptsByCandidate.get(c.id) ?? []).map((a) => attemptOutcome(a, exam, items.get(exam.paper_id) ?? [], now));
      const best = bestScore(mine.map((m) => m.score));
      const off = offlineByCandidate.get(c.id);
      const result = finalResult(best, off ? Number(off.score) : null, Number(exam.pass_score));
      const finished = mine.flatMap((m) => (m.finishedAt ? [m.finishedAt] : [])).sort((a, b) => b.getTime() - a.getTime());
      return {
        candidateId: c.id,
        candidateVersion: c.version,
        userId: c.user_id,
        personName: c.person_name,
        orgUnitId: c.org_unit_id,
        orgUnitName: c.org_unit_name,
        online: mine.length
          ? { attempts: mine.length, bestScore: best, lastFinishedAt: isoOrNull(finished[0] ?? null), inProgress: mine.some((m) => m.state === 'in_progress') }
          : null,
        offline: off ? toOffline(off) : null,
        score: result.score,
        sittingMode: result.mode,
        passed: result.passed,
      };
    });
    out.set(exam.id, rows);
  }
  return out;
}

export async function examResults(ctx: Ctx, examId: number): Promise<ExamResults> {
  const exam = await examRow(ctx, examId);
  const items = (await resultsOf(ctx.db, [exam])).get(examId) ?? [];
  return { exam: toExam(exam), summary: summarise(items.map((r) => ({ score: r.score, passed: r.passed, mode: r.sittingMode }))), items };
}

const sittingLabels: Record<SittingMode, string> = { online: '线上', offline: '线下' };

export async function exportResults(ctx: Ctx, examId: number): Promise<{ filename: string; file: Buffer }> {
  const { exam, summary, items } = await examResults(ctx, examId);
  const file = await workbook([
    {
      name: '成绩',
      columns: [
        { header: '序号', width: 8 },
        { header: '姓名', width: 14 },
        { header: '单位', width: 18 },
        { header: '线上作答次数' },
        { header: '线上最高分' },
        { header: '线下成绩' },
        { header: '线下考试日期' },
        { header: '最终成绩' },
        { header: '参考方式' },
        { header: '是否及格' },
      ],
      rows: items.map((r, i) => [
        i + 1,
        r.personName,
        r.orgUnitName ?? '',
        r.online?.attempts ?? 0,
        r.online?.bestScore ?? null,
        r.offline?.score ?? null,
        r.offline?.satOn ?? null,
        r.score,
        r.sittingMode ? sittingLabels[r.sittingMode] : '未参加',
        r.passed === null ? '—' : r.passed ? '及格' : '不及格',
      ]),
    },
    {
      name: '汇总',
      columns: [
        { header: '项目', width: 16 },
        { header: '数值', width: 40 },
      ],
      rows: [
        ['测试名称', exam.title],
        ['测试方式', examModeLabels[exam.mode]],
        ['时间', `${shanghaiDate(new Date(exam.opensAt))} 至 ${shanghaiDate(new Date(exam.closesAt))}`],
        ['试卷总分 / 及格分', `${exam.totalPoints} / ${exam.passScore}`],
        ['应考人数', summary.candidates],
        ['实考人数', summary.participants],
        ['其中线上 / 线下', `${summary.online} / ${summary.offline}`],
        ['及格人数', summary.passed],
        ['参考率', formatRate(summary.participationRate)],
        ['及格率', formatRate(summary.passRate)],
        ['平均分', summary.averageScore],
      ],
    },
  ]);
  await audited(ctx, async () => ({
    result: undefined,
    audit: { action: 'learning.export', entityType: 'exam', entityId: examId, orgUnitId: exam.orgUnitId, after: { what: '测试成绩', rows: items.length } },
  }));
  return { filename: `${exam.title}-成绩.xlsx`, file };
}

// ── offline scores ────────────────────────────────────────────────────────────────────────────────────────

function checkOfflineAllowed(exam: repo.ExamRow) {
  if (exam.status !== 'published') throw new AppError('EXAM_STATE', '请先发布测试，再录入线下成绩');
  if (!allowsOffline(exam.mode)) throw new AppError('EXAM_MODE', '该测试为线上测试，不能录入线下成绩');
}

function checkScore(score: number, exam: repo.ExamRow, field = 'score') {
  if (score > exam.total_points) throw new AppError('LEARNING_RULE', `成绩不能高于试卷总分 ${exam.total_points} 分`, { field });
}

type Sitter = { candidateId: number } | { add: { userId: number | null; personName: string; orgUnitId: number | null } };

async function sitterFor(ctx: Ctx, exam: repo.ExamRow, input: OfflineScoreCreate, candidates: repo.CandidateRow[]): Promise<Sitter> {
  if (input.candidateId) {
    if (!candidates.some((c) => c.id === input.candidateId)) throw new AppError('NOT_FOUND', '应考人员不存在', { field: 'candidateId' });
    return { candidateId: input.candidateId };
  }
  if (!input.userId && !input.personName) throw new AppError('LEARNING_RULE', '请选择应考人员，或填写姓名', { field: 'personName' });
  const [person] = await resolvePeople(ctx, [{ userId: input.userId, personName: input.personName, orgUnitId: input.orgUnitId }], exam.org_unit_id, 'person');
  const p = person as people.AttendeeValues;
  const existing = candidates.find((c) => candidateKey({ userId: c.user_id, personName: c.person_name }) === candidateKey(p));
  return existing ? { candidateId: existing.id } : { add: p };
}

export async function addOfflineScore(ctx: Ctx, examId: number, input: OfflineScoreCreate): Promise<ExamResults> {
  const exam = await examRow(ctx, examId, true);
  checkOfflineAllowed(exam);
  checkScore(input.score, exam);
  const sitter = await sitterFor(ctx, exam, input, await repo.candidatesOf(ctx.db, [examId]));
  await audited(ctx, async (trx) => {
    const candidateId = 'candidateId' in sitter ? sitter.candidateId : ((await repo.insertCandidates(trx, examId, [sitter.add]))[0] as { id: number }).id;
    const row = await uniquely(
      repo.insertOfflineScore(trx, { examId, candidateId, score: input.score, satOn: input.satOn, note: input.note ?? '', enteredBy: ctx.actor.userId }),
      '此人已有线下成绩，请修改原成绩',
    );
    return {
      result: undefined,
      audit: { action: 'exam.offline_score', entityType: 'exam', entityId: examId, orgUnitId: exam.org_unit_id, after: { ...toOffline(row), candidateId } },
    };
  });
  return examResults(ctx, examId);
}

async function offlineFor(ctx: Ctx, id: number) {
  const row = await repo.findOfflineScore(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', '线下成绩不存在');
  const exam = await examRow(ctx, row.exam_id, true);
  return { row, exam };
}

export async function updateOfflineScore(ctx: Ctx, id: number, input: OfflineScoreUpdate): Promise<ExamResults> {
  const { row, exam } = await offlineFor(ctx, id);
  if (input.score !== undefined) checkScore(input.score, exam);
  await audited(ctx, async (trx) => {
    const after = (await updateVersioned(trx, 'offline_scores', id, input.version, { score: input.score, sat_on: input.satOn, note: input.note })) as repo.OfflineRow;
    return {
      result: undefined,
      audit: { action: 'exam.offline_update', entityType: 'exam', entityId: exam.id, orgUnitId: exam.org_unit_id, before: toOffline(row), after: toOffline(after) },
    };
  });
  return examResults(ctx, exam.id);
}

export async function voidOfflineScore(ctx: Ctx, id: number, input: VoidBody): Promise<ExamResults> {
  const { row, exam } = await offlineFor(ctx, id);
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'offline_scores', id, input.version, input.reason, ctx.actor.userId);
    return {
      result: undefined,
      audit: { action: 'exam.offline_void', entityType: 'exam', entityId: exam.id, orgUnitId: exam.org_unit_id, before: toOffline(row), after: { reason: input.reason } },
    };
  });
  return examResults(ctx, exam.id);
}

// ── offline scores in batches: the 线下考试成绩台账 (learning.ledger.ts) and the demo's sheets ─────────────────

/** The exams the actor may enter offline scores for: published, not online-only, in their write scope. */
export async function offlineExams(ctx: Ctx): Promise<repo.ExamRow[]> {
  const page = await repo.listExams(ctx.db, scopeOf(ctx.actor, 'learning.write'), { status: 'published', page: 1, pageSize: 10_000 });
  return page.items.filter((e) => allowsOffline(e.mode));
}

/** The offline scores of the exams in read scope (one exam, or a year's), for the ledger's export. */
export async function offlineScoreList(ctx: Ctx, q: ExamScoreQuery) {
  const exams = (await repo.listExams(ctx.db, scopeOf(ctx.actor, 'learning.read'), { year: q.year, page: 1, pageSize: 10_000 })).items.filter(
    (e) => !q.examId || e.id === q.examId,
  );
  const ids = exams.map((e) => e.id);
  const [candidates, offline] = await Promise.all([repo.candidatesOf(ctx.db, ids), repo.offlineScoresOf(ctx.db, ids)]);
  const who = new Map(candidates.map((c) => [c.id, c]));
  const order = new Map(exams.map((e, i) => [e.id, i]));
  const scores = offline
    .map((o) => ({ examId: o.exam_id, personName: who.get(o.candidate_id)?.person_name ?? '', orgUnitName: who.get(o.candidate_id)?.org_unit_name ?? null, ...toOffline(o) }))
    .sort((a, b) => (order.get(a.examId) ?? 0) - (order.get(b.examId) ?? 0) || a.id - b.id);
  return { exams, scores };
}

/** An offline score as a clerk lists it: the person by name (and unit, where names repeat), the score, the day, a note. */
export type OfflineEntry = { name: string; unitName: string; score: number; satOn: string; note: string };
/** Who an entry is and what it does: a new score (adding the candidate if need be), or the person's one score changed. */
export type OfflinePlan = { index: number; sitter: Sitter; score: number; satOn: string; note: string; existing?: repo.OfflineRow };
export type OfflineProblem = { index: number; column: 'name' | 'unit' | 'score'; message: string };

/**
 * The rules of a batch of offline scores, writing nothing: a name is matched to the exam's candidates, then to
 * accounts in scope, else becomes a candidate without an account at the named unit (or the exam's); a person already
 * scored keeps one score (`existing`, to be changed); nobody twice in a batch; no score above the paper's total.
 */
export async function planOfflineScores(ctx: Ctx, exam: repo.ExamRow, entries: readonly OfflineEntry[]): Promise<{ planned: OfflinePlan[]; problems: OfflineProblem[] }> {
  checkOfflineAllowed(exam);
  const [candidates, offline, units, accounts] = await Promise.all([
    repo.candidatesOf(ctx.db, [exam.id]),
    repo.offlineScoresOf(ctx.db, [exam.id]),
    people.unitsByName(ctx.db, scopeOf(ctx.actor, 'org.read'), [...new Set(entries.map((e) => e.unitName).filter(Boolean))]),
    people.peopleInScope(ctx.db, scopeOf(ctx.actor, 'learning.write'), { limit: 10_000 }),
  ]);
  const scored = new Map(offline.map((o) => [o.candidate_id, o]));
  const problems: OfflineProblem[] = [];
  const seen = new Set<string>();
  const planned: OfflinePlan[] = [];
  for (const [index, { name, unitName, score, satOn, note }] of entries.entries()) {
    const fail = (column: OfflineProblem['column'], message: string) => problems.push({ index, column, message });
    if (!name || name.length > 32) {
      fail('name', '姓名不能为空，且不超过 32 个字');
      continue;
    }
    if (score > exam.total_points) {
      fail('score', `成绩 ${score} 高于试卷总分 ${exam.total_points} 分`);
      continue;
    }
    const byName = candidates.filter((c) => c.person_name === name && (!unitName || c.org_unit_name === unitName));
    let sitter: Sitter;
    if (byName.length === 1) sitter = { candidateId: (byName[0] as repo.CandidateRow).id };
    else if (byName.length > 1) {
      fail('unit', `应考名单中有 ${byName.length} 位「${name}」，请填写单位以区分`);
      continue;
    } else {
      const users = accounts.filter((u) => u.display_name === name && (!unitName || u.org_unit_name === unitName));
      if (users.length > 1) {
        fail('unit', `有 ${users.length} 个名为「${name}」的账号，请填写单位以区分`);
        continue;
      }
      const user = users[0];
      const unit = unitName ? units.find((u) => u.name === unitName) : { id: exam.org_unit_id };
      if (user) sitter = { add: { userId: user.id, personName: user.display_name, orgUnitId: user.org_unit_id } };
      else if (unit) sitter = { add: { userId: null, personName: name, orgUnitId: unit.id } };
      else {
        fail('unit', `单位「${unitName}」不存在或不在您的范围内`);
        continue;
      }
    }
    const key = 'candidateId' in sitter ? `c${sitter.candidateId}` : candidateKey(sitter.add);
    if (seen.has(key)) {
      fail('name', `「${name}」在文件中出现了不止一次`);
      continue;
    }
    seen.add(key);
    planned.push({ index, sitter, score, satOn, note, existing: 'candidateId' in sitter ? scored.get(sitter.candidateId) : undefined });
  }
  return { planned, problems };
}

/** A plan that changes nothing: the person's score is already this one, on this day (and with this note, if any). */
export const unchanged = (p: OfflinePlan) =>
  p.existing !== undefined && Number(p.existing.score) === p.score && p.existing.sat_on === p.satOn && (!p.note || p.note === p.existing.note);

/** Writes a checked plan in one audited transaction; answers the offline scores created and those changed. */
export async function writeOfflineScores(ctx: Ctx, exam: repo.ExamRow, planned: readonly OfflinePlan[], source: string): Promise<{ created: number[]; updated: number[] }> {
  return audited(ctx, async (trx) => {
    const created: number[] = [];
    const updated: number[] = [];
    for (const p of planned) {
      if (p.existing) {
        await updateVersioned(trx, 'offline_scores', p.existing.id, p.existing.version, { score: p.score, sat_on: p.satOn, note: p.note || p.existing.note });
        updated.push(p.existing.id);
      } else {
        const candidateId = 'candidateId' in p.sitter ? p.sitter.candidateId : ((await repo.insertCandidates(trx, exam.id, [p.sitter.add]))[0] as { id: number }).id;
        const row = await uniquely(
          repo.insertOfflineScore(trx, { examId: exam.id, candidateId, score: p.score, satOn: p.satOn, note: p.note, enteredBy: ctx.actor.userId }),
          '此人已有线下成绩，请修改原成绩',
        );
        created.push(row.id);
      }
    }
    return {
      result: { created, updated },
      audit: {
        action: 'exam.offline_import',
        entityType: 'exam',
        entityId: exam.id,
        orgUnitId: exam.org_unit_id,
        after: { source, created: created.length, updated: updated.length },
      },
    };
  });
}

/** One line of a clerk's list of offline scores, as typed (row: its place in the list, for messages). */
export type OfflineLine = { row: number; name: string; unitName?: string; score: string; satOn?: string; note?: string };

/**
 * A list of offline scores (the demo's sheets): read as the ledger reads them, checked by the same plan; one bad line
 * and nothing is recorded. A line without a day takes the exam's last day.
 */
export async function recordOfflineScores(ctx: Ctx, examId: number, lines: OfflineLine[], source: string): Promise<{ created: number; updated: number }> {
  const exam = await examRow(ctx, examId, true);
  checkOfflineAllowed(exam);
  const lastDay = shanghaiDate(new Date(exam.closes_at));
  const problems: { row: number; message: string }[] = [];
  const entries: (OfflineEntry & { row: number })[] = [];
  for (const l of lines) {
    const score = parseScore(l.score);
    const satOn = l.satOn?.trim() ? parseLedgerDate(l.satOn.trim()) : lastDay;
    if (score === null) problems.push({ row: l.row, message: `成绩「${l.score}」应为不小于 0 的数（可含 .5）` });
    else if (!satOn) problems.push({ row: l.row, message: `考试日期「${l.satOn}」应写作 2024-09-19` });
    else entries.push({ row: l.row, name: l.name.trim(), unitName: l.unitName?.trim() ?? '', score, satOn, note: (l.note ?? '').trim().slice(0, 200) });
  }
  const { planned, problems: planProblems } = await planOfflineScores(ctx, exam, entries);
  problems.push(...planProblems.map((p) => ({ row: (entries[p.index] as { row: number }).row, message: p.message })));
  if (problems.length) {
    problems.sort((a, b) => a.row - b.row);
    const shown = problems.slice(0, 5).map((p) => `第 ${p.row} 行：${p.message}`);
    throw new AppError('LEARNING_IMPORT_INVALID', `成绩有错误，未录入任何成绩：${shown.join('；')}${problems.length > 5 ? `等 ${problems.length} 处` : ''}`, problems);
  }
  const done = await writeOfflineScores(ctx, exam, planned, source);
  return { created: done.created.length, updated: done.updated.length };
}
