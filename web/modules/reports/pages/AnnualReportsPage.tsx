import { FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Select, Space, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { reportStatusLabels } from '../../../../domain/reports/contracts.ts';
import { useAccess } from '../../../app/auth.tsx';
import { formatInstant } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { type AnnualReport, reportKeys, reportsApi } from '../api.ts';
import { PasteCheckPanel } from '../components/PasteCheckPanel.tsx';
import { useDataYear } from '../useDataYear.ts';
import { lastYear, useReportOrgs, yearOptions } from '../useReportOrgs.ts';

type Filters = { org?: number; year?: number };
type CreateValues = { org: number; year: number };

const statusColors = { draft: 'default', approved: 'blue', published: 'green' } as const;

/** 年度报告: the drafts and signed-off reports per town and year, 新建, and 体检 of pasted text. */
export function AnnualReportsPage() {
  const access = useAccess();
  const orgs = useReportOrgs();
  const writeOrgs = useReportOrgs('reports.write');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<Filters>({});
  const [creating, setCreating] = useState<Partial<CreateValues> | null>(null);
  const dataYear = useDataYear(writeOrgs.defaultOrgId ?? orgs.defaultOrgId);
  const tab = params.get('tab') === 'check' ? 'check' : 'list';

  const list = useQuery({ queryKey: reportKeys.list(filters), queryFn: () => reportsApi.list(filters) });

  // From the dashboard: ?create=<org>-<year> opens 新建 with both filled in.
  useEffect(() => {
    const wanted = params.get('create');
    if (!wanted || !access.canWriteReports) return;
    const [org, year] = wanted.split('-').map(Number);
    setCreating({ org, year });
    const next = new URLSearchParams(params);
    next.delete('create');
    setParams(next, { replace: true });
  }, [params, setParams, access.canWriteReports]);

  // Only towns have an annual report of their own; a city's staff do not draft them.
  const isTown = (o: (typeof orgs.options)[number]) => o.unit?.kind === 'town' || o.unit === undefined;
  const readTownOptions = orgs.options.filter(isTown).map((o) => ({ value: o.value, label: o.label }));
  const townOptions = writeOrgs.options.filter(isTown).map((o) => ({ value: o.value, label: o.label }));

  const create = async (v: CreateValues) => {
    const created = await reportsApi.create({ org: String(v.org), year: v.year });
    await queryClient.invalidateQueries({ queryKey: ['reports', 'annual', 'list'] });
    navigate(`/reports/annual/${created.report.id}`);
  };

  const columns: TableColumnsType<AnnualReport> = [
    { title: '单位', dataIndex: 'orgName', width: 140 },
    { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年` },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: AnnualReport['status']) => <Tag color={statusColors[s]}>{reportStatusLabels[s]}</Tag>,
    },
    { title: '审定时间', dataIndex: 'approvedAt', width: 170, responsive: ['md'], render: (t: string | null) => (t ? formatInstant(t) : '—') },
    { title: '公开时间', dataIndex: 'publishedAt', width: 170, responsive: ['lg'], render: (t: string | null) => (t ? formatInstant(t) : '—') },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, r) => (
        <Space size={0} wrap>
          <Link to={`/reports/annual/${r.id}`}>{access.canWriteReports && r.status === 'draft' ? '编辑' : '查看'}</Link>
          <Button type="link" size="small" icon={<FileWordOutlined />} href={reportsApi.docxUrl(r.id)}>
            导出 Word
          </Button>
        </Space>
      ),
    },
  ];

  const listTab = (
    <>
      <FilterBar<Filters>
        onSearch={(f) => setFilters({ org: f.org ?? undefined, year: f.year ?? undefined })}
        extra={
          access.canWriteReports && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({ org: townOptions[0]?.value, year: dataYear.year ?? lastYear() })}>
              新建年度报告
            </Button>
          )
        }
      >
        <Form.Item name="org" label="单位">
          <Select allowClear placeholder="全部" options={readTownOptions} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="year" label="年度">
          <Select allowClear placeholder="全部" options={yearOptions(dataYear.years)} style={{ width: 110 }} />
        </Form.Item>
      </FilterBar>
      <Card size="small">
        <Table<AnnualReport>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={{ hideOnSinglePage: true, pageSize: 20 }}
          locale={{ emptyText: list.error ? list.error.message : access.canWriteReports ? '还没有年度报告，点击「新建年度报告」开始起草' : '还没有年度报告' }}
          onRow={(r) => ({ onDoubleClick: () => navigate(`/reports/annual/${r.id}`) })}
        />
      </Card>
    </>
  );

  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'check' ? { tab: 'check' } : {}, { replace: true })}
        items={[
          { key: 'list', label: '年度报告', children: listTab },
          { key: 'check', label: '体检粘贴文字', children: <PasteCheckPanel /> },
        ]}
      />
      <FormDrawer<CreateValues>
        open={creating !== null}
        title="新建年度报告"
        okText="新建"
        onClose={() => setCreating(null)}
        initialValues={creating ?? undefined}
        successMessage="已新建报告草稿"
        onSubmit={create}
      >
        <Typography.Paragraph type="secondary">
          报告按《法治政府建设与责任落实督察工作规定》的结构起草：数字由本单位当年的业务记录自动生成；上一年报告中的导语、第一责任人履职情况和存在的不足会带入，供修改。
        </Typography.Paragraph>
        <Form.Item name="org" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <Select options={townOptions} placeholder="选择乡镇" />
        </Form.Item>
        <Form.Item name="year" label="报告年度" rules={[{ required: true, message: '请选择年度' }]} extra="报告的是这一年的情况，次年3月1日前报送、4月1日前公开。">
          <Select options={yearOptions(dataYear.years)} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
