import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { reportKeys, reportsApi, type VillageComparison } from '../api.ts';
import { formatValue } from '../labels.ts';
import type { DrillTarget } from './RecordsDrawer.tsx';

type Row = VillageComparison['rows'][number];
const levelRank: Record<string, number> = { national: 4, region: 3, prefecture: 2, county: 1 };
const honourRank = (r: Row) => Math.max(0, ...r.honours.map((h) => levelRank[h.level] ?? 0));

/** 各村对比: a town's villages side by side for the year, each figure from the village's own records, sortable. */
export function VillagesTable({ org, year, onDrill }: { org: number; year: number; onDrill: (t: DrillTarget) => void }) {
  const { data, isPending, error } = useQuery({ queryKey: reportKeys.villages(org, year), queryFn: () => reportsApi.villages({ org, year }) });
  const figureOf = (r: Row, id: string) => r.values[id] ?? null;
  const columns: TableColumnsType<Row> = [
    { title: '村（社区）', dataIndex: 'name', key: 'name', fixed: 'left', width: 110, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    ...(data?.columns ?? []).map((c): TableColumnsType<Row>[number] => ({
      title: (
        <span>
          {c.label}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            （{c.unit}）
          </Typography.Text>
        </span>
      ),
      key: c.id,
      width: 110,
      align: 'right',
      sorter: (a, b) => (figureOf(a, c.id) ?? -1) - (figureOf(b, c.id) ?? -1),
      render: (_, r) => {
        const value = figureOf(r, c.id);
        if (value === null) return '—';
        return (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill({ indicatorId: c.id, org: r.orgUnitId, year, orgName: r.name })}>
            {formatValue({ unit: c.unit, value })}
          </Button>
        );
      },
    })),
    {
      title: '村规民约等',
      key: 'rules',
      width: 150,
      sorter: (a, b) => a.rulesAdopted - b.rulesAdopted,
      render: (_, r) =>
        r.rulesAdopted > 0 ? (
          <span>
            已通过 {r.rulesAdopted} 项
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              最近 {r.lastRuleAdoptedOn}
            </Typography.Text>
          </span>
        ) : (
          <Tag color="orange">尚无通过的版本</Tag>
        ),
    },
    {
      title: '民主法治示范村',
      key: 'honours',
      width: 170,
      sorter: (a, b) => honourRank(a) - honourRank(b),
      render: (_, r) =>
        r.honours.length ? (
          <Space size={[4, 4]} wrap>
            {r.honours.map((h) => (
              <Tag key={`${h.level}-${h.namedYear}`} color={h.level === 'national' ? 'red' : 'green'}>
                {h.label}
                {h.namedYear ? ` · ${h.namedYear}年` : ''}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <Card size="small" title={`各村（社区）对比（${year}年）`} data-section="villages">
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<Row>
        rowKey="orgUnitId"
        size="small"
        columns={columns}
        dataSource={data?.rows}
        loading={isPending}
        pagination={false}
        scroll={{ x: 110 + (data?.columns.length ?? 6) * 120 + 320 }}
        locale={{ emptyText: '本镇尚无村（社区）' }}
      />
    </Card>
  );
}
