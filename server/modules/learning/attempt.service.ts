import type { Attempt, AttemptSave, MyExam } from '../../../domain/learning/contracts.ts';
import {
  allowsOnline,
  bestScore,
  finalResult,
  gradePaper,
  isPass,
  normaliseChoice,
  optionKeys,
  reviewAvailable,
  secondsLeft,
  startRefusal,
  windowState,
} from '../../../domain/learning/rules.ts';
import { updateVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { scopeOf } from '../../platform/permissions.ts';
import * as bank from './bank.repository.ts';
import * as repo from './exam.repository.ts';
import { attemptOutcome } from './exam.service.ts';

/**
 * A cadre sitting an exam online. The server keeps the clock: it records when an attempt started, works out its
 * deadline from the exam's time limit and closing time, and refuses answers after the deadline plus a short
 * grace. `now` is a parameter only so the demo loader can replay 2024's sittings; routes never pass it.
 */

type ExamOfCandidate = NonNullable<Awaited<ReturnType<typeof repo.findExamForCandidate>>>;

async function examForMe(ctx: Ctx, examId: number): Promise<ExamOfCandidate> {
  scopeOf(ctx.actor, 'exams.take');
  const exam = await repo.findExamForCandidate(ctx.db, ctx.actor.userId, examId);
  if (!exam) throw new AppError('NOT_FOUND', '测试不存在或您不在应考名单中');
  return exam;
}

export async function myExams(ctx: Ctx, year?: number, now = new Date()): Promise<MyExam[]> {
  scopeOf(ctx.actor, 'exams.take');
  const exams = await repo.examsOfCandidate(ctx.db, ctx.actor.userId, year);
  const ids = exams.map((e) => e.id);
  const [attempts, offline] = await Promise.all([repo.attemptsOf(ctx.db, ids, ctx.actor.userId), repo.offlineScoresOf(ctx.db, ids)]);
  const out: MyExam[] = [];
  for (const e of exams) {
    const items = await bank.paperItems(ctx.db, e.paper_id);
    const mine = attempts.filter((a) => a.exam_id === e.id);
    const outcomes = mine.map((a) => ({ a, ...attemptOutcome(a, e, items, now) }));
    const open = outcomes.find((o) => o.state === 'in_progress');
    const off = offline.find((o) => o.candidate_id === e.candidate_id);
    const result = finalResult(bestScore(outcomes.map((o) => o.score)), off ? Number(off.score) : null, Number(e.pass_score));
    const window = windowState(new Date(e.opens_at), new Date(e.closes_at), now);
    out.push({
      id: e.id,
      title: e.title,
      description: e.description,
      orgUnitName: e.org_unit_name,
      mode: e.mode,
      opensAt: new Date(e.opens_at).toISOString(),
      closesAt: new Date(e.closes_at).toISOString(),
      timeLimitMinutes: e.time_limit_minutes,
      maxAttempts: e.max_attempts,
      attemptsUsed: mine.length,
      totalPoints: e.total_points,
      questionCount: items.length,
      passScore: Number(e.pass_score),
      window,
      openAttemptId: open?.a.id ?? null,
      lastAttemptId: mine.at(-1)?.id ?? null,
      canStart: allowsOnline(e.mode) && (open !== undefined || startRefusal(window, mine.length, e.max_attempts) === null),
      score: result.score,
      sittingMode: result.mode,
      passed: result.passed,
      reviewAvailable: reviewAvailable(new Date(e.closes_at), now),
    });
  }
  return out;
}

function toAttempt(a: repo.AttemptRow, exam: ExamOfCandidate, items: bank.PaperItemRow[], now: Date): Attempt {
  const outcome = attemptOutcome(a, exam, items, now);
  const closesAt = new Date(exam.closes_at);
  const showReview = outcome.state !== 'in_progress' && reviewAvailable(closesAt, now);
  const graded = showReview ? gradePaper(items, a.answers, exam.partial_credit).items : [];
  return {
    id: a.id,
    examId: exam.id,
    examTitle: exam.title,
    number: a.number,
    maxAttempts: exam.max_attempts,
    status: outcome.state,
    startedAt: new Date(a.started_at).toISOString(),
    deadlineAt: outcome.deadline.toISOString(),
    submittedAt: outcome.finishedAt?.toISOString() ?? null,
    serverNow: now.toISOString(),
    secondsLeft: outcome.state === 'in_progress' ? secondsLeft(outcome.deadline, now) : 0,
    totalPoints: exam.total_points,
    passScore: Number(exam.pass_score),
    score: outcome.score,
    passed: outcome.score === null ? null : isPass(outcome.score, Number(exam.pass_score)),
    reviewAvailable: reviewAvailable(closesAt, now),
    closesAt: closesAt.toISOString(),
    // Questions without their answers; the answers and explanations only once the window has closed.
    questions: items.map((it, i) => {
      const g = graded[i];
      return {
        itemId: it.id,
        position: it.position,
        type: it.type,
        stem: it.stem,
        options: it.options,
        points: it.points,
        choice: a.answers[String(it.id)] ?? [],
        ...(showReview && g ? { review: { answer: it.answer, earned: g.earned, correct: g.correct, explanation: it.explanation, law: it.law, article: it.article } } : {}),
      };
    }),
    version: a.version,
  };
}

/** Hands in an attempt whose time ran out, with the answers it last saved (the deadline is its hand-in time). */
async function finaliseExpired(ctx: Ctx, a: repo.AttemptRow, exam: ExamOfCandidate, items: bank.PaperItemRow[], now: Date): Promise<void> {
  const outcome = attemptOutcome(a, exam, items, now);
  if (outcome.state !== 'expired' || a.submitted_at) return;
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'exam_attempts', a.id, a.version, { submitted_at: outcome.deadline, finished_reason: 'expired', score: outcome.score });
    return {
      result: undefined,
      audit: { action: 'exam.attempt_expire', entityType: 'exam', entityId: exam.id, orgUnitId: exam.org_unit_id, after: { attemptId: a.id, score: outcome.score } },
    };
  });
}

