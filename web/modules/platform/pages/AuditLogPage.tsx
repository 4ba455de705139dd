import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, Row, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry, AuditQuery } from '../../../../domain/platform/contracts.ts';
import { formatInstant, toDateString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { platformApi } from '../api.ts';

type AuditResult = NonNullable<AuditQuery['result']>;
const results: Record<AuditResult, { label: string; color: string }> = {
  ok: { label: '成功', color: 'success' },
  denied: { label: '拒绝', color: 'warning' },
  failed: { label: '失败', color: 'error' },
};

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;
type FilterValues = { action?: string; actor?: string; result?: AuditResult; range?: [Dayjs, Dayjs] | null };

const columns: TableColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatInstant(at) },
  { title: '操作人', dataIndex: 'actorName', width: 110, render: (name: string | null) => name ?? '—' },
  { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  { title: '操作', dataIndex: 'action', width: 200, render: (action: string) => <Typography.Text code>{action}</Typography.Text> },
  {
    title: '对象',
    key: 'entity',
    width: 160,
    render: (_, e) => (e.entityType ? `${e.entityType}${e.entityId ? ` #${e.entityId}` : ''}` : '—'),
  },
  {
    title: '结果',
    dataIndex: 'result',
    width: 80,
    render: (r: string) => {
      const known = results[r as AuditResult];
      return <Tag color={known?.color}>{known?.label ?? r}</Tag>;
    },
  },
];

const Json = ({ title, value }: { title: string; value: unknown }) => (
  <>
    <Typography.Text strong>{title}</Typography.Text>
    <pre style={{ margin: '4px 0 0', padding: 8, background: '#fafafa', fontSize: 12, maxHeight: 320, overflow: 'auto', whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
      {value === null || value === undefined ? '（无）' : JSON.stringify(value, null, 2)}
    </pre>
  </>
);

export function AuditLogPage() {
  const list = usePagedQuery<AuditEntry, Filters>(['audit'], platformApi.audit, {});
  const [verifying, setVerifying] = useState(false);
  const { modal } = App.useApp();
  const showError = useApiError();

  const onSearch = ({ range, ...rest }: FilterValues) =>
    list.search({
      action: rest.action?.trim() || undefined,
      actor: rest.actor?.trim() || undefined,
      result: rest.result,
      from: toDateString(range?.[0]),
      to: toDateString(range?.[1]),
    });

  const verify = async () => {
    setVerifying(true);
    try {
      const check = await platformApi.verifyAudit();
      if (check.ok) {
        modal.success({ title: '日志完整', content: `已校验 ${check.checked} 条记录，哈希链完整，未发现篡改或缺失。` });
      } else {
        modal.error({
          title: '日志完整性校验未通过',
          width: 560,
          content: (
            <>
              <Typography.Paragraph>
                已校验 {check.checked} 条记录，发现 {check.problems.length} 处问题：
              </Typography.Paragraph>
              <ol style={{ paddingLeft: 20, maxHeight: 360, overflow: 'auto' }}>
                {check.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ol>
            </>
          ),
        });
      }
    } catch (err) {
      showError(err);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <>
      <FilterBar<FilterValues>
        onSearch={onSearch}
        extra={
          <>
            <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify}>
              校验日志完整性
            </Button>
            <LedgerButtons kind="audit-log" title="审计日志" query={list.filters} canImport={false} />
          </>
        }
      >
        <Form.Item name="action" label="操作">
          <Input placeholder="如 auth.login" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="result" label="结果">
          <Select allowClear style={{ width: 100 }} options={Object.entries(results).map(([value, r]) => ({ value, label: r.label }))} />
        </Form.Item>
        <Form.Item name="range" label="日期范围">
          <DatePicker.RangePicker />
        </Form.Item>
      </FilterBar>
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 850 }}
        {...list.table}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Json title="修改前" value={e.before} />
              </Col>
              <Col xs={24} md={12}>
                <Json title="修改后" value={e.after} />
              </Col>
            </Row>
          ),
        }}
      />
    </>
  );
}
