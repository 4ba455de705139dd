import { type Static, Type } from 'typebox';
import { DateString, Id, Input, Literals, optional, pageFields, Text, Version } from '../platform/contracts.ts';
import { absenceReasons, appearanceRoles, instances, lawsuitKinds, lawsuitStatuses, matterKinds, matterStatuses, outcomes, townRoles } from './rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
/** Money in 元 as a decimal string with at most two places (numeric(14,2) in the database). */
const Yuan = (title: string) => Type.String({ title, pattern: '^\\d{1,12}(\\.\\d{1,2})?$' });

export const Ratio = Type.Object({ numerator: Type.Integer(), denominator: Type.Integer(), rate: Nullable(Type.Number()) });

// ── Engagements ───────────────────────────────────────────────────────────────────────────────────────────
export const Engagement = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  unitName: Type.String(),
  firm: Type.String(),
  lawyers: Type.Array(Type.String()),
  leadUserId: Nullable(Type.Integer()),
  leadUserName: Nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Type.String(),
  scope: Type.String(),
  fee: Nullable(Type.String()),
  contractNo: Type.String(),
  active: Type.Boolean(),
  matters: Type.Object({ total: Type.Integer(), open: Type.Integer(), overdue: Type.Integer() }),
  version: Type.Integer(),
});
export type Engagement = Static<typeof Engagement>;
const engagementFields = {
  firm: Text('律师事务所', 100),
  lawyers: Type.Array(Text('律师', 32), { title: '顾问律师', minItems: 1, maxItems: 20 }),
  leadUserId: Type.Optional(Nullable(Id('平台账号'))),
  startsOn: DateString('聘期开始'),
  endsOn: DateString('聘期结束'),
  scope: Text('服务范围', 5000),
  fee: Type.Optional(Nullable(Yuan('顾问费（元）'))),
  contractNo: Type.Optional(Type.String({ title: '合同编号', maxLength: 64 })),
};
export const EngagementCreate = Input({ orgUnitId: Id('聘请单位'), ...engagementFields });
export type EngagementCreate = Static<typeof EngagementCreate>;
export const EngagementUpdate = Input({ ...optional(engagementFields), version: Version });
export type EngagementUpdate = Static<typeof EngagementUpdate>;

// ── Matters ───────────────────────────────────────────────────────────────────────────────────────────────
export const MatterKind = Literals(matterKinds, '事务类型');
export const MatterStatus = Literals(matterStatuses, '状态');
export const Matter = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  unitName: Type.String(),
  engagementId: Nullable(Type.Integer()),
  firm: Nullable(Type.String()),
  kind: MatterKind,
  title: Type.String(),
  requester: Type.String(),
  receivedOn: Type.String(),
  deadline: Type.String(),
  status: MatterStatus,
  overdue: Type.Boolean(),
  completedLate: Type.Boolean(),
  completedOn: Nullable(Type.String()),
  counselName: Type.String(),
  amount: Nullable(Type.String()),
  description: Type.String(),
  opinion: Type.String(),
  cancelReason: Type.String(),
  version: Type.Integer(),
});
export type Matter = Static<typeof Matter>;
const matterFields = {
  engagementId: Type.Optional(Nullable(Id('法律顾问聘用'))),
  kind: MatterKind,
  title: Text('事项名称', 200),
  requester: Text('提请单位/人', 100),
  receivedOn: DateString('收到日期'),
  deadline: DateString('办理期限'),
  counselName: Type.Optional(Type.String({ title: '承办律师', maxLength: 32 })),
  amount: Type.Optional(Nullable(Yuan('涉及金额（元）'))),
  description: Type.Optional(Type.String({ title: '事项说明', maxLength: 20_000 })),
};
export const MatterCreate = Input({ orgUnitId: Id('所属单位'), ...matterFields });
export type MatterCreate = Static<typeof MatterCreate>;
export const MatterUpdate = Input({ ...optional(matterFields), opinion: Type.Optional(Type.String({ title: '法律意见', maxLength: 50_000 })), version: Version });
export type MatterUpdate = Static<typeof MatterUpdate>;
export const MatterStatusChange = Input({
  status: Literals(['in_progress', 'done', 'cancelled'] as const, '变更为'),
  opinion: Type.Optional(Type.String({ title: '法律意见', maxLength: 50_000 })),
  completedOn: Type.Optional(DateString('办结日期')),
  reason: Type.Optional(Type.String({ title: '撤回原因', maxLength: 500 })),
  version: Version,
});
export type MatterStatusChange = Static<typeof MatterStatusChange>;
export const MatterQuery = Input({
  ...pageFields,
  kind: Type.Optional(MatterKind),
  status: Type.Optional(MatterStatus),
  overdue: Type.Optional(Type.Boolean({ title: '仅看逾期' })),
  engagementId: Type.Optional(Id('法律顾问聘用')),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
});
export type MatterQuery = Static<typeof MatterQuery>;