/** Starts an attempt, or resumes the one still running. */
export async function startAttempt(ctx: Ctx, examId: number, now = new Date()): Promise<Attempt> {
  const exam = await examForMe(ctx, examId);
  if (!allowsOnline(exam.mode)) throw new AppError('EXAM_MODE', '该测试为线下测试，请按通知参加线下考试');
  const items = await bank.paperItems(ctx.db, exam.paper_id);
  const mine = await repo.attemptsOf(ctx.db, [examId], ctx.actor.userId);
  const running = mine.find((a) => attemptOutcome(a, exam, items, now).state === 'in_progress');
  if (running) return toAttempt(running, exam, items, now);
  for (const a of mine) await finaliseExpired(ctx, a, exam, items, now);

  const refusal = startRefusal(windowState(new Date(exam.opens_at), new Date(exam.closes_at), now), mine.length, exam.max_attempts);
  if (refusal === 'not_open') throw new AppError('EXAM_NOT_OPEN', `测试尚未开始（${new Date(exam.opens_at).toISOString()} 开始）`);
  if (refusal === 'closed') throw new AppError('EXAM_CLOSED');
  if (refusal === 'exhausted') throw new AppError('EXAM_ATTEMPTS_EXHAUSTED', `本测试允许作答 ${exam.max_attempts} 次，已全部用完`);

  const attempt = await audited(ctx, async (trx) => {
    await repo.lockCandidate(trx, exam.candidate_id);
    const count = await repo.attemptCount(trx, exam.candidate_id);
    if (count >= exam.max_attempts) throw new AppError('EXAM_ATTEMPTS_EXHAUSTED', `本测试允许作答 ${exam.max_attempts} 次，已全部用完`);
    const row = await repo.insertAttempt(trx, { examId, candidateId: exam.candidate_id, userId: ctx.actor.userId, number: count + 1, startedAt: now });
    return {
      result: row,
      audit: { action: 'exam.attempt_start', entityType: 'exam', entityId: examId, orgUnitId: exam.org_unit_id, after: { attemptId: row.id, number: row.number } },
    };
  });
  return toAttempt(attempt, exam, items, now);
}

