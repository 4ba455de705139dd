import { useQuery } from '@tanstack/react-query';
import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { reportKeys, reportsApi } from '../api.ts';

const levels = { overdue: { color: 'red', label: '已逾期' }, due: { color: 'orange', label: '临近期限' }, info: { color: 'blue', label: '提示' } } as const;
const modules: Record<string, string> = { enforcement: '行政执法', mediation: '人民调解', villages: '民主法治村', publicity: '普法宣传', reports: '年度报告' };

/** 提醒: what falls due or is overdue across the modules the user may see, overdue first; each opens its record. */
export function AlertList() {
  const alerts = useQuery({ queryKey: reportKeys.alerts, queryFn: async () => (await reportsApi.alerts()).items });
  return (
    <Card size="small" title={`提醒${alerts.data ? `（${alerts.data.length}）` : ''}`}>
      <List
        size="small"
        loading={alerts.isPending}
        locale={{ emptyText: '暂无到期或逾期事项' }}
        dataSource={alerts.data ?? []}
        pagination={(alerts.data?.length ?? 0) > 8 ? { pageSize: 8, size: 'small' } : false}
        renderItem={(a) => (
          <List.Item>
            <Typography.Text style={{ minWidth: 0 }}>
              <Tag color={levels[a.level].color}>{levels[a.level].label}</Tag>
              <Tag>{modules[a.module] ?? a.module}</Tag>
              <Link to={a.link}>{a.title}</Link>
              <Typography.Text type="secondary">
                {' '}
                · {a.detail}
                {a.due ? ` · ${a.due}` : ''}
              </Typography.Text>
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}
