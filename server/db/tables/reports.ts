import type { ColumnType, Generated } from 'kysely';
import type { IndicatorValue } from '../../../domain/reports/contracts.ts';
import type { RenderedBlock, TemplateBlock } from '../../../domain/reports/template.ts';
import type { DefaultTimestamp, NullableTimestamp, Versioned } from './common.ts';

type Json<T> = ColumnType<T, string, string>;

/** The report as signed off: its rendered text and the figures it was rendered from. */
export type ApprovedContent = { blocks: RenderedBlock[]; figures: IndicatorValue[] };

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

export type AnnualReportVersionsTable = {
  id: Generated<number>;
  report_id: number;
  org_unit_id: number;
  approved_by: number | null;
  approved_at: DefaultTimestamp;
  content: Json<ApprovedContent>;
};
