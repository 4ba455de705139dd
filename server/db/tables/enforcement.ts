import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { DefaultTimestamp, Timestamp, Versioned } from './common.ts';

/** numeric(14,2): read as a string (exact), written as a number or string. */
export type Money = ColumnType<string, number | string | undefined, number | string>;
type Json<T extends object> = JSONColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null | undefined, string | null>;

export type EnforcementBodiesTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  office_name: Generated<string>;
  delegation_basis: Generated<string>;
  number_prefix: string;
  address: Generated<string>;
  phone: Generated<string>;
  large_fine_person: Money;
  large_fine_organisation: Money;
  large_confiscation: Money;
};

export type EnforcementOfficersTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  body_id: number;
  user_id: number | null;
  name: string;
  post: Generated<string>;
  full_time: Generated<boolean>;
  active: Generated<boolean>;
};

export type EnforcementLegalReviewersTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  user_id: number;
  name: string;
  started_on: string;
  qualification_number: Generated<string>;
  active: Generated<boolean>;
};

export type EnforcementCertificatesTable = Versioned & {
  id: Generated<number>;
  officer_id: number;
  org_unit_id: number;
  number: string;
  issuer: string;
  valid_from: string;
  valid_until: string;
};

export type EnforcementPowersTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  body_id: number;
  code: string;
  name: string;
  law: string;
  article: string;
  penalty_kinds: string[];
  penalty_range: string;
  fine_min: ColumnType<string | null, number | null | undefined, number | null>;
  fine_max: ColumnType<string | null, number | null | undefined, number | null>;
  discretion: Generated<string>;
  five_year_limitation: Generated<boolean>;
  delegated_from: Generated<string>;
  active: Generated<boolean>;
};

export type EnforcementCountersTable = { id: Generated<number>; org_unit_id: number; year: number; kind: 'filing' | 'decision'; last_number: Generated<number> };

export type EnforcementCasesTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  body_id: number;
  power_id: number;
  procedure: 'simple' | 'ordinary';
  status: 'clue' | 'filing' | 'investigating' | 'reviewing' | 'notified' | 'decided' | 'served' | 'closed' | 'archived' | 'not_filed';
  party_type: 'person' | 'organisation';
  party_name: string;
  party_id_enc: string | null;
  party_id_idx: string | null;
  party_phone_enc: string | null;
  party_address: Generated<string>;
  party_representative: Generated<string>;
  clue_source: Generated<string>;
  summary: string;
  discovered_on: string;
  act_date: string;
  act_end_date: string | null;
  act_place: Generated<string>;
  five_year_limitation: Generated<boolean>;
  investigator_ids: Generated<number[]>;
  filing_number: string | null;
  filed_on: string | null;
  extended_to: string | null;
  filing: NullableJson<Record<string, unknown>>;
  conclusion: NullableJson<Record<string, unknown>>;
  discussion: NullableJson<Record<string, unknown>>;
  notice: NullableJson<Record<string, unknown>>;
  statements: NullableJson<Record<string, unknown>>;
  decision: NullableJson<Record<string, unknown>>;
  decision_number: string | null;
  decided_on: string | null;
  outcome: 'penalty' | 'no_penalty' | 'not_established' | 'transfer' | null;
  fine_amount: Money;
  confiscation_value: Money;
  service: NullableJson<Record<string, unknown>>;
  served_on: string | null;
  payment_due: string | null;
  paid_amount: Money;
  surcharge_paid: Money;
  paid_on: string | null;
  payments: ColumnType<Record<string, unknown>[], string | undefined, string>;
  closing: NullableJson<Record<string, unknown>>;
  closed_on: string | null;
  archived_on: string | null;
  decision_change: NullableJson<Record<string, unknown>>;
  preservations: ColumnType<Record<string, unknown>[], string | undefined, string>;
  payment_plan: NullableJson<Record<string, unknown>>;
  court_enforcement: NullableJson<Record<string, unknown>>;
  chain_head: Generated<string>;
  chain_length: Generated<number>;
  /** Moved in from a town's old case register (台账导入), closed before the platform knew it. */
  imported: Generated<boolean>;
};

export type EnforcementCaseEventsTable = {
  id: Generated<number>;
  case_id: number;
  org_unit_id: number;
  seq: number;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string;
  kind: string;
  summary: string;
  payload: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
};

export type EnforcementEvidenceTable = Versioned & {
  id: Generated<number>;
  case_id: number;
  org_unit_id: number;
  kind: string;
  title: string;
  description: Generated<string>;
  collected_at: Timestamp;
  place: string;
  collector_ids: number[];
  attachment_id: number | null;
  sha256: string | null;
  recorded_by: number | null;
};

export type EnforcementLegalReviewsTable = {
  id: Generated<number>;
  case_id: number;
  org_unit_id: number;
  reviewer_id: number;
  reviewer_name: string;
  reviewed_on: string;
  opinion: 'agree' | 'correct' | 'transfer';
  checks: Json<Record<string, unknown>>;
  comments: string;
  created_at: DefaultTimestamp;
};

export type EnforcementHearingsTable = Versioned & {
  id: Generated<number>;
  case_id: number;
  org_unit_id: number;
  requested_on: string;
  notified_on: string | null;
  hearing_on: string | null;
  place: Generated<string>;
  presider_id: number | null;
  presider_name: Generated<string>;
  public: Generated<boolean>;
  held_on: string | null;
  party_attended: boolean | null;
  minutes: Generated<string>;
  waived: Generated<boolean>;
};

export type EnforcementPublicationsTable = Versioned & {
  id: Generated<number>;
  case_id: number;
  org_unit_id: number;
  published_on: string;
  due_on: string;
  content: Json<Record<string, unknown>>;
  withdrawn_on: string | null;
  withdraw_reason: string | null;
  withdraw_due: string | null;
};

export type EnforcementReviewStandardsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  items: Json<{ code: string; label: string; points: number; veto: boolean }[]>;
  excellent_min: number;
  pass_min: number;
};

export type EnforcementReviewRoundsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  standard_id: number;
  title: string;
  held_on: string;
  partner: Generated<string>;
  reviewers: Generated<string>;
  summary: Generated<string>;
};

export type EnforcementFileReviewsTable = Versioned & {
  id: Generated<number>;
  round_id: number;
  case_id: number;
  org_unit_id: number;
  reviewed_on: string;
  reviewer: string;
  deductions: Json<Record<string, number>>;
  vetoed: Generated<string[]>;
  total: number;
  grade: 'excellent' | 'pass' | 'fail';
  comments: Generated<string>;
};

export type EnforcementFindingsTable = Versioned & {
  id: Generated<number>;
  file_review_id: number;
  case_id: number;
  org_unit_id: number;
  document: Generated<string>;
  category: string;
  description: string;
  assignee_id: number | null;
  assignee_name: string;
  due_on: string | null;
  status: 'open' | 'rectified' | 'closed';
  rectified_on: string | null;
  rectification: Generated<string>;
  rechecked_on: string | null;
  rechecked_by: Generated<string>;
};
