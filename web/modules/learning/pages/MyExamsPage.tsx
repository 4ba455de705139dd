import { ClockCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MyExam } from '../../../../domain/learning/contracts.ts';
import { examModeLabels } from '../../../../domain/learning/rules.ts';
import { formatInstant } from '../../../ui/dates.ts';
import { useApiError } from '../../../ui/useApiError.ts';
import { learningApi, learningKeys } from '../api.ts';
import { modeColors } from './ExamsPage.tsx';

const windowTags: Record<MyExam['window'], { label: string; color: string }> = {
  not_open: { label: '未开始', color: 'gold' },
  open: { label: '进行中', color: 'green' },
  closed: { label: '已结束', color: 'default' },
};

function ExamCard({ exam }: { exam: MyExam }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const [starting, setStarting] = useState(false);
  const start = async () => {
    setStarting(true);
    try {
      const attempt = await learningApi.start(exam.id);
      await queryClient.invalidateQueries({ queryKey: learningKeys.myExams });
      navigate(`/my/exams/attempts/${attempt.id}`);
    } catch (err) {
      showError(err);
    } finally {
      setStarting(false);
    }
  };
  const tag = windowTags[exam.window];
  return (
    <Card
      title={<Typography.Text style={{ whiteSpace: 'normal' }}>{exam.title}</Typography.Text>}
      extra={<Tag color={tag.color}>{tag.label}</Tag>}
      actions={[
        exam.canStart ? (
          <Button key="start" type="primary" loading={starting} onClick={start}>
            {exam.openAttemptId ? '继续作答' : exam.attemptsUsed ? '再次作答' : '开始作答'}
          </Button>
        ) : null,
        exam.lastAttemptId && !exam.openAttemptId ? (
          <Button key="view" onClick={() => navigate(`/my/exams/attempts/${exam.lastAttemptId}`)}>
            {exam.reviewAvailable ? '查看答案与解析' : '查看成绩'}
          </Button>
        ) : null,
      ].filter(Boolean)}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'mode', label: '方式', children: <Tag color={modeColors[exam.mode]}>{examModeLabels[exam.mode]}</Tag> },
          { key: 'time', label: '时间', children: `${formatInstant(exam.opensAt).slice(0, 16)} 至 ${formatInstant(exam.closesAt).slice(0, 16)}` },
          {
            key: 'rules',
            label: '规则',
            children: (
              <span>
                <ClockCircleOutlined /> {exam.timeLimitMinutes} 分钟 · {exam.questionCount} 题 · 满分 {exam.totalPoints} · 及格 {exam.passScore}
              </span>
            ),
          },
          { key: 'attempts', label: '作答次数', children: `${exam.attemptsUsed} / ${exam.maxAttempts}` },
          {
            key: 'score',
            label: '我的成绩',
            children:
              exam.score === null ? (
                <Typography.Text type="secondary">{exam.mode === 'offline' ? '线下考试，成绩由组织单位录入' : '尚未交卷'}</Typography.Text>
              ) : (
                <Space>
                  <Typography.Text strong>{exam.score} 分</Typography.Text>
                  <Tag color={exam.passed ? 'success' : 'error'}>{exam.passed ? '及格' : '不及格'}</Tag>
                  <Typography.Text type="secondary">{exam.sittingMode === 'offline' ? '线下' : '线上'}</Typography.Text>
                </Space>
              ),
          },
        ]}
      />
      {exam.description && <Typography.Paragraph type="secondary">{exam.description}</Typography.Paragraph>}
    </Card>
  );
}

/** 在线测试: the tests I am a candidate for. */
export function MyExamsPage() {
  const exams = useQuery({ queryKey: learningKeys.myExams, queryFn: async () => (await learningApi.myExams()).items });
  if (exams.isPending) return <Spin />;
  const list = exams.data ?? [];
  const order = { open: 0, not_open: 1, closed: 2 };
  const sorted = [...list].sort((a, b) => order[a.window] - order[b.window]);
  return sorted.length === 0 ? (
    <Card>
      <Empty description="暂无需要参加的测试" />
    </Card>
  ) : (
    <Row gutter={[16, 16]}>
      {sorted.map((e) => (
        <Col key={e.id} xs={24} md={12} xl={8}>
          <ExamCard exam={e} />
        </Col>
      ))}
    </Row>
  );
}
