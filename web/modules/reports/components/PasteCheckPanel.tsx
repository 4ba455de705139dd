import { SafetyOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea.js';
import { useEffect, useRef, useState } from 'react';
import { useApiError } from '../../../ui/useApiError.ts';
import { type Problem, reportsApi } from '../api.ts';
import { useDataYear } from '../useDataYear.ts';
import { useReportOrgs, yearOptions } from '../useReportOrgs.ts';
import { ProblemList } from './ProblemList.tsx';

type Values = { org: number; year: number; text: string };

/**
 * 体检粘贴文字: any text (last year's hand-written report, a draft from Word) checked against the records of an org
 * and year — figures that disagree, rates computed wrongly, repealed laws, non-standard terms.
 */
export function PasteCheckPanel() {
  const orgs = useReportOrgs();
  const [form] = Form.useForm<Values>();
  const showError = useApiError();
  const [result, setResult] = useState<{ text: string; problems: Problem[] } | null>(null);
  const [checking, setChecking] = useState(false);
  const [active, setActive] = useState<number | null>(null);
  const area = useRef<TextAreaRef>(null);
  const dataYear = useDataYear(orgs.defaultOrgId);
  // The year arrives after the form is drawn: fill it in unless the user has already picked one.
  useEffect(() => {
    if (dataYear.year !== undefined && !form.isFieldTouched('year')) form.setFieldValue('year', dataYear.year);
  }, [dataYear.year, form]);

  const run = async (v: Values) => {
    setChecking(true);
    try {
      const { problems } = await reportsApi.check({ org: String(v.org), year: v.year, text: v.text });
      setResult({ text: v.text, problems });
      setActive(null);
    } catch (err) {
      showError(err, form);
    } finally {
      setChecking(false);
    }
  };

  /** Select the problem's words in the pasted text (while the text is still the one checked). */
  const select = (i: number) => {
    setActive(i);
    const p = result?.problems[i];
    const el = area.current?.resizableTextArea?.textArea;
    if (!p || !el || el.value !== result?.text) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(p.at, p.at + p.excerpt.length);
    // Put the selection in view: the caret line's share of the text approximates its height in the box.
    const before = el.value.slice(0, p.at).split('\n').length;
    const lines = el.value.split('\n').length;
    el.scrollTop = Math.max(0, (before / lines) * el.scrollHeight - el.clientHeight / 2);
    el.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card size="small">
          <Form<Values> form={form} layout="vertical" onFinish={run} initialValues={{ org: orgs.defaultOrgId, year: dataYear.year }}>
            <Typography.Paragraph type="secondary">
              把已写好的报告文字（如上一年手写的报告）粘贴到下面，系统按所选单位和年度的业务记录核对其中的数字和比率，并检查是否引用了已废止的法律、用语是否规范。
            </Typography.Paragraph>
            <Row gutter={12}>
              <Col xs={24} sm={14}>
                <Form.Item name="org" label="核对单位" rules={[{ required: true, message: '请选择单位' }]}>
                  <Select options={orgs.options.map((o) => ({ value: o.value, label: o.label }))} loading={orgs.isPending} showSearch={{ optionFilterProp: 'label' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={10}>
                <Form.Item name="year" label="报告年度" rules={[{ required: true, message: '请选择年度' }]}>
                  <Select options={yearOptions(dataYear.years)} />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="text" label="报告文字" rules={[{ required: true, whitespace: true, message: '请粘贴要体检的文字' }]}>
              <Input.TextArea ref={area} autoSize={{ minRows: 10, maxRows: 24 }} maxLength={100000} showCount placeholder="在此粘贴报告全文" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SafetyOutlined />} loading={checking}>
              开始体检
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="体检结果">
          {result ? (
            <ProblemList problems={result.problems} onSelect={select} active={active} context="text" />
          ) : (
            <Typography.Text type="secondary">粘贴文字后点击「开始体检」。</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
