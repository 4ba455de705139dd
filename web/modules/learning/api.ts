import type {
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
  SignInResult,
  StatsQuery,
  StudySession,
  StudySessionCreate,
  StudySessionQuery,
  StudySessionUpdate,
} from '../../../domain/learning/contracts.ts';
import type { DictionaryEntry, Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { api } from '../../app/http.ts';

type Items<T> = { items: T[] };
type Ok = { ok: boolean };
const base = '/api/learning';

/** Query keys: everything under ['learning'] so one invalidation refreshes the module after a write. */
export const learningKeys = {
  all: ['learning'] as const,
  sessions: ['learning', 'sessions'] as const,
  people: (q: string) => ['learning', 'people', q] as const,
  questions: ['learning', 'questions'] as const,
  categories: ['learning', 'categories'] as const,
  papers: ['learning', 'papers'] as const,
  paper: (id: number) => ['learning', 'papers', id] as const,
  exams: ['learning', 'exams'] as const,
  results: (id: number) => ['learning', 'results', id] as const,
  candidates: (id: number) => ['learning', 'candidates', id] as const,
  myExams: ['learning', 'my-exams'] as const,
  attempt: (id: number) => ['learning', 'attempt', id] as const,
  myRecord: (year?: number) => ['learning', 'my-record', year ?? 'all'] as const,
  personRecord: (userId: number, year?: number) => ['learning', 'record', userId, year ?? 'all'] as const,
  stats: (q: StatsQuery) => ['learning', 'stats', q] as const,
};

export const learningApi = {
  sessions: (q: StudySessionQuery) => api.get<Page<StudySession>>(`${base}/sessions`, q),
  createSession: (body: StudySessionCreate) => api.post<StudySession>(`${base}/sessions`, body),
  updateSession: (id: number, body: StudySessionUpdate) => api.patch<StudySession>(`${base}/sessions/${id}`, body),
  voidSession: (id: number, body: VoidBody) => api.post<Ok>(`${base}/sessions/${id}/void`, body),
  session: (id: number) => api.get<StudySession>(`${base}/sessions/${id}`),
  openSignIn: (id: number, minutes: number, version: number) => api.post<StudySession>(`${base}/sessions/${id}/sign-in`, { minutes, version }),
  closeSignIn: (id: number, version: number) => api.post<StudySession>(`${base}/sessions/${id}/sign-in/close`, { version }),
  signIn: (code: string) => api.post<SignInResult>(`${base}/my/sign-in`, { code }),
  people: (q: PersonQuery) => api.get<Items<Person>>(`${base}/people`, q),

  questions: (q: QuestionQuery) => api.get<Page<Question>>(`${base}/questions`, q),
  createQuestion: (body: QuestionCreate) => api.post<Question>(`${base}/questions`, body),
  updateQuestion: (id: number, body: QuestionUpdate) => api.patch<Question>(`${base}/questions/${id}`, body),
  voidQuestion: (id: number, body: VoidBody) => api.post<Ok>(`${base}/questions/${id}/void`, body),
  categories: () => api.get<Items<DictionaryEntry>>('/api/dictionaries', { kind: 'learning.question_category' }),

  papers: (q: PaperQuery) => api.get<Page<Paper>>(`${base}/papers`, q),
  paper: (id: number) => api.get<Paper>(`${base}/papers/${id}`),
  createPaper: (body: PaperCreate) => api.post<Paper>(`${base}/papers`, body),
  drawPaper: (body: PaperDraw) => api.post<Paper>(`${base}/papers/draw`, body),
  previewDraw: (body: PaperDraw) => api.post<Paper>(`${base}/papers/draw-preview`, body),
  updatePaper: (id: number, body: PaperUpdate) => api.patch<Paper>(`${base}/papers/${id}`, body),
  voidPaper: (id: number, body: VoidBody) => api.post<Ok>(`${base}/papers/${id}/void`, body),

  exams: (q: ExamQuery) => api.get<Page<Exam>>(`${base}/exams`, q),
  exam: (id: number) => api.get<Exam>(`${base}/exams/${id}`),
  createExam: (body: ExamCreate) => api.post<Exam>(`${base}/exams`, body),
  updateExam: (id: number, body: ExamUpdate) => api.patch<Exam>(`${base}/exams/${id}`, body),
  publishExam: (id: number, version: number) => api.post<Exam>(`${base}/exams/${id}/publish`, { version }),
  voidExam: (id: number, body: VoidBody) => api.post<Ok>(`${base}/exams/${id}/void`, body),
  candidates: (id: number) => api.get<Items<Candidate>>(`${base}/exams/${id}/candidates`),
  addCandidates: (id: number, body: CandidatesAdd) => api.post<Items<Candidate>>(`${base}/exams/${id}/candidates`, body),
  removeCandidate: (id: number, body: VoidBody) => api.post<Ok>(`${base}/exam-candidates/${id}/void`, body),
  results: (id: number) => api.get<ExamResults>(`${base}/exams/${id}/results`),
  addOfflineScore: (id: number, body: OfflineScoreCreate) => api.post<ExamResults>(`${base}/exams/${id}/offline-scores`, body),
  updateOfflineScore: (id: number, body: OfflineScoreUpdate) => api.patch<ExamResults>(`${base}/offline-scores/${id}`, body),
  voidOfflineScore: (id: number, body: VoidBody) => api.post<ExamResults>(`${base}/offline-scores/${id}/void`, body),

  myExams: () => api.get<Items<MyExam>>(`${base}/my/exams`),
  start: (examId: number) => api.post<Attempt>(`${base}/my/exams/${examId}/attempts`),
  attempt: (id: number) => api.get<Attempt>(`${base}/my/attempts/${id}`),
  save: (id: number, body: AttemptSave) => api.patch<Attempt>(`${base}/my/attempts/${id}`, body),
  submit: (id: number, body: AttemptSave) => api.post<Attempt>(`${base}/my/attempts/${id}/submit`, body),
  myRecord: (year?: number) => api.get<LearningRecord>(`${base}/my/record`, { year }),
  personRecord: (userId: number, year?: number) => api.get<LearningRecord>(`${base}/people/${userId}/record`, { year }),
  stats: (q: StatsQuery) => api.get<LearningStats>(`${base}/stats`, q),
};

/** Where the .xlsx downloads live (fetched by downloadFile, which keeps the server's error message). */
export const learningFiles = {
  results: (examId: number) => `${base}/exams/${examId}/results.xlsx`,
  stats: `${base}/stats.xlsx`,
};
