import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Matter, MatterQuery } from '../../../../domain/counsel/contracts.ts';
import { type MatterKind, type MatterStatus, matterKindLabels, matterKinds, matterStatuses, matterStatusLabels } from '../../../../domain/counsel/rules.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FieldRow, LongTextField, TextField } from '../../../ui/FormFields.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { TextBlock, useRecordEditing } from '../../../ui/RecordPanel.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { useOrgUnits } from '../../org/useOrgUnits.ts';
import { counselApi, counselKeys } from '../api.ts';

type Filters = Pick<MatterQuery, 'kind' | 'status' | 'overdue' | 'q'>;
type MatterValues = {
  orgUnitId: number;
  engagementId?: number | null;
  kind: MatterKind;
  title: string;
  requester: string;
  receivedOn: Dayjs;
  deadline: Dayjs;
  counselName?: string;
  amount?: string | null;
  description?: string;
  opinion?: string;
};
type StatusValues = { completedOn?: Dayjs; opinion?: string; reason?: string };

const statusColors: Record<MatterStatus, string> = { pending: 'default', in_progress: 'processing', done: 'success', cancelled: 'default' };

/** 法律事务: contract and legality reviews, project negotiations and consultations, each with its deadline and the counsel's opinion. */
export function MattersPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { units } = useOrgUnits();
  const engagements = useQuery({ queryKey: counselKeys.engagements, queryFn: async () => (await counselApi.engagements()).items });
  const list = usePagedQuery<Matter, Filters>([...counselKeys.matters], (q) => counselApi.matters(q), {});
  const editing = useRecordEditing<Matter>();
  const [changing, setChanging] = useState<{ matter: Matter; to: 'in_progress' | 'done' | 'cancelled' } | null>(null);
  const row = editing.record;
  const refresh = () => queryClient.invalidateQueries({ queryKey: counselKeys.all });
  const defaultUnit = units.find((u) => u.kind === 'town')?.id ?? units[0]?.id;
  const activeEngagement = engagements.data?.find((e) => e.active);

  const columns: TableColumnsType<Matter> = [
    { title: '事项', dataIndex: 'title', width: 280, fixed: 'left' },
    { title: '类型', dataIndex: 'kind', width: 140, render: (k: MatterKind) => <Tag>{matterKindLabels[k]}</Tag> },
    { title: '提请', dataIndex: 'requester', width: 110 },
    { title: '收到', dataIndex: 'receivedOn', width: 105 },
    { title: '办理期限', dataIndex: 'deadline', width: 105, render: (d: string, m) => <Typography.Text type={m.overdue ? 'danger' : undefined}>{d}</Typography.Text> },
    {
      title: '状态',
      key: 'status',
      width: 160,
      render: (_, m) => (
        <Space size={4} wrap>
          <Tag color={statusColors[m.status]}>{matterStatusLabels[m.status]}</Tag>
          {m.overdue && <Tag color="red">已逾期</Tag>}
          {m.completedLate && <Tag color="orange">超期办结</Tag>}
        </Space>
      ),
    },
    { title: '承办律师', dataIndex: 'counselName', width: 90, render: (n: string) => n || '—' },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            fixed: 'right' as const,
            width: 190,
            render: (_: unknown, m: Matter) =>
              m.status === 'pending' || m.status === 'in_progress' ? (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => editing.edit(m)}>
                    编辑
                  </Button>
                  {m.status === 'pending' && (
                    <Button type="link" size="small" onClick={() => setChanging({ matter: m, to: 'in_progress' })}>
                      开始办理
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => setChanging({ matter: m, to: 'done' })}>
                    办结
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setChanging({ matter: m, to: 'cancelled' })}>
                    撤回
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search({ kind: f.kind, status: f.status, overdue: f.overdue || undefined, q: f.q || undefined })}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={editing.create}>
                登记法律事务
              </Button>
            )}
            <LedgerButtons
              kind="counsel-matters"
              title="法律顾问工作台账"
              query={list.filters}
              canImport={canWrite}
              onImported={() => queryClient.invalidateQueries({ queryKey: counselKeys.matters })}
            />
          </>
        }
      >
        <Form.Item name="kind" label="类型">
          <Select allowClear placeholder="全部" options={matterKinds.map((k) => ({ value: k, label: matterKindLabels[k] }))} style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={matterStatuses.map((s) => ({ value: s, label: matterStatusLabels[s] }))} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="overdue" label="仅看逾期" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="q" label="关键词">
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
      </FilterBar>
      <Table<Matter>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1200 }}
        {...list.table}
        expandable={{
          expandedRowRender: (m) => (
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'firm', label: '法律顾问', children: m.firm ?? '—' },
                { key: 'amount', label: '涉及金额', children: m.amount ? `${m.amount} 元` : '—' },
                { key: 'completed', label: '办结日期', children: m.completedOn ?? '—' },
                { key: 'cancel', label: '撤回原因', children: m.cancelReason || '—' },
                { key: 'desc', label: '事项说明', span: 'filled', children: m.description || '—' },
                {
                  key: 'opinion',
                  label: '法律意见',
                  span: 'filled',
                  children: <TextBlock text={m.opinion} />,
                },
              ]}
            />
          ),
        }}
      />

      <FormDrawer<MatterValues>
        wide
        open={editing.open}
        title={row ? '编辑法律事务' : '登记法律事务'}
        onClose={editing.close}
        initialValues={
          row
            ? { ...row, receivedOn: dayjs(row.receivedOn), deadline: dayjs(row.deadline) }
            : {
                orgUnitId: defaultUnit,
                engagementId: activeEngagement?.id,
                kind: 'contract_review',
                receivedOn: dayjs(todayString()),
                deadline: dayjs(todayString()).add(7, 'day'),
              }
        }
        onSubmit={async ({ orgUnitId, receivedOn, deadline, opinion, ...rest }) => {
          const values = {
            ...rest,
            receivedOn: toDateString(receivedOn) ?? todayString(),
            deadline: toDateString(deadline) ?? todayString(),
            engagementId: rest.engagementId ?? null,
          };
          if (row) await counselApi.updateMatter(row.id, { ...changedFields(row, { ...values, opinion }), version: row.version });
          else await counselApi.createMatter({ ...values, orgUnitId });
          await refresh();
        }}
      >
        <FieldRow>
          <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true }]}>
            <OrgUnitTreeSelect disabled={row !== null} />
          </Form.Item>
          <Form.Item name="kind" label="事务类型" rules={[{ required: true }]}>
            <Select options={matterKinds.map((k) => ({ value: k, label: matterKindLabels[k] }))} />
          </Form.Item>
        </FieldRow>
        <TextField name="title" label="事项名称" max={200} required="请填写事项名称" />
        <FieldRow>
          <TextField name="requester" label="提请单位/人" max={100} required="请填写提请单位" />
          <Form.Item name="engagementId" label="法律顾问">
            <Select allowClear options={(engagements.data ?? []).map((e) => ({ value: e.id, label: `${e.firm}（${e.startsOn} 至 ${e.endsOn}）` }))} />
          </Form.Item>
        </FieldRow>
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="deadline" label="办理期限" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <TextField name="counselName" label="承办律师" max={32} />
          </Col>
        </Row>
        <Form.Item name="amount" label="涉及金额（元）" rules={[{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: '请填写金额，最多两位小数' }]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <LongTextField name="description" label="事项说明" max={20000} rows={[2, 8]} />
        {row && <LongTextField name="opinion" label="法律意见（草稿）" max={50000} rows={[3, 12]} />}
      </FormDrawer>

      <FormModal<StatusValues>
        open={changing !== null}
        title={changing ? `${{ in_progress: '开始办理', done: '办结', cancelled: '撤回' }[changing.to]}：${changing.matter.title}` : ''}
        onClose={() => setChanging(null)}
        initialValues={{ completedOn: dayjs(todayString()), opinion: changing?.matter.opinion }}
        onSubmit={async (v) => {
          if (!changing) return;
          await counselApi.changeStatus(changing.matter.id, {
            status: changing.to,
            completedOn: changing.to === 'done' ? toDateString(v.completedOn) : undefined,
            opinion: changing.to === 'done' ? v.opinion : undefined,
            reason: changing.to === 'cancelled' ? v.reason : undefined,
            version: changing.matter.version,
          });
          await refresh();
        }}
      >
        {changing?.to === 'done' && (
          <>
            <Form.Item name="completedOn" label="办结日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="opinion" label="法律意见" rules={[{ required: true, whitespace: true, message: '办结须填写法律意见' }]}>
              <Input.TextArea rows={6} />
            </Form.Item>
          </>
        )}
        {changing?.to === 'cancelled' && (
          <Form.Item name="reason" label="撤回原因" rules={[{ required: true, whitespace: true, message: '请填写撤回原因' }, { max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {changing?.to === 'in_progress' && <Typography.Text>确认开始办理该事项？</Typography.Text>}
      </FormModal>
    </>
  );
}
