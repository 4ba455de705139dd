/**
 * Rules of administrative enforcement (行政执法) under the 行政处罚法 (2021) and 国办发〔2018〕118号 — see
 * shared/DOMAIN.md §1, §2, §6. Pure functions: every refusal the workflow gives comes from here, with its article.
 */
import { addDays, addMonths } from '../platform/dates.ts';
import { addWorkingDays, type WorkCalendar } from '../platform/workdays.ts';
import type { CaseDetail } from './contracts.ts';

// ── vocabularies ───────────────────────────────────────────────────────────────────────────────────────────────

/** Art. 9 kinds of penalty (as the platform records them). */
export const penaltyKinds = [
  'warning',
  'criticism',
  'fine',
  'confiscate_income',
  'confiscate_property',
  'suspend_license',
  'revoke_license',
  'restrict_business',
  'stop_business',
  'other',
] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];
export const penaltyKindLabels: Record<PenaltyKind, string> = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscate_income: '没收违法所得',
  confiscate_property: '没收非法财物',
  suspend_license: '暂扣许可证件、降低资质等级',
  revoke_license: '吊销许可证件',
  restrict_business: '限制开展生产经营活动、限制从业',
  stop_business: '责令停产停业、责令关闭',
  other: '其他行政处罚',
};

export const partyTypes = ['person', 'organisation'] as const;
export type PartyType = (typeof partyTypes)[number];
export const partyTypeLabels: Record<PartyType, string> = { person: '公民', organisation: '法人或其他组织' };

export const procedures = ['simple', 'ordinary'] as const;
export type Procedure = (typeof procedures)[number];
export const procedureLabels: Record<Procedure, string> = { simple: '简易程序', ordinary: '普通程序' };

/** Case states, in the order of the ordinary procedure (DOMAIN §1 arts 54–73). */
export const caseStatuses = ['clue', 'filing', 'investigating', 'reviewing', 'notified', 'decided', 'served', 'closed', 'archived', 'not_filed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = {
  clue: '线索登记',
  filing: '待立案审批',
  investigating: '调查取证',
  reviewing: '调查终结',
  notified: '已告知',
  decided: '已决定',
  served: '已送达（执行中）',
  closed: '已结案',
  archived: '已归档',
  not_filed: '不予立案',
};

export const outcomes = ['penalty', 'no_penalty', 'not_established', 'transfer'] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeLabels: Record<Outcome, string> = {
  penalty: '给予行政处罚',
  no_penalty: '不予行政处罚',
  not_established: '违法事实不能成立，不予处罚',
  transfer: '移送司法机关',
};

export const reviewOpinions = ['agree', 'correct', 'transfer'] as const;
export type ReviewOpinion = (typeof reviewOpinions)[number];
export const reviewOpinionLabels: Record<ReviewOpinion, string> = { agree: '同意', correct: '纠正', transfer: '移送' };

export const serviceMethods = ['on_spot', 'direct', 'left_at_residence', 'mail', 'electronic', 'entrusted', 'announcement'] as const;
export type ServiceMethod = (typeof serviceMethods)[number];
export const serviceMethodLabels: Record<ServiceMethod, string> = {
  on_spot: '宣告后当场交付',
  direct: '直接送达',
  left_at_residence: '留置送达',
  mail: '邮寄送达',
  electronic: '电子送达（传真、电子邮件等）',
  entrusted: '委托送达',
  announcement: '公告送达',
};

export const paymentMethods = ['bank', 'electronic', 'on_spot'] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentMethodLabels: Record<PaymentMethod, string> = { bank: '指定银行缴纳', electronic: '电子支付', on_spot: '当场收缴' };

export const evidenceKinds = ['documentary', 'physical', 'audiovisual', 'electronic', 'witness', 'party_statement', 'expert_opinion', 'inspection_record'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];
export const evidenceKindLabels: Record<EvidenceKind, string> = {
  documentary: '书证',
  physical: '物证',
  audiovisual: '视听资料',
  electronic: '电子数据',
  witness: '证人证言',
  party_statement: '当事人的陈述',
  expert_opinion: '鉴定意见',
  inspection_record: '勘验笔录、现场笔录',
};

/** Art. 58 conditions under which a legal review (法制审核) must precede the decision. */
export const reviewConditions = ['public_interest', 'major_rights', 'hearing_held', 'complex', 'other_law'] as const;
export type ReviewCondition = (typeof reviewConditions)[number];
export const reviewConditionLabels: Record<ReviewCondition, string> = {
  public_interest: '涉及重大公共利益',
  major_rights: '直接关系当事人或者第三人重大权益',
  hearing_held: '经过听证程序',
  complex: '案件情况疑难复杂、涉及多个法律关系',
  other_law: '法律、法规规定应当进行法制审核的其他情形',
};

