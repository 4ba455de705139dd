import { type Static, Type } from 'typebox';
import { DateString, Id, Input, Literals, optional, pageFields, Text, Version } from '../platform/contracts.ts';
import {
  agreementKinds,
  closeOutcomes,
  committeeLevels,
  disclosures,
  disputeSources,
  disputeStatuses,
  followUpMethods,
  genders,
  judicialResults,
  judicialWindowLabels,
  memberPositions,
  otherChannels,
  partyKinds,
  partyRoles,
  performances,
  referralFroms,
  termStatusLabels,
} from './rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const LongText = (title: string, maxLength = 5000) => Type.String({ title, maxLength });

export const CommitteeLevel = Literals(committeeLevels, '调委会层级');
export const MemberPosition = Literals(memberPositions, '职务');
export const Gender = Literals(genders, '性别');
export const DisputeStatus = Literals(disputeStatuses, '状态');
export const DisputeSource = Literals(disputeSources, '纠纷来源');
export const ReferralFrom = Literals(referralFroms, '移交单位');
export const PartyKind = Literals(partyKinds, '当事人类型');
export const PartyRole = Literals(partyRoles, '当事人地位');
export const AgreementKind = Literals(agreementKinds, '协议形式');
export const CloseOutcome = Literals(closeOutcomes, '调解结果');
export const OtherChannel = Literals(otherChannels, '告知的其他途径');
export const FollowUpMethod = Literals(followUpMethods, '回访方式');
export const Performance = Literals(performances, '履行情况');
export const JudicialResult = Literals(judicialResults, '司法确认结果');
export const Disclosure = Literals(disclosures, '调解方式');
export const TermStatus = Literals(Object.keys(termStatusLabels) as ['current', 'expiring', 'expired'], '任期状态');
export const JudicialWindow = Literals(Object.keys(judicialWindowLabels) as ['open', 'closing', 'closed'], '司法确认申请期限');

/** Mobile or landline. */
const Phone = Type.String({ title: '联系电话', pattern: '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$' });
/** 居民身份证号 or 统一社会信用代码. */
const IdNumber = Type.String({ title: '证件号码', pattern: '^(\\d{17}[\\dXx]|[0-9A-HJ-NPQRTUWXY]{18})$' });
const Money = Type.String({ title: '涉及金额（元）', pattern: '^\\d{1,12}(\\.\\d{1,2})?$' });
const TargetDays = Type.Integer({ title: '调解期限（日）', minimum: 1, maximum: 365 });

// ── committees and mediators ────────────────────────────────────────────────────────────────────

export const Training = Type.Object({ id: Type.Integer(), trainedOn: Type.String(), title: Type.String(), hours: Nullable(Type.Number()), organiser: Type.String() });
export type Training = Static<typeof Training>;

export const CommitteeMember = Type.Object({
  id: Type.Integer(),
  committeeId: Type.Integer(),
  name: Type.String(),
  gender: Gender,
  ethnicity: Type.String(),
  position: MemberPosition,
  title: Type.String({ description: '工作单位及职务' }),
  phone: Nullable(Type.String({ description: '无权办理的角色看到脱敏值' })),
  joinedOn: Type.String(),
  leftOn: Nullable(Type.String()),
  leaveReason: Type.String(),
  trainings: Type.Array(Training),
  version: Type.Integer(),
});
export type CommitteeMember = Static<typeof CommitteeMember>;

export const Committee = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  level: CommitteeLevel,
  name: Type.String(),
  termStart: Type.String(),
  termEnd: Type.String(),
  termStatus: TermStatus,
  targetDays: Type.Integer(),
  address: Type.String(),
  phone: Type.String(),
  memberCount: Type.Integer({ description: '在任委员人数（不含聘任调解员）' }),
  womenCount: Type.Integer(),
  warnings: Type.Array(Type.String()),
  members: Type.Array(CommitteeMember, { description: '在任人员；详情接口含历任' }),
  version: Type.Integer(),
});
export type Committee = Static<typeof Committee>;

