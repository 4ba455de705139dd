import { PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { LeadingGroup, Member } from '../../../../domain/org/contracts.ts';
import { byPosition, compositionProblem, type GroupPosition, groupPositionLabels } from '../../../../domain/org/rules.ts';
import { formatPeriod, toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { orgApi, orgKeys } from '../api.ts';
import { positionColors, positionOptions } from '../groupPositions.ts';
import { useGroupMeetings } from '../useGroupMeetings.ts';
import { useOrgUnits } from '../useOrgUnits.ts';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect.tsx';
import { RestructureDrawer } from './RestructureDrawer.tsx';

type Props = { group: LeadingGroup; canWrite: boolean };
type MemberValues = {
  personName: string;
  office: string;
  position: GroupPosition;
  effectiveFrom: Dayjs;
  representsOrgUnitId?: number;
  appointedByMeetingId?: number;
};
type EndValues = { effectiveTo: Dayjs; changeReason: string };

/** Who was in the group on a chosen day (today by default), and the changes to that composition. */
export function MembersPanel({ group, canWrite }: Props) {
  const [asOf, setAsOf] = useState(todayString());
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Member | null>(null);
  const [restructuring, setRestructuring] = useState(false);
  const { nameOf } = useOrgUnits();
  const meetings = useGroupMeetings(group.id);
  const queryClient = useQueryClient();
  const { data, isFetching } = useQuery({
    queryKey: orgKeys.members(group.id, asOf),
    queryFn: async () => (await orgApi.members(group.id, asOf)).items,
  });
  const members = [...(data ?? [])].sort(byPosition);
  const problem = data && compositionProblem(members);
  // Current and past compositions and the history tab all depend on a membership change.
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['org', 'members', group.id] });

  const columns: TableColumnsType<Member> = [
    { title: '姓名', dataIndex: 'personName', width: 90, fixed: 'left' },
    { title: '职务', dataIndex: 'office', width: 180 },
    {
      title: '小组职务',
      dataIndex: 'position',
      width: 90,
      render: (p: GroupPosition) => <Tag color={positionColors[p]}>{groupPositionLabels[p]}</Tag>,
    },
    { title: '任职起止', key: 'period', width: 200, render: (_, m) => formatPeriod(m.effectiveFrom, m.effectiveTo) },
    { title: '代表单位', dataIndex: 'representsOrgUnitId', width: 150, render: (id: number | null) => nameOf(id) },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_: unknown, m: Member) =>
              m.effectiveTo === null && (
                <Button type="link" size="small" danger onClick={() => setEnding(m)}>
                  结束任职
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space wrap>
          <Typography.Text>查看某日成员</Typography.Text>
          <DatePicker
            value={dayjs(asOf)}
            allowClear={false}
            onChange={(d) => setAsOf(toDateString(d) ?? todayString())}
            presets={[{ label: '今天', value: dayjs(todayString()) }]}
          />
        </Space>
        <Space wrap>
          <LedgerButtons kind="org-members" title={`${group.name}成员（${asOf}）`} query={{ leadingGroupId: group.id, asOf }} canImport={false} />
          {canWrite && (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                新增成员
              </Button>
              <Button icon={<SwapOutlined />} onClick={() => setRestructuring(true)}>
                调整领导小组
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {problem && <Alert type="warning" showIcon title={`${asOf}：${problem}`} style={{ marginBottom: 12 }} />}
      <Table<Member>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={members}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 810 }}
        locale={{ emptyText: `${asOf} 无在任成员` }}
      />

      <FormDrawer<MemberValues>
        open={adding}
        title="新增成员"
        onClose={() => setAdding(false)}
        initialValues={{ position: 'member', effectiveFrom: dayjs(todayString()) }}
        onSubmit={async ({ effectiveFrom, ...rest }) => {
          await orgApi.addMember(group.id, { ...rest, effectiveFrom: toDateString(effectiveFrom) ?? todayString() });
          await refresh();
        }}
      >
        <Form.Item name="personName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 32 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="office" label="职务" extra="本人的行政职务，如 镇党委副书记、镇长" rules={[{ required: true, whitespace: true, message: '请输入职务' }, { max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="position" label="小组职务" rules={[{ required: true }]}>
          <Select options={positionOptions} />
        </Form.Item>
        <Form.Item name="effectiveFrom" label="任职起始日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="representsOrgUnitId" label="代表单位">
          <OrgUnitTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="appointedByMeetingId" label="决定会议">
          <Select allowClear options={meetings.options} placeholder="选择决定此项任命的会议" />
        </Form.Item>
      </FormDrawer>

      <FormModal<EndValues>
        open={ending !== null}
        title={`结束任职：${ending?.personName ?? ''}（${ending ? groupPositionLabels[ending.position] : ''}）`}
        onClose={() => setEnding(null)}
        initialValues={{ effectiveTo: dayjs(todayString()) }}
        onSubmit={async ({ effectiveTo, changeReason }) => {
          if (!ending) return;
          await orgApi.endMember(ending.id, { effectiveTo: toDateString(effectiveTo) ?? todayString(), changeReason, version: ending.version });
          await refresh();
        }}
      >
        <Form.Item
          name="effectiveTo"
          label="任职截止日期"
          extra="截止当日仍在任"
          rules={[
            { required: true, message: '请选择日期' },
            {
              validator: async (_, d: Dayjs | undefined) => {
                if (d && ending && d.format('YYYY-MM-DD') < ending.effectiveFrom) throw new Error(`不能早于任职起始日期 ${ending.effectiveFrom}`);
              },
            },
          ]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="changeReason" label="变动原因" rules={[{ required: true, whitespace: true, message: '请填写变动原因' }, { max: 200 }]}>
          <Input.TextArea rows={2} placeholder="如 工作调动、退休" />
        </Form.Item>
      </FormModal>

      <RestructureDrawer group={group} open={restructuring} onClose={() => setRestructuring(false)} onDone={refresh} />
    </>
  );
}
