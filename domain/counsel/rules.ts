/**
 * Rules of the counsel module: legal matters handled by the retained counsel, and the lawsuits and reconsiderations
 * where the town is a party, with 行政机关负责人出庭应诉 (DOMAIN.md §7) counted per hearing and per case.
 */

// ── Matters ───────────────────────────────────────────────────────────────────────────────────────────────
export const matterKinds = ['contract_review', 'legality_review', 'negotiation', 'consultation'] as const;
export type MatterKind = (typeof matterKinds)[number];
export const matterKindLabels: Record<MatterKind, string> = {
  contract_review: '合同审查',
  legality_review: '重大决策合法性审查',
  negotiation: '项目洽谈',
  consultation: '法律咨询',
};

export const matterStatuses = ['pending', 'in_progress', 'done', 'cancelled'] as const;
export type MatterStatus = (typeof matterStatuses)[number];
export const matterStatusLabels: Record<MatterStatus, string> = { pending: '待办理', in_progress: '办理中', done: '已办结', cancelled: '已撤回' };
const matterTransitions: Record<MatterStatus, readonly MatterStatus[]> = {
  pending: ['in_progress', 'done', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: [],
  cancelled: [],
};

export function matterTransitionProblem(from: MatterStatus, to: MatterStatus): string | null {
  if (matterTransitions[from].includes(to)) return null;
  if (from === to) return `该事项已是「${matterStatusLabels[from]}」`;
  return `「${matterStatusLabels[from]}」的事项不能变更为「${matterStatusLabels[to]}」`;
}

const open = (s: MatterStatus) => s === 'pending' || s === 'in_progress';
/** Still open and past its deadline (the deadline day itself is not late). */
export const isMatterOverdue = (status: MatterStatus, deadline: string, today: string): boolean => open(status) && deadline < today;
/** Done, but after the deadline. */
export const isCompletedLate = (status: MatterStatus, deadline: string, completedOn: string | null): boolean => status === 'done' && completedOn !== null && completedOn > deadline;

// ── Lawsuits and reconsiderations ─────────────────────────────────────────────────────────────────────────
export const lawsuitKinds = ['litigation', 'reconsideration'] as const;
export type LawsuitKind = (typeof lawsuitKinds)[number];
export const lawsuitKindLabels: Record<LawsuitKind, string> = { litigation: '行政诉讼', reconsideration: '行政复议' };

/** 一审、二审、再审 (the 规定 applies to each, art 1; each level's duty is separate, art 7). */
export const instances = ['first', 'second', 'retrial'] as const;
export type Instance = (typeof instances)[number];
export const instanceLabels: Record<Instance, string> = { first: '一审', second: '二审', retrial: '再审' };

export const townRoles = ['defendant', 'third_party'] as const;
export type TownRole = (typeof townRoles)[number];
export const townRoleLabels: Record<TownRole, string> = { defendant: '被告（被申请人）', third_party: '第三人' };

export const lawsuitStatuses = ['pending', 'concluded'] as const;
export type LawsuitStatus = (typeof lawsuitStatuses)[number];
export const lawsuitStatusLabels: Record<LawsuitStatus, string> = { pending: '审理中', concluded: '已结案' };

export const outcomes = ['won', 'lost', 'withdrawn', 'dismissed', 'settled'] as const;
export type Outcome = (typeof outcomes)[number];
export const outcomeLabels: Record<Outcome, string> = {
  won: '胜诉（驳回诉讼请求/维持）',
  lost: '败诉（撤销、变更、确认违法或责令履行）',
  withdrawn: '原告（申请人）撤回',
  dismissed: '驳回起诉（申请）',
  settled: '调解/和解结案',
};

/**
 * Who stood for the town at a hearing. Art 2 of the 最高法 规定: 负责人 = 正职、副职、参与分管被诉行为的副职级别负责人及其他
 * 参与分管的负责人; the head of an organisation or subordinate organ acting on the organ's behalf (委托) is not. Art 10:
 * 相应工作人员 = staff who exercise the power concerned.
 */
export const appearanceRoles = ['principal', 'deputy', 'in_charge', 'staff', 'lawyer', 'other_organ_head', 'subordinate_organ_head'] as const;
export type AppearanceRole = (typeof appearanceRoles)[number];
export const appearanceRoleLabels: Record<AppearanceRole, string> = {
  principal: '正职负责人',
  deputy: '副职负责人',
  in_charge: '参与分管的负责人',
  staff: '相应工作人员（受委托）',
  lawyer: '律师/法律顾问（受委托）',
  other_organ_head: '其他组织负责人（受委托）',
  subordinate_organ_head: '下级机关负责人（受委托）',
};
export const headRoles: readonly AppearanceRole[] = ['principal', 'deputy', 'in_charge'];

/** Art 8: 不能出庭的正当事由. */
export const absenceReasons = ['force_majeure', 'accident', 'irreplaceable_duty', 'other'] as const;
export type AbsenceReason = (typeof absenceReasons)[number];
export const absenceReasonLabels: Record<AbsenceReason, string> = {
  force_majeure: '不可抗力',
  accident: '意外事件',
  irreplaceable_duty: '需要履行他人不能代替的公务',
  other: '其他正当事由',
};

export type Appearance = { name: string; position: string; role: AppearanceRole; identityProof: boolean };

/**
 * A person counts as the 负责人 appearing when their role is one of art 2's and they handed in the identity proof
 * art 6 asks for (a head whose proof is missing and not cured is treated as not having appeared).
 */
export const countsAsHead = (a: Appearance): boolean => headRoles.includes(a.role) && a.identityProof;
export const headAppeared = (appearances: readonly Appearance[]): boolean => appearances.some(countsAsHead);

/** Percent with one decimal, half-up, in integer arithmetic (61/65 → 93.8); null when nothing to count. */
export function ratePercent(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((2000 * numerator + denominator) / (2 * denominator)) / 10;
}
export const formatRate = (rate: number | null): string => (rate === null ? '—' : `${rate.toFixed(1)}%`);

export type Ratio = { numerator: number; denominator: number; rate: number | null };
export const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator, rate: ratePercent(numerator, denominator) });

