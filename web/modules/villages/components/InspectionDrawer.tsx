import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Grid, Input, Progress, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Attachment } from '../../../../domain/platform/contracts.ts';
import type { InspectionItem } from '../../../../domain/villages/contracts.ts';
import {
  type AssessmentResult,
  assessmentResultLabels,
  assessmentResults,
  honourTitle,
  type InspectionConclusion,
  type InspectionMethod,
  inspectionConclusionLabels,
  inspectionConclusions,
  inspectionMethodLabels,
  inspectionMethods,
  inspectionStatusLabels,
  submitProblem,
} from '../../../../domain/villages/rules.ts';
import { Attachments } from '../../../ui/Attachments.tsx';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { villagesApi, villagesKeys } from '../api.ts';

const resultColors: Record<AssessmentResult, string> = { met: 'green', partly: 'gold', not_met: 'red' };
type ItemValues = { result?: AssessmentResult | null; evidence?: string; note?: string };
type SubmitValues = { submittedOn: Dayjs; selfSummary?: string };
type ConcludeValues = { conclusion: InspectionConclusion; concludedOn: Dayjs; methods: InspectionMethod[]; inspector?: string; conclusionNote?: string };

/** One 复核: the checklist of the guiding standard, assessed item by item with evidence, submitted, then concluded. */
export function InspectionDrawer({ id, canWrite, townLevel, onClose }: { id: number | null; canWrite: boolean; townLevel: boolean; onClose: () => void }) {
  const screens = Grid.useBreakpoint();
  const queryClient = useQueryClient();
  const showError = useApiError();
  const { message } = App.useApp();
  const { data: inspection } = useQuery({ queryKey: villagesKeys.inspection(id ?? 0), queryFn: () => villagesApi.inspection(id as number), enabled: id !== null });
  const [itemId, setItemId] = useState<number | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [concluding, setConcluding] = useState(false);
  const editable = canWrite && inspection?.status === 'self_assessment';
  const item = inspection?.items.find((i) => i.id === itemId) ?? null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: villagesKeys.all });
  const problem = inspection && submitProblem(inspection.items.map((i) => ({ label: i.itemLabel, result: i.result, evidence: i.evidence, attachmentIds: i.attachmentIds })));

  /** A file uploaded for an item becomes part of its evidence at once (the latest version of the item is used). */
  const attach = async (a: Attachment) => {
    if (!inspection || !itemId) return;
    const fresh = await queryClient.fetchQuery({ queryKey: villagesKeys.inspection(inspection.id), queryFn: () => villagesApi.inspection(inspection.id), staleTime: 0 });
    const current = fresh.items.find((i) => i.id === itemId);
    if (!current) return;
    try {
      await villagesApi.updateItem(inspection.id, itemId, { attachmentIds: [...current.attachmentIds, a.id], version: current.version });
      await refresh();
    } catch (err) {
      showError(err);
    }
  };

  const columns: TableColumnsType<InspectionItem> = [
    {
      title: '部分',
      dataIndex: 'partLabel',
      width: 130,
      onCell: (i, index) => ({
        rowSpan: index !== undefined && inspection?.items[index - 1]?.partCode === i.partCode ? 0 : (inspection?.items.filter((x) => x.partCode === i.partCode).length ?? 1),
      }),
    },
    { title: '项目', dataIndex: 'itemLabel', width: 260 },
    {
      title: '自评',
      dataIndex: 'result',
      width: 90,
      render: (r: AssessmentResult | null) => (r ? <Tag color={resultColors[r]}>{assessmentResultLabels[r]}</Tag> : <Tag>未自评</Tag>),
    },
    {
      title: '佐证材料',
      key: 'evidence',
      width: 220,
      render: (_, i) => (
        <>
          {i.evidence ? <Typography.Text>{i.evidence}</Typography.Text> : null}
          {i.attachmentIds.length > 0 && <Tag style={{ marginLeft: 4 }}>附件 {i.attachmentIds.length}</Tag>}
          {!i.evidence && i.attachmentIds.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        </>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 70,
      render: (_, i) => (
        <Button type="link" size="small" onClick={() => setItemId(i.id)}>
          {editable ? '自评' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <Drawer
      title={inspection ? `${inspection.villageName} · ${honourTitle(inspection.level)} · ${inspection.year}年度复核` : '复核'}
      open={id !== null}
      onClose={onClose}
      size={screens.md ? 960 : '100%'}
      extra={
        <Space wrap>
          {editable && (
            <Button type="primary" onClick={() => setSubmitting(true)}>
              提交自评
            </Button>
          )}
          {canWrite && townLevel && inspection?.status === 'submitted' && (
            <Button type="primary" onClick={() => setConcluding(true)}>
              登记复核结论
            </Button>
          )}
        </Space>
      }
    >
      {inspection && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'status', label: '状态', children: inspectionStatusLabels[inspection.status] },
              { key: 'submitted', label: '自评提交', children: inspection.submittedOn ?? '—' },
              {
                key: 'conclusion',
                label: '复核结论',
                children: inspection.conclusion ? `${inspectionConclusionLabels[inspection.conclusion]}（${inspection.concludedOn}）` : '—',
              },
              { key: 'methods', label: '复核方式', children: inspection.methods.map((m) => inspectionMethodLabels[m]).join('、') || '—' },
              { key: 'inspector', label: '复核单位', children: inspection.inspector || '—' },
              { key: 'note', label: '结论说明', children: inspection.conclusionNote || '—' },
            ]}
          />
          <Progress
            percent={Math.round((100 * inspection.progress.assessed) / Math.max(1, inspection.progress.total))}
            format={() => `已自评 ${inspection.progress.assessed}/${inspection.progress.total}，有佐证 ${inspection.progress.withEvidence}`}
          />
          {editable && problem && <Alert type="info" showIcon title={problem} />}
          <Table<InspectionItem> rowKey="id" size="small" columns={columns} dataSource={inspection.items} pagination={false} scroll={{ x: 770 }} bordered />
        </Space>
      )}

      <FormModal<ItemValues>
        open={item !== null}
        title={item?.itemLabel ?? ''}
        okText={editable ? '保存' : '关闭'}
        onClose={() => setItemId(null)}
        initialValues={{ result: item?.result ?? undefined, evidence: item?.evidence, note: item?.note }}
        successMessage={editable ? '已保存' : null}
        onSubmit={async (v) => {
          if (!editable || !inspection || !item) return;
          const current = inspection.items.find((i) => i.id === item.id) ?? item;
          await villagesApi.updateItem(inspection.id, item.id, { result: v.result ?? null, evidence: v.evidence ?? '', note: v.note ?? '', version: current.version });
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">{item?.partLabel}</Typography.Paragraph>
        <Form.Item name="result" label="自评结果">
          <Select disabled={!editable} allowClear options={assessmentResults.map((r) => ({ value: r, label: assessmentResultLabels[r] }))} />
        </Form.Item>
        <Form.Item name="evidence" label="佐证材料（台账、记录名称）" rules={[{ max: 2000 }]}>
          <Input.TextArea disabled={!editable} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 2000 }]}>
          <Input.TextArea disabled={!editable} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        {item && inspection && (
          <Attachments
            entityType="village_inspection_item"
            entityId={String(item.id)}
            orgUnitId={inspection.orgUnitId}
            canWrite={editable}
            label="上传佐证材料（照片、扫描件）"
            onUploaded={(a) => {
              message.info('已加入该项佐证材料');
              void attach(a);
            }}
          />
        )}
      </FormModal>

      <FormModal<SubmitValues>
        open={submitting}
        title="提交自评"
        okText="提交"
        onClose={() => setSubmitting(false)}
        initialValues={{ submittedOn: dayjs(todayString()) }}
        onSubmit={async (v) => {
          if (!inspection) return;
          await villagesApi.submit(inspection.id, { submittedOn: toDateString(v.submittedOn) ?? todayString(), selfSummary: v.selfSummary, version: inspection.version });
          await refresh();
        }}
      >
        <Form.Item name="submittedOn" label="提交日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="selfSummary" label="自评报告摘要" rules={[{ max: 5000 }]}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </FormModal>

      <FormModal<ConcludeValues>
        open={concluding}
        title="登记复核结论"
        onClose={() => setConcluding(false)}
        initialValues={{ conclusion: 'retained', concludedOn: dayjs(todayString()), methods: ['document_review', 'site_check'] }}
        onSubmit={async (v) => {
          if (!inspection) return;
          await villagesApi.conclude(inspection.id, { ...v, concludedOn: toDateString(v.concludedOn) ?? todayString(), version: inspection.version });
          await refresh();
        }}
      >
        <Form.Item name="conclusion" label="复核结论" rules={[{ required: true }]}>
          <Select options={inspectionConclusions.map((c) => ({ value: c, label: inspectionConclusionLabels[c] }))} />
        </Form.Item>
        <Form.Item name="concludedOn" label="结论日期" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="methods" label="复核方式" rules={[{ required: true, message: '请选择复核方式' }]}>
          <Checkbox.Group options={inspectionMethods.map((m) => ({ value: m, label: inspectionMethodLabels[m] }))} />
        </Form.Item>
        <Form.Item name="inspector" label="复核单位" rules={[{ max: 100 }]}>
          <Input placeholder="如 自治区司法厅、民政厅" />
        </Form.Item>
        <Form.Item name="conclusionNote" label="结论说明" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
