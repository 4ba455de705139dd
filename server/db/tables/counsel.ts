import type { ColumnType, Generated } from 'kysely';
import type { AbsenceReason, Appearance, Instance, LawsuitKind, LawsuitStatus, MatterKind, MatterStatus, Outcome, TownRole } from '../../../domain/counsel/rules.ts';
import type { Versioned } from './common.ts';

/** numeric(14,2): read as a decimal string, written as string or number. */
type Money = ColumnType<string | null, string | number | null | undefined, string | number | null>;

export type CounselEngagementsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  firm: string;
  lawyers: Generated<string[]>;
  lead_user_id: number | null;
  starts_on: string;
  ends_on: string;
  scope: string;
  fee: Money;
  contract_no: Generated<string>;
};

export type CounselMattersTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  engagement_id: number | null;
  kind: MatterKind;
  title: string;
  requester: string;
  received_on: string;
  deadline: string;
  status: MatterStatus;
  completed_on: string | null;
  counsel_name: Generated<string>;
  amount: Money;
  description: Generated<string>;
  opinion: Generated<string>;
  cancel_reason: Generated<string>;
};

export type LawsuitsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  kind: LawsuitKind;
  case_no: string;
  cause: string;
  plaintiff: string;
  defendant: string;
  town_role: TownRole;
  court: string;
  instance: Instance;
  filed_on: string;
  status: LawsuitStatus;
  outcome: Outcome | null;
  outcome_on: string | null;
  judgment_performed: boolean | null;
  performed_on: string | null;
  performance_note: Generated<string>;
  engagement_id: number | null;
  summary: Generated<string>;
};

export type LawsuitHearingsTable = Versioned & {
  id: Generated<number>;
  lawsuit_id: number;
  org_unit_id: number;
  instance: Instance;
  held_on: string;
  place: Generated<string>;
  appearances: ColumnType<Appearance[], string, string>;
  head_appeared: Generated<boolean>;
  absence_reason: AbsenceReason | null;
  absence_note: Generated<string>;
  note: Generated<string>;
};
