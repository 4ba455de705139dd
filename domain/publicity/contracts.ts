import { type Static, Type } from 'typebox';
import { DateString, Id, Input, Literals, optional, pageFields, Text, Version } from '../platform/contracts.ts';
import { keyDateCodes, lawCategories } from './rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Count = (title: string) => Type.Integer({ title, minimum: 0, maximum: 10_000_000 });
const Code = (title: string) => Type.String({ title, pattern: '^[a-z0-9_]+$', minLength: 1, maxLength: 64 });
const YearField = (title = '年度') => Type.Integer({ title, minimum: 2000, maximum: 2100 });
const LawIds = Type.Array(Id('法律法规'), { title: '涉及法律法规', maxItems: 50, uniqueItems: true });

// ── Law catalog ───────────────────────────────────────────────────────────────────────────────────────────
export const LawCategory = Literals(lawCategories, '类别');
export const Law = Type.Object({
  id: Type.Integer(),
  orgUnitId: Nullable(Type.Integer({ description: '空：全国通用目录（系统预置，管理员维护）' })),
  title: Type.String(),
  shortTitle: Type.String(),
  aliases: Type.Array(Type.String()),
  category: LawCategory,
  issuingBody: Type.String(),
  effectiveOn: Nullable(Type.String()),
  repealedOn: Nullable(Type.String()),
  replacedById: Nullable(Type.Integer()),
  replacedByTitle: Nullable(Type.String()),
  note: Type.String(),
  inForce: Type.Boolean(),
  version: Type.Integer(),
});
export type Law = Static<typeof Law>;
const lawFields = {
  title: Text('法律法规名称', 100),
  shortTitle: Type.Optional(Type.String({ title: '简称', maxLength: 50 })),
  aliases: Type.Optional(Type.Array(Text('别名', 100), { title: '别名', maxItems: 20 })),
  category: LawCategory,
  issuingBody: Text('制定机关', 100),
  effectiveOn: Type.Optional(Nullable(DateString('施行日期'))),
  repealedOn: Type.Optional(Nullable(DateString('废止日期'))),
  replacedById: Type.Optional(Nullable(Id('被何法取代'))),
  note: Type.Optional(Type.String({ title: '备注', maxLength: 1000 })),
};
export const LawCreate = Input({ orgUnitId: Id('维护单位'), ...lawFields });
export type LawCreate = Static<typeof LawCreate>;
export const LawUpdate = Input({ ...optional(lawFields), version: Version });
export type LawUpdate = Static<typeof LawUpdate>;
export const LawQuery = Input({
  ...pageFields,
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
  status: Type.Optional(Literals(['in_force', 'repealed'] as const, '效力')),
  category: Type.Optional(LawCategory),
});
export type LawQuery = Static<typeof LawQuery>;
/** The whole catalog in the shape the repealed-law check needs (the web runs the same check as the user types). */
export const CatalogEntry = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  shortTitle: Type.String(),
  aliases: Type.Array(Type.String()),
  effectiveOn: Nullable(Type.String()),
  repealedOn: Nullable(Type.String()),
  replacedById: Nullable(Type.Integer()),
});
export const LawWarning = Type.Object({
  lawId: Type.Integer(),
  mentioned: Type.String(),
  title: Type.String(),
  repealedOn: Type.String(),
  replacedBy: Nullable(Type.Object({ id: Type.Integer(), title: Type.String(), shortTitle: Type.String() })),
  message: Type.String(),
});
export const LawCheckBody = Input({
  text: Type.Optional(Type.String({ title: '文本', maxLength: 50_000 })),
  lawIds: Type.Optional(LawIds),
  asOf: Type.Optional(DateString('日期')),
});
export type LawCheckBody = Static<typeof LawCheckBody>;
export const LawCheckResult = Type.Object({
  known: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), repealedOn: Nullable(Type.String()) })),
  unknown: Type.Array(Type.String()),
  warnings: Type.Array(LawWarning),
});
export type LawCheckResult = Static<typeof LawCheckResult>;

