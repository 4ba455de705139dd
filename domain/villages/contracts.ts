import { type Static, Type } from 'typebox';
import { DateString, Id, Input, Literals, optional, pageFields, Text, Version } from '../platform/contracts.ts';
import {
  adoptionBodies,
  assessmentResults,
  honourLevels,
  honourStatuses,
  inspectionConclusions,
  inspectionMethods,
  inspectionStatuses,
  quorumBases,
  reminderStateLabels,
} from './rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Count = (title: string, maximum = 1_000_000) => Type.Integer({ title, minimum: 0, maximum });
const Year = (title: string) => Type.Integer({ title, minimum: 2004, maximum: 2100 });
const Code = (title: string) => Type.String({ title, pattern: '^[a-z0-9_]+$', minLength: 1, maxLength: 64 });
const Names = (title: string) => Type.Array(Text('姓名', 32), { title, maxItems: 500 });

export const HonourLevel = Literals(honourLevels, '称号级别');
export const HonourStatus = Literals(honourStatuses, '称号状态');
export const ReminderState = Literals(Object.keys(reminderStateLabels) as ['overdue', 'due_soon', 'later'], '提醒');

// ── Villages and their profile ────────────────────────────────────────────────────────────────────────────
const NullableCount = (title: string, maximum?: number) => Type.Union([Count(title, maximum), Type.Null()], { title });
const profileFields = {
  population: NullableCount('户籍人口'),
  households: NullableCount('户数'),
  groupsCount: NullableCount('村民小组数', 1000),
  partySecretary: Type.String({ title: '党组织书记', maxLength: 32 }),
  director: Type.String({ title: '村（居）委会主任', maxLength: 32 }),
  legalAdvisor: Type.String({ title: '村法律顾问', maxLength: 64 }),
  address: Type.String({ title: '地址', maxLength: 200 }),
  introduction: Type.String({ title: '村情简介', maxLength: 5000 }),
};
export const VillageProfile = Type.Object({
  population: Nullable(Type.Integer()),
  households: Nullable(Type.Integer()),
  groupsCount: Nullable(Type.Integer()),
  partySecretary: Type.String(),
  director: Type.String(),
  legalAdvisor: Type.String(),
  address: Type.String(),
  introduction: Type.String(),
  /** Null until the profile is first saved. */
  version: Nullable(Type.Integer()),
});
export type VillageProfile = Static<typeof VillageProfile>;
export const NextReview = Type.Object({
  honourId: Type.Integer(),
  level: HonourLevel,
  dueYear: Type.Integer(),
  dueOn: Type.String(),
  daysLeft: Type.Integer(),
  state: ReminderState,
});
export type NextReview = Static<typeof NextReview>;
export const Village = Type.Object({
  orgUnitId: Type.Integer(),
  name: Type.String(),
  kind: Type.String(),
  townName: Nullable(Type.String()),
  profile: VillageProfile,
  honours: Type.Array(Type.Object({ id: Type.Integer(), level: HonourLevel, status: HonourStatus, namedYear: Nullable(Type.Integer()) })),
  nextReview: Nullable(NextReview),
  counts: Type.Object({ rules: Type.Integer(), hearings: Type.Integer(), disclosures: Type.Integer() }),
});
export type Village = Static<typeof Village>;
export const VillageProfileUpdate = Input({ ...optional(profileFields), version: Type.Optional(Version) });
export type VillageProfileUpdate = Static<typeof VillageProfileUpdate>;

