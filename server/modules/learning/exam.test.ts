import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRACE_SECONDS } from '../../../domain/learning/rules.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';

let env: TestEnv;
let coordinator: Session;
let zhifa1: Session;
let zhifa2: Session;
let cungb: Session;
let shuji: Session;
let ducha: Session;
let town = 0;
/** Question ids: a single choice (answer B), a multiple choice (A, C, D), a true/false (正确). */
const q = { single: 0, multiple: 0, judge: 0 };
let paperId = 0;

const iso = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toISOString();
const db = () => env.platform.db;

type ExamOptions = { opensIn?: number; closesIn?: number; timeLimitMinutes?: number; maxAttempts?: number; partialCredit?: boolean; mode?: 'online' | 'offline' | 'mixed' };
/** A published exam on the three-question paper (single 40, multiple 40, true/false 20; pass 60). */
async function exam(title: string, o: ExamOptions = {}) {
  const created = await coordinator.request('POST', '/api/learning/exams', {
    orgUnitId: town,
    title,
    paperId,
    mode: o.mode ?? 'online',
    opensAt: iso(o.opensIn ?? -60),
    closesAt: iso(o.closesIn ?? 60),
    timeLimitMinutes: o.timeLimitMinutes ?? 20,
    maxAttempts: o.maxAttempts ?? 1,
    passScore: 60,
    partialCredit: o.partialCredit ?? false,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const published = await coordinator.request('POST', `/api/learning/exams/${created.body.id}/publish`, { version: created.body.version });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body as { id: number; version: number; candidateCount: number };
}

type AttemptBody = { id: number; version: number; status: string; score: number | null; passed: boolean | null; questions: { itemId: number; type: string; review?: unknown }[] };
async function start(who: Session, examId: number): Promise<AttemptBody> {
  const res = await who.request('POST', `/api/learning/my/exams/${examId}/attempts`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
/** Answers by question type: the items of the paper in its order are single, multiple, judge. */
const answers = (a: AttemptBody, choices: { single?: string[]; multiple?: string[]; judge?: string[] }) =>
  a.questions.map((it) => ({ itemId: it.itemId, choice: choices[it.type as 'single' | 'multiple' | 'judge'] ?? [] }));

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, zhifa1, zhifa2, cungb, shuji, ducha] = await Promise.all(['sifasuo', 'zhifa1', 'zhifa2', 'cungb', 'shuji', 'ducha'].map((u) => login(env.app, u)));
  town = await unitId(env, '四棵树镇');
  const make = async (body: object) => {
    const res = await coordinator.request('POST', '/api/learning/questions', { orgUnitId: town, category: 'admin_penalty', law: '中华人民共和国行政处罚法', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.id as number;
  };
  q.single = await make({
    type: 'single',
    stem: '违法行为在几年内未被发现的，不再给予行政处罚？',
    options: ['一年', '二年', '三年', '五年'],
    answer: ['B'],
    explanation: '解析：第三十六条，二年。',
  });
  q.multiple = await make({
    type: 'multiple',
    stem: '下列属于行政处罚的有？',
    options: ['警告', '记过', '罚款', '行政拘留'],
    answer: ['A', 'C', 'D'],
    explanation: '解析：记过是政务处分。',
  });
  q.judge = await make({ type: 'judge', stem: '同一个违法行为不得给予两次以上罚款。', answer: ['A'], explanation: '解析：一事不再罚。' });
  const paper = await coordinator.request('POST', '/api/learning/papers', {
    orgUnitId: town,
    title: '测试卷',
    items: [
      { questionId: q.single, points: 40 },
      { questionId: q.multiple, points: 40 },
      { questionId: q.judge, points: 20 },
    ],
  });
  expect(paper.status, JSON.stringify(paper.body)).toBe(200);
  paperId = paper.body.id;
});
afterAll(async () => env?.close());

describe('grading on the server', () => {
  it('grades single, multiple and true/false; a partial multiple-choice answer scores nothing by default', async () => {
    const e = await exam('严格评分');
    expect(e.candidateCount).toBeGreaterThanOrEqual(10);
    const a = await start(zhifa1, e.id);
    expect(a.questions.map((x) => x.type)).toEqual(['single', 'multiple', 'judge']);
    // No answers or explanations travel while the exam runs.
    expect(JSON.stringify(a)).not.toMatch(/解析|"answer"/);
    const done = await zhifa1.request('POST', `/api/learning/my/attempts/${a.id}/submit`, {
      version: a.version,
      answers: answers(a, { single: ['B'], multiple: ['A', 'C'], judge: ['A'] }),
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'submitted', score: 60, passed: true, totalPoints: 100 });

    const b = await start(zhifa2, e.id);
    const full = await zhifa2.request('POST', `/api/learning/my/attempts/${b.id}/submit`, {
      version: b.version,
      answers: answers(b, { single: ['B'], multiple: ['D', 'C', 'A'], judge: ['B'] }),
    });
    expect(full.body).toMatchObject({ score: 80, passed: true });
  });

  it('gives half points for a partial multiple-choice answer when the exam says so, nothing for a wrong option', async () => {
    const e = await exam('少选得一半分', { partialCredit: true });
    const a = await start(zhifa1, e.id);
    const partial = await zhifa1.request('POST', `/api/learning/my/attempts/${a.id}/submit`, {
      version: a.version,
      answers: answers(a, { single: ['A'], multiple: ['A', 'D'], judge: ['A'] }),
    });
    expect(partial.body).toMatchObject({ score: 40, passed: false });
    const b = await start(zhifa2, e.id);
    const wrongOption = await zhifa2.request('POST', `/api/learning/my/attempts/${b.id}/submit`, {
      version: b.version,
      answers: answers(b, { single: ['B'], multiple: ['A', 'B'], judge: ['A'] }),
    });
    expect(wrongOption.body).toMatchObject({ score: 60, passed: true });
  });

  it('grades the stored answers: autosaved answers count, later saves replace earlier ones, the client sends no score', async () => {
    const e = await exam('自动保存');
    const a = await start(cungb, e.id);
    const s1 = await cungb.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: a.version, answers: answers(a, { single: ['A'], judge: ['A'] }) });
    expect(s1.status).toBe(200);
    expect(s1.body.questions.map((x: { choice: string[] }) => x.choice)).toEqual([['A'], [], ['A']]);
    const s2 = await cungb.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: s1.body.version, answers: [{ itemId: a.questions[0]?.itemId, choice: ['B'] }] });
    expect(s2.body.questions.map((x: { choice: string[] }) => x.choice)).toEqual([['B'], [], ['A']]);
    // A stale autosave (another tab) is refused rather than overwriting.
    const stale = await cungb.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: s1.body.version, answers: [] });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const done = await cungb.request('POST', `/api/learning/my/attempts/${a.id}/submit`, { version: s2.body.version, answers: [], score: 100 });
    expect(done.body).toMatchObject({ score: 60, status: 'submitted' });
    const again = await cungb.request('POST', `/api/learning/my/attempts/${a.id}/submit`, { version: done.body.version, answers: [] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EXAM_ATTEMPT_FINISHED');
  });

  it('refuses an answer to a question not on the paper or outside its options (400, field named)', async () => {
    const e = await exam('非法答案');
    const a = await start(zhifa1, e.id);
    const foreign = await zhifa1.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: a.version, answers: [{ itemId: 999999, choice: ['A'] }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].field).toBe('answers.0.itemId');
    const twoForSingle = await zhifa1.request('PATCH', `/api/learning/my/attempts/${a.id}`, {
      version: a.version,
      answers: [{ itemId: a.questions[0]?.itemId, choice: ['A', 'B'] }],
    });
    expect(twoForSingle.status).toBe(400);
    expect(twoForSingle.body.error.details[0].field).toBe('answers.0.choice');
    const offPaper = await zhifa1.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: a.version, answers: [{ itemId: a.questions[2]?.itemId, choice: ['C'] }] });
    expect(offPaper.status).toBe(400);
    const badKey = await zhifa1.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: a.version, answers: [{ itemId: a.questions[0]?.itemId, choice: ['Z'] }] });
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.message).toBe('「选项」的取值不在允许范围内');
  });
});

