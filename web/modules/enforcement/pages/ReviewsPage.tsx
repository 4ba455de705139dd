import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Select, Space, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { FileReview, Finding, Round } from '../../../../domain/enforcement/contracts.ts';
import { gradeLabels } from '../../../../domain/enforcement/rules.ts';
import { useAccess } from '../../../app/auth.tsx';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { enforcementApi, enforcementKeys } from '../api.ts';
import { EnforcementNav } from '../components/EnforcementNav.tsx';

const statusTag: Record<Finding['status'], { color: string; label: string }> = {
  open: { color: 'red', label: '待整改' },
  rectified: { color: 'orange', label: '已整改待复查' },
  closed: { color: 'green', label: '已销号' },
};

function FileReviews({ round, onRectify, onRecheck }: { round: Round; onRectify: (f: Finding) => void; onRecheck: (f: Finding) => void }) {
  const access = useAccess();
  const { data, isFetching } = useQuery({ queryKey: enforcementKeys.fileReviews(round.id), queryFn: async () => (await enforcementApi.fileReviews(round.id)).items });
  const columns: TableColumnsType<FileReview> = [
    { title: '案卷', dataIndex: 'caseLabel', width: 260 },
    { title: '评查日期', dataIndex: 'reviewedOn', width: 110 },
    { title: '得分', key: 'score', width: 110, render: (_, r) => `${r.total} 分（${gradeLabels[r.grade]}）` },
    {
      title: '发现问题与整改',
      key: 'findings',
      render: (_, r) =>
        r.findings.length === 0 ? (
          <Typography.Text type="secondary">未发现问题</Typography.Text>
        ) : (
          <Space orientation="vertical" size={4}>
            {r.findings.map((f) => (
              <Space key={f.id} wrap size={4}>
                <Tag>{f.categoryLabel}</Tag>
                <span>
                  《{f.document}》{f.description}（责任人 {f.assigneeName}）
                </span>
                <Tag color={statusTag[f.status].color}>{statusTag[f.status].label}</Tag>
                {f.status === 'open' && (access.canWriteEnforcement || access.canManageEnforcement) && (
                  <Button size="small" type="link" onClick={() => onRectify(f)}>
                    登记整改
                  </Button>
                )}
                {f.status === 'rectified' && (access.canReviewEnforcement || access.canManageEnforcement) && (
                  <Button size="small" type="link" onClick={() => onRecheck(f)}>
                    复查
                  </Button>
                )}
              </Space>
            ))}
          </Space>
        ),
    },
  ];
  return <Table<FileReview> rowKey="id" size="small" columns={columns} dataSource={data ?? []} loading={isFetching} pagination={false} scroll={{ x: 900 }} />;
}

type ReviewValues = { caseId: number; reviewedOn: Dayjs; reviewer: string; comments?: string; document?: string; category?: string; description?: string; assigneeName?: string };

