import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Layout, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import type { PublicDecision } from '../../../../domain/enforcement/contracts.ts';
import { enforcementApi } from '../api.ts';

/** 行政执法公示 — no login: the bodies, officers with certificate numbers, the powers list and the decisions, masked. */
export function PublicEnforcementPage() {
  const { data, isPending, error } = useQuery({ queryKey: ['public', 'enforcement'], queryFn: enforcementApi.publicPortal });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#a8071a', height: 'auto', padding: '12px 16px' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0 }}>
          行政执法公示
        </Typography.Title>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        {isPending ? (
          <Spin />
        ) : error || !data ? (
          <Alert type="error" title="公示信息暂时无法读取" />
        ) : (
          <Tabs
            items={[
              {
                key: 'decisions',
                label: '处罚决定',
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {data.decisions.length === 0 && <Typography.Text type="secondary">暂无公示的行政处罚决定</Typography.Text>}
                    {data.decisions.map((d: PublicDecision) => (
                      <Card
                        key={d.decisionNumber}
                        size="small"
                        title={d.decisionNumber}
                        extra={d.withdrawnOn ? <Tag color="default">已撤回</Tag> : <Tag color="red">{d.bodyName}</Tag>}
                      >
                        {d.withdrawnOn ? (
                          <Typography.Paragraph>
                            该决定信息已于 {d.withdrawnOn} 撤回。撤回理由：{d.withdrawReason}
                          </Typography.Paragraph>
                        ) : (
                          <>
                            <Typography.Paragraph style={{ marginBottom: 4 }}>
                              当事人：{d.partyName}
                              {d.partyAddress ? `（${d.partyAddress}）` : ''}
                            </Typography.Paragraph>
                            <Typography.Paragraph style={{ marginBottom: 4 }}>违法事实：{d.facts}</Typography.Paragraph>
                            <Typography.Paragraph style={{ marginBottom: 4 }}>处罚依据：{d.basis}</Typography.Paragraph>
                            <Typography.Paragraph style={{ marginBottom: 4 }}>处罚结果：{d.penalty}</Typography.Paragraph>
                          </>
                        )}
                        <Typography.Text type="secondary">
                          决定日期 {d.decidedOn} · 公示日期 {d.publishedOn} · {d.townName}
                        </Typography.Text>
                      </Card>
                    ))}
                  </Space>
                ),
              },
              {
                key: 'bodies',
                label: '执法主体与人员',
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {data.bodies.map((b) => (
                      <Card key={b.name} size="small" title={`${b.name}（${b.officeName}）`}>
                        <Typography.Paragraph>{b.delegationBasis}</Typography.Paragraph>
                        <Typography.Text type="secondary">
                          {b.address} {b.phone}
                        </Typography.Text>
                      </Card>
                    ))}
                    <Table
                      rowKey="certificateNumber"
                      size="small"
                      pagination={false}
                      dataSource={data.officers}
                      columns={[
                        { title: '姓名', dataIndex: 'name' },
                        { title: '执法证号', dataIndex: 'certificateNumber' },
                        { title: '有效期至', dataIndex: 'validUntil' },
                        { title: '执法主体', dataIndex: 'bodyName' },
                      ]}
                    />
                  </Space>
                ),
              },
              {
                key: 'powers',
                label: `权责清单（${data.powers.length}）`,
                children: (
                  <Table
                    rowKey={(p) => `${p.bodyName}-${p.code}`}
                    size="small"
                    scroll={{ x: 900 }}
                    pagination={{ pageSize: 20 }}
                    dataSource={data.powers}
                    columns={[
                      { title: '编码', dataIndex: 'code', width: 100 },
                      { title: '事项', dataIndex: 'name', width: 260 },
                      { title: '依据', key: 'law', width: 220, render: (_, p) => `${p.law}${p.article}` },
                      { title: '处罚幅度', dataIndex: 'penaltyRange', width: 260 },
                      { title: '裁量基准', dataIndex: 'discretion', width: 220 },
                    ]}
                  />
                ),
              },
            ]}
          />
        )}
      </Layout.Content>
    </Layout>
  );
}
