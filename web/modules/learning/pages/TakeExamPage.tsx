import { CheckCircleFilled, ClockCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Flex, Radio, Result, Space, Spin, Tag, Typography, theme } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Attempt } from '../../../../domain/learning/contracts.ts';
import { formatAnswer, optionKeys, type QuestionType, questionTypeLabels } from '../../../../domain/learning/rules.ts';
import { ApiError } from '../../../app/http.ts';
import { formatInstant } from '../../../ui/dates.ts';
import { useApiError } from '../../../ui/useApiError.ts';
import { learningApi, learningKeys } from '../api.ts';

type Question = Attempt['questions'][number];
type Choices = Record<number, string[]>;
type OptionKey = (typeof optionKeys)[number];

const clock = (seconds: number) => {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h ? `${h}:` : ''}${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
};

function QuestionCard({ q, choice, onChange, disabled }: { q: Question; choice: string[]; onChange?: (c: string[]) => void; disabled?: boolean }) {
  const { token } = theme.useToken();
  const options = q.options.map((o, i) => ({ value: optionKeys[i] as string, label: q.type === 'judge' ? o : `${optionKeys[i]}. ${o}` }));
  const optionStyle = { padding: '8px 4px', width: '100%', fontSize: 16 };
  const review = q.review;
  return (
    <Card
      size="small"
      id={`q-${q.position}`}
      title={
        <Space size={4} wrap>
          <Typography.Text strong>第 {q.position} 题</Typography.Text>
          <Tag>{questionTypeLabels[q.type as QuestionType]}</Tag>
          <Typography.Text type="secondary">{q.points} 分</Typography.Text>
          {review &&
            (review.correct ? (
              <Tag icon={<CheckCircleFilled />} color="success">
                正确
              </Tag>
            ) : (
              <Tag icon={<CloseCircleFilled />} color="error">
                {review.earned > 0 ? `得 ${review.earned} 分` : '错误'}
              </Tag>
            ))}
        </Space>
      }
    >
      <Typography.Paragraph style={{ fontSize: 16 }}>{q.stem}</Typography.Paragraph>
      {q.type === 'multiple' ? (
        <Checkbox.Group value={choice} disabled={disabled} onChange={(v) => onChange?.(v as string[])} style={{ width: '100%' }}>
          <Flex vertical>
            {options.map((o) => (
              <Checkbox key={o.value} value={o.value} style={optionStyle}>
                {o.label}
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      ) : (
        <Radio.Group value={choice[0]} disabled={disabled} onChange={(e) => onChange?.([e.target.value as string])} style={{ width: '100%' }}>
          <Flex vertical>
            {options.map((o) => (
              <Radio key={o.value} value={o.value} style={optionStyle}>
                {o.label}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      )}
      {review && (
        <div style={{ marginTop: 8, padding: 8, background: token.colorFillQuaternary, borderRadius: token.borderRadius }}>
          <Typography.Text>
            正确答案：<Typography.Text strong>{formatAnswer(q.type as QuestionType, review.answer)}</Typography.Text>；你的答案：
            {choice.length ? formatAnswer(q.type as QuestionType, choice) : '未作答'}
          </Typography.Text>
          {review.explanation && <Typography.Paragraph style={{ margin: '4px 0 0' }}>解析：{review.explanation}</Typography.Paragraph>}
          {review.law && (
            <Typography.Text type="secondary">
              依据：《{review.law}》{review.article}
            </Typography.Text>
          )}
        </div>
      )}
    </Card>
  );
}

/**
 * Answering. The server keeps the clock (the timer here only shows the deadline it gave, corrected for the
 * difference between the two clocks); every change is saved shortly after it is made, one save at a time.
 */
function Runner({ attempt, onFinished }: { attempt: Attempt; onFinished: (a?: Attempt) => void }) {
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const { token } = theme.useToken();
  const [choices, setChoices] = useState<Choices>(() => Object.fromEntries(attempt.questions.map((q) => [q.itemId, q.choice])));
  const choicesRef = useRef(choices);
  const version = useRef(attempt.version);
  const dirty = useRef(new Set<number>());
  const inFlight = useRef<Promise<void> | null>(null);
  const finished = useRef(false);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | 'saving' | 'error'>('saved');
  const [submitting, setSubmitting] = useState(false);
  const offset = useRef(new Date(attempt.serverNow).getTime() - Date.now());
  const deadline = new Date(attempt.deadlineAt).getTime();
  const [now, setNow] = useState(Date.now());
  const left = Math.max(0, Math.floor((deadline - (now + offset.current)) / 1000));

  const handleFailure = useCallback(
    (err: unknown) => {
      if (err instanceof ApiError && ['EXAM_TIME_UP', 'EXAM_ATTEMPT_FINISHED', 'VERSION_CONFLICT', 'NOT_FOUND'].includes(err.code)) {
        finished.current = err.code !== 'VERSION_CONFLICT';
        message.warning(err.message);
        onFinished();
        return;
      }
      setSaveState('error');
      showError(err);
    },
    [message, onFinished, showError],
  );

  const flush = useCallback(async (): Promise<void> => {
    while (inFlight.current) await inFlight.current;
    if (dirty.current.size === 0 || finished.current) return;
    const items = [...dirty.current];
    dirty.current.clear();
    setSaveState('saving');
    const run = learningApi
      .save(attempt.id, { version: version.current, answers: items.map((itemId) => ({ itemId, choice: (choicesRef.current[itemId] ?? []) as OptionKey[] })) })
      .then((saved) => {
        version.current = saved.version;
        setSaveState(dirty.current.size ? 'pending' : 'saved');
      })
      .catch((err: unknown) => {
        for (const i of items) dirty.current.add(i);
        handleFailure(err);
      });
    inFlight.current = run;
    await run;
    inFlight.current = null;
  }, [attempt.id, handleFailure]);

  const submit = useCallback(async () => {
    if (finished.current) return;
    setSubmitting(true);
    try {
      while (inFlight.current) await inFlight.current;
      finished.current = true;
      const all = Object.entries(choicesRef.current).map(([itemId, choice]) => ({ itemId: Number(itemId), choice: choice as OptionKey[] }));
      const done = await learningApi.submit(attempt.id, { version: version.current, answers: all });
      message.success('已交卷');
      onFinished(done);
    } catch (err) {
      finished.current = false;
      handleFailure(err);
    } finally {
      setSubmitting(false);
    }
  }, [attempt.id, handleFailure, message, onFinished]);

  // The clock, and handing in when it runs out.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (left === 0 && !finished.current) void submit();
  }, [left, submit]);
  // Save a moment after the last change; also when the page is hidden (phone locked, app switched).
  useEffect(() => {
    if (saveState !== 'pending') return;
    const t = setTimeout(() => void flush(), 1200);
    return () => clearTimeout(t);
  }, [saveState, flush]);
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => document.removeEventListener('visibilitychange', onHide);
  }, [flush]);

  const change = (itemId: number, choice: string[]) => {
    const next = { ...choicesRef.current, [itemId]: choice };
    choicesRef.current = next;
    setChoices(next);
    dirty.current.add(itemId);
    setSaveState('pending');
  };
  const unanswered = attempt.questions.filter((q) => !(choices[q.itemId]?.length ?? 0)).length;
  const confirmSubmit = () =>
    modal.confirm({
      title: '确认交卷？',
      content: unanswered ? `还有 ${unanswered} 题未作答。交卷后不能修改。` : '交卷后不能修改。',
      okText: '交卷',
      onOk: submit,
    });
  const saveLabel = { saved: '已保存', pending: '待保存', saving: '保存中…', error: '保存失败，将重试' }[saveState];

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 820, margin: '0 auto', display: 'flex' }}>
      <Card size="small" style={{ position: 'sticky', top: 0, zIndex: 10, boxShadow: token.boxShadowTertiary }} styles={{ body: { padding: '8px 12px' } }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Space size={8} wrap>
            <Typography.Text strong style={{ fontSize: 20, color: left < 300 ? token.colorError : undefined }} aria-label="剩余时间">
              <ClockCircleOutlined /> {clock(left)}
            </Typography.Text>
            <Typography.Text type={saveState === 'error' ? 'danger' : 'secondary'} data-save-state={saveState}>
              {saveLabel}
            </Typography.Text>
          </Space>
          <Space size={8}>
            <Typography.Text type="secondary">
              已答 {attempt.questions.length - unanswered}/{attempt.questions.length}
            </Typography.Text>
            <Button type="primary" loading={submitting} onClick={confirmSubmit}>
              交卷
            </Button>
          </Space>
        </Flex>
      </Card>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {attempt.examTitle}（第 {attempt.number} 次作答，满分 {attempt.totalPoints}，及格 {attempt.passScore}）
      </Typography.Title>
      {attempt.questions.map((q) => (
        <QuestionCard key={q.itemId} q={q} choice={choices[q.itemId] ?? []} onChange={(c) => change(q.itemId, c)} />
      ))}
      <Button type="primary" size="large" block loading={submitting} onClick={confirmSubmit}>
        交卷
      </Button>
    </Space>
  );
}

