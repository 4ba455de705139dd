import { useMemo } from 'react';
import type { StatRow } from '../../../../domain/mediation/contracts.ts';
import { Chart, type ChartOption } from '../../../ui/Chart.tsx';

/** Disputes closed per month, successful and not, with the month's success rate. */
export function MonthlyChart({ months }: { months: StatRow[] }) {
  const option = useMemo(
    (): ChartOption => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 36, right: 40, top: 40, bottom: 24 },
      xAxis: { type: 'category', data: months.map((m) => m.label) },
      yAxis: [
        { type: 'value', minInterval: 1, name: '件' },
        { type: 'value', min: 0, max: 100, name: '%' },
      ],
      series: [
        { name: '调解成功', type: 'bar', stack: 'closed', data: months.map((m) => m.succeeded) },
        { name: '调解不成/终止', type: 'bar', stack: 'closed', data: months.map((m) => m.failed + m.terminated) },
        { name: '成功率', type: 'line', yAxisIndex: 1, data: months.map((m) => m.rate) },
      ],
    }),
    [months],
  );
  return <Chart option={option} height={280} label="调解结案月度分布" />;
}
