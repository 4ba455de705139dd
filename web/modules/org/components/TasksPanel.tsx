import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Table, type TableColumnsType, Tag, Timeline, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { LeadingGroup, Task, TaskQuery } from '../../../../domain/org/contracts.ts';
import { type TaskStatus, taskStatuses, taskStatusLabels } from '../../../../domain/org/rules.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { orgApi, orgKeys } from '../api.ts';
import { useOrgUnits } from '../useOrgUnits.ts';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect.tsx';

type Filters = Pick<TaskQuery, 'year' | 'status'>;
type TaskValues = {
  year: number;
  title: string;
  description?: string;
  ownerUnitId?: number;
  ownerName?: string;
  deadline: Dayjs;
  status?: TaskStatus;
};
type ProgressValues = { notedOn: Dayjs; note: string; status?: TaskStatus };

const statusColors: Record<TaskStatus, string> = { pending: 'default', in_progress: 'processing', done: 'success', cancelled: 'default' };
const statusOptions = taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }));

/** 年度工作要点/责任清单: what the group committed to for the year, who owns it, by when, and how it went. */
export function TasksPanel({ group, canWrite }: { group: LeadingGroup; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const { nameOf } = useOrgUnits();
  const list = usePagedQuery<Task, Filters>(orgKeys.tasks(group.id), (q) => orgApi.tasks({ ...q, leadingGroupId: group.id }), {});
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const [noting, setNoting] = useState<Task | null>(null);
  const editingTask = editing !== 'new' ? editing : null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.tasks(group.id) });

  const save = async ({ year, deadline, ...rest }: TaskValues) => {
    const fields = { ...rest, deadline: toDateString(deadline) ?? todayString() };
    if (editingTask) {
      await orgApi.updateTask(editingTask.id, { ...changedFields(editingTask, fields), version: editingTask.version });
    } else {
      await orgApi.createTask({ ...fields, year, leadingGroupId: group.id });
    }
    await refresh();
  };

  const columns: TableColumnsType<Task> = [
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '工作要点', dataIndex: 'title', width: 260 },
    {
      title: '责任单位/责任人',
      key: 'owner',
      width: 170,
      render: (_, t) => [t.ownerUnitId === null ? null : nameOf(t.ownerUnitId), t.ownerName || null].filter(Boolean).join(' / ') || '—',
    },
    {
      title: '完成时限',
      dataIndex: 'deadline',
      width: 110,
      render: (d: string, t) => <Typography.Text type={t.overdue ? 'danger' : undefined}>{d}</Typography.Text>,
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 150,
      render: (s: TaskStatus, t) => (
        <Space size={4}>
          <Tag color={statusColors[s]}>{taskStatusLabels[s]}</Tag>
          {t.overdue && <Tag color="red">已逾期</Tag>}
        </Space>
      ),
    },
    { title: '进展', key: 'progress', width: 70, align: 'right', render: (_, t) => `${t.progress.length} 条` },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, t: Task) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(t)}>
                  编辑
                </Button>
                <Button type="link" size="small" onClick={() => setNoting(t)}>
                  登记进展
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search({ year: f.year ?? undefined, status: f.status })}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新增工作要点
              </Button>
            )}
            <LedgerButtons kind="org-tasks" title={`${group.name}年度重点任务`} query={{ ...list.filters, leadingGroupId: group.id }} canImport={false} />
          </>
        }
      >
        <Form.Item name="year" label="年度">
          <InputNumber min={2000} max={2100} precision={0} placeholder="全部" style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select allowClear placeholder="全部" options={statusOptions} style={{ width: 110 }} />
        </Form.Item>
      </FilterBar>
      <Table<Task>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1000 }}
        {...list.table}
        expandable={{
          expandedRowRender: (t) => (
            <>
              {t.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{t.description}</Typography.Paragraph>}
              {t.progress.length === 0 ? (
                <Typography.Text type="secondary">尚无进展记录</Typography.Text>
              ) : (
                <Timeline
                  items={[...t.progress]
                    .sort((a, b) => a.notedOn.localeCompare(b.notedOn) || a.id - b.id)
                    .map((p) => ({
                      key: p.id,
                      title: p.notedOn,
                      content: (
                        <>
                          <span style={{ whiteSpace: 'pre-wrap' }}>{p.note}</span>
                          {p.notedBy && <Typography.Text type="secondary">（{p.notedBy}）</Typography.Text>}
                        </>
                      ),
                    }))}
                />
              )}
            </>
          ),
        }}
      />

      <FormDrawer<TaskValues>
        open={editing !== null}
        title={editingTask ? '编辑工作要点' : '新增工作要点'}
        onClose={() => setEditing(null)}
        initialValues={
          editingTask
            ? {
                year: editingTask.year,
                title: editingTask.title,
                description: editingTask.description,
                ownerUnitId: editingTask.ownerUnitId ?? undefined,
                ownerName: editingTask.ownerName,
                deadline: dayjs(editingTask.deadline),
                status: editingTask.status,
              }
            : { year: list.filters.year ?? Number(todayString().slice(0, 4)), status: 'pending' }
        }
        onSubmit={save}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="year" label="年度" rules={[{ required: true, message: '请输入年度' }]} extra={editingTask ? '年度创建后不可修改' : undefined}>
              <InputNumber min={2000} max={2100} precision={0} disabled={editingTask !== null} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="工作要点" rules={[{ required: true, whitespace: true, message: '请输入工作要点' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="具体内容" rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="ownerUnitId" label="责任单位">
              <OrgUnitTreeSelect allowClear />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="ownerName" label="责任人" rules={[{ max: 64 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="status" label="状态">
          <Select options={statusOptions} />
        </Form.Item>
      </FormDrawer>

      <FormModal<ProgressValues>
        open={noting !== null}
        title={`登记进展：${noting?.title ?? ''}`}
        successMessage="已登记"
        onClose={() => setNoting(null)}
        initialValues={{ notedOn: dayjs(todayString()) }}
        onSubmit={async ({ notedOn, note, status }) => {
          if (!noting) return;
          await orgApi.addProgress(noting.id, { notedOn: toDateString(notedOn) ?? todayString(), note, status, version: noting.version });
          await refresh();
        }}
      >
        <Form.Item name="notedOn" label="进展日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="进展情况" rules={[{ required: true, whitespace: true, message: '请填写进展情况' }, { max: 2000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="status" label="更新状态" extra="不选则状态不变">
          <Select allowClear options={statusOptions} placeholder={noting ? `当前：${taskStatusLabels[noting.status]}` : undefined} />
        </Form.Item>
      </FormModal>
    </>
  );
}
