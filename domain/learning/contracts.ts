import { type Static, Type } from 'typebox';
import { DateString, Id, Input, Literals, optional, pageFields, Text, Version } from '../platform/contracts.ts';
import { MAX_SEED } from './draw.ts';
import { examModes, examStatuses, optionKeys, questionTypes, sessionKinds } from './rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
/** An instant with its offset ('2024-06-17T09:00:00+08:00' or …Z). */
const Instant = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})$' });
const Year = Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 });
const Score = (title: string) => Type.Number({ title, minimum: 0, maximum: 1000, multipleOf: 0.5 });
const OptionKey = Literals(optionKeys, '选项');

// ── study sessions and attendance ─────────────────────────────────────────────────────────────────────────

export const SessionKind = Literals(sessionKinds, '活动类型');
export const Attendee = Type.Object({
  id: Type.Integer(),
  userId: Nullable(Type.Integer()),
  personName: Type.String(),
  orgUnitId: Nullable(Type.Integer()),
  orgUnitName: Nullable(Type.String()),
});
export type Attendee = Static<typeof Attendee>;
/** An attendee with an account (userId), or someone without one (a village cadre without login) by name. */
export const AttendeeInput = Input({
  userId: Type.Optional(Id('参加人员')),
  personName: Type.Optional(Text('参加人员姓名', 32)),
  orgUnitId: Type.Optional(Id('所在单位')),
});
export type AttendeeInput = Static<typeof AttendeeInput>;
const Attendees = Type.Array(AttendeeInput, { title: '参加人员', maxItems: 500 });

export const StudySession = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  kind: SessionKind,
  title: Type.String(),
  heldOn: Type.String(),
  place: Type.String(),
  lecturer: Type.String(),
  lecturerUserId: Nullable(Type.Integer()),
  organiser: Type.String(),
  laws: Type.Array(Type.String()),
  summary: Type.String(),
  personTimes: Type.Integer({ description: '参加人次：出勤记录条数，不可手填' }),
  attendees: Type.Array(Attendee),
  /** The open sign-in, shown only to those who may edit the session. */
  signIn: Nullable(Type.Object({ code: Type.String(), until: Type.String() })),
  version: Type.Integer(),
});
export type StudySession = Static<typeof StudySession>;
export const SignInOpen = Input({ minutes: Type.Integer({ title: '签到时长（分钟）', minimum: 5, maximum: 240 }), version: Version });
export type SignInOpen = Static<typeof SignInOpen>;
export const SignInBody = Input({ code: Type.String({ title: '签到码', pattern: '^\\d{6}$' }) });
export type SignInBody = Static<typeof SignInBody>;
export const SignInResult = Type.Object({ sessionId: Type.Integer(), title: Type.String(), heldOn: Type.String(), alreadySigned: Type.Boolean() });
export type SignInResult = Static<typeof SignInResult>;
const sessionFields = {
  kind: SessionKind,
  title: Text('学习主题', 200),
  heldOn: DateString('活动日期'),
  place: Type.Optional(Type.String({ title: '地点', maxLength: 200 })),
  lecturer: Type.Optional(Type.String({ title: '主讲人', maxLength: 32 })),
  lecturerUserId: Type.Optional(Id('主讲人账号')),
  organiser: Type.Optional(Type.String({ title: '组织者', maxLength: 64 })),
  laws: Type.Optional(Type.Array(Text('法律法规', 100), { title: '学习的法律法规', maxItems: 50 })),
  summary: Type.Optional(Type.String({ title: '学习内容', maxLength: 20000 })),
};
export const StudySessionCreate = Input({ orgUnitId: Id('组织单位'), ...sessionFields, attendees: Type.Optional(Attendees) });
export type StudySessionCreate = Static<typeof StudySessionCreate>;
/** `attendees`, when given, replaces the whole list (removed rows are voided, never deleted). */
export const StudySessionUpdate = Input({ ...optional(sessionFields), attendees: Type.Optional(Attendees), version: Version });
export type StudySessionUpdate = Static<typeof StudySessionUpdate>;
export const StudySessionQuery = Input({
  ...pageFields,
  year: Type.Optional(Year),
  kind: Type.Optional(SessionKind),
  orgUnitId: Type.Optional(Id('组织单位')),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
});
export type StudySessionQuery = Static<typeof StudySessionQuery>;

