import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Tag, Tree } from 'antd';
import { useState } from 'react';
import type { OrgUnit } from '../../../../domain/org/contracts.ts';
import { canContain, type OrgUnitKind, orgUnitKindLabels, orgUnitKinds } from '../../../../domain/org/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { orgApi, orgKeys } from '../api.ts';
import type { OrgTreeNode } from '../orgTree.ts';
import { useOrgUnits } from '../useOrgUnits.ts';

type UnitValues = { kind: OrgUnitKind; name: string; code?: string; sortOrder?: number };
type Editing = { mode: 'create'; parent: OrgUnit } | { mode: 'edit'; unit: OrgUnit } | null;

const kindColors: Record<OrgUnitKind, string> = { city: 'magenta', county: 'purple', town: 'blue', village: 'green', community: 'cyan', department: 'orange' };

export function OrgTreePage() {
  const access = useAccess();
  const { tree, byId, nameOf, isPending } = useOrgUnits();
  const queryClient = useQueryClient();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [voiding, setVoiding] = useState<OrgUnit | null>(null);

  const selected = selectedId === null ? undefined : byId.get(selectedId);
  const childCount = selected ? [...byId.values()].filter((u) => u.parentId === selected.id).length : 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.units });

  const saveUnit = async (values: UnitValues) => {
    if (editing?.mode === 'create') {
      const created = await orgApi.createUnit({ ...values, code: values.code || undefined, parentId: editing.parent.id });
      await refresh();
      setSelectedId(created.id);
    } else if (editing?.mode === 'edit') {
      const { unit } = editing;
      const { kind: _kind, ...editable } = values;
      await orgApi.updateUnit(unit.id, { ...changedFields(unit, editable), version: unit.version });
      await refresh();
    }
  };

  const childKinds = editing?.mode === 'create' ? orgUnitKinds.filter((k) => canContain(editing.parent.kind, k)) : orgUnitKinds;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={10} xl={8}>
        <Card title="组织机构" size="small">
          {isPending ? (
            <Spin />
          ) : tree.length === 0 ? (
            <Empty description="暂无单位" />
          ) : (
            <Tree<OrgTreeNode>
              treeData={tree}
              defaultExpandAll
              blockNode
              selectedKeys={selectedId === null ? [] : [selectedId]}
              onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : null)}
              titleRender={(node) => (
                <Space size={4}>
                  <span>{node.unit.name}</span>
                  <Tag color={kindColors[node.unit.kind]} style={{ marginInlineEnd: 0 }}>
                    {orgUnitKindLabels[node.unit.kind]}
                  </Tag>
                </Space>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} md={14} xl={16}>
        <Card
          title={selected ? selected.name : '单位详情'}
          size="small"
          extra={
            selected &&
            access.canManageOrg && (
              <Space wrap>
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  disabled={!orgUnitKinds.some((k) => canContain(selected.kind, k))}
                  onClick={() => setEditing({ mode: 'create', parent: selected })}
                >
                  新增下级单位
                </Button>
                <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', unit: selected })}>
                  编辑
                </Button>
                <Button danger icon={<DeleteOutlined />} onClick={() => setVoiding(selected)}>
                  作废
                </Button>
              </Space>
            )
          }
        >
          {selected ? (
            <Descriptions
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'name', label: '单位名称', children: selected.name },
                { key: 'kind', label: '单位类型', children: orgUnitKindLabels[selected.kind] },
                { key: 'code', label: '单位代码', children: selected.code ?? '—' },
                { key: 'parent', label: '上级单位', children: nameOf(selected.parentId) },
                { key: 'sort', label: '排序', children: selected.sortOrder },
                { key: 'children', label: '下级单位', children: `${childCount} 个` },
              ]}
            />
          ) : (
            <Empty description="在左侧选择一个单位查看详情" />
          )}
        </Card>
      </Col>

      <FormDrawer<UnitValues>
        open={editing !== null}
        title={editing?.mode === 'create' ? `新增下级单位（上级：${editing.parent.name}）` : '编辑单位'}
        onClose={() => setEditing(null)}
        initialValues={
          editing?.mode === 'edit'
            ? { kind: editing.unit.kind, name: editing.unit.name, code: editing.unit.code ?? undefined, sortOrder: editing.unit.sortOrder }
            : { kind: childKinds[0], sortOrder: 0 }
        }
        onSubmit={saveUnit}
      >
        <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
          <Select disabled={editing?.mode === 'edit'} options={childKinds.map((k) => ({ value: k, label: orgUnitKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="name" label="单位名称" rules={[{ required: true, whitespace: true, message: '请输入单位名称' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="code" label="单位代码" rules={[{ max: 32 }]}>
          <Input placeholder="如统一社会信用代码或行政区划代码" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序" tooltip="数字小的排在前面">
          <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </FormDrawer>

      <FormModal<{ reason: string }>
        open={voiding !== null}
        title={`作废单位：${voiding?.name ?? ''}`}
        okText="作废"
        successMessage="已作废"
        onClose={() => setVoiding(null)}
        onSubmit={async ({ reason }) => {
          if (!voiding) return;
          await orgApi.voidUnit(voiding.id, { reason, version: voiding.version });
          setSelectedId(null);
          await refresh();
        }}
      >
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }, { max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </Row>
  );
}