function Outcome({ attempt }: { attempt: Attempt }) {
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 820, margin: '0 auto', display: 'flex' }}>
      <Card>
        <Result
          status={attempt.passed ? 'success' : 'warning'}
          title={`${attempt.score ?? 0} 分（满分 ${attempt.totalPoints}）`}
          subTitle={
            <>
              <div>
                {attempt.examTitle} · {attempt.passed ? '及格' : `未及格（及格 ${attempt.passScore} 分）`}
              </div>
              <div>
                {attempt.status === 'expired' ? '答题时间已到，系统已按最后保存的答案交卷' : '已交卷'}：{formatInstant(attempt.submittedAt)}
              </div>
              {!attempt.reviewAvailable && <div>正确答案与解析将于测试结束（{formatInstant(attempt.closesAt).slice(0, 16)}）后公布</div>}
            </>
          }
          extra={
            <Link to="/my/exams">
              <Button>返回在线测试</Button>
            </Link>
          }
        />
      </Card>
      {attempt.questions.map((q) => (
        <QuestionCard key={q.itemId} q={q} choice={q.choice} disabled />
      ))}
    </Space>
  );
}

/** Taking a test (phone first): the questions, a timer, autosave, hand-in; then the score, and after the window the answers. */
export function TakeExamPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const attempt = useQuery({ queryKey: learningKeys.attempt(id), queryFn: () => learningApi.attempt(id), refetchOnWindowFocus: false });
  const onFinished = useCallback(
    (a?: Attempt) => {
      if (a) queryClient.setQueryData(learningKeys.attempt(id), a);
      else void attempt.refetch();
      void queryClient.invalidateQueries({ queryKey: learningKeys.myExams });
    },
    [attempt, id, queryClient],
  );
  if (attempt.isPending) return <Spin />;
  if (attempt.error) return <Result status="warning" title={attempt.error.message} extra={<Link to="/my/exams">返回在线测试</Link>} />;
  const a = attempt.data;
  return a.status === 'in_progress' ? <Runner key={`${a.id}-${a.version}`} attempt={a} onFinished={onFinished} /> : <Outcome attempt={a} />;
}
