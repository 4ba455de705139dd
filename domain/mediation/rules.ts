/**
 * Rules of people's mediation (人民调解), from 《中华人民共和国人民调解法》(2010) and the sources in DOMAIN.md §3.
 * Pure: dates are 'YYYY-MM-DD' strings in Asia/Shanghai, "today" is always passed in.
 */
import { addDays } from '../platform/dates.ts';
import { formatRate, percentRate } from '../platform/rates.ts';

// ── committees (第二章) ──────────────────────────────────────────────────────────────────────────────

/** A town's committee is set up under art 34 (参照设立); a village's or community's under art 8. */
export const committeeLevels = ['town', 'village'] as const;
export type CommitteeLevel = (typeof committeeLevels)[number];
export const committeeLevelLabels: Record<CommitteeLevel, string> = { town: '镇级', village: '村级' };

export function levelOfUnitKind(kind: string): CommitteeLevel | null {
  if (kind === 'town') return 'town';
  if (kind === 'village' || kind === 'community') return 'village';
  return null;
}

/** 主任、副主任、委员 are the committee (art 8); 聘任调解员 are mediators the committee engages (art 13), not 委员. */
export const memberPositions = ['director', 'deputy_director', 'member', 'mediator'] as const;
export type MemberPosition = (typeof memberPositions)[number];
export const memberPositionLabels: Record<MemberPosition, string> = { director: '主任', deputy_director: '副主任', member: '委员', mediator: '聘任调解员' };
export const isCommitteeMember = (p: MemberPosition): boolean => p !== 'mediator';

export const genders = ['female', 'male'] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Record<Gender, string> = { female: '女', male: '男' };

export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 9;

export type CompositionMember = { position: MemberPosition; gender: Gender };
export type Composition = { errors: string[]; warnings: string[] };

/**
 * Art 8: 委员三至九人，设主任一人（必要时副主任若干人），应当有妇女成员. A wrong count or two directors is refused;
 * a missing woman member or a director not yet appointed (between one leaving and the next) is a warning.
 */
export function compositionOf(members: readonly CompositionMember[]): Composition {
  const committee = members.filter((m) => isCommitteeMember(m.position));
  const errors: string[] = [];
  const warnings: string[] = [];
  if (committee.length < MIN_MEMBERS || committee.length > MAX_MEMBERS) {
    errors.push(`人民调解委员会由委员三至九人组成（《人民调解法》第八条），现为 ${committee.length} 人`);
  }
  const directors = committee.filter((m) => m.position === 'director').length;
  if (directors > 1) errors.push('人民调解委员会设主任一人（《人民调解法》第八条）');
  if (directors === 0) warnings.push('尚未设主任：人民调解委员会设主任一人（《人民调解法》第八条）');
  if (!committee.some((m) => m.gender === 'female')) warnings.push('人民调解委员会应当有妇女成员（《人民调解法》第八条）');
  return { errors, warnings };
}

/** Art 9: 委员每届任期三年，可以连选连任. */
export const TERM_YEARS = 3;
/** Days ahead of the term's end from which the committee shows as due for re-election (换届). */
export const TERM_REMIND_DAYS = 90;

/** Same day of the month `years` later (29 Feb → 28 Feb in a common year). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const last = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return `${target}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day of the term that starts on `termStart`. */
export const termEndOf = (termStart: string): string => addDays(addYears(termStart, TERM_YEARS), -1);

export type TermStatus = 'current' | 'expiring' | 'expired';
export const termStatusLabels: Record<TermStatus, string> = { current: '任期内', expiring: '即将届满', expired: '已届满' };

export function termStatusOf(termStart: string, today: string, remindDays = TERM_REMIND_DAYS): TermStatus {
  const end = termEndOf(termStart);
  if (today > end) return 'expired';
  return addDays(today, remindDays) >= end ? 'expiring' : 'current';
}

// ── disputes (第四章、第五章) ─────────────────────────────────────────────────────────────────────────

export const disputeStatuses = ['registered', 'mediating', 'refused', 'succeeded', 'failed', 'terminated'] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];
export const disputeStatusLabels: Record<DisputeStatus, string> = {
  registered: '待受理',
  mediating: '调解中',
  refused: '当事人拒绝调解',
  succeeded: '调解成功',
  failed: '调解不成',
  terminated: '终止调解',
};
export const openStatuses: readonly DisputeStatus[] = ['registered', 'mediating'];
/** Mediated to an end: the denominator of the success rate. A refusal is never mediated (art 17). */
export const closedStatuses: readonly DisputeStatus[] = ['succeeded', 'failed', 'terminated'];
export const closeOutcomes = ['succeeded', 'failed', 'terminated'] as const;
export type CloseOutcome = (typeof closeOutcomes)[number];

