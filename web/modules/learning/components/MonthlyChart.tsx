import { useMemo } from 'react';
import { type SessionKind, sessionKindLabels, sessionKinds } from '../../../../domain/learning/rules.ts';
import { Chart, type ChartOption, monthLabels } from '../../../ui/Chart.tsx';

/** Activities per month, stacked by kind. */
export function MonthlyChart({ byKindMonth }: { byKindMonth: Record<string, number[]> }) {
  const option = useMemo((): ChartOption => {
    const kinds = sessionKinds.filter((k) => (byKindMonth[k] ?? []).some((n) => n > 0));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 32, right: 8, top: 40, bottom: 24 },
      xAxis: { type: 'category', data: monthLabels },
      yAxis: { type: 'value', minInterval: 1 },
      series: kinds.map((k: SessionKind) => ({ name: sessionKindLabels[k], type: 'bar', stack: 'all', data: byKindMonth[k] })),
    };
  }, [byKindMonth]);
  return <Chart option={option} label="学法活动月度分布" />;
}
