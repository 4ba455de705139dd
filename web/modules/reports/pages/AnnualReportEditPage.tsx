import { ArrowLeftOutlined, AuditOutlined, CheckOutlined, FileWordOutlined, GlobalOutlined, SaveOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Grid, Input, Popconfirm, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useBlocker, useParams } from 'react-router';
import { reportStatusLabels } from '../../../../domain/reports/contracts.ts';
import { useAccess } from '../../../app/auth.tsx';
import { ApiError } from '../../../app/http.ts';
import { formatInstant } from '../../../ui/dates.ts';
import { useApiError } from '../../../ui/useApiError.ts';
import { type Preview, type Problem, reportKeys, reportsApi } from '../api.ts';
import { blockingProblems, ProblemList } from '../components/ProblemList.tsx';
import { type DrillTarget, RecordsDrawer } from '../components/RecordsDrawer.tsx';
import { ReportPaper } from '../components/ReportPaper.tsx';
import { composeReport, narrativeFields, narrativeSelection } from '../reportDoc.ts';
import { useDebounced } from '../useDebounced.ts';

const statusColors = { draft: 'default', approved: 'blue', published: 'green' } as const;

/** What to write in each block of the default template, in the words of the reports towns write by hand today. */
const hints: Record<string, string> = {
  intro: '例：今年以来，我镇深入学习贯彻党的二十大精神和习近平法治思想，全力推进法治政府建设各项任务，现将有关情况报告如下：',
  organisation: '组织领导的具体做法，如：因人事变动调整领导小组、召开专题会议、建立全体联动的工作机制。上文数字已由记录自动生成，不必重复。',
  learning: '学法用法的具体做法，如：中心组学习的内容、主要负责人讲法治课的主题、线上线下相结合的法律知识测试。',
  villages: '民主法治示范村创建和基层治理的做法，如：集体议事制、村民自治章程、村规民约、民主听证。',
  enforcement: '依法行政的做法，如：成立综合执法大队、落实行政执法“三项制度”、与市直部门建立月度案卷自查机制。',
  publicity: '普法和人民调解的做法，如：“开学第一课”、面向农村群众的精准普法、重要节点宣传、镇村两级调解委员会。',
  first_responsibility: '党政主要负责人履行推进法治建设第一责任人职责的情况：部署、推动、带头学法、出庭应诉等。',
  problems: '存在的不足和原因，一条一段，如：一是部分干部法治意识有待加强……二是法治工作队伍力量薄弱……',
  plans: '下一年度主要安排，一条一段，如：（一）加强干部法治教育培训……（二）强化法治工作队伍建设……',
  other: '其他需要报告的情况；没有可写“无”。',
};