describe('the time limit is kept on the server', () => {
  const backdate = (attemptId: number, seconds: number) =>
    sql`update exam_attempts set started_at = started_at - make_interval(secs => ${seconds}) where id = ${attemptId}`.execute(db());

  it('takes answers within the limit plus the grace, refuses them after, and hands in what was last saved', async () => {
    const e = await exam('限时', { timeLimitMinutes: 10 });
    const a = await start(zhifa1, e.id);
    expect(new Date((a as unknown as { deadlineAt: string }).deadlineAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    const saved = await zhifa1.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: a.version, answers: answers(a, { single: ['B'] }) });
    expect(saved.status).toBe(200);

    // 10 minutes and 10 seconds later: past the limit, inside the grace.
    await backdate(a.id, 10 * 60 + 10);
    const late = await zhifa1.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: saved.body.version, answers: answers(a, { single: ['B'], judge: ['A'] }) });
    expect(late.status).toBe(200);
    expect(late.body.status).toBe('in_progress');
    expect(late.body.secondsLeft).toBe(0);

    // Beyond the grace: refused, and the attempt is handed in with the answers saved before.
    await backdate(a.id, GRACE_SECONDS);
    const tooLate = await zhifa1.request('POST', `/api/learning/my/attempts/${a.id}/submit`, {
      version: late.body.version,
      answers: answers(a, { single: ['B'], multiple: ['A', 'C', 'D'], judge: ['A'] }),
    });
    expect(tooLate.status).toBe(409);
    expect(tooLate.body.error.code).toBe('EXAM_TIME_UP');
    const row = await db().selectFrom('exam_attempts').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(row.finished_reason).toBe('expired');
    expect(Number(row.score)).toBe(60);
    expect(row.answers[String(a.questions[1]?.itemId)]).toEqual([]);
    const view = await zhifa1.request('GET', `/api/learning/my/attempts/${a.id}`);
    expect(view.body).toMatchObject({ status: 'expired', score: 60 });
    // The single allowed attempt is used up.
    const again = await zhifa1.request('POST', `/api/learning/my/exams/${e.id}/attempts`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EXAM_ATTEMPTS_EXHAUSTED');
  });

  it('counts an attempt nobody touched after its time ran out with its saved answers in the result list', async () => {
    const e = await exam('超时未交', { timeLimitMinutes: 5 });
    const a = await start(zhifa2, e.id);
    await zhifa2.request('PATCH', `/api/learning/my/attempts/${a.id}`, { version: a.version, answers: answers(a, { single: ['B'], judge: ['A'] }) });
    await backdate(a.id, 6 * 60);
    const results = await coordinator.request('GET', `/api/learning/exams/${e.id}/results`);
    const line = results.body.items.find((r: { personName: string }) => r.personName === '赵海燕');
    expect(line).toMatchObject({ score: 60, sittingMode: 'online', passed: true, online: { attempts: 1, bestScore: 60, inProgress: false } });
  });

  it('never runs an attempt past the exam’s closing time', async () => {
    const e = await exam('临近结束', { timeLimitMinutes: 60, closesIn: 5 });
    const a = (await start(zhifa1, e.id)) as AttemptBody & { deadlineAt: string; secondsLeft: number };
    expect(a.secondsLeft).toBeLessThanOrEqual(5 * 60);
    expect(Math.abs(new Date(a.deadlineAt).getTime() - (Date.now() + 5 * 60_000))).toBeLessThan(5_000);
  });
});