const memberFields = {
  name: Text('姓名', 32),
  gender: Gender,
  position: MemberPosition,
  ethnicity: Type.Optional(Type.String({ title: '民族', maxLength: 20 })),
  title: Type.Optional(Type.String({ title: '工作单位及职务', maxLength: 100 })),
  phone: Type.Optional(Phone),
};
export const MemberCreate = Input({ ...memberFields, joinedOn: DateString('任职日期') });
export type MemberCreate = Static<typeof MemberCreate>;
export const MemberUpdate = Input({ ...optional(memberFields), phone: Type.Optional(Type.Union([Phone, Type.Literal('')])), version: Version });
export type MemberUpdate = Static<typeof MemberUpdate>;
export const MemberEnd = Input({ leftOn: DateString('离任日期'), reason: Text('离任原因', 200), version: Version });
export type MemberEnd = Static<typeof MemberEnd>;
export const TrainingCreate = Input({
  trainedOn: DateString('培训日期'),
  title: Text('培训内容', 200),
  hours: Type.Optional(Type.Number({ title: '学时', minimum: 0, maximum: 1000 })),
  organiser: Type.Optional(Type.String({ title: '组织单位', maxLength: 100 })),
});
export type TrainingCreate = Static<typeof TrainingCreate>;

const committeeFields = {
  name: Text('调委会名称', 100),
  termStart: DateString('本届任期起始日期'),
  targetDays: Type.Optional(TargetDays),
  address: Type.Optional(Type.String({ title: '办公地点', maxLength: 200 })),
  phone: Type.Optional(Type.String({ title: '办公电话', maxLength: 32 })),
};
export const CommitteeCreate = Input({
  orgUnitId: Id('所在乡镇或村（社区）'),
  ...committeeFields,
  members: Type.Array(MemberCreate, { title: '组成人员', minItems: 1, maxItems: 50 }),
});
export type CommitteeCreate = Static<typeof CommitteeCreate>;
export const CommitteeUpdate = Input({ ...optional(committeeFields), version: Version });
export type CommitteeUpdate = Static<typeof CommitteeUpdate>;

// ── disputes ────────────────────────────────────────────────────────────────────────────────────

export const Party = Type.Object({
  id: Type.Integer(),
  kind: PartyKind,
  role: PartyRole,
  name: Type.String(),
  gender: Nullable(Gender),
  idNumber: Nullable(Type.String({ description: '无权办理的角色看到脱敏值' })),
  phone: Nullable(Type.String({ description: '无权办理的角色看到脱敏值' })),
  address: Type.String(),
});
export type Party = Static<typeof Party>;
export const PartyInput = Input({
  kind: PartyKind,
  role: PartyRole,
  name: Text('当事人姓名或名称', 100),
  gender: Type.Optional(Gender),
  idNumber: Type.Optional(IdNumber),
  phone: Type.Optional(Phone),
  address: Type.Optional(Type.String({ title: '住所', maxLength: 200 })),
});
export type PartyInput = Static<typeof PartyInput>;
const Parties = Type.Array(PartyInput, { title: '当事人', minItems: 2, maxItems: 30 });

export const Session = Type.Object({
  id: Type.Integer(),
  heldOn: Type.String(),
  place: Type.String(),
  mediators: Type.Array(Type.String()),
  attendees: Type.Array(Type.String()),
  record: Type.String(),
  recordedBy: Nullable(Type.String()),
});
export type Session = Static<typeof Session>;
export const FollowUp = Type.Object({
  id: Type.Integer(),
  followedOn: Type.String(),
  method: FollowUpMethod,
  performance: Performance,
  note: Type.String(),
  recordedBy: Nullable(Type.String()),
});
export type FollowUp = Static<typeof FollowUp>;

export const Agreement = Type.Object({
  kind: AgreementKind,
  facts: Type.String(),
  responsibilities: Type.String(),
  terms: Type.String(),
  performanceMethod: Type.String(),
  performanceDeadline: Type.String(),
  effectiveOn: Type.String(),
});
export type Agreement = Static<typeof Agreement>;
export const Judicial = Type.Object({
  deadline: Type.String({ description: '自协议生效之日起三十日（遇法定休假日顺延）' }),
  window: JudicialWindow,
  appliedOn: Nullable(Type.String()),
  court: Type.String(),
  result: Nullable(JudicialResult),
  resultOn: Nullable(Type.String()),
  note: Type.String(),
});
export type Judicial = Static<typeof Judicial>;

