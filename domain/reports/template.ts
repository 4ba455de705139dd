import { formatRate } from '../platform/rates.ts';

/**
 * The annual 法治政府建设情况报告 as a list of blocks in the structure of 厅字〔2019〕28号 (DOMAIN.md §4: 主要举措和成效,
 * 第一责任人履职情况, 不足和原因, 下一年度主要安排, 其他). Sentences carry {{指标}} placeholders filled from the indicator
 * registry; narrative blocks are written by the town. The wording is ours; each draft keeps its own copy to edit.
 */
export type TemplateBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading1' | 'heading2'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'narrative'; id: string; label: string };

export const narrativeIds = ['intro', 'organisation', 'learning', 'villages', 'enforcement', 'publicity', 'first_responsibility', 'problems', 'plans', 'other'] as const;

export const defaultTemplate: TemplateBlock[] = [
  { kind: 'title', text: '{{year}}年度{{parent}}{{org}}法治政府建设情况报告' },
  { kind: 'narrative', id: 'intro', label: '导语' },
  { kind: 'heading1', text: '一、{{year}}年推进法治政府建设的主要举措和成效' },
  { kind: 'heading2', text: '（一）强化组织领导，压实工作责任' },
  {
    kind: 'paragraph',
    text: '依法治镇工作领导小组由{{ind:org.leading_group_co_leaders}}名组长（镇党委书记、镇长任双组长）和副组长、成员共{{ind:org.leading_group_members}}人组成。全年确定年度工作要点{{ind:org.key_tasks}}项，已完成{{ind:org.key_tasks_done}}项。',
  },
  { kind: 'narrative', id: 'organisation', label: '组织领导的具体做法' },
  { kind: 'heading2', text: '（二）抓好领导干部学法用法' },
  {
    kind: 'paragraph',
    text: '全年党委中心组集体学法{{ind:learning.center_group_sessions}}次，党政主要负责人讲授法治课{{ind:learning.leader_lectures}}次，组织镇村两级干部学习纪律规定{{ind:learning.discipline_study_sessions}}场，开展法律知识测试{{ind:learning.legal_tests}}次。',
  },
  { kind: 'narrative', id: 'learning', label: '学法用法的具体做法' },
  { kind: 'heading2', text: '（三）推进民主法治示范创建' },
  { kind: 'paragraph', text: '全年完成全国民主法治示范村复核{{ind:villages.national_demo_villages_reinspected}}个。' },
  { kind: 'narrative', id: 'villages', label: '法治创建和基层治理的具体做法' },
  { kind: 'heading2', text: '（四）严格规范公正文明执法' },
  { kind: 'paragraph', text: '依据{{ind:enforcement.penalty_powers}}项行政处罚权限履行职责，现有专职执法人员{{ind:enforcement.full_time_officers}}名。' },
  { kind: 'paragraph', text: '开展行政执法培训{{ind:learning.enforcement_trainings}}期、{{ind:learning.enforcement_training_person_times}}人次。' },
  { kind: 'paragraph', text: '办理行政处罚案件{{ind:enforcement.penalty_cases}}件，已结案{{ind:enforcement.penalty_cases_closed}}件，结案率{{ind:enforcement.closure_rate}}。' },
  {
    kind: 'paragraph',
    text: '开展行政执法案卷评查{{ind:enforcement.file_reviews}}次，发现问题{{ind:enforcement.review_findings}}处，已整改{{ind:enforcement.review_findings_corrected}}处。',
  },
  { kind: 'narrative', id: 'enforcement', label: '依法行政的具体做法' },
  { kind: 'heading2', text: '（五）深化普法宣传和矛盾纠纷化解' },
  { kind: 'paragraph', text: '面向青少年发放法治宣传资料{{ind:publicity.youth_materials}}份，覆盖学生{{ind:publicity.youth_students_reached}}人次。' },
  {
    kind: 'paragraph',
    text: '面向农村群众发放法治宣传资料、宣传品{{ind:publicity.rural_materials}}份，开展法律咨询活动{{ind:publicity.consultation_events}}次，接待群众咨询{{ind:publicity.consultation_people}}人次。',
  },
  { kind: 'paragraph', text: '全年调解矛盾纠纷{{ind:mediation.disputes}}件，调解成功{{ind:mediation.disputes_resolved}}件，调解成功率{{ind:mediation.success_rate}}。' },
  { kind: 'narrative', id: 'publicity', label: '普法和人民调解的具体做法' },
  { kind: 'heading1', text: '二、党政主要负责人履行推进法治建设第一责任人职责情况' },
  { kind: 'narrative', id: 'first_responsibility', label: '第一责任人履职情况' },
  { kind: 'heading1', text: '三、存在的不足和原因' },
  { kind: 'narrative', id: 'problems', label: '存在的不足和原因' },
  { kind: 'heading1', text: '四、{{nextYear}}年主要安排' },
  { kind: 'narrative', id: 'plans', label: '下一年度主要安排' },
  { kind: 'heading1', text: '五、其他需要报告的情况' },
  { kind: 'narrative', id: 'other', label: '其他需要报告的情况' },
];

