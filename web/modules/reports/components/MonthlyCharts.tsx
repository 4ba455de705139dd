import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { Chart, type ChartOption, monthLabels } from '../../../ui/Chart.tsx';
import { type Monthly, reportKeys, reportsApi } from '../api.ts';

/** Two charts: the cases and disputes a town handles, and the study, publicity and hearings it holds. */
const charts = [
  { title: '执法立案与矛盾纠纷调解', ids: ['enforcement.penalty_cases', 'mediation.disputes', 'mediation.disputes_resolved'] },
  { title: '学法、普法与民主听证', ids: ['learning.study_sessions', 'publicity.events', 'villages.democratic_hearings'] },
] as const;

function optionOf(series: Monthly['series']): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    // The legend carries the year's total, so the chart and the figure tiles above say the same number.
    // A plain legend wraps onto a second line on a narrow card instead of hiding entries behind arrows.
    legend: { top: 0, left: 0, itemGap: 12 },
    grid: { left: 36, right: 12, top: 60, bottom: 24 },
    xAxis: { type: 'category', data: monthLabels },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ name: `${s.label}（全年${s.total}${s.unit}）`, type: 'bar', barMaxWidth: 16, data: s.values })),
  };
}

/** 月度情况: per month of the year, computed by the server from the records (a city: summed over its towns). */
export function MonthlyCharts({ org, year, summed }: { org: number; year: number; summed: boolean }) {
  const { data, isPending, error } = useQuery({ queryKey: reportKeys.monthly(org, year), queryFn: () => reportsApi.monthly({ org, year }) });
  const options = useMemo(
    () =>
      charts
        .map((c) => ({ title: c.title, series: (data?.series ?? []).filter((s) => (c.ids as readonly string[]).includes(s.id)) }))
        .map((c) => ({ ...c, option: optionOf(c.series) })),
    [data],
  );
  let body: React.ReactNode;
  if (error) body = <Alert type="error" showIcon title={error.message} />;
  else if (isPending) body = <Skeleton active paragraph={{ rows: 5 }} />;
  else if (data.series.every((s) => s.total === 0)) body = <Empty description={`${year}年暂无按月统计的记录`} />;
  else
    body = (
      <Row gutter={[16, 16]}>
        {options.map((c) => (
          <Col key={c.title} xs={24} xl={12}>
            <Typography.Text strong>{c.title}</Typography.Text>
            <Chart option={c.option} label={c.title} height={280} />
          </Col>
        ))}
      </Row>
    );
  return (
    <Card size="small" title={`${year}年月度情况${summed ? '（所辖各镇合计）' : ''}`} data-section="monthly">
      {body}
    </Card>
  );
}