/** The documents the platform fills from a case. */
export const documentKinds = ['filing_approval', 'prior_notice', 'legal_review', 'decision', 'service_receipt', 'closing_report'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindLabels: Record<DocumentKind, string> = {
  filing_approval: '立案审批表',
  prior_notice: '行政处罚事先告知书',
  legal_review: '法制审核意见书',
  decision: '行政处罚决定书',
  service_receipt: '送达回证',
  closing_report: '结案报告',
};

/**
 * Which documents a case can produce at its current stage, or why not (the page enables only those). A case moved in
 * from the town's old register has its documents on paper: the platform fills none of them.
 */
export function documentAvailable(c: Pick<CaseDetail, 'imported' | 'filing' | 'conclusion' | 'reviews' | 'decision' | 'outcome' | 'closing'>, kind: DocumentKind): string | null {
  if (c.imported) return '台账导入的历史案件，文书以原纸质案卷为准';
  switch (kind) {
    case 'filing_approval':
      return c.filing ? null : '尚未提请立案';
    case 'prior_notice':
      return c.conclusion?.outcome === 'penalty' ? null : '调查终结并拟给予处罚后方可制作事先告知书';
    case 'legal_review':
      return c.reviews.length > 0 ? null : '尚无法制审核意见';
    case 'decision':
      return c.decision && c.outcome !== 'transfer' ? null : '尚未作出行政处罚决定';
    case 'service_receipt':
      return c.decision && c.outcome !== 'transfer' ? null : '尚未作出决定，无文书可送达';
    case 'closing_report':
      return c.closing ? null : '尚未结案';
  }
}

/**
 * Review finding categories (DOMAIN §6) are the dictionary `enforcement.finding_category`; until an admin defines it
 * these defaults apply (the demo loads them into the dictionary).
 */
export const findingCategoryKind = 'enforcement.finding_category';
export const defaultFindingCategories = [
  { code: 'document', label: '文书不规范' },
  { code: 'evidence', label: '证据采集' },
  { code: 'procedure', label: '执法程序' },
  { code: 'archiving', label: '案卷归档' },
  { code: 'law_application', label: '适用法律' },
  { code: 'discretion', label: '裁量' },
] as const;

// ── money ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** 元 to 分 and back, so sums never drift. */
export const toCents = (yuan: number): number => Math.round(yuan * 100);
export const fromCents = (cents: number): number => cents / 100;
export const formatYuan = (yuan: number): string => `${yuan.toFixed(2)}元`;

/** A rate with one decimal, half-up (61/65 → 93.8). Null when there is no denominator. */
/** Rates as the report prints them: the platform's one rate function. */
export { percentRate as percent } from '../platform/rates.ts';

/** The date a case counts by: the year it was filed (普通程序) or decided on the spot (简易程序). */
export const caseCountDate = (c: { procedure: 'simple' | 'ordinary'; filed_on: string | null; decided_on: string | null }): string | null =>
  c.procedure === 'simple' ? c.decided_on : c.filed_on;

// ── simple procedure (arts 51, 68) ─────────────────────────────────────────────────────────────────────────────

export const SIMPLE_FINE_LIMIT: Record<PartyType, number> = { person: 200, organisation: 3000 };

/** 当场处罚 only for a warning or a fine up to 200 元 (公民) / 3000 元 (法人或其他组织). */
export function simpleProcedureProblem(p: { partyType: PartyType; kinds: readonly PenaltyKind[]; fineAmount: number }): string | null {
  const other = p.kinds.filter((k) => k !== 'warning' && k !== 'fine');
  if (p.kinds.length === 0) return '当场处罚应当载明处罚种类（警告或罚款）';
  if (other.length > 0) {
    return `《行政处罚法》第五十一条规定当场处罚只能是警告或者罚款，「${other.map((k) => penaltyKindLabels[k]).join('、')}」须适用普通程序`;
  }
  const limit = SIMPLE_FINE_LIMIT[p.partyType];
  if (p.kinds.includes('fine') && p.fineAmount <= 0) return '罚款数额应当大于零';
  if (!p.kinds.includes('fine') && p.fineAmount > 0) return '未选择罚款却填写了罚款数额';
  if (p.fineAmount > limit) {
    return `对${partyTypeLabels[p.partyType]}罚款 ${p.fineAmount} 元超过《行政处罚法》第五十一条规定的当场处罚限额（${limit} 元），请适用普通程序`;
  }
  return null;
}

/** Art. 68: 当场收缴 only for fines up to 100 元, or where not collecting on the spot would make it hard to execute. */
export function onSpotCollectionProblem(fineAmount: number, hardToExecuteLater: boolean): string | null {
  if (fineAmount <= 100 || hardToExecuteLater) return null;
  return `罚款 ${fineAmount} 元超过 100 元，依《行政处罚法》第六十八条不得当场收缴（不当场收缴事后难以执行的除外），应由当事人到指定银行或者通过电子支付缴纳`;
}

// ── limitation (art. 36) ───────────────────────────────────────────────────────────────────────────────────────

/** Same day `years` later; 29 February falls back to 28 February (民法典 art. 202: no such day → last day of month). */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  if (md === '02-29') {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return `${y}-02-${leap ? '29' : '28'}`;
  }
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** The last day on which the act may still be discovered: 2 years (5 for life, health or financial safety with harm) from the act or its end. */
export function limitationEnds(p: { actDate: string; actEndDate?: string | null; fiveYears: boolean }): string {
  const from = p.actEndDate && p.actEndDate > p.actDate ? p.actEndDate : p.actDate;
  return addYears(from, p.fiveYears ? 5 : 2);
}

export function limitationProblem(p: { actDate: string; actEndDate?: string | null; fiveYears: boolean; discoveredOn: string }): string | null {
  if (p.actEndDate && p.actEndDate < p.actDate) return '违法行为终了日期不能早于发生日期';
  if (p.discoveredOn < p.actDate) return '发现日期不能早于违法行为发生日期';
  const ends = limitationEnds(p);
  if (p.discoveredOn <= ends) return null;
  return p.fiveYears
    ? `违法行为自${p.actEndDate ? '终了' : '发生'}之日起五年内未被发现（至 ${ends}），超过《行政处罚法》第三十六条规定的五年追责期限，不予立案`
    : `违法行为自${p.actEndDate ? '终了' : '发生'}之日起二年内未被发现（至 ${ends}），超过《行政处罚法》第三十六条规定的二年追责期限，不予立案`;
}

// ── officers (art. 42) ─────────────────────────────────────────────────────────────────────────────────────────

export type CertificateFacts = { number: string; validFrom: string; validUntil: string };
export type OfficerFacts = { id: number; name: string; active: boolean; certificates: readonly CertificateFacts[] };

export const certificateValidOn = (c: CertificateFacts, date: string): boolean => c.validFrom <= date && date <= c.validUntil;
export const validCertificate = (o: OfficerFacts, date: string): CertificateFacts | null => (o.active ? (o.certificates.find((c) => certificateValidOn(c, date)) ?? null) : null);

const TWO_OFFICERS = '执法人员不得少于两人（《行政处罚法》第四十二条）';

/** Art. 42: 执法人员不得少于两人, each holding a valid enforcement certificate on the day. */
export function officersProblem(officers: readonly OfficerFacts[], date: string): string | null {
  const distinct = [...new Map(officers.map((o) => [o.id, o])).values()];
  const invalid = distinct.filter((o) => !validCertificate(o, date));
  if (invalid.length > 0) return `执法人员${invalid.map((o) => o.name).join('、')}在 ${date} 未持有有效的行政执法证件，不得从事执法活动（《行政处罚法》第四十二条）`;
  if (distinct.length < 2) return TWO_OFFICERS;
  return null;
}

/** Days until a certificate runs out, and whether to warn (30 days ahead by default). */
export function certificateWarning(validUntil: string, today: string, daysAhead = 30): 'expired' | 'expiring' | null {
  if (validUntil < today) return 'expired';
  if (validUntil <= addDays(today, daysAhead)) return 'expiring';
  return null;
}

// ── legal review (art. 58) and collective discussion (art. 57) ─────────────────────────────────────────────────

export const legalReviewRequired = (conditions: readonly ReviewCondition[]): boolean => conditions.length > 0;

/** The reviewer may not have investigated the case (art. 58; 118号: 法制审核机构与执法承办机构分离). */
export function reviewerProblem(reviewerId: number, investigatorIds: readonly number[]): string | null {
  return investigatorIds.includes(reviewerId) ? '法制审核人员不得是本案的调查人员（《行政处罚法》第五十八条、国办发〔2018〕118号）' : null;
}

/** The day the revised 行政处罚法 took effect: reviewers who began after it need the 法律职业资格 (art. 58②). */
export const QUALIFICATION_REQUIRED_FROM = '2021-07-15';

export function reviewerQualificationProblem(r: { startedOn: string; qualificationNumber: string; active: boolean } | null): string | null {
  if (!r) return '您未登记为本乡镇的法制审核人员，请先在「执法人员」中登记（《行政处罚法》第五十八条）';
  if (!r.active) return '您已不在法制审核岗位，不能进行法制审核';
  if (r.startedOn >= QUALIFICATION_REQUIRED_FROM && !r.qualificationNumber.trim())
    return '初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（《行政处罚法》第五十八条第二款）：请先登记法律职业资格证书编号';
  return null;
}

export type ReviewFacts = { opinion: ReviewOpinion; reviewedOn: string };

/**
 * What the latest legal review allows: nothing without one when required (art. 58: 未经法制审核或者审核未通过的，不得作出决定),
 * only 移送 after 移送, and a new review after the hearing when the case went through one (art. 58(二)).
 */
export function legalReviewProblem(p: { conditions: readonly ReviewCondition[]; reviews: readonly ReviewFacts[]; outcome: Outcome; hearingHeldOn?: string | null }): string | null {
  const required = legalReviewRequired(p.conditions) || Boolean(p.hearingHeldOn);
  const latest = [...p.reviews].sort((a, b) => a.reviewedOn.localeCompare(b.reviewedOn)).at(-1);
  if (!required && !latest) return null;
  if (!latest) return '本案属于《行政处罚法》第五十八条规定的情形，未经法制审核，不得作出决定';
  if (p.hearingHeldOn && latest.reviewedOn < p.hearingHeldOn) return '本案经过听证程序，听证后须重新进行法制审核方可作出决定（《行政处罚法》第五十八条第一款第二项）';
  if (latest.opinion === 'correct') return '法制审核意见为「纠正」，审核未通过，不得作出决定（《行政处罚法》第五十八条）；请按意见纠正后重新提交审核';
  if (latest.opinion === 'transfer' && p.outcome !== 'transfer') return '法制审核意见为「移送」，应当作出移送司法机关的决定（《行政处罚法》第五十七条、第五十八条）';
  return null;
}

export function discussionProblem(p: { complexOrMajor: boolean; discussedOn: string | null }): string | null {
  return p.complexOrMajor && !p.discussedOn ? '本案情节复杂或者属于重大违法行为，应当由行政机关负责人集体讨论决定（《行政处罚法》第五十七条第二款）' : null;
}

// ── hearing (arts 63, 64) ──────────────────────────────────────────────────────────────────────────────────────

/** 较大数额 is set by local or departmental standards (❓ DOMAIN §1 art. 63): configurable on the enforcement body. */
export type HearingThresholds = { largeFinePerson: number; largeFineOrganisation: number; largeConfiscation: number };
export const defaultHearingThresholds: HearingThresholds = { largeFinePerson: 5000, largeFineOrganisation: 50000, largeConfiscation: 50000 };

export type ProposedPenalty = { kinds: readonly PenaltyKind[]; fineAmount: number; confiscationValue: number };

/** Art. 63: the penalties for which the party must be told of the right to a hearing. */
export function hearingEligible(partyType: PartyType, p: ProposedPenalty, t: HearingThresholds): boolean {
  if (p.kinds.some((k) => k === 'suspend_license' || k === 'revoke_license' || k === 'stop_business' || k === 'restrict_business')) return true;
  if (p.kinds.includes('fine') && p.fineAmount >= (partyType === 'person' ? t.largeFinePerson : t.largeFineOrganisation)) return true;
  if ((p.kinds.includes('confiscate_income') || p.kinds.includes('confiscate_property')) && p.confiscationValue >= t.largeConfiscation) return true;
  return false;
}

/** Art. 64(一): the party asks for a hearing within 5 (working, art. 85) days of being told. */
export const hearingRequestDeadline = (cal: WorkCalendar, noticeServedOn: string): string => addWorkingDays(cal, noticeServedOn, 5);

export function hearingRequestProblem(cal: WorkCalendar, p: { eligible: boolean; noticeServedOn: string; requestedOn: string }): string | null {
  if (!p.eligible) return '拟作出的处罚不属于《行政处罚法》第六十三条规定的应当告知听证权利的情形';
  if (p.requestedOn < p.noticeServedOn) return '听证申请日期不能早于告知书送达日期';
  const deadline = hearingRequestDeadline(cal, p.noticeServedOn);
  if (p.requestedOn > deadline) return `当事人应在被告知后五日内（工作日，至 ${deadline}）提出听证要求，逾期提出的不予受理（《行政处罚法》第六十四条第一项、第八十五条）`;
  return null;
}

/** Art. 64(二): the authority notifies time and place 7 (working) days before the hearing: the earliest hearing date. */
export const earliestHearingDate = (cal: WorkCalendar, notifiedOn: string): string => addWorkingDays(cal, notifiedOn, 7);

export function hearingScheduleProblem(cal: WorkCalendar, p: { notifiedOn: string; hearingOn: string; presiderId: number; investigatorIds: readonly number[] }): string | null {
  const earliest = earliestHearingDate(cal, p.notifiedOn);
  if (p.hearingOn < earliest)
    return `应当在举行听证的七日前（工作日）通知当事人时间、地点；${p.notifiedOn} 通知的，听证最早于 ${earliest} 举行（《行政处罚法》第六十四条第二项、第八十五条）`;
  if (p.investigatorIds.includes(p.presiderId)) return '听证由行政机关指定的非本案调查人员主持（《行政处罚法》第六十四条第四项）';
  return null;
}

// ── notice, statements and the decision (arts 44, 45, 60, 62) ──────────────────────────────────────────────────

/** Art. 60: the decision within 90 (calendar) days of 立案 (the day of 立案 not counted). */
export const decisionDeadline = (filedOn: string, extendedTo?: string | null): string => (extendedTo && extendedTo > addDays(filedOn, 90) ? extendedTo : addDays(filedOn, 90));

export function decisionDateProblem(p: { filedOn: string; decidedOn: string; extendedTo?: string | null }): string | null {
  if (p.decidedOn < p.filedOn) return '决定日期不能早于立案日期';
  const deadline = decisionDeadline(p.filedOn, p.extendedTo);
  if (p.decidedOn > deadline) return `超过《行政处罚法》第六十条规定的期限：应自立案之日起九十日内（至 ${deadline}）作出行政处罚决定`;
  return null;
}

/**
 * Art. 62 with arts 44, 45, 64: before a decision the party must have been told (告知), their statement heard and
 * re-examined, and — where they asked in time for a hearing — the hearing held (or waived by their absence).
 */
export function noticeProblem(
  cal: WorkCalendar,
  p: {
    noticeServedOn: string | null;
    statementsRecorded: boolean;
    hearingEligible: boolean;
    hearingRequested: boolean;
    hearingWaived: boolean;
    hearingHeldOn: string | null;
    decidedOn: string;
  },
): string | null {
  if (!p.noticeServedOn)
    return '作出行政处罚决定之前，未告知当事人拟作出的处罚内容及事实、理由、依据和陈述、申辩、要求听证等权利的，不得作出行政处罚决定（《行政处罚法》第四十四条、第六十二条）';
  if (!p.statementsRecorded) return '未听取当事人的陈述、申辩（或记录其放弃），不得作出行政处罚决定（《行政处罚法》第四十五条、第六十二条）';
  if (p.hearingEligible) {
    if (p.hearingRequested && !p.hearingHeldOn && !p.hearingWaived) return '当事人已要求听证，听证结束前不得作出行政处罚决定（《行政处罚法》第六十四条、第六十五条）';
    if (!p.hearingRequested && !p.hearingWaived) {
      const deadline = hearingRequestDeadline(cal, p.noticeServedOn);
      if (p.decidedOn <= deadline) return `当事人可在 ${deadline} 前（五个工作日）要求听证，期满或者当事人明确放弃前不得作出决定（《行政处罚法》第六十四条第一项）`;
    }
  }
  return null;
}

const severity = (p: ProposedPenalty): number[] => [
  p.kinds.includes('revoke_license') ? 1 : 0,
  p.kinds.includes('stop_business') ? 1 : 0,
  p.kinds.includes('suspend_license') ? 1 : 0,
  p.kinds.includes('restrict_business') ? 1 : 0,
  toCents(p.fineAmount),
  toCents(p.confiscationValue),
];

/** Art. 45②: 不得因当事人陈述、申辩而给予更重的处罚 — the decision may not exceed what the party was told. */
export function heavierThanNoticeProblem(notified: ProposedPenalty, decided: ProposedPenalty): string | null {
  const a = severity(notified);
  const b = severity(decided);
  const newKinds = decided.kinds.filter((k) => !notified.kinds.includes(k) && k !== 'warning');
  if (newKinds.length > 0 || b.some((v, i) => v > (a[i] ?? 0))) {
    return '决定的处罚重于事先告知的处罚：不得因当事人陈述、申辩而给予更重的处罚（《行政处罚法》第四十五条第二款）；如需加重，应重新告知';
  }
  return null;
}

// ── service, payment, surcharge (arts 61, 67, 72) ──────────────────────────────────────────────────────────────

/** Art. 61: handed over on the spot after the announcement; otherwise served within 7 (working) days. */
export const serviceDeadline = (cal: WorkCalendar, decidedOn: string): string => addWorkingDays(cal, decidedOn, 7);

export function serviceProblem(
  cal: WorkCalendar,
  p: { decidedOn: string; servedOn: string; method: ServiceMethod; electronicConsent: boolean; lateReason?: string | null },
): string | null {
  if (p.servedOn < p.decidedOn) return '送达日期不能早于决定日期';
  if (p.method === 'on_spot' && p.servedOn !== p.decidedOn) return '「宣告后当场交付」的送达日期应为决定当日';
  if (p.method === 'electronic' && !p.electronicConsent) return '当事人同意并签订确认书的，方可采用传真、电子邮件等方式送达（《行政处罚法》第六十一条第二款）';
  const deadline = serviceDeadline(cal, p.decidedOn);
  if (p.servedOn > deadline && !p.lateReason?.trim()) {
    return `当事人不在场的，应当在七日内（工作日，至 ${deadline}）送达决定书（《行政处罚法》第六十一条、第八十五条）；逾期送达须写明原因`;
  }
  return null;
}

/** Art. 67③: pay within 15 (calendar) days of receiving the decision. */
export const paymentDeadline = (servedOn: string): string => addDays(servedOn, 15);

/** Days of delay after the payment deadline up to `on`, minus days under 复议/诉讼 (art. 73③: not counted). */
export function daysLate(dueOn: string, on: string, excludedDays = 0): number {
  if (on <= dueOn) return 0;
  const days = Math.round((Date.parse(`${on}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days - excludedDays);
}

/** Art. 72(一): 3 % of the fine per day late, never more than the fine. In 元, to the 分. */
export function lateSurcharge(fineAmount: number, lateDays: number): number {
  const cents = toCents(fineAmount);
  return fromCents(Math.min(cents, Math.round(cents * 0.03 * lateDays)));
}

// ── 先行登记保存, deferred or instalment payment, court enforcement (arts 56, 66; 行政强制法 arts 53, 54) ─────────

export const preservationHandlings = ['return', 'confiscate', 'transfer', 'appraise', 'seize'] as const;
export type PreservationHandling = (typeof preservationHandlings)[number];
export const preservationHandlingLabels: Record<PreservationHandling, string> = {
  return: '解除先行登记保存，退还当事人',
  confiscate: '依法予以没收',
  transfer: '移送有关机关处理',
  appraise: '送交检验、检测、鉴定',
  seize: '依法采取查封、扣押等措施',
};

/** Art. 56: evidence kept under 先行登记保存 (approved by the 负责人) gets a decision within 7 (working, art. 85) days. */
export const preservationDeadline = (cal: WorkCalendar, approvedOn: string): string => addWorkingDays(cal, approvedOn, 7);

export function preservationHandlingProblem(cal: WorkCalendar, p: { approvedOn: string; handledOn: string; lateReason?: string | null }): string | null {
  if (p.handledOn < p.approvedOn) return '处理决定日期不能早于先行登记保存批准日期';
  const deadline = preservationDeadline(cal, p.approvedOn);
  if (p.handledOn > deadline && !p.lateReason?.trim())
    return `先行登记保存的，应当在七日内（工作日，至 ${deadline}）及时作出处理决定（《行政处罚法》第五十六条、第八十五条）；逾期的须写明原因`;
  return null;
}

/** One instalment of a payment plan; a deferral (暂缓缴纳) is a plan of one instalment after the original deadline. */
export type Instalment = { dueOn: string; amount: number };
export type PaymentPlan = { kind: 'defer' | 'instalments'; appliedOn: string; approvedOn: string; reason: string; instalments: readonly Instalment[] };

/** Art. 66②: on the party's application for economic hardship, the authority may approve 暂缓 or 分期 payment. */
export function paymentPlanProblem(p: { servedOn: string; paymentDue: string; outstanding: number; plan: PaymentPlan }): string | null {
  const { plan } = p;
  if (!plan.reason.trim()) return '暂缓或者分期缴纳罚款，须当事人确有经济困难并提出申请（《行政处罚法》第六十六条第二款）：请填写申请理由';
  if (plan.appliedOn < p.servedOn) return '申请日期不能早于决定书送达日期';
  if (plan.approvedOn < plan.appliedOn) return '批准日期不能早于申请日期';
  if (plan.instalments.length === 0) return '请填写缴纳期限';
  if (plan.kind === 'defer' && plan.instalments.length !== 1) return '暂缓缴纳只有一个缴纳期限；分几次缴纳的，请选择分期缴纳';
  if (plan.kind === 'instalments' && plan.instalments.length < 2) return '分期缴纳至少分两期';
  let previous = plan.approvedOn;
  for (const [i, x] of plan.instalments.entries()) {
    if (x.dueOn < previous) return `第${i + 1}期的缴纳期限应晚于${i === 0 ? '批准日期' : '上一期'}`;
    if (x.amount <= 0) return `第${i + 1}期的金额应大于零`;
    previous = x.dueOn;
  }
  if (plan.kind === 'defer' && (plan.instalments[0] as Instalment).dueOn <= p.paymentDue) return `暂缓缴纳的期限应晚于原缴款期限 ${p.paymentDue}`;
  const total = plan.instalments.reduce((sum, x) => sum + toCents(x.amount), 0);
  if (total !== toCents(p.outstanding)) return `各期金额合计 ${fromCents(total).toFixed(2)} 元，应等于尚未缴纳的罚款 ${p.outstanding.toFixed(2)} 元`;
  return null;
}

/**
 * From which day the art. 72 surcharge runs under a plan: the deadline of the first instalment not paid in full by its
 * date (payments counted cumulatively); when every instalment was met, the last deadline.
 */
export function planDueDate(plan: PaymentPlan, alreadyPaid: number, payments: readonly { paidOn: string; amount: number }[]): string {
  let required = toCents(alreadyPaid);
  for (const x of plan.instalments) {
    required += toCents(x.amount);
    const paid = toCents(alreadyPaid) + payments.filter((pay) => pay.paidOn > plan.approvedOn && pay.paidOn <= x.dueOn).reduce((s, pay) => s + toCents(pay.amount), 0);
    if (paid < required) return x.dueOn;
  }
  return (plan.instalments.at(-1) as Instalment).dueOn;
}

/**
 * 行政强制法 art. 53: an authority without its own enforcement power applies to the court within three months after
 * the periods for 复议 (60 days, 行政复议法 art. 20) and 诉讼 (6 months, 行政诉讼法 art. 46) have run out — the later
 * of the two is the 6 months from service.
 */
export function courtApplicationWindow(servedOn: string): { from: string; to: string } {
  const litigationEnds = addMonths(servedOn, 6);
  return { from: addDays(litigationEnds, 1), to: addMonths(litigationEnds, 3) };
}

/** 行政强制法 art. 54: the party is urged (催告) first; the application comes 10 days after the 催告书 was served. */
/**
 * What the party still owes on a penalty: the fine not paid and the art. 72 surcharge due and not paid (元, to the 分).
 * Nothing is owed on a case without a fine; court enforcement is for money still owed.
 */
export function amountOwed(c: { outcome: Outcome | null; fineAmount: number; paidAmount: number; surchargeDue: number; surchargePaid: number }): number {
  if (c.outcome !== 'penalty') return 0;
  return fromCents(Math.max(0, toCents(c.fineAmount) - toCents(c.paidAmount) + toCents(c.surchargeDue) - toCents(c.surchargePaid)));
}

export function courtApplicationProblem(p: { servedOn: string; paymentDue: string; urgedOn: string; appliedOn: string }): string | null {
  if (p.urgedOn <= p.paymentDue) return `当事人逾期不履行（缴款期限 ${p.paymentDue}）后，方可催告履行`;
  const afterUrging = addDays(p.urgedOn, 10);
  if (p.appliedOn < afterUrging) return `催告书送达十日后当事人仍未履行的，方可申请人民法院强制执行（《行政强制法》第五十四条）：最早 ${afterUrging}`;
  const w = courtApplicationWindow(p.servedOn);
  if (p.appliedOn < w.from)
    return `当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行的，方可申请强制执行；起诉期限（六个月）至 ${addDays(w.from, -1)} 届满（《行政强制法》第五十三条、《行政诉讼法》第四十六条）`;
  if (p.appliedOn > w.to) return `应自期限届满之日起三个月内（至 ${w.to}）申请人民法院强制执行（《行政强制法》第五十三条）`;
  return null;
}

// ── publication (118号; art. 48) ───────────────────────────────────────────────────────────────────────────────

/** 118号: 行政处罚决定信息 7 working days after the decision. */
export const publicationDeadline = (cal: WorkCalendar, decidedOn: string): string => addWorkingDays(cal, decidedOn, 7);
/** Art. 48②: a changed, revoked, illegal or void decision's information withdrawn within 3 (working) days. */
export const withdrawalDeadline = (cal: WorkCalendar, changedOn: string): string => addWorkingDays(cal, changedOn, 3);

// ── numbers ────────────────────────────────────────────────────────────────────────────────────────────────────

/** 四镇综执罚〔2024〕1号 */
export const caseNumber = (prefix: string, kind: 'filing' | 'decision', year: number, seq: number): string => `${prefix}${kind === 'filing' ? '立' : '罚'}〔${year}〕${seq}号`;

/** A number's parts when it follows the body's pattern (四镇综执罚〔2024〕9号 → decision, 2024, 9); otherwise null. */
export function parseCaseNumber(prefix: string, number: string): { kind: 'filing' | 'decision'; year: number; seq: number } | null {
  const m = /^(.+)([立罚])〔(\d{4})〕(\d{1,9})号$/.exec(number);
  if (!m || m[1] !== prefix) return null;
  return { kind: m[2] === '立' ? 'filing' : 'decision', year: Number(m[3]), seq: Number(m[4]) };
}

// ── historic cases (台账导入) ─────────────────────────────────────────────────────────────────────────────────

/** A penalty case closed before the platform was used, as the town's old register records it. */
export type HistoricCase = {
  procedure: Procedure;
  partyType: PartyType;
  filedOn: string | null;
  decidedOn: string;
  closedOn: string;
  archivedOn: string | null;
  kinds: readonly PenaltyKind[];
  fineAmount: number;
  confiscationValue: number;
  officerIds: readonly number[];
};
export type HistoricProblem = { field: keyof HistoricCase; message: string };

/**
 * The rules a historic case can still be held to from its register: its dates in order (立案 ≤ 决定 ≤ 结案 ≤ 归档, all
 * past), amounts that match the kinds of penalty, the simple procedure's limits (art. 51), two officers (art. 42).
 * Rules that need the platform's own records of each step (notice, review, service) are not asked of it.
 */
export function historicCaseProblems(h: HistoricCase, today: string): HistoricProblem[] {
  const problems: HistoricProblem[] = [];
  const fail = (field: keyof HistoricCase, message: string) => problems.push({ field, message });
  if (h.procedure === 'ordinary' && !h.filedOn) fail('filedOn', '普通程序案件应填写立案日期');
  if (h.procedure === 'simple' && h.filedOn && h.filedOn !== h.decidedOn) fail('filedOn', '简易程序当场作出决定，没有立案环节：立案日期应不填或与处罚决定日期相同');
  if (h.filedOn && h.decidedOn < h.filedOn) fail('decidedOn', '处罚决定日期不能早于立案日期');
  if (h.closedOn < h.decidedOn) fail('closedOn', '结案日期不能早于处罚决定日期');
  if (h.closedOn > today) fail('closedOn', '结案日期不能晚于今天（只导入已结案的历史案件）');
  if (h.archivedOn && h.archivedOn < h.closedOn) fail('archivedOn', '归档日期不能早于结案日期');
  if (h.archivedOn && h.archivedOn > today) fail('archivedOn', '归档日期不能晚于今天');
  const fine = h.kinds.includes('fine');
  const amounts = problems.length;
  if (h.kinds.length === 0) fail('kinds', '行政处罚案件应载明处罚种类');
  if (fine && h.fineAmount <= 0) fail('fineAmount', '选择了罚款，应填写罚款金额');
  if (!fine && h.fineAmount > 0) fail('fineAmount', '未选择罚款种类却填写了罚款金额');
  if (h.confiscationValue > 0 && !h.kinds.some((k) => k === 'confiscate_income' || k === 'confiscate_property'))
    fail('confiscationValue', '未选择没收违法所得或没收非法财物，却填写了没收金额');
  if (h.procedure === 'simple' && problems.length === amounts) {
    const simple = simpleProcedureProblem({ partyType: h.partyType, kinds: h.kinds, fineAmount: h.fineAmount });
    if (simple) fail(/限额/.test(simple) ? 'fineAmount' : 'kinds', simple);
  }
  if (new Set(h.officerIds).size < 2) fail('officerIds', TWO_OFFICERS);
  return problems;
}

// ── what a case waits for ──────────────────────────────────────────────────────────────────────────────────────

export type Deadline = { label: string; due: string; article: string };
export type CaseAgenda = { next: string | null; deadlines: Deadline[]; blocked: string[] };

export type CaseFacts = {
  procedure: Procedure;
  status: CaseStatus;
  outcome: Outcome | null;
  filedOn: string | null;
  extendedTo: string | null;
  noticeServedOn: string | null;
  hearingEligible: boolean;
  hearingRequested: boolean;
  hearingWaived: boolean;
  hearingHeldOn: string | null;
  hearingOn: string | null;
  statementsRecorded: boolean;
  reviewConditions: readonly ReviewCondition[];
  reviews: readonly ReviewFacts[];
  complexOrMajor: boolean;
  discussedOn: string | null;
  decidedOn: string | null;
  servedOn: string | null;
  fineAmount: number;
  paidAmount: number;
  publishedOn: string | null;
  decisionChangedOn: string | null;
  withdrawnOn: string | null;
  evidenceCount: number;
  /** Approval dates of 先行登记保存 still waiting for a decision. */
  preservationsPending: readonly string[];
  /** The payment deadline in force (the decision's, or an approved plan's). */
  paymentDueOn: string | null;
  courtAppliedOn: string | null;
  /** Moved in from the town's old register: closed before the platform knew it, its documents and publication on paper. */
  imported: boolean;
};

/** What the case needs next, its running deadlines, and what blocks the next step (for the case list). */
export function caseAgenda(cal: WorkCalendar, c: CaseFacts): CaseAgenda {
  const deadlines: Deadline[] = [];
  const blocked: string[] = [];
  let next: string | null = null;
  if (c.filedOn && !c.decidedOn && c.procedure === 'ordinary' && c.status !== 'not_filed') {
    deadlines.push({ label: '作出处罚决定', due: decisionDeadline(c.filedOn, c.extendedTo), article: '第六十条' });
  }
  switch (c.status) {
    case 'clue':
      next = '提请立案审批';
      break;
    case 'filing':
      next = '领导审批立案';
      break;
    case 'investigating':
      next = '调查取证后调查终结';
      if (c.evidenceCount === 0) blocked.push('尚无证据材料');
      break;
    case 'reviewing': {
      next = '事先告知';
      const review = legalReviewProblem({ conditions: c.reviewConditions, reviews: c.reviews, outcome: c.outcome ?? 'penalty', hearingHeldOn: null });
      if (review) blocked.push(review);
      const discussion = discussionProblem(c);
      if (discussion) blocked.push(discussion);
      if (c.outcome && c.outcome !== 'penalty') next = '作出决定';
      break;
    }
    case 'notified': {
      next = '作出决定';
      if (c.noticeServedOn && c.hearingEligible && !c.hearingRequested && !c.hearingWaived) {
        deadlines.push({ label: '当事人要求听证期限', due: hearingRequestDeadline(cal, c.noticeServedOn), article: '第六十四条' });
      }
      if (c.hearingRequested && !c.hearingHeldOn && !c.hearingWaived)
        blocked.push(c.hearingOn ? `听证定于 ${c.hearingOn} 举行，尚未记录听证结果` : '当事人已要求听证，尚未安排听证');
      if (!c.statementsRecorded) blocked.push('尚未记录当事人陈述、申辩（或放弃）');
      const review = legalReviewProblem({ conditions: c.reviewConditions, reviews: c.reviews, outcome: c.outcome ?? 'penalty', hearingHeldOn: c.hearingHeldOn });
      if (review) blocked.push(review);
      const discussion = discussionProblem(c);
      if (discussion) blocked.push(discussion);
      break;
    }
    case 'decided':
      next = '送达决定书';
      if (c.decidedOn) deadlines.push({ label: '送达决定书', due: serviceDeadline(cal, c.decidedOn), article: '第六十一条' });
      break;
    case 'served': {
      const owing = c.outcome === 'penalty' && c.fineAmount > 0 && c.paidAmount < c.fineAmount;
      next = owing && !c.courtAppliedOn ? '执行（缴纳罚款）' : '结案';
      const due = c.paymentDueOn ?? (c.servedOn ? paymentDeadline(c.servedOn) : null);
      if (owing && due && !c.courtAppliedOn) {
        deadlines.push({ label: '缴纳罚款', due, article: c.paymentDueOn && c.servedOn && c.paymentDueOn !== paymentDeadline(c.servedOn) ? '第六十六条' : '第六十七条' });
        if (c.servedOn) deadlines.push({ label: '逾期不缴纳的，申请人民法院强制执行', due: courtApplicationWindow(c.servedOn).to, article: '《行政强制法》第五十三条' });
      }
      break;
    }
    case 'closed':
      next = '归档';
      break;
    default:
      next = null;
  }
  for (const approvedOn of c.preservationsPending) deadlines.push({ label: '先行登记保存处理决定', due: preservationDeadline(cal, approvedOn), article: '第五十六条' });
  if (c.preservationsPending.length > 0 && c.status === 'investigating') blocked.push('先行登记保存的证据尚未作出处理决定');
  if (c.decidedOn && c.outcome === 'penalty' && c.procedure === 'ordinary' && !c.publishedOn && c.status !== 'not_filed' && !c.imported) {
    deadlines.push({ label: '公示处罚决定', due: publicationDeadline(cal, c.decidedOn), article: '国办发〔2018〕118号' });
  }
  if (c.decisionChangedOn && c.publishedOn && !c.withdrawnOn)
    deadlines.push({ label: '撤回公示信息', due: withdrawalDeadline(cal, c.decisionChangedOn), article: '第四十八条第二款' });
  return { next, deadlines, blocked };
}

/** Review scoring (DOMAIN §6): a veto item failed → 不合格 with 0 points; otherwise grade by configurable cut-offs. */
export type ScoringItem = { code: string; label: string; points: number; veto: boolean };
export type Grade = 'excellent' | 'pass' | 'fail';
export const gradeLabels: Record<Grade, string> = { excellent: '优秀', pass: '合格', fail: '不合格' };

export function scoreFile(
  items: readonly ScoringItem[],
  deductions: Record<string, number>,
  vetoed: readonly string[],
  cutoffs: { excellent: number; pass: number },
): { total: number; grade: Grade; problem: string | null } {
  const unknown = [...Object.keys(deductions), ...vetoed].filter((code) => !items.some((i) => i.code === code));
  if (unknown.length) return { total: 0, grade: 'fail', problem: `评查标准中没有项目：${unknown.join('、')}` };
  const badVeto = vetoed.filter((code) => !items.find((i) => i.code === code)?.veto);
  if (badVeto.length) return { total: 0, grade: 'fail', problem: `项目「${badVeto.join('、')}」不是否决项` };
  for (const [code, d] of Object.entries(deductions)) {
    const item = items.find((i) => i.code === code);
    if (item && (d < 0 || d > item.points)) return { total: 0, grade: 'fail', problem: `项目「${item.label}」扣分应在 0–${item.points} 分之间` };
  }
  if (vetoed.length > 0) return { total: 0, grade: 'fail', problem: null };
  const total = items.filter((i) => !i.veto).reduce((sum, i) => sum + i.points - (deductions[i.code] ?? 0), 0);
  const grade: Grade = total >= cutoffs.excellent ? 'excellent' : total >= cutoffs.pass ? 'pass' : 'fail';
  return { total, grade, problem: null };
}

/** The default 100-point standard (DOMAIN §6: 基本标准 vetoes + 卷面 20 + 内容 80); configurable per town. */
export const defaultScoringItems: ScoringItem[] = [
  { code: 'subject', label: '执法主体不合法或执法人员无执法资格', points: 0, veto: true },
  { code: 'facts', label: '事实不清、证据不充分', points: 0, veto: true },
  { code: 'law', label: '定性不准、适用法律错误', points: 0, veto: true },
  { code: 'procedure_illegal', label: '程序不合法（含执法人员少于2人）', points: 0, veto: true },
  { code: 'transfer', label: '应移送未移送', points: 0, veto: true },
  { code: 'forms', label: '卷面：统一文书、规范填写', points: 8, veto: false },
  { code: 'binding', label: '卷面：一案一卷、封面、目录页码、组卷顺序', points: 12, veto: false },
  { code: 'evidence', label: '内容：证据收集与事实认定', points: 25, veto: false },
  { code: 'application', label: '内容：适用法律与裁量', points: 20, veto: false },
  { code: 'process', label: '内容：程序与时限', points: 20, veto: false },
  { code: 'reasoning', label: '内容：决定书说理、罚缴分离、履行记录', points: 15, veto: false },
];
export const defaultCutoffs = { excellent: 90, pass: 60 };

/** The penalty as a decision states it: 警告；罚款人民币2000.00元. */
export function penaltyText(p: { kinds: readonly PenaltyKind[]; fineAmount: number; confiscationValue: number; other?: string }): string {
  return p.kinds
    .map((k) => {
      if (k === 'other' && p.other) return p.other;
      if (k === 'fine') return `罚款人民币${p.fineAmount.toFixed(2)}元`;
      if ((k === 'confiscate_income' || k === 'confiscate_property') && p.confiscationValue > 0) return `${penaltyKindLabels[k]}（价值人民币${p.confiscationValue.toFixed(2)}元）`;
      return penaltyKindLabels[k];
    })
    .join('；');
}

/** Deterministic JSON (keys sorted at every depth): what the case's hash chain hashes. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}
