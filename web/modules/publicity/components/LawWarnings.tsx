import { Alert } from 'antd';
import type { LawWarning } from '../../../../domain/publicity/rules.ts';

/** The repealed-law warning: which law, since when, and what replaced it. */
export function LawWarnings({ warnings, style }: { warnings: readonly LawWarning[]; style?: React.CSSProperties }) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={style}
      title="涉及已废止的法律"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((w) => (
            <li key={w.lawId}>{w.message}。宣传内容请以现行法律为准。</li>
          ))}
        </ul>
      }
    />
  );
}
