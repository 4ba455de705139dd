import { type Static, type TSchema, Type } from 'typebox';
import { DateString, Id, Input, Literals, optional, pageFields, Text, Version } from '../platform/contracts.ts';
import {
  caseStatuses,
  documentKinds,
  evidenceKinds,
  outcomes,
  partyTypes,
  paymentMethods,
  penaltyKinds,
  preservationHandlings,
  procedures,
  reviewConditions,
  reviewOpinions,
  serviceMethods,
} from './rules.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Money = (title: string) => Type.Number({ title, minimum: 0, maximum: 1_000_000_000 });
const LongText = (title: string, max = 5000) => Type.String({ title, maxLength: max });
const Instant = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}' });

export const PenaltyKind = Literals(penaltyKinds, '处罚种类');
export const PartyType = Literals(partyTypes, '当事人类型');
export const Procedure = Literals(procedures, '程序');
export const CaseStatus = Literals(caseStatuses, '案件状态');
export const Outcome = Literals(outcomes, '处理结果');
export const ReviewOpinion = Literals(reviewOpinions, '审核意见');
export const ServiceMethod = Literals(serviceMethods, '送达方式');
export const PaymentMethod = Literals(paymentMethods, '缴款方式');
export const EvidenceKind = Literals(evidenceKinds, '证据种类');
export const ReviewCondition = Literals(reviewConditions, '法制审核情形');
export const DocumentKind = Literals(documentKinds, '文书');

// ── body, officers, powers ─────────────────────────────────────────────────────────────────────────────────────

export const Body = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  name: Type.String(),
  officeName: Type.String(),
  delegationBasis: Type.String(),
  numberPrefix: Type.String(),
  address: Type.String(),
  phone: Type.String(),
  largeFinePerson: Type.Number(),
  largeFineOrganisation: Type.Number(),
  largeConfiscation: Type.Number(),
  version: Type.Integer(),
});
export type Body = Static<typeof Body>;
const bodyFields = {
  name: Text('执法主体名称', 100),
  officeName: Type.Optional(Type.String({ title: '办公室名称', maxLength: 100 })),
  delegationBasis: Type.Optional(LongText('赋权依据', 1000)),
  numberPrefix: Type.String({ title: '文号前缀', minLength: 1, maxLength: 20, pattern: '^[\\u4e00-\\u9fa5A-Za-z0-9]+$' }),
  address: Type.Optional(Type.String({ title: '地址', maxLength: 200 })),
  phone: Type.Optional(Type.String({ title: '联系电话', maxLength: 40 })),
  largeFinePerson: Type.Optional(Money('较大数额罚款（公民）')),
  largeFineOrganisation: Type.Optional(Money('较大数额罚款（法人或其他组织）')),
  largeConfiscation: Type.Optional(Money('较大数额没收')),
};
export const BodyCreate = Input({ orgUnitId: Id('所属乡镇'), ...bodyFields });
export type BodyCreate = Static<typeof BodyCreate>;
export const BodyUpdate = Input({ ...optional(bodyFields), version: Version });
export type BodyUpdate = Static<typeof BodyUpdate>;

