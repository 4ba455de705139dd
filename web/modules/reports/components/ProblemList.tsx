import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Flex, Tag, Typography, theme } from 'antd';
import type { Problem } from '../api.ts';
import { problemKinds } from '../labels.ts';

/** Problems that stop a leader's 审定: everything but wording (用语 is advice). */
export const blockingProblems = (problems: readonly Problem[]): Problem[] => problems.filter((p) => p.kind !== 'term');

type Props = {
  problems: readonly Problem[];
  /** Clicking a problem shows it in the text; omitted where there is no text to show it in. */
  onSelect?: (index: number) => void;
  active?: number | null;
  loading?: boolean;
  /** A draft awaiting 审定, or any pasted text (which nobody approves). */
  context?: 'report' | 'text';
};

/** 报告体检: what is wrong, where (the excerpt) and why (the message), one row per problem. */
export function ProblemList({ problems, onSelect, active, loading, context = 'report' }: Props) {
  const { token } = theme.useToken();
  if (problems.length === 0)
    return (
      <Flex gap={8} align="center" style={{ padding: '8px 0' }}>
        <CheckCircleFilled style={{ color: token.colorSuccess }} />
        <Typography.Text>{loading ? '正在体检…' : '未发现问题：数字与记录一致，未引用已废止的法律，用语规范。'}</Typography.Text>
      </Flex>
    );
  const blocking = blockingProblems(problems).length;
  const advice = problems.length - blocking;
  return (
    <Flex vertical gap={8}>
      <Alert
        type={blocking > 0 ? 'error' : 'warning'}
        showIcon
        title={
          blocking > 0
            ? `发现 ${blocking} 处与记录不符或引用错误${context === 'report' ? '，须改正后才能审定' : ''}${advice ? `；另有 ${advice} 处用语建议修改` : ''}`
            : `有 ${advice} 处用语建议修改${context === 'report' ? '（不影响审定）' : ''}`
        }
      />
      {problems.map((p, i) => (
        <ProblemRow key={`${p.at}-${p.kind}-${p.excerpt}`} problem={p} active={active === i} onSelect={onSelect && (() => onSelect(i))} />
      ))}
    </Flex>
  );
}

function ProblemRow({ problem: p, active, onSelect }: { problem: Problem; active: boolean; onSelect?: () => void }) {
  const { token } = theme.useToken();
  const kind = problemKinds[p.kind];
  const body = (
    <Flex gap={8} align="flex-start">
      <Tag color={kind.color} style={{ marginInlineEnd: 0, flex: 'none' }}>
        {kind.label}
      </Tag>
      <div style={{ minWidth: 0, textAlign: 'left' }}>
        <Typography.Text strong style={{ wordBreak: 'break-all' }}>
          「{p.excerpt}」
        </Typography.Text>
        <div>
          <Typography.Text type="secondary">{p.message}</Typography.Text>
        </div>
      </div>
    </Flex>
  );
  const style = {
    display: 'block',
    width: '100%',
    boxSizing: 'border-box' as const,
    padding: '8px 10px',
    border: `1px solid ${active ? token.colorPrimary : token.colorBorderSecondary}`,
    borderRadius: token.borderRadius,
    background: active ? token.colorPrimaryBg : token.colorBgContainer,
    font: 'inherit',
  };
  return onSelect ? (
    <button type="button" data-testid="report-problem" onClick={onSelect} style={{ ...style, cursor: 'pointer' }} title="点击定位到原文">
      {body}
    </button>
  ) : (
    <div data-testid="report-problem" style={style}>
      {body}
    </div>
  );
}
