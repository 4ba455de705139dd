import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Select, Space, Spin, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { LearningRecord } from '../../../../domain/learning/contracts.ts';
import { type SessionKind, sessionKindLabels, sessionKinds } from '../../../../domain/learning/rules.ts';
import { formatInstant } from '../../../ui/dates.ts';
import { learningApi, learningKeys } from '../api.ts';
import { SignInCard } from '../components/SignIn.tsx';
import { kindColors, yearOptions } from './SessionsPage.tsx';

type SessionLine = LearningRecord['sessions'][number];
type ExamLine = LearningRecord['exams'][number];

/** A person's learning record: the sessions they attended and their exam results (shared by 我的学习 and the statistics). */
export function RecordView({ record }: { record: LearningRecord }) {
  const sessionColumns: TableColumnsType<SessionLine> = [
    { title: '日期', dataIndex: 'heldOn', width: 104 },
    { title: '类型', dataIndex: 'kind', width: 170, render: (k: SessionKind) => <Tag color={kindColors[k]}>{sessionKindLabels[k]}</Tag> },
    { title: '学习主题', dataIndex: 'title' },
  ];
  const examColumns: TableColumnsType<ExamLine> = [
    { title: '测试', dataIndex: 'title' },
    { title: '结束', dataIndex: 'closesAt', width: 100, render: (t: string) => formatInstant(t).slice(0, 10) },
    { title: '成绩', dataIndex: 'score', width: 90, render: (s: number | null, e) => (s === null ? '未参加' : `${s} / ${e.totalPoints}`) },
    {
      title: '结果',
      key: 'passed',
      width: 110,
      render: (_, e) =>
        e.passed === null ? (
          '—'
        ) : (
          <Space size={4}>
            <Tag color={e.passed ? 'success' : 'error'}>{e.passed ? '及格' : '不及格'}</Tag>
            <Typography.Text type="secondary">{e.sittingMode === 'online' ? '线上' : '线下'}</Typography.Text>
          </Space>
        ),
    },
  ];
  const attended = sessionKinds.filter((k) => (record.sessionsByKind[k] ?? 0) > 0);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        <Col xs={12} sm={6}>
          <Statistic title="参加学法活动" value={record.sessions.length} suffix="次" />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title="参加测试" value={record.exams.filter((e) => e.score !== null).length} suffix={`/ ${record.exams.length}`} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title="测试及格" value={record.exams.filter((e) => e.passed).length} suffix="次" />
        </Col>
      </Row>
      {attended.length > 0 && (
        <Space size={[4, 8]} wrap>
          {attended.map((k) => (
            <Tag key={k} color={kindColors[k]}>
              {sessionKindLabels[k]} {record.sessionsByKind[k]} 次
            </Tag>
          ))}
        </Space>
      )}
      <Card size="small" title="测试成绩">
        <Table<ExamLine>
          rowKey="examId"
          size="small"
          columns={examColumns}
          dataSource={record.exams}
          pagination={false}
          scroll={{ x: 500 }}
          locale={{ emptyText: <Empty description="暂无测试" /> }}
        />
      </Card>
      <Card size="small" title="参加的学法活动">
        <Table<SessionLine> rowKey="sessionId" size="small" columns={sessionColumns} dataSource={record.sessions} pagination={{ pageSize: 20 }} scroll={{ x: 500 }} />
      </Card>
    </Space>
  );
}

/** 我的学习: everyone's own record, with or without learning.read. */
export function MyRecordPage() {
  const [year, setYear] = useState<number | undefined>(undefined);
  const record = useQuery({ queryKey: learningKeys.myRecord(year), queryFn: () => learningApi.myRecord(year) });
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {record.data ? `${record.data.displayName}的学习记录` : '我的学习记录'}
        </Typography.Title>
        <Select allowClear placeholder="全部年度" value={year} onChange={setYear} options={yearOptions()} style={{ width: 130 }} />
      </Flex>
      <SignInCard />
      {record.isPending ? <Spin /> : record.data ? <RecordView record={record.data} /> : null}
    </Space>
  );
}