export const Certificate = Type.Object({
  id: Type.Integer(),
  officerId: Type.Integer(),
  number: Type.String(),
  issuer: Type.String(),
  validFrom: Type.String(),
  validUntil: Type.String(),
  warning: Nullable(Literals(['expired', 'expiring'] as const, '证件提醒')),
  version: Type.Integer(),
});
export type Certificate = Static<typeof Certificate>;
export const Officer = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  bodyId: Type.Integer(),
  bodyName: Type.String(),
  userId: Nullable(Type.Integer()),
  name: Type.String(),
  post: Type.String(),
  fullTime: Type.Boolean(),
  active: Type.Boolean(),
  certificates: Type.Array(Certificate),
  validCertificate: Nullable(Type.String({ description: '今日有效的执法证号' })),
  version: Type.Integer(),
});
export type Officer = Static<typeof Officer>;
export const OfficerCreate = Input({
  bodyId: Id('执法主体'),
  userId: Type.Optional(Id('对应用户')),
  name: Text('姓名', 32),
  post: Type.Optional(Type.String({ title: '职务', maxLength: 64 })),
  fullTime: Type.Optional(Type.Boolean({ title: '专职' })),
});
export type OfficerCreate = Static<typeof OfficerCreate>;
export const OfficerUpdate = Input({
  name: Type.Optional(Text('姓名', 32)),
  post: Type.Optional(Type.String({ title: '职务', maxLength: 64 })),
  fullTime: Type.Optional(Type.Boolean({ title: '专职' })),
  active: Type.Optional(Type.Boolean({ title: '在岗' })),
  version: Version,
});
export type OfficerUpdate = Static<typeof OfficerUpdate>;
export const LegalReviewer = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  userId: Type.Integer(),
  name: Type.String(),
  startedOn: Type.String(),
  qualificationNumber: Type.String(),
  active: Type.Boolean(),
  /** Why this person may not review now (art. 58②), or null. */
  problem: Nullable(Type.String()),
  version: Type.Integer(),
});
export type LegalReviewer = Static<typeof LegalReviewer>;
const QualificationNumber = Type.String({ title: '法律职业资格证书编号', maxLength: 40 });
export const LegalReviewerCreate = Input({
  orgUnitId: Id('所属乡镇'),
  userId: Id('对应用户'),
  name: Text('姓名', 32),
  startedOn: DateString('首次从事法制审核日期'),
  qualificationNumber: Type.Optional(QualificationNumber),
});
export type LegalReviewerCreate = Static<typeof LegalReviewerCreate>;
export const LegalReviewerUpdate = Input({
  name: Type.Optional(Text('姓名', 32)),
  startedOn: Type.Optional(DateString('首次从事法制审核日期')),
  qualificationNumber: Type.Optional(QualificationNumber),
  active: Type.Optional(Type.Boolean({ title: '在岗' })),
  version: Version,
});
export type LegalReviewerUpdate = Static<typeof LegalReviewerUpdate>;
export const CertificateCreate = Input({
  number: Type.String({ title: '执法证号', minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9\\-]+$' }),
  issuer: Text('发证机关', 100),
  validFrom: DateString('有效期起'),
  validUntil: DateString('有效期至'),
});
export type CertificateCreate = Static<typeof CertificateCreate>;

export const Power = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  bodyId: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  law: Type.String(),
  article: Type.String(),
  penaltyKinds: Type.Array(PenaltyKind),
  penaltyRange: Type.String(),
  fineMin: Nullable(Type.Number()),
  fineMax: Nullable(Type.Number()),
  discretion: Type.String(),
  fiveYearLimitation: Type.Boolean(),
  delegatedFrom: Type.String(),
  active: Type.Boolean(),
  version: Type.Integer(),
});
export type Power = Static<typeof Power>;
const powerFields = {
  code: Type.String({ title: '事项编码', minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9\\-_]+$' }),
  name: Text('事项名称', 200),
  law: Text('法律依据（法律法规名称）', 200),
  article: Text('条款', 100),
  penaltyKinds: Type.Array(PenaltyKind, { title: '处罚种类', minItems: 1, maxItems: 10 }),
  penaltyRange: Text('处罚幅度', 1000),
  fineMin: Type.Optional(Nullable(Money('罚款下限'))),
  fineMax: Type.Optional(Nullable(Money('罚款上限'))),
  discretion: Type.Optional(LongText('裁量基准', 5000)),
  fiveYearLimitation: Type.Optional(Type.Boolean({ title: '适用五年追责期限' })),
  delegatedFrom: Type.Optional(Type.String({ title: '原实施部门', maxLength: 100 })),
  active: Type.Optional(Type.Boolean({ title: '启用' })),
};
export const PowerCreate = Input({ bodyId: Id('执法主体'), ...powerFields });
export type PowerCreate = Static<typeof PowerCreate>;
export const PowerUpdate = Input({ ...optional(powerFields), version: Version });
export type PowerUpdate = Static<typeof PowerUpdate>;

// ── cases ──────────────────────────────────────────────────────────────────────────────────────────────────────

export const Penalty = Type.Object({
  kinds: Type.Array(PenaltyKind, { title: '处罚种类', maxItems: 10 }),
  fineAmount: Money('罚款金额'),
  confiscationValue: Money('没收金额'),
  other: Type.Optional(Type.String({ title: '其他处罚内容', maxLength: 500 })),
});
export type Penalty = Static<typeof Penalty>;

export const Conclusion = Type.Object({
  concludedOn: Type.String(),
  facts: Type.String(),
  evidenceSummary: Type.String(),
  outcome: Outcome,
  penalty: Penalty,
  basis: Type.String(),
  discretionReason: Type.String(),
  reviewConditions: Type.Array(ReviewCondition),
  complexOrMajor: Type.Boolean(),
  by: Type.String(),
});
export type Conclusion = Static<typeof Conclusion>;
export const FilingInfo = Type.Object({
  requestedOn: Type.String(),
  requestedBy: Type.String(),
  opinion: Type.String(),
  approved: Nullable(Type.Boolean()),
  decidedOn: Nullable(Type.String()),
  approver: Nullable(Type.String()),
  approverOpinion: Nullable(Type.String()),
});
export const DiscussionInfo = Type.Object({
  discussedOn: Type.String(),
  attendees: Type.Array(Type.String()),
  conclusion: Type.String(),
  minutes: Type.String(),
  recordedBy: Type.String(),
});
export const NoticeInfo = Type.Object({
  servedOn: Type.String(),
  method: ServiceMethod,
  penalty: Penalty,
  facts: Type.String(),
  basis: Type.String(),
  hearingRight: Type.Boolean(),
  hearingDeadline: Nullable(Type.String()),
  by: Type.String(),
});
export type NoticeInfo = Static<typeof NoticeInfo>;
export const StatementsInfo = Type.Object({
  recordedOn: Type.String(),
  stated: Type.Boolean(),
  content: Type.String(),
  reexamination: Type.String(),
  adopted: Type.Boolean(),
  by: Type.String(),
});
export const DecisionInfo = Type.Object({
  decidedOn: Type.String(),
  outcome: Outcome,
  penalty: Penalty,
  facts: Type.String(),
  evidence: Type.String(),
  basis: Type.String(),
  reasons: Type.String(),
  performance: Type.String(),
  remedy: Type.String(),
  approver: Type.String(),
  onSpot: Type.Boolean(),
});
export type DecisionInfo = Static<typeof DecisionInfo>;
export const ServiceInfo = Type.Object({
  servedOn: Type.String(),
  method: ServiceMethod,
  recipient: Type.String(),
  place: Type.String(),
  electronicConsent: Type.Boolean(),
  lateReason: Type.String(),
  receiptAttachmentId: Nullable(Type.Integer()),
  by: Type.String(),
});
export const Payment = Type.Object({ paidOn: Type.String(), amount: Type.Number(), surcharge: Type.Number(), method: PaymentMethod, receipt: Type.String(), by: Type.String() });
export const ClosingInfo = Type.Object({
  closedOn: Type.String(),
  summary: Type.String(),
  by: Type.String(),
  archivedBy: Nullable(Type.String()),
  volume: Nullable(Type.String()),
});
export const PreservationHandling = Literals(preservationHandlings, '处理决定');
export const Preservation = Type.Object({
  no: Type.Integer(),
  approvedOn: Type.String(),
  approver: Type.String(),
  items: Type.String(),
  place: Type.String(),
  due: Type.String(),
  handledOn: Nullable(Type.String()),
  handling: Nullable(PreservationHandling),
  handlingNote: Type.String(),
  lateReason: Type.String(),
});
export const Instalment = Type.Object({ dueOn: DateString('缴纳期限'), amount: Type.Number({ title: '金额', exclusiveMinimum: 0, maximum: 1_000_000_000 }) });
export const PaymentPlanInfo = Type.Object({
  kind: Literals(['defer', 'instalments'] as const, '方式'),
  appliedOn: Type.String(),
  approvedOn: Type.String(),
  approver: Type.String(),
  reason: Type.String(),
  paidBefore: Type.Number(),
  instalments: Type.Array(Instalment),
});
export const CourtEnforcement = Type.Object({ urgedOn: Type.String(), appliedOn: Type.String(), court: Type.String(), by: Type.String() });
export const DecisionChange = Type.Object({
  changedOn: Type.String(),
  kind: Literals(['changed', 'revoked', 'illegal', 'void'] as const, '变更情形'),
  authority: Type.String(),
  reason: Type.String(),
});

export const Evidence = Type.Object({
  id: Type.Integer(),
  kind: EvidenceKind,
  title: Type.String(),
  description: Type.String(),
  collectedAt: Type.String(),
  place: Type.String(),
  collectors: Type.Array(Type.String()),
  attachmentId: Nullable(Type.Integer()),
  filename: Nullable(Type.String()),
  sha256: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  recordedAt: Type.String(),
});
export type Evidence = Static<typeof Evidence>;
export const LegalReview = Type.Object({
  id: Type.Integer(),
  reviewerName: Type.String(),
  reviewedOn: Type.String(),
  opinion: ReviewOpinion,
  checks: Type.Record(Type.String(), Type.Boolean()),
  comments: Type.String(),
});
export type LegalReview = Static<typeof LegalReview>;
export const Hearing = Type.Object({
  id: Type.Integer(),
  requestedOn: Type.String(),
  notifiedOn: Nullable(Type.String()),
  hearingOn: Nullable(Type.String()),
  place: Type.String(),
  presiderName: Type.String(),
  public: Type.Boolean(),
  heldOn: Nullable(Type.String()),
  partyAttended: Nullable(Type.Boolean()),
  minutes: Type.String(),
  waived: Type.Boolean(),
  version: Type.Integer(),
});
export const Publication = Type.Object({
  id: Type.Integer(),
  publishedOn: Type.String(),
  dueOn: Type.String(),
  late: Type.Boolean(),
  withdrawnOn: Nullable(Type.String()),
  withdrawReason: Nullable(Type.String()),
  withdrawDue: Nullable(Type.String()),
  version: Type.Integer(),
});
export type Publication = Static<typeof Publication>;
export const AgendaDeadline = Type.Object({ label: Type.String(), due: Type.String(), article: Type.String(), daysLeft: Type.Integer(), overdue: Type.Boolean() });
export const Agenda = Type.Object({ next: Nullable(Type.String()), deadlines: Type.Array(AgendaDeadline), blocked: Type.Array(Type.String()) });
export type Agenda = Static<typeof Agenda>;

export const Party = Type.Object({
  type: PartyType,
  name: Type.String(),
  idNumber: Nullable(Type.String({ description: '无权查看个人信息的角色看到脱敏值' })),
  phone: Nullable(Type.String()),
  address: Type.String(),
  representative: Type.String(),
});
const caseCore = {
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  bodyId: Type.Integer(),
  bodyName: Type.String(),
  powerId: Type.Integer(),
  powerCode: Type.String(),
  powerName: Type.String(),
  procedure: Procedure,
  status: CaseStatus,
  party: Party,
  summary: Type.String(),
  discoveredOn: Type.String(),
  filingNumber: Nullable(Type.String()),
  filedOn: Nullable(Type.String()),
  decisionNumber: Nullable(Type.String()),
  decidedOn: Nullable(Type.String()),
  outcome: Nullable(Outcome),
  fineAmount: Type.Number(),
  paidAmount: Type.Number(),
  closedOn: Nullable(Type.String()),
  imported: Type.Boolean({ description: '台账导入的历史案件' }),
  agenda: Agenda,
  version: Type.Integer(),
};
export const CaseListItem = Type.Object(caseCore);
export type CaseListItem = Static<typeof CaseListItem>;
export const CaseDetail = Type.Object({
  ...caseCore,
  clueSource: Type.String(),
  actDate: Type.String(),
  actEndDate: Nullable(Type.String()),
  actPlace: Type.String(),
  fiveYearLimitation: Type.Boolean(),
  investigators: Type.Array(Type.Object({ userId: Type.Integer(), name: Type.String(), certificate: Nullable(Type.String()) })),
  extendedTo: Nullable(Type.String()),
  filing: Nullable(FilingInfo),
  conclusion: Nullable(Conclusion),
  discussion: Nullable(DiscussionInfo),
  notice: Nullable(NoticeInfo),
  statements: Nullable(StatementsInfo),
  decision: Nullable(DecisionInfo),
  service: Nullable(ServiceInfo),
  payments: Type.Array(Payment),
  closing: Nullable(ClosingInfo),
  decisionChange: Nullable(DecisionChange),
  preservations: Type.Array(Preservation),
  paymentPlan: Nullable(PaymentPlanInfo),
  courtEnforcement: Nullable(CourtEnforcement),
  confiscationValue: Type.Number(),
  servedOn: Nullable(Type.String()),
  paymentDue: Nullable(Type.String()),
  surchargePaid: Type.Number(),
  surchargeDue: Type.Number({ description: '截至今日（或缴清日）应加处罚款' }),
  archivedOn: Nullable(Type.String()),
  hearingEligible: Type.Boolean(),
  hearing: Nullable(Hearing),
  reviews: Type.Array(LegalReview),
  evidence: Type.Array(Evidence),
  publication: Nullable(Publication),
  chainLength: Type.Integer(),
});
export type CaseDetail = Static<typeof CaseDetail>;

export const CaseQuery = Input({
  ...pageFields,
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
  status: Type.Optional(CaseStatus),
  procedure: Type.Optional(Procedure),
  powerId: Type.Optional(Id('执法事项')),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
  attention: Type.Optional(Literals(['due', 'overdue', 'blocked'] as const, '关注')),
});
export type CaseQuery = Static<typeof CaseQuery>;

const partyFields = {
  partyType: PartyType,
  partyName: Text('当事人', 100),
  partyIdNumber: Type.Optional(Type.String({ title: '身份证号/统一社会信用代码', pattern: '^(\\d{17}[\\dXx]|[0-9A-HJ-NPQRTUWXY]{18})$' })),
  partyPhone: Type.Optional(Type.String({ title: '联系电话', pattern: '^1\\d{10}$' })),
  partyAddress: Type.Optional(Type.String({ title: '住所/地址', maxLength: 200 })),
  partyRepresentative: Type.Optional(Type.String({ title: '法定代表人/负责人', maxLength: 32 })),
};
const actFields = {
  summary: Text('违法行为摘要', 1000),
  actDate: DateString('违法行为发生日期'),
  actEndDate: Type.Optional(DateString('违法行为终了日期（连续或继续状态）')),
  actPlace: Type.Optional(Type.String({ title: '违法行为地点', maxLength: 200 })),
};
export const ClueCreate = Input({
  powerId: Id('执法事项'),
  ...partyFields,
  ...actFields,
  clueSource: Type.Optional(Type.String({ title: '线索来源', maxLength: 200 })),
  discoveredOn: DateString('发现日期'),
});
export type ClueCreate = Static<typeof ClueCreate>;
export const ClueUpdate = Input({ ...ClueCreate.properties, version: Version });
export type ClueUpdate = Static<typeof ClueUpdate>;

export const SimpleCaseCreate = Input({
  powerId: Id('执法事项'),
  ...partyFields,
  ...actFields,
  decidedOn: DateString('决定日期'),
  officerIds: Type.Array(Id('执法人员'), { title: '执法人员', minItems: 1, maxItems: 10 }),
  kinds: Type.Array(PenaltyKind, { title: '处罚种类', minItems: 1, maxItems: 2 }),
  fineAmount: Money('罚款金额'),
  facts: Text('违法事实', 5000),
  basis: Text('处罚依据', 2000),
  paymentMethod: Type.Optional(PaymentMethod),
  paidOn: Type.Optional(DateString('缴款日期')),
  hardToExecuteLater: Type.Optional(Type.Boolean({ title: '不当场收缴事后难以执行' })),
});
export type SimpleCaseCreate = Static<typeof SimpleCaseCreate>;

export const FilingRequest = Input({
  requestedOn: DateString('提请日期'),
  investigatorIds: Type.Array(Id('承办人员'), { title: '承办执法人员', minItems: 1, maxItems: 10 }),
  opinion: Text('承办人意见', 2000),
  version: Version,
});
export type FilingRequest = Static<typeof FilingRequest>;
export const FilingDecision = Input({ approve: Type.Boolean({ title: '是否批准立案' }), decidedOn: DateString('审批日期'), opinion: Text('审批意见', 1000), version: Version });
export type FilingDecision = Static<typeof FilingDecision>;

export const EvidenceCreate = Input({
  kind: EvidenceKind,
  title: Text('证据名称', 200),
  description: Type.Optional(LongText('证明内容', 2000)),
  collectedAt: Instant('取证时间'),
  place: Text('取证地点', 200),
  collectorIds: Type.Array(Id('取证人员'), { title: '取证人员', minItems: 1, maxItems: 10 }),
  attachmentId: Type.Optional(Id('附件')),
  version: Version,
});
export type EvidenceCreate = Static<typeof EvidenceCreate>;

export const ConcludeBody = Input({
  concludedOn: DateString('调查终结日期'),
  facts: Text('违法事实', 5000),
  evidenceSummary: Text('证据情况', 5000),
  outcome: Outcome,
  kinds: Type.Array(PenaltyKind, { title: '拟处罚种类', maxItems: 10 }),
  fineAmount: Money('拟罚款金额'),
  confiscationValue: Type.Optional(Money('拟没收金额')),
  otherPenalty: Type.Optional(Type.String({ title: '其他处罚内容', maxLength: 500 })),
  basis: Text('法律依据', 2000),
  discretionReason: Type.Optional(LongText('裁量理由', 2000)),
  reviewConditions: Type.Array(ReviewCondition, { title: '法制审核情形（第五十八条）', maxItems: 5 }),
  complexOrMajor: Type.Boolean({ title: '情节复杂或重大违法（须集体讨论）' }),
  version: Version,
});
export type ConcludeBody = Static<typeof ConcludeBody>;

export const LegalReviewCreate = Input({
  reviewedOn: DateString('审核日期'),
  opinion: ReviewOpinion,
  checks: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z_]+$', maxLength: 40 }), Type.Boolean(), { title: '审核内容' })),
  comments: Text('审核意见', 5000),
  version: Version,
});
export type LegalReviewCreate = Static<typeof LegalReviewCreate>;

