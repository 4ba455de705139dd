import { useQuery } from '@tanstack/react-query';
import { Card, Col, InputNumber, Progress, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { caseStatusLabels } from '../../../../domain/enforcement/rules.ts';
import { todayString } from '../../../ui/dates.ts';
import { enforcementApi, enforcementKeys } from '../api.ts';
import { EnforcementNav } from '../components/EnforcementNav.tsx';

/** Figures for the leader and the supervisor: every one computed from the case records. */
export function StatsPage() {
  // The year lives in the URL (a link or a reload shows the same year); by default the last full year.
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || Number(todayString().slice(0, 4)) - 1;
  const setYear = (y: number) => setParams({ year: String(y) });
  const { data: s, isPending } = useQuery({ queryKey: enforcementKeys.stats(year), queryFn: () => enforcementApi.stats(year) });
  return (
    <>
      <EnforcementNav />
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text>年度</Typography.Text>
        <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && v >= 2000 && setYear(v)} />
      </Space>
      {isPending || !s ? (
        <Spin />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Row gutter={[12, 12]}>
            {[
              ['行政处罚案件', `${s.cases} 件`, `简易 ${s.simple}、普通 ${s.ordinary}`],
              ['已结案', `${s.closed} 件`, `结案率 ${s.closureRate ?? '—'}%`],
              ['罚款（元）', s.finesImposed.toFixed(2), `已收缴 ${s.finesCollected.toFixed(2)}`],
              ['逾期未办', `${s.overdue} 件`, '含未按期决定、送达、缴款、公示'],
              ['处罚权限', `${s.powers} 项`, `执法人员 ${s.officers} 名`],
              ['案卷评查', `${s.reviews} 次`, `发现问题 ${s.findings} 处，纠正 ${s.corrected} 处`],
            ].map(([title, value, note]) => (
              <Col key={title} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {note}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <Card size="small" title="按状态">
                {s.byStatus.map((b) => (
                  <div key={b.status}>
                    {caseStatusLabels[b.status]}：{b.count}
                    <Progress percent={s.cases ? Math.round((b.count * 100) / s.cases) : 0} size="small" />
                  </div>
                ))}
              </Card>
            </Col>
            <Col xs={24} lg={16}>
              <Card size="small" title="按执法事项">
                <Table
                  rowKey="powerId"
                  size="small"
                  pagination={false}
                  dataSource={s.byPower}
                  columns={[
                    { title: '事项', key: 'p', render: (_, p) => `${p.code} ${p.name}` },
                    { title: '案件', dataIndex: 'count', width: 80 },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="按月份">
            <Table
              rowKey="month"
              size="small"
              pagination={false}
              scroll={{ x: 500 }}
              dataSource={s.byMonth}
              columns={[
                { title: '月份', dataIndex: 'month' },
                { title: '立案/当场处罚', dataIndex: 'filed' },
                { title: '作出决定', dataIndex: 'decided' },
                { title: '结案', dataIndex: 'closed' },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