// ── Plan and responsibility list (谁执法谁普法) ──────────────────────────────────────────────────────────
const LawRef = Type.Object({ id: Type.Integer(), title: Type.String(), shortTitle: Type.String(), repealedOn: Nullable(Type.String()) });
export const Responsibility = Type.Object({
  id: Type.Integer(),
  planId: Type.Integer(),
  body: Type.String(),
  unitId: Nullable(Type.Integer()),
  laws: Type.Array(LawRef),
  tasks: Type.String(),
  audience: Type.String(),
  version: Type.Integer(),
});
export type Responsibility = Static<typeof Responsibility>;
export const Plan = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  unitName: Type.String(),
  year: Type.Integer(),
  title: Type.String(),
  content: Type.String(),
  responsibilities: Type.Array(Responsibility),
  lawWarnings: Type.Array(LawWarning),
  version: Type.Integer(),
});
export type Plan = Static<typeof Plan>;
export const PlanCreate = Input({
  orgUnitId: Id('所属单位'),
  year: YearField(),
  title: Text('计划名称', 200),
  content: Type.Optional(Type.String({ title: '计划内容', maxLength: 50_000 })),
});
export type PlanCreate = Static<typeof PlanCreate>;
export const PlanUpdate = Input({ title: Type.Optional(Text('计划名称', 200)), content: Type.Optional(Type.String({ title: '计划内容', maxLength: 50_000 })), version: Version });
export type PlanUpdate = Static<typeof PlanUpdate>;
export const PlanQuery = Input({ year: Type.Optional(YearField()), orgUnitId: Type.Optional(Id('所属单位')) });
export type PlanQuery = Static<typeof PlanQuery>;
const responsibilityFields = {
  body: Text('责任单位', 100),
  unitId: Type.Optional(Nullable(Id('对应机构'))),
  lawIds: LawIds,
  tasks: Type.Optional(Type.String({ title: '普法任务', maxLength: 5000 })),
  audience: Type.Optional(Type.String({ title: '普法对象', maxLength: 200 })),
};
export const ResponsibilityCreate = Input(responsibilityFields);
export type ResponsibilityCreate = Static<typeof ResponsibilityCreate>;
export const ResponsibilityUpdate = Input({ ...optional(responsibilityFields), version: Version });
export type ResponsibilityUpdate = Static<typeof ResponsibilityUpdate>;

// ── Campaigns and key dates ───────────────────────────────────────────────────────────────────────────────
export const KeyDateCode = Literals(keyDateCodes as [string, ...string[]], '宣传节点');
export const Totals = Type.Object({ events: Type.Integer(), materials: Type.Integer(), people: Type.Integer(), consultations: Type.Integer() });
export const Campaign = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  unitName: Type.String(),
  year: Type.Integer(),
  keyDate: Nullable(Type.String()),
  keyDateLabel: Nullable(Type.String()),
  title: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  theme: Type.String(),
  description: Type.String(),
  totals: Totals,
  version: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;
const campaignFields = {
  keyDate: Type.Optional(Nullable(KeyDateCode)),
  title: Text('活动名称', 200),
  startsOn: DateString('开始日期'),
  endsOn: DateString('结束日期'),
  theme: Type.Optional(Type.String({ title: '主题', maxLength: 200 })),
  description: Type.Optional(Type.String({ title: '活动方案', maxLength: 20_000 })),
};
export const CampaignCreate = Input({ orgUnitId: Id('所属单位'), ...campaignFields });
export type CampaignCreate = Static<typeof CampaignCreate>;
export const CampaignUpdate = Input({ ...optional(campaignFields), version: Version });
export type CampaignUpdate = Static<typeof CampaignUpdate>;
export const CampaignQuery = Input({ ...pageFields, year: Type.Optional(YearField()), keyDate: Type.Optional(KeyDateCode) });
export type CampaignQuery = Static<typeof CampaignQuery>;
export const KeyDateItem = Type.Object({
  code: Type.String(),
  name: Type.String(),
  start: Type.String(),
  end: Type.String(),
  basis: Type.String(),
  daysUntil: Type.Integer(),
  state: Literals(['upcoming', 'ongoing', 'past', 'later'] as const, '状态'),
  campaigns: Type.Array(Type.Object({ id: Type.Integer(), title: Type.String(), unitName: Type.String(), events: Type.Integer() })),
});
export type KeyDateItem = Static<typeof KeyDateItem>;
export const KeyDatesQuery = Input({ year: Type.Optional(YearField()), daysAhead: Type.Optional(Type.Integer({ title: '提前天数', minimum: 0, maximum: 366 })) });
export type KeyDatesQuery = Static<typeof KeyDatesQuery>;