export const DiscussionCreate = Input({
  discussedOn: DateString('讨论日期'),
  attendees: Type.Array(Text('参加人', 32), { title: '参加人员', minItems: 3, maxItems: 50 }),
  conclusion: Text('讨论结论', 2000),
  minutes: Type.Optional(LongText('讨论记录', 20000)),
  version: Version,
});
export type DiscussionCreate = Static<typeof DiscussionCreate>;

export const NoticeCreate = Input({ servedOn: DateString('告知书送达日期'), method: ServiceMethod, version: Version });
export type NoticeCreate = Static<typeof NoticeCreate>;
export const StatementsCreate = Input({
  recordedOn: DateString('记录日期'),
  stated: Type.Boolean({ title: '当事人是否陈述申辩' }),
  content: Type.Optional(LongText('陈述申辩内容', 5000)),
  reexamination: Type.Optional(LongText('复核意见', 5000)),
  adopted: Type.Optional(Type.Boolean({ title: '是否采纳' })),
  version: Version,
});
export type StatementsCreate = Static<typeof StatementsCreate>;
export const HearingRequestCreate = Input({ requestedOn: DateString('申请日期'), version: Version });
export const HearingWaiveBody = Input({ waivedOn: DateString('放弃日期'), version: Version });
export const HearingSchedule = Input({
  notifiedOn: DateString('通知日期'),
  hearingOn: DateString('听证日期'),
  place: Text('听证地点', 200),
  presiderId: Id('主持人'),
  public: Type.Boolean({ title: '公开举行' }),
  version: Version,
});
export type HearingSchedule = Static<typeof HearingSchedule>;
export const HearingRecord = Input({ heldOn: DateString('举行日期'), partyAttended: Type.Boolean({ title: '当事人到场' }), minutes: Text('听证笔录', 20000), version: Version });
export type HearingRecord = Static<typeof HearingRecord>;