// ── Honours and 复核 ─────────────────────────────────────────────────────────────────────────────────────
export const Honour = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  villageName: Type.String(),
  level: HonourLevel,
  title: Type.String(),
  status: HonourStatus,
  declaredOn: Nullable(Type.String()),
  declarationNote: Type.String(),
  recommendedOn: Nullable(Type.String()),
  recommendedBy: Type.String(),
  namedYear: Nullable(Type.Integer()),
  namedOn: Nullable(Type.String()),
  batch: Type.String(),
  namingDocument: Type.String(),
  reviewCycleYears: Nullable(Type.Integer()),
  reviewDueOverride: Nullable(Type.String()),
  lastReviewYear: Nullable(Type.Integer()),
  endedOn: Nullable(Type.String()),
  endReason: Type.String(),
  nextReview: Nullable(NextReview),
  version: Type.Integer(),
});
export type Honour = Static<typeof Honour>;
export const HonourCreate = Input({
  orgUnitId: Id('村（社区）'),
  level: HonourLevel,
  /** 'declared' starts a new 申报; 'named' registers an honour held already (with the year named). */
  stage: Literals(['declared', 'named'] as const, '登记方式'),
  declaredOn: Type.Optional(DateString('申报日期')),
  declarationNote: Type.Optional(Type.String({ title: '申报说明', maxLength: 2000 })),
  namedYear: Type.Optional(Year('命名年度')),
  namedOn: Type.Optional(DateString('命名日期')),
  batch: Type.Optional(Type.String({ title: '命名批次', maxLength: 32 })),
  namingDocument: Type.Optional(Type.String({ title: '命名文件', maxLength: 200 })),
  reviewCycleYears: Type.Optional(Type.Integer({ title: '复核周期（年）', minimum: 1, maximum: 10 })),
});
export type HonourCreate = Static<typeof HonourCreate>;
export const HonourUpdate = Input({
  declarationNote: Type.Optional(Type.String({ title: '申报说明', maxLength: 2000 })),
  batch: Type.Optional(Type.String({ title: '命名批次', maxLength: 32 })),
  namingDocument: Type.Optional(Type.String({ title: '命名文件', maxLength: 200 })),
  reviewCycleYears: Type.Optional(Nullable(Type.Integer({ title: '复核周期（年）', minimum: 1, maximum: 10 }))),
  reviewDueOverride: Type.Optional(Nullable(DateString('复核截止日期'))),
  version: Version,
});
export type HonourUpdate = Static<typeof HonourUpdate>;
export const HonourRecommend = Input({ recommendedOn: DateString('推荐日期'), recommendedBy: Text('推荐单位', 100), version: Version });
export type HonourRecommend = Static<typeof HonourRecommend>;
export const HonourName = Input({
  namedYear: Year('命名年度'),
  namedOn: Type.Optional(DateString('命名日期')),
  batch: Type.Optional(Type.String({ title: '命名批次', maxLength: 32 })),
  namingDocument: Type.Optional(Type.String({ title: '命名文件', maxLength: 200 })),
  version: Version,
});
export type HonourName = Static<typeof HonourName>;
export const HonourEnd = Input({
  status: Literals(['not_named', 'revoked', 'cancelled'] as const, '变更为'),
  endedOn: DateString('日期'),
  reason: Text('原因', 500),
  version: Version,
});
export type HonourEnd = Static<typeof HonourEnd>;
export const HonourQuery = Input({
  ...pageFields,
  orgUnitId: Type.Optional(Id('村（社区）')),
  level: Type.Optional(HonourLevel),
  status: Type.Optional(HonourStatus),
});
export type HonourQuery = Static<typeof HonourQuery>;
export const ReminderQuery = Input({ daysAhead: Type.Optional(Type.Integer({ title: '提前天数', minimum: 0, maximum: 730 })) });
export type ReminderQuery = Static<typeof ReminderQuery>;

