import type { Generated } from 'kysely';
import type { DefaultTimestamp, NullableTimestamp, Timestamp, Versioned } from './common.ts';

export type OrgUnitsTable = Versioned & {
  id: Generated<number>;
  parent_id: number | null;
  kind: 'city' | 'county' | 'town' | 'village' | 'community' | 'department';
  name: string;
  code: string | null;
  path: string;
  sort_order: Generated<number>;
};

export type UsersTable = Versioned & {
  id: Generated<number>;
  username: string;
  display_name: string;
  org_unit_id: number;
  title: string | null;
  phone_enc: string | null;
  phone_idx: string | null;
  id_card_enc: string | null;
  id_card_idx: string | null;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  password_changed_at: NullableTimestamp;
  totp_secret_enc: string | null;
  totp_pending_enc: string | null;
  totp_enabled_at: NullableTimestamp;
  totp_last_step: number | null;
};

export type SecurityPolicyTable = {
  id: Generated<number>;
  totp_required_for_admins: Generated<boolean>;
  version: Generated<number>;
  updated_at: DefaultTimestamp;
};

export type RoleAssignmentsTable = {
  id: Generated<number>;
  user_id: number;
  role: string;
  org_unit_id: number;
  granted_by: number | null;
  granted_at: DefaultTimestamp;
  revoked_at: NullableTimestamp;
  revoked_by: number | null;
};

export type SessionsTable = {
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  ended_at: NullableTimestamp;
};

export type AuditLogTable = {
  id: number;
  at: Timestamp;
  actor_id: number | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  org_unit_id: number | null;
  result: 'ok' | 'denied' | 'failed';
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
};

/** The newest audit id of a write, per kind of action (see the figure cache in reports.service.ts). */
export type DataVersionsTable = {
  kind: string;
  audit_id: number;
};

export type AttachmentsTable = {
  id: Generated<number>;
  sha256: string;
  size: number;
  mime: string;
  filename: string;
  org_unit_id: number;
  entity_type: string | null;
  entity_id: string | null;
  uploaded_by: number;
  uploaded_at: DefaultTimestamp;
  version: Generated<number>;
  voided_at: NullableTimestamp;
  voided_by: number | null;
  void_reason: string | null;
};

/** Configurable code lists (dispute types, audience groups …): a module seeds its defaults, an admin edits them. */
export type DictionariesTable = Versioned & {
  id: Generated<number>;
  kind: string;
  code: string;
  label: string;
  sort_order: Generated<number>;
  active: Generated<boolean>;
};

/** An admin's entry of the official 放假安排 where the calendar package does not know the year yet (or is wrong). */
export type CalendarOverridesTable = Versioned & {
  id: Generated<number>;
  on_date: string;
  is_workday: boolean;
  name: Generated<string>;
};