/** The annual report: the 公文 preview on the left, what the town writes and the 体检 on the right; save, 审定, 公开, Word. */
export function AnnualReportEditPage() {
  const id = Number(useParams().id);
  const access = useAccess();
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const showError = useApiError();
  const { data, isPending, error, refetch } = useQuery({ queryKey: reportKeys.report(id), queryFn: () => reportsApi.get(id), enabled: Number.isInteger(id) && id > 0 });

  // What the clerk has typed over the saved narratives; empty when everything is saved.
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'save' | 'approve' | 'publish' | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const textAreas = useRef<Record<string, TextAreaRef | null>>({});
  const previewBox = useRef<HTMLDivElement>(null);

  const report = data?.report;
  const saved = report?.narratives ?? {};
  const local = { ...saved, ...edits };
  const dirty = Object.entries(edits).some(([k, v]) => v !== (saved[k] ?? ''));
  const canEdit = access.canWriteReports && report?.status === 'draft';
  const fields = useMemo(() => narrativeFields(report?.template ?? []), [report?.template]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `local` is rebuilt each render from `saved` and `edits`, which are the real inputs
  const doc = useMemo(() => composeReport(data?.blocks ?? [], local), [data?.blocks, saved, edits]);

  // 体检 while typing: the server checks the text as it stands (debounced), against the same records.
  const settledText = useDebounced(doc.text, 700);
  const live = useQuery({
    queryKey: reportKeys.check(report?.orgUnitId ?? 0, report?.year ?? 0, settledText),
    queryFn: async () => ({ text: settledText, problems: (await reportsApi.check({ org: String(report?.orgUnitId), year: report?.year ?? 0, text: settledText })).problems }),
    enabled: dirty && report !== undefined && settledText === doc.text && settledText.length > 0,
    placeholderData: keepPreviousData,
  });
  const checked = dirty ? live.data : data ? { text: composeReport(data.blocks, saved).text, problems: data.problems } : undefined;
  const problems: Problem[] = checked?.problems ?? [];
  const fresh = checked?.text === doc.text;
  const shownProblems = fresh ? problems : [];

  // Leaving with unsaved text: ask first (in-app navigation and closing the tab).
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: '有未保存的修改',
      content: '离开后，尚未保存的文字将丢失。确定离开？',
      okText: '离开',
      cancelText: '留下',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (error)
    return <Result status={error instanceof ApiError && error.status === 404 ? '404' : 'error'} title={error.message} extra={<Link to="/reports/annual">返回报告列表</Link>} />;
  if (isPending || !data || !report) return <Skeleton active paragraph={{ rows: 12 }} />;

  const accept = (p: Preview) => {
    queryClient.setQueryData(reportKeys.report(id), p);
    void queryClient.invalidateQueries({ queryKey: ['reports', 'annual', 'list'] });
  };

  /** Someone saved first: take their version, keep what this clerk typed where they can copy it back. */
  const onConflict = async () => {
    const lost = fields.filter((f) => (edits[f.id] ?? saved[f.id] ?? '') !== (saved[f.id] ?? ''));
    setEdits({});
    await refetch();
    message.warning('数据已被他人修改，已重新载入最新内容');
    if (lost.length > 0)
      modal.info({
        title: '数据已被他人修改',
        width: 640,
        content: (
          <div>
            <Typography.Paragraph>报告已载入他人保存的最新内容。您刚才未保存的文字如下，可复制后重新填入：</Typography.Paragraph>
            {lost.map((f) => (
              <div key={f.id}>
                <Typography.Text strong>{f.label}</Typography.Text>
                <Typography.Paragraph copyable style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8 }}>
                  {edits[f.id]}
                </Typography.Paragraph>
              </div>
            ))}
          </div>
        ),
      });
  };

  const act = async (kind: 'save' | 'approve' | 'publish') => {
    setBusy(kind);
    try {
      if (kind === 'save') {
        accept(await reportsApi.update(id, { narratives: local, version: report.version }));
        setEdits({});
        message.success('已保存');
      } else if (kind === 'approve') {
        accept(await reportsApi.approve(id, report.version));
        message.success('报告已审定');
      } else {
        accept(await reportsApi.publish(id, report.version));
        message.success('已标记为已公开');
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') await onConflict();
      else if (err instanceof ApiError && err.code === 'REPORT_HAS_PROBLEMS') {
        const refused = Array.isArray(err.details) ? (err.details as Problem[]) : [];
        modal.error({
          title: '报告体检未通过，不能审定',
          width: 640,
          content: (
            <div>
              <Typography.Paragraph>{err.message}</Typography.Paragraph>
              <ProblemList problems={refused} />
            </div>
          ),
        });
        void refetch();
      } else showError(err);
    } finally {
      setBusy(null);
    }
  };

  /** Bring a place in the preview into view: inside the preview's own scroll box when it has one, else the page. */
  const revealInPreview = (selector: string) => {
    const box = previewBox.current;
    const el = box?.querySelector<HTMLElement>(selector);
    if (!box || !el) return;
    if (box.scrollHeight > box.clientHeight + 1) {
      const top = el.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - 80;
      box.scrollTo({ top, behavior: 'smooth' });
    } else el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const focusNarrative = (narrativeId: string, from?: number, to?: number) => {
    const area = textAreas.current[narrativeId]?.resizableTextArea?.textArea;
    if (!area) return;
    area.focus({ preventScroll: true });
    area.scrollIntoView({ behavior: 'smooth', block: 'center' });
    if (from !== undefined && to !== undefined) area.setSelectionRange(from, to);
  };

  const selectProblem = (i: number) => {
    setActive(i);
    const p = problems[i];
    if (!p) return;
    if (fresh) revealInPreview(`[data-problem="${i}"]`);
    if (!canEdit) return;
    let sel = fresh ? narrativeSelection(doc, p) : null;
    // A stale result (still checking what was just typed): find the excerpt by its text instead.
    if (!sel || (local[sel.narrativeId] ?? '').slice(sel.from, sel.to) !== p.excerpt) {
      const hit = fields.map((f) => ({ id: f.id, at: (local[f.id] ?? '').indexOf(p.excerpt) })).find((h) => h.at >= 0);
      sel = hit ? { narrativeId: hit.id, from: hit.at, to: hit.at + p.excerpt.length } : null;
    }
    if (sel) focusNarrative(sel.narrativeId, sel.from, sel.to);
  };

  const title =
    data.blocks
      .find((b) => b.kind === 'title')
      ?.segments.map((s) => s.text)
      .join('') ?? `${report.orgName}${report.year}年度法治政府建设情况报告`;
  const blocking = blockingProblems(shownProblems).length;
  const unwritten = fields.filter((f) => !(local[f.id] ?? '').trim()).length;

  const actions = (
    <Space wrap>
      {canEdit && (
        <Button type="primary" icon={<SaveOutlined />} loading={busy === 'save'} disabled={!dirty} onClick={() => act('save')}>
          保存
        </Button>
      )}
      {access.canApproveReports && report.status === 'draft' && (
        <Popconfirm
          title="审定报告"
          description={dirty ? '还有未保存的修改，审定的是已保存的内容。' : '审定后报告内容锁定，不能再修改。确定审定？'}
          okText="审定"
          onConfirm={() => act('approve')}
        >
          <Button type="primary" icon={<AuditOutlined />} loading={busy === 'approve'} danger={blocking > 0}>
            审定
          </Button>
        </Popconfirm>
      )}
      {access.canWriteReports && report.status === 'approved' && (
        <Popconfirm title="标记已公开" description="确认本报告已通过报刊、网站等向社会公开？" okText="确认" onConfirm={() => act('publish')}>
          <Button icon={<GlobalOutlined />} loading={busy === 'publish'}>
            标记已公开
          </Button>
        </Popconfirm>
      )}
      <Button icon={<FileWordOutlined />} href={reportsApi.docxUrl(id)} title={dirty ? '导出的是上次保存的内容' : undefined}>
        导出 Word
      </Button>
    </Space>
  );

  const statusNote =
    report.status === 'published' ? (
      <Alert type="success" showIcon title={`本报告已审定并于 ${formatInstant(report.publishedAt)} 标记为已向社会公开。`} />
    ) : report.status === 'approved' ? (
      <Alert
        type="info"
        showIcon
        title={`本报告已于 ${formatInstant(report.approvedAt)} 审定，内容已锁定。${access.canWriteReports ? '向社会公开后请点击「标记已公开」。' : ''}`}
      />
    ) : null;

  const sticky = screens.lg;
  const preview = (
    <div
      ref={previewBox}
      style={
        sticky
          ? { position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflow: 'auto', background: '#f0f2f5', padding: 16, borderRadius: 8 }
          : { background: '#f0f2f5', padding: 8, borderRadius: 8 }
      }
    >
      <ReportPaper
        doc={doc}
        problems={shownProblems}
        activeProblem={fresh ? active : null}
        figures={data.figures}
        onFigure={(indicatorId) => setDrill({ indicatorId, org: report.orgUnitId, year: report.year, orgName: report.orgName })}
        onNarrative={canEdit ? (nid) => focusNarrative(nid) : null}
        showEmpty={report.status === 'draft'}
      />
    </div>
  );

  const checkCard = (
    <Card
      size="small"
      title={
        <Space>
          报告体检
          {problems.length > 0 && <Tag color={blocking > 0 ? 'red' : 'gold'}>{problems.length} 处</Tag>}
        </Space>
      }
      extra={
        dirty ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {live.isFetching || !fresh ? '正在体检…' : '按当前文字体检（未保存）'}
          </Typography.Text>
        ) : null
      }
    >
      <ProblemList problems={problems} onSelect={selectProblem} active={active} loading={dirty && !live.data} />
    </Card>
  );

  const narrativesCard = canEdit && (
    <Card
      size="small"
      title="叙述段（由本单位撰写）"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {dirty ? '有未保存的修改' : '已保存'}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        蓝色数字由业务记录自动生成，这里只写做法、成效、不足和安排；换行即分段，每段自动首行缩进。
      </Typography.Paragraph>
      <Form layout="vertical">
        {fields.map((f) => (
          <Form.Item key={f.id} label={f.label} htmlFor={`narrative-${f.id}`} style={{ marginBottom: 16 }}>
            <Input.TextArea
              id={`narrative-${f.id}`}
              ref={(r) => {
                textAreas.current[f.id] = r;
              }}
              value={local[f.id] ?? ''}
              onChange={(e) => setEdits((prev) => ({ ...prev, [f.id]: e.target.value }))}
              onFocus={() => sticky && revealInPreview(`[data-narrative="${f.id}"]`)}
              placeholder={hints[f.id] ?? '换行即分段'}
              autoSize={{ minRows: 3, maxRows: 14 }}
              maxLength={20000}
            />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Space wrap size={[8, 4]}>
            <Link to="/reports/annual" aria-label="返回报告列表">
              <ArrowLeftOutlined />
            </Link>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {title}
            </Typography.Text>
            <Tag color={statusColors[report.status]}>{reportStatusLabels[report.status]}</Tag>
            {report.status === 'draft' && blocking === 0 && fresh && (
              <Tag icon={<CheckOutlined />} color="success">
                体检通过
              </Tag>
            )}
            {report.status === 'draft' && unwritten > 0 && <Tag color="warning">{unwritten} 段未填写</Tag>}
          </Space>
          {actions}
        </Flex>
      </Card>
      {statusNote}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {preview}
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {checkCard}
            {narrativesCard}
          </Space>
        </Col>
      </Row>
      <RecordsDrawer target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
