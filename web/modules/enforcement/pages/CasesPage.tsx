import { PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CaseListItem, CaseQuery } from '../../../../domain/enforcement/contracts.ts';
import { type CaseStatus, caseStatuses, caseStatusLabels, type PenaltyKind, procedureLabels } from '../../../../domain/enforcement/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { enforcementApi, enforcementKeys } from '../api.ts';
import { blank, ClueDrawer, PartyFields, type PartyValues, PowerSelect, partyBody } from '../components/CaseForms.tsx';
import { EnforcementNav } from '../components/EnforcementNav.tsx';
import { OfficerSelect } from '../components/OfficerSelect.tsx';

type Filters = Pick<CaseQuery, 'q' | 'status' | 'attention' | 'procedure'>;
type SimpleValues = PartyValues & {
  powerId: number;
  summary: string;
  actPlace?: string;
  decidedOn: Dayjs;
  officerIds: number[];
  kinds: PenaltyKind[];
  fineAmount?: number;
  facts: string;
  basis: string;
  paymentMethod?: 'bank' | 'electronic' | 'on_spot';
  paidOn?: Dayjs;
};

const statusColor: Partial<Record<CaseStatus, string>> = {
  clue: 'default',
  filing: 'gold',
  investigating: 'processing',
  reviewing: 'purple',
  notified: 'cyan',
  decided: 'blue',
  served: 'geekblue',
  closed: 'green',
  archived: 'success',
  not_filed: 'default',
};

/** What needs doing: the next step, the nearest deadline (red when overdue), and why the case is blocked. */
export function AgendaCell({ c }: { c: Pick<CaseListItem, 'agenda'> }) {
  const d = [...c.agenda.deadlines].sort((a, b) => a.due.localeCompare(b.due))[0];
  return (
    <Space orientation="vertical" size={2}>
      {c.agenda.next && <Typography.Text>{c.agenda.next}</Typography.Text>}
      {d && (
        <Tag color={d.overdue ? 'red' : d.daysLeft <= 7 ? 'orange' : 'default'}>
          {d.label}：{d.due}
          {d.overdue ? `（已逾期 ${-d.daysLeft} 天）` : `（剩 ${d.daysLeft} 天）`}
        </Tag>
      )}
      {c.agenda.blocked.length > 0 && (
        <Tooltip title={c.agenda.blocked.join('\n')}>
          <Tag color="volcano">受阻 {c.agenda.blocked.length} 项</Tag>
        </Tooltip>
      )}
    </Space>
  );
}

