/**
 * Rules of the villages module: 民主法治示范村 honours and their 复核 (DOMAIN.md §5), the adoption of village rules
 * by 村民会议 / 村民代表会议, and the self-assessment against the guiding standard's checklist.
 */
import { addDays } from '../platform/dates.ts';

// ── 民主法治示范村 honours ───────────────────────────────────────────────────────────────────────────────
export const honourLevels = ['national', 'region', 'prefecture', 'county'] as const;
export type HonourLevel = (typeof honourLevels)[number];
export const honourLevelLabels: Record<HonourLevel, string> = { national: '全国', region: '自治区', prefecture: '地州', county: '县市' };
export const honourTitle = (level: HonourLevel): string => (level === 'national' ? '全国民主法治示范村（社区）' : `${honourLevelLabels[level]}级民主法治示范村（社区）`);

/**
 * How often a named honour is re-examined (复核), in years. National: every two years (✅ DOMAIN.md §5). Other levels
 * are set by each province/prefecture (❓ not verified): no default, the clerk enters the cycle on the honour.
 */
export const defaultReviewCycleYears: Record<HonourLevel, number | null> = { national: 2, region: null, prefecture: null, county: null };

/** 申报 → 推荐 → 命名, or 未获命名; a named honour ends as 撤销 or 注销 (a 复核 that 保留s it keeps it named). */
export const honourStatuses = ['declared', 'recommended', 'named', 'not_named', 'revoked', 'cancelled'] as const;
export type HonourStatus = (typeof honourStatuses)[number];
export const honourStatusLabels: Record<HonourStatus, string> = {
  declared: '已申报',
  recommended: '已推荐',
  named: '已命名',
  not_named: '未获命名',
  revoked: '已撤销',
  cancelled: '已注销',
};
const honourTransitions: Record<HonourStatus, readonly HonourStatus[]> = {
  declared: ['recommended', 'not_named'],
  recommended: ['named', 'not_named'],
  named: ['revoked', 'cancelled'],
  not_named: [],
  revoked: [],
  cancelled: [],
};
export const liveHonourStatuses: readonly HonourStatus[] = ['declared', 'recommended', 'named'];

/** Null when the honour may move from `from` to `to`; otherwise why not, in Chinese. */
export function honourTransitionProblem(from: HonourStatus, to: HonourStatus): string | null {
  if (honourTransitions[from].includes(to)) return null;
  if (honourTransitions[from].length === 0) return `称号已${honourStatusLabels[from].replace('已', '')}，不能再变更为「${honourStatusLabels[to]}」`;
  const next = honourTransitions[from].map((s) => `「${honourStatusLabels[s]}」`).join('或');
  return `「${honourStatusLabels[from]}」的称号只能变更为${next}，不能直接变更为「${honourStatusLabels[to]}」`;
}

export const inspectionStatuses = ['self_assessment', 'submitted', 'concluded'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];
export const inspectionStatusLabels: Record<InspectionStatus, string> = { self_assessment: '自评中', submitted: '已提交待复核', concluded: '已出结论' };

/** The outcomes of a 复核 (✅ DOMAIN.md §5: 保留/撤销/注销). The official word is 复核; the seed's "复验" means the same. */
export const inspectionConclusions = ['retained', 'revoked', 'cancelled'] as const;
export type InspectionConclusion = (typeof inspectionConclusions)[number];
export const inspectionConclusionLabels: Record<InspectionConclusion, string> = { retained: '保留', revoked: '撤销', cancelled: '注销' };
/** The honour's status after a conclusion. */
export const statusAfterConclusion: Record<InspectionConclusion, HonourStatus> = { retained: 'named', revoked: 'revoked', cancelled: 'cancelled' };

/** 复核方式 (✅ DOMAIN.md §5): 实地抽查、书面审查、社会调查. */
export const inspectionMethods = ['site_check', 'document_review', 'social_survey'] as const;
export type InspectionMethod = (typeof inspectionMethods)[number];
export const inspectionMethodLabels: Record<InspectionMethod, string> = { site_check: '实地抽查', document_review: '书面审查', social_survey: '社会调查' };

