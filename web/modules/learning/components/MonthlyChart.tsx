import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { type SessionKind, sessionKindLabels, sessionKinds } from '../../../../domain/learning/rules.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Activities per month, stacked by kind. */
export function MonthlyChart({ byKindMonth }: { byKindMonth: Record<string, number[]> }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    const kinds = sessionKinds.filter((k) => (byKindMonth[k] ?? []).some((n) => n > 0));
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 32, right: 8, top: 40, bottom: 24 },
      xAxis: { type: 'category', data: Array.from({ length: 12 }, (_, i) => `${i + 1}月`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: kinds.map((k: SessionKind) => ({ name: sessionKindLabels[k], type: 'bar', stack: 'all', data: byKindMonth[k] })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [byKindMonth]);
  return <div ref={el} style={{ width: '100%', height: 260 }} />;
}