/** People the coordinator may pick (accounts in their scope). */
export const Person = Type.Object({ id: Type.Integer(), displayName: Type.String(), title: Nullable(Type.String()), orgUnitId: Type.Integer(), orgUnitName: Type.String() });
export type Person = Static<typeof Person>;
export const PersonQuery = Input({ q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })), orgUnitId: Type.Optional(Id('单位')) });
export type PersonQuery = Static<typeof PersonQuery>;

// ── question bank ─────────────────────────────────────────────────────────────────────────────────────────

export const QuestionType = Literals(questionTypes, '题型');
export const Question = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  type: QuestionType,
  category: Type.String(),
  categoryLabel: Type.String(),
  stem: Type.String(),
  options: Type.Array(Type.String()),
  answer: Type.Array(Type.String()),
  explanation: Type.String(),
  law: Type.String(),
  article: Type.String(),
  version: Type.Integer(),
});
export type Question = Static<typeof Question>;
const questionFields = {
  type: QuestionType,
  category: Type.String({ title: '题目类别', pattern: '^[a-z0-9_]+$', minLength: 1, maxLength: 64 }),
  stem: Text('题干', 1000),
  options: Type.Array(Text('选项', 300), { title: '选项', maxItems: 8, description: '判断题可省略（固定为「正确」「错误」）' }),
  answer: Type.Array(OptionKey, { title: '正确答案', minItems: 1, maxItems: 8 }),
  explanation: Type.Optional(Type.String({ title: '答案解析', maxLength: 2000 })),
  law: Type.Optional(Type.String({ title: '法律依据', maxLength: 100 })),
  article: Type.Optional(Type.String({ title: '条款', maxLength: 100 })),
};
export const QuestionCreate = Input({ orgUnitId: Id('所属单位'), ...questionFields, options: Type.Optional(questionFields.options) });
export type QuestionCreate = Static<typeof QuestionCreate>;
export const QuestionUpdate = Input({ ...optional(questionFields), version: Version });
export type QuestionUpdate = Static<typeof QuestionUpdate>;
export const QuestionQuery = Input({
  ...pageFields,
  type: Type.Optional(QuestionType),
  category: Type.Optional(Type.String({ title: '题目类别', maxLength: 64 })),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
});
export type QuestionQuery = Static<typeof QuestionQuery>;

// ── papers ────────────────────────────────────────────────────────────────────────────────────────────────

export const DrawRule = Input({
  type: QuestionType,
  category: Type.Optional(Type.String({ title: '题目类别', maxLength: 64 })),
  count: Type.Integer({ title: '题数', minimum: 1, maximum: 200 }),
  points: Type.Integer({ title: '每题分值', minimum: 1, maximum: 100 }),
});
export type DrawRule = Static<typeof DrawRule>;
export const PaperItem = Type.Object({
  id: Type.Integer(),
  position: Type.Integer(),
  questionId: Type.Integer(),
  type: QuestionType,
  category: Type.String(),
  stem: Type.String(),
  options: Type.Array(Type.String()),
  answer: Type.Array(Type.String()),
  explanation: Type.String(),
  law: Type.String(),
  article: Type.String(),
  points: Type.Integer(),
});
export type PaperItem = Static<typeof PaperItem>;
export const Paper = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  title: Type.String(),
  method: Literals(['manual', 'random'] as const, '组卷方式'),
  seed: Nullable(Type.Integer()),
  rules: Type.Array(DrawRule),
  totalPoints: Type.Integer(),
  questionCount: Type.Integer(),
  examCount: Type.Integer(),
  version: Type.Integer(),
  items: Type.Optional(Type.Array(PaperItem)),
});
export type Paper = Static<typeof Paper>;
const PaperItemInput = Input({ questionId: Id('题目'), points: Type.Integer({ title: '分值', minimum: 1, maximum: 100 }) });
export const PaperCreate = Input({
  orgUnitId: Id('所属单位'),
  title: Text('试卷名称', 200),
  items: Type.Array(PaperItemInput, { title: '试题', minItems: 1, maxItems: 200 }),
});
export type PaperCreate = Static<typeof PaperCreate>;
export const PaperDraw = Input({
  orgUnitId: Id('所属单位'),
  title: Text('试卷名称', 200),
  seed: Type.Optional(Type.Integer({ title: '随机种子', minimum: 0, maximum: MAX_SEED })),
  rules: Type.Array(DrawRule, { title: '组卷规则', minItems: 1, maxItems: 20 }),
});
export type PaperDraw = Static<typeof PaperDraw>;
export const PaperUpdate = Input({ title: Text('试卷名称', 200), version: Version });
export type PaperUpdate = Static<typeof PaperUpdate>;
export const PaperQuery = Input({ ...pageFields, q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })) });
export type PaperQuery = Static<typeof PaperQuery>;