export const InspectionItem = Type.Object({
  id: Type.Integer(),
  partCode: Type.String(),
  partLabel: Type.String(),
  itemCode: Type.String(),
  itemLabel: Type.String(),
  result: Nullable(Literals(assessmentResults, '自评结果')),
  evidence: Type.String(),
  attachmentIds: Type.Array(Type.Integer()),
  note: Type.String(),
  version: Type.Integer(),
});
export type InspectionItem = Static<typeof InspectionItem>;
export const Inspection = Type.Object({
  id: Type.Integer(),
  honourId: Type.Integer(),
  orgUnitId: Type.Integer(),
  villageName: Type.String(),
  level: HonourLevel,
  year: Type.Integer(),
  status: Literals(inspectionStatuses, '复核状态'),
  selfSummary: Type.String(),
  submittedOn: Nullable(Type.String()),
  concludedOn: Nullable(Type.String()),
  conclusion: Nullable(Literals(inspectionConclusions, '复核结论')),
  methods: Type.Array(Literals(inspectionMethods, '复核方式')),
  inspector: Type.String(),
  conclusionNote: Type.String(),
  progress: Type.Object({ total: Type.Integer(), assessed: Type.Integer(), met: Type.Integer(), partly: Type.Integer(), notMet: Type.Integer(), withEvidence: Type.Integer() }),
  items: Type.Array(InspectionItem),
  version: Type.Integer(),
});
export type Inspection = Static<typeof Inspection>;
export const InspectionCreate = Input({ year: Year('复核年度') });
export type InspectionCreate = Static<typeof InspectionCreate>;
export const InspectionItemUpdate = Input({
  result: Type.Optional(Nullable(Literals(assessmentResults, '自评结果'))),
  evidence: Type.Optional(Type.String({ title: '佐证材料', maxLength: 2000 })),
  attachmentIds: Type.Optional(Type.Array(Id('附件'), { title: '佐证附件', maxItems: 50 })),
  note: Type.Optional(Type.String({ title: '说明', maxLength: 2000 })),
  version: Version,
});
export type InspectionItemUpdate = Static<typeof InspectionItemUpdate>;
export const InspectionSubmit = Input({
  submittedOn: DateString('提交日期'),
  selfSummary: Type.Optional(Type.String({ title: '自评报告摘要', maxLength: 5000 })),
  version: Version,
});
export type InspectionSubmit = Static<typeof InspectionSubmit>;
export const InspectionConclude = Input({
  conclusion: Literals(inspectionConclusions, '复核结论'),
  concludedOn: DateString('结论日期'),
  methods: Type.Array(Literals(inspectionMethods, '复核方式'), { title: '复核方式', minItems: 1, maxItems: 3, uniqueItems: true }),
  inspector: Type.Optional(Type.String({ title: '复核单位', maxLength: 100 })),
  conclusionNote: Type.Optional(Type.String({ title: '结论说明', maxLength: 2000 })),
  version: Version,
});
export type InspectionConclude = Static<typeof InspectionConclude>;
export const InspectionQuery = Input({ ...pageFields, honourId: Type.Optional(Id('称号')), year: Type.Optional(Year('复核年度')) });
export type InspectionQuery = Static<typeof InspectionQuery>;
export const InspectionSummaryItem = Type.Omit(Inspection, ['items']);
export type InspectionSummaryItem = Static<typeof InspectionSummaryItem>;

// ── Village rules with versions ──────────────────────────────────────────────────────────────────────────
export const AdoptionBody = Literals(adoptionBodies, '通过会议');
export const RuleVersion = Type.Object({
  id: Type.Integer(),
  ruleId: Type.Integer(),
  versionNo: Type.Integer(),
  content: Type.String(),
  draftedBy: Type.String(),
  draftedOn: Nullable(Type.String()),
  changeNote: Type.String(),
  adopted: Type.Boolean(),
  adoptedBy: Nullable(AdoptionBody),
  adoptedOn: Nullable(Type.String()),
  quorumBasis: Nullable(Literals(quorumBases, '法定人数基数')),
  expectedCount: Nullable(Type.Integer()),
  attendedCount: Nullable(Type.Integer()),
  votesFor: Nullable(Type.Integer()),
  votesAgainst: Nullable(Type.Integer()),
  votesAbstain: Nullable(Type.Integer()),
  filedOn: Nullable(Type.String()),
  version: Type.Integer(),
});
export type RuleVersion = Static<typeof RuleVersion>;
export const VillageRule = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  villageName: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  /** The latest adopted version in force; null while only drafts exist. */
  currentVersionNo: Nullable(Type.Integer()),
  currentAdoptedOn: Nullable(Type.String()),
  versions: Type.Array(RuleVersion),
  version: Type.Integer(),
});
export type VillageRule = Static<typeof VillageRule>;
export const VillageRuleCreate = Input({ orgUnitId: Id('村（社区）'), kind: Code('制度类别'), title: Text('名称', 200) });
export type VillageRuleCreate = Static<typeof VillageRuleCreate>;
export const VillageRuleUpdate = Input({ kind: Type.Optional(Code('制度类别')), title: Type.Optional(Text('名称', 200)), version: Version });
export type VillageRuleUpdate = Static<typeof VillageRuleUpdate>;
export const VillageRuleQuery = Input({ ...pageFields, orgUnitId: Type.Optional(Id('村（社区）')), kind: Type.Optional(Code('制度类别')) });
export type VillageRuleQuery = Static<typeof VillageRuleQuery>;
export const adoptionFields = {
  adoptedBy: AdoptionBody,
  adoptedOn: DateString('通过日期'),
  quorumBasis: Type.Optional(Literals(quorumBases, '法定人数基数')),
  expectedCount: Type.Integer({ title: '应到人数', minimum: 1, maximum: 100_000 }),
  attendedCount: Count('实到人数', 100_000),
  votesFor: Count('赞成票', 100_000),
  votesAgainst: Count('反对票', 100_000),
  votesAbstain: Count('弃权票', 100_000),
  filedOn: Type.Optional(DateString('报乡镇备案日期')),
};
export const RuleAdoption = Input({ ...adoptionFields, version: Version });
export type RuleAdoption = Static<typeof RuleAdoption>;
export const RuleVersionCreate = Input({
  content: Text('条文内容', 50_000),
  draftedBy: Text('起草人', 100),
  draftedOn: Type.Optional(DateString('起草日期')),
  changeNote: Type.Optional(Type.String({ title: '修订说明', maxLength: 2000 })),
  adoption: Type.Optional(Input(adoptionFields)),
  /** The rule's row version (two clerks adding versions at once must not both become version N). */
  version: Version,
});
export type RuleVersionCreate = Static<typeof RuleVersionCreate>;

