import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, InputNumber, Progress, Row, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Honour, HonourQuery, Inspection } from '../../../../domain/villages/contracts.ts';
import {
  type HonourLevel,
  type HonourStatus,
  honourLevelLabels,
  honourLevels,
  honourStatuses,
  honourStatusLabels,
  inspectionConclusionLabels,
  inspectionStatusLabels,
  reminderStateLabels,
} from '../../../../domain/villages/rules.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { villagesApi, villagesKeys } from '../api.ts';
import { useTownLevel } from '../useTownLevel.ts';
import { useVillages } from '../useVillages.ts';
import { InspectionDrawer } from './InspectionDrawer.tsx';

type Filters = Pick<HonourQuery, 'orgUnitId' | 'level' | 'status'>;
type CreateValues = {
  orgUnitId: number;
  level: HonourLevel;
  stage: 'declared' | 'named';
  declaredOn?: Dayjs;
  declarationNote?: string;
  namedYear?: number;
  batch?: string;
  namingDocument?: string;
};
type Action = { kind: 'recommend' | 'name' | 'end' | 'inspect'; honour: Honour };

const statusColors: Record<HonourStatus, string> = { declared: 'blue', recommended: 'cyan', named: 'green', not_named: 'default', revoked: 'red', cancelled: 'default' };
const reminderColors = { overdue: 'red', due_soon: 'orange', later: 'default' } as const;
const thisYear = () => Number(todayString().slice(0, 4));

