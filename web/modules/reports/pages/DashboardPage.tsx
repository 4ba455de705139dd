import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Flex, Form, Row, Select, Skeleton, Space, Statistic, Tag, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { reportStatusLabels } from '../../../../domain/reports/contracts.ts';
import { useAccess } from '../../../app/auth.tsx';
import { type IndicatorValue, reportKeys, reportsApi } from '../api.ts';
import { AlertList } from '../components/AlertList.tsx';
import { CrossTownTable } from '../components/CrossTownTable.tsx';
import { MonthlyCharts } from '../components/MonthlyCharts.tsx';
import { type DrillTarget, RecordsDrawer } from '../components/RecordsDrawer.tsx';
import { VillagesTable } from '../components/VillagesTable.tsx';
import { byModule, deltaOf, moduleLabel } from '../labels.ts';
import { useDataYear } from '../useDataYear.ts';
import { useReportOrgs, yearOptions } from '../useReportOrgs.ts';

const statusColors = { draft: 'default', approved: 'blue', published: 'green' } as const;

/** One figure: this year's value, last year's change; a click opens the records behind it. */
function FigureTile({ value, previous, loadingPrevious, onOpen }: { value: IndicatorValue; previous?: IndicatorValue; loadingPrevious: boolean; onOpen: () => void }) {
  const { token } = theme.useToken();
  const delta = deltaOf(value, previous);
  const isRate = value.unit === '%';
  let change: ReactNode;
  if (loadingPrevious) change = '较上年 …';
  else if (value.value === null) change = '暂无记录';
  else if (!delta) change = '上年无数据';
  else
    change = (
      <>
        较上年 {delta.diff > 0 ? <ArrowUpOutlined /> : delta.diff < 0 ? <ArrowDownOutlined /> : <MinusOutlined />} {delta.text}
      </>
    );
  return (
    <Card
      size="small"
      hoverable
      role="button"
      tabIndex={0}
      aria-label={`${value.label}：查看记录`}
      data-indicator={value.id}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onOpen();
        }
      }}
      style={{ height: '100%', cursor: 'pointer' }}
      styles={{ body: { padding: '12px 14px' } }}
    >
      <Statistic
        title={<span style={{ color: token.colorTextSecondary }}>{value.label}</span>}
        value={value.value ?? '—'}
        precision={isRate && value.value !== null ? 1 : undefined}
        suffix={value.value === null ? undefined : isRate ? '%' : <span style={{ fontSize: 14 }}>{value.unit}</span>}
        styles={{ content: { fontSize: 24 } }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {change}
      </Typography.Text>
    </Card>
  );
}

/** 驾驶舱: the year's figures of a town (or of a city over its towns) with the change from last year, and drill-down. */
export function DashboardPage() {
  const access = useAccess();
  const orgs = useReportOrgs();
  const [params, setParams] = useSearchParams();
  const orgId = Number(params.get('org')) || orgs.defaultOrgId;
  // Unless the URL says otherwise, the latest year the org's work is on record (the demo town: 2024).
  const dataYear = useDataYear(orgId);
  const year = Number(params.get('year')) || dataYear.year;
  const [drill, setDrill] = useState<DrillTarget | null>(null);

  const set = (key: 'org' | 'year', value: number) => {
    const next = new URLSearchParams(params);
    next.set(key, String(value));
    setParams(next, { replace: true });
  };

  const enabled = orgId !== undefined && year !== undefined;
  const y = year ?? 0;
  const current = useQuery({ queryKey: reportKeys.indicators(orgId ?? 0, y), queryFn: () => reportsApi.indicators({ org: orgId ?? 0, year: y }), enabled });
  const previous = useQuery({ queryKey: reportKeys.indicators(orgId ?? 0, y - 1), queryFn: () => reportsApi.indicators({ org: orgId ?? 0, year: y - 1 }), enabled });
  const reports = useQuery({ queryKey: reportKeys.list({ org: orgId, year: y }), queryFn: () => reportsApi.list({ org: orgId, year: y }), enabled });

  const orgName = orgId === undefined ? '' : orgs.nameOf(orgId);
  const previousById = new Map((previous.data ?? []).map((v) => [v.id, v]));
  const report = reports.data?.items[0];
  const kind = orgs.options.find((o) => o.value === orgId)?.unit?.kind;
  const isTown = kind === 'town';
  const isWide = kind === 'city' || kind === 'county';

  const header = (
    <Card size="small">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="单位" style={{ marginInlineEnd: 16 }}>
            <Select
              value={orgId}
              onChange={(v) => set('org', v)}
              options={orgs.options.map((o) => ({ value: o.value, label: o.label }))}
              loading={orgs.isPending}
              style={{ minWidth: 200 }}
              aria-label="单位"
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Form.Item label="年度" style={{ marginInlineEnd: 0 }}>
            <Select value={year} onChange={(v) => set('year', v)} options={yearOptions(dataYear.years)} loading={year === undefined} style={{ width: 110 }} aria-label="年度" />
          </Form.Item>
        </Form>
        <Typography.Text type="secondary">数值由业务记录实时计算，点击任一数字查看背后的记录</Typography.Text>
      </Flex>
    </Card>
  );

  // The report calendar (厅字〔2019〕28号): a town reports to the county by 1 March and publishes by 1 April.
  const calendar = isTown && year !== undefined && (
    <Alert
      type="info"
      showIcon
      title={
        <Space wrap size={[8, 4]}>
          <span>
            {year}年度法治政府建设情况报告：{year + 1}年3月1日前报送上一级党委和政府，4月1日前向社会公开。
          </span>
          {report ? (
            <span>
              <Tag color={statusColors[report.status]}>{reportStatusLabels[report.status]}</Tag>
              <Link to={`/reports/annual/${report.id}`}>打开报告</Link>
            </span>
          ) : reports.isSuccess ? (
            <span>尚未起草{access.canWriteReports && <Link to={`/reports/annual?create=${orgId}-${year}`}>，去新建</Link>}</span>
          ) : null}
        </Space>
      }
    />
  );

  let figures: ReactNode;
  if (orgId === undefined) figures = <Empty description="您没有可查看的单位" />;
  else if (year === undefined) figures = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (current.error) figures = <Alert type="error" showIcon title={current.error.message} />;
  else if (current.isPending) figures = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (current.data.length === 0) figures = <Empty description="暂无指标" />;
  else
    figures = byModule(current.data).map(({ module, items }) => (
      <Card key={module} size="small" title={moduleLabel(module)} data-module={module}>
        <Row gutter={[12, 12]}>
          {items.map((v) => (
            <Col key={v.id} xs={12} sm={8} lg={6} xxl={4}>
              <FigureTile
                value={v}
                previous={previousById.get(v.id)}
                loadingPrevious={previous.isPending}
                onOpen={() => orgId !== undefined && setDrill({ indicatorId: v.id, org: orgId, year: y, orgName })}
              />
            </Col>
          ))}
        </Row>
      </Card>
    ));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {header}
      <AlertList />
      {calendar}
      {enabled && <MonthlyCharts org={orgId} year={y} summed={isWide} />}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {orgName} {year ?? ''}年主要指标
      </Typography.Title>
      {figures}
      {enabled && isTown && <VillagesTable org={orgId} year={y} onDrill={setDrill} />}
      {enabled && orgs.crossTowns.length > 0 && <CrossTownTable towns={orgs.crossTowns} totals={orgs.wideUnits} year={y} onDrill={setDrill} />}
      <RecordsDrawer target={drill} onClose={() => setDrill(null)} />
    </Space>
  );
}