// ── Events ────────────────────────────────────────────────────────────────────────────────────────────────
export const PublicityEvent = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  unitName: Type.String(),
  campaignId: Nullable(Type.Integer()),
  campaignTitle: Nullable(Type.String()),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  heldOn: Type.String(),
  place: Type.String(),
  organiser: Type.String(),
  partner: Type.String(),
  audience: Type.String(),
  audienceLabel: Type.String(),
  laws: Type.Array(LawRef),
  materials: Type.String(),
  materialsCount: Type.Integer(),
  peopleReached: Type.Integer(),
  consultations: Type.Integer(),
  summary: Type.String(),
  lawWarnings: Type.Array(LawWarning),
  unknownLaws: Type.Array(Type.String()),
  version: Type.Integer(),
});
export type PublicityEvent = Static<typeof PublicityEvent>;
const eventFields = {
  campaignId: Type.Optional(Nullable(Id('所属宣传活动'))),
  kind: Code('活动形式'),
  title: Text('活动名称', 200),
  heldOn: DateString('活动日期'),
  place: Text('地点', 200),
  organiser: Text('组织单位', 100),
  partner: Type.Optional(Type.String({ title: '协办单位', maxLength: 200 })),
  audience: Code('对象群体'),
  lawIds: Type.Optional(LawIds),
  materials: Type.Optional(Type.String({ title: '宣传资料/宣传品', maxLength: 2000 })),
  materialsCount: Count('发放数量（份）'),
  peopleReached: Count('受众人数'),
  consultations: Type.Optional(Count('接受咨询（人次）')),
  summary: Type.Optional(Type.String({ title: '活动情况', maxLength: 20_000 })),
};
export const EventCreate = Input({ orgUnitId: Id('所属单位'), ...eventFields });
export type EventCreate = Static<typeof EventCreate>;
export const EventUpdate = Input({ ...optional(eventFields), version: Version });
export type EventUpdate = Static<typeof EventUpdate>;
export const EventQuery = Input({
  ...pageFields,
  year: Type.Optional(YearField()),
  kind: Type.Optional(Code('活动形式')),
  audience: Type.Optional(Code('对象群体')),
  campaignId: Type.Optional(Id('所属宣传活动')),
  orgUnitId: Type.Optional(Id('所属单位')),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
});
export type EventQuery = Static<typeof EventQuery>;

export const PublicitySummary = Type.Object({
  year: Type.Integer(),
  events: Type.Integer(),
  materials: Type.Integer(),
  people: Type.Integer(),
  consultations: Type.Integer(),
  consultationEvents: Type.Integer(),
  consultationPeople: Type.Integer(),
  byKind: Type.Array(
    Type.Object({ kind: Type.String(), label: Type.String(), events: Type.Integer(), materials: Type.Integer(), people: Type.Integer(), consultations: Type.Integer() }),
  ),
  byAudience: Type.Array(
    Type.Object({ audience: Type.String(), label: Type.String(), events: Type.Integer(), materials: Type.Integer(), people: Type.Integer(), consultations: Type.Integer() }),
  ),
  campaigns: Type.Integer(),
});
export type PublicitySummary = Static<typeof PublicitySummary>;
export const YearQuery = Input({ year: YearField() });
