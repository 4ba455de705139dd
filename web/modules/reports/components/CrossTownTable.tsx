import { DownloadOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { Alert, Button, Card, Table, type TableColumnsType, Typography } from 'antd';
import type { OrgUnit } from '../../../../domain/org/contracts.ts';
import { type IndicatorValue, reportKeys, reportsApi } from '../api.ts';
import { formatValue } from '../labels.ts';
import type { DrillTarget } from './RecordsDrawer.tsx';

/** The columns a county compares first; those the registry does not (yet) have are skipped. */
const keyIndicators = [
  'org.key_tasks_done',
  'learning.center_group_sessions',
  'learning.leader_lectures',
  'learning.enforcement_training_person_times',
  'enforcement.penalty_cases',
  'enforcement.closure_rate',
  'enforcement.review_findings_corrected',
  'publicity.consultation_events',
  'mediation.disputes',
  'mediation.success_rate',
  'villages.national_demo_villages_reinspected',
];
const maxColumns = 8;

/** Which indicators become columns: the key ones present, topped up from the registry's order to a handful. */
function pickColumns(sample: readonly IndicatorValue[]): IndicatorValue[] {
  const byId = new Map(sample.map((v) => [v.id, v]));
  const picked = keyIndicators.map((id) => byId.get(id)).filter((v): v is IndicatorValue => v !== undefined);
  for (const v of sample) if (picked.length < 6 && !picked.includes(v)) picked.push(v);
  return picked.slice(0, maxColumns);
}

type Row = { town: OrgUnit; values: Map<string, IndicatorValue>; error: string | null; loading: boolean };

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** 各镇对比: one row per town under a city/county, a handful of key indicators, sortable, exportable. */
export function CrossTownTable({
  towns,
  totals,
  year,
  onDrill,
}: {
  towns: readonly OrgUnit[];
  /** Cities/counties whose figures (computed over all their towns, rates included) close the table. */
  totals: readonly OrgUnit[];
  year: number;
  onDrill: (t: DrillTarget) => void;
}) {
  const units = [...towns, ...totals];
  const results = useQueries({
    queries: units.map((t) => ({ queryKey: reportKeys.indicators(t.id, year), queryFn: () => reportsApi.indicators({ org: t.id, year }) })),
  });
  const all: Row[] = units.map((town, i) => {
    const r = results[i];
    return { town, values: new Map((r?.data ?? []).map((v) => [v.id, v])), error: r?.error?.message ?? null, loading: r?.isPending ?? true };
  });
  const rows = all.slice(0, towns.length);
  const totalRows = all.slice(towns.length);
  const sample = results.find((r) => r.data)?.data ?? [];
  const picked = pickColumns(sample);

  const cell = (r: Row, id: string) => {
    if (r.error) return '—';
    const v = r.values.get(id);
    if (!v) return r.loading ? '…' : '—';
    return (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill({ indicatorId: id, org: r.town.id, year, orgName: r.town.name })}>
        {formatValue(v)}
      </Button>
    );
  };
  const numberOf = (row: Row, id: string) => row.values.get(id)?.value ?? null;
  const columns: TableColumnsType<Row> = [
    { title: '乡镇', key: 'town', fixed: 'left', width: 110, render: (_, r) => r.town.name, sorter: (a, b) => a.town.name.localeCompare(b.town.name, 'zh-CN') },
    ...picked.map((ind): TableColumnsType<Row>[number] => ({
      title: (
        <span>
          {ind.label}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {' '}
            （{ind.unit}）
          </Typography.Text>
        </span>
      ),
      key: ind.id,
      width: 120,
      align: 'right',
      sorter: (a, b) => (numberOf(a, ind.id) ?? -1) - (numberOf(b, ind.id) ?? -1),
      render: (_, r) => {
        if (r.error) return '—';
        const v = r.values.get(ind.id);
        if (!v) return r.loading ? '…' : '—';
        return (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill({ indicatorId: ind.id, org: r.town.id, year, orgName: r.town.name })}>
            {formatValue(v)}
          </Button>
        );
      },
    })),
  ];

  const exportCsv = () => {
    const header = ['乡镇', ...picked.map((p) => `${p.label}（${p.unit}）`)];
    const lines = [...rows, ...totalRows].map((r) => [
      totalRows.includes(r) ? `${r.town.name}合计` : r.town.name,
      ...picked.map((p) => (r.values.get(p.id) ? formatValue(r.values.get(p.id) as IndicatorValue) : '')),
    ]);
    // A BOM so Excel opens the UTF-8 file with the Chinese intact.
    const blob = new Blob([`\uFEFF${[header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `各镇主要指标对比_${year}年.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const failed = rows.filter((r) => r.error);
  return (
    <Card
      size="small"
      title={`各乡镇对比（${year}年）`}
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={exportCsv} disabled={picked.length === 0}>
          导出表格
        </Button>
      }
    >
      {failed.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`${failed.map((r) => r.town.name).join('、')}：${failed[0]?.error}`} />}
      <Table<Row>
        rowKey={(r) => r.town.id}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 110 + picked.length * 120 }}
        loading={results.some((r) => r.isPending) && sample.length === 0}
        summary={() =>
          totalRows.map((r) => (
            <Table.Summary.Row key={r.town.id} style={{ background: '#fafafa' }}>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{r.town.name}合计</Typography.Text>
              </Table.Summary.Cell>
              {picked.map((p, i) => (
                <Table.Summary.Cell key={p.id} index={i + 1} align="right">
                  {cell(r, p.id)}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ))
        }
      />
    </Card>
  );
}
