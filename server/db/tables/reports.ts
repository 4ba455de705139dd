import type { ColumnType, Generated } from 'kysely';
import type { TemplateBlock } from '../../../domain/reports/template.ts';
import type { NullableTimestamp, Versioned } from './common.ts';

type Json<T> = ColumnType<T, string, string>;

export type AnnualReportsTable = Versioned & {
  id: Generated<number>;
  org_unit_id: number;
  year: number;
  status: 'draft' | 'approved' | 'published';
  template: Json<TemplateBlock[]>;
  narratives: Json<Record<string, string>>;
  approved_by: number | null;
  approved_at: NullableTimestamp;
  published_at: NullableTimestamp;
};
