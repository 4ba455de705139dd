import { describe, expect, it } from 'vitest';
import { checkReport, repealedByCivilCode } from './check.ts';

// Sentences of the seed report (四棵树镇 2024) as a town wrote them by hand.
const seed = [
  '2024年，我镇党委中心组组织法律法规学习活动达5次，领导班子深入研习习近平法治思想。党政主要负责人亲自讲授法治课程2次，并组织了3场镇村两级党员干部学习《中国共产党纪律处分条例》等廉洁自律规定的活动。',
  '本年度，我镇持续推动民主法治示范村创建与复验工作，成功复验全国民主法治示范村一个。',
  '我镇成立了行政执法办公室及综合执法大队，依据16项行政处罚权限明确职责，现有2名在编干部专职负责日常执法工作。年内，已开展9期行政执法培训，41人次参与。截至目前，已成功处理8起行政处罚案件，结案率达100%。经16次审查，发现并纠正了26处文书不规范问题。',
  '累计发放法治宣传资料、宣传品1200余份。二是开展法律咨询活动4次，接待群众咨询80余人次。重点宣传《中华人民共和国土地管理法》《中华人民共和国农村土地承包法》《婚姻法》等。',
  '在“3·15”消费者权益日、“5·1”劳动节、“12·4”宪法宣传周等节点开展宣传。2024年，共调解矛盾纠纷65件，成功61件，调解成功率达93%。',
].join('\n');

const records: Record<string, number | null> = {
  'learning.center_group_sessions': 5,
  'learning.leader_lectures': 2,
  'learning.discipline_study_sessions': 3,
  'learning.enforcement_trainings': 9,
  'learning.enforcement_training_person_times': 41,
  'enforcement.penalty_powers': 16,
  'enforcement.full_time_officers': 2,
  'enforcement.penalty_cases': 8,
  'enforcement.penalty_cases_closed': 8,
  'enforcement.file_reviews': 16,
  'enforcement.review_findings': 26,
  'publicity.consultation_events': 4,
  'mediation.disputes': 65,
  'mediation.disputes_resolved': 61,
  'villages.national_demo_villages_reinspected': 1,
};

describe('报告体检 on the seed report with records that agree with it', () => {
  const problems = checkReport(seed, records, repealedByCivilCode);

  it('finds exactly the rounding, the repealed law and the two non-standard terms', () => {
    expect(problems.map((p) => p.kind)).toEqual(['term', 'term', 'law', 'term', 'rate']);
  });

  it('explains the rate with the counts behind it', () => {
    const rate = problems.find((p) => p.kind === 'rate');
    expect(rate).toMatchObject({ indicatorId: 'mediation.success_rate', excerpt: '调解成功率达93%' });
    expect(rate?.message).toBe('写的是 93%，按记录 61/65 应为 93.8%（保留一位小数，四舍五入）');
  });

  it('names what replaced 《婚姻法》', () => {
    expect(problems.find((p) => p.kind === 'law')?.message).toBe('《婚姻法》已于 2021-01-01 废止，现行为《中华人民共和国民法典》');
  });

  it('says 复核, and 国家宪法日 / 宪法宣传周', () => {
    const terms = problems.filter((p) => p.kind === 'term').map((p) => p.message);
    expect(terms[0]).toContain('复核');
    expect(terms[2]).toContain('国家宪法日');
  });

  it('accepts a correct rate', () => {
    expect(checkReport('调解成功率达93.8%', records, [])).toEqual([]);
    expect(checkReport('结案率达100%', records, [])).toEqual([]);
  });
});

describe('figures that disagree with the records', () => {
  it.each([
    ['党委中心组组织法律法规学习活动达6次', 'learning.center_group_sessions', '党委中心组学法次数：文中为 6，记录为 5'],
    ['已开展10期行政执法培训', 'learning.enforcement_trainings', '执法培训期数：文中为 10，记录为 9'],
    ['共调解矛盾纠纷64件', 'mediation.disputes', '调解纠纷件数：文中为 64，记录为 65'],
    ['已成功处理7起行政处罚案件', 'enforcement.penalty_cases', '行政处罚案件：文中为 7，记录为 8'],
    ['成功复核全国民主法治示范村两个', 'villages.national_demo_villages_reinspected', '全国民主法治示范村复核：文中为 2，记录为 1'],
  ])('%s', (text, indicatorId, message) => {
    expect(checkReport(text, records, [])).toEqual([expect.objectContaining({ kind: 'figure', indicatorId, message })]);
  });

  it('reads "余" as "at least"', () => {
    expect(checkReport('接待群众咨询80余人次；开展法律咨询活动4次', records, [])).toEqual([]);
  });

  it('skips a figure the records do not know yet', () => {
    expect(checkReport('党委中心组组织法律法规学习活动达6次', {}, [])).toEqual([]);
  });
});