export const DecideBody = Input({
  decidedOn: DateString('决定日期'),
  outcome: Outcome,
  kinds: Type.Array(PenaltyKind, { title: '处罚种类', maxItems: 10 }),
  fineAmount: Money('罚款金额'),
  confiscationValue: Type.Optional(Money('没收金额')),
  otherPenalty: Type.Optional(Type.String({ title: '其他处罚内容', maxLength: 500 })),
  reasons: Text('理由（含陈述申辩采纳情况）', 5000),
  version: Version,
});
export type DecideBody = Static<typeof DecideBody>;
export const ServeBody = Input({
  servedOn: DateString('送达日期'),
  method: ServiceMethod,
  recipient: Text('受送达人', 100),
  place: Type.Optional(Type.String({ title: '送达地点', maxLength: 200 })),
  electronicConsent: Type.Optional(Type.Boolean({ title: '当事人同意电子送达并签订确认书' })),
  lateReason: Type.Optional(Type.String({ title: '逾期原因', maxLength: 500 })),
  receiptAttachmentId: Type.Optional(Id('送达回证扫描件')),
  version: Version,
});
export type ServeBody = Static<typeof ServeBody>;
export const PaymentCreate = Input({
  paidOn: DateString('缴款日期'),
  amount: Type.Number({ title: '缴款金额', exclusiveMinimum: 0, maximum: 1_000_000_000 }),
  method: PaymentMethod,
  receipt: Type.Optional(Type.String({ title: '票据号', maxLength: 64 })),
  hardToExecuteLater: Type.Optional(Type.Boolean({ title: '不当场收缴事后难以执行' })),
  daysUnderReview: Type.Optional(Type.Integer({ title: '复议/诉讼期间天数', minimum: 0, maximum: 3650 })),
  version: Version,
});
export type PaymentCreate = Static<typeof PaymentCreate>;
export const PreservationCreate = Input({
  approvedOn: DateString('负责人批准日期'),
  approver: Text('批准的负责人', 64),
  items: Text('先行登记保存的证据（名称、数量）', 2000),
  place: Type.Optional(Type.String({ title: '保存地点', maxLength: 200 })),
  version: Version,
});
export type PreservationCreate = Static<typeof PreservationCreate>;
export const PreservationHandle = Input({
  no: Type.Integer({ title: '先行登记保存序号', minimum: 1 }),
  handledOn: DateString('处理决定日期'),
  handling: PreservationHandling,
  handlingNote: Type.Optional(Type.String({ title: '处理情况', maxLength: 2000 })),
  lateReason: Type.Optional(Type.String({ title: '逾期原因', maxLength: 1000 })),
  version: Version,
});
export type PreservationHandle = Static<typeof PreservationHandle>;
export const PaymentPlanCreate = Input({
  kind: Literals(['defer', 'instalments'] as const, '方式（暂缓/分期）'),
  appliedOn: DateString('当事人申请日期'),
  approvedOn: DateString('批准日期'),
  reason: Text('申请理由（经济困难情况）', 2000),
  instalments: Type.Array(Instalment, { title: '缴纳期限和金额', minItems: 1, maxItems: 36 }),
  version: Version,
});
export type PaymentPlanCreate = Static<typeof PaymentPlanCreate>;
export const CourtEnforcementCreate = Input({
  urgedOn: DateString('催告书送达日期'),
  appliedOn: DateString('申请强制执行日期'),
  court: Text('受理法院', 100),
  version: Version,
});
export type CourtEnforcementCreate = Static<typeof CourtEnforcementCreate>;
export const CloseBody = Input({ closedOn: DateString('结案日期'), summary: Text('结案情况', 5000), version: Version });
export type CloseBody = Static<typeof CloseBody>;
export const ArchiveBody = Input({ archivedOn: DateString('归档日期'), volume: Type.Optional(Type.String({ title: '案卷号', maxLength: 64 })), version: Version });
export type ArchiveBody = Static<typeof ArchiveBody>;
export const ExtendBody = Input({ extendedTo: DateString('延长至'), basis: Text('延长依据（法律、法规、规章的规定）', 1000), version: Version });
export type ExtendBody = Static<typeof ExtendBody>;
export const DecisionChangeBody = Input({
  changedOn: DateString('变更/撤销日期'),
  kind: Literals(['changed', 'revoked', 'illegal', 'void'] as const, '变更情形'),
  authority: Text('作出机关', 100),
  reason: Text('理由', 1000),
  version: Version,
});
export type DecisionChangeBody = Static<typeof DecisionChangeBody>;
export const PublishBody = Input({ publishedOn: DateString('公示日期'), version: Version });
export const WithdrawBody = Input({ withdrawnOn: DateString('撤回日期'), reason: Text('撤回理由', 1000), version: Version });