/**
 * The review year falls due `cycle` years after the year named, then `cycle` years after the last 复核 concluded.
 * Null when the honour is not (or no longer) named, or its level has no cycle.
 */
export function reviewDueYear(h: { status: HonourStatus; namedYear: number | null; reviewCycleYears: number | null; lastReviewYear: number | null }): number | null {
  if (h.status !== 'named' || h.namedYear === null || !h.reviewCycleYears) return null;
  return Math.max(h.namedYear, h.lastReviewYear ?? h.namedYear) + h.reviewCycleYears;
}

/**
 * The date by which the review year's 复核 should be done. ❓ No national day is fixed: the review year's last day
 * is the default, and a date entered on the honour (the province's notice) overrides it.
 */
export const reviewDueDate = (dueYear: number, override: string | null = null): string => (override?.startsWith(String(dueYear)) ? override : `${dueYear}-12-31`);

export type ReminderState = 'overdue' | 'due_soon' | 'later';
export const reminderStateLabels: Record<ReminderState, string> = { overdue: '已逾期', due_soon: '即将到期', later: '未到期' };

/** Whole days from `today` to `due` (negative once past). Dates are 'YYYY-MM-DD'. */
export function daysBetween(today: string, due: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Overdue after the due date; due soon from `daysAhead` days before it (inclusive); otherwise later. */
export function reminderState(due: string, today: string, daysAhead: number): ReminderState {
  if (today > due) return 'overdue';
  return today >= addDays(due, -daysAhead) ? 'due_soon' : 'later';
}

/** Default days of warning before a 复核 falls due (a request may ask for another window). */
export const REVIEW_REMINDER_DAYS = 90;

// ── Self-assessment against the guiding standard ──────────────────────────────────────────────────────────
/**
 * The guiding standard's five parts (✅ DOMAIN.md §5, as reproduced by local standards). Shipped as the default
 * dictionary `villages.standard_part`; each part's items are the dictionary `villages.checklist.<part>` (❓ the
 * national indicator-level text was not retrieved: the items are a default, editable by the administrator).
 */
export const defaultStandardParts = [
  { code: 'organisation', label: '村级组织健全完善' },
  { code: 'democracy', label: '基层民主规范有序' },
  { code: 'rule_of_law', label: '法治建设扎实推进' },
  { code: 'development', label: '经济社会和谐发展' },
  { code: 'support', label: '组织保障坚强有力' },
] as const;
export const checklistKind = (partCode: string): string => `villages.checklist.${partCode}`;

export const assessmentResults = ['met', 'partly', 'not_met'] as const;
export type AssessmentResult = (typeof assessmentResults)[number];
export const assessmentResultLabels: Record<AssessmentResult, string> = { met: '达标', partly: '基本达标', not_met: '未达标' };

export type ChecklistItemState = { label: string; result: AssessmentResult | null; evidence: string; attachmentIds: readonly number[] };
export type ChecklistProgress = { total: number; assessed: number; met: number; partly: number; notMet: number; withEvidence: number };

export const hasEvidence = (i: Pick<ChecklistItemState, 'evidence' | 'attachmentIds'>): boolean => i.evidence.trim().length > 0 || i.attachmentIds.length > 0;

export function checklistProgress(items: readonly ChecklistItemState[]): ChecklistProgress {
  return {
    total: items.length,
    assessed: items.filter((i) => i.result !== null).length,
    met: items.filter((i) => i.result === 'met').length,
    partly: items.filter((i) => i.result === 'partly').length,
    notMet: items.filter((i) => i.result === 'not_met').length,
    withEvidence: items.filter(hasEvidence).length,
  };
}

/**
 * A self-assessment may be submitted when every item has a result and every item claimed as 达标 or 基本达标 has
 * its evidence (a file or a description of the 台账); null when it may.
 */
export function submitProblem(items: readonly ChecklistItemState[]): string | null {
  if (items.length === 0) return '自评清单为空';
  const open = items.filter((i) => i.result === null);
  if (open.length) return `尚有 ${open.length} 项未自评：${open.map((i) => `「${i.label}」`).join('、')}`;
  const bare = items.filter((i) => i.result !== 'not_met' && !hasEvidence(i));
  if (bare.length) return `以下自评为达标的项目缺少佐证材料：${bare.map((i) => `「${i.label}」`).join('、')}`;
  return null;
}

// ── Village rules and their adoption ──────────────────────────────────────────────────────────────────────
/** 村规民约、村民自治章程 … are the dictionary `villages.rule_kind`; these are its defaults. */
export const defaultRuleKinds = [
  { code: 'village_compact', label: '村规民约' },
  { code: 'autonomy_charter', label: '村民自治章程' },
  { code: 'deliberation', label: '集体议事制度' },
  { code: 'finance', label: '财务管理制度' },
  { code: 'other', label: '其他制度' },
] as const;

export const adoptionBodies = ['villagers_meeting', 'representatives_meeting'] as const;
export type AdoptionBody = (typeof adoptionBodies)[number];
export const adoptionBodyLabels: Record<AdoptionBody, string> = { villagers_meeting: '村民会议', representatives_meeting: '村民代表会议' };

/** A 村民会议 is quorate with a majority of the village's adults, or with the representatives of two thirds of its households. */
export const quorumBases = ['villagers', 'households'] as const;
export type QuorumBasis = (typeof quorumBases)[number];
export const quorumBasisLabels: Record<QuorumBasis, string> = { villagers: '十八周岁以上村民', households: '户的代表' };

export type Adoption = {
  body: AdoptionBody;
  quorumBasis?: QuorumBasis;
  expectedCount: number;
  attendedCount: number;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
};

/**
 * Whether a meeting could adopt the version (《村民委员会组织法》2018 修正: art 22 村民会议须本村十八周岁以上村民过半数
 * 或三分之二以上户的代表参加，决定经到会人员过半数通过; art 26 村民代表会议须三分之二以上组成人员参加，决定经到会人员过半数同意;
 * art 27 村民自治章程、村规民约由村民会议制定和修改并报乡镇人民政府备案). Null when valid; otherwise the field and why.
 */
export function adoptionProblem(a: Adoption): { field: keyof Adoption; message: string } | null {
  if (a.attendedCount > a.expectedCount) return { field: 'attendedCount', message: '实到人数不能超过应到人数' };
  if (a.votesFor + a.votesAgainst + a.votesAbstain > a.attendedCount) return { field: 'votesFor', message: '赞成、反对、弃权票数之和不能超过实到人数' };
  if (a.body === 'representatives_meeting' && a.attendedCount * 3 < a.expectedCount * 2) {
    return { field: 'attendedCount', message: `村民代表会议须有三分之二以上的组成人员参加方可召开（应到 ${a.expectedCount} 人，实到 ${a.attendedCount} 人）` };
  }
  if (a.body === 'villagers_meeting') {
    if ((a.quorumBasis ?? 'villagers') === 'villagers' && a.attendedCount * 2 <= a.expectedCount) {
      return { field: 'attendedCount', message: `村民会议须有本村十八周岁以上村民的过半数参加（应到 ${a.expectedCount} 人，实到 ${a.attendedCount} 人）` };
    }
    if (a.quorumBasis === 'households' && a.attendedCount * 3 < a.expectedCount * 2) {
      return { field: 'attendedCount', message: `村民会议须有本村三分之二以上的户的代表参加（应到 ${a.expectedCount} 户，实到 ${a.attendedCount} 户）` };
    }
  }
  if (a.votesFor * 2 <= a.attendedCount) return { field: 'votesFor', message: `决定须经到会人员的过半数通过（到会 ${a.attendedCount} 人，赞成 ${a.votesFor} 票）` };
  return null;
}

/** 村务公开 kinds: the dictionary `villages.disclosure_kind`'s defaults. */
export const defaultDisclosureKinds = [
  { code: 'village_affairs', label: '村务公开' },
  { code: 'finance', label: '财务公开' },
  { code: 'party_affairs', label: '党务公开' },
  { code: 'other', label: '其他公开' },
] as const;
