/**
 * Rules of the learning module (学法用法): kinds of study activity, questions and their validity, grading,
 * the exam window and the server-side time limit, and how an exam's one result list is formed from online
 * attempts and offline scores. Pure functions: the server and the web app use the same ones.
 */
import { shanghaiDate } from '../platform/dates.ts';

export const sessionKinds = ['center_group', 'leader_lecture', 'integrity', 'enforcement_training', 'legal_lecture', 'other'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sessionKindLabels: Record<SessionKind, string> = {
  center_group: '党委中心组学法',
  leader_lecture: '党政主要负责人讲法治课',
  integrity: '廉洁自律/纪律规定学习',
  enforcement_training: '行政执法培训',
  legal_lecture: '法治讲座',
  other: '其他学法活动',
};

/** A lecture by a principal leader must say who lectured (the report counts lectures by the 党政主要负责人). */
export function sessionProblem(s: { kind: SessionKind; lecturer?: string | null }): { field: string; message: string } | null {
  if ((s.kind === 'leader_lecture' || s.kind === 'legal_lecture') && !s.lecturer?.trim()) return { field: 'lecturer', message: '讲法治课、法治讲座须填写主讲人' };
  return null;
}

/** Self sign-in is for the day the session is held; a past session's attendance is entered by the organiser. */
export function signInOpenProblem(s: { heldOn: string; today: string }): string | null {
  if (s.heldOn !== s.today) return `签到只能在活动当天（${s.heldOn}）开启；往日的活动请在「编辑」中登记参加人员`;
  return null;
}

export type AttendeeInput = { userId?: number | null; personName?: string | null };
/** Someone may be listed once per session: by account, or (without an account) by name. */
export function duplicateAttendee(list: readonly AttendeeInput[]): number | null {
  const seen = new Set<string>();
  for (const [i, a] of list.entries()) {
    const key = a.userId ? `u${a.userId}` : `n${(a.personName ?? '').trim()}`;
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return null;
}

export const questionTypes = ['single', 'multiple', 'judge'] as const;
export type QuestionType = (typeof questionTypes)[number];
export const questionTypeLabels: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题' };

/** Options are lettered A, B, C …; a true/false question always has the two options 正确 / 错误. */
export const optionKeys = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export type OptionKey = (typeof optionKeys)[number];
export const judgeOptions = ['正确', '错误'] as const;
export const MAX_OPTIONS = optionKeys.length;

/** The dictionary (platform `dictionaries`) holding the question categories; an admin may add more. */
export const QUESTION_CATEGORY_KIND = 'learning.question_category';

export type QuestionShape = { type: QuestionType; options: readonly string[]; answer: readonly string[] };

/** Sorted, de-duplicated, upper-case option keys: the one form answers and choices are compared in. */
export const normaliseChoice = (choice: readonly string[]): string[] => [...new Set(choice.map((c) => c.trim().toUpperCase()).filter(Boolean))].sort();

/** Null when the question can be asked and graded; otherwise what is wrong, naming the field. */
export function questionProblem(q: QuestionShape): { field: string; message: string } | null {
  const answer = normaliseChoice(q.answer);
  if (q.type === 'judge') {
    if (q.options.length !== 2 || q.options[0] !== judgeOptions[0] || q.options[1] !== judgeOptions[1]) return { field: 'options', message: '判断题的选项固定为「正确」「错误」' };
  } else {
    if (q.options.length < 2) return { field: 'options', message: '选择题至少需要 2 个选项' };
    if (q.options.length > MAX_OPTIONS) return { field: 'options', message: `选择题最多 ${MAX_OPTIONS} 个选项` };
    if (q.options.some((o) => !o.trim())) return { field: 'options', message: '选项内容不能为空' };
    if (new Set(q.options.map((o) => o.trim())).size !== q.options.length) return { field: 'options', message: '选项内容不能重复' };
  }
  const keys = optionKeys.slice(0, q.options.length) as readonly string[];
  if (answer.length === 0) return { field: 'answer', message: '请设置正确答案' };
  if (answer.some((a) => !keys.includes(a))) return { field: 'answer', message: `正确答案须在选项 ${keys.join('、')} 之中` };
  if (q.type !== 'multiple' && answer.length !== 1) return { field: 'answer', message: `${questionTypeLabels[q.type]}只能有一个正确答案` };
  if (q.type === 'multiple' && answer.length < 2) return { field: 'answer', message: '多选题至少有两个正确答案' };
  return null;
}

/** 'AC' / 'A,C' / '正确' → ['A','C'] / ['A']: how answers are written in the Excel question bank. */
export function parseAnswer(type: QuestionType, text: string): string[] {
  const t = text.trim();
  if (type === 'judge') {
    if (['正确', '对', '√', 'A', 'a', 'T', 'true', '是'].includes(t)) return ['A'];
    if (['错误', '错', '×', 'B', 'b', 'F', 'false', '否'].includes(t)) return ['B'];
    return [];
  }
  return normaliseChoice(t.replace(/[\s,，、;；]/g, '').split(''));
}

export const formatAnswer = (type: QuestionType, answer: readonly string[]): string =>
  type === 'judge' ? (answer[0] === 'A' ? judgeOptions[0] : judgeOptions[1]) : normaliseChoice(answer).join('');

// ── grading ────────────────────────────────────────────────────────────────────────────────────────────────

export type GradedItem = { id: number; type: QuestionType; answer: readonly string[]; points: number };
export type ItemGrade = { itemId: number; earned: number; correct: boolean };

/**
 * Points earned on one question. Single choice and true/false: all or nothing. Multiple choice: the exact set
 * scores full points; a partial answer (some right options, none wrong) scores nothing, unless the exam allows
 * partial credit, when it scores half the points (少选得一半分，错选不得分).
 */
export function gradeItem(item: GradedItem, choice: readonly string[] | undefined, partialCredit: boolean): ItemGrade {
  const chosen = normaliseChoice(choice ?? []);
  const answer = normaliseChoice(item.answer);
  const exact = chosen.length === answer.length && chosen.every((c, i) => c === answer[i]);
  if (exact) return { itemId: item.id, earned: item.points, correct: true };
  const partial = item.type === 'multiple' && partialCredit && chosen.length > 0 && chosen.every((c) => answer.includes(c));
  return { itemId: item.id, earned: partial ? item.points / 2 : 0, correct: false };
}

export type Answers = Readonly<Record<string, readonly string[]>>;

export function gradePaper(items: readonly GradedItem[], answers: Answers, partialCredit: boolean): { score: number; total: number; items: ItemGrade[] } {
  const graded = items.map((it) => gradeItem(it, answers[String(it.id)], partialCredit));
  return { score: graded.reduce((s, g) => s + g.earned, 0), total: items.reduce((s, it) => s + it.points, 0), items: graded };
}

export const isPass = (score: number, passScore: number): boolean => score >= passScore;

// ── window, time limit, attempts ──────────────────────────────────────────────────────────────────────────

/** Answers arriving this long after the time limit are still taken (network, a slow phone); later ones are refused. */
export const GRACE_SECONDS = 30;

export type WindowState = 'not_open' | 'open' | 'closed';
export function windowState(opensAt: Date, closesAt: Date, now: Date): WindowState {
  if (now < opensAt) return 'not_open';
  return now < closesAt ? 'open' : 'closed';
}

/** The attempt ends when its time limit runs out, or when the exam closes if that comes first. */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number, closesAt: Date): Date {
  const byLimit = startedAt.getTime() + timeLimitMinutes * 60_000;
  return new Date(Math.min(byLimit, closesAt.getTime()));
}

/** The server takes answers up to the deadline plus the grace; the client's timer is only a display. */
export const acceptsAnswers = (deadline: Date, now: Date, graceSeconds = GRACE_SECONDS): boolean => now.getTime() <= deadline.getTime() + graceSeconds * 1000;

export type AttemptState = 'in_progress' | 'submitted' | 'expired';
/** An attempt not handed in before its deadline (plus grace) counts as handed in with the answers last saved. */
export function attemptState(a: { submittedAt: Date | null; finishedReason?: 'submitted' | 'expired' | null }, deadline: Date, now: Date): AttemptState {
  if (a.submittedAt) return a.finishedReason === 'expired' ? 'expired' : 'submitted';
  return acceptsAnswers(deadline, now) ? 'in_progress' : 'expired';
}

export const secondsLeft = (deadline: Date, now: Date): number => Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));