export const TimelineEvent = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  actorName: Type.String(),
  kind: Type.String(),
  summary: Type.String(),
  hash: Type.String(),
});
export type TimelineEvent = Static<typeof TimelineEvent>;
export const ChainVerification = Type.Object({ ok: Type.Boolean(), length: Type.Integer(), head: Type.String(), problems: Type.Array(Type.String()) });
export type ChainVerification = Static<typeof ChainVerification>;
export const DocumentParams = Input({ id: Type.Integer({ title: '编号', minimum: 1 }), kind: DocumentKind });

// ── publication ────────────────────────────────────────────────────────────────────────────────────────────────

export const PublicDecision = Type.Object({
  decisionNumber: Type.String(),
  bodyName: Type.String(),
  townName: Type.String(),
  partyName: Type.String(),
  partyAddress: Type.String(),
  facts: Type.String(),
  penalty: Type.String(),
  basis: Type.String(),
  decidedOn: Type.String(),
  publishedOn: Type.String(),
  withdrawnOn: Nullable(Type.String()),
  withdrawReason: Nullable(Type.String()),
});
export type PublicDecision = Static<typeof PublicDecision>;
export const PublicEnforcement = Type.Object({
  bodies: Type.Array(
    Type.Object({ name: Type.String(), officeName: Type.String(), townName: Type.String(), delegationBasis: Type.String(), address: Type.String(), phone: Type.String() }),
  ),
  officers: Type.Array(Type.Object({ name: Type.String(), certificateNumber: Type.String(), validUntil: Type.String(), bodyName: Type.String() })),
  powers: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      law: Type.String(),
      article: Type.String(),
      penaltyRange: Type.String(),
      discretion: Type.String(),
      bodyName: Type.String(),
    }),
  ),
  decisions: Type.Array(PublicDecision),
});
export type PublicEnforcement = Static<typeof PublicEnforcement>;