// ── exams ─────────────────────────────────────────────────────────────────────────────────────────────────

export const ExamMode = Literals(examModes, '测试方式');
export const ExamStatus = Literals(examStatuses, '状态');
export const Exam = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  title: Type.String(),
  description: Type.String(),
  paperId: Type.Integer(),
  paperTitle: Type.String(),
  totalPoints: Type.Integer(),
  questionCount: Type.Integer(),
  mode: ExamMode,
  opensAt: Type.String(),
  closesAt: Type.String(),
  timeLimitMinutes: Type.Integer(),
  maxAttempts: Type.Integer(),
  passScore: Type.Number(),
  partialCredit: Type.Boolean(),
  status: ExamStatus,
  candidateCount: Type.Integer(),
  version: Type.Integer(),
});
export type Exam = Static<typeof Exam>;
const examFields = {
  title: Text('测试名称', 200),
  description: Type.Optional(Type.String({ title: '说明', maxLength: 2000 })),
  paperId: Id('试卷'),
  mode: ExamMode,
  opensAt: Instant('开始时间'),
  closesAt: Instant('结束时间'),
  timeLimitMinutes: Type.Integer({ title: '答题时限（分钟）', minimum: 1, maximum: 600 }),
  maxAttempts: Type.Integer({ title: '允许作答次数', minimum: 1, maximum: 10 }),
  passScore: Score('及格分'),
  partialCredit: Type.Optional(Type.Boolean({ title: '多选题少选得一半分' })),
};
export const ExamCreate = Input({ orgUnitId: Id('组织单位'), ...examFields });
export type ExamCreate = Static<typeof ExamCreate>;
export const ExamUpdate = Input({ ...optional(examFields), version: Version });
export type ExamUpdate = Static<typeof ExamUpdate>;
export const ExamQuery = Input({
  ...pageFields,
  year: Type.Optional(Year),
  status: Type.Optional(ExamStatus),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
});
export type ExamQuery = Static<typeof ExamQuery>;
/** The 线下考试成绩台账's export: the offline scores of one exam, or of a year's exams, in scope. */
export const ExamScoreQuery = Input({ examId: Type.Optional(Id('测试')), year: Type.Optional(Year) });
export type ExamScoreQuery = Static<typeof ExamScoreQuery>;
export const VersionBody = Input({ version: Version });

export const Candidate = Type.Object({
  id: Type.Integer(),
  userId: Nullable(Type.Integer()),
  personName: Type.String(),
  orgUnitId: Nullable(Type.Integer()),
  orgUnitName: Nullable(Type.String()),
});
export type Candidate = Static<typeof Candidate>;
export const CandidatesAdd = Input({
  userIds: Type.Optional(Type.Array(Id('人员'), { title: '人员', maxItems: 500 })),
  names: Type.Optional(Type.Array(Input({ personName: Text('姓名', 32), orgUnitId: Type.Optional(Id('所在单位')) }), { title: '无账号人员', maxItems: 500 })),
});
export type CandidatesAdd = Static<typeof CandidatesAdd>;

