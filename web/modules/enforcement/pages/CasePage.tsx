import { CheckCircleOutlined, CloudDownloadOutlined, EditOutlined, FileWordOutlined, SafetyOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Form, Input, Result, Row, Select, Space, Spin, Table, Tag, Timeline, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { CaseDetail } from '../../../../domain/enforcement/contracts.ts';
import {
  caseStatusLabels,
  documentAvailable,
  documentKindLabels,
  documentKinds,
  type EvidenceKind,
  evidenceKindLabels,
  evidenceKinds,
  outcomeLabels,
  type PreservationHandling,
  partyTypeLabels,
  paymentMethodLabels,
  penaltyText,
  preservationHandlingLabels,
  procedureLabels,
  reviewConditionLabels,
  reviewOpinionLabels,
  serviceMethodLabels,
} from '../../../../domain/enforcement/rules.ts';
import { allowedMimeTypes } from '../../../../domain/platform/files.ts';
import { useAccess, useCurrentMe } from '../../../app/auth.tsx';
import { ApiError } from '../../../app/http.ts';
import { formatInstant } from '../../../ui/dates.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { enforcementApi, enforcementKeys } from '../api.ts';
import { ClueDrawer } from '../components/CaseForms.tsx';
import { EnforcementNav } from '../components/EnforcementNav.tsx';
import { OfficerSelect } from '../components/OfficerSelect.tsx';
import { StepActions } from '../components/StepActions.tsx';

type EvidenceValues = { kind: EvidenceKind; title: string; description?: string; collectedAt: Dayjs; place: string; collectorIds: number[] };

function EvidencePanel({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const me = useCurrentMe();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [attachment, setAttachment] = useState<{ id: number; filename: string } | null>(null);
  const [adding, setAdding] = useState(false);
  const open = canWrite && (c.status === 'investigating' || c.status === 'reviewing');
  return (
    <Card
      title={`证据材料（${c.evidence.length}）`}
      size="small"
      extra={
        open && (
          <Upload
            name="file"
            action="/api/attachments"
            headers={{ 'X-CSRF-Token': me.csrfToken }}
            data={{ orgUnitId: String(c.orgUnitId), entityType: 'enforcement_case', entityId: String(c.id) }}
            accept={allowedMimeTypes.join(',')}
            showUploadList={false}
            onChange={({ file }) => {
              if (file.status === 'done') {
                setAttachment({ id: file.response.id, filename: file.response.filename });
                setAdding(true);
              } else if (file.status === 'error') {
                message.error(file.response?.error?.message ?? '上传失败');
              }
            }}
          >
            <Button icon={<UploadOutlined />}>上传证据（拍照/文件）</Button>
          </Upload>
        )
      }
    >
      {open && (
        <Button
          size="small"
          style={{ marginBottom: 8 }}
          onClick={() => {
            setAttachment(null);
            setAdding(true);
          }}
        >
          登记证据（无文件）
        </Button>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 760 }}
        dataSource={c.evidence}
        locale={{ emptyText: '尚无证据' }}
        columns={[
          { title: '种类', dataIndex: 'kind', width: 110, render: (k: EvidenceKind) => evidenceKindLabels[k] },
          {
            title: '证据',
            dataIndex: 'title',
            width: 200,
            render: (t: string, e) => (e.attachmentId ? <a href={`/api/attachments/${e.attachmentId}`}>{t}</a> : t),
          },
          { title: '取证时间、地点', key: 'when', width: 220, render: (_, e) => `${formatInstant(e.collectedAt)} ${e.place}` },
          { title: '取证人员', key: 'who', width: 140, render: (_, e) => e.collectors.join('、') },
          { title: 'SHA-256', dataIndex: 'sha256', width: 140, render: (h: string | null) => (h ? <Typography.Text code>{h.slice(0, 12)}…</Typography.Text> : '—') },
        ]}
      />
      <FormModal<EvidenceValues>
        open={adding}
        title={attachment ? `登记证据：${attachment.filename}` : '登记证据'}
        successMessage="证据已登记"
        initialValues={{
          kind: attachment ? 'audiovisual' : 'inspection_record',
          title: attachment?.filename.replace(/\.[^.]+$/, ''),
          collectedAt: dayjs(),
          collectorIds: c.investigators.map((i) => i.userId),
        }}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          await enforcementApi.step(c.id, 'evidence', {
            kind: v.kind,
            title: v.title,
            description: v.description || undefined,
            collectedAt: v.collectedAt.toISOString(),
            place: v.place,
            collectorIds: v.collectorIds,
            attachmentId: attachment?.id,
            version: c.version,
          });
          await queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
        }}
      >
        <Form.Item name="kind" label="证据种类" rules={[{ required: true }]}>
          <Select options={evidenceKinds.map((k) => ({ value: k, label: evidenceKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="title" label="证据名称" rules={[{ required: true, whitespace: true, message: '请填写证据名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label="证明内容">
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="collectedAt" label="取证时间" rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label="取证地点" rules={[{ required: true, whitespace: true, message: '请填写取证地点' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="collectorIds" label="取证人员（不少于两人，持有效执法证）" rules={[{ required: true }]}>
          <OfficerSelect />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function TimelinePanel({ c }: { c: CaseDetail }) {
  const showError = useApiError();
  const { message } = App.useApp();
  const { data } = useQuery({ queryKey: enforcementKeys.timeline(c.id), queryFn: async () => (await enforcementApi.timeline(c.id)).items });
  const [verifying, setVerifying] = useState(false);
  const verify = async () => {
    setVerifying(true);
    try {
      const r = await enforcementApi.verify(c.id);
      if (r.ok) message.success(`哈希链校验通过：${r.length} 条记录完整`);
      else message.error(`哈希链校验未通过：${r.problems.join('；')}`);
    } catch (err) {
      showError(err);
    } finally {
      setVerifying(false);
    }
  };
  return (
    <Card
      title="全过程记录"
      size="small"
      extra={
        <Space wrap>
          <Button size="small" icon={<SafetyOutlined />} loading={verifying} onClick={verify}>
            校验哈希链
          </Button>
          <Button size="small" icon={<CloudDownloadOutlined />} href={enforcementApi.exportUrl(c.id)}>
            导出案卷
          </Button>
        </Space>
      }
    >
      <Timeline
        items={(data ?? []).map((e) => ({
          key: e.seq,
          title: `${formatInstant(e.at)} ${e.actorName}`,
          content: (
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{e.summary}</div>
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                SM3 {e.hash.slice(0, 16)}…
              </Typography.Text>
            </>
          ),
        }))}
      />
    </Card>
  );
}

function StepRecord({ c }: { c: CaseDetail }) {
  const items = [
    c.filing && {
      key: 'filing',
      label: '立案',
      children: `${c.filing.requestedBy} ${c.filing.requestedOn} 提请；${c.filing.approver ? `${c.filing.approver} ${c.filing.decidedOn} ${c.filing.approved ? '批准' : '不予立案'}：${c.filing.approverOpinion}` : '待审批'}`,
    },
    c.investigators.length > 0 && { key: 'inv', label: '承办人员', children: c.investigators.map((i) => `${i.name}（${i.certificate ?? '无有效证件'}）`).join('、') },
    c.conclusion && {
      key: 'conclusion',
      label: '调查终结',
      children: `${c.conclusion.concludedOn}：拟${c.conclusion.outcome === 'penalty' ? penaltyText(c.conclusion.penalty) : outcomeLabels[c.conclusion.outcome]}；依据 ${c.conclusion.basis}${
        c.conclusion.reviewConditions.length ? `；法制审核情形：${c.conclusion.reviewConditions.map((k) => reviewConditionLabels[k]).join('、')}` : ''
      }${c.conclusion.complexOrMajor ? '；须集体讨论' : ''}`,
    },
    c.reviews.length > 0 && {
      key: 'reviews',
      label: '法制审核',
      children: c.reviews.map((r) => `${r.reviewedOn} ${r.reviewerName}：${reviewOpinionLabels[r.opinion]}（${r.comments}）`).join('；'),
    },
    c.discussion && { key: 'discussion', label: '集体讨论', children: `${c.discussion.discussedOn}（${c.discussion.attendees.join('、')}）：${c.discussion.conclusion}` },
    c.notice && {
      key: 'notice',
      label: '事先告知',
      children: `${c.notice.servedOn} ${serviceMethodLabels[c.notice.method]}：拟${penaltyText(c.notice.penalty)}${c.notice.hearingRight ? `；告知听证权，${c.notice.hearingDeadline} 前可提出` : ''}`,
    },
    c.statements && {
      key: 'statements',
      label: '陈述申辩',
      children: c.statements.stated ? `${c.statements.content}；复核：${c.statements.reexamination}（${c.statements.adopted ? '采纳' : '不采纳'}）` : '放弃陈述、申辩',
    },
    c.hearing && {
      key: 'hearing',
      label: '听证',
      children: `${c.hearing.requestedOn} 申请；${c.hearing.hearingOn ? `${c.hearing.hearingOn} 在${c.hearing.place}举行，主持人 ${c.hearing.presiderName}` : '待安排'}${c.hearing.heldOn ? '；已举行' : ''}${c.hearing.waived ? '；视为放弃' : ''}`,
    },
    c.decision && {
      key: 'decision',
      label: '决定',
      children: `${c.decisionNumber ?? ''} ${c.decision.decidedOn}${c.decision.approver ? `（${c.decision.approver}）` : ''}：${c.decision.outcome === 'penalty' ? penaltyText(c.decision.penalty) : outcomeLabels[c.decision.outcome]}`,
    },
    c.service && {
      key: 'service',
      label: '送达',
      children: `${c.service.servedOn} ${serviceMethodLabels[c.service.method]}，受送达人 ${c.service.recipient}${c.service.lateReason ? `；逾期原因：${c.service.lateReason}` : ''}`,
    },
    c.fineAmount > 0 && {
      key: 'payment',
      label: '执行',
      children: `罚款 ${c.fineAmount.toFixed(2)} 元，期限 ${c.paymentDue ?? '—'}；已缴 ${c.paidAmount.toFixed(2)} 元${c.surchargeDue ? `；加处罚款 ${c.surchargeDue.toFixed(2)} 元（已缴 ${c.surchargePaid.toFixed(2)}）` : ''}${
        c.payments.length ? `（${c.payments.map((p) => `${p.paidOn} ${paymentMethodLabels[p.method]} ${p.amount}`).join('；')}）` : ''
      }`,
    },
    c.preservations.length > 0 && {
      key: 'preservations',
      label: '先行登记保存',
      children: c.preservations
        .map(
          (p) =>
            `第${p.no}次 ${p.approvedOn}（${p.approver}批准）${p.items}：${p.handledOn ? `${p.handledOn} ${preservationHandlingLabels[p.handling as PreservationHandling]}${p.lateReason ? `（逾期原因：${p.lateReason}）` : ''}` : `待作出处理决定（${p.due} 前）`}`,
        )
        .join('；'),
    },
    c.paymentPlan && {
      key: 'paymentPlan',
      label: c.paymentPlan.kind === 'defer' ? '暂缓缴纳' : '分期缴纳',
      children: `${c.paymentPlan.approvedOn} ${c.paymentPlan.approver}批准（${c.paymentPlan.reason}）：${c.paymentPlan.instalments.map((x, i) => `第${i + 1}期 ${x.dueOn} 前 ${x.amount.toFixed(2)} 元`).join('；')}`,
    },
    c.courtEnforcement && {
      key: 'courtEnforcement',
      label: '强制执行',
      children: `催告书 ${c.courtEnforcement.urgedOn} 送达；${c.courtEnforcement.appliedOn} 申请${c.courtEnforcement.court}强制执行`,
    },
    c.closing && {
      key: 'closing',
      label: '结案归档',
      children: `${c.closing.closedOn} 结案：${c.closing.summary}${c.archivedOn ? `；${c.archivedOn} 归档${c.closing.volume ? `（${c.closing.volume}）` : ''}` : ''}`,
    },
    c.publication && {
      key: 'publication',
      label: '公示',
      children: `${c.publication.publishedOn} 公示${c.publication.late ? `（逾期，应于 ${c.publication.dueOn} 前）` : ''}${c.publication.withdrawnOn ? `；${c.publication.withdrawnOn} 撤回：${c.publication.withdrawReason}` : ''}`,
    },
    c.decisionChange && { key: 'change', label: '决定变更', children: `${c.decisionChange.changedOn} ${c.decisionChange.authority}：${c.decisionChange.reason}` },
  ].filter(Boolean) as { key: string; label: string; children: string }[];
  return items.length ? <Descriptions size="small" column={1} bordered items={items} /> : <Empty description="尚未进入办案环节" />;
}

function EditClueButton({ c }: { c: CaseDetail }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>
        修改线索
      </Button>
      <ClueDrawer open={open} editing={c} onClose={() => setOpen(false)} />
    </>
  );
}

export function CasePage() {
  const { id } = useParams();
  const caseId = Number(id);
  const access = useAccess();
  const queryClient = useQueryClient();
  const { data: c, isPending, error } = useQuery({ queryKey: enforcementKeys.case(caseId), queryFn: () => enforcementApi.case(caseId) });
  if (isPending) return <Spin />;
  if (error || !c)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={error?.message ?? '案件不存在'}
        extra={<Link to="/enforcement">返回案件列表</Link>}
      />
    );
  const refreshTimeline = () => setTimeout(() => queryClient.invalidateQueries({ queryKey: enforcementKeys.timeline(c.id) }), 1500);
  return (
    <>
      <EnforcementNav />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card
          title={
            <Space wrap>
              <span>{c.summary}</span>
              <Tag color="blue">{caseStatusLabels[c.status]}</Tag>
              <Tag>{procedureLabels[c.procedure]}</Tag>
              {c.imported && <Tag color="orange">台账导入</Tag>}
            </Space>
          }
          extra={access.canWriteEnforcement && c.status === 'clue' && <EditClueButton c={c} />}
          size="small"
        >
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              { key: 'party', label: '当事人', children: `${c.party.name}（${partyTypeLabels[c.party.type]}）` },
              { key: 'id', label: c.party.type === 'person' ? '身份证号' : '统一社会信用代码', children: c.party.idNumber ?? '—' },
              { key: 'phone', label: '联系电话', children: c.party.phone ?? '—' },
              { key: 'address', label: '住所', children: c.party.address || '—' },
              { key: 'power', label: '执法事项', children: `${c.powerCode} ${c.powerName}` },
              { key: 'act', label: '违法行为', children: `${c.actDate}${c.actEndDate ? ` 至 ${c.actEndDate}` : ''} ${c.actPlace}` },
              { key: 'filing', label: '立案编号', children: c.filingNumber ?? '—' },
              { key: 'decision', label: '决定书文号', children: c.decisionNumber ?? '—' },
              { key: 'body', label: '执法主体', children: c.bodyName },
            ]}
          />
        </Card>

        {(c.agenda.deadlines.length > 0 || c.agenda.blocked.length > 0) && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {c.agenda.deadlines.map((d) => (
              <Alert
                key={`${d.label}${d.due}`}
                type={d.overdue ? 'error' : d.daysLeft <= 3 ? 'warning' : 'info'}
                showIcon
                icon={d.overdue ? <WarningOutlined /> : undefined}
                title={`${d.label}：${d.due}（${d.overdue ? `已逾期 ${-d.daysLeft} 天` : `剩 ${d.daysLeft} 天`}，${d.article.startsWith('第') ? `《行政处罚法》${d.article}` : d.article}）`}
              />
            ))}
            {c.agenda.blocked.map((b) => (
              <Alert key={b} type="warning" showIcon title={b} />
            ))}
          </Space>
        )}

        <Card title={`办案环节${c.agenda.next ? `：下一步 ${c.agenda.next}` : ''}`} size="small">
          <StepActions c={c} access={access} />
        </Card>

        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Card title="办案记录" size="small">
                <StepRecord c={c} />
              </Card>
              <EvidencePanel c={c} canWrite={access.canWriteEnforcement} />
              <Card title="文书" size="small">
                <Space wrap>
                  {documentKinds.map((kind) => (
                    <Button
                      key={kind}
                      icon={<FileWordOutlined />}
                      disabled={documentAvailable(c, kind) !== null}
                      href={enforcementApi.documentUrl(c.id, kind)}
                      onClick={refreshTimeline}
                    >
                      {documentKindLabels[kind]}
                    </Button>
                  ))}
                </Space>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  <CheckCircleOutlined /> {c.imported ? documentAvailable(c, 'decision') : '文书按 GB/T 9704-2012 版式生成（A4，3号仿宋），每次制作记入全过程记录。'}
                </Typography.Paragraph>
              </Card>
            </Space>
          </Col>
          <Col xs={24} xl={10}>
            <TimelinePanel c={c} />
          </Col>
        </Row>
      </Space>
    </>
  );
}
