import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Descriptions, Form, Input, InputNumber, Row, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Village } from '../../../../domain/villages/contracts.ts';
import { honourLevelLabels, honourStatusLabels, reminderStateLabels } from '../../../../domain/villages/rules.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { villagesApi, villagesKeys } from '../api.ts';
import { useVillages } from '../useVillages.ts';

type ProfileValues = Omit<Village['profile'], 'version'>;
const reminderColors = { overdue: 'red', due_soon: 'orange', later: 'default' } as const;

/** The villages with their profile, honours and the next 复核, and a reminder when one falls due soon. */
export function VillageOverview({ canWrite }: { canWrite: boolean }) {
  const { villages, isPending } = useVillages();
  const queryClient = useQueryClient();
  const reminders = useQuery({ queryKey: villagesKeys.reminders, queryFn: async () => (await villagesApi.reminders()).items });
  const [editing, setEditing] = useState<Village | null>(null);

  const columns: TableColumnsType<Village> = [
    { title: '村（社区）', dataIndex: 'name', width: 120, fixed: 'left' },
    {
      title: '户籍人口',
      key: 'population',
      width: 110,
      render: (_, v) => (v.profile.population === null ? '—' : `${v.profile.population} 人 / ${v.profile.households ?? '—'} 户`),
    },
    { title: '党组织书记', key: 'secretary', width: 110, render: (_, v) => v.profile.partySecretary || '—' },
    {
      title: '民主法治示范村',
      key: 'honours',
      width: 220,
      render: (_, v) =>
        v.honours.length ? (
          <Space size={[4, 4]} wrap>
            {v.honours.map((h) => (
              <Tag key={h.id} color={h.status === 'named' ? 'green' : 'default'}>
                {honourLevelLabels[h.level]}级 · {h.namedYear ? `${h.namedYear}年` : ''}
                {honourStatusLabels[h.status]}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '下次复核',
      key: 'review',
      width: 160,
      render: (_, v) =>
        v.nextReview ? (
          <Space size={4}>
            <span>{v.nextReview.dueOn}</span>
            {v.nextReview.state !== 'later' && <Tag color={reminderColors[v.nextReview.state]}>{reminderStateLabels[v.nextReview.state]}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: '制度/听证/公开', key: 'counts', width: 120, render: (_, v) => `${v.counts.rules} / ${v.counts.hearings} / ${v.counts.disclosures}` },
    ...(canWrite
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 90,
            render: (_: unknown, v: Village) => (
              <Button type="link" size="small" onClick={() => setEditing(v)}>
                编辑概况
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {(reminders.data ?? []).map((h) => (
        <Alert
          key={h.id}
          style={{ marginBottom: 12 }}
          type={h.nextReview?.state === 'overdue' ? 'error' : 'warning'}
          showIcon
          title={`${h.villageName}「${h.title}」${h.nextReview?.dueYear}年度复核${h.nextReview?.state === 'overdue' ? '已逾期' : '即将到期'}：截止 ${h.nextReview?.dueOn}（${
            (h.nextReview?.daysLeft ?? 0) >= 0 ? `还有 ${h.nextReview?.daysLeft} 天` : `已过 ${-(h.nextReview?.daysLeft ?? 0)} 天`
          }）`}
          description="请对照建设指导标准开展自评、整理佐证材料（示范村创建与复核 → 开始复核）。"
        />
      ))}
      <Table<Village>
        rowKey="orgUnitId"
        size="middle"
        loading={isPending}
        columns={columns}
        dataSource={villages}
        scroll={{ x: 950 }}
        pagination={false}
        expandable={{
          expandedRowRender: (v) => (
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={[
                { key: 'director', label: '村（居）委会主任', children: v.profile.director || '—' },
                { key: 'groups', label: '村民小组', children: v.profile.groupsCount ?? '—' },
                { key: 'advisor', label: '村法律顾问', children: v.profile.legalAdvisor || '—' },
                { key: 'address', label: '地址', children: v.profile.address || '—' },
                {
                  key: 'intro',
                  label: '村情简介',
                  span: 'filled',
                  children: v.profile.introduction ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{v.profile.introduction}</Typography.Paragraph>
                  ) : (
                    '—'
                  ),
                },
              ]}
            />
          ),
        }}
      />
      <FormDrawer<ProfileValues>
        open={editing !== null}
        title={`编辑村情概况：${editing?.name ?? ''}`}
        onClose={() => setEditing(null)}
        initialValues={editing?.profile}
        onSubmit={async (values) => {
          if (!editing) return;
          await villagesApi.saveProfile(editing.orgUnitId, { ...changedFields(editing.profile, values), version: editing.profile.version ?? undefined });
          await queryClient.invalidateQueries({ queryKey: villagesKeys.all });
        }}
      >
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="population" label="户籍人口">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="households" label="户数">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="groupsCount" label="村民小组数">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={12}>
            <Form.Item name="partySecretary" label="党组织书记" rules={[{ max: 32 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="director" label="村（居）委会主任" rules={[{ max: 32 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="legalAdvisor" label="村法律顾问" rules={[{ max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label="地址" rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="introduction" label="村情简介" rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
      </FormDrawer>
    </>
  );
}