export const SittingMode = Literals(['online', 'offline'] as const, '参考方式');
export const OfflineScore = Type.Object({ id: Type.Integer(), score: Type.Number(), satOn: Type.String(), note: Type.String(), version: Type.Integer() });
export type OfflineScore = Static<typeof OfflineScore>;
/** One line of an exam's one result list: the candidate, their online attempts and offline score side by side. */
export const ResultRow = Type.Object({
  candidateId: Type.Integer(),
  candidateVersion: Type.Integer(),
  userId: Nullable(Type.Integer()),
  personName: Type.String(),
  orgUnitId: Nullable(Type.Integer()),
  orgUnitName: Nullable(Type.String()),
  online: Nullable(
    Type.Object({
      attempts: Type.Integer(),
      bestScore: Nullable(Type.Number()),
      lastFinishedAt: Nullable(Type.String()),
      inProgress: Type.Boolean(),
    }),
  ),
  offline: Nullable(OfflineScore),
  score: Nullable(Type.Number()),
  sittingMode: Nullable(SittingMode),
  passed: Nullable(Type.Boolean()),
});
export type ResultRow = Static<typeof ResultRow>;
export const Summary = Type.Object({
  candidates: Type.Integer(),
  participants: Type.Integer(),
  passed: Type.Integer(),
  online: Type.Integer(),
  offline: Type.Integer(),
  participationRate: Nullable(Type.Number()),
  passRate: Nullable(Type.Number()),
  averageScore: Nullable(Type.Number()),
});
export type Summary = Static<typeof Summary>;
export const ExamResults = Type.Object({ exam: Exam, summary: Summary, items: Type.Array(ResultRow) });
export type ExamResults = Static<typeof ExamResults>;

export const OfflineScoreCreate = Input({
  candidateId: Type.Optional(Id('应考人员')),
  userId: Type.Optional(Id('人员')),
  personName: Type.Optional(Text('姓名', 32)),
  orgUnitId: Type.Optional(Id('所在单位')),
  score: Score('成绩'),
  satOn: DateString('考试日期'),
  note: Type.Optional(Type.String({ title: '备注', maxLength: 200 })),
});
export type OfflineScoreCreate = Static<typeof OfflineScoreCreate>;
export const OfflineScoreUpdate = Input({
  score: Type.Optional(Score('成绩')),
  satOn: Type.Optional(DateString('考试日期')),
  note: Type.Optional(Type.String({ title: '备注', maxLength: 200 })),
  version: Version,
});
export type OfflineScoreUpdate = Static<typeof OfflineScoreUpdate>;

// ── taking an exam ────────────────────────────────────────────────────────────────────────────────────────

export const WindowState = Literals(['not_open', 'open', 'closed'] as const, '测试状态');
export const MyExam = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  orgUnitName: Type.String(),
  mode: ExamMode,
  opensAt: Type.String(),
  closesAt: Type.String(),
  timeLimitMinutes: Type.Integer(),
  maxAttempts: Type.Integer(),
  attemptsUsed: Type.Integer(),
  totalPoints: Type.Integer(),
  questionCount: Type.Integer(),
  passScore: Type.Number(),
  window: WindowState,
  openAttemptId: Nullable(Type.Integer()),
  lastAttemptId: Nullable(Type.Integer()),
  canStart: Type.Boolean(),
  score: Nullable(Type.Number()),
  sittingMode: Nullable(SittingMode),
  passed: Nullable(Type.Boolean()),
  reviewAvailable: Type.Boolean(),
});
export type MyExam = Static<typeof MyExam>;

