import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Flex, Form, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LeadingGroup, Meeting } from '../../../../domain/org/contracts.ts';
import { meetingKindLabels, meetingKinds } from '../../../../domain/org/rules.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FieldRow, LongTextField, TextField } from '../../../ui/FormFields.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { HeldOnField, NamesInput, NameTags, TextBlock, useRecordActions, useRecordEditing } from '../../../ui/RecordPanel.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { orgApi, orgKeys } from '../api.ts';

type MeetingKind = Meeting['kind'];
type MeetingValues = {
  kind: MeetingKind;
  title: string;
  heldOn: Dayjs;
  place?: string;
  host?: string;
  attendees?: string[];
  minutes?: string;
  decisions?: string;
};

const kindColors: Record<MeetingKind, string> = { special: 'purple', plenary: 'blue', other: 'default' };

/** The group's meetings: a record of when it met, who attended, and what it decided. */
export function MeetingsPanel({ group, canWrite }: { group: LeadingGroup; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const list = usePagedQuery<Meeting, object>(orgKeys.meetings(group.id), (q) => orgApi.meetings({ ...q, leadingGroupId: group.id }), {});
  const editing = useRecordEditing<Meeting>();
  const editingMeeting = editing.record;

  const save = async ({ heldOn, ...rest }: MeetingValues) => {
    const values = { ...rest, heldOn: toDateString(heldOn) ?? todayString() };
    if (editingMeeting) {
      await orgApi.updateMeeting(editingMeeting.id, { ...changedFields(editingMeeting, values), version: editingMeeting.version });
    } else {
      await orgApi.createMeeting({ ...values, orgUnitId: group.orgUnitId, leadingGroupId: group.id });
    }
    await queryClient.invalidateQueries({ queryKey: orgKeys.meetings(group.id) });
  };

  const columns: TableColumnsType<Meeting> = [
    { title: '会议日期', dataIndex: 'heldOn', width: 110 },
    { title: '会议名称', dataIndex: 'title', width: 240 },
    { title: '类型', dataIndex: 'kind', width: 100, render: (k: MeetingKind) => <Tag color={kindColors[k]}>{meetingKindLabels[k]}</Tag> },
    { title: '地点', dataIndex: 'place', width: 140, render: (p: string) => p || '—' },
    { title: '主持人', dataIndex: 'host', width: 90, render: (h: string) => h || '—' },
    { title: '参会人数', key: 'count', width: 90, align: 'right', render: (_, m) => m.attendees.length },
    ...useRecordActions<Meeting>({ canWrite, onEdit: editing.edit }),
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Space wrap>
          <LedgerButtons kind="org-meetings" title={`${group.name}会议`} query={{ ...list.filters, leadingGroupId: group.id }} canImport={false} />
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={editing.create}>
              登记会议
            </Button>
          )}
        </Space>
      </Flex>
      <Table<Meeting>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 850 }}
        {...list.table}
        expandable={{
          expandedRowRender: (m) => (
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'attendees',
                  label: `参会人员（${m.attendees.length}）`,
                  children: <NameTags names={m.attendees} />,
                },
                { key: 'minutes', label: '会议纪要', children: <TextBlock text={m.minutes} /> },
                { key: 'decisions', label: '议定事项', children: <TextBlock text={m.decisions} /> },
              ]}
            />
          ),
        }}
      />

      <FormDrawer<MeetingValues>
        wide
        open={editing.open}
        title={editingMeeting ? '编辑会议' : '登记会议'}
        onClose={editing.close}
        initialValues={
          editingMeeting
            ? {
                kind: editingMeeting.kind,
                title: editingMeeting.title,
                heldOn: dayjs(editingMeeting.heldOn),
                place: editingMeeting.place,
                host: editingMeeting.host,
                attendees: editingMeeting.attendees,
                minutes: editingMeeting.minutes,
                decisions: editingMeeting.decisions,
              }
            : { kind: 'special', heldOn: dayjs(todayString()), title: `${group.name}会议`, attendees: [] }
        }
        onSubmit={save}
      >
        <FieldRow>
          <Form.Item name="kind" label="会议类型" rules={[{ required: true }]}>
            <Select options={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }))} />
          </Form.Item>
          <HeldOnField label="会议日期" />
        </FieldRow>
        <TextField name="title" label="会议名称" max={200} required="请输入会议名称" />
        <FieldRow>
          <TextField name="place" label="地点" max={200} />
          <TextField name="host" label="主持人" max={32} />
        </FieldRow>
        <NamesInput name="attendees" label="参会人员" />
        <LongTextField name="minutes" label="会议纪要" max={20000} rows={[4, 12]} />
        <LongTextField name="decisions" label="议定事项" max={5000} rows={[3, 8]} />
      </FormDrawer>
    </>
  );
}
