import { type Static, Type } from 'typebox';
import { Input, Text } from '../platform/contracts.ts';

/** `org` takes an org unit's id or its exact name (四棵树镇); `year` the calendar year the figures cover. */
export const IndicatorsQuery = Input({
  org: Text('单位', 100),
  year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }),
});
export type IndicatorsQuery = Static<typeof IndicatorsQuery>;

export const IndicatorValue = Type.Object({
  id: Type.String(),
  label: Type.String(),
  unit: Type.String(),
  module: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
});
export type IndicatorValue = Static<typeof IndicatorValue>;

/** One record behind a figure: what a clerk needs to recognise it and open it. */
export const IndicatorRecord = Type.Object({
  entityType: Type.String(),
  entityId: Type.Integer(),
  date: Type.Union([Type.String(), Type.Null()]),
  title: Type.String(),
  detail: Type.String(),
});
export type IndicatorRecord = Static<typeof IndicatorRecord>;

export const IndicatorParams = Input({ id: Type.String({ title: '指标', pattern: '^[a-z_]+\\.[a-z0-9_]+$', maxLength: 100 }) });

const reportStatuses = ['draft', 'approved', 'published'] as const;
export const reportStatusLabels: Record<(typeof reportStatuses)[number], string> = { draft: '草稿', approved: '已审定', published: '已公开' };

export const TemplateBlockSchema = Input({
  kind: Type.Enum(['title', 'heading1', 'heading2', 'paragraph', 'narrative'], { title: '段落类型' }),
  text: Type.Optional(Type.String({ title: '模板文字', maxLength: 2000 })),
  id: Type.Optional(Type.String({ title: '叙述段编号', pattern: '^[a-z_]+$', maxLength: 40 })),
  label: Type.Optional(Type.String({ title: '叙述段名称', maxLength: 100 })),
});
export const Narratives = Type.Record(Type.String({ pattern: '^[a-z_]+$' }), Type.String({ maxLength: 20000 }), { title: '叙述内容' });

export const AnnualReport = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgName: Type.String(),
  year: Type.Integer(),
  status: Type.Enum(reportStatuses),
  template: Type.Array(TemplateBlockSchema),
  narratives: Narratives,
  approvedAt: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
export type AnnualReport = Static<typeof AnnualReport>;

export const ReportProblem = Type.Object({
  kind: Type.Enum(['figure', 'rate', 'law', 'term']),
  at: Type.Integer(),
  excerpt: Type.String(),
  message: Type.String(),
  indicatorId: Type.Optional(Type.String()),
});
export const RenderedBlock = Type.Object({
  kind: Type.String(),
  narrativeId: Type.Optional(Type.String()),
  label: Type.Optional(Type.String()),
  segments: Type.Array(Type.Object({ text: Type.String(), figure: Type.Optional(Type.String()) })),
});
export const ReportPreview = Type.Object({
  report: AnnualReport,
  blocks: Type.Array(RenderedBlock),
  problems: Type.Array(ReportProblem),
  figures: Type.Array(IndicatorValue),
});

export const ReportCreate = Input({ org: Text('单位', 100), year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }) });
export type ReportCreate = Static<typeof ReportCreate>;
export const ReportUpdate = Input({
  narratives: Type.Optional(Narratives),
  template: Type.Optional(Type.Array(TemplateBlockSchema, { title: '报告模板', maxItems: 200 })),
  version: Type.Integer({ title: '版本号', minimum: 1 }),
});
export type ReportUpdate = Static<typeof ReportUpdate>;
export const reportFormats = ['json', 'html', 'docx', 'xlsx'] as const;
/** Without `format`: the list. With `format` (and org and year): that report as json, print-friendly html, docx or xlsx. */
export const ReportListQuery = Input({
  org: Type.Optional(Text('单位', 100)),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
  format: Type.Optional(Type.Enum([...reportFormats], { title: '格式' })),
});
export const CheckTextBody = Input({ org: Text('单位', 100), year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }), text: Text('报告文字', 100000) });

/** One thing on the 驾驶舱's alert list: what is due or overdue, in which module, by when, and where to open it. */
export const Alert = Type.Object({
  module: Type.String(),
  level: Type.Enum(['overdue', 'due', 'info']),
  title: Type.String(),
  detail: Type.String(),
  due: Type.Union([Type.String(), Type.Null()]),
  link: Type.String(),
});
export type Alert = Static<typeof Alert>;

/** `org` as for the indicators; without a year the answer is about every year that has records. */
export const OrgQuery = Input({ org: Text('单位', 100) });

/** The years in which an org (its whole subtree) has business records, latest first; the dashboard opens on `latest`. */
export const YearsWithData = Type.Object({
  years: Type.Array(Type.Integer()),
  latest: Type.Union([Type.Integer(), Type.Null()]),
});
export type YearsWithData = Static<typeof YearsWithData>;

/** One indicator month by month: `values[0]` is January; the months add up to the year's figure. */
export const MonthlySeries = Type.Object({
  id: Type.String(),
  label: Type.String(),
  unit: Type.String(),
  module: Type.String(),
  values: Type.Array(Type.Number(), { minItems: 12, maxItems: 12 }),
  total: Type.Number(),
});
export type MonthlySeries = Static<typeof MonthlySeries>;
export const Monthly = Type.Object({ year: Type.Integer(), orgName: Type.String(), series: Type.Array(MonthlySeries) });
export type Monthly = Static<typeof Monthly>;

/** A 民主法治示范村 honour in force at the year's end. */
export const VillageHonourBrief = Type.Object({ level: Type.String(), label: Type.String(), namedYear: Type.Union([Type.Integer(), Type.Null()]) });

/** One village of a town compared with the others: its figures for the year, its rules and its honours. */
export const VillageComparisonRow = Type.Object({
  orgUnitId: Type.Integer(),
  name: Type.String(),
  values: Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()])),
  /** 村规民约、自治章程、议事规则 with a version adopted by the year's end. */
  rulesAdopted: Type.Integer(),
  lastRuleAdoptedOn: Type.Union([Type.String(), Type.Null()]),
  honours: Type.Array(VillageHonourBrief),
});
export type VillageComparisonRow = Static<typeof VillageComparisonRow>;
export const VillageComparison = Type.Object({
  year: Type.Integer(),
  orgName: Type.String(),
  columns: Type.Array(Type.Object({ id: Type.String(), label: Type.String(), unit: Type.String() })),
  rows: Type.Array(VillageComparisonRow),
});
export type VillageComparison = Static<typeof VillageComparison>;
