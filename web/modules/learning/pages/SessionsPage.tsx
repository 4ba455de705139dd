import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Descriptions, Form, Input, Row, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { StudySession, StudySessionQuery } from '../../../../domain/learning/contracts.ts';
import { type SessionKind, sessionKindLabels, sessionKinds } from '../../../../domain/learning/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { Attachments } from '../../../ui/Attachments.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { learningApi, learningKeys } from '../api.ts';
import { fromAttendees, PeopleFields, type PeopleValues, personLabel, toAttendees, usePeople } from '../components/PeopleFields.tsx';
import { SignInModal } from '../components/SignIn.tsx';
import { useHomeUnit } from '../useHomeUnit.ts';

type Filters = Pick<StudySessionQuery, 'year' | 'kind' | 'q'>;
type Values = PeopleValues & {
  orgUnitId: number;
  kind: SessionKind;
  title: string;
  heldOn: Dayjs;
  place?: string;
  lecturer?: string;
  lecturerUserId?: number;
  organiser?: string;
  laws?: string[];
  summary?: string;
};

export const kindColors: Record<SessionKind, string> = {
  center_group: 'red',
  leader_lecture: 'volcano',
  integrity: 'purple',
  enforcement_training: 'blue',
  legal_lecture: 'cyan',
  other: 'default',
};
export const yearOptions = () => {
  const now = Number(todayString().slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => now - i).map((y) => ({ value: y, label: `${y} 年` }));
};