// ── case-file reviews ──────────────────────────────────────────────────────────────────────────────────────────

export const ScoringItem = Type.Object({
  code: Type.String({ title: '项目代码', pattern: '^[a-z_]+$', maxLength: 40 }),
  label: Text('项目', 200),
  points: Type.Integer({ title: '分值', minimum: 0, maximum: 100 }),
  veto: Type.Boolean({ title: '否决项' }),
});
export const Standard = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  name: Type.String(),
  items: Type.Array(ScoringItem),
  excellentMin: Type.Integer(),
  passMin: Type.Integer(),
  version: Type.Integer(),
});
export type Standard = Static<typeof Standard>;
export const StandardCreate = Input({
  orgUnitId: Id('所属乡镇'),
  name: Text('标准名称', 100),
  items: Type.Array(ScoringItem, { title: '评查项目', minItems: 1, maxItems: 100 }),
  excellentMin: Type.Integer({ title: '优秀分数线', minimum: 0, maximum: 100 }),
  passMin: Type.Integer({ title: '合格分数线', minimum: 0, maximum: 100 }),
});
export type StandardCreate = Static<typeof StandardCreate>;

export const Round = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  standardId: Type.Integer(),
  title: Type.String(),
  heldOn: Type.String(),
  partner: Type.String(),
  reviewers: Type.String(),
  summary: Type.String(),
  fileReviews: Type.Integer(),
  findings: Type.Integer(),
  corrected: Type.Integer(),
  version: Type.Integer(),
});
export type Round = Static<typeof Round>;
export const RoundCreate = Input({
  orgUnitId: Id('所属乡镇'),
  standardId: Id('评查标准'),
  title: Text('评查名称', 200),
  heldOn: DateString('评查日期'),
  partner: Type.Optional(Type.String({ title: '联合评查单位', maxLength: 100 })),
  reviewers: Type.Optional(Type.String({ title: '评查人员', maxLength: 500 })),
  summary: Type.Optional(LongText('评查小结', 5000)),
});
export type RoundCreate = Static<typeof RoundCreate>;