// ── 民主听证 ─────────────────────────────────────────────────────────────────────────────────────────────
export const Hearing = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  villageName: Type.String(),
  topic: Type.String(),
  heldOn: Type.String(),
  place: Type.String(),
  presidedBy: Type.String(),
  participants: Type.Array(Type.String()),
  participantCount: Type.Integer(),
  decision: Type.String(),
  minutes: Type.String(),
  version: Type.Integer(),
});
export type Hearing = Static<typeof Hearing>;
const hearingFields = {
  topic: Text('听证事项', 200),
  heldOn: DateString('听证日期'),
  place: Type.Optional(Type.String({ title: '地点', maxLength: 200 })),
  presidedBy: Text('主持人', 32),
  participants: Type.Optional(Names('参加人员')),
  participantCount: Type.Integer({ title: '参加人数', minimum: 1, maximum: 100_000 }),
  decision: Type.Optional(Type.String({ title: '听证结果', maxLength: 5000 })),
  minutes: Type.Optional(Type.String({ title: '听证记录', maxLength: 20_000 })),
};
export const HearingCreate = Input({ orgUnitId: Id('村（社区）'), ...hearingFields });
export type HearingCreate = Static<typeof HearingCreate>;
export const HearingUpdate = Input({ ...optional(hearingFields), version: Version });
export type HearingUpdate = Static<typeof HearingUpdate>;
export const VillageListQuery = Input({
  ...pageFields,
  orgUnitId: Type.Optional(Id('村（社区）')),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
});
export type VillageListQuery = Static<typeof VillageListQuery>;

// ── 村务/财务公开 ────────────────────────────────────────────────────────────────────────────────────────
export const Disclosure = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  villageName: Type.String(),
  kind: Type.String(),
  kindLabel: Type.String(),
  title: Type.String(),
  content: Type.String(),
  period: Type.String(),
  publishedOn: Type.String(),
  channel: Type.String(),
  version: Type.Integer(),
});
export type Disclosure = Static<typeof Disclosure>;
const disclosureFields = {
  kind: Code('公开类别'),
  title: Text('公开事项', 200),
  content: Type.Optional(Type.String({ title: '公开内容', maxLength: 20_000 })),
  period: Type.Optional(Type.String({ title: '所属期间', maxLength: 64 })),
  publishedOn: DateString('公开日期'),
  channel: Text('公开地点/方式', 200),
};
export const DisclosureCreate = Input({ orgUnitId: Id('村（社区）'), ...disclosureFields });
export type DisclosureCreate = Static<typeof DisclosureCreate>;
export const DisclosureUpdate = Input({ ...optional(disclosureFields), version: Version });
export type DisclosureUpdate = Static<typeof DisclosureUpdate>;

// ── Figures for the annual report ───────────────────────────────────────────────────────────────────────
export const VillagesSummary = Type.Object({
  year: Type.Integer(),
  namedByLevel: Type.Array(Type.Object({ level: HonourLevel, count: Type.Integer() })),
  inspectionsInYear: Type.Array(
    Type.Object({ level: HonourLevel, concluded: Type.Integer(), retained: Type.Integer(), revoked: Type.Integer(), cancelled: Type.Integer(), open: Type.Integer() }),
  ),
  rulesAdoptedInYear: Type.Integer(),
  hearings: Type.Integer(),
  hearingParticipants: Type.Integer(),
  disclosures: Type.Integer(),
  villages: Type.Integer(),
  villagesWithRules: Type.Integer(),
});
export type VillagesSummary = Static<typeof VillagesSummary>;
export const YearQuery = Input({ year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }) });
