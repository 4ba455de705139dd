import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption, LegendComponent, type LegendComponentOption, TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import { type ComposeOption, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts the platform draws (bars, lines, axes, legend, tooltip) go into the bundle, not all of echarts.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

/** '1月' … '12月': the x axis of every monthly chart. */
export const monthLabels = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

/**
 * One ECharts chart that follows its container's width (a card in a grid, a drawer, a phone turned sideways)
 * and is disposed with the component. `label` names it for screen readers.
 */
export function Chart({ option, height = 260, label }: { option: ChartOption; height?: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const instance = init(el.current);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    // notMerge: a series that disappears (a kind with no records this year) leaves the chart too.
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={el} role="img" aria-label={label} data-chart={label} style={{ width: '100%', height }} />;
}
