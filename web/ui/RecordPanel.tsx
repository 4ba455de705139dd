import { Button, DatePicker, Form, Popconfirm, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useApiError } from './useApiError.ts';

/**
 * The pieces every record panel (会议、民主听证、普法活动 …) is built from: a table whose expanded row shows long
 * texts and name lists, an 编辑/作废 column, and a drawer that creates or edits one record.
 */

/** Which record the drawer is open for: 'new', an existing row, or none. */
export function useRecordEditing<T>() {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    open: editing !== null,
    /** The row being edited (null when creating or closed). */
    record: editing !== 'new' ? editing : null,
    create: () => setEditing('new'),
    edit: (row: T) => setEditing(row),
    close: () => setEditing(null),
  };
}

/** A long text (minutes, decisions, a summary) as written, line breaks kept; — when empty. */
export const TextBlock = ({ text }: { text: string }) =>
  text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph> : <Typography.Text type="secondary">—</Typography.Text>;

/** People named on a record (attendees, participants) as tags; `more` says there were more than those named. */
export function NameTags({ names, more = false }: { names: readonly string[]; more?: boolean }) {
  if (names.length === 0) return '—';
  return (
    <Space size={[4, 4]} wrap>
      {names.map((n) => (
        <Tag key={n}>{n}</Tag>
      ))}
      {more && <Typography.Text type="secondary">等</Typography.Text>}
    </Space>
  );
}

/** A form field for a list of names, typed one after another (Enter, comma, 顿号 or space between them). */
export function NamesInput({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} extra="输入姓名后回车；可用逗号、顿号或空格分隔一次录入多人">
      <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} open={false} placeholder="输入姓名" />
    </Form.Item>
  );
}

/** The day a record took place (held on), required. */
export function HeldOnField({ label }: { label: string }) {
  return (
    <Form.Item name="heldOn" label={label} rules={[{ required: true, message: '请选择日期' }]}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
}

/**
 * The 操作 column of a record table for those who may write: 编辑, and 作废 after a confirmation when the record
 * can be voided (records are never deleted). No column at all for readers.
 */
export function useRecordActions<T extends { id: number }>({
  canWrite,
  onEdit,
  voidRecord,
  fixed,
}: {
  canWrite: boolean;
  onEdit: (row: T) => void;
  /** The question asked before voiding, and the call that voids the row (then refreshes what shows it). */
  voidRecord?: { confirm: string; run: (row: T) => Promise<unknown> };
  fixed?: 'right';
}): TableColumnsType<T> {
  const showError = useApiError();
  if (!canWrite) return [];
  return [
    {
      title: '操作',
      key: 'actions',
      fixed,
      width: voidRecord ? 120 : 80,
      render: (_: unknown, row: T) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => onEdit(row)}>
            编辑
          </Button>
          {voidRecord && (
            <Popconfirm
              title={voidRecord.confirm}
              onConfirm={async () => {
                try {
                  await voidRecord.run(row);
                } catch (err) {
                  showError(err);
                }
              }}
            >
              <Button type="link" size="small" danger>
                作废
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
}
