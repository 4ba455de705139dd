import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Law, LawQuery } from '../../../../domain/publicity/contracts.ts';
import { type LawCategory, lawCategories, lawCategoryLabels } from '../../../../domain/publicity/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { useOrgUnits } from '../../org/useOrgUnits.ts';
import { publicityApi, publicityKeys } from '../api.ts';
import { useLawCatalog } from '../useLawCatalog.ts';

type Filters = Pick<LawQuery, 'q' | 'status' | 'category'>;
type LawValues = {
  orgUnitId?: number;
  title: string;
  shortTitle?: string;
  aliases?: string[];
  category: LawCategory;
  issuingBody: string;
  effectiveOn?: Dayjs | null;
  repealedOn?: Dayjs | null;
  replacedById?: number | null;
  note?: string;
};

/** 法律法规库: each law's issuing body, effective date, repeal date and successor — what the repealed-law warning reads. */
export function LawsPage() {
  const access = useAccess();
  const queryClient = useQueryClient();
  const { units } = useOrgUnits();
  const catalog = useLawCatalog();
  const list = usePagedQuery<Law, Filters>([...publicityKeys.laws], (q) => publicityApi.laws(q), {});
  const [editing, setEditing] = useState<Law | 'new' | null>(null);
  const row = editing !== 'new' ? editing : null;
  // The national catalog (no unit) is the administrator's; a town's own entries are the town's.
  const canEdit = (l: Law) => (l.orgUnitId === null ? access.canManageNationalLaws : access.canWritePublicity);
  const defaultUnit = units.find((u) => u.kind === 'town')?.id;

  const columns: TableColumnsType<Law> = [
    { title: '名称', dataIndex: 'title', width: 260, fixed: 'left' },
    { title: '类别', dataIndex: 'category', width: 90, render: (c: LawCategory) => lawCategoryLabels[c] },
    { title: '制定机关', dataIndex: 'issuingBody', width: 180 },
    { title: '施行日期', dataIndex: 'effectiveOn', width: 105, render: (d: string | null) => d ?? '—' },
    {
      title: '效力',
      key: 'status',
      width: 240,
      render: (_, l) =>
        l.inForce ? (
          <Tag color="green">现行有效</Tag>
        ) : l.repealedOn ? (
          <Space size={4} wrap>
            <Tag color="red">{l.repealedOn} 废止</Tag>
            {l.replacedByTitle && <Typography.Text type="secondary">由《{l.replacedByTitle.replace(/^中华人民共和国/, '')}》取代</Typography.Text>}
          </Space>
        ) : (
          <Tag>尚未施行</Tag>
        ),
    },
    { title: '来源', key: 'source', width: 90, render: (_, l) => (l.orgUnitId === null ? '全国目录' : '本地补充') },
    { title: '备注', dataIndex: 'note', width: 260, ellipsis: true },
    {
      title: '操作',
      key: 'actions',
      width: 70,
      render: (_, l) =>
        canEdit(l) && (
          <Button type="link" size="small" onClick={() => setEditing(l)}>
            编辑
          </Button>
        ),
    },
  ];

  return (
    <Card title="法律法规库">
      <FilterBar<Filters>
        onSearch={(f) => list.search({ q: f.q || undefined, status: f.status, category: f.category })}
        extra={
          <>
            {(access.canWritePublicity || access.canManageNationalLaws) && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新增法律法规
              </Button>
            )}
            {/* The export is publicity's (publicity.read); the administrator maintains the catalog without it. */}
            {access.canReadPublicity && <LedgerButtons kind="publicity-laws" title="法律法规库" query={list.filters} canImport={false} />}
          </>
        }
      >
        <Form.Item name="q" label="名称">
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="status" label="效力">
          <Select
            allowClear
            placeholder="全部"
            options={[
              { value: 'in_force', label: '现行有效' },
              { value: 'repealed', label: '已废止' },
            ]}
            style={{ width: 110 }}
          />
        </Form.Item>
        <Form.Item name="category" label="类别">
          <Select allowClear placeholder="全部" options={lawCategories.map((c) => ({ value: c, label: lawCategoryLabels[c] }))} style={{ width: 120 }} />
        </Form.Item>
      </FilterBar>
      <Table<Law> rowKey="id" size="middle" columns={columns} scroll={{ x: 1300 }} {...list.table} />

      <FormDrawer<LawValues>
        open={editing !== null}
        title={row ? '编辑法律法规' : '新增法律法规'}
        onClose={() => setEditing(null)}
        initialValues={
          row
            ? {
                ...row,
                orgUnitId: row.orgUnitId ?? undefined,
                effectiveOn: row.effectiveOn ? dayjs(row.effectiveOn) : null,
                repealedOn: row.repealedOn ? dayjs(row.repealedOn) : null,
              }
            : { orgUnitId: defaultUnit, category: 'law', aliases: [] }
        }
        onSubmit={async ({ orgUnitId, effectiveOn, repealedOn, ...rest }) => {
          const values = { ...rest, effectiveOn: toDateString(effectiveOn) ?? null, repealedOn: toDateString(repealedOn) ?? null, replacedById: rest.replacedById ?? null };
          if (row) await publicityApi.updateLaw(row.id, { ...changedFields(row, values), version: row.version });
          else await publicityApi.createLaw({ ...values, orgUnitId: orgUnitId as number });
          await queryClient.invalidateQueries({ queryKey: publicityKeys.all });
        }}
      >
        {!row && (
          <Form.Item name="orgUnitId" label="维护单位" rules={[{ required: true, message: '请选择维护单位' }]} extra="本地补充的法律法规由该单位维护">
            <OrgUnitTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="title" label="名称（全称）" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="shortTitle" label="简称" rules={[{ max: 50 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="category" label="类别" rules={[{ required: true }]}>
              <Select options={lawCategories.map((c) => ({ value: c, label: lawCategoryLabels[c] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="aliases" label="别名" extra="文中常见的其他写法，输入后回车">
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="issuingBody" label="制定机关" rules={[{ required: true, whitespace: true, message: '请填写制定机关' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="effectiveOn" label="施行日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="repealedOn" label="废止日期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="replacedById" label="被何法取代">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={catalog.options.filter((o) => o.value !== row?.id)} />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 1000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </FormDrawer>
    </Card>
  );
}
