import { useQuery } from '@tanstack/react-query';
import { Card, Col, Flex, Form, Row, Select, Spin, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import type { StatRow } from '../../../../domain/mediation/contracts.ts';
import { formatRate } from '../../../../domain/mediation/rules.ts';
import { todayString } from '../../../ui/dates.ts';
import { mediationApi, mediationKeys } from '../api.ts';
import { MonthlyChart } from '../components/MonthlyChart.tsx';
import { useMediationRefs } from '../useMediationRefs.ts';

const columns = (first: string): TableColumnsType<StatRow> => [
  { title: first, dataIndex: 'label', width: 150, fixed: 'left' },
  { title: '登记', dataIndex: 'registered', width: 70, align: 'right' },
  { title: '调结', dataIndex: 'closed', width: 70, align: 'right' },
  { title: '调解成功', dataIndex: 'succeeded', width: 90, align: 'right' },
  { title: '调解不成', dataIndex: 'failed', width: 90, align: 'right' },
  { title: '终止', dataIndex: 'terminated', width: 70, align: 'right' },
  { title: '拒绝调解', dataIndex: 'refused', width: 90, align: 'right' },
  { title: '成功率', dataIndex: 'rate', width: 90, align: 'right', render: (r: number | null) => formatRate(r) },
];

function Breakdown({ title, first, rows }: { title: string; first: string; rows: StatRow[] }) {
  return (
    <Card title={title} size="small">
      <Table<StatRow> rowKey="key" size="small" pagination={false} columns={columns(first)} dataSource={rows} scroll={{ x: 720 }} />
    </Card>
  );
}

/**
 * 统计分析: the year's disputes by committee level, place, type and month; 调解成功率 = 调解成功 / 调结 (成功＋不成＋终止),
 * one decimal, rounded half-up. The year is in the URL (?year=2024) so a figure can be linked to.
 */
export function StatisticsPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayString().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const orgUnitId = Number(params.get('orgUnitId')) || undefined;
  const refs = useMediationRefs();
  const stats = useQuery({ queryKey: mediationKeys.statistics(year, orgUnitId), queryFn: () => mediationApi.statistics(year, orgUnitId) });
  const set = (key: string, value: number | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value));
    else next.delete(key);
    setParams(next);
  };
  const data = stats.data;
  const t = data?.total;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="年度">
            <Select
              value={year}
              onChange={(v) => set('year', v)}
              style={{ width: 110 }}
              options={Array.from({ length: 8 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))}
              aria-label="年度"
            />
          </Form.Item>
          <Form.Item label="范围">
            <Select allowClear placeholder="全部" value={orgUnitId} onChange={(v) => set('orgUnitId', v)} options={refs.placeOptions} style={{ width: 160 }} />
          </Form.Item>
        </Form>
      </Card>
      {!data || !t ? (
        <Spin style={{ margin: 48 }} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            {[
              { title: '登记受理', value: t.registered, suffix: '件' },
              { title: '调结', value: t.closed, suffix: '件' },
              { title: '调解成功', value: t.succeeded, suffix: '件' },
              { title: '调解不成或终止', value: t.failed + t.terminated, suffix: '件' },
            ].map((s) => (
              <Col key={s.title} xs={12} md={6} lg={4}>
                <Card size="small">
                  <Statistic title={s.title} value={s.value} suffix={s.suffix} />
                </Card>
              </Col>
            ))}
            <Col xs={24} md={12} lg={8}>
              <Card size="small">
                <Statistic title="调解成功率" value={formatRate(t.rate)} styles={{ content: { color: '#389e0d' } }} />
                <Typography.Text type="secondary" data-testid="success-rate-formula">
                  {t.succeeded} ÷ {t.closed}，保留一位小数，四舍五入
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <Card title={`${year}年各月调结情况`} size="small">
            <MonthlyChart months={data.byMonth} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={12}>
              <Breakdown title="按调委会层级" first="层级" rows={data.byLevel} />
            </Col>
            <Col xs={24} xxl={12}>
              <Breakdown title="按纠纷发生地" first="发生地" rows={data.byUnit} />
            </Col>
            <Col xs={24} xxl={12}>
              <Breakdown title="按纠纷类型" first="类型" rows={data.byType} />
            </Col>
            <Col xs={24} xxl={12}>
              <Breakdown title="按月份" first="月份" rows={data.byMonth} />
            </Col>
          </Row>
        </>
      )}
    </Flex>
  );
}
