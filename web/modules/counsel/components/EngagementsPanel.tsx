import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Engagement } from '../../../../domain/counsel/contracts.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FieldRow, TextField } from '../../../ui/FormFields.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { useRecordEditing } from '../../../ui/RecordPanel.tsx';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { useOrgUnits } from '../../org/useOrgUnits.ts';
import { counselApi, counselKeys } from '../api.ts';

type EngagementValues = {
  orgUnitId: number;
  firm: string;
  lawyers: string[];
  period: [Dayjs, Dayjs];
  scope: string;
  fee?: string | null;
  contractNo?: string;
};

/** 法律顾问聘用: the law firm, its lawyers, the term and scope, and how its matters stand. */
export function EngagementsPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { units } = useOrgUnits();
  const { data, isFetching } = useQuery({ queryKey: counselKeys.engagements, queryFn: async () => (await counselApi.engagements()).items });
  const editing = useRecordEditing<Engagement>();
  const row = editing.record;

  const columns: TableColumnsType<Engagement> = [
    { title: '律师事务所', dataIndex: 'firm', width: 180, fixed: 'left' },
    {
      title: '顾问律师',
      key: 'lawyers',
      width: 170,
      render: (_, e) => (
        <Space size={[4, 4]} wrap>
          {e.lawyers.map((l) => (
            <Tag key={l}>{l}</Tag>
          ))}
        </Space>
      ),
    },
    { title: '平台账号', dataIndex: 'leadUserName', width: 90, render: (n: string | null) => n ?? '—' },
    {
      title: '聘期',
      key: 'period',
      width: 230,
      render: (_, e) => (
        <Space size={4}>
          <span>
            {e.startsOn} 至 {e.endsOn}
          </span>
          {e.active ? <Tag color="green">在聘</Tag> : <Tag>已到期</Tag>}
        </Space>
      ),
    },
    { title: '事务（总/在办/逾期）', key: 'matters', width: 150, render: (_, e) => `${e.matters.total} / ${e.matters.open} / ${e.matters.overdue}` },
    { title: '顾问费', dataIndex: 'fee', width: 110, render: (f: string | null) => (f ? `${f} 元` : '—') },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            render: (_: unknown, e: Engagement) => (
              <Button type="link" size="small" onClick={() => editing.edit(e)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="flex-end" gap={8} wrap style={{ marginBottom: 12 }}>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={editing.create}>
            登记聘用
          </Button>
        )}
        <LedgerButtons kind="counsel-engagements" title="法律顾问聘用台账" canImport={false} />
      </Flex>
      <Table<Engagement>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (e) => (
            <>
              <Typography.Paragraph>服务范围：{e.scope}</Typography.Paragraph>
              <Typography.Text type="secondary">合同编号：{e.contractNo || '—'}</Typography.Text>
            </>
          ),
        }}
      />
      <FormDrawer<EngagementValues>
        open={editing.open}
        title={row ? '编辑聘用' : '登记法律顾问聘用'}
        onClose={editing.close}
        initialValues={
          row
            ? { ...row, period: [dayjs(row.startsOn), dayjs(row.endsOn)] }
            : { orgUnitId: units.find((u) => u.kind === 'town')?.id, lawyers: [], period: [dayjs(todayString()), dayjs(todayString()).add(1, 'year').subtract(1, 'day')] }
        }
        onSubmit={async ({ orgUnitId, period, ...rest }) => {
          const values = { ...rest, fee: rest.fee || null, startsOn: toDateString(period[0]) ?? todayString(), endsOn: toDateString(period[1]) ?? todayString() };
          if (row) await counselApi.updateEngagement(row.id, { ...changedFields(row, values), version: row.version });
          else await counselApi.createEngagement({ ...values, orgUnitId });
          await queryClient.invalidateQueries({ queryKey: counselKeys.all });
        }}
      >
        <Form.Item name="orgUnitId" label="聘请单位" rules={[{ required: true }]}>
          <OrgUnitTreeSelect disabled={row !== null} />
        </Form.Item>
        <TextField name="firm" label="律师事务所" max={100} required="请填写律师事务所" />
        <Form.Item name="lawyers" label="顾问律师" rules={[{ required: true, message: '请填写律师' }]} extra="输入姓名后回车">
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="period" label="聘期" rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="scope" label="服务范围" rules={[{ required: true, whitespace: true, message: '请填写服务范围' }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
        <FieldRow>
          <Form.Item name="fee" label="顾问费（元）" rules={[{ pattern: /^\d{1,12}(\.\d{1,2})?$/, message: '请填写金额，最多两位小数' }]}>
            <Input inputMode="decimal" />
          </Form.Item>
          <TextField name="contractNo" label="合同编号" max={64} />
        </FieldRow>
      </FormDrawer>
    </>
  );
}
