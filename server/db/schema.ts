import type { GroupTasksTable, LeadingGroupMembersTable, LeadingGroupsTable, MeetingsTable, TaskProgressTable } from './tables/org.ts';
import type {
  AttachmentsTable,
  AuditLogTable,
  CalendarOverridesTable,
  DictionariesTable,
  OrgUnitsTable,
  RoleAssignmentsTable,
  SessionsTable,
  UsersTable,
} from './tables/platform.ts';
import type { AnnualReportsTable } from './tables/reports.ts';

/** The one DB interface: every table the migrations create, as Kysely sees it. */
export type DB = {
  org_units: OrgUnitsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  attachments: AttachmentsTable;
  dictionaries: DictionariesTable;
  calendar_overrides: CalendarOverridesTable;
  leading_groups: LeadingGroupsTable;
  leading_group_members: LeadingGroupMembersTable;
  meetings: MeetingsTable;
  group_tasks: GroupTasksTable;
  task_progress: TaskProgressTable;
  annual_reports: AnnualReportsTable;
};
