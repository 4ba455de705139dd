import type { CounselEngagementsTable, CounselMattersTable, LawsuitHearingsTable, LawsuitsTable } from './tables/counsel.ts';
import type {
  EnforcementBodiesTable,
  EnforcementCaseEventsTable,
  EnforcementCasesTable,
  EnforcementCertificatesTable,
  EnforcementCountersTable,
  EnforcementEvidenceTable,
  EnforcementFileReviewsTable,
  EnforcementFindingsTable,
  EnforcementHearingsTable,
  EnforcementLegalReviewersTable,
  EnforcementLegalReviewsTable,
  EnforcementOfficersTable,
  EnforcementPowersTable,
  EnforcementPublicationsTable,
  EnforcementReviewRoundsTable,
  EnforcementReviewStandardsTable,
} from './tables/enforcement.ts';
import type {
  AttendancesTable,
  ExamAttemptsTable,
  ExamCandidatesTable,
  ExamsTable,
  OfflineScoresTable,
  PaperItemsTable,
  PapersTable,
  QuestionsTable,
  StudySessionsTable,
} from './tables/learning.ts';
import type {
  DisputeFollowUpsTable,
  DisputePartiesTable,
  DisputeSessionsTable,
  DisputesTable,
  MediationCommitteesTable,
  MediationMembersTable,
  MediationTrainingsTable,
} from './tables/mediation.ts';
import type { GroupTasksTable, LeadingGroupMembersTable, LeadingGroupsTable, MeetingsTable, TaskProgressTable } from './tables/org.ts';
import type {
  AttachmentsTable,
  AuditLogTable,
  CalendarOverridesTable,
  DataVersionsTable,
  DictionariesTable,
  OrgUnitsTable,
  RoleAssignmentsTable,
  SecurityPolicyTable,
  SessionsTable,
  UsersTable,
} from './tables/platform.ts';
import type { PublicityCampaignsTable, PublicityEventsTable, PublicityLawsTable, PublicityPlansTable, PublicityResponsibilitiesTable } from './tables/publicity.ts';
import type { AnnualReportsTable, AnnualReportVersionsTable } from './tables/reports.ts';
import type {
  VillageDisclosuresTable,
  VillageHearingsTable,
  VillageHonoursTable,
  VillageInspectionItemsTable,
  VillageInspectionsTable,
  VillageProfilesTable,
  VillageRulesTable,
  VillageRuleVersionsTable,
} from './tables/villages.ts';

/** The one DB interface: every table the migrations create, as Kysely sees it. */
export type DB = {
  org_units: OrgUnitsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  security_policy: SecurityPolicyTable;
  audit_log: AuditLogTable;
  data_versions: DataVersionsTable;
  attachments: AttachmentsTable;
  dictionaries: DictionariesTable;
  calendar_overrides: CalendarOverridesTable;
  leading_groups: LeadingGroupsTable;
  leading_group_members: LeadingGroupMembersTable;
  meetings: MeetingsTable;
  group_tasks: GroupTasksTable;
  task_progress: TaskProgressTable;
  annual_reports: AnnualReportsTable;
  annual_report_versions: AnnualReportVersionsTable;
  enforcement_bodies: EnforcementBodiesTable;
  enforcement_officers: EnforcementOfficersTable;
  enforcement_legal_reviewers: EnforcementLegalReviewersTable;
  enforcement_certificates: EnforcementCertificatesTable;
  enforcement_powers: EnforcementPowersTable;
  enforcement_counters: EnforcementCountersTable;
  enforcement_cases: EnforcementCasesTable;
  enforcement_case_events: EnforcementCaseEventsTable;
  enforcement_evidence: EnforcementEvidenceTable;
  enforcement_legal_reviews: EnforcementLegalReviewsTable;
  enforcement_hearings: EnforcementHearingsTable;
  enforcement_publications: EnforcementPublicationsTable;
  enforcement_review_standards: EnforcementReviewStandardsTable;
  enforcement_review_rounds: EnforcementReviewRoundsTable;
  enforcement_file_reviews: EnforcementFileReviewsTable;
  enforcement_findings: EnforcementFindingsTable;
  mediation_committees: MediationCommitteesTable;
  mediation_members: MediationMembersTable;
  mediation_trainings: MediationTrainingsTable;
  disputes: DisputesTable;
  dispute_parties: DisputePartiesTable;
  dispute_sessions: DisputeSessionsTable;
  dispute_follow_ups: DisputeFollowUpsTable;
  study_sessions: StudySessionsTable;
  attendances: AttendancesTable;
  questions: QuestionsTable;
  papers: PapersTable;
  paper_items: PaperItemsTable;
  exams: ExamsTable;
  exam_candidates: ExamCandidatesTable;
  exam_attempts: ExamAttemptsTable;
  offline_scores: OfflineScoresTable;
  village_profiles: VillageProfilesTable;
  village_honours: VillageHonoursTable;
  village_inspections: VillageInspectionsTable;
  village_inspection_items: VillageInspectionItemsTable;
  village_rules: VillageRulesTable;
  village_rule_versions: VillageRuleVersionsTable;
  village_hearings: VillageHearingsTable;
  village_disclosures: VillageDisclosuresTable;
  publicity_laws: PublicityLawsTable;
  publicity_plans: PublicityPlansTable;
  publicity_responsibilities: PublicityResponsibilitiesTable;
  publicity_campaigns: PublicityCampaignsTable;
  publicity_events: PublicityEventsTable;
  counsel_engagements: CounselEngagementsTable;
  counsel_matters: CounselMattersTable;
  lawsuits: LawsuitsTable;
  lawsuit_hearings: LawsuitHearingsTable;
};