export const Finding = Type.Object({
  id: Type.Integer(),
  fileReviewId: Type.Integer(),
  caseId: Type.Integer(),
  caseLabel: Type.String(),
  document: Type.String(),
  category: Type.String(),
  categoryLabel: Type.String(),
  description: Type.String(),
  assigneeName: Type.String(),
  dueOn: Nullable(Type.String()),
  status: Literals(['open', 'rectified', 'closed'] as const, '整改状态'),
  rectifiedOn: Nullable(Type.String()),
  rectification: Type.String(),
  recheckedOn: Nullable(Type.String()),
  recheckedBy: Type.String(),
  version: Type.Integer(),
});
export type Finding = Static<typeof Finding>;
export const FindingCreate = Input({
  document: Type.Optional(Type.String({ title: '所涉文书', maxLength: 100 })),
  category: Type.String({ title: '问题类别', pattern: '^[a-z0-9_]+$', maxLength: 64 }),
  description: Text('问题描述', 2000),
  assigneeId: Type.Optional(Id('整改责任人')),
  assigneeName: Text('整改责任人', 32),
  dueOn: Type.Optional(DateString('整改期限')),
});
export type FindingCreate = Static<typeof FindingCreate>;
export const FileReview = Type.Object({
  id: Type.Integer(),
  roundId: Type.Integer(),
  caseId: Type.Integer(),
  caseLabel: Type.String(),
  reviewedOn: Type.String(),
  reviewer: Type.String(),
  deductions: Type.Record(Type.String(), Type.Number()),
  vetoed: Type.Array(Type.String()),
  total: Type.Integer(),
  grade: Literals(['excellent', 'pass', 'fail'] as const, '等次'),
  comments: Type.String(),
  findings: Type.Array(Finding),
  version: Type.Integer(),
});
export type FileReview = Static<typeof FileReview>;
export const FileReviewCreate = Input({
  caseId: Id('案卷'),
  reviewedOn: DateString('评查日期'),
  reviewer: Text('评查人', 100),
  deductions: Type.Optional(Type.Record(Type.String({ pattern: '^[a-z_]+$', maxLength: 40 }), Type.Integer({ minimum: 0, maximum: 100 }), { title: '扣分' })),
  vetoed: Type.Optional(Type.Array(Type.String({ pattern: '^[a-z_]+$', maxLength: 40 }), { title: '否决项', maxItems: 20 })),
  comments: Type.Optional(LongText('评查意见', 5000)),
  findings: Type.Optional(Type.Array(FindingCreate, { title: '发现问题', maxItems: 50 })),
});
export type FileReviewCreate = Static<typeof FileReviewCreate>;
export const RectifyBody = Input({ rectifiedOn: DateString('整改日期'), rectification: Text('整改情况', 2000), version: Version });
export type RectifyBody = Static<typeof RectifyBody>;
export const RecheckBody = Input({
  recheckedOn: DateString('复查日期'),
  passed: Type.Boolean({ title: '复查通过' }),
  recheckedBy: Text('复查人', 32),
  note: Type.Optional(Type.String({ title: '复查意见', maxLength: 1000 })),
  version: Version,
});
export type RecheckBody = Static<typeof RecheckBody>;
export const FindingQuery = Input({ ...pageFields, roundId: Type.Optional(Id('评查')), status: Type.Optional(Literals(['open', 'rectified', 'closed'] as const, '整改状态')) });
export type FindingQuery = Static<typeof FindingQuery>;

