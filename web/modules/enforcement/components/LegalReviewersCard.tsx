import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { LegalReviewer } from '../../../../domain/enforcement/contracts.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { enforcementApi, enforcementKeys } from '../api.ts';
import { StaffSelect } from './OfficerSelect.tsx';

type Values = { userId: number; name: string; startedOn: Dayjs; qualificationNumber?: string; active?: boolean };

/** 法制审核人员: those who began after 2021-07-15 need the 法律职业资格 before they may review (art. 58②). */
export function LegalReviewersCard({ orgUnitId, canManage }: { orgUnitId: number | undefined; canManage: boolean }) {
  const queryClient = useQueryClient();
  const reviewers = useQuery({ queryKey: enforcementKeys.legalReviewers, queryFn: async () => (await enforcementApi.legalReviewers()).items });
  const [editing, setEditing] = useState<LegalReviewer | 'new' | null>(null);
  const current = editing === 'new' ? null : editing;

  const columns: TableColumnsType<LegalReviewer> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '首次从事法制审核', dataIndex: 'startedOn', width: 140 },
    { title: '法律职业资格证书编号', dataIndex: 'qualificationNumber', width: 200, render: (v: string) => v || '—' },
    {
      title: '状态',
      key: 'status',
      render: (_, r) => (r.problem ? <Typography.Text type="danger">{r.problem}</Typography.Text> : <Tag color="success">可以审核</Tag>),
    },
    ...(canManage
      ? [
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_: unknown, r: LegalReviewer) => (
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                修改
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={`法制审核人员（${reviewers.data?.length ?? 0}）`}
      extra={
        <Space>
          <LedgerButtons kind="enforcement-legal-reviewers" title="法制审核人员名册" canImport={false} />
          {canManage && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              登记法制审核人员
            </Button>
          )}
        </Space>
      }
    >
      <Table<LegalReviewer> rowKey="id" size="middle" columns={columns} dataSource={reviewers.data ?? []} loading={reviewers.isFetching} pagination={false} scroll={{ x: 700 }} />
      <FormDrawer<Values>
        open={editing !== null}
        title={current ? `修改法制审核人员：${current.name}` : '登记法制审核人员'}
        initialValues={
          current
            ? { userId: current.userId, name: current.name, startedOn: dayjs(current.startedOn), qualificationNumber: current.qualificationNumber, active: current.active }
            : { startedOn: dayjs(todayString()), active: true }
        }
        onClose={() => setEditing(null)}
        onSubmit={async (v) => {
          const startedOn = toDateString(v.startedOn) ?? todayString();
          if (current)
            await enforcementApi.updateLegalReviewer(current.id, {
              name: v.name,
              startedOn,
              qualificationNumber: v.qualificationNumber ?? '',
              active: v.active,
              version: current.version,
            });
          else
            await enforcementApi.createLegalReviewer({
              orgUnitId: orgUnitId ?? 0,
              userId: v.userId,
              name: v.name,
              startedOn,
              qualificationNumber: v.qualificationNumber || undefined,
            });
          await queryClient.invalidateQueries({ queryKey: enforcementKeys.legalReviewers });
        }}
      >
        <Typography.Paragraph type="secondary">
          行政机关中初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格（《行政处罚法》第五十八条第二款，2021年7月15日起施行）。
        </Typography.Paragraph>
        <Form.Item name="userId" label="对应用户" rules={[{ required: true, message: '请选择用户' }]}>
          <StaffSelect disabled={current !== null} />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="startedOn" label="首次从事法制审核日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="qualificationNumber" label="法律职业资格证书编号" rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
        {current && (
          <Form.Item name="active" label="在岗" valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </FormDrawer>
    </Card>
  );
}
