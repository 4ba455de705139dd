import { useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType, Tag } from 'antd';
import type { LeadingGroup, Member } from '../../../../domain/org/contracts.ts';
import { byPosition, type GroupPosition, groupPositionLabels } from '../../../../domain/org/rules.ts';
import { formatPeriod, todayString } from '../../../ui/dates.ts';
import { orgApi, orgKeys } from '../api.ts';
import { positionColors } from '../groupPositions.ts';
import { useGroupMeetings } from '../useGroupMeetings.ts';
import { useOrgUnits } from '../useOrgUnits.ts';

/** 历史沿革: every membership the group has had, in the order the appointments took effect. */
export function MemberHistory({ group }: { group: LeadingGroup }) {
  const { nameOf } = useOrgUnits();
  const meetings = useGroupMeetings(group.id);
  const today = todayString();
  const { data, isFetching } = useQuery({
    queryKey: orgKeys.members(group.id),
    queryFn: async () => (await orgApi.members(group.id)).items,
  });
  const members = [...(data ?? [])].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || byPosition(a, b));

  const columns: TableColumnsType<Member> = [
    { title: '任职起止', key: 'period', width: 200, render: (_, m) => formatPeriod(m.effectiveFrom, m.effectiveTo) },
    { title: '姓名', dataIndex: 'personName', width: 90 },
    { title: '职务', dataIndex: 'office', width: 180 },
    {
      title: '小组职务',
      dataIndex: 'position',
      width: 90,
      render: (p: GroupPosition) => <Tag color={positionColors[p]}>{groupPositionLabels[p]}</Tag>,
    },
    { title: '代表单位', dataIndex: 'representsOrgUnitId', width: 140, render: (id: number | null) => nameOf(id) },
    { title: '决定会议', dataIndex: 'appointedByMeetingId', width: 200, render: (id: number | null) => meetings.titleOf(id) },
    { title: '变动原因', dataIndex: 'changeReason', width: 180, render: (r: string) => r || '—' },
    {
      title: '状态',
      key: 'state',
      width: 80,
      render: (_, m) =>
        m.effectiveFrom > today ? <Tag color="processing">待任</Tag> : m.effectiveTo !== null && m.effectiveTo < today ? <Tag>已离任</Tag> : <Tag color="success">在任</Tag>,
    },
  ];

  return <Table<Member> rowKey="id" size="middle" columns={columns} dataSource={members} loading={isFetching} pagination={false} scroll={{ x: 1160 }} />;
}
