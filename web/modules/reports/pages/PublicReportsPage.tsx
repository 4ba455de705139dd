import { FileTextOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Layout, List, Space, Spin, Typography } from 'antd';
import { formatInstant } from '../../../ui/dates.ts';
import { type PublishedReport, reportKeys, reportsApi } from '../api.ts';

/** The reports of one town, latest year first. */
function byTown(items: readonly PublishedReport[]): { town: string; reports: PublishedReport[] }[] {
  const towns = new Map<string, PublishedReport[]>();
  for (const r of items) towns.set(r.orgName, [...(towns.get(r.orgName) ?? []), r]);
  return [...towns.entries()].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([town, reports]) => ({ town, reports: reports.sort((a, b) => b.year - a.year) }));
}

/**
 * 法治政府建设年度报告公开 — no login (厅字〔2019〕28号: reports are published by 1 April): the reports towns have
 * signed off and published, by town and year, each opening as the print-ready page of what was approved.
 * Only the town, the year and the publication date are listed; no account or person is named here.
 */
export function PublicReportsPage() {
  const { data, isPending, error } = useQuery({
    queryKey: reportKeys.published,
    queryFn: reportsApi.published,
  });
  let body: React.ReactNode;
  if (isPending) body = <Spin />;
  else if (error || !data) body = <Alert type="error" showIcon title="报告目录暂时无法读取，请稍后再试" />;
  else if (data.items.length === 0) body = <Empty description="暂无已公开的年度报告" />;
  else
    body = (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {byTown(data.items).map(({ town, reports }) => (
          <Card key={town} size="small" title={town} data-town={town}>
            <List
              dataSource={reports}
              renderItem={(r) => (
                <List.Item
                  extra={
                    r.publishedAt ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        公开于 {formatInstant(r.publishedAt).slice(0, 10)}
                      </Typography.Text>
                    ) : null
                  }
                >
                  <a href={reportsApi.publishedUrl(r.id)} target="_blank" rel="noopener">
                    <FileTextOutlined /> {town}
                    {r.year}年度法治政府建设情况报告
                  </a>
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Space>
    );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#a8071a', height: 'auto', padding: '12px 16px' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          法治政府建设年度报告公开
        </Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 960, width: '100%', margin: '0 auto' }}>
        <Typography.Paragraph type="secondary">各乡镇经审定后向社会公开的年度法治政府建设情况报告，点击报告名称可在新窗口中查看和打印。</Typography.Paragraph>
        {body}
      </Layout.Content>
    </Layout>
  );
}
