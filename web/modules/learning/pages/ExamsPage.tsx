import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Exam, ExamQuery } from '../../../../domain/learning/contracts.ts';
import { type ExamMode, examModeLabels, examModes, examStatusLabels, windowState } from '../../../../domain/learning/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { formatInstant } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { learningApi, learningKeys } from '../api.ts';
import { useHomeUnit } from '../useHomeUnit.ts';
import { yearOptions } from './SessionsPage.tsx';

type Filters = Pick<ExamQuery, 'year' | 'status' | 'q'>;
type Values = {
  orgUnitId: number;
  title: string;
  description?: string;
  paperId: number;
  mode: ExamMode;
  window: [Dayjs, Dayjs];
  timeLimitMinutes: number;
  maxAttempts: number;
  passScore: number;
  partialCredit?: boolean;
};

export const modeColors: Record<ExamMode, string> = { online: 'blue', offline: 'orange', mixed: 'purple' };
const shortInstant = (iso: string) => formatInstant(iso).slice(0, 16);

export function ExamState({ exam }: { exam: Exam }) {
  if (exam.status === 'draft') return <Tag>{examStatusLabels.draft}</Tag>;
  const state = windowState(new Date(exam.opensAt), new Date(exam.closesAt), new Date());
  return state === 'open' ? <Tag color="green">进行中</Tag> : state === 'not_open' ? <Tag color="gold">未开始</Tag> : <Tag color="default">已结束</Tag>;
}