export type Figure = { id: string; label: string; unit: string; value: number | null };
/** A rendered run: plain text, or a figure that links to the records behind it. */
export type Segment = { text: string } | { text: string; figure: string };
export type RenderedBlock = { kind: TemplateBlock['kind']; segments: Segment[]; narrativeId?: string; label?: string };

export type RenderContext = { org: string; parent: string; year: number; figures: ReadonlyMap<string, Figure>; narratives: Readonly<Record<string, string>> };

const formatFigure = (f: Figure): string => (f.unit === '%' ? formatRate(f.value) : String(f.value));

/** Fills the placeholders. A sentence whose figures the records cannot give (a module not in use) is left out. */
export function renderReport(blocks: readonly TemplateBlock[], c: RenderContext): RenderedBlock[] {
  const out: RenderedBlock[] = [];
  const fixed = (text: string) =>
    text
      .replaceAll('{{year}}', String(c.year))
      .replaceAll('{{nextYear}}', String(c.year + 1))
      .replaceAll('{{org}}', c.org)
      .replaceAll('{{parent}}', c.parent);
  for (const block of blocks) {
    if (block.kind === 'narrative') {
      const text = (c.narratives[block.id] ?? '').trim();
      for (const para of text ? text.split(/\n+/) : ['']) out.push({ kind: 'narrative', narrativeId: block.id, label: block.label, segments: [{ text: para.trim() }] });
      continue;
    }
    const segments: Segment[] = [];
    let complete = true;
    for (const part of fixed(block.text).split(/(\{\{ind:[a-z_]+\.[a-z0-9_]+\}\})/)) {
      const id = /^\{\{ind:(.+)\}\}$/.exec(part)?.[1];
      if (!id) {
        if (part) segments.push({ text: part });
        continue;
      }
      const figure = c.figures.get(id);
      if (!figure || figure.value === null) complete = false;
      else segments.push({ text: formatFigure(figure), figure: id });
    }
    if (complete) out.push({ kind: block.kind, segments });
  }
  return out;
}

/** The report as plain text, one block a line (for the check, and for the narrative-free preview). */
export const reportText = (blocks: readonly RenderedBlock[]): string => blocks.map((b) => b.segments.map((s) => s.text).join('')).join('\n');

/** Which figures a template uses: the ones the draft depends on. */
export const templateIndicators = (blocks: readonly TemplateBlock[]): string[] => [
  ...new Set(blocks.flatMap((b) => ('text' in b ? [...b.text.matchAll(/\{\{ind:([a-z_]+\.[a-z0-9_]+)\}\}/g)].map((m) => m[1] as string) : []))),
];
