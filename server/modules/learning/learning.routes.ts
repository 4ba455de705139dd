import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  Attempt,
  AttemptSave,
  Candidate,
  CandidatesAdd,
  Exam,
  ExamCreate,
  ExamQuery,
  ExamResults,
  ExamUpdate,
  LearningRecord,
  LearningStats,
  MyExam,
  OfflineScoreCreate,
  OfflineScoreUpdate,
  Paper,
  PaperCreate,
  PaperDraw,
  PaperQuery,
  PaperUpdate,
  Person,
  PersonQuery,
  Question,
  QuestionCreate,
  QuestionQuery,
  QuestionUpdate,
  RecordQuery,
  SignInBody,
  SignInOpen,
  SignInResult,
  StatsQuery,
  StudySession,
  StudySessionCreate,
  StudySessionQuery,
  StudySessionUpdate,
  VersionBody,
} from '../../../domain/learning/contracts.ts';
import { IdParams, Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as attempts from './attempt.service.ts';
import * as bank from './bank.service.ts';
import * as exams from './exam.service.ts';
import * as sessions from './session.service.ts';
import * as stats from './stats.service.ts';

const Ok = Type.Object({ ok: Type.Boolean() });
const ok = { ok: true };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, filename: string, file: Buffer) {
  reply.header('content-type', XLSX);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return reply.send(file);
}