/** 案卷评查: review rounds (e.g. the monthly self-review with 乌苏市水利局执法大队), scores, findings and their rectification. */
export function ReviewsPage() {
  const access = useAccess();
  const queryClient = useQueryClient();
  const rounds = useQuery({ queryKey: enforcementKeys.rounds, queryFn: async () => (await enforcementApi.rounds()).items });
  const standards = useQuery({ queryKey: enforcementKeys.standards, queryFn: async () => (await enforcementApi.standards()).items });
  const cases = useQuery({ queryKey: [...enforcementKeys.cases, 'for-review'], queryFn: async () => (await enforcementApi.cases({ pageSize: 200 })).items });
  const [creatingRound, setCreatingRound] = useState(false);
  const [reviewing, setReviewing] = useState<Round | null>(null);
  const [rectifying, setRectifying] = useState<Finding | null>(null);
  const [rechecking, setRechecking] = useState<Finding | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
  const totals = (rounds.data ?? []).reduce((t, r) => ({ reviews: t.reviews + r.fileReviews, findings: t.findings + r.findings, corrected: t.corrected + r.corrected }), {
    reviews: 0,
    findings: 0,
    corrected: 0,
  });

  const columns: TableColumnsType<Round> = [
    { title: '评查', dataIndex: 'title', width: 300 },
    { title: '日期', dataIndex: 'heldOn', width: 110 },
    { title: '联合单位', dataIndex: 'partner', width: 170 },
    { title: '案卷', dataIndex: 'fileReviews', width: 70 },
    { title: '问题', key: 'findings', width: 140, render: (_, r) => `${r.findings} 处，已纠正 ${r.corrected}` },
    ...(access.canReviewEnforcement || access.canManageEnforcement
      ? [
          {
            title: '操作',
            key: 'op',
            width: 100,
            render: (_: unknown, r: Round) => (
              <Button type="link" size="small" onClick={() => setReviewing(r)}>
                评查案卷
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <EnforcementNav />
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Text>
          共 {rounds.data?.length ?? 0} 次评查，评查案卷 {totals.reviews} 次，发现问题 {totals.findings} 处，已纠正 {totals.corrected} 处。
        </Typography.Text>
        <Space wrap>
          <LedgerButtons kind="enforcement-reviews" title="案卷评查台账" canImport={false} />
          {access.canManageEnforcement && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingRound(true)}>
              新建评查
            </Button>
          )}
        </Space>
      </Space>
      <Table<Round>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rounds.data ?? []}
        loading={rounds.isFetching}
        scroll={{ x: 900 }}
        expandable={{ expandedRowRender: (r) => <FileReviews round={r} onRectify={setRectifying} onRecheck={setRechecking} /> }}
      />

      <FormDrawer<{ title: string; heldOn: Dayjs; partner?: string; reviewers?: string; standardId: number }>
        open={creatingRound}
        title="新建评查"
        onClose={() => setCreatingRound(false)}
        initialValues={{ heldOn: dayjs(todayString()), partner: '乌苏市水利局执法大队', standardId: standards.data?.[0]?.id, title: `${dayjs().month() + 1}月行政执法案卷自查` }}
        onSubmit={async (v) => {
          const town = standards.data?.find((s) => s.id === v.standardId)?.orgUnitId ?? 0;
          await enforcementApi.createRound({
            orgUnitId: town,
            standardId: v.standardId,
            title: v.title,
            heldOn: toDateString(v.heldOn) ?? todayString(),
            partner: v.partner,
            reviewers: v.reviewers,
          });
          await refresh();
        }}
      >
        <Form.Item name="title" label="评查名称" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="heldOn" label="评查日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="standardId" label="评查标准" rules={[{ required: true }]}>
          <Select options={(standards.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="partner" label="联合评查单位">
          <Input />
        </Form.Item>
        <Form.Item name="reviewers" label="评查人员">
          <Input />
        </Form.Item>
      </FormDrawer>

      <FormDrawer<ReviewValues>
        open={reviewing !== null}
        title={`评查案卷：${reviewing?.title ?? ''}`}
        onClose={() => setReviewing(null)}
        initialValues={{ reviewedOn: dayjs(todayString()), category: 'document' }}
        onSubmit={async (v) => {
          if (!reviewing) return;
          await enforcementApi.createFileReview(reviewing.id, {
            caseId: v.caseId,
            reviewedOn: toDateString(v.reviewedOn) ?? todayString(),
            reviewer: v.reviewer,
            comments: v.comments,
            findings: v.description ? [{ document: v.document, category: v.category ?? 'document', description: v.description, assigneeName: v.assigneeName ?? '' }] : [],
          });
          await refresh();
        }}
      >
        <Form.Item name="caseId" label="案卷" rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.decisionNumber ?? c.filingNumber ?? `#${c.id}`} ${c.party.name}` }))}
          />
        </Form.Item>
        <Form.Item name="reviewedOn" label="评查日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reviewer" label="评查人" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="comments" label="评查意见">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Typography.Title level={5}>发现的问题（可选）</Typography.Title>
        <Form.Item name="document" label="所涉文书">
          <Input placeholder="如：行政处罚决定书" />
        </Form.Item>
        <Form.Item name="category" label="问题类别">
          <Select
            options={[
              { value: 'document', label: '文书不规范' },
              { value: 'evidence', label: '证据采集' },
              { value: 'procedure', label: '执法程序' },
              { value: 'archiving', label: '案卷归档' },
              { value: 'law_application', label: '适用法律' },
              { value: 'discretion', label: '裁量' },
            ]}
          />
        </Form.Item>
        <Form.Item name="description" label="问题描述">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="assigneeName" label="整改责任人">
          <Input />
        </Form.Item>
      </FormDrawer>

      <FormModal<{ rectifiedOn: Dayjs; rectification: string }>
        open={rectifying !== null}
        title="登记整改"
        initialValues={{ rectifiedOn: dayjs(todayString()) }}
        onClose={() => setRectifying(null)}
        onSubmit={async (v) => {
          if (!rectifying) return;
          await enforcementApi.rectify(rectifying.id, { rectifiedOn: toDateString(v.rectifiedOn) ?? todayString(), rectification: v.rectification, version: rectifying.version });
          await refresh();
        }}
      >
        <Form.Item name="rectifiedOn" label="整改日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="rectification" label="整改情况" rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </FormModal>
      <FormModal<{ recheckedOn: Dayjs; passed: boolean; recheckedBy: string; note?: string }>
        open={rechecking !== null}
        title="复查"
        initialValues={{ recheckedOn: dayjs(todayString()), passed: true }}
        onClose={() => setRechecking(null)}
        onSubmit={async (v) => {
          if (!rechecking) return;
          await enforcementApi.recheck(rechecking.id, {
            recheckedOn: toDateString(v.recheckedOn) ?? todayString(),
            passed: v.passed,
            recheckedBy: v.recheckedBy,
            note: v.note,
            version: rechecking.version,
          });
          await refresh();
        }}
      >
        <Form.Item name="recheckedOn" label="复查日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="passed" label="复查通过（销号）" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="recheckedBy" label="复查人" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label="复查意见">
          <Input />
        </Form.Item>
      </FormModal>
    </>
  );
}