/** Art 17: 当事人申请 or 主动调解; art 18 and practice: 移交 by the court, police, the 12345 hotline. */
export const disputeSources = ['application', 'initiative', 'referral'] as const;
export type DisputeSource = (typeof disputeSources)[number];
export const disputeSourceLabels: Record<DisputeSource, string> = { application: '当事人申请', initiative: '主动调解', referral: '移交' };
export const referralFroms = ['hotline_12345', 'police', 'court', 'other'] as const;
export type ReferralFrom = (typeof referralFroms)[number];
export const referralFromLabels: Record<ReferralFrom, string> = { hotline_12345: '12345热线', police: '公安机关', court: '人民法院', other: '其他单位' };

export const partyKinds = ['person', 'organisation'] as const;
export type PartyKind = (typeof partyKinds)[number];
export const partyKindLabels: Record<PartyKind, string> = { person: '自然人', organisation: '法人或其他组织' };
export const partyRoles = ['applicant', 'respondent', 'other'] as const;
export type PartyRole = (typeof partyRoles)[number];
export const partyRoleLabels: Record<PartyRole, string> = { applicant: '申请方', respondent: '被申请方', other: '其他当事人' };

/** Art 28: a written 调解协议书, or an oral agreement the mediator records. */
export const agreementKinds = ['written', 'oral'] as const;
export type AgreementKind = (typeof agreementKinds)[number];
export const agreementKindLabels: Record<AgreementKind, string> = { written: '书面协议', oral: '口头协议' };

/** Art 26: 告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利. */
export const otherChannels = ['litigation', 'arbitration', 'administrative', 'other'] as const;
export type OtherChannel = (typeof otherChannels)[number];
export const otherChannelLabels: Record<OtherChannel, string> = { litigation: '向人民法院起诉', arbitration: '申请仲裁', administrative: '行政途径', other: '其他途径' };

export const followUpMethods = ['visit', 'phone', 'other'] as const;
export type FollowUpMethod = (typeof followUpMethods)[number];
export const followUpMethodLabels: Record<FollowUpMethod, string> = { visit: '上门回访', phone: '电话回访', other: '其他方式' };
/** Art 31: 调委会应当对调解协议的履行情况进行监督. */
export const performances = ['performed', 'performing', 'partial', 'not_performed'] as const;
export type Performance = (typeof performances)[number];
export const performanceLabels: Record<Performance, string> = { performed: '已履行', performing: '正在履行', partial: '部分履行', not_performed: '未履行' };

export const judicialResults = ['pending', 'confirmed', 'invalid', 'rejected'] as const;
export type JudicialResult = (typeof judicialResults)[number];
export const judicialResultLabels: Record<JudicialResult, string> = { pending: '法院审查中', confirmed: '确认有效', invalid: '确认无效', rejected: '不予受理或驳回申请' };

export const disclosures = ['private', 'public'] as const;
export type Disclosure = (typeof disclosures)[number];
export const disclosureLabels: Record<Disclosure, string> = { private: '不公开进行', public: '公开进行' };

export const disputeActions = ['accept', 'refuse', 'session', 'close', 'edit', 'follow_up', 'judicial_apply', 'judicial_result'] as const;
export type DisputeAction = (typeof disputeActions)[number];
export const disputeActionLabels: Record<DisputeAction, string> = {
  accept: '受理',
  refuse: '登记拒绝调解',
  session: '记录调解',
  close: '办结',
  edit: '修改登记信息',
  follow_up: '回访',
  judicial_apply: '申请司法确认',
  judicial_result: '登记司法确认结果',
};

const allowedFrom: Record<DisputeAction, readonly DisputeStatus[]> = {
  accept: ['registered'],
  refuse: ['registered'],
  session: ['mediating'],
  close: ['mediating'],
  edit: ['registered', 'mediating'],
  follow_up: ['succeeded'],
  judicial_apply: ['succeeded'],
  judicial_result: ['succeeded'],
};

/** Why `action` may not be taken on a dispute in `status`, citing the rule; null when it may. */
export function transitionProblem(status: DisputeStatus, action: DisputeAction): string | null {
  if (allowedFrom[action].includes(status)) return null;
  const label = disputeActionLabels[action];
  if (status === 'refused' && action !== 'refuse') return `当事人一方明确拒绝调解的，不得调解（《人民调解法》第十七条）：不能${label}`;
  if (action === 'refuse' && status === 'mediating') return '已受理调解的纠纷，当事人要求终止调解的，请按「终止调解」办结（《人民调解法》第二十三条）';
  if (action === 'follow_up') return '只有达成调解协议的纠纷需要回访、督促履行（《人民调解法》第三十一条）';
  if (action === 'judicial_apply' || action === 'judicial_result') return '只有达成调解协议的纠纷可以申请司法确认（《人民调解法》第三十三条）';
  if (status === 'registered') return `纠纷尚未受理，不能${label}：请先受理（《人民调解法》第十七条）`;
  if (status === 'mediating') return `纠纷正在调解中，不能${label}`;
  return `纠纷已办结（${disputeStatusLabels[status]}），不能${label}：调解材料已立卷归档（《人民调解法》第二十七条）`;
}

