import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { StatRow } from '../../../../domain/mediation/contracts.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Disputes closed per month, successful and not, with the month's success rate. */
export function MonthlyChart({ months }: { months: StatRow[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
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
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [months]);
  return <div ref={el} style={{ width: '100%', height: 280 }} />;
}