// ── statistics ─────────────────────────────────────────────────────────────────────────────────────────────────

export const StatsQuery = Input({ year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }), orgUnitId: Type.Optional(Id('乡镇')) });
export type StatsQuery = Static<typeof StatsQuery>;
export const Stats = Type.Object({
  year: Type.Integer(),
  cases: Type.Integer({ description: '本年立案（普通程序）或当场决定（简易程序）的案件' }),
  simple: Type.Integer(),
  ordinary: Type.Integer(),
  closed: Type.Integer(),
  closureRate: Nullable(Type.Number()),
  finesImposed: Type.Number(),
  finesCollected: Type.Number(),
  surchargesCollected: Type.Number(),
  overdue: Type.Integer(),
  byStatus: Type.Array(Type.Object({ status: CaseStatus, count: Type.Integer() })),
  byPower: Type.Array(Type.Object({ powerId: Type.Integer(), code: Type.String(), name: Type.String(), count: Type.Integer() })),
  byMonth: Type.Array(Type.Object({ month: Type.String(), filed: Type.Integer(), decided: Type.Integer(), closed: Type.Integer() })),
  powers: Type.Integer(),
  officers: Type.Integer(),
  reviews: Type.Integer(),
  findings: Type.Integer(),
  corrected: Type.Integer(),
  byCategory: Type.Array(Type.Object({ category: Type.String(), label: Type.String(), count: Type.Integer() })),
});
export type Stats = Static<typeof Stats>;
