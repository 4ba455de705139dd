import type { Generated } from 'kysely';
import type { AdoptionBody, AssessmentResult, HonourLevel, HonourStatus, InspectionConclusion, InspectionStatus, QuorumBasis } from '../../../domain/villages/rules.ts';
import type { Versioned } from './common.ts';

export type VillageProfilesTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  population: number | null;
  households: number | null;
  groups_count: number | null;
  party_secretary: Generated<string>;
  director: Generated<string>;
  legal_advisor: Generated<string>;
  address: Generated<string>;
  introduction: Generated<string>;
};

export type VillageHonoursTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  level: HonourLevel;
  status: HonourStatus;
  declared_on: string | null;
  declaration_note: Generated<string>;
  recommended_on: string | null;
  recommended_by: Generated<string>;
  named_year: number | null;
  named_on: string | null;
  batch: Generated<string>;
  naming_document: Generated<string>;
  review_cycle_years: number | null;
  review_due_override: string | null;
  last_review_year: number | null;
  ended_on: string | null;
  end_reason: Generated<string>;
};

export type VillageInspectionsTable = Versioned & {
  id: Generated<number>;
  honour_id: number;
  org_unit_id: number;
  year: number;
  status: InspectionStatus;
  self_summary: Generated<string>;
  submitted_on: string | null;
  concluded_on: string | null;
  conclusion: InspectionConclusion | null;
  methods: Generated<string[]>;
  inspector: Generated<string>;
  conclusion_note: Generated<string>;
};

export type VillageInspectionItemsTable = Versioned & {
  id: Generated<number>;
  inspection_id: number;
  org_unit_id: number;
  part_code: string;
  part_label: string;
  item_code: string;
  item_label: string;
  sort_order: Generated<number>;
  result: AssessmentResult | null;
  evidence: Generated<string>;
  attachment_ids: Generated<number[]>;
  note: Generated<string>;
};

export type VillageRulesTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  kind: string;
  title: string;
};

export type VillageRuleVersionsTable = Versioned & {
  id: Generated<number>;
  rule_id: number;
  org_unit_id: number;
  version_no: number;
  content: string;
  drafted_by: string;
  drafted_on: string | null;
  change_note: Generated<string>;
  adopted_by: AdoptionBody | null;
  adopted_on: string | null;
  quorum_basis: QuorumBasis | null;
  expected_count: number | null;
  attended_count: number | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstain: number | null;
  filed_on: string | null;
};

export type VillageHearingsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  topic: string;
  held_on: string;
  place: Generated<string>;
  presided_by: string;
  participants: Generated<string[]>;
  participant_count: number;
  decision: Generated<string>;
  minutes: Generated<string>;
};

export type VillageDisclosuresTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  kind: string;
  title: string;
  content: Generated<string>;
  period: Generated<string>;
  published_on: string;
  channel: string;
};
