import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Segmented, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { DisputeListItem, DisputeQuery } from '../../../../domain/mediation/contracts.ts';
import { committeeLevelLabels, disputeStatusLabels, partyRoleLabels } from '../../../../domain/mediation/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { mediationApi, mediationKeys } from '../api.ts';
import { DisputeFormDrawer } from '../components/DisputeFormDrawer.tsx';
import { statusColors, statusOptions } from '../options.ts';
import { useMediationRefs } from '../useMediationRefs.ts';

type View = 'all' | 'overdue' | 'dueThisWeek' | 'judicialDue';
type Filters = Pick<DisputeQuery, 'q' | 'status' | 'typeCode' | 'orgUnitId' | 'year' | 'level'> & { view?: View };

const toQuery = ({ view, ...f }: Filters): Omit<DisputeQuery, 'page' | 'pageSize'> => ({
  ...f,
  overdue: view === 'overdue' || undefined,
  dueThisWeek: view === 'dueThisWeek' || undefined,
  judicialDue: view === 'judicialDue' || undefined,
});

/** Status with what needs attention: past the target, due this week, 司法确认 window closing. */
export function StatusTags({ d }: { d: DisputeListItem }) {
  return (
    <Space size={4} wrap>
      <Tag color={statusColors[d.status]}>{disputeStatusLabels[d.status]}</Tag>
      {d.overdue && <Tag color="red">超期</Tag>}
      {d.dueThisWeek && <Tag color="orange">本周到期</Tag>}
      {d.judicial?.window === 'closing' && !d.judicial.appliedOn && <Tag color="gold">司法确认将届满</Tag>}
    </Space>
  );
}

/** 纠纷台账: every dispute the user may see, filtered and searched; register, export and import from here. */
export function DisputesPage() {
  const access = useAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const refs = useMediationRefs();
  const list = usePagedQuery<DisputeListItem, Filters>(mediationKeys.disputes, (q) => mediationApi.disputes({ ...toQuery(q), page: q.page, pageSize: q.pageSize }), {
    view: 'all',
  });
  const reminders = useQuery({ queryKey: mediationKeys.reminders, queryFn: mediationApi.reminders });
  const [registering, setRegistering] = useState(false);
  const r = reminders.data;

  const columns: TableColumnsType<DisputeListItem> = [
    {
      title: '编号',
      dataIndex: 'number',
      width: 120,
      fixed: 'left',
      // Numbers run per committee (each keeps its own 登记台账): the level tells 镇 2024-0003 from 村 2024-0003.
      render: (n: string, d) => (
        <Space size={4}>
          <Link to={`/mediation/disputes/${d.id}`}>{n}</Link>
          <Tag bordered={false} color={d.committeeLevel === 'town' ? 'blue' : 'cyan'} style={{ marginInlineEnd: 0 }}>
            {d.committeeLevel === 'town' ? '镇' : '村'}
          </Tag>
        </Space>
      ),
    },
    { title: '登记日期', dataIndex: 'registeredOn', width: 110 },
    { title: '发生地', dataIndex: 'orgUnitName', width: 110 },
    { title: '类型', dataIndex: 'typeLabel', width: 100 },
    {
      title: '当事人',
      key: 'parties',
      width: 220,
      render: (_, d) =>
        d.parties
          .filter((p) => p.role !== 'other')
          .map((p) => `${p.name}（${partyRoleLabels[p.role].slice(0, -1)}）`)
          .join('、'),
    },
    { title: '状态', key: 'status', width: 190, render: (_, d) => <StatusTags d={d} /> },
    {
      title: '调解期限',
      dataIndex: 'dueOn',
      width: 110,
      render: (due: string | null, d) =>
        d.status === 'registered' || d.status === 'mediating' ? <Typography.Text type={d.overdue ? 'danger' : undefined}>{due ?? '—'}</Typography.Text> : '—',
    },
    { title: '办结日期', key: 'closedOn', width: 110, render: (_, d) => d.closedOn ?? d.refusedOn ?? '—' },
    { title: '调解委员会', key: 'committee', width: 200, render: (_, d) => `${d.committeeName}（${committeeLevelLabels[d.committeeLevel]}）` },
  ];

  const setView = (view: View) => list.search({ ...list.filters, view });

  return (
    <>
      {r && (r.termsDue.length > 0 || r.overdue > 0) && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={[
            r.overdue > 0 && `${r.overdue} 件纠纷超过调解期限未办结`,
            r.judicialDue > 0 && `${r.judicialDue} 件调解协议的司法确认申请期限即将届满`,
            ...r.termsDue.map((t) => `${t.name}任期${t.termStatus === 'expired' ? '已于' : '将于'} ${t.termEnd} 届满，请及时换届`),
          ]
            .filter(Boolean)
            .join('；')}
        />
      )}
      <Segmented<View>
        value={list.filters.view ?? 'all'}
        onChange={setView}
        style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        options={[
          { value: 'all', label: '全部' },
          { value: 'overdue', label: `超期未结${r ? ` ${r.overdue}` : ''}` },
          { value: 'dueThisWeek', label: `本周到期${r ? ` ${r.dueThisWeek}` : ''}` },
          { value: 'judicialDue', label: `司法确认将届满${r ? ` ${r.judicialDue}` : ''}` },
        ]}
      />
      <FilterBar<Filters>
        onSearch={(f) => list.search({ ...f, q: f.q?.trim() || undefined, year: f.year ?? undefined, view: list.filters.view })}
        extra={
          <>
            {access.canWriteMediation && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
                登记纠纷
              </Button>
            )}
            <LedgerButtons
              kind="disputes"
              title="人民调解登记台账"
              query={toQuery(list.filters)}
              canImport={access.canWriteMediation}
              onImported={() => queryClient.invalidateQueries({ queryKey: mediationKeys.all })}
            />
          </>
        }
      >
        <Form.Item name="q" label="检索">
          <Input placeholder="当事人姓名、证件号、电话或编号" allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={statusOptions} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="typeCode" label="类型">
          <Select allowClear placeholder="全部" options={refs.typeOptions} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="orgUnitId" label="发生地">
          <Select allowClear placeholder="全部" options={refs.placeOptions} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="year" label="登记年度">
          <InputNumber min={2000} max={2100} precision={0} placeholder="全部" style={{ width: 100 }} />
        </Form.Item>
      </FilterBar>
      <Table<DisputeListItem> rowKey="id" size="middle" columns={columns} scroll={{ x: 1260 }} {...list.table} />
      <DisputeFormDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onSaved={async (d) => {
          await queryClient.invalidateQueries({ queryKey: mediationKeys.all });
          navigate(`/mediation/disputes/${d.id}`);
        }}
      />
    </>
  );
}