/** Legal-knowledge tests: draft → published (the candidate list is made), then results online and offline. */
export function ExamsPage() {
  const access = useAccess();
  const canWrite = access.canWriteLearning;
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const homeUnit = useHomeUnit();
  const list = usePagedQuery<Exam, Filters>(learningKeys.exams, learningApi.exams, {});
  const [editing, setEditing] = useState<Exam | 'new' | null>(null);
  const [voiding, setVoiding] = useState<Exam | null>(null);
  const papers = useQuery({
    queryKey: [...learningKeys.papers, 'all'],
    queryFn: async () => (await learningApi.papers({ pageSize: 200 })).items,
    enabled: canWrite && editing !== null,
  });
  const editingExam = editing !== 'new' ? editing : null;
  const locked = editingExam?.status === 'published';
  const refresh = () => queryClient.invalidateQueries({ queryKey: learningKeys.all });

  const save = async ({ window, ...rest }: Values) => {
    const values = { ...rest, opensAt: window[0].toISOString(), closesAt: window[1].toISOString(), partialCredit: rest.partialCredit ?? false };
    if (editingExam) {
      const { orgUnitId: _unit, ...editable } = values;
      const changed = changedFields(editingExam, editable);
      if (changed.opensAt && new Date(changed.opensAt).getTime() === new Date(editingExam.opensAt).getTime()) delete changed.opensAt;
      if (changed.closesAt && new Date(changed.closesAt).getTime() === new Date(editingExam.closesAt).getTime()) delete changed.closesAt;
      await learningApi.updateExam(editingExam.id, { ...changed, version: editingExam.version });
    } else {
      await learningApi.createExam(values);
    }
    await refresh();
  };

  const publish = (e: Exam) =>
    modal.confirm({
      title: `发布「${e.title}」？`,
      content: '发布后生成应考名单（本单位及下属单位有账号的干部），可再增补无账号人员；试卷、时限、次数和及格分不能再修改。',
      okText: '发布',
      onOk: async () => {
        try {
          const published = await learningApi.publishExam(e.id, e.version);
          message.success(`已发布，应考 ${published.candidateCount} 人`);
          await refresh();
        } catch (err) {
          showError(err);
        }
      },
    });

  const columns: TableColumnsType<Exam> = [
    { title: '测试名称', dataIndex: 'title', width: 240, render: (t: string, e) => <Link to={`/learning/exams/${e.id}`}>{t}</Link> },
    { title: '方式', dataIndex: 'mode', width: 110, render: (m: ExamMode) => <Tag color={modeColors[m]}>{examModeLabels[m]}</Tag> },
    { title: '时间', key: 'window', width: 190, render: (_, e) => `${shortInstant(e.opensAt)} 至 ${shortInstant(e.closesAt)}` },
    { title: '时限', dataIndex: 'timeLimitMinutes', width: 76, render: (m: number) => `${m} 分钟` },
    { title: '次数', dataIndex: 'maxAttempts', width: 56, align: 'right' },
    { title: '及格/总分', key: 'score', width: 84, render: (_, e) => `${e.passScore}/${e.totalPoints}` },
    { title: '应考', dataIndex: 'candidateCount', width: 56, align: 'right' },
    { title: '状态', key: 'status', width: 76, render: (_, e) => <ExamState exam={e} /> },
    {
      title: '操作',
      key: 'actions',
      width: 176,
      fixed: 'right',
      render: (_, e) => (
        <Space size={0}>
          <Link to={`/learning/exams/${e.id}`}>
            <Button type="link" size="small">
              成绩
            </Button>
          </Link>
          {canWrite && (
            <Button type="link" size="small" onClick={() => setEditing(e)}>
              编辑
            </Button>
          )}
          {canWrite && e.status === 'draft' && (
            <Button type="link" size="small" onClick={() => publish(e)}>
              发布
            </Button>
          )}
          {canWrite && (
            <Button type="link" size="small" danger onClick={() => setVoiding(e)}>
              作废
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search({ year: f.year, status: f.status, q: f.q?.trim() || undefined })}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新建测试
              </Button>
            )}
            <LedgerButtons kind="exam-scores" title="线下考试成绩台账" what="线下成绩" query={{ year: list.filters.year }} canImport={canWrite} onImported={refresh} />
          </>
        }
      >
        <Form.Item name="year" label="年度">
          <Select allowClear options={yearOptions()} style={{ width: 110 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={Object.entries(examStatusLabels).map(([value, label]) => ({ value, label }))} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="q" label="名称">
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
      </FilterBar>
      <Table<Exam> rowKey="id" size="middle" columns={columns} scroll={{ x: 1064 }} {...list.table} />

      <FormDrawer<Values>
        open={editing !== null}
        title={editingExam ? `编辑测试：${editingExam.title}` : '新建测试'}
        onClose={() => setEditing(null)}
        initialValues={
          editingExam
            ? {
                orgUnitId: editingExam.orgUnitId,
                title: editingExam.title,
                description: editingExam.description,
                paperId: editingExam.paperId,
                mode: editingExam.mode,
                window: [dayjs(editingExam.opensAt), dayjs(editingExam.closesAt)],
                timeLimitMinutes: editingExam.timeLimitMinutes,
                maxAttempts: editingExam.maxAttempts,
                passScore: editingExam.passScore,
                partialCredit: editingExam.partialCredit,
              }
            : {
                orgUnitId: homeUnit,
                mode: 'mixed',
                window: [dayjs().startOf('minute'), dayjs().add(7, 'day').endOf('day').startOf('minute')],
                timeLimitMinutes: 30,
                maxAttempts: 1,
                passScore: 60,
                partialCredit: false,
              }
        }
        onSubmit={save}
      >
        {locked && <Typography.Paragraph type="warning">测试已发布：只能修改名称、说明和结束时间。</Typography.Paragraph>}
        <Form.Item name="title" label="测试名称" rules={[{ required: true, whitespace: true, message: '请填写测试名称' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgUnitId" label="组织单位" rules={[{ required: true, message: '请选择组织单位' }]} extra="发布时，本单位及下属单位有账号的干部列入应考名单">
          <OrgUnitTreeSelect disabled={editingExam !== null} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="paperId" label="试卷" rules={[{ required: true, message: '请选择试卷' }]}>
          <Select
            disabled={locked}
            loading={papers.isPending}
            options={(papers.data ?? []).map((p) => ({ value: p.id, label: `${p.title}（${p.questionCount} 题 · ${p.totalPoints} 分）` }))}
            placeholder="先在「试卷」中组卷"
          />
        </Form.Item>
        <Form.Item name="mode" label="测试方式" rules={[{ required: true }]}>
          <Select disabled={locked} options={examModes.map((m) => ({ value: m, label: examModeLabels[m] }))} />
        </Form.Item>
        <Form.Item name="window" label="开放时间" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} disabled={[locked, false]} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="timeLimitMinutes" label="答题时限（分钟）" rules={[{ required: true }]}>
              <InputNumber min={1} max={600} disabled={locked} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="maxAttempts" label="允许作答次数" rules={[{ required: true }]}>
              <InputNumber min={1} max={10} disabled={locked} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="passScore" label="及格分" rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} step={0.5} disabled={locked} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="partialCredit" label="多选题少选得一半分" valuePropName="checked" extra="关闭时，多选题须全部选对才得分">
          <Switch disabled={locked} />
        </Form.Item>
        <Form.Item name="description" label="说明" rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </FormDrawer>

      <FormModal<{ reason: string }>
        open={voiding !== null}
        title={`作废测试：${voiding?.title ?? ''}`}
        okText="作废"
        successMessage={null}
        onClose={() => setVoiding(null)}
        onSubmit={async ({ reason }) => {
          if (!voiding) return;
          await learningApi.voidExam(voiding.id, { reason, version: voiding.version });
          message.success('已作废');
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">已有作答或成绩的测试不能作废。</Typography.Paragraph>
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }, { max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