/** 民主法治示范村: honours by level with the year named, the lifecycle 申报 → 推荐 → 命名 → 复核 → 保留/撤销/注销. */
export function HonoursPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { options: villageOptions, single } = useVillages();
  const townLevel = useTownLevel();
  const list = usePagedQuery<Honour, Filters>([...villagesKeys.honours], (q) => villagesApi.honours(q), {});
  const inspections = usePagedQuery<Inspection, object>([...villagesKeys.inspections], (q) => villagesApi.inspections(q), {});
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  const [openInspection, setOpenInspection] = useState<number | null>(null);
  const [createForm] = Form.useForm<CreateValues>();
  const stage = Form.useWatch('stage', createForm);
  const refresh = () => queryClient.invalidateQueries({ queryKey: villagesKeys.all });

  const actionsOf = (h: Honour) => {
    const buttons: { label: string; kind: Action['kind'] }[] = [];
    if (townLevel && h.status === 'declared') buttons.push({ label: '推荐', kind: 'recommend' });
    if (townLevel && h.status === 'recommended') buttons.push({ label: '命名', kind: 'name' });
    if (townLevel && (h.status === 'declared' || h.status === 'recommended' || h.status === 'named'))
      buttons.push({ label: h.status === 'named' ? '撤销/注销' : '未获命名', kind: 'end' });
    if (h.status === 'named') buttons.push({ label: '开始复核', kind: 'inspect' });
    return buttons;
  };

  const columns: TableColumnsType<Honour> = [
    { title: '村（社区）', dataIndex: 'villageName', width: 110, fixed: 'left' },
    { title: '称号', dataIndex: 'title', width: 200 },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: HonourStatus) => <Tag color={statusColors[s]}>{honourStatusLabels[s]}</Tag> },
    {
      title: '申报/推荐',
      key: 'declared',
      width: 170,
      render: (_, h) => [h.declaredOn && `申报 ${h.declaredOn}`, h.recommendedOn && `推荐 ${h.recommendedOn}`].filter(Boolean).join('；') || '—',
    },
    { title: '命名', key: 'named', width: 120, render: (_, h) => (h.namedYear ? `${h.namedYear}年${h.batch ? ` ${h.batch}` : ''}` : '—') },
    { title: '上次复核', dataIndex: 'lastReviewYear', width: 90, render: (y: number | null) => (y ? `${y}年度` : '—') },
    {
      title: '下次复核',
      key: 'next',
      width: 170,
      render: (_, h) =>
        h.nextReview ? (
          <Space size={4}>
            <span>{h.nextReview.dueOn}</span>
            {h.nextReview.state !== 'later' && <Tag color={reminderColors[h.nextReview.state]}>{reminderStateLabels[h.nextReview.state]}</Tag>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{h.status === 'named' && !h.reviewCycleYears ? '未设复核周期' : '—'}</Typography.Text>
        ),
    },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 200,
            render: (_: unknown, h: Honour) => (
              <Space size={0} wrap>
                {actionsOf(h).map((b) => (
                  <Button key={b.kind} type="link" size="small" onClick={() => setAction({ kind: b.kind, honour: h })}>
                    {b.label}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const inspectionColumns: TableColumnsType<Inspection> = [
    { title: '复核年度', dataIndex: 'year', width: 90 },
    { title: '村（社区）', dataIndex: 'villageName', width: 110 },
    { title: '称号级别', dataIndex: 'level', width: 90, render: (l: HonourLevel) => `${honourLevelLabels[l]}级` },
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (s: Inspection['status']) => <Tag color={s === 'concluded' ? 'green' : 'processing'}>{inspectionStatusLabels[s]}</Tag>,
    },
    {
      title: '自评进度',
      key: 'progress',
      width: 160,
      render: (_, i) => (
        <Progress size="small" percent={Math.round((100 * i.progress.assessed) / Math.max(1, i.progress.total))} format={() => `${i.progress.assessed}/${i.progress.total}`} />
      ),
    },
    {
      title: '结论',
      dataIndex: 'conclusion',
      width: 80,
      render: (c: Inspection['conclusion']) => (c ? <Tag color={c === 'retained' ? 'green' : 'red'}>{inspectionConclusionLabels[c]}</Tag> : '—'),
    },
    {
      title: '操作',
      key: 'open',
      width: 80,
      render: (_, i) => (
        <Button type="link" size="small" onClick={() => setOpenInspection(i.id)}>
          {i.status === 'self_assessment' && canWrite ? '自评' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search(f)}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                申报/登记称号
              </Button>
            )}
            <LedgerButtons kind="village-honours" title="民主法治示范村台账" query={list.filters} canImport={false} />
          </>
        }
      >
        <Form.Item name="orgUnitId" label="村">
          <Select allowClear placeholder="全部" options={villageOptions} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="level" label="级别">
          <Select allowClear placeholder="全部" options={honourLevels.map((l) => ({ value: l, label: honourLevelLabels[l] }))} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={honourStatuses.map((s) => ({ value: s, label: honourStatusLabels[s] }))} style={{ width: 110 }} />
        </Form.Item>
      </FilterBar>
      <Table<Honour> rowKey="id" size="middle" columns={columns} scroll={{ x: 1150 }} {...list.table} />

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        复核记录（对照建设指导标准自评）
      </Typography.Title>
      <Table<Inspection> rowKey="id" size="middle" columns={inspectionColumns} scroll={{ x: 720 }} {...inspections.table} />

      <InspectionDrawer id={openInspection} canWrite={canWrite} townLevel={townLevel} onClose={() => setOpenInspection(null)} />

      <FormDrawer<CreateValues>
        form={createForm}
        open={creating}
        title="申报/登记民主法治示范村称号"
        onClose={() => setCreating(false)}
        initialValues={{ orgUnitId: single?.orgUnitId, stage: 'declared', level: 'county', declaredOn: dayjs(todayString()) }}
        onSubmit={async ({ declaredOn, ...v }) => {
          await villagesApi.createHonour({ ...v, declaredOn: toDateString(declaredOn) });
          await refresh();
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="orgUnitId" label="村（社区）" rules={[{ required: true, message: '请选择村' }]}>
              <Select options={villageOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="level" label="称号级别" rules={[{ required: true }]}>
              <Select options={honourLevels.map((l) => ({ value: l, label: honourLevelLabels[l] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="stage" label="登记方式" rules={[{ required: true }]} extra={townLevel ? undefined : '已获称号的登记由乡镇（司法所）办理'}>
          <Select
            options={[
              { value: 'declared', label: '新申报' },
              { value: 'named', label: '登记已获称号', disabled: !townLevel },
            ]}
          />
        </Form.Item>
        {stage === 'named' ? (
          <Row gutter={12}>
            <Col xs={12} sm={8}>
              <Form.Item name="namedYear" label="命名年度" rules={[{ required: true, message: '请填写命名年度' }]}>
                <InputNumber min={2004} max={thisYear()} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="batch" label="命名批次">
                <Input placeholder="如 第九批" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="namingDocument" label="命名文件">
                <Input />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Form.Item name="declaredOn" label="申报日期" rules={[{ required: true, message: '请选择申报日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="declarationNote" label="申报说明" rules={[{ max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </FormDrawer>

      <HonourActionModal action={action} onClose={() => setAction(null)} onDone={refresh} onInspection={(id) => setOpenInspection(id)} />
    </>
  );
}

type ActionValues = {
  on?: Dayjs;
  by?: string;
  namedYear?: number;
  batch?: string;
  namingDocument?: string;
  status?: 'not_named' | 'revoked' | 'cancelled';
  reason?: string;
  year?: number;
};

const actionTitles: Record<Action['kind'], string> = { recommend: '推荐', name: '命名', end: '变更称号状态', inspect: '开始复核' };

function HonourActionModal({
  action,
  onClose,
  onDone,
  onInspection,
}: {
  action: Action | null;
  onClose: () => void;
  onDone: () => Promise<unknown>;
  onInspection: (id: number) => void;
}) {
  const h = action?.honour;
  const { villages } = useVillages();
  const town = villages.find((v) => v.orgUnitId === h?.orgUnitId)?.townName;
  return (
    <FormModal<ActionValues>
      open={action !== null}
      title={h ? `${actionTitles[action?.kind ?? 'recommend']}：${h.villageName} ${h.title}` : ''}
      onClose={onClose}
      initialValues={{
        on: dayjs(todayString()),
        by: town ? `${town}人民政府` : undefined,
        namedYear: thisYear(),
        batch: h?.batch,
        status: h?.status === 'named' ? 'cancelled' : 'not_named',
        year: h?.nextReview?.dueYear ?? thisYear(),
      }}
      onSubmit={async (v) => {
        if (!action || !h) return;
        const on = toDateString(v.on) ?? todayString();
        if (action.kind === 'recommend') await villagesApi.recommend(h.id, { recommendedOn: on, recommendedBy: v.by ?? '', version: h.version });
        if (action.kind === 'name') await villagesApi.name(h.id, { namedYear: v.namedYear ?? thisYear(), batch: v.batch, namingDocument: v.namingDocument, version: h.version });
        if (action.kind === 'end') await villagesApi.end(h.id, { status: v.status ?? 'not_named', endedOn: on, reason: v.reason ?? '', version: h.version });
        if (action.kind === 'inspect') onInspection((await villagesApi.startInspection(h.id, v.year ?? thisYear())).id);
        await onDone();
      }}
    >
      {action?.kind === 'recommend' && (
        <>
          <Form.Item name="on" label="推荐日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="by" label="推荐单位" rules={[{ required: true, whitespace: true, message: '请填写推荐单位' }]}>
            <Input />
          </Form.Item>
        </>
      )}
      {action?.kind === 'name' && (
        <>
          <Form.Item name="namedYear" label="命名年度" rules={[{ required: true }]}>
            <InputNumber min={2004} max={thisYear()} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="batch" label="命名批次">
            <Input placeholder="如 第九批" />
          </Form.Item>
          <Form.Item name="namingDocument" label="命名文件">
            <Input />
          </Form.Item>
        </>
      )}
      {action?.kind === 'end' && (
        <>
          <Form.Item name="status" label="变更为" rules={[{ required: true }]}>
            <Select
              options={
                h?.status === 'named'
                  ? [
                      { value: 'revoked', label: '撤销' },
                      { value: 'cancelled', label: '注销' },
                    ]
                  : [{ value: 'not_named', label: '未获命名' }]
              }
            />
          </Form.Item>
          <Form.Item name="on" label="日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </>
      )}
      {action?.kind === 'inspect' && (
        <Form.Item name="year" label="复核年度" rules={[{ required: true }]} extra="将按当前配置的建设指导标准（五个部分）生成自评清单">
          <InputNumber min={2005} max={thisYear() + 1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
