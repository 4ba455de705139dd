import { percentRate } from '../platform/rates.ts';

/**
 * 报告体检: what is wrong in a report's text before it goes out. Pure: the text, the figures computed from records
 * (indicator id → value) and the law catalog's repealed laws in; the problems out, each with where it is and why.
 */
export type ReportProblem = { kind: 'figure' | 'rate' | 'law' | 'term'; at: number; excerpt: string; message: string; indicatorId?: string };

/** Phrases that state a figure the records know. The number is the first capture group. */
export const figurePhrases: { indicatorId: string; pattern: RegExp; label: string }[] = [
  { indicatorId: 'learning.center_group_sessions', pattern: /中心组[^。；\d]{0,20}?(\d+)\s*次/g, label: '党委中心组学法次数' },
  { indicatorId: 'learning.leader_lectures', pattern: /(?:讲授|讲)[^。；\d]{0,6}法治课[^。；\d]{0,6}?(\d+)\s*次/g, label: '主要负责人讲法治课次数' },
  { indicatorId: 'learning.discipline_study_sessions', pattern: /组织了?\s*(\d+)\s*场[^。；]{0,40}?(?:纪律|廉洁)/g, label: '纪律规定学习场次' },
  { indicatorId: 'learning.enforcement_trainings', pattern: /(\d+)\s*期[^。；\d]{0,10}?(?:行政)?执法培训/g, label: '执法培训期数' },
  { indicatorId: 'learning.enforcement_training_person_times', pattern: /执法培训[^。；]{0,10}?(\d+)\s*人次/g, label: '执法培训人次' },
  { indicatorId: 'learning.legal_tests', pattern: /法律知识测试\s*(\d+)\s*次/g, label: '法律知识测试次数' },
  { indicatorId: 'enforcement.penalty_powers', pattern: /(\d+)\s*项[^。；\d]{0,4}?(?:行政)?处罚(?:权限|权|事项)/g, label: '行政处罚权限' },
  { indicatorId: 'enforcement.full_time_officers', pattern: /(\d+)\s*名[^。；\d]{0,10}?(?:专职|执法)/g, label: '专职执法人员' },
  { indicatorId: 'enforcement.penalty_cases', pattern: /(?:处理|办理|查处)了?\s*(\d+)\s*起[^。；]{0,6}?(?:行政)?处罚案件/g, label: '行政处罚案件' },
  { indicatorId: 'enforcement.file_reviews', pattern: /经\s*(\d+)\s*次审查/g, label: '案卷评查次数' },
  { indicatorId: 'enforcement.review_findings', pattern: /纠正了?\s*(\d+)\s*处/g, label: '案卷问题' },
  { indicatorId: 'publicity.consultation_events', pattern: /法律咨询活动\s*(\d+)\s*次/g, label: '法律咨询活动' },
  { indicatorId: 'mediation.disputes', pattern: /调解[^。；\d]{0,8}?纠纷\s*(\d+)\s*件/g, label: '调解纠纷件数' },
  { indicatorId: 'mediation.disputes_resolved', pattern: /成功\s*(\d+)\s*件/g, label: '调解成功件数' },
  { indicatorId: 'villages.national_demo_villages_reinspected', pattern: /复[验核][^。；\d]{0,10}?全国民主法治示范村\s*(\d+|一|两|二)\s*个/g, label: '全国民主法治示范村复核' },
];

/** Figures stated as "至少": "500余份" agrees with any record count ≥ 500. */
const atLeast = (text: string, end: number) => /^[余多]/.test(text.slice(end));

const chineseSmall: Record<string, number> = { 一: 1, 两: 2, 二: 2 };
const toNumber = (s: string): number => chineseSmall[s] ?? Number(s);

/** Non-standard or wrong terms and what to write instead (DOMAIN.md §5, §8). */
export const termRules: { pattern: RegExp; message: string }[] = [
  { pattern: /复验/g, message: '「复验」应作「复核」（全国民主法治示范村每两年复核一次）' },
  { pattern: /[“"「]?12\s*[·.]\s*4[”"」]?\s*宪法宣传周/g, message: '「12·4」是国家宪法日；宪法宣传周为12月1日至7日，宜写作「12·4国家宪法日及宪法宣传周」' },
  { pattern: /第一季度(?:报告|报送)/g, message: '年度报告应于3月1日前报送上一级党委政府、4月1日前向社会公开（厅字〔2019〕28号），「第一季度」是旧纲要的说法' },
];

