import type { Generated } from 'kysely';
import type { LawCategory } from '../../../domain/publicity/rules.ts';
import type { Versioned } from './common.ts';

export type PublicityLawsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number | null;
  title: string;
  short_title: Generated<string>;
  aliases: Generated<string[]>;
  category: LawCategory;
  issuing_body: string;
  effective_on: string | null;
  repealed_on: string | null;
  replaced_by_id: number | null;
  note: Generated<string>;
};

export type PublicityPlansTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  year: number;
  title: string;
  content: Generated<string>;
};

export type PublicityResponsibilitiesTable = Versioned & {
  id: Generated<number>;
  plan_id: number;
  org_unit_id: number;
  body: string;
  unit_id: number | null;
  law_ids: Generated<number[]>;
  tasks: Generated<string>;
  audience: Generated<string>;
};

export type PublicityCampaignsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  year: number;
  key_date: string | null;
  title: string;
  starts_on: string;
  ends_on: string;
  theme: Generated<string>;
  description: Generated<string>;
};

export type PublicityEventsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  campaign_id: number | null;
  kind: string;
  title: string;
  held_on: string;
  place: string;
  organiser: string;
  partner: Generated<string>;
  audience: string;
  law_ids: Generated<number[]>;
  materials: Generated<string>;
  materials_count: Generated<number>;
  people_reached: Generated<number>;
  consultations: Generated<number>;
  summary: Generated<string>;
};
