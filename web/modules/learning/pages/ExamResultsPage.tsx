import { ArrowLeftOutlined, EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ExamResults, ResultRow } from '../../../../domain/learning/contracts.ts';
import { examModeLabels, offlineSatOn } from '../../../../domain/learning/rules.ts';
import { formatRate } from '../../../../domain/platform/rates.ts';
import { useAccess } from '../../../app/auth.tsx';
import { ApiError } from '../../../app/http.ts';
import { formatInstant, toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { learningApi, learningFiles, learningKeys } from '../api.ts';
import { DownloadButton } from '../components/FileButtons.tsx';
import { PeopleFields, type PeopleValues, toAttendees } from '../components/PeopleFields.tsx';
import { ExamState, modeColors } from './ExamsPage.tsx';

type OfflineValues = { who: 'listed' | 'other'; candidateId?: number; personName?: string; orgUnitId?: number; score: number; satOn: Dayjs; note?: string };

const Passed = ({ row }: { row: ResultRow }) =>
  row.passed === null ? <Typography.Text type="secondary">未参加</Typography.Text> : row.passed ? <Tag color="success">及格</Tag> : <Tag color="error">不及格</Tag>;

/** One exam's one result list: online attempts and offline scores side by side, with offline entry and import. */
export function ExamResultsPage() {
  const examId = Number(useParams().id);
  const access = useAccess();
  const canWrite = access.canWriteLearning;
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const [offlineFor, setOfflineFor] = useState<ResultRow | 'new' | null>(null);
  const [addingPeople, setAddingPeople] = useState(false);
  const [offlineForm] = Form.useForm<OfflineValues>();
  const who = Form.useWatch('who', offlineForm);
  const results = useQuery({ queryKey: learningKeys.results(examId), queryFn: () => learningApi.results(examId) });
  const setResults = (r: ExamResults) => queryClient.setQueryData(learningKeys.results(examId), r);
  const refresh = () => queryClient.invalidateQueries({ queryKey: learningKeys.all });

  if (results.isPending) return <Spin />;
  if (results.error)
    return (
      <Result
        status={results.error instanceof ApiError && results.error.status === 404 ? '404' : 'error'}
        title={results.error.message}
        extra={<Link to="/learning/exams">返回测试列表</Link>}
      />
    );
  const { exam, summary, items } = results.data;
  const editingRow = offlineFor !== 'new' ? offlineFor : null;
  const day = offlineSatOn(new Date(exam.closesAt), todayString());

  const saveOffline = async (v: OfflineValues) => {
    const satOn = toDateString(v.satOn) ?? todayString();
    if (editingRow?.offline) {
      setResults(await learningApi.updateOfflineScore(editingRow.offline.id, { score: v.score, satOn, note: v.note ?? '', version: editingRow.offline.version }));
    } else if (v.who === 'other') {
      setResults(await learningApi.addOfflineScore(examId, { personName: v.personName, orgUnitId: v.orgUnitId, score: v.score, satOn, note: v.note }));
    } else {
      setResults(await learningApi.addOfflineScore(examId, { candidateId: editingRow?.candidateId ?? v.candidateId, score: v.score, satOn, note: v.note }));
    }
    await refresh();
  };

  const voidOffline = (row: ResultRow) =>
    modal.confirm({
      title: `作废 ${row.personName} 的线下成绩？`,
      content: '作废后此人的成绩按线上作答计（如有），记录保留备查。',
      okText: '作废',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          if (!row.offline) return;
          setResults(await learningApi.voidOfflineScore(row.offline.id, { reason: '成绩录入有误', version: row.offline.version }));
          await refresh();
        } catch (err) {
          showError(err);
        }
      },
    });

  const removeCandidate = (row: ResultRow) =>
    modal.confirm({
      title: `把 ${row.personName} 移出应考名单？`,
      okText: '移出',
      onOk: async () => {
        try {
          await learningApi.removeCandidate(row.candidateId, { reason: '不属于应考人员', version: row.candidateVersion });
          await refresh();
        } catch (err) {
          showError(err);
        }
      },
    });

  const columns: TableColumnsType<ResultRow> = [
    { title: '姓名', dataIndex: 'personName', width: 110, fixed: 'left', render: (n: string, r) => (r.userId ? n : <span title="无账号">{n}*</span>) },
    { title: '单位', dataIndex: 'orgUnitName', width: 120, render: (u: string | null) => u ?? '—' },
    {
      title: '线上作答',
      key: 'online',
      width: 150,
      render: (_, r) =>
        r.online ? (
          <Space orientation="vertical" size={0}>
            <span>
              最高 {r.online.bestScore ?? '—'} 分（{r.online.attempts} 次）
            </span>
            {r.online.inProgress ? <Tag color="processing">作答中</Tag> : <Typography.Text type="secondary">{formatInstant(r.online.lastFinishedAt).slice(5, 16)}</Typography.Text>}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '线下成绩',
      key: 'offline',
      width: 130,
      render: (_, r) =>
        r.offline ? (
          <Space orientation="vertical" size={0}>
            <span>{r.offline.score} 分</span>
            <Typography.Text type="secondary">{r.offline.satOn}</Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: '成绩', dataIndex: 'score', width: 70, align: 'right', render: (s: number | null) => (s === null ? '—' : <Typography.Text strong>{s}</Typography.Text>) },
    {
      title: '参考方式',
      dataIndex: 'sittingMode',
      width: 90,
      render: (m: ResultRow['sittingMode']) => (m ? <Tag color={m === 'online' ? 'blue' : 'orange'}>{m === 'online' ? '线上' : '线下'}</Tag> : '—'),
    },
    { title: '结果', key: 'passed', width: 90, render: (_, r) => <Passed row={r} /> },
    ...(canWrite && exam.mode !== 'online'
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            fixed: 'right' as const,
            render: (_: unknown, r: ResultRow) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setOfflineFor(r)}>
                  {r.offline ? '修改线下成绩' : '录入成绩'}
                </Button>
                {r.offline && (
                  <Button type="link" size="small" danger onClick={() => voidOffline(r)}>
                    作废
                  </Button>
                )}
                {!r.offline && !r.online && (
                  <Button type="link" size="small" onClick={() => removeCandidate(r)}>
                    移出
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const offlineAllowed = canWrite && exam.mode !== 'online' && exam.status === 'published';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <Link to="/learning/exams">
              <ArrowLeftOutlined />
            </Link>
            {exam.title}
          </Space>
        }
        extra={<ExamState exam={exam} />}
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'mode', label: '方式', children: <Tag color={modeColors[exam.mode]}>{examModeLabels[exam.mode]}</Tag> },
            { key: 'window', label: '时间', children: `${formatInstant(exam.opensAt).slice(0, 16)} 至 ${formatInstant(exam.closesAt).slice(0, 16)}` },
            { key: 'paper', label: '试卷', children: `${exam.paperTitle}（${exam.questionCount} 题）` },
            { key: 'rules', label: '规则', children: `时限 ${exam.timeLimitMinutes} 分钟 · 可作答 ${exam.maxAttempts} 次${exam.partialCredit ? ' · 多选少选得半分' : ''}` },
            { key: 'pass', label: '及格/总分', children: `${exam.passScore} / ${exam.totalPoints}` },
            { key: 'unit', label: '组织单位', children: exam.orgUnitName },
          ]}
        />
        <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
          {[
            ['应考', summary.candidates, '人'],
            ['实考', summary.participants, '人'],
            ['线上 / 线下', `${summary.online} / ${summary.offline}`, ''],
            ['及格', summary.passed, '人'],
            ['参考率', formatRate(summary.participationRate), ''],
            ['及格率', formatRate(summary.passRate), ''],
            ['平均分', summary.averageScore ?? '—', ''],
          ].map(([title, value, suffix]) => (
            <Col key={String(title)} xs={8} sm={6} md={3}>
              <Statistic title={title} value={value as string | number} suffix={suffix} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card
        title="成绩（线上、线下同一名单）"
        extra={
          <Flex gap={8} wrap justify="flex-end">
            {offlineAllowed && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setOfflineFor('new')}>
                录入线下成绩
              </Button>
            )}
            {exam.mode !== 'online' && (
              <LedgerButtons kind="exam-scores" title="线下考试成绩台账" what="线下成绩" query={{ examId }} canImport={offlineAllowed} onImported={refresh} />
            )}
            {canWrite && (
              <Button icon={<UserAddOutlined />} onClick={() => setAddingPeople(true)}>
                增加应考人员
              </Button>
            )}
            <DownloadButton path={learningFiles.results(examId)} filename={`${exam.title}-成绩.xlsx`}>
              导出成绩
            </DownloadButton>
          </Flex>
        }
      >
        {exam.status === 'draft' && <Typography.Paragraph type="warning">测试尚未发布：发布后生成应考名单，才能作答和录入成绩。</Typography.Paragraph>}
        <Table<ResultRow>
          rowKey="candidateId"
          size="small"
          columns={columns}
          dataSource={items}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 50, showTotal: (t) => `共 ${t} 人` }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          * 无平台账号（线下参考）。同一人既有线上又有线下成绩时取较高者。
        </Typography.Text>
      </Card>

      <FormModal<OfflineValues>
        form={offlineForm}
        open={offlineFor !== null}
        title={editingRow ? `${editingRow.personName} 的线下成绩` : '录入线下成绩'}
        onClose={() => setOfflineFor(null)}
        initialValues={
          editingRow
            ? {
                who: 'listed',
                candidateId: editingRow.candidateId,
                score: editingRow.offline?.score,
                satOn: dayjs(editingRow.offline?.satOn ?? day),
                note: editingRow.offline?.note,
              }
            : { who: 'listed', satOn: dayjs(day) }
        }
        onSubmit={saveOffline}
      >
        {!editingRow && (
          <Form.Item name="who" label="人员">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'listed', label: '应考名单中' },
                { value: 'other', label: '名单外人员' },
              ]}
            />
          </Form.Item>
        )}
        {!editingRow && who !== 'other' && (
          <Form.Item name="candidateId" label="应考人员" rules={[{ required: true, message: '请选择人员' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={items.filter((r) => !r.offline).map((r) => ({ value: r.candidateId, label: `${r.personName}（${r.orgUnitName ?? '—'}）` }))}
            />
          </Form.Item>
        )}
        {!editingRow && who === 'other' && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="personName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 32 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="orgUnitId" label="所在单位">
                <OrgUnitTreeSelect allowClear style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="score" label={`成绩（满分 ${exam.totalPoints}）`} rules={[{ required: true, message: '请填写成绩' }]}>
              <InputNumber min={0} max={exam.totalPoints} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="satOn" label="考试日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label="备注" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </FormModal>

      <FormDrawer<PeopleValues>
        open={addingPeople}
        title="增加应考人员"
        onClose={() => setAddingPeople(false)}
        initialValues={{ userIds: [], names: [] }}
        successMessage={null}
        onSubmit={async (v) => {
          const list = toAttendees(v);
          const res = await learningApi.addCandidates(examId, {
            userIds: list.flatMap((a) => (a.userId ? [a.userId] : [])),
            names: list.flatMap((a) => (a.personName ? [{ personName: a.personName, orgUnitId: a.orgUnitId }] : [])),
          });
          message.success(`应考名单现有 ${res.items.length} 人`);
          await refresh();
        }}
      >
        <PeopleFields accountsLabel="有账号人员" namesLabel="无账号人员（线下参考）" />
      </FormDrawer>
    </Space>
  );
}