export type StartRefusal = 'not_open' | 'closed' | 'exhausted' | null;
/** May a new attempt begin? (An attempt still in progress is resumed instead of starting another.) */
export function startRefusal(window: WindowState, attemptsUsed: number, maxAttempts: number): StartRefusal {
  if (window === 'not_open') return 'not_open';
  if (window === 'closed') return 'closed';
  if (attemptsUsed >= maxAttempts) return 'exhausted';
  return null;
}

/** Correct answers and explanations are shown once the window has closed, so they cannot be passed on during it. */
export const reviewAvailable = (closesAt: Date, now: Date): boolean => now >= closesAt;

/** An offline sitting given no date: today while the exam runs, its last day once it is over — never a day to come. */
export const offlineSatOn = (closesAt: Date, today: string): string => [shanghaiDate(closesAt), today].sort()[0] as string;

// ── one result list per exam ──────────────────────────────────────────────────────────────────────────────

export const examModes = ['online', 'offline', 'mixed'] as const;
export type ExamMode = (typeof examModes)[number];
export const examModeLabels: Record<ExamMode, string> = { online: '线上', offline: '线下', mixed: '线上线下结合' };
export const examStatuses = ['draft', 'published'] as const;
export type ExamStatus = (typeof examStatuses)[number];
export const examStatusLabels: Record<ExamStatus, string> = { draft: '草稿', published: '已发布' };

export const allowsOnline = (mode: ExamMode): boolean => mode !== 'offline';
export const allowsOffline = (mode: ExamMode): boolean => mode !== 'online';

/** A score as written on a paper sheet ('88', '72.5', '90分'): a number ≥ 0 in half points, or null. */
export function parseScore(text: string): number | null {
  const t = text.trim();
  const n = Number(t.replace(/分$/, ''));
  return t !== '' && Number.isFinite(n) && n >= 0 && Number.isInteger(n * 2) ? n : null;
}

export type SittingMode = 'online' | 'offline';
export type FinalResult = { score: number | null; mode: SittingMode | null; passed: boolean | null };

/**
 * A person's result in an exam, whichever way they sat it: the best finished online attempt or the offline
 * score, the higher of the two if both exist (on a tie the offline sitting, the paper record, is named).
 */
export function finalResult(bestOnline: number | null, offline: number | null, passScore: number): FinalResult {
  if (bestOnline === null && offline === null) return { score: null, mode: null, passed: null };
  const mode: SittingMode = offline !== null && (bestOnline === null || offline >= bestOnline) ? 'offline' : 'online';
  const score = (mode === 'offline' ? offline : bestOnline) as number;
  return { score, mode, passed: isPass(score, passScore) };
}

export const bestScore = (scores: readonly (number | null)[]): number | null => {
  const real = scores.filter((s): s is number => s !== null);
  return real.length ? Math.max(...real) : null;
};