const disputeItemFields = {
  id: Type.Integer(),
  number: Type.String(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  committeeId: Type.Integer(),
  committeeName: Type.String(),
  committeeLevel: CommitteeLevel,
  source: DisputeSource,
  referralFrom: Nullable(ReferralFrom),
  referralNote: Type.String(),
  typeCode: Type.String(),
  typeLabel: Type.String(),
  summary: Type.String(),
  amount: Nullable(Type.String()),
  disclosure: Disclosure,
  registeredOn: Type.String(),
  status: DisputeStatus,
  acceptedOn: Nullable(Type.String()),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  dueThisWeek: Type.Boolean(),
  refusedOn: Nullable(Type.String()),
  refusingParty: Type.String(),
  refusalReason: Type.String(),
  closedOn: Nullable(Type.String()),
  agreement: Nullable(Agreement),
  otherChannels: Type.Array(OtherChannel),
  closeNote: Type.String(),
  mediators: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  judicial: Nullable(Judicial),
  parties: Type.Array(Party),
  sessionCount: Type.Integer(),
  followUpCount: Type.Integer(),
  /** The actor handles this dispute (mediation.write over its unit): sees identifiers unmasked and may act on it. */
  canWrite: Type.Boolean(),
  version: Type.Integer(),
};
export const DisputeListItem = Type.Object(disputeItemFields);
export type DisputeListItem = Static<typeof DisputeListItem>;
export const Dispute = Type.Object({ ...disputeItemFields, sessions: Type.Array(Session), followUps: Type.Array(FollowUp) });
export type Dispute = Static<typeof Dispute>;

const disputeFields = {
  source: DisputeSource,
  referralFrom: Type.Optional(ReferralFrom),
  referralNote: Type.Optional(Type.String({ title: '移交说明', maxLength: 200 })),
  typeCode: Type.String({ title: '纠纷类型', minLength: 1, maxLength: 64 }),
  summary: Text('纠纷简要情况', 5000),
  amount: Type.Optional(Money),
  disclosure: Type.Optional(Disclosure),
};
export const DisputeCreate = Input({
  orgUnitId: Id('纠纷发生地（镇或村）'),
  committeeId: Type.Optional(Id('受理的调解委员会')),
  registeredOn: DateString('登记日期'),
  ...disputeFields,
  parties: Parties,
});
export type DisputeCreate = Static<typeof DisputeCreate>;
export const DisputeUpdate = Input({
  ...optional(disputeFields),
  amount: Type.Optional(Type.Union([Money, Type.Literal('')])),
  parties: Type.Optional(Parties),
  version: Version,
});
export type DisputeUpdate = Static<typeof DisputeUpdate>;

export const AcceptBody = Input({
  acceptedOn: DateString('受理日期'),
  mediatorIds: Type.Array(Id('调解员'), { title: '调解员', minItems: 1, maxItems: 9 }),
  version: Version,
});
export type AcceptBody = Static<typeof AcceptBody>;
export const RefuseBody = Input({
  refusedOn: DateString('拒绝日期'),
  refusingParty: Text('拒绝调解的当事人', 100),
  reason: Text('拒绝理由', 1000),
  version: Version,
});
export type RefuseBody = Static<typeof RefuseBody>;
export const SessionCreate = Input({
  heldOn: DateString('调解日期'),
  place: Text('调解地点', 200),
  mediators: Type.Array(Text('调解员', 32), { title: '调解员', minItems: 1, maxItems: 20 }),
  attendees: Type.Optional(Type.Array(Text('参加人', 100), { title: '参加人员', maxItems: 50 })),
  record: Text('调解情况记录', 20000),
  version: Version,
});
export type SessionCreate = Static<typeof SessionCreate>;
export const SessionParams = Input({ id: Id('纠纷'), sessionId: Id('调解记录') });
export const CloseBody = Input({
  closedOn: DateString('办结日期'),
  outcome: CloseOutcome,
  agreementKind: Type.Optional(AgreementKind),
  facts: Type.Optional(LongText('纠纷主要事实、争议事项')),
  responsibilities: Type.Optional(LongText('各方当事人的责任')),
  terms: Type.Optional(LongText('协议内容')),
  performanceMethod: Type.Optional(Type.String({ title: '履行方式', maxLength: 500 })),
  performanceDeadline: Type.Optional(Type.String({ title: '履行期限', maxLength: 200 })),
  otherChannels: Type.Optional(Type.Array(OtherChannel, { title: '告知的其他途径', maxItems: 4 })),
  note: Type.Optional(LongText('办结说明', 2000)),
  version: Version,
});
export type CloseBody = Static<typeof CloseBody>;
export const FollowUpCreate = Input({
  followedOn: DateString('回访日期'),
  method: FollowUpMethod,
  performance: Performance,
  note: Type.Optional(LongText('回访情况', 2000)),
  version: Version,
});
export type FollowUpCreate = Static<typeof FollowUpCreate>;
export const JudicialApply = Input({
  appliedOn: DateString('申请日期'),
  court: Text('受理法院', 100),
  jointly: Type.Boolean({ title: '双方当事人共同申请' }),
  version: Version,
});
export type JudicialApply = Static<typeof JudicialApply>;
export const JudicialResultBody = Input({
  result: Literals(['confirmed', 'invalid', 'rejected'] as const, '司法确认结果'),
  resultOn: DateString('结果日期'),
  note: Type.Optional(LongText('说明', 1000)),
  version: Version,
});
export type JudicialResultBody = Static<typeof JudicialResultBody>;

const BoolQuery = (title: string) => Type.Boolean({ title });
/** The list's filters; export takes the same ones. */
const disputeFilters = {
  status: Type.Optional(DisputeStatus),
  typeCode: Type.Optional(Type.String({ title: '纠纷类型', maxLength: 64 })),
  orgUnitId: Type.Optional(Id('纠纷发生地')),
  committeeId: Type.Optional(Id('调解委员会')),
  level: Type.Optional(CommitteeLevel),
  year: Type.Optional(Type.Integer({ title: '登记年度', minimum: 2000, maximum: 2100 })),
  overdue: Type.Optional(BoolQuery('超期未结')),
  dueThisWeek: Type.Optional(BoolQuery('本周到期')),
  judicialDue: Type.Optional(BoolQuery('司法确认申请期限将届满')),
  q: Type.Optional(Type.String({ title: '当事人姓名、证件号、电话或纠纷编号', maxLength: 64 })),
};
export const DisputeQuery = Input({ ...pageFields, ...disputeFilters });
export type DisputeQuery = Static<typeof DisputeQuery>;
export const DisputeFilters = Input(disputeFilters);
export type DisputeFilters = Static<typeof DisputeFilters>;

export const Reminders = Type.Object({
  today: Type.String(),
  overdue: Type.Integer(),
  dueThisWeek: Type.Integer(),
  judicialDue: Type.Integer(),
  termsDue: Type.Array(Type.Object({ committeeId: Type.Integer(), name: Type.String(), termEnd: Type.String(), termStatus: TermStatus })),
});
export type Reminders = Static<typeof Reminders>;

// ── statistics ──────────────────────────────────────────────────────────────────────────────────

export const StatRow = Type.Object({
  key: Type.String(),
  label: Type.String(),
  registered: Type.Integer({ description: '年内登记' }),
  refused: Type.Integer(),
  closed: Type.Integer({ description: '年内调结（成功＋不成＋终止）' }),
  succeeded: Type.Integer(),
  failed: Type.Integer(),
  terminated: Type.Integer(),
  rate: Nullable(Type.Number({ description: '调解成功率 %，一位小数，四舍五入' })),
});
export type StatRow = Static<typeof StatRow>;
export const Statistics = Type.Object({
  year: Type.Integer(),
  total: StatRow,
  byLevel: Type.Array(StatRow),
  byUnit: Type.Array(StatRow),
  byType: Type.Array(StatRow),
  byMonth: Type.Array(StatRow),
});
export type Statistics = Static<typeof Statistics>;
export const StatisticsQuery = Input({ year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }), orgUnitId: Type.Optional(Id('范围')) });
export type StatisticsQuery = Static<typeof StatisticsQuery>;