export type CloseInput = {
  outcome: CloseOutcome;
  agreementKind?: AgreementKind;
  terms?: string;
  otherChannels?: readonly OtherChannel[];
};

/** What the law asks of each way of closing; each problem names the field it concerns. */
export function closeProblem(input: CloseInput): { field: string; message: string } | null {
  if (input.outcome === 'succeeded') {
    if (!input.agreementKind) return { field: 'agreementKind', message: '调解成功须注明是书面调解协议还是口头协议（《人民调解法》第二十八条）' };
    if (!input.terms?.trim()) {
      return input.agreementKind === 'oral'
        ? { field: 'terms', message: '口头协议的内容须由人民调解员记录（《人民调解法》第二十八条）' }
        : { field: 'terms', message: '调解协议书应载明当事人达成调解协议的内容（《人民调解法》第二十九条）' };
    }
    return null;
  }
  if (!input.otherChannels?.length) {
    return { field: 'otherChannels', message: '调解不成的，应当告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（《人民调解法》第二十六条）' };
  }
  return null;
}

/** "一般在一个月内调结" (司法部《人民调解工作若干规定》第三十三条): the default target, configurable per committee. */
export const DEFAULT_TARGET_DAYS = 30;

export const dueDateOf = (from: string, targetDays: number): string => addDays(from, targetDays);

export const isOpen = (status: DisputeStatus): boolean => openStatuses.includes(status);

/** Still open after its target date. */
export const isOverdue = (status: DisputeStatus, dueOn: string | null, today: string): boolean => isOpen(status) && dueOn !== null && dueOn < today;

/** Monday and Sunday of the calendar week (周一至周日) that holds `date`. */
export function weekOf(date: string): { monday: string; sunday: string } {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const monday = addDays(date, weekday === 0 ? -6 : 1 - weekday);
  return { monday, sunday: addDays(monday, 6) };
}

/** Open, not yet overdue, and its target date falls between today and this Sunday. */
export const isDueThisWeek = (status: DisputeStatus, dueOn: string | null, today: string): boolean =>
  isOpen(status) && dueOn !== null && dueOn >= today && dueOn <= weekOf(today).sunday;

// ── 司法确认 (art 33) ──────────────────────────────────────────────────────────────────────────────

export const JUDICIAL_WINDOW_DAYS = 30;
/** Days before the window closes from which the dispute is listed as a reminder. */
export const JUDICIAL_REMIND_DAYS = 7;

/**
 * Art 33: 自调解协议生效之日起三十日内共同申请. The day it takes effect is not counted, and a period whose last day is a
 * legal holiday ends on the first working day after it (《民事诉讼法》第八十五条); `isWorkday` is the working-day calendar.
 */
export function judicialDeadlineOf(effectiveOn: string, isWorkday: (date: string) => boolean = () => true): string {
  let last = addDays(effectiveOn, JUDICIAL_WINDOW_DAYS);
  while (!isWorkday(last)) last = addDays(last, 1);
  return last;
}

export type JudicialWindow = 'open' | 'closing' | 'closed';
export const judicialWindowLabels: Record<JudicialWindow, string> = { open: '可申请', closing: '即将届满', closed: '已届满' };

export function judicialWindowOf(deadline: string, today: string, remindDays = JUDICIAL_REMIND_DAYS): JudicialWindow {
  if (today > deadline) return 'closed';
  return addDays(today, remindDays) >= deadline ? 'closing' : 'open';
}

export type JudicialApplication = { appliedOn: string; jointly: boolean; agreementKind: AgreementKind | null; deadline: string };

export function judicialApplicationProblem(a: JudicialApplication): { field: string; message: string } | null {
  if (a.agreementKind !== 'written') return { field: 'appliedOn', message: '申请司法确认须提交书面调解协议：口头协议请先制作调解协议书（《人民调解法》第二十八条、第三十三条）' };
  if (!a.jointly) return { field: 'jointly', message: '司法确认须由双方当事人共同向人民法院申请（《人民调解法》第三十三条）' };
  if (a.appliedOn > a.deadline) {
    return { field: 'appliedOn', message: `已超过自调解协议生效之日起三十日的申请期限（截至 ${a.deadline}，《人民调解法》第三十三条）` };
  }
  return null;
}

// ── statistics ─────────────────────────────────────────────────────────────────────────────────────

/**
 * 调解成功率 = successful / closed, in percent with one decimal, rounded half-up (61/65 → 93.8), by the platform's one rate
 * function. Null when nothing was closed; more successes than closures is a counting error, not a rate.
 */
export function successRate(succeeded: number, closed: number): number | null {
  if (succeeded > closed && closed > 0) throw new RangeError(`invalid counts ${succeeded}/${closed}`);
  return percentRate(succeeded, closed);
}

export { formatRate };
