import type { Generated } from 'kysely';
import type { DefaultTimestamp, Versioned } from './common.ts';

export type LeadingGroupsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  name: string;
  established_on: string;
  responsibilities: Generated<string>;
  office: Generated<string>;
};

export type LeadingGroupMembersTable = Versioned & {
  id: Generated<number>;
  leading_group_id: number;
  org_unit_id: number;
  user_id: number | null;
  person_name: string;
  office: string;
  represents_org_unit_id: number | null;
  position: 'leader' | 'deputy_leader' | 'member';
  effective_from: string;
  effective_to: string | null;
  appointed_by_meeting_id: number | null;
  change_reason: Generated<string>;
};

export type MeetingsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  leading_group_id: number | null;
  kind: 'special' | 'plenary' | 'other';
  title: string;
  held_on: string;
  place: Generated<string>;
  host: Generated<string>;
  attendees: Generated<string[]>;
  minutes: Generated<string>;
  decisions: Generated<string>;
};

export type GroupTasksTable = Versioned & {
  id: Generated<number>;
  leading_group_id: number;
  org_unit_id: number;
  year: number;
  title: string;
  description: Generated<string>;
  owner_unit_id: number | null;
  owner_name: Generated<string>;
  deadline: string;
  status: 'pending' | 'in_progress' | 'done' | 'cancelled';
};

export type TaskProgressTable = {
  id: Generated<number>;
  task_id: number;
  noted_on: string;
  note: string;
  noted_by: number | null;
  created_at: DefaultTimestamp;
};
