import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Disclosure, VillageListQuery } from '../../../../domain/villages/contracts.ts';
import { Attachments } from '../../../ui/Attachments.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { villagesApi, villagesKeys } from '../api.ts';
import { useDictionary } from '../useDictionary.ts';
import { useVillages } from '../useVillages.ts';

type Filters = Pick<VillageListQuery, 'orgUnitId' | 'year' | 'q'>;
type DisclosureValues = { orgUnitId: number; kind: string; title: string; content?: string; period?: string; publishedOn: Dayjs; channel: string };

/** 村务、财务公开: what was published, for which period, when and where. */
export function DisclosuresPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { options: villageOptions, single } = useVillages();
  const kinds = useDictionary('villages.disclosure_kind');
  const list = usePagedQuery<Disclosure, Filters>([...villagesKeys.disclosures], (q) => villagesApi.disclosures(q), {});
  const [editing, setEditing] = useState<Disclosure | 'new' | null>(null);
  const editingRow = editing !== 'new' ? editing : null;

  const columns: TableColumnsType<Disclosure> = [
    { title: '公开日期', dataIndex: 'publishedOn', width: 110 },
    { title: '村（社区）', dataIndex: 'villageName', width: 110 },
    { title: '类别', dataIndex: 'kindLabel', width: 100, render: (k: string) => <Tag>{k}</Tag> },
    { title: '公开事项', dataIndex: 'title', width: 240 },
    { title: '所属期间', dataIndex: 'period', width: 130, render: (p: string) => p || '—' },
    { title: '公开地点/方式', dataIndex: 'channel', width: 180 },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 70,
            render: (_: unknown, d: Disclosure) => (
              <Button type="link" size="small" onClick={() => setEditing(d)}>
                编辑
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search({ orgUnitId: f.orgUnitId, year: f.year ?? undefined, q: f.q || undefined })}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                登记公开
              </Button>
            )}
            <LedgerButtons kind="village-disclosures" title="村务财务公开台账" query={list.filters} canImport={false} />
          </>
        }
      >
        <Form.Item name="orgUnitId" label="村">
          <Select allowClear placeholder="全部" options={villageOptions} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} precision={0} placeholder="全部" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="q" label="关键词">
          <Input allowClear style={{ width: 150 }} />
        </Form.Item>
      </FilterBar>
      <Table<Disclosure>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 950 }}
        {...list.table}
        expandable={{
          expandedRowRender: (d) => (
            <>
              {d.content ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.content}</Typography.Paragraph> : null}
              <Attachments entityType="village_disclosure" entityId={String(d.id)} orgUnitId={d.orgUnitId} canWrite={canWrite} label="上传公开栏照片" />
            </>
          ),
        }}
      />
      <FormDrawer<DisclosureValues>
        open={editing !== null}
        title={editingRow ? '编辑公开记录' : '登记村务/财务公开'}
        onClose={() => setEditing(null)}
        initialValues={
          editingRow
            ? { ...editingRow, publishedOn: dayjs(editingRow.publishedOn) }
            : { orgUnitId: single?.orgUnitId, kind: 'finance', publishedOn: dayjs(todayString()), channel: '村务公开栏' }
        }
        onSubmit={async ({ publishedOn, orgUnitId, ...rest }) => {
          const values = { ...rest, publishedOn: toDateString(publishedOn) ?? todayString() };
          if (editingRow) await villagesApi.updateDisclosure(editingRow.id, { ...changedFields(editingRow, values), version: editingRow.version });
          else await villagesApi.createDisclosure({ ...values, orgUnitId });
          await queryClient.invalidateQueries({ queryKey: villagesKeys.all });
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="orgUnitId" label="村（社区）" rules={[{ required: true, message: '请选择村' }]}>
              <Select options={villageOptions} disabled={editingRow !== null} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
              <Select options={kinds.options} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="公开事项" rules={[{ required: true, whitespace: true, message: '请填写公开事项' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="publishedOn" label="公开日期" rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="period" label="所属期间" rules={[{ max: 64 }]}>
              <Input placeholder="如 2024年第四季度" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="channel" label="公开地点/方式" rules={[{ required: true, whitespace: true, message: '请填写公开地点或方式' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label="公开内容" rules={[{ max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