export function CasesPage() {
  const access = useAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = usePagedQuery<CaseListItem, Filters>(enforcementKeys.cases, enforcementApi.cases, {});
  const [creating, setCreating] = useState<'clue' | 'simple' | null>(null);
  const [simpleForm] = Form.useForm<SimpleValues>();
  const simpleParty = Form.useWatch('partyType', simpleForm);

  const columns: TableColumnsType<CaseListItem> = [
    {
      title: '案件',
      key: 'case',
      width: 260,
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/enforcement/cases/${c.id}`}>{c.summary}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.decisionNumber ?? c.filingNumber ?? `线索 #${c.id}`} · {c.powerName}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '当事人', key: 'party', width: 140, render: (_, c) => c.party.name },
    {
      title: '状态',
      dataIndex: 'status',
      width: 130,
      render: (s: CaseStatus, c) => (
        <Space orientation="vertical" size={2}>
          <Tag color={statusColor[s]}>{caseStatusLabels[s]}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {procedureLabels[c.procedure]}
            {c.imported && ' · 台账导入'}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '待办与期限', key: 'agenda', width: 280, render: (_, c) => <AgendaCell c={c} /> },
    { title: '发现日期', dataIndex: 'discoveredOn', width: 110 },
  ];

  return (
    <>
      <EnforcementNav />
      <FilterBar<Filters>
        onSearch={(f) => list.search({ q: blank(f.q), status: f.status, attention: f.attention, procedure: f.procedure })}
        extra={
          <>
            {access.canWriteEnforcement && (
              <>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating('clue')}>
                  登记线索
                </Button>
                <Button icon={<ThunderboltOutlined />} onClick={() => setCreating('simple')}>
                  当场处罚
                </Button>
              </>
            )}
            {/* Import moves a town's old register of closed cases in; export writes the list as filtered. */}
            <LedgerButtons
              kind="cases"
              title="行政处罚案件台账"
              query={list.filters}
              canImport={access.canWriteEnforcement}
              onImported={() => queryClient.invalidateQueries({ queryKey: enforcementKeys.all })}
            />
          </>
        }
      >
        <Form.Item name="q" label="关键词">
          <Input placeholder="当事人、文号、证件号" allowClear style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="attention" label="关注">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={[
              { value: 'due', label: '7日内到期' },
              { value: 'overdue', label: '已逾期' },
              { value: 'blocked', label: '受阻' },
            ]}
          />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" style={{ width: 130 }} options={caseStatuses.map((s) => ({ value: s, label: caseStatusLabels[s] }))} />
        </Form.Item>
      </FilterBar>
      <Table<CaseListItem> rowKey="id" size="middle" columns={columns} scroll={{ x: 920 }} {...list.table} />

      <ClueDrawer open={creating === 'clue'} onClose={() => setCreating(null)} onSaved={(c) => navigate(`/enforcement/cases/${c.id}`)} />

      <FormDrawer<SimpleValues>
        open={creating === 'simple'}
        title="当场处罚（简易程序）"
        form={simpleForm}
        wide
        onClose={() => setCreating(null)}
        initialValues={{ partyType: 'person', decidedOn: dayjs(todayString()), kinds: ['warning'], fineAmount: 0 }}
        successMessage="已作出当场处罚决定"
        onSubmit={async (v) => {
          const created = await enforcementApi.createSimple({
            ...partyBody(v),
            powerId: v.powerId,
            summary: v.summary,
            actDate: toDateString(v.decidedOn) ?? todayString(),
            actPlace: blank(v.actPlace),
            decidedOn: toDateString(v.decidedOn) ?? todayString(),
            officerIds: v.officerIds ?? [],
            kinds: v.kinds,
            fineAmount: v.fineAmount ?? 0,
            facts: v.facts,
            basis: v.basis,
            paymentMethod: v.paidOn ? v.paymentMethod : undefined,
            paidOn: toDateString(v.paidOn),
          });
          await queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
          navigate(`/enforcement/cases/${created.id}`);
        }}
      >
        <Typography.Paragraph type="secondary">
          仅限违法事实确凿并有法定依据，对公民处 200 元以下、对法人或其他组织处 3000 元以下罚款或者警告（《行政处罚法》第五十一条）；执法人员不得少于两人并出示执法证件。
        </Typography.Paragraph>
        <Form.Item name="powerId" label="执法事项（权责清单）" rules={[{ required: true, message: '请选择执法事项' }]}>
          <PowerSelect />
        </Form.Item>
        <PartyFields partyType={simpleParty} />
        <Form.Item name="summary" label="违法行为摘要" rules={[{ required: true, whitespace: true }, { max: 1000 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="facts" label="违法事实" rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="basis" label="处罚依据" rules={[{ required: true, whitespace: true }, { max: 2000 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="actPlace" label="地点" rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="officerIds" label="执法人员（不少于两人）" rules={[{ required: true, message: '请选择执法人员' }]}>
          <OfficerSelect />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kinds" label="处罚种类" rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={[
                  { value: 'warning', label: '警告' },
                  { value: 'fine', label: '罚款' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="fineAmount" label="罚款金额（元）">
              <InputNumber min={0} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="paymentMethod" label="缴款方式">
              <Select
                allowClear
                options={[
                  { value: 'bank', label: '指定银行缴纳' },
                  { value: 'electronic', label: '电子支付' },
                  { value: 'on_spot', label: '当场收缴（100 元以下）' },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="paidOn" label="缴款日期（已缴时填写）">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      </FormDrawer>
    </>
  );
}
