import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, Descriptions, Form, Input, InputNumber, Row, Select, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Hearing, VillageListQuery } from '../../../../domain/villages/contracts.ts';
import { Attachments } from '../../../ui/Attachments.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FieldRow, LongTextField, TextField } from '../../../ui/FormFields.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { HeldOnField, NamesInput, NameTags, TextBlock, useRecordActions, useRecordEditing } from '../../../ui/RecordPanel.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { villagesApi, villagesKeys } from '../api.ts';
import { useVillages } from '../useVillages.ts';

type Filters = Pick<VillageListQuery, 'orgUnitId' | 'year' | 'q'>;
type HearingValues = {
  orgUnitId: number;
  topic: string;
  heldOn: Dayjs;
  place?: string;
  presidedBy: string;
  participants?: string[];
  participantCount: number;
  decision?: string;
  minutes?: string;
};

/** 民主听证: what was heard, when, who presided, who took part, what was decided, with the minutes and files. */
export function HearingsPanel({ canWrite }: { canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { options: villageOptions, single } = useVillages();
  const list = usePagedQuery<Hearing, Filters>([...villagesKeys.hearings], (q) => villagesApi.hearings(q), {});
  const editing = useRecordEditing<Hearing>();
  const editingHearing = editing.record;
  const refresh = () => queryClient.invalidateQueries({ queryKey: villagesKeys.all });

  const columns: TableColumnsType<Hearing> = [
    { title: '听证日期', dataIndex: 'heldOn', width: 110 },
    { title: '村（社区）', dataIndex: 'villageName', width: 110 },
    { title: '听证事项', dataIndex: 'topic', width: 240 },
    { title: '主持人', dataIndex: 'presidedBy', width: 90 },
    { title: '参加人数', dataIndex: 'participantCount', width: 90, align: 'right' },
    { title: '听证结果', dataIndex: 'decision', width: 260, ellipsis: true },
    ...useRecordActions<Hearing>({
      canWrite,
      onEdit: editing.edit,
      voidRecord: {
        confirm: '作废这条听证记录？',
        run: async (h) => {
          await villagesApi.voidHearing(h.id, { reason: '登记有误，作废', version: h.version });
          await refresh();
        },
      },
    }),
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search({ orgUnitId: f.orgUnitId, year: f.year ?? undefined, q: f.q || undefined })}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={editing.create}>
                登记民主听证
              </Button>
            )}
            <LedgerButtons kind="village-hearings" title="民主听证台账" query={list.filters} canImport={canWrite} onImported={refresh} />
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
          <Input allowClear placeholder="事项或结果" style={{ width: 150 }} />
        </Form.Item>
      </FilterBar>
      <Table<Hearing>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1000 }}
        {...list.table}
        expandable={{
          expandedRowRender: (h) => (
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'place', label: '地点', children: h.place || '—' },
                {
                  key: 'participants',
                  label: `参加人员（${h.participantCount} 人）`,
                  children: <NameTags names={h.participants} more={h.participantCount > h.participants.length} />,
                },
                { key: 'decision', label: '听证结果', children: <TextBlock text={h.decision} /> },
                { key: 'minutes', label: '听证记录', children: <TextBlock text={h.minutes} /> },
                {
                  key: 'files',
                  label: '附件',
                  children: <Attachments entityType="village_hearing" entityId={String(h.id)} orgUnitId={h.orgUnitId} canWrite={canWrite} label="上传记录、签到表、照片" />,
                },
              ]}
            />
          ),
        }}
      />

      <FormDrawer<HearingValues>
        wide
        open={editing.open}
        title={editingHearing ? '编辑民主听证' : '登记民主听证'}
        onClose={editing.close}
        initialValues={
          editingHearing
            ? { ...editingHearing, heldOn: dayjs(editingHearing.heldOn) }
            : { orgUnitId: single?.orgUnitId, heldOn: dayjs(todayString()), participants: [], presidedBy: single?.profile.partySecretary || undefined }
        }
        onSubmit={async ({ heldOn, orgUnitId, ...rest }) => {
          const values = { ...rest, heldOn: toDateString(heldOn) ?? todayString() };
          if (editingHearing) await villagesApi.updateHearing(editingHearing.id, { ...changedFields(editingHearing, values), version: editingHearing.version });
          else await villagesApi.createHearing({ ...values, orgUnitId });
          await refresh();
        }}
      >
        <FieldRow>
          <Form.Item name="orgUnitId" label="村（社区）" rules={[{ required: true, message: '请选择村' }]}>
            <Select options={villageOptions} disabled={editingHearing !== null} />
          </Form.Item>
          <HeldOnField label="听证日期" />
        </FieldRow>
        <TextField name="topic" label="听证事项" max={200} required="请填写听证事项" />
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <TextField name="place" label="地点" max={200} />
          </Col>
          <Col xs={12} sm={6}>
            <TextField name="presidedBy" label="主持人" max={32} required="请填写主持人" />
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="participantCount" label="参加人数" rules={[{ required: true, message: '请填写人数' }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <NamesInput name="participants" label="参加人员（代表）" />
        <LongTextField name="decision" label="听证结果（决定事项）" max={5000} rows={[3, 8]} />
        <LongTextField name="minutes" label="听证记录" max={20000} rows={[3, 12]} />
      </FormDrawer>
    </>
  );
}
