import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Versioned } from './common.ts';

/** numeric(14,2): read as string (pg), written as string. */
type Money = ColumnType<string | null, string | null | undefined, string | null>;

export type MediationCommitteesTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  term_start: string;
  target_days: Generated<number>;
  address: Generated<string>;
  phone: Generated<string>;
};

export type MediationMembersTable = Versioned & {
  id: Generated<number>;
  committee_id: number;
  name: string;
  gender: 'female' | 'male';
  ethnicity: Generated<string>;
  position: 'director' | 'deputy_director' | 'member' | 'mediator';
  title: Generated<string>;
  phone_enc: string | null;
  phone_idx: string | null;
  joined_on: string;
  left_on: string | null;
  leave_reason: Generated<string>;
};

export type MediationTrainingsTable = {
  id: Generated<number>;
  member_id: number;
  trained_on: string;
  title: string;
  hours: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  organiser: Generated<string>;
  recorded_by: number | null;
  created_at: DefaultTimestamp;
};

export type DisputesTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  committee_id: number;
  number: string;
  year: number;
  seq: number | null;
  source: 'application' | 'initiative' | 'referral';
  referral_from: 'hotline_12345' | 'police' | 'court' | 'other' | null;
  referral_note: Generated<string>;
  type_code: string;
  summary: string;
  amount: Money;
  disclosure: Generated<'private' | 'public'>;
  registered_on: string;
  status: 'registered' | 'mediating' | 'refused' | 'succeeded' | 'failed' | 'terminated';
  accepted_on: string | null;
  due_on: string | null;
  mediator_ids: Generated<number[]>;
  refused_on: string | null;
  refusing_party: Generated<string>;
  refusal_reason: Generated<string>;
  closed_on: string | null;
  agreement_kind: 'written' | 'oral' | null;
  facts: Generated<string>;
  responsibilities: Generated<string>;
  terms: Generated<string>;
  performance_method: Generated<string>;
  performance_deadline: Generated<string>;
  other_channels: Generated<string[]>;
  close_note: Generated<string>;
  judicial_applied_on: string | null;
  judicial_court: Generated<string>;
  judicial_result: 'pending' | 'confirmed' | 'invalid' | 'rejected' | null;
  judicial_result_on: string | null;
  judicial_note: Generated<string>;
  registered_by: number | null;
};

export type DisputePartiesTable = Versioned & {
  id: Generated<number>;
  dispute_id: number;
  sort_order: Generated<number>;
  kind: 'person' | 'organisation';
  role: 'applicant' | 'respondent' | 'other';
  name: string;
  gender: 'female' | 'male' | null;
  id_number_enc: string | null;
  id_number_idx: string | null;
  phone_enc: string | null;
  phone_idx: string | null;
  address: Generated<string>;
};

export type DisputeSessionsTable = Versioned & {
  id: Generated<number>;
  dispute_id: number;
  held_on: string;
  place: string;
  mediators: Generated<string[]>;
  attendees: Generated<string[]>;
  record: string;
  recorded_by: number | null;
};

export type DisputeFollowUpsTable = {
  id: Generated<number>;
  dispute_id: number;
  followed_on: string;
  method: 'visit' | 'phone' | 'other';
  performance: 'performed' | 'performing' | 'partial' | 'not_performed';
  note: Generated<string>;
  recorded_by: number | null;
  created_at: DefaultTimestamp;
};