describe('attempts and the window', () => {
  it('allows the attempts the exam allows, resumes an open one, then refuses (409)', async () => {
    const e = await exam('两次机会', { maxAttempts: 2 });
    const first = await start(shuji, e.id);
    const resumed = await start(shuji, e.id);
    expect(resumed.id).toBe(first.id);
    await shuji.request('POST', `/api/learning/my/attempts/${first.id}/submit`, { version: first.version, answers: answers(first, { single: ['A'] }) });
    const second = await start(shuji, e.id);
    expect(second.id).not.toBe(first.id);
    await shuji.request('POST', `/api/learning/my/attempts/${second.id}/submit`, {
      version: second.version,
      answers: answers(second, { single: ['B'], multiple: ['A', 'C', 'D'] }),
    });
    const third = await shuji.request('POST', `/api/learning/my/exams/${e.id}/attempts`);
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({ code: 'EXAM_ATTEMPTS_EXHAUSTED' });
    const mine = (await shuji.request('GET', '/api/learning/my/exams')).body.items.find((x: { id: number }) => x.id === e.id);
    expect(mine).toMatchObject({ attemptsUsed: 2, canStart: false, score: 80, passed: true });
    const results = await coordinator.request('GET', `/api/learning/exams/${e.id}/results`);
    expect(results.body.items.find((r: { personName: string }) => r.personName === '王建军')).toMatchObject({ score: 80, online: { attempts: 2, bestScore: 80 } });
  });

  it('refuses to start before the window opens and after it closes (409)', async () => {
    const later = await exam('尚未开始', { opensIn: 60, closesIn: 120 });
    const early = await zhifa1.request('POST', `/api/learning/my/exams/${later.id}/attempts`);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('EXAM_NOT_OPEN');
    const past = await exam('已经结束', { opensIn: -120, closesIn: -60 });
    const closed = await zhifa1.request('POST', `/api/learning/my/exams/${past.id}/attempts`);
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({ code: 'EXAM_CLOSED', message: '测试已结束' });
  });

  it('shows correct answers and explanations only once the window has closed', async () => {
    const e = await exam('解析', { closesIn: 30 });
    const a = await start(zhifa2, e.id);
    const done = await zhifa2.request('POST', `/api/learning/my/attempts/${a.id}/submit`, {
      version: a.version,
      answers: answers(a, { single: ['A'], multiple: ['A', 'C', 'D'], judge: ['A'] }),
    });
    expect(done.body).toMatchObject({ score: 60, reviewAvailable: false });
    const before = await zhifa2.request('GET', `/api/learning/my/attempts/${a.id}`);
    expect(before.status).toBe(200);
    expect(before.body.questions.every((x: { review?: unknown }) => x.review === undefined)).toBe(true);
    expect(JSON.stringify(before.body)).not.toContain('解析：');

    await db()
      .updateTable('exams')
      .set({ opens_at: iso(-120), closes_at: iso(-1) })
      .where('id', '=', e.id)
      .execute();
    const after = await zhifa2.request('GET', `/api/learning/my/attempts/${a.id}`);
    expect(after.body.reviewAvailable).toBe(true);
    expect(after.body.questions[0].review).toEqual({
      answer: ['B'],
      earned: 0,
      correct: false,
      explanation: '解析：第三十六条，二年。',
      law: '中华人民共和国行政处罚法',
      article: '',
    });
    expect(after.body.questions[1].review).toMatchObject({ correct: true, earned: 40 });
  });

  it('refuses online answers to an offline exam, and offline scores for an online one', async () => {
    const offline = await exam('纯线下', { mode: 'offline' });
    const res = await zhifa1.request('POST', `/api/learning/my/exams/${offline.id}/attempts`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EXAM_MODE');
    const online = await exam('纯线上');
    const score = await coordinator.request('POST', `/api/learning/exams/${online.id}/offline-scores`, { personName: '王磊', score: 80, satOn: '2024-06-01' });
    expect(score.status).toBe(409);
    expect(score.body.error.code).toBe('EXAM_MODE');
  });
});

describe('one result list, online and offline side by side', () => {
  let examId = 0;
  it('lists a cadre’s online result beside offline scores, by account and by name', async () => {
    const e = await exam('线上线下结合', { mode: 'mixed' });
    examId = e.id;
    const a = await start(zhifa1, e.id);
    await zhifa1.request('POST', `/api/learning/my/attempts/${a.id}/submit`, {
      version: a.version,
      answers: answers(a, { single: ['B'], multiple: ['A', 'C', 'D'], judge: ['A'] }),
    });
    const cungbId = (await db().selectFrom('users').select('id').where('username', '=', 'cungb').executeTakeFirstOrThrow()).id;
    const byAccount = await coordinator.request('POST', `/api/learning/exams/${e.id}/offline-scores`, { userId: cungbId, score: 55, satOn: '2024-12-05' });
    expect(byAccount.status, JSON.stringify(byAccount.body)).toBe(200);
    const village = await unitId(env, '夹河子村');
    const byName = await coordinator.request('POST', `/api/learning/exams/${e.id}/offline-scores`, {
      personName: '买买提·艾力',
      orgUnitId: village,
      score: 72.5,
      satOn: '2024-12-05',
      note: '纸质试卷',
    });
    expect(byName.status).toBe(200);

    const { body } = await coordinator.request('GET', `/api/learning/exams/${e.id}/results`);
    const line = (name: string) => body.items.find((r: { personName: string }) => r.personName === name);
    expect(line('马国强')).toMatchObject({ sittingMode: 'online', score: 100, passed: true, offline: null });
    expect(line('刘长青')).toMatchObject({ sittingMode: 'offline', score: 55, passed: false, online: null, offline: { score: 55, satOn: '2024-12-05' } });
    expect(line('买买提·艾力')).toMatchObject({ sittingMode: 'offline', score: 72.5, userId: null, orgUnitName: '夹河子村' });
    expect(body.summary).toMatchObject({ participants: 3, online: 1, offline: 2, passed: 2, passRate: 66.7 });
    expect(body.summary.candidates).toBe(body.items.length);
  });

  it('refuses a second offline score for the same person, a score above the paper’s total, and a stale edit', async () => {
    const results = (await coordinator.request('GET', `/api/learning/exams/${examId}/results`)).body;
    const row = results.items.find((r: { personName: string }) => r.personName === '刘长青');
    const dup = await coordinator.request('POST', `/api/learning/exams/${examId}/offline-scores`, { candidateId: row.candidateId, score: 60, satOn: '2024-12-05' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('DUPLICATE');
    const tooHigh = await coordinator.request('POST', `/api/learning/exams/${examId}/offline-scores`, { personName: '新人', score: 101, satOn: '2024-12-05' });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.details).toEqual([{ field: 'score', message: '成绩不能高于试卷总分 100 分' }]);
    const edited = await coordinator.request('PATCH', `/api/learning/offline-scores/${row.offline.id}`, { score: 65, version: row.offline.version });
    expect(edited.status).toBe(200);
    expect(edited.body.items.find((r: { personName: string }) => r.personName === '刘长青')).toMatchObject({ score: 65, passed: true });
    const stale = await coordinator.request('PATCH', `/api/learning/offline-scores/${row.offline.id}`, { score: 70, version: row.offline.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('exports the result list to .xlsx (audited as learning.export)', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/learning/exams/${examId}/results.xlsx`, headers: { cookie: coordinator.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const rows: string[] = [];
    wb.worksheets[0]?.eachRow((r) => {
      rows.push((r.values as unknown[]).slice(1).join('|'));
    });
    expect(rows[0]).toContain('线上最高分');
    expect(rows.some((r) => r.includes('马国强') && r.includes('|100|') && r.includes('线上'))).toBe(true);
    expect(rows.some((r) => r.includes('买买提·艾力') && r.includes('72.5') && r.includes('线下'))).toBe(true);
    const audit = await db().selectFrom('audit_log').selectAll().where('action', '=', 'learning.export').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ entity_type: 'exam', entity_id: String(examId) });
  });
});

describe('who sees what', () => {
  it('a cadre cannot see the result list, someone else’s record or attempt, or the question bank; they see their own', async () => {
    const e = await exam('权限');
    const a = await start(zhifa1, e.id);
    for (const url of [
      `/api/learning/exams/${e.id}/results`,
      `/api/learning/exams/${e.id}/results.xlsx`,
      '/api/learning/exams',
      '/api/learning/questions',
      `/api/learning/papers/${paperId}`,
      '/api/learning/stats?year=2024',
    ]) {
      const res = await zhifa2.request('GET', url);
      expect(res.status, url).toBe(403);
    }
    const zhifa1Id = (await db().selectFrom('users').select('id').where('username', '=', 'zhifa1').executeTakeFirstOrThrow()).id;
    expect((await zhifa2.request('GET', `/api/learning/people/${zhifa1Id}/record`)).status).toBe(403);
    const other = await zhifa2.request('GET', `/api/learning/my/attempts/${a.id}`);
    expect(other.status).toBe(404);
    const hijack = await zhifa2.request('POST', `/api/learning/my/attempts/${a.id}/submit`, { version: a.version, answers: [] });
    expect(hijack.status).toBe(404);
    const mine = await zhifa1.request('GET', '/api/learning/my/record');
    expect(mine.status).toBe(200);
    expect(mine.body.displayName).toBe('马国强');
    // A leader reads results and records but not the bank (it holds the answers to tests they sit).
    expect((await shuji.request('GET', `/api/learning/exams/${e.id}/results`)).status).toBe(200);
    expect((await shuji.request('GET', `/api/learning/people/${zhifa1Id}/record`)).status).toBe(200);
    expect((await shuji.request('GET', '/api/learning/questions')).status).toBe(403);
  });

  it('someone outside the candidates cannot find the exam; a supervisor reads but cannot write', async () => {
    const e = await exam('应考名单外');
    const res = await ducha.request('POST', `/api/learning/my/exams/${e.id}/attempts`);
    expect(res.status).toBe(404);
    expect((await ducha.request('GET', `/api/learning/exams/${e.id}/results`)).status).toBe(200);
    expect((await ducha.request('POST', `/api/learning/exams/${e.id}/offline-scores`, { personName: '某人', score: 60, satOn: '2024-12-05' })).status).toBe(403);
  });
});

describe('exam states and bad input', () => {
  it('keeps the rules fixed once published (409) and refuses publishing twice', async () => {
    const e = await exam('已发布');
    const change = await coordinator.request('PATCH', `/api/learning/exams/${e.id}`, { passScore: 10, version: e.version });
    expect(change.status).toBe(409);
    expect(change.body.error).toMatchObject({ code: 'EXAM_STATE', details: [{ field: 'passScore' }] });
    const rename = await coordinator.request('PATCH', `/api/learning/exams/${e.id}`, { title: '已发布（改名）', version: e.version });
    expect(rename.status).toBe(200);
    const twice = await coordinator.request('POST', `/api/learning/exams/${e.id}/publish`, { version: rename.body.version });
    expect(twice.status).toBe(409);
    const stale = await coordinator.request('PATCH', `/api/learning/exams/${e.id}`, { title: '再改', version: e.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
  });

  it.each([
    [{ type: 'single', category: 'admin_penalty', options: ['甲', '乙'], answer: ['A'] }, 'stem', '请填写「题干」'],
    [{ type: 'single', category: 'admin_penalty', stem: '题', options: ['甲', '乙'], answer: ['A', 'B'] }, 'answer', '单选题只能有一个正确答案'],
    [{ type: 'multiple', category: 'admin_penalty', stem: '题', options: ['甲', '乙', '丙'], answer: ['A'] }, 'answer', '多选题至少有两个正确答案'],
    [{ type: 'single', category: 'no_such', stem: '题', options: ['甲', '乙'], answer: ['A'] }, 'category', '不在字典中'],
    [{ type: 'essay', category: 'admin_penalty', stem: '题', options: [], answer: ['A'] }, 'type', '「题型」的取值不在允许范围内'],
  ])('refuses question %j (400, field %s)', async (body, field, message) => {
    const res = await coordinator.request('POST', '/api/learning/questions', { orgUnitId: town, ...body });
    expect(res.status).toBe(400);
    const details = [res.body.error.details].flat();
    expect(details[0].field).toBe(field);
    expect(res.body.error.message).toContain(message);
  });

  it('refuses an exam whose window ends before it starts or whose pass mark exceeds the paper', async () => {
    const base = { orgUnitId: town, title: '坏测试', paperId, mode: 'online', timeLimitMinutes: 10, maxAttempts: 1 };
    const backwards = await coordinator.request('POST', '/api/learning/exams', { ...base, opensAt: iso(60), closesAt: iso(0), passScore: 60 });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual([{ field: 'closesAt', message: '结束时间应晚于开始时间' }]);
    const tooHigh = await coordinator.request('POST', '/api/learning/exams', { ...base, opensAt: iso(0), closesAt: iso(60), passScore: 120 });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.details[0].field).toBe('passScore');
    const noTime = await coordinator.request('POST', '/api/learning/exams', { ...base, opensAt: 'tomorrow', closesAt: iso(60), passScore: 60 });
    expect(noTime.status).toBe(400);
    expect(noTime.body.error.message).toBe('「开始时间」格式不正确');
  });
});

describe('question bank and papers', () => {
  it('draws the same random paper for the same seed, and names the rule the bank cannot meet', async () => {
    const body = {
      orgUnitId: town,
      title: '随机卷',
      seed: 7,
      rules: [
        { type: 'single', count: 5, points: 4 },
        { type: 'judge', count: 3, points: 5 },
      ],
    };
    const one = await coordinator.request('POST', '/api/learning/papers/draw-preview', body);
    const two = await coordinator.request('POST', '/api/learning/papers/draw-preview', body);
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    expect(one.body.items.map((i: { questionId: number }) => i.questionId)).toEqual(two.body.items.map((i: { questionId: number }) => i.questionId));
    expect(one.body).toMatchObject({ totalPoints: 35, questionCount: 8, seed: 7 });
    const saved = await coordinator.request('POST', '/api/learning/papers/draw', body);
    expect(saved.body.items.map((i: { questionId: number }) => i.questionId)).toEqual(one.body.items.map((i: { questionId: number }) => i.questionId));
    const short = await coordinator.request('POST', '/api/learning/papers/draw-preview', {
      ...body,
      rules: [{ type: 'multiple', category: 'admin_penalty', count: 50, points: 2 }],
    });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'PAPER_RULE', details: [{ field: 'rules.0.count' }] });
    expect(short.body.error.message).toContain('行政处罚法');
  });

  it('keeps a paper’s questions as they were when it was made', async () => {
    const before = (await coordinator.request('GET', `/api/learning/papers/${paperId}`)).body;
    const question = (await coordinator.request('GET', '/api/learning/questions?pageSize=200')).body.items.find((x: { id: number }) => x.id === q.judge);
    const edited = await coordinator.request('PATCH', `/api/learning/questions/${q.judge}`, { stem: '改过的题干', version: question.version });
    expect(edited.status).toBe(200);
    const after = (await coordinator.request('GET', `/api/learning/papers/${paperId}`)).body;
    expect(after.items[2].stem).toBe(before.items[2].stem);
    const voidUsed = await coordinator.request('POST', `/api/learning/papers/${paperId}/void`, { reason: '试试', version: after.version });
    expect(voidUsed.status).toBe(409);
  });
});
