import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Power } from '../../../../domain/enforcement/contracts.ts';
import { type PenaltyKind, penaltyKindLabels, penaltyKinds } from '../../../../domain/enforcement/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { enforcementApi, enforcementKeys } from '../api.ts';
import { EnforcementNav } from '../components/EnforcementNav.tsx';

type PowerValues = {
  code: string;
  name: string;
  law: string;
  article: string;
  penaltyKinds: PenaltyKind[];
  penaltyRange: string;
  fineMin?: number | null;
  fineMax?: number | null;
  discretion?: string;
  fiveYearLimitation?: boolean;
  delegatedFrom?: string;
  active?: boolean;
};

/** 权责清单: each penalty power with its legal basis, range and discretion benchmark (裁量基准). */
export function PowersPage() {
  const access = useAccess();
  const queryClient = useQueryClient();
  const { data, isFetching } = useQuery({ queryKey: enforcementKeys.powers, queryFn: async () => (await enforcementApi.powers()).items });
  const bodies = useQuery({ queryKey: enforcementKeys.bodies, queryFn: async () => (await enforcementApi.bodies()).items });
  const [editing, setEditing] = useState<Power | 'new' | null>(null);
  const editingPower = editing !== 'new' ? editing : null;

  const columns: TableColumnsType<Power> = [
    { title: '编码', dataIndex: 'code', width: 100 },
    { title: '处罚事项', dataIndex: 'name', width: 260 },
    { title: '法律依据', key: 'law', width: 220, render: (_, p) => `${p.law}${p.article}` },
    { title: '处罚种类', dataIndex: 'penaltyKinds', width: 160, render: (ks: PenaltyKind[]) => ks.map((k) => <Tag key={k}>{penaltyKindLabels[k]}</Tag>) },
    { title: '处罚幅度', dataIndex: 'penaltyRange', width: 260 },
    { title: '裁量基准', dataIndex: 'discretion', width: 220 },
    {
      title: '状态',
      key: 'active',
      width: 120,
      render: (_, p) => (
        <Space size={4} wrap>
          <Tag color={p.active ? 'success' : 'default'}>{p.active ? '启用' : '停用'}</Tag>
          {p.fiveYearLimitation && <Tag color="orange">五年追责</Tag>}
        </Space>
      ),
    },
    ...(access.canManageEnforcement
      ? [
          {
            title: '操作',
            key: 'op',
            width: 80,
            render: (_: unknown, p: Power) => (
              <Button type="link" size="small" onClick={() => setEditing(p)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <EnforcementNav />
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text type="secondary">依据《行政处罚法》第二十四条赋予乡镇的行政处罚权，共 {data?.filter((p) => p.active).length ?? 0} 项（启用）。</Typography.Text>
        <Space wrap>
          <LedgerButtons kind="enforcement-powers" title="行政处罚权责清单" canImport={false} />
          {access.canManageEnforcement && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增处罚事项
            </Button>
          )}
        </Space>
      </Space>
      <Table<Power> rowKey="id" size="middle" columns={columns} dataSource={data ?? []} loading={isFetching} scroll={{ x: 1400 }} pagination={{ pageSize: 20 }} />
      <FormDrawer<PowerValues>
        open={editing !== null}
        wide
        title={editingPower ? `编辑：${editingPower.name}` : '新增处罚事项'}
        onClose={() => setEditing(null)}
        initialValues={editingPower ? { ...editingPower, discretion: editingPower.discretion } : { penaltyKinds: ['fine'], active: true }}
        onSubmit={async (v) => {
          if (editingPower) await enforcementApi.updatePower(editingPower.id, { ...changedFields(editingPower, v), version: editingPower.version });
          else await enforcementApi.createPower({ ...v, bodyId: bodies.data?.[0]?.id ?? 0 });
          await queryClient.invalidateQueries({ queryKey: enforcementKeys.powers });
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label="编码" rules={[{ required: true }, { pattern: /^[A-Za-z0-9\-_]+$/, message: '字母、数字、- _' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label="处罚事项" rules={[{ required: true, whitespace: true }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item name="law" label="法律法规" rules={[{ required: true, whitespace: true }]}>
              <Input placeholder="《中华人民共和国……法》" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item name="article" label="条款" rules={[{ required: true, whitespace: true }]}>
              <Input placeholder="第……条" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="penaltyKinds" label="处罚种类" rules={[{ required: true }]}>
          <Select mode="multiple" options={penaltyKinds.map((k) => ({ value: k, label: penaltyKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="penaltyRange" label="处罚幅度" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="fineMin" label="罚款下限（元）">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="fineMax" label="罚款上限（元）">
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="discretion" label="裁量基准">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="delegatedFrom" label="原实施部门">
          <Input />
        </Form.Item>
        <Space size={24}>
          <Form.Item name="fiveYearLimitation" label="五年追责期限（涉及生命健康、金融安全）" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </FormDrawer>
    </>
  );
}