// ── Lawsuits and hearings ─────────────────────────────────────────────────────────────────────────────────
export const Instance = Literals(instances, '审级');
export const AppearanceSchema = Input({
  name: Text('出庭人员', 32),
  position: Text('职务', 64),
  role: Literals(appearanceRoles, '出庭身份'),
  identityProof: Type.Boolean({ title: '已提交身份证明' }),
});
export const LawsuitHearing = Type.Object({
  id: Type.Integer(),
  lawsuitId: Type.Integer(),
  instance: Instance,
  heldOn: Type.String(),
  place: Type.String(),
  appearances: Type.Array(AppearanceSchema),
  headAppeared: Type.Boolean(),
  absenceReason: Nullable(Literals(absenceReasons, '未出庭事由')),
  absenceNote: Type.String(),
  /** No 负责人 appeared and no 正当事由 was recorded (规定 art 8/12). */
  unexplainedAbsence: Type.Boolean(),
  note: Type.String(),
  version: Type.Integer(),
});
export type LawsuitHearing = Static<typeof LawsuitHearing>;
const hearingFields = {
  instance: Type.Optional(Instance),
  heldOn: DateString('开庭日期'),
  place: Type.Optional(Type.String({ title: '法庭', maxLength: 200 })),
  appearances: Type.Array(AppearanceSchema, { title: '出庭人员', maxItems: 20 }),
  absenceReason: Type.Optional(Nullable(Literals(absenceReasons, '未出庭事由'))),
  absenceNote: Type.Optional(Type.String({ title: '事由说明', maxLength: 2000 })),
  note: Type.Optional(Type.String({ title: '庭审情况', maxLength: 20_000 })),
};
export const LawsuitHearingCreate = Input(hearingFields);
export type LawsuitHearingCreate = Static<typeof LawsuitHearingCreate>;
export const LawsuitHearingUpdate = Input({ ...optional(hearingFields), version: Version });
export type LawsuitHearingUpdate = Static<typeof LawsuitHearingUpdate>;

export const Lawsuit = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  unitName: Type.String(),
  kind: Literals(lawsuitKinds, '类型'),
  caseNo: Type.String(),
  cause: Type.String(),
  plaintiff: Type.String(),
  defendant: Type.String(),
  townRole: Literals(townRoles, '我方地位'),
  court: Type.String(),
  instance: Instance,
  filedOn: Type.String(),
  status: Literals(lawsuitStatuses, '状态'),
  outcome: Nullable(Literals(outcomes, '结果')),
  outcomeOn: Nullable(Type.String()),
  judgmentPerformed: Nullable(Type.Boolean()),
  performedOn: Nullable(Type.String()),
  performanceNote: Type.String(),
  engagementId: Nullable(Type.Integer()),
  summary: Type.String(),
  hearings: Type.Array(LawsuitHearing),
  headAppearance: Type.Object({ hearings: Ratio, cases: Ratio }),
  version: Type.Integer(),
});
export type Lawsuit = Static<typeof Lawsuit>;
const lawsuitFields = {
  kind: Literals(lawsuitKinds, '类型'),
  caseNo: Text('案号', 64),
  cause: Text('案由', 200),
  plaintiff: Text('原告（申请人）', 200),
  defendant: Text('被告（被申请人）', 200),
  townRole: Literals(townRoles, '我方地位'),
  court: Text('法院（复议机关）', 100),
  filedOn: DateString('立案日期'),
  engagementId: Type.Optional(Nullable(Id('代理法律顾问'))),
  summary: Type.Optional(Type.String({ title: '案情摘要', maxLength: 20_000 })),
};
export const LawsuitCreate = Input({ orgUnitId: Id('所属单位'), instance: Type.Optional(Instance), ...lawsuitFields });
export type LawsuitCreate = Static<typeof LawsuitCreate>;
export const LawsuitUpdate = Input({ ...optional(lawsuitFields), version: Version });
export type LawsuitUpdate = Static<typeof LawsuitUpdate>;
export const LawsuitConclude = Input({
  outcome: Literals(outcomes, '结果'),
  outcomeOn: DateString('裁判（决定）日期'),
  judgmentPerformed: Type.Optional(Nullable(Type.Boolean({ title: '是否已履行生效裁判' }))),
  performedOn: Type.Optional(DateString('履行日期')),
  performanceNote: Type.Optional(Type.String({ title: '履行情况', maxLength: 2000 })),
  version: Version,
});
export type LawsuitConclude = Static<typeof LawsuitConclude>;
export const LawsuitAppeal = Input({
  instance: Literals(['second', 'retrial'] as const, '进入审级'),
  filedOn: DateString('上诉/再审立案日期'),
  court: Type.Optional(Text('审理法院', 100)),
  caseNo: Type.Optional(Text('案号', 64)),
  version: Version,
});
export type LawsuitAppeal = Static<typeof LawsuitAppeal>;
export const LawsuitPerformance = Input({
  judgmentPerformed: Type.Boolean({ title: '是否已履行生效裁判' }),
  performedOn: Type.Optional(DateString('履行日期')),
  performanceNote: Type.Optional(Type.String({ title: '履行情况', maxLength: 2000 })),
  version: Version,
});
export type LawsuitPerformance = Static<typeof LawsuitPerformance>;
export const LawsuitQuery = Input({
  ...pageFields,
  kind: Type.Optional(Literals(lawsuitKinds, '类型')),
  status: Type.Optional(Literals(lawsuitStatuses, '状态')),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
});
export type LawsuitQuery = Static<typeof LawsuitQuery>;
const HearingIdParams = Input({ id: Type.Integer({ title: '编号', minimum: 1 }), hearingId: Type.Integer({ title: '开庭编号', minimum: 1 }) });

export { HearingIdParams };

export const LawsuitStats = Type.Object({
  year: Type.Integer(),
  hearings: Ratio,
  cases: Ratio,
  byInstance: Type.Array(Type.Object({ instance: Instance, hearings: Ratio, cases: Ratio })),
  lost: Ratio,
  performed: Ratio,
  lawsuits: Type.Integer(),
  reconsiderations: Type.Integer(),
});
export type LawsuitStats = Static<typeof LawsuitStats>;
export const CounselSummary = Type.Object({
  year: Type.Integer(),
  matters: Type.Array(Type.Object({ kind: MatterKind, total: Type.Integer(), done: Type.Integer(), overdue: Type.Integer() })),
  lawsuits: LawsuitStats,
});
export type CounselSummary = Static<typeof CounselSummary>;
export const YearQuery = Input({ year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }) });