export const AttemptStatus = Literals(['in_progress', 'submitted', 'expired'] as const, '作答状态');
export const AttemptQuestion = Type.Object({
  itemId: Type.Integer(),
  position: Type.Integer(),
  type: QuestionType,
  stem: Type.String(),
  options: Type.Array(Type.String()),
  points: Type.Integer(),
  choice: Type.Array(Type.String()),
  /** Only once the exam's window has closed. */
  review: Type.Optional(
    Type.Object({ answer: Type.Array(Type.String()), earned: Type.Number(), correct: Type.Boolean(), explanation: Type.String(), law: Type.String(), article: Type.String() }),
  ),
});
export const Attempt = Type.Object({
  id: Type.Integer(),
  examId: Type.Integer(),
  examTitle: Type.String(),
  number: Type.Integer(),
  maxAttempts: Type.Integer(),
  status: AttemptStatus,
  startedAt: Type.String(),
  deadlineAt: Type.String(),
  submittedAt: Nullable(Type.String()),
  serverNow: Type.String(),
  secondsLeft: Type.Integer(),
  totalPoints: Type.Integer(),
  passScore: Type.Number(),
  score: Nullable(Type.Number()),
  passed: Nullable(Type.Boolean()),
  reviewAvailable: Type.Boolean(),
  closesAt: Type.String(),
  questions: Type.Array(AttemptQuestion),
  version: Type.Integer(),
});
export type Attempt = Static<typeof Attempt>;
export const AttemptAnswers = Type.Array(Input({ itemId: Id('题目'), choice: Type.Array(OptionKey, { title: '所选答案', maxItems: 8 }) }), { title: '答案', maxItems: 200 });
export const AttemptSave = Input({ answers: AttemptAnswers, version: Version });
export type AttemptSave = Static<typeof AttemptSave>;

// ── records and statistics ────────────────────────────────────────────────────────────────────────────────

export const RecordSession = Type.Object({
  sessionId: Type.Integer(),
  kind: SessionKind,
  title: Type.String(),
  heldOn: Type.String(),
  orgUnitName: Type.String(),
  lecturer: Type.String(),
});
export const RecordExam = Type.Object({
  examId: Type.Integer(),
  title: Type.String(),
  closesAt: Type.String(),
  mode: ExamMode,
  score: Nullable(Type.Number()),
  sittingMode: Nullable(SittingMode),
  passed: Nullable(Type.Boolean()),
  totalPoints: Type.Integer(),
  passScore: Type.Number(),
});
export const LearningRecord = Type.Object({
  userId: Type.Integer(),
  displayName: Type.String(),
  orgUnitName: Type.String(),
  year: Nullable(Type.Integer()),
  sessions: Type.Array(RecordSession),
  sessionsByKind: Type.Record(Type.String(), Type.Integer()),
  exams: Type.Array(RecordExam),
});
export type LearningRecord = Static<typeof LearningRecord>;
export const RecordQuery = Input({ year: Type.Optional(Year) });

export const StatsQuery = Input({ year: Year, orgUnitId: Type.Optional(Id('单位')) });
export type StatsQuery = Static<typeof StatsQuery>;
const KindCounts = Type.Record(Type.String(), Type.Integer());
export const LearningStats = Type.Object({
  year: Type.Integer(),
  sessions: Type.Object({
    total: Type.Integer(),
    byKind: KindCounts,
    byKindMonth: Type.Record(Type.String(), Type.Array(Type.Integer())),
    personTimes: Type.Integer(),
    personTimesByKind: KindCounts,
  }),
  exams: Type.Array(Type.Object({ examId: Type.Integer(), title: Type.String(), mode: ExamMode, closesAt: Type.String(), ...Summary.properties })),
  examTotals: Summary,
  units: Type.Array(
    Type.Object({ orgUnitId: Nullable(Type.Integer()), orgUnitName: Type.String(), personTimes: Type.Integer(), sessionsAttendedBy: Type.Integer(), ...Summary.properties }),
  ),
  people: Type.Array(
    Type.Object({
      userId: Nullable(Type.Integer()),
      personName: Type.String(),
      orgUnitName: Type.String(),
      personTimes: Type.Integer(),
      personTimesByKind: KindCounts,
      examsExpected: Type.Integer(),
      examsSat: Type.Integer(),
      examsPassed: Type.Integer(),
      averageScore: Nullable(Type.Number()),
    }),
  ),
});
export type LearningStats = Static<typeof LearningStats>;