export function SessionsPage() {
  const access = useAccess();
  const canWrite = access.canWriteLearning;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const list = usePagedQuery<StudySession, Filters>(learningKeys.sessions, learningApi.sessions, {});
  const [editing, setEditing] = useState<StudySession | 'new' | null>(null);
  const [signing, setSigning] = useState<StudySession | null>(null);
  const [voiding, setVoiding] = useState<StudySession | null>(null);
  const people = usePeople();
  const [form] = Form.useForm<Values>();
  const homeUnit = useHomeUnit();
  const kind = Form.useWatch('kind', form);
  const editingSession = editing !== 'new' ? editing : null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: learningKeys.all });

  const save = async ({ heldOn, userIds, names, ...rest }: Values) => {
    const attendees = toAttendees({ userIds, names });
    const values = { ...rest, heldOn: toDateString(heldOn) ?? todayString(), laws: rest.laws ?? [] };
    if (editingSession) {
      const { orgUnitId: _unit, ...editable } = values;
      await learningApi.updateSession(editingSession.id, { ...changedFields(editingSession, editable), attendees, version: editingSession.version });
    } else {
      await learningApi.createSession({ ...values, attendees });
    }
    await refresh();
  };

  const columns: TableColumnsType<StudySession> = [
    { title: '日期', dataIndex: 'heldOn', width: 108 },
    { title: '类型', dataIndex: 'kind', width: 170, render: (k: SessionKind) => <Tag color={kindColors[k]}>{sessionKindLabels[k]}</Tag> },
    { title: '学习主题', dataIndex: 'title', width: 300 },
    { title: '主讲人', dataIndex: 'lecturer', width: 110, render: (l: string) => l || '—' },
    { title: '组织单位', dataIndex: 'orgUnitName', width: 120 },
    { title: '参加人次', dataIndex: 'personTimes', width: 90, align: 'right' },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            fixed: 'right' as const,
            render: (_: unknown, s: StudySession) => (
              <Space size={0}>
                {s.heldOn === todayString() && (
                  <Button type="link" size="small" onClick={() => setSigning(s)}>
                    签到
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setEditing(s)}>
                  编辑
                </Button>
                <Button type="link" size="small" danger onClick={() => setVoiding(s)}>
                  作废
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
        onSearch={(f) => list.search({ year: f.year, kind: f.kind, q: f.q?.trim() || undefined })}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                登记学法活动
              </Button>
            )}
            <LedgerButtons kind="study-sessions" title="学法活动台账" query={list.filters} canImport={canWrite} onImported={refresh} />
          </>
        }
      >
        <Form.Item name="year" label="年度">
          <Select allowClear options={yearOptions()} style={{ width: 110 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="kind" label="类型">
          <Select allowClear options={sessionKinds.map((k) => ({ value: k, label: sessionKindLabels[k] }))} style={{ width: 200 }} placeholder="全部" />
        </Form.Item>
        <Form.Item name="q" label="关键词">
          <Input allowClear placeholder="主题、主讲人、法律" style={{ width: 180 }} />
        </Form.Item>
      </FilterBar>
      <Table<StudySession>
        rowKey="id"
        size="middle"
        columns={columns}
        scroll={{ x: 1000 }}
        {...list.table}
        expandable={{
          expandedRowRender: (s) => (
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'attendees',
                  label: `参加人员（${s.personTimes} 人次）`,
                  children: s.attendees.length ? (
                    <Space size={[4, 4]} wrap>
                      {s.attendees.map((a) => (
                        <Tag key={a.id} color={a.userId ? 'blue' : undefined} title={a.orgUnitName ?? undefined}>
                          {a.personName}
                          {a.orgUnitName ? ` · ${a.orgUnitName}` : ''}
                        </Tag>
                      ))}
                    </Space>
                  ) : (
                    '—'
                  ),
                },
                { key: 'laws', label: '学习的法律法规', children: s.laws.length ? s.laws.map((l) => `《${l}》`).join('') : '—' },
                { key: 'place', label: '地点 / 组织者', children: `${s.place || '—'} / ${s.organiser || '—'}` },
                {
                  key: 'summary',
                  label: '学习内容',
                  children: s.summary ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.summary}</Typography.Paragraph> : '—',
                },
                {
                  key: 'files',
                  label: '材料',
                  children: (
                    <Attachments
                      entityType="study_session"
                      entityId={s.id}
                      orgUnitId={s.orgUnitId}
                      canWrite={canWrite}
                      accept={null}
                      emptyText="暂无材料"
                      label="上传材料（课件、签到表、照片）"
                    />
                  ),
                },
              ]}
            />
          ),
        }}
      />

      <SignInModal session={signing} onClose={() => setSigning(null)} />
      <FormDrawer<Values>
        wide
        form={form}
        open={editing !== null}
        title={editingSession ? '编辑学法活动' : '登记学法活动'}
        onClose={() => setEditing(null)}
        initialValues={
          editingSession
            ? {
                orgUnitId: editingSession.orgUnitId,
                kind: editingSession.kind,
                title: editingSession.title,
                heldOn: dayjs(editingSession.heldOn),
                place: editingSession.place,
                lecturer: editingSession.lecturer,
                lecturerUserId: editingSession.lecturerUserId ?? undefined,
                organiser: editingSession.organiser,
                laws: editingSession.laws,
                summary: editingSession.summary,
                ...fromAttendees(editingSession.attendees),
              }
            : { kind: 'center_group', orgUnitId: homeUnit, heldOn: dayjs(todayString()), laws: [], userIds: [], names: [] }
        }
        onSubmit={save}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label="活动类型" rules={[{ required: true }]}>
              <Select options={sessionKinds.map((k) => ({ value: k, label: sessionKindLabels[k] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="heldOn" label="活动日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label="学习主题" rules={[{ required: true, whitespace: true, message: '请填写学习主题' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="orgUnitId" label="组织单位" rules={[{ required: true, message: '请选择组织单位' }]}>
              <OrgUnitTreeSelect disabled={editingSession !== null} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="organiser" label="组织者" rules={[{ max: 64 }]}>
              <Input placeholder="如：镇党委、综合执法大队" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="lecturerUserId" label="主讲人（账号）" extra={kind === 'leader_lecture' ? '党政主要负责人讲法治课：请选择讲课的领导' : undefined}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(people.data ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))}
                onChange={(id) => {
                  const p = people.data?.find((x) => x.id === id);
                  if (p) form.setFieldValue('lecturer', p.displayName);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="lecturer"
              label="主讲人"
              rules={[{ max: 32 }, { required: kind === 'leader_lecture' || kind === 'legal_lecture', whitespace: true, message: '讲法治课、法治讲座须填写主讲人' }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="place" label="地点" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="laws" label="学习的法律法规" extra="输入法律名称后回车，可录入多部">
          <Select mode="tags" tokenSeparators={['，', ',', '、']} open={false} placeholder="如：中华人民共和国宪法" />
        </Form.Item>
        <Form.Item name="summary" label="学习内容" rules={[{ max: 20000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <PeopleFields accountsLabel="参加人员（有账号）" namesLabel="参加人员（无账号）" />
      </FormDrawer>

      <FormModal<{ reason: string }>
        open={voiding !== null}
        title={`作废学法活动：${voiding?.title ?? ''}`}
        okText="作废"
        successMessage={null}
        onClose={() => setVoiding(null)}
        onSubmit={async ({ reason }) => {
          if (!voiding) return;
          await learningApi.voidSession(voiding.id, { reason, version: voiding.version });
          message.success('已作废');
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">作废后不再计入统计，记录保留备查。</Typography.Paragraph>
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }, { max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