export type RepealedLaw = { name: string; repealedOn: string; replacedBy: string | null };

/** Rates written in the text ("调解成功率达93%") checked against the rate the counts give (one decimal, half-up). */
function rateProblems(text: string, values: Record<string, number | null>): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const rates: { indicatorId: string; pattern: RegExp; num: string; den: string }[] = [
    { indicatorId: 'mediation.success_rate', pattern: /调解成功率[^。；\d]{0,4}?(\d+(?:\.\d+)?)\s*%/g, num: 'mediation.disputes_resolved', den: 'mediation.disputes' },
    { indicatorId: 'enforcement.closure_rate', pattern: /结案率[^。；\d]{0,4}?(\d+(?:\.\d+)?)\s*%/g, num: 'enforcement.penalty_cases_closed', den: 'enforcement.penalty_cases' },
  ];
  for (const r of rates) {
    const n = values[r.num];
    const d = values[r.den];
    if (n == null || d == null) continue;
    const expected = percentRate(n, d);
    if (expected === null) continue;
    for (const m of text.matchAll(r.pattern)) {
      const written = Number(m[1]);
      if (written !== expected) {
        problems.push({
          kind: 'rate',
          at: m.index ?? 0,
          excerpt: m[0],
          indicatorId: r.indicatorId,
          message: `写的是 ${m[1]}%，按记录 ${n}/${d} 应为 ${expected.toFixed(1)}%（保留一位小数，四舍五入）`,
        });
      }
    }
  }
  return problems;
}

export function checkReport(text: string, values: Record<string, number | null>, repealed: readonly RepealedLaw[]): ReportProblem[] {
  const problems: ReportProblem[] = [];
  for (const f of figurePhrases) {
    const recorded = values[f.indicatorId];
    if (recorded == null) continue;
    for (const m of text.matchAll(f.pattern)) {
      const written = toNumber(m[1] as string);
      const end = (m.index ?? 0) + m[0].length;
      const ok = atLeast(text, (m.index ?? 0) + m[0].indexOf(m[1] as string) + (m[1] as string).length) ? recorded >= written : recorded === written;
      if (!ok) {
        problems.push({
          kind: 'figure',
          at: m.index ?? 0,
          excerpt: text.slice(m.index ?? 0, end),
          indicatorId: f.indicatorId,
          message: `${f.label}：文中为 ${written}，记录为 ${recorded}`,
        });
      }
    }
  }
  problems.push(...rateProblems(text, values));
  for (const law of repealed) {
    // 《婚姻法》 and 《中华人民共和国婚姻法》 name the same law.
    const short = law.name.replace(/^《|》$/g, '').replace(/^中华人民共和国/, '');
    for (const m of text.matchAll(new RegExp(`《(?:中华人民共和国)?${short}》`, 'g'))) {
      problems.push({
        kind: 'law',
        at: m.index ?? 0,
        excerpt: m[0],
        message: `${m[0]}已于 ${law.repealedOn} 废止${law.replacedBy ? `，现行为《${law.replacedBy.replace(/^《|》$/g, '')}》` : ''}`,
      });
    }
  }
  for (const t of termRules) {
    for (const m of text.matchAll(t.pattern)) problems.push({ kind: 'term', at: m.index ?? 0, excerpt: m[0], message: t.message });
  }
  return problems.sort((a, b) => a.at - b.at);
}

/** 《民法典》第一千二百六十条: from 2021-01-01 these laws are repealed; a report must not cite them as current. */
export const repealedByCivilCode: RepealedLaw[] = ['婚姻法', '继承法', '民法通则', '收养法', '担保法', '合同法', '物权法', '侵权责任法', '民法总则'].map((name) => ({
  name: `中华人民共和国${name}`,
  repealedOn: '2021-01-01',
  replacedBy: '中华人民共和国民法典',
}));
