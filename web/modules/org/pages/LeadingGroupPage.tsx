import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Empty, Form, Input, Result, Select, Space, Spin, Tabs, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { LeadingGroup } from '../../../../domain/org/contracts.ts';
import { useAccess } from '../../../app/auth.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { orgApi, orgKeys } from '../api.ts';
import { MeetingsPanel } from '../components/MeetingsPanel.tsx';
import { MemberHistory } from '../components/MemberHistory.tsx';
import { MembersPanel } from '../components/MembersPanel.tsx';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect.tsx';
import { TasksPanel } from '../components/TasksPanel.tsx';
import { useOrgUnits } from '../useOrgUnits.ts';

type GroupValues = { orgUnitId: number; name: string; establishedOn: Dayjs; office?: string; responsibilities?: string };

export function LeadingGroupPage() {
  const access = useAccess();
  const canWrite = access.canWriteLeadingGroup;
  const queryClient = useQueryClient();
  const { byId } = useOrgUnits();
  // The chosen group lives in the URL, so a link or a reload shows the same group.
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState<LeadingGroup | 'new' | null>(null);
  const { data: groups, isPending } = useQuery({ queryKey: orgKeys.groups, queryFn: async () => (await orgApi.groups()).items });

  const groupId = Number(params.get('group'));
  const group = groups?.find((g) => g.id === groupId) ?? groups?.[0];
  const editingGroup = editing !== 'new' ? editing : null;

  const save = async ({ orgUnitId, establishedOn, ...rest }: GroupValues) => {
    if (editingGroup) {
      await orgApi.updateGroup(editingGroup.id, { ...changedFields(editingGroup, rest), version: editingGroup.version });
    } else {
      const created = await orgApi.createGroup({ ...rest, orgUnitId, establishedOn: toDateString(establishedOn) ?? todayString() });
      setParams({ group: String(created.id) });
    }
    await queryClient.invalidateQueries({ queryKey: orgKeys.groups });
  };

  const createButton = canWrite && (
    <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
      设立领导小组
    </Button>
  );

  let body: React.ReactNode;
  if (isPending) body = <Spin />;
  else if (!group)
    body = (
      <Card>
        <Empty description="尚未设立依法治镇工作领导小组">{createButton}</Empty>
      </Card>
    );
  else
    body = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={
            groups && groups.length > 1 ? (
              <Select
                value={group.id}
                onChange={(id) => setParams({ group: String(id) })}
                options={groups.map((g) => ({ value: g.id, label: `${g.orgUnitName} · ${g.name}` }))}
                style={{ minWidth: 240, maxWidth: '100%' }}
                variant="borderless"
              />
            ) : (
              group.name
            )
          }
          extra={
            canWrite && (
              <Space wrap>
                <Button icon={<EditOutlined />} onClick={() => setEditing(group)}>
                  编辑
                </Button>
                {createButton}
              </Space>
            )
          }
        >
          <Descriptions
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'name', label: '名称', children: group.name },
              { key: 'unit', label: '所属乡镇', children: group.orgUnitName },
              { key: 'established', label: '成立日期', children: group.establishedOn },
              { key: 'office', label: '办公室', children: group.office || '—' },
              {
                key: 'duties',
                label: '工作职责',
                span: 'filled',
                children: group.responsibilities ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{group.responsibilities}</Typography.Paragraph> : '—',
              },
            ]}
          />
        </Card>
        <Card>
          {/* Keyed by group: switching groups starts each panel afresh (page 1, today's date). */}
          <Tabs
            key={group.id}
            items={[
              { key: 'members', label: '成员名单', children: <MembersPanel group={group} canWrite={canWrite} /> },
              { key: 'history', label: '历史沿革', children: <MemberHistory group={group} /> },
              { key: 'meetings', label: '会议', children: <MeetingsPanel group={group} canWrite={canWrite} /> },
              { key: 'tasks', label: '年度工作要点', children: <TasksPanel group={group} canWrite={canWrite} /> },
            ]}
          />
        </Card>
      </Space>
    );

  return (
    <>
      {body}
      <FormDrawer<GroupValues>
        open={editing !== null}
        title={editingGroup ? '编辑领导小组' : '设立领导小组'}
        onClose={() => setEditing(null)}
        initialValues={
          editingGroup
            ? {
                orgUnitId: editingGroup.orgUnitId,
                name: editingGroup.name,
                establishedOn: dayjs(editingGroup.establishedOn),
                office: editingGroup.office,
                responsibilities: editingGroup.responsibilities,
              }
            : { name: '依法治镇工作领导小组', establishedOn: dayjs(todayString()) }
        }
        onSubmit={save}
      >
        <Form.Item
          name="orgUnitId"
          label="所属乡镇"
          rules={[
            { required: true, message: '请选择乡镇' },
            {
              validator: async (_, id: number | undefined) => {
                if (id !== undefined && byId.get(id) && byId.get(id)?.kind !== 'town') throw new Error('领导小组应设在乡镇');
              },
            },
          ]}
        >
          <OrgUnitTreeSelect disabled={editingGroup !== null} />
        </Form.Item>
        <Form.Item name="name" label="小组名称" rules={[{ required: true, whitespace: true, message: '请输入名称' }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="establishedOn" label="成立日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} disabled={editingGroup !== null} />
        </Form.Item>
        <Form.Item name="office" label="办公室设在" rules={[{ max: 200 }]}>
          <Input placeholder="如 镇司法所" />
        </Form.Item>
        <Form.Item name="responsibilities" label="工作职责" rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
      </FormDrawer>
      {!isPending && !groups && <Result status="error" title="加载失败" />}
    </>
  );
}
