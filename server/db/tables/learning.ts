import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp, Versioned } from './common.ts';

/** numeric(6,1): pg hands it over as a string; written as a number. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
type QuestionTypeColumn = 'single' | 'multiple' | 'judge';

export type StudySessionsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  kind: 'center_group' | 'leader_lecture' | 'integrity' | 'enforcement_training' | 'legal_lecture' | 'other';
  title: string;
  held_on: string;
  place: Generated<string>;
  lecturer: Generated<string>;
  lecturer_user_id: number | null;
  organiser: Generated<string>;
  laws: Generated<string[]>;
  summary: Generated<string>;
  sign_in_code: string | null;
  sign_in_until: NullableTimestamp;
};

export type AttendancesTable = Versioned & {
  id: Generated<number>;
  session_id: number;
  user_id: number | null;
  person_name: string;
  org_unit_id: number | null;
};

export type QuestionsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  type: QuestionTypeColumn;
  category: string;
  stem: string;
  options: string[];
  answer: string[];
  explanation: Generated<string>;
  law: Generated<string>;
  article: Generated<string>;
};

export type PapersTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  title: string;
  method: 'manual' | 'random';
  seed: number | null;
  rules: ColumnType<unknown, string | undefined, string>;
  total_points: number;
};

export type PaperItemsTable = {
  id: Generated<number>;
  paper_id: number;
  position: number;
  question_id: number;
  type: QuestionTypeColumn;
  category: string;
  stem: string;
  options: string[];
  answer: string[];
  explanation: Generated<string>;
  law: Generated<string>;
  article: Generated<string>;
  points: number;
};

export type ExamsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  title: string;
  description: Generated<string>;
  paper_id: number;
  mode: 'online' | 'offline' | 'mixed';
  opens_at: Timestamp;
  closes_at: Timestamp;
  time_limit_minutes: number;
  max_attempts: number;
  pass_score: Numeric;
  partial_credit: Generated<boolean>;
  status: Generated<'draft' | 'published'>;
  published_at: NullableTimestamp;
};

export type ExamCandidatesTable = Versioned & {
  id: Generated<number>;
  exam_id: number;
  user_id: number | null;
  person_name: string;
  org_unit_id: number | null;
};

export type ExamAttemptsTable = Versioned & {
  id: Generated<number>;
  exam_id: number;
  candidate_id: number;
  user_id: number;
  number: number;
  started_at: Timestamp;
  /** item id (as a string) → chosen option keys */
  answers: ColumnType<Record<string, string[]>, string | undefined, string>;
  saved_at: NullableTimestamp;
  submitted_at: NullableTimestamp;
  finished_reason: 'submitted' | 'expired' | null;
  score: NullableNumeric;
};

export type OfflineScoresTable = Versioned & {
  id: Generated<number>;
  exam_id: number;
  candidate_id: number;
  score: Numeric;
  sat_on: string;
  note: Generated<string>;
  entered_by: number | null;
};