export type HearingFact = { lawsuitId: number; kind: LawsuitKind; instance: Instance; appearances: readonly Appearance[] };
export type AppearanceRates = {
  /** Hearings held, and those at which a 负责人 appeared. */
  hearings: Ratio;
  /** Cases per 审级 that had a hearing, and those at which a 负责人 appeared at least once at that level (art 7). */
  cases: Ratio;
  byInstance: { instance: Instance; hearings: Ratio; cases: Ratio }[];
};

/**
 * 负责人出庭应诉 in 行政诉讼 (行政诉讼法 art 3③; reconsiderations are not counted). ❓ No official formula exists
 * (DOMAIN.md §7): both the per-hearing and the per-case (per 审级) numerator and denominator are kept.
 */
export function appearanceRates(facts: readonly HearingFact[]): AppearanceRates {
  const litigation = facts.filter((f) => f.kind === 'litigation');
  const measure = (list: readonly HearingFact[]) => {
    const caseLevels = new Map<string, boolean>();
    for (const f of list) {
      const key = `${f.lawsuitId}:${f.instance}`;
      caseLevels.set(key, (caseLevels.get(key) ?? false) || headAppeared(f.appearances));
    }
    return {
      hearings: ratio(list.filter((f) => headAppeared(f.appearances)).length, list.length),
      cases: ratio([...caseLevels.values()].filter(Boolean).length, caseLevels.size),
    };
  };
  return {
    ...measure(litigation),
    byInstance: instances.map((instance) => ({ instance, ...measure(litigation.filter((f) => f.instance === instance)) })).filter((r) => r.hearings.denominator > 0),
  };
}

export type CaseFact = { kind: LawsuitKind; status: LawsuitStatus; outcome: Outcome | null; judgmentPerformed: boolean | null };
/** Lost cases among those concluded (败诉率), and lost cases whose judgment was performed (履行率). */
export function caseOutcomeRates(cases: readonly CaseFact[]): { lost: Ratio; performed: Ratio } {
  const concluded = cases.filter((c) => c.status === 'concluded');
  const lost = concluded.filter((c) => c.outcome === 'lost');
  return { lost: ratio(lost.length, concluded.length), performed: ratio(lost.filter((c) => c.judgmentPerformed === true).length, lost.length) };
}

const instanceOrder = (i: Instance): number => instances.indexOf(i);
/** An appeal goes up a level: 一审 → 二审 → 再审; 再审 may also follow a 一审 judgment that took effect. */
export function appealProblem(from: Instance, to: Instance): string | null {
  if (instanceOrder(to) <= instanceOrder(from)) return `案件已在${instanceLabels[from]}，不能再进入${instanceLabels[to]}`;
  return null;
}
