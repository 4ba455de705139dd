import { describe, expect, it } from 'vitest';
import { defaultTemplate, type Figure, renderReport, reportText, templateIndicators } from './template.ts';

const figures = new Map<string, Figure>(
  [
    { id: 'org.leading_group_co_leaders', label: '组长', unit: '人', value: 2 },
    { id: 'org.leading_group_members', label: '成员', unit: '人', value: 12 },
    { id: 'org.key_tasks', label: '要点', unit: '项', value: 5 },
    { id: 'org.key_tasks_done', label: '完成', unit: '项', value: 5 },
    { id: 'mediation.disputes', label: '纠纷', unit: '件', value: 65 },
    { id: 'mediation.disputes_resolved', label: '成功', unit: '件', value: 61 },
    { id: 'mediation.success_rate', label: '成功率', unit: '%', value: 93.8 },
  ].map((f) => [f.id, f]),
);

const render = (narratives: Record<string, string> = {}) => renderReport(defaultTemplate, { org: '四棵树镇', parent: '乌苏市', year: 2024, figures, narratives });

describe('renderReport', () => {
  it('titles the report with year, parent and town', () => {
    expect(reportText(render()).split('\n')[0]).toBe('2024年度乌苏市四棵树镇法治政府建设情况报告');
  });

  it('fills figures from the records, rates with one decimal, and marks each figure for drill-down', () => {
    const text = reportText(render());
    expect(text).toContain('全年调解矛盾纠纷65件，调解成功61件，调解成功率93.8%。');
    expect(text).toContain('由2名组长');
    const mediation = render().find((b) => b.segments.some((s) => 'figure' in s && s.figure === 'mediation.success_rate'));
    expect(mediation?.segments.filter((s) => 'figure' in s).map((s) => s.text)).toEqual(['65', '61', '93.8%']);
  });

  it('leaves out a sentence whose figures the records cannot give', () => {
    const text = reportText(render());
    expect(text).not.toContain('行政处罚案件');
    expect(text).not.toContain('{{');
  });

  it('keeps the headings of the five required parts and the next year', () => {
    const headings = render()
      .filter((b) => b.kind === 'heading1')
      .map((b) => b.segments.map((s) => s.text).join(''));
    expect(headings).toEqual([
      '一、2024年推进法治政府建设的主要举措和成效',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '三、存在的不足和原因',
      '四、2025年主要安排',
      '五、其他需要报告的情况',
    ]);
  });

  it('splits narratives into paragraphs', () => {
    const problems = render({ problems: '一是部分干部法治意识有待加强。\n二是队伍力量薄弱。' }).filter((b) => b.narrativeId === 'problems');
    expect(problems.map((b) => b.segments[0]?.text)).toEqual(['一是部分干部法治意识有待加强。', '二是队伍力量薄弱。']);
  });

  it('lists the indicators the template depends on', () => {
    expect(templateIndicators(defaultTemplate)).toContain('mediation.success_rate');
    expect(templateIndicators(defaultTemplate)).toContain('enforcement.closure_rate');
  });
});