async function attemptFor(ctx: Ctx, id: number) {
  scopeOf(ctx.actor, 'exams.take');
  const attempt = await repo.findAttempt(ctx.db, ctx.actor.userId, id);
  if (!attempt) throw new AppError('NOT_FOUND', '作答记录不存在');
  const exam = await examForMe(ctx, attempt.exam_id);
  return { attempt, exam, items: await bank.paperItems(ctx.db, exam.paper_id) };
}

export async function getAttempt(ctx: Ctx, id: number, now = new Date()): Promise<Attempt> {
  const { attempt, exam, items } = await attemptFor(ctx, id);
  return toAttempt(attempt, exam, items, now);
}

/** The answers merged over those saved: each item given replaces its choice (an empty choice clears it). */
function merged(saved: Record<string, string[]>, body: AttemptSave, items: bank.PaperItemRow[]): Record<string, string[]> {
  const byId = new Map(items.map((it) => [it.id, it]));
  const out = { ...saved };
  for (const [i, a] of body.answers.entries()) {
    const item = byId.get(a.itemId);
    if (!item) throw new AppError('VALIDATION_FAILED', `第 ${i + 1} 个答案对应的题目不在本试卷中`, [{ field: `answers.${i}.itemId`, message: '题目不在本试卷中' }]);
    const choice = normaliseChoice(a.choice);
    const allowed = optionKeys.slice(0, item.options.length) as readonly string[];
    if (choice.some((c) => !allowed.includes(c)) || (item.type !== 'multiple' && choice.length > 1)) {
      throw new AppError('VALIDATION_FAILED', `第 ${item.position} 题的答案不在选项之中`, [{ field: `answers.${i}.choice`, message: '答案不在选项之中' }]);
    }
    out[String(item.id)] = choice;
  }
  return out;
}

/** Refuses writes to an attempt that is over; one whose time ran out is handed in first (that hand-in stays). */
async function requireRunning(ctx: Ctx, attempt: repo.AttemptRow, exam: ExamOfCandidate, items: bank.PaperItemRow[], now: Date) {
  const outcome = attemptOutcome(attempt, exam, items, now);
  if (outcome.state === 'submitted') throw new AppError('EXAM_ATTEMPT_FINISHED');
  if (outcome.state === 'expired') {
    await finaliseExpired(ctx, attempt, exam, items, now);
    throw new AppError('EXAM_TIME_UP', undefined, { deadlineAt: outcome.deadline.toISOString(), score: outcome.score });
  }
}

/** Autosave. */
export async function saveAnswers(ctx: Ctx, id: number, body: AttemptSave, now = new Date()): Promise<Attempt> {
  const { attempt, exam, items } = await attemptFor(ctx, id);
  await requireRunning(ctx, attempt, exam, items, now);
  const answers = merged(attempt.answers, body, items);
  const row = await audited(ctx, async (trx) => {
    const row = (await updateVersioned(trx, 'exam_attempts', id, body.version, { answers: JSON.stringify(answers), saved_at: now })) as repo.AttemptRow;
    return {
      result: row,
      audit: { action: 'exam.attempt_save', entityType: 'exam', entityId: exam.id, orgUnitId: exam.org_unit_id, after: { attemptId: id, answers: body.answers } },
    };
  });
  return toAttempt(row, exam, items, now);
}

/** Hands in: the server grades the answers (the client's score, if it showed one, counts for nothing). */
export async function submitAttempt(ctx: Ctx, id: number, body: AttemptSave, now = new Date()): Promise<Attempt> {
  const { attempt, exam, items } = await attemptFor(ctx, id);
  await requireRunning(ctx, attempt, exam, items, now);
  const answers = merged(attempt.answers, body, items);
  const graded = gradePaper(items, answers, exam.partial_credit);
  const row = await audited(ctx, async (trx) => {
    const row = (await updateVersioned(trx, 'exam_attempts', id, body.version, {
      answers: JSON.stringify(answers),
      saved_at: now,
      submitted_at: now,
      finished_reason: 'submitted',
      score: graded.score,
    })) as repo.AttemptRow;
    return {
      result: row,
      audit: { action: 'exam.attempt_submit', entityType: 'exam', entityId: exam.id, orgUnitId: exam.org_unit_id, after: { attemptId: id, answers, score: graded.score } },
    };
  });
  return toAttempt(row, exam, items, now);
}
