import { useQuery } from '@tanstack/react-query';
import { Card, Col, Drawer, Empty, Flex, Form, Grid, Row, Select, Space, Spin, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { LearningStats, StatsQuery } from '../../../../domain/learning/contracts.ts';
import { type ExamMode, examModeLabels, sessionKindLabels, sessionKinds } from '../../../../domain/learning/rules.ts';
import { formatRate } from '../../../../domain/platform/rates.ts';
import { todayString } from '../../../ui/dates.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { learningApi, learningFiles, learningKeys } from '../api.ts';
import { DownloadButton } from '../components/FileButtons.tsx';
import { MonthlyChart } from '../components/MonthlyChart.tsx';
import { modeColors } from './ExamsPage.tsx';
import { RecordView } from './MyRecordPage.tsx';
import { yearOptions } from './SessionsPage.tsx';

type ExamLine = LearningStats['exams'][number];
type UnitLine = LearningStats['units'][number];
type PersonLine = LearningStats['people'][number];
const rate = (r: number | null) => formatRate(r);

/** Figures for leaders and supervisors: counts by kind and month, person-times, participation and pass rates. */
export function StatsPage() {
  const screens = Grid.useBreakpoint();
  const [query, setQuery] = useState<StatsQuery>({ year: Number(todayString().slice(0, 4)) });
  const [person, setPerson] = useState<PersonLine | null>(null);
  const stats = useQuery({ queryKey: learningKeys.stats(query), queryFn: () => learningApi.stats(query) });
  const record = useQuery({
    queryKey: learningKeys.personRecord(person?.userId ?? 0, query.year),
    queryFn: () => learningApi.personRecord(person?.userId as number, query.year),
    enabled: person?.userId != null,
  });
  const s = stats.data;

  const months = Array.from({ length: 12 }, (_, i) => i);
  const kindRows = sessionKinds.map((k) => ({
    kind: k,
    months: s?.sessions.byKindMonth[k] ?? [],
    total: s?.sessions.byKind[k] ?? 0,
    personTimes: s?.sessions.personTimesByKind[k] ?? 0,
  }));
  const kindColumns: TableColumnsType<(typeof kindRows)[number]> = [
    { title: '活动类型', dataIndex: 'kind', width: 190, fixed: 'left', render: (k: (typeof sessionKinds)[number]) => sessionKindLabels[k] },
    ...months.map((m) => ({ title: `${m + 1}月`, key: `m${m}`, width: 52, align: 'right' as const, render: (_: unknown, r: (typeof kindRows)[number]) => r.months[m] || '' })),
    { title: '合计', dataIndex: 'total', width: 64, align: 'right', render: (n: number) => <Typography.Text strong>{n}</Typography.Text> },
    { title: '人次', dataIndex: 'personTimes', width: 64, align: 'right' },
  ];
  const examColumns: TableColumnsType<ExamLine> = [
    { title: '测试', dataIndex: 'title', width: 260 },
    { title: '方式', dataIndex: 'mode', width: 110, render: (m: ExamMode) => <Tag color={modeColors[m]}>{examModeLabels[m]}</Tag> },
    { title: '应考', dataIndex: 'candidates', width: 60, align: 'right' },
    { title: '实考', dataIndex: 'participants', width: 60, align: 'right' },
    { title: '线上/线下', key: 'modes', width: 90, render: (_, e) => `${e.online} / ${e.offline}` },
    { title: '及格', dataIndex: 'passed', width: 60, align: 'right' },
    { title: '参考率', dataIndex: 'participationRate', width: 80, align: 'right', render: rate },
    { title: '及格率', dataIndex: 'passRate', width: 80, align: 'right', render: rate },
    { title: '平均分', dataIndex: 'averageScore', width: 70, align: 'right', render: (a: number | null) => a ?? '—' },
  ];
  const unitColumns: TableColumnsType<UnitLine> = [
    { title: '单位', dataIndex: 'orgUnitName', width: 150 },
    { title: '学法人次', dataIndex: 'personTimes', width: 90, align: 'right' },
    { title: '参加人数', dataIndex: 'sessionsAttendedBy', width: 90, align: 'right' },
    { title: '应考人次', dataIndex: 'candidates', width: 90, align: 'right' },
    { title: '实考人次', dataIndex: 'participants', width: 90, align: 'right' },
    { title: '参考率', dataIndex: 'participationRate', width: 80, align: 'right', render: rate },
    { title: '及格率', dataIndex: 'passRate', width: 80, align: 'right', render: rate },
  ];
  const personColumns: TableColumnsType<PersonLine> = [
    {
      title: '姓名',
      dataIndex: 'personName',
      width: 110,
      fixed: 'left',
      render: (n: string, p) => (p.userId ? <Typography.Link onClick={() => setPerson(p)}>{n}</Typography.Link> : `${n}*`),
    },
    { title: '单位', dataIndex: 'orgUnitName', width: 130 },
    { title: '学法人次', dataIndex: 'personTimes', width: 90, align: 'right' },
    ...sessionKinds
      .filter((k) => k !== 'other')
      .map((k) => ({ title: sessionKindLabels[k], key: k, width: 110, align: 'right' as const, render: (_: unknown, p: PersonLine) => p.personTimesByKind[k] || '' })),
    { title: '应考', dataIndex: 'examsExpected', width: 60, align: 'right' },
    { title: '参考', dataIndex: 'examsSat', width: 60, align: 'right' },
    { title: '及格', dataIndex: 'examsPassed', width: 60, align: 'right' },
    { title: '平均分', dataIndex: 'averageScore', width: 70, align: 'right', render: (a: number | null) => a ?? '—' },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Flex justify="space-between" wrap gap={8}>
          <Form layout="inline" style={{ rowGap: 8 }}>
            <Form.Item label="年度">
              <Select id="stats-year" value={query.year} options={yearOptions()} onChange={(year) => setQuery((q) => ({ ...q, year }))} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item label="单位">
              <OrgUnitTreeSelect
                allowClear
                value={query.orgUnitId}
                onChange={(orgUnitId) => setQuery((q) => ({ ...q, orgUnitId: orgUnitId ?? undefined }))}
                style={{ width: 200 }}
                placeholder="全部"
              />
            </Form.Item>
          </Form>
          <DownloadButton path={learningFiles.stats} filename={`${query.year}年学法用法统计.xlsx`} query={query}>
            导出 Excel
          </DownloadButton>
        </Flex>
      </Card>
      {stats.isPending ? (
        <Spin />
      ) : !s ? (
        <Empty />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {[
              ['学法活动', s.sessions.total, '次'],
              ['参加人次', s.sessions.personTimes, '人次'],
              ['党委中心组学法', s.sessions.byKind.center_group, '次'],
              ['主要负责人讲法治课', s.sessions.byKind.leader_lecture, '次'],
              ['纪律规定学习', s.sessions.byKind.integrity, '场'],
              ['行政执法培训', `${s.sessions.byKind.enforcement_training} 期 / ${s.sessions.personTimesByKind.enforcement_training} 人次`, ''],
              ['法律知识测试', s.exams.length, '次'],
              ['参考率 / 及格率', `${rate(s.examTotals.participationRate)} / ${rate(s.examTotals.passRate)}`, ''],
            ].map(([title, value, suffix]) => (
              <Col key={String(title)} xs={12} md={6}>
                <Card size="small">
                  <Statistic title={title} value={value as string | number} suffix={suffix} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title="学法活动（按类型与月份）" size="small">
            <MonthlyChart byKindMonth={s.sessions.byKindMonth} />
            <Table rowKey="kind" size="small" columns={kindColumns} dataSource={kindRows} pagination={false} scroll={{ x: 1000 }} />
          </Card>
          <Card title="法律知识测试" size="small">
            <Table<ExamLine> rowKey="examId" size="small" columns={examColumns} dataSource={s.exams} pagination={false} scroll={{ x: 870 }} />
          </Card>
          <Card title="按单位" size="small">
            <Table<UnitLine> rowKey={(u) => String(u.orgUnitId)} size="small" columns={unitColumns} dataSource={s.units} pagination={false} scroll={{ x: 670 }} />
          </Card>
          <Card title="按人员" size="small" extra={<Typography.Text type="secondary">* 无平台账号；点击姓名查看学习记录</Typography.Text>}>
            <Table<PersonLine>
              rowKey={(p) => `${p.userId ?? ''}-${p.personName}-${p.orgUnitName}`}
              size="small"
              columns={personColumns}
              dataSource={s.people}
              pagination={{ pageSize: 50 }}
              scroll={{ x: 1100 }}
            />
          </Card>
        </>
      )}
      <Drawer title={`${person?.personName ?? ''} 的学习记录（${query.year} 年）`} open={person !== null} onClose={() => setPerson(null)} size={screens.md ? 720 : '100%'}>
        {record.isPending ? <Spin /> : record.data ? <RecordView record={record.data} /> : null}
      </Drawer>
    </Space>
  );
}
