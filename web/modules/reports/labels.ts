import type { IndicatorValue, Problem } from './api.ts';

/** The modules in the order the report tells them (组织领导 → 学法 → 创建 → 执法 → 普法 → 调解); others follow. */
export const moduleLabels: Record<string, string> = {
  org: '组织领导',
  learning: '学法用法',
  villages: '民主法治示范创建',
  enforcement: '行政执法',
  counsel: '法律顾问与行政应诉',
  publicity: '普法宣传',
  mediation: '人民调解',
};
const moduleOrder = Object.keys(moduleLabels);
export const moduleLabel = (module: string): string => moduleLabels[module] ?? module;

/** Indicators grouped by module, modules in report order, indicators in registry order. */
export function byModule(values: readonly IndicatorValue[]): { module: string; items: IndicatorValue[] }[] {
  const groups = new Map<string, IndicatorValue[]>();
  for (const v of values) groups.set(v.module, [...(groups.get(v.module) ?? []), v]);
  const rank = (m: string) => (moduleOrder.includes(m) ? moduleOrder.indexOf(m) : moduleOrder.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([module, items]) => ({ module, items }));
}

/** What a drilled-down record is, in the words of its module. */
export const entityLabels: Record<string, string> = {
  leading_group_member: '领导小组成员',
  task: '工作要点',
  meeting: '会议',
  study_session: '学法活动',
  exam: '法律知识测试',
  attendance: '参加记录',
  dispute: '矛盾纠纷',
  mediation_committee: '调解委员会',
  case: '执法案件',
  enforcement_case: '执法案件',
  officer: '执法人员',
  power: '权责事项',
  file_review: '案卷评查',
  finding: '评查问题',
  village: '村',
  honour: '示范村称号',
  inspection: '示范村复核',
  hearing: '民主听证',
  publicity_event: '普法活动',
  event: '普法活动',
  engagement: '法律顾问',
  matter: '法律事务',
  lawsuit: '行政诉讼',
};
export const entityLabel = (type: string): string => entityLabels[type] ?? type;

export const problemKinds: Record<Problem['kind'], { label: string; color: string }> = {
  figure: { label: '数字', color: 'red' },
  rate: { label: '比率', color: 'volcano' },
  law: { label: '法规', color: 'magenta' },
  term: { label: '用语', color: 'gold' },
};

/** A figure as the report prints it: rates with one decimal (93.8%), counts as integers; null → —. */
export function formatValue(v: Pick<IndicatorValue, 'unit' | 'value'>): string {
  if (v.value === null) return '—';
  return v.unit === '%' ? `${v.value.toFixed(1)}%` : String(v.value);
}

/** The change from last year: counts in their unit, rates in 个百分点. Null when either year has no figure. */
export function deltaOf(current: IndicatorValue, previous: IndicatorValue | undefined): { diff: number; text: string } | null {
  if (current.value === null || previous?.value == null) return null;
  const isRate = current.unit === '%';
  const diff = isRate ? Math.round((current.value - previous.value) * 10) / 10 : current.value - previous.value;
  if (diff === 0) return { diff, text: '持平' };
  const amount = isRate ? `${Math.abs(diff).toFixed(1)}个百分点` : `${Math.abs(diff)}${current.unit}`;
  return { diff, text: `${diff > 0 ? '增加' : '减少'}${amount}` };
}
