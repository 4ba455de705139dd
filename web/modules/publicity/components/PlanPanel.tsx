import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Form, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Plan, Responsibility } from '../../../../domain/publicity/contracts.ts';
import { todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { useRecordActions } from '../../../ui/RecordPanel.tsx';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { useOrgUnits } from '../../org/useOrgUnits.ts';
import { publicityApi, publicityKeys } from '../api.ts';
import { lawName, useLawCatalog } from '../useLawCatalog.ts';
import { LawWarnings } from './LawWarnings.tsx';

type PlanValues = { orgUnitId: number; title: string; content?: string };
type ResponsibilityValues = { body: string; unitId?: number | null; lawIds: number[]; tasks?: string; audience?: string };

/** The yearly 普法计划 and its 责任清单 (谁执法谁普法: which body publicises which laws, to whom). */
export function PlanPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { units } = useOrgUnits();
  const laws = useLawCatalog();
  const { data: all, isFetching } = useQuery({ queryKey: publicityKeys.plans, queryFn: async () => (await publicityApi.plans()).items });
  const thisYear = Number(todayString().slice(0, 4));
  const years = [...new Set([thisYear, ...(all ?? []).map((p) => p.year)])].sort((a, b) => b - a);
  // The year chosen, else the latest year that has a plan.
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? (all ?? []).map((p) => p.year).sort((a, b) => b - a)[0] ?? thisYear;
  const plans = (all ?? []).filter((p) => p.year === year);
  const [editingPlan, setEditingPlan] = useState<Plan | 'new' | null>(null);
  const [editingResp, setEditingResp] = useState<{ plan: Plan; row: Responsibility | null } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: publicityKeys.all });
  const planRow = editingPlan !== 'new' ? editingPlan : null;
  const defaultUnit = units.length === 1 ? units[0]?.id : units.find((u) => u.kind === 'town')?.id;

  const responsibilityActions = useRecordActions<Responsibility>({
    canWrite,
    onEdit: (r) => setEditingResp({ plan: plans.find((p) => p.responsibilities.some((x) => x.id === r.id)) as Plan, row: r }),
    voidRecord: {
      confirm: '从责任清单中作废此条？',
      run: async (r) => {
        await publicityApi.voidResponsibility(r.id, { reason: '调整责任清单', version: r.version });
        await refresh();
      },
    },
  });

  const columns: TableColumnsType<Responsibility> = [
    { title: '责任单位', dataIndex: 'body', width: 140 },
    {
      title: '负责宣传的法律法规',
      key: 'laws',
      width: 300,
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.laws.map((l) => (
            <Tag key={l.id} color={l.repealedOn ? 'red' : 'blue'}>
              {lawName(l)}
            </Tag>
          ))}
        </Space>
      ),
    },
    { title: '普法任务', dataIndex: 'tasks', width: 260 },
    { title: '普法对象', dataIndex: 'audience', width: 140 },
    ...responsibilityActions,
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Flex justify="space-between" wrap gap={8}>
        <Space>
          <Typography.Text>年度</Typography.Text>
          <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 110 }} />
        </Space>
        <Space wrap>
          {canWrite && (
            <Button icon={<PlusOutlined />} onClick={() => setEditingPlan('new')}>
              制定{year}年普法计划
            </Button>
          )}
          <LedgerButtons kind="publicity-plans" title={`${year}年普法责任清单`} query={{ year }} canImport={false} />
        </Space>
      </Flex>
      {!isFetching && plans.length === 0 && <Empty description={`${year}年尚无普法计划`} />}
      {plans.map((plan) => (
        <Card
          key={plan.id}
          title={plan.title}
          extra={
            canWrite && (
              <Space wrap>
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditingPlan(plan)}>
                  编辑计划
                </Button>
                <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditingResp({ plan, row: null })}>
                  新增责任单位
                </Button>
              </Space>
            )
          }
        >
          <Typography.Paragraph type="secondary">{plan.unitName}</Typography.Paragraph>
          {plan.content && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{plan.content}</Typography.Paragraph>}
          <LawWarnings warnings={plan.lawWarnings} style={{ marginBottom: 12 }} />
          <Typography.Title level={5}>普法责任清单（谁执法谁普法）</Typography.Title>
          <Table<Responsibility> rowKey="id" size="small" columns={columns} dataSource={plan.responsibilities} pagination={false} scroll={{ x: 960 }} />
        </Card>
      ))}

      <FormDrawer<PlanValues>
        open={editingPlan !== null}
        title={planRow ? '编辑普法计划' : `制定${year}年普法计划`}
        onClose={() => setEditingPlan(null)}
        initialValues={planRow ? planRow : { orgUnitId: defaultUnit, title: `${year}年普法依法治理工作计划` }}
        onSubmit={async (v) => {
          if (planRow) await publicityApi.updatePlan(planRow.id, { title: v.title, content: v.content, version: planRow.version });
          else await publicityApi.createPlan({ ...v, year });
          await refresh();
        }}
      >
        <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgUnitTreeSelect disabled={planRow !== null} />
        </Form.Item>
        <Form.Item name="title" label="计划名称" rules={[{ required: true, whitespace: true, message: '请填写计划名称' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label="计划内容" rules={[{ max: 50000 }]}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} />
        </Form.Item>
      </FormDrawer>

      <FormDrawer<ResponsibilityValues>
        open={editingResp !== null}
        title={editingResp?.row ? '编辑责任单位' : '新增责任单位'}
        onClose={() => setEditingResp(null)}
        initialValues={
          editingResp?.row
            ? {
                body: editingResp.row.body,
                unitId: editingResp.row.unitId,
                lawIds: editingResp.row.laws.map((l) => l.id),
                tasks: editingResp.row.tasks,
                audience: editingResp.row.audience,
              }
            : { lawIds: [] }
        }
        onSubmit={async (v) => {
          if (!editingResp) return;
          if (editingResp.row) await publicityApi.updateResponsibility(editingResp.row.id, { ...v, unitId: v.unitId ?? null, version: editingResp.row.version });
          else await publicityApi.addResponsibility(editingResp.plan.id, { ...v, unitId: v.unitId ?? null });
          await refresh();
        }}
      >
        <Form.Item
          name="body"
          label="责任单位"
          rules={[{ required: true, whitespace: true, message: '请填写责任单位' }, { max: 100 }]}
          extra="可以是本镇部门，也可以是派出所、市场监管所等驻镇单位"
        >
          <Input />
        </Form.Item>
        <Form.Item name="unitId" label="对应本平台单位（如有）">
          <OrgUnitTreeSelect allowClear />
        </Form.Item>
        <Form.Item name="lawIds" label="负责宣传的法律法规" rules={[{ required: true, message: '请选择法律法规' }]}>
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={laws.options} />
        </Form.Item>
        <Form.Item name="tasks" label="普法任务" rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="audience" label="普法对象" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </FormDrawer>
    </Space>
  );
}
