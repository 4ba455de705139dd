import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Grid, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type IndicatorRecord, type OrgYear, reportKeys, reportsApi } from '../api.ts';
import { entityLabel, formatValue, moduleLabel } from '../labels.ts';

export type DrillTarget = OrgYear & { indicatorId: string; orgName?: string };

/** 下钻: the records behind one figure, for an org and a year — what a clerk checks before a number goes out. */
export function RecordsDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const { data, isPending, error } = useQuery({
    queryKey: target ? reportKeys.records(target.indicatorId, target.org, target.year) : ['reports', 'records', 'none'],
    queryFn: () => (target ? reportsApi.records(target.indicatorId, target) : Promise.reject(new Error('no target'))),
    enabled: target !== null,
  });

  const columns: TableColumnsType<IndicatorRecord> = [
    { title: '日期', dataIndex: 'date', width: 110, render: (d: string | null) => d ?? '—' },
    { title: '类别', dataIndex: 'entityType', width: 110, render: (t: string) => <Tag>{entityLabel(t)}</Tag> },
    { title: '记录', dataIndex: 'title', width: 220 },
    { title: '说明', dataIndex: 'detail', render: (d: string) => d || '—' },
  ];
  // A phone: one column, the record's name over its date and details, instead of four columns squeezed.
  const phoneColumns: TableColumnsType<IndicatorRecord> = [
    {
      title: '记录',
      key: 'record',
      render: (_, r) => (
        <div>
          <Tag>{entityLabel(r.entityType)}</Tag>
          {r.title}
          <div>
            <Typography.Text type="secondary">{[r.date, r.detail].filter(Boolean).join(' · ') || '—'}</Typography.Text>
          </div>
        </div>
      ),
    },
  ];
  const indicator = data?.indicator;

  return (
    <Drawer title={indicator ? `${indicator.label} · 记录明细` : '记录明细'} open={target !== null} onClose={onClose} size={screens.md ? 760 : '100%'} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error.message} />}
      {indicator && target && (
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'org', label: '单位', children: target.orgName ?? String(target.org) },
            { key: 'year', label: '年度', children: `${target.year}年` },
            { key: 'module', label: '工作领域', children: moduleLabel(indicator.module) },
            {
              key: 'value',
              label: '数值',
              children: (
                <Typography.Text strong>
                  {formatValue(indicator)}
                  {indicator.unit === '%' || indicator.value === null ? '' : ` ${indicator.unit}`}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
      <Table<IndicatorRecord>
        rowKey={(r) => `${r.entityType}-${r.entityId}`}
        size="small"
        columns={screens.md ? columns : phoneColumns}
        dataSource={data?.items ?? []}
        loading={isPending && target !== null}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条` }}
        locale={{ emptyText: '没有记录' }}
      />
    </Drawer>
  );
}
