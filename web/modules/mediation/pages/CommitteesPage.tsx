import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Committee, CommitteeMember, MemberCreate } from '../../../../domain/mediation/contracts.ts';
import { committeeLevelLabels, genderLabels, memberPositionLabels, termStatusLabels } from '../../../../domain/mediation/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, toDayjs, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { mediationApi, mediationKeys } from '../api.ts';
import { genderOptions, positionOptions } from '../options.ts';
import { useMediationRefs } from '../useMediationRefs.ts';

type MemberValues = Omit<MemberCreate, 'joinedOn'> & { joinedOn: Dayjs };
type CommitteeValues = { orgUnitId: number; name: string; termStart: Dayjs; targetDays?: number; address?: string; phone?: string; members: MemberValues[] };
const termColors = { current: 'success', expiring: 'warning', expired: 'error' } as const;
const date = (d: Dayjs | undefined) => toDateString(d) ?? todayString();
const memberBody = (m: MemberValues): MemberCreate => ({
  ...m,
  title: m.title || undefined,
  phone: m.phone || undefined,
  ethnicity: m.ethnicity || undefined,
  joinedOn: date(m.joinedOn),
});
const isMasked = (v: string | null) => v?.includes('*') ?? false;

function MemberFields({ prefix = [] as (string | number)[], withDate = true }) {
  return (
    <Row gutter={12}>
      <Col xs={12} sm={8}>
        <Form.Item name={[...prefix, 'name']} label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 32 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name={[...prefix, 'position']} label="职务" rules={[{ required: true, message: '请选择职务' }]}>
          <Select options={positionOptions} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name={[...prefix, 'gender']} label="性别" rules={[{ required: true, message: '请选择性别' }]}>
          <Select options={genderOptions} />
        </Form.Item>
      </Col>
      <Col xs={12} sm={8}>
        <Form.Item name={[...prefix, 'ethnicity']} label="民族" rules={[{ max: 20 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={[...prefix, 'title']} label="工作单位及职务" rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} sm={8}>
        <Form.Item name={[...prefix, 'phone']} label="联系电话" rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '手机号或座机号' }]}>
          <Input inputMode="tel" />
        </Form.Item>
      </Col>
      {withDate && (
        <Col xs={24} sm={8}>
          <Form.Item name={[...prefix, 'joinedOn']} label="任职日期" rules={[{ required: true, message: '请选择任职日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** 人民调解委员会: the town's and each village's, their members (3–9 委员, art 8), terms (3 years, art 9) and training. */
export function CommitteesPage() {
  const access = useAccess();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const refs = useMediationRefs();
  const list = useQuery({ queryKey: mediationKeys.committees, queryFn: async () => (await mediationApi.committees()).items });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Committee | null>(null);
  const [adding, setAdding] = useState<Committee | null>(null);
  const [member, setMember] = useState<{ m: CommitteeMember; mode: 'edit' | 'end' | 'training' } | null>(null);
  const [history, setHistory] = useState<number | null>(null);
  const detail = useQuery({ queryKey: mediationKeys.committee(history ?? 0), queryFn: () => mediationApi.committee(history ?? 0), enabled: history !== null });
  const refresh = () => queryClient.invalidateQueries({ queryKey: mediationKeys.all });
  const manage = access.canManageMediation;
  const withoutCommittee = refs.places.filter((p) => !(list.data ?? []).some((c) => c.orgUnitId === p.id));

  const memberColumns = (mine: boolean): TableColumnsType<CommitteeMember> => [
    { title: '姓名', dataIndex: 'name', width: 110, fixed: 'left' },
    { title: '职务', dataIndex: 'position', width: 100, render: (p: CommitteeMember['position']) => memberPositionLabels[p] },
    { title: '性别', dataIndex: 'gender', width: 60, render: (g: CommitteeMember['gender']) => genderLabels[g] },
    { title: '民族', dataIndex: 'ethnicity', width: 80, render: (e: string) => e || '—' },
    { title: '工作单位及职务', dataIndex: 'title', width: 180, render: (t: string) => t || '—' },
    { title: '联系电话', dataIndex: 'phone', width: 120, render: (p: string | null) => p ?? '—' },
    { title: '任职', key: 'term', width: 200, render: (_, m) => (m.leftOn ? `${m.joinedOn} 至 ${m.leftOn}（${m.leaveReason}）` : `${m.joinedOn} 起`) },
    {
      title: '培训',
      key: 'trainings',
      width: 220,
      render: (_, m) => (m.trainings.length ? m.trainings.map((t) => `${t.trainedOn} ${t.title}${t.hours ? `（${t.hours}学时）` : ''}`).join('；') : '—'),
    },
    ...(mine
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 170,
            fixed: 'right' as const,
            render: (_: unknown, m: CommitteeMember) =>
              m.leftOn ? null : (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setMember({ m, mode: 'edit' })}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => setMember({ m, mode: 'training' })}>
                    培训
                  </Button>
                  <Button type="link" size="small" danger onClick={() => setMember({ m, mode: 'end' })}>
                    离任
                  </Button>
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <Space wrap>
          <LedgerButtons kind="mediation-committees" title="人民调解委员会名册" canImport={false} />
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={withoutCommittee.length === 0}>
              设立调解委员会
            </Button>
          )}
        </Space>
      </Flex>
      {list.isPending ? (
        <Spin />
      ) : (list.data ?? []).length === 0 ? (
        <Empty description="尚无人民调解委员会" />
      ) : (
        <Flex vertical gap={16}>
          {(list.data ?? []).map((c) => (
            <Card
              key={c.id}
              size="small"
              title={
                <Flex wrap gap={8} align="center">
                  <span>{c.name}</span>
                  <Tag color={c.level === 'town' ? 'blue' : 'cyan'}>{committeeLevelLabels[c.level]}</Tag>
                  <Tag color={termColors[c.termStatus]}>{termStatusLabels[c.termStatus]}</Tag>
                </Flex>
              }
              extra={
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setHistory(c.id)}>
                    历任人员
                  </Button>
                  {manage && (
                    <>
                      <Button type="link" size="small" onClick={() => setEditing(c)}>
                        编辑/换届
                      </Button>
                      <Button type="link" size="small" onClick={() => setAdding(c)}>
                        增补人员
                      </Button>
                    </>
                  )}
                </Space>
              }
            >
              {c.warnings.map((w) => (
                <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 8 }} />
              ))}
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 2, lg: 4 }}
                items={[
                  { label: '本届任期', children: `${c.termStart} 至 ${c.termEnd}` },
                  { label: '委员', children: `${c.memberCount} 人（女 ${c.womenCount} 人）` },
                  { label: '调解期限', children: `受理后 ${c.targetDays} 日内` },
                  { label: '办公地点', children: c.address || '—' },
                ]}
              />
              <Table<CommitteeMember> rowKey="id" size="small" pagination={false} columns={memberColumns(manage)} dataSource={c.members} scroll={{ x: 1100 }} />
            </Card>
          ))}
        </Flex>
      )}

      <FormDrawer<CommitteeValues>
        open={creating}
        wide
        title="设立人民调解委员会"
        onClose={() => setCreating(false)}
        initialValues={{
          termStart: toDayjs(todayString()),
          targetDays: 30,
          members: [0, 1, 2].map((i) => ({
            name: '',
            gender: i === 1 ? 'female' : 'male',
            position: i === 0 ? 'director' : 'member',
            joinedOn: toDayjs(todayString()),
          })) as MemberValues[],
        }}
        onSubmit={async (v) => {
          await mediationApi.createCommittee({
            orgUnitId: v.orgUnitId,
            name: v.name,
            termStart: date(v.termStart),
            targetDays: v.targetDays,
            address: v.address,
            phone: v.phone,
            members: v.members.map(memberBody),
          });
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">
          人民调解委员会由委员三至九人组成，设主任一人，必要时可以设副主任若干人；应当有妇女成员（《人民调解法》第八条）。委员每届任期三年（第九条）。
        </Typography.Paragraph>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="orgUnitId" label="所在乡镇或村（社区）" rules={[{ required: true, message: '请选择' }]}>
              <Select options={withoutCommittee.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 100 }]}>
              <Input placeholder="××村人民调解委员会" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="termStart" label="本届任期起始日期" rules={[{ required: true, message: '请选择日期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="targetDays" label="调解期限（日）" extra="一般在一个月内调结">
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="phone" label="办公电话" rules={[{ max: 32 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label="办公地点" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`组成人员 ${i + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={<Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除" />}
                >
                  <MemberFields prefix={[field.name]} />
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ gender: 'male', position: 'member', joinedOn: toDayjs(todayString()) })}>
                添加人员
              </Button>
            </>
          )}
        </Form.List>
      </FormDrawer>

      <FormDrawer<{ name: string; termStart: Dayjs; targetDays: number; address?: string; phone?: string }>
        open={editing !== null}
        title={`编辑：${editing?.name ?? ''}`}
        onClose={() => setEditing(null)}
        initialValues={
          editing ? { name: editing.name, termStart: toDayjs(editing.termStart), targetDays: editing.targetDays, address: editing.address, phone: editing.phone } : undefined
        }
        onSubmit={async (v) => {
          if (!editing) return;
          const next = { name: v.name, termStart: date(v.termStart), targetDays: v.targetDays, address: v.address, phone: v.phone };
          await mediationApi.updateCommittee(editing.id, { ...changedFields(editing, next), version: editing.version });
          await refresh();
        }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="termStart" label="本届任期起始日期" extra="换届时填写新一届的起始日期；委员可以连选连任（第九条）" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="targetDays" label="调解期限（日）" extra="受理后应在此期限内调结，超期的纠纷会标红提醒" rules={[{ required: true }]}>
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="address" label="办公地点" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="办公电话" rules={[{ max: 32 }]}>
          <Input />
        </Form.Item>
      </FormDrawer>

      <FormDrawer<MemberValues>
        open={adding !== null}
        wide
        title={`增补人员：${adding?.name ?? ''}`}
        onClose={() => setAdding(null)}
        initialValues={{ gender: 'female', position: 'member', joinedOn: toDayjs(todayString()) }}
        onSubmit={async (v) => {
          if (!adding) return;
          await mediationApi.addMember(adding.id, memberBody(v));
          await refresh();
        }}
      >
        <MemberFields />
      </FormDrawer>

      <FormDrawer<Omit<MemberValues, 'joinedOn'>>
        open={member?.mode === 'edit'}
        wide
        title={`编辑人员：${member?.m.name ?? ''}`}
        onClose={() => setMember(null)}
        initialValues={member ? { ...member.m, phone: isMasked(member.m.phone) ? undefined : (member.m.phone ?? undefined) } : undefined}
        onSubmit={async (v) => {
          if (!member) return;
          const before = { ...member.m, phone: member.m.phone ?? undefined };
          await mediationApi.updateMember(member.m.id, { ...changedFields(before, { ...v, phone: v.phone ?? '' }), version: member.m.version });
          await refresh();
        }}
      >
        <MemberFields withDate={false} />
      </FormDrawer>

      <FormModal<{ leftOn: Dayjs; reason: string }>
        open={member?.mode === 'end'}
        title={`离任：${member?.m.name ?? ''}`}
        okText="办理离任"
        onClose={() => setMember(null)}
        initialValues={{ leftOn: toDayjs(todayString()) }}
        onSubmit={async (v) => {
          if (!member) return;
          await mediationApi.endMember(member.m.id, { leftOn: date(v.leftOn), reason: v.reason, version: member.m.version });
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">委员不足三人时不能办理离任：请先增补委员（《人民调解法》第八条）。</Typography.Paragraph>
        <Form.Item name="leftOn" label="离任日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label="离任原因" rules={[{ required: true, whitespace: true, message: '请填写离任原因' }, { max: 200 }]}>
          <Input />
        </Form.Item>
      </FormModal>

      <FormModal<{ trainedOn: Dayjs; title: string; hours?: number; organiser?: string }>
        open={member?.mode === 'training'}
        title={`登记培训：${member?.m.name ?? ''}`}
        onClose={() => setMember(null)}
        initialValues={{ trainedOn: toDayjs(todayString()) }}
        onSubmit={async (v) => {
          if (!member) return;
          await mediationApi.addTraining(member.m.id, { trainedOn: date(v.trainedOn), title: v.title, hours: v.hours, organiser: v.organiser });
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">县级人民政府司法行政部门应当定期对人民调解员进行业务培训（第十四条）。</Typography.Paragraph>
        <Form.Item name="trainedOn" label="培训日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="title" label="培训内容" rules={[{ required: true, whitespace: true, message: '请填写培训内容' }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="hours" label="学时">
          <InputNumber min={0} max={1000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="organiser" label="组织单位" rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </FormModal>

      <Drawer open={history !== null} onClose={() => setHistory(null)} title={detail.data ? `${detail.data.name}：历任人员与培训` : '历任人员'} size={screens.md ? 900 : '100%'}>
        {detail.isPending ? (
          <Spin />
        ) : (
          <Table<CommitteeMember> rowKey="id" size="small" pagination={false} columns={memberColumns(false)} dataSource={detail.data?.members ?? []} scroll={{ x: 1000 }} />
        )}
      </Drawer>
    </>
  );
}