/** 学法用法: study sessions with attendance, the question bank and papers, exams online and offline, records and figures. */
export const learningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const t = { sessions: ['学法用法·学法活动'], bank: ['学法用法·题库与试卷'], exams: ['学法用法·法律知识测试'], mine: ['学法用法·我的学习'], stats: ['学法用法·统计'] };

  app.get('/sessions', { schema: { tags: t.sessions, summary: '学法活动列表', querystring: StudySessionQuery, response: { 200: Page(StudySession) } } }, async (req) =>
    sessions.listSessions(ctxOf(req), req.query),
  );
  app.get('/sessions/:id', { schema: { tags: t.sessions, summary: '学法活动详情（含参加人员）', params: IdParams, response: { 200: StudySession } } }, async (req) =>
    sessions.getSession(ctxOf(req), req.params.id),
  );
  app.post('/sessions', { schema: { tags: t.sessions, summary: '登记学法活动', body: StudySessionCreate, response: { 200: StudySession } } }, async (req) =>
    sessions.createSession(ctxOf(req), req.body),
  );
  app.patch(
    '/sessions/:id',
    { schema: { tags: t.sessions, summary: '修改学法活动（attendees 为完整名单）', params: IdParams, body: StudySessionUpdate, response: { 200: StudySession } } },
    async (req) => sessions.updateSession(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/sessions/:id/sign-in',
    { schema: { tags: t.sessions, summary: '开启签到（活动当天，生成6位签到码）', params: IdParams, body: SignInOpen, response: { 200: StudySession } } },
    async (req) => sessions.openSignIn(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/sessions/:id/sign-in/close',
    { schema: { tags: t.sessions, summary: '结束签到', params: IdParams, body: VersionBody, response: { 200: StudySession } } },
    async (req) => sessions.closeSignIn(ctxOf(req), req.params.id, req.body),
  );
  app.post('/my/sign-in', { schema: { tags: t.mine, summary: '用签到码签到', body: SignInBody, response: { 200: SignInResult } } }, async (req) =>
    sessions.signIn(ctxOf(req), req.body),
  );
  app.post('/sessions/:id/void', { schema: { tags: t.sessions, summary: '作废学法活动', params: IdParams, body: VoidBody, response: { 200: Ok } } }, async (req) => {
    await sessions.voidSession(ctxOf(req), req.params.id, req.body);
    return ok;
  });
  app.get(
    '/people',
    { schema: { tags: t.sessions, summary: '可选人员（账号）', querystring: PersonQuery, response: { 200: Type.Object({ items: Type.Array(Person) }) } } },
    async (req) => ({
      items: await sessions.listPeople(ctxOf(req), req.query),
    }),
  );

  app.get('/questions', { schema: { tags: t.bank, summary: '题库', querystring: QuestionQuery, response: { 200: Page(Question) } } }, async (req) =>
    bank.listQuestions(ctxOf(req), req.query),
  );
  app.post('/questions', { schema: { tags: t.bank, summary: '新增题目', body: QuestionCreate, response: { 200: Question } } }, async (req) =>
    bank.createQuestion(ctxOf(req), req.body),
  );
  app.patch('/questions/:id', { schema: { tags: t.bank, summary: '修改题目', params: IdParams, body: QuestionUpdate, response: { 200: Question } } }, async (req) =>
    bank.updateQuestion(ctxOf(req), req.params.id, req.body),
  );
  app.post('/questions/:id/void', { schema: { tags: t.bank, summary: '作废题目', params: IdParams, body: VoidBody, response: { 200: Ok } } }, async (req) => {
    await bank.voidQuestion(ctxOf(req), req.params.id, req.body);
    return ok;
  });

  app.get('/papers', { schema: { tags: t.bank, summary: '试卷列表', querystring: PaperQuery, response: { 200: Page(Paper) } } }, async (req) =>
    bank.listPapers(ctxOf(req), req.query),
  );
  app.get('/papers/:id', { schema: { tags: t.bank, summary: '试卷（含试题与答案）', params: IdParams, response: { 200: Paper } } }, async (req) =>
    bank.getPaper(ctxOf(req), req.params.id),
  );
  app.post('/papers', { schema: { tags: t.bank, summary: '手工组卷', body: PaperCreate, response: { 200: Paper } } }, async (req) => bank.createPaper(ctxOf(req), req.body));
  app.post('/papers/draw', { schema: { tags: t.bank, summary: '按规则随机组卷（同一种子、同一题库得同一试卷）', body: PaperDraw, response: { 200: Paper } } }, async (req) =>
    bank.drawRandomPaper(ctxOf(req), req.body),
  );
  app.post('/papers/draw-preview', { schema: { tags: t.bank, summary: '预览随机组卷（不保存）', body: PaperDraw, response: { 200: Paper } } }, async (req) =>
    bank.previewDraw(ctxOf(req), req.body),
  );
  app.patch('/papers/:id', { schema: { tags: t.bank, summary: '修改试卷名称', params: IdParams, body: PaperUpdate, response: { 200: Paper } } }, async (req) =>
    bank.updatePaper(ctxOf(req), req.params.id, req.body),
  );
  app.post('/papers/:id/void', { schema: { tags: t.bank, summary: '作废试卷', params: IdParams, body: VoidBody, response: { 200: Ok } } }, async (req) => {
    await bank.voidPaper(ctxOf(req), req.params.id, req.body);
    return ok;
  });

  app.get('/exams', { schema: { tags: t.exams, summary: '测试列表', querystring: ExamQuery, response: { 200: Page(Exam) } } }, async (req) =>
    exams.listExams(ctxOf(req), req.query),
  );
  app.get('/exams/:id', { schema: { tags: t.exams, summary: '测试详情', params: IdParams, response: { 200: Exam } } }, async (req) => exams.getExam(ctxOf(req), req.params.id));
  app.post('/exams', { schema: { tags: t.exams, summary: '新建测试（草稿）', body: ExamCreate, response: { 200: Exam } } }, async (req) => exams.createExam(ctxOf(req), req.body));
  app.patch(
    '/exams/:id',
    { schema: { tags: t.exams, summary: '修改测试（发布后只能改名称、说明、结束时间）', params: IdParams, body: ExamUpdate, response: { 200: Exam } } },
    async (req) => exams.updateExam(ctxOf(req), req.params.id, req.body),
  );
  app.post('/exams/:id/publish', { schema: { tags: t.exams, summary: '发布测试（生成应考名单）', params: IdParams, body: VersionBody, response: { 200: Exam } } }, async (req) =>
    exams.publishExam(ctxOf(req), req.params.id, req.body.version),
  );
  app.post('/exams/:id/void', { schema: { tags: t.exams, summary: '作废测试（尚无成绩时）', params: IdParams, body: VoidBody, response: { 200: Ok } } }, async (req) => {
    await exams.voidExam(ctxOf(req), req.params.id, req.body);
    return ok;
  });
  const Candidates = Type.Object({ items: Type.Array(Candidate) });
  app.get('/exams/:id/candidates', { schema: { tags: t.exams, summary: '应考人员', params: IdParams, response: { 200: Candidates } } }, async (req) => ({
    items: await exams.listCandidates(ctxOf(req), req.params.id),
  }));
  app.post('/exams/:id/candidates', { schema: { tags: t.exams, summary: '增加应考人员', params: IdParams, body: CandidatesAdd, response: { 200: Candidates } } }, async (req) => ({
    items: await exams.addCandidates(ctxOf(req), req.params.id, req.body),
  }));
  app.post(
    '/exam-candidates/:id/void',
    { schema: { tags: t.exams, summary: '移出应考名单（尚无成绩时）', params: IdParams, body: VoidBody, response: { 200: Ok } } },
    async (req) => {
      await exams.removeCandidate(ctxOf(req), req.params.id, req.body);
      return ok;
    },
  );
  app.get('/exams/:id/results', { schema: { tags: t.exams, summary: '成绩（线上、线下同一名单）', params: IdParams, response: { 200: ExamResults } } }, async (req) =>
    exams.examResults(ctxOf(req), req.params.id),
  );
  app.get('/exams/:id/results.xlsx', { schema: { tags: t.exams, summary: '导出成绩（.xlsx）', params: IdParams } }, async (req, reply) => {
    const { filename, file } = await exams.exportResults(ctxOf(req), req.params.id);
    return sendXlsx(reply, filename, file);
  });
  app.post(
    '/exams/:id/offline-scores',
    { schema: { tags: t.exams, summary: '录入线下成绩', params: IdParams, body: OfflineScoreCreate, response: { 200: ExamResults } } },
    async (req) => exams.addOfflineScore(ctxOf(req), req.params.id, req.body),
  );
  app.patch(
    '/offline-scores/:id',
    { schema: { tags: t.exams, summary: '修改线下成绩', params: IdParams, body: OfflineScoreUpdate, response: { 200: ExamResults } } },
    async (req) => exams.updateOfflineScore(ctxOf(req), req.params.id, req.body),
  );
  app.post('/offline-scores/:id/void', { schema: { tags: t.exams, summary: '作废线下成绩', params: IdParams, body: VoidBody, response: { 200: ExamResults } } }, async (req) =>
    exams.voidOfflineScore(ctxOf(req), req.params.id, req.body),
  );

  app.get('/my/exams', { schema: { tags: t.mine, summary: '我的测试', querystring: RecordQuery, response: { 200: Type.Object({ items: Type.Array(MyExam) }) } } }, async (req) => ({
    items: await attempts.myExams(ctxOf(req), req.query.year),
  }));
  app.post('/my/exams/:id/attempts', { schema: { tags: t.mine, summary: '开始作答（有未交卷的作答时继续该次）', params: IdParams, response: { 200: Attempt } } }, async (req) =>
    attempts.startAttempt(ctxOf(req), req.params.id),
  );
  app.get('/my/attempts/:id', { schema: { tags: t.mine, summary: '作答（测试结束后含答案与解析）', params: IdParams, response: { 200: Attempt } } }, async (req) =>
    attempts.getAttempt(ctxOf(req), req.params.id),
  );
  app.patch('/my/attempts/:id', { schema: { tags: t.mine, summary: '自动保存答案', params: IdParams, body: AttemptSave, response: { 200: Attempt } } }, async (req) =>
    attempts.saveAnswers(ctxOf(req), req.params.id, req.body),
  );
  app.post('/my/attempts/:id/submit', { schema: { tags: t.mine, summary: '交卷（服务器评分）', params: IdParams, body: AttemptSave, response: { 200: Attempt } } }, async (req) =>
    attempts.submitAttempt(ctxOf(req), req.params.id, req.body),
  );
  app.get('/my/record', { schema: { tags: t.mine, summary: '我的学习记录', querystring: RecordQuery, response: { 200: LearningRecord } } }, async (req) =>
    stats.myRecord(ctxOf(req), req.query.year),
  );

  app.get(
    '/people/:id/record',
    { schema: { tags: t.stats, summary: '某人的学习记录', params: IdParams, querystring: RecordQuery, response: { 200: LearningRecord } } },
    async (req) => stats.personRecord(ctxOf(req), req.params.id, req.query.year),
  );
  app.get(
    '/stats',
    { schema: { tags: t.stats, summary: '学法用法统计（按类型与月份、人次、参考率与及格率）', querystring: StatsQuery, response: { 200: LearningStats } } },
    async (req) => stats.learningStats(ctxOf(req), req.query),
  );
  app.get('/stats.xlsx', { schema: { tags: t.stats, summary: '导出统计（.xlsx）', querystring: StatsQuery } }, async (req, reply) => {
    const { filename, file } = await stats.exportStats(ctxOf(req), req.query);
    return sendXlsx(reply, filename, file);
  });
};
