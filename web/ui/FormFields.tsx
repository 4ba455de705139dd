import { Col, Form, Input, Row } from 'antd';
import { Children, type ReactNode } from 'react';

/**
 * The fields every record form repeats: a line of text or a long text, each with its length limit, and two fields
 * side by side on a wide screen (one under the other on a phone).
 */

/** Two (or more) fields sharing a row equally from the sm breakpoint up, each the full width on a phone. */
export function FieldRow({ children }: { children: ReactNode }) {
  const fields = Children.toArray(children);
  return (
    <Row gutter={12}>
      {fields.map((field, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the fields of a row are fixed in the markup, never reordered.
        <Col key={i} xs={24} sm={24 / fields.length}>
          {field}
        </Col>
      ))}
    </Row>
  );
}

/** A line of text up to `max` characters; `required` is what the clerk is told when it is left blank. */
export function TextField({ name, label, max, required, placeholder }: { name: string; label: ReactNode; max: number; required?: string; placeholder?: string }) {
  return (
    <Form.Item name={name} label={label} rules={[...(required ? [{ required: true, whitespace: true, message: required }] : []), { max }]}>
      <Input placeholder={placeholder} />
    </Form.Item>
  );
}

/** A long text (minutes, a summary) up to `max` characters, growing from `rows[0]` to `rows[1]` lines. */
export function LongTextField({ name, label, max, rows }: { name: string; label: ReactNode; max: number; rows: [number, number] }) {
  return (
    <Form.Item name={name} label={label} rules={[{ max }]}>
      <Input.TextArea autoSize={{ minRows: rows[0], maxRows: rows[1] }} />
    </Form.Item>
  );
}
