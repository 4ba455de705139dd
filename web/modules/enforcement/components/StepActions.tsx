import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import type { CaseDetail } from '../../../../domain/enforcement/contracts.ts';
import {
  amountOwed,
  outcomeLabels,
  outcomes,
  paymentMethodLabels,
  paymentMethods,
  penaltyKindLabels,
  penaltyKinds,
  preservationHandlingLabels,
  preservationHandlings,
  reviewConditionLabels,
  reviewConditions,
  reviewOpinionLabels,
  reviewOpinions,
  serviceMethodLabels,
  serviceMethods,
} from '../../../../domain/enforcement/rules.ts';
import type { Access } from '../../../app/access.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormModal } from '../../../ui/FormModal.tsx';
import { enforcementApi, enforcementKeys } from '../api.ts';
import { OfficerSelect, StaffSelect } from './OfficerSelect.tsx';

type Values = Record<string, any>;
type Action = {
  key: string;
  /** The API path under /cases/:id/. */
  path: string;
  label: string;
  primary?: boolean;
  danger?: boolean;
  show: (c: CaseDetail, a: Access) => boolean;
  initial?: (c: CaseDetail) => Values;
  fields: (c: CaseDetail) => ReactNode;
  body: (v: Values, c: CaseDetail) => object;
};

const today = () => dayjs(todayString());
const d = (v: Dayjs | undefined) => toDateString(v) ?? todayString();
const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));
const req = (message: string) => [{ required: true, message }];

const date = (name: string, label: string) => (
  <Form.Item name={name} label={label} rules={req(`请选择${label}`)}>
    <DatePicker style={{ width: '100%' }} />
  </Form.Item>
);
const text = (name: string, label: string, required = true, rows = 3) => (
  <Form.Item name={name} label={label} rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}>
    <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} />
  </Form.Item>
);
const penaltyFields = (
  <>
    <Form.Item name="kinds" label="处罚种类">
      <Select mode="multiple" options={options(penaltyKinds, penaltyKindLabels)} />
    </Form.Item>
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item name="fineAmount" label="罚款金额（元）">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item name="confiscationValue" label="没收金额（元）">
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
    </Row>
    <Form.Item name="otherPenalty" label="其他处罚内容（选「其他行政处罚」时填写）">
      <Input />
    </Form.Item>
  </>
);
const penaltyBody = (v: Values) => ({
  kinds: v.kinds ?? [],
  fineAmount: v.fineAmount ?? 0,
  confiscationValue: v.confiscationValue ?? 0,
  otherPenalty: v.otherPenalty || undefined,
});
const after = (c: CaseDetail, ...statuses: CaseDetail['status'][]) => statuses.includes(c.status);
const reviewChecks = [
  ['subject', '主体合法、人员具备执法资格'],
  ['procedure', '程序合法'],
  ['facts', '事实清楚、证据合法充分'],
  ['law', '适用法律准确、裁量适当'],
  ['authority', '未超越法定权限'],
  ['documents', '文书完备规范'],
  ['crime', '涉嫌犯罪、需移送司法机关'],
] as const;

export const actions: Action[] = [
  {
    key: 'request-filing',
    path: 'request-filing',
    label: '提请立案',
    primary: true,
    show: (c, a) => a.canWriteEnforcement && c.status === 'clue',
    initial: () => ({ requestedOn: today(), opinion: '经初步核查，涉嫌违法事实基本清楚，属于本机关管辖，建议立案调查' }),
    fields: () => (
      <>
        {date('requestedOn', '提请日期')}
        <Form.Item name="investigatorIds" label="承办执法人员（不少于两人）" rules={req('请选择承办人员')}>
          <OfficerSelect />
        </Form.Item>
        {text('opinion', '承办人意见')}
      </>
    ),
    body: (v) => ({ requestedOn: d(v.requestedOn), investigatorIds: v.investigatorIds, opinion: v.opinion }),
  },
  {
    key: 'approve-filing',
    path: 'filing-decision',
    label: '批准立案',
    primary: true,
    show: (c, a) => a.canApproveEnforcement && c.status === 'filing',
    initial: () => ({ decidedOn: today(), opinion: '同意立案' }),
    fields: () => (
      <>
        {date('decidedOn', '审批日期')}
        {text('opinion', '审批意见', true, 2)}
      </>
    ),
    body: (v) => ({ approve: true, decidedOn: d(v.decidedOn), opinion: v.opinion }),
  },
  {
    key: 'refuse-filing',
    path: 'filing-decision',
    label: '不予立案',
    danger: true,
    show: (c, a) => a.canApproveEnforcement && c.status === 'filing',
    initial: () => ({ decidedOn: today() }),
    fields: () => (
      <>
        {date('decidedOn', '审批日期')}
        {text('opinion', '不予立案理由', true, 2)}
      </>
    ),
    body: (v) => ({ approve: false, decidedOn: d(v.decidedOn), opinion: v.opinion }),
  },
  {
    key: 'conclude',
    path: 'conclude',
    label: '调查终结',
    primary: true,
    show: (c, a) => a.canWriteEnforcement && after(c, 'investigating', 'reviewing'),
    initial: (c) => ({
      concludedOn: today(),
      facts: c.conclusion?.facts ?? c.summary,
      evidenceSummary: c.conclusion?.evidenceSummary ?? c.evidence.map((e) => e.title).join('、'),
      outcome: c.conclusion?.outcome ?? 'penalty',
      kinds: c.conclusion?.penalty.kinds ?? ['fine'],
      fineAmount: c.conclusion?.penalty.fineAmount ?? 0,
      basis: c.conclusion?.basis,
      discretionReason: c.conclusion?.discretionReason,
      reviewConditions: c.conclusion?.reviewConditions ?? [],
      complexOrMajor: c.conclusion?.complexOrMajor ?? false,
    }),
    fields: () => (
      <>
        {date('concludedOn', '调查终结日期')}
        {text('facts', '违法事实')}
        {text('evidenceSummary', '证据情况', true, 2)}
        <Form.Item name="outcome" label="拟处理意见" rules={req('请选择')}>
          <Select options={options(outcomes, outcomeLabels)} />
        </Form.Item>
        {penaltyFields}
        {text('basis', '法律依据', true, 2)}
        {text('discretionReason', '裁量理由', false, 2)}
        <Form.Item name="reviewConditions" label="法制审核情形（《行政处罚法》第五十八条，勾选任一项即须法制审核）">
          <Checkbox.Group options={options(reviewConditions, reviewConditionLabels).filter((o) => o.value !== 'hearing_held')} />
        </Form.Item>
        <Form.Item name="complexOrMajor" label="情节复杂或重大违法（须负责人集体讨论）" valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    ),
    body: (v) => ({
      concludedOn: d(v.concludedOn),
      facts: v.facts,
      evidenceSummary: v.evidenceSummary,
      outcome: v.outcome,
      ...penaltyBody(v),
      basis: v.basis,
      discretionReason: v.discretionReason || undefined,
      reviewConditions: v.reviewConditions ?? [],
      complexOrMajor: Boolean(v.complexOrMajor),
    }),
  },
  {
    key: 'legal-review',
    path: 'legal-review',
    label: '法制审核',
    primary: true,
    show: (c, a) => a.canReviewEnforcement && after(c, 'reviewing', 'notified'),
    initial: () => ({ reviewedOn: today(), opinion: 'agree', checks: reviewChecks.filter(([k]) => k !== 'crime').map(([k]) => k) }),
    fields: () => (
      <>
        {date('reviewedOn', '审核日期')}
        <Form.Item name="checks" label="审核内容（勾选表示符合；「涉嫌犯罪」勾选表示需移送）">
          <Checkbox.Group options={reviewChecks.map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="opinion" label="审核意见" rules={req('请选择')}>
          <Select options={options(reviewOpinions, reviewOpinionLabels)} />
        </Form.Item>
        {text('comments', '审核意见说明')}
      </>
    ),
    body: (v) => ({
      reviewedOn: d(v.reviewedOn),
      opinion: v.opinion,
      checks: Object.fromEntries(reviewChecks.map(([k]) => [k, (v.checks ?? []).includes(k)])),
      comments: v.comments,
    }),
  },
  {
    key: 'discussion',
    path: 'discussion',
    label: '集体讨论',
    show: (c, a) => a.canApproveEnforcement && after(c, 'reviewing', 'notified') && Boolean(c.conclusion?.complexOrMajor),
    initial: () => ({ discussedOn: today(), attendees: [] }),
    fields: () => (
      <>
        {date('discussedOn', '讨论日期')}
        <Form.Item name="attendees" label="参加的负责人（不少于三人）" rules={req('请填写参加人员')}>
          <Select mode="tags" tokenSeparators={[',', '，', '、', ' ']} open={false} />
        </Form.Item>
        {text('conclusion', '讨论结论', true, 2)}
        {text('minutes', '讨论记录', false)}
      </>
    ),
    body: (v) => ({ discussedOn: d(v.discussedOn), attendees: v.attendees, conclusion: v.conclusion, minutes: v.minutes || undefined }),
  },
  {
    key: 'notice',
    path: 'notice',
    label: '送达事先告知书',
    primary: true,
    show: (c, a) => a.canWriteEnforcement && c.status === 'reviewing' && c.conclusion?.outcome === 'penalty',
    initial: () => ({ servedOn: today(), method: 'direct' }),
    fields: () => (
      <>
        <Typography.Paragraph type="secondary">
          告知拟作出的处罚内容及事实、理由、依据，并告知陈述、申辩权；属于第六十三条情形的，同时告知听证权（五个工作日内提出）。
        </Typography.Paragraph>
        {date('servedOn', '送达日期')}
        <Form.Item name="method" label="送达方式" rules={req('请选择')}>
          <Select options={options(serviceMethods, serviceMethodLabels)} />
        </Form.Item>
      </>
    ),
    body: (v) => ({ servedOn: d(v.servedOn), method: v.method }),
  },
  {
    key: 'statements',
    path: 'statements',
    label: '陈述申辩',
    show: (c, a) => a.canWriteEnforcement && c.status === 'notified',
    initial: () => ({ recordedOn: today(), stated: false, adopted: false }),
    fields: () => (
      <>
        {date('recordedOn', '记录日期')}
        <Form.Item name="stated" label="当事人提出陈述、申辩（关闭表示放弃）" valuePropName="checked">
          <Switch />
        </Form.Item>
        {text('content', '陈述申辩内容', false, 2)}
        {text('reexamination', '复核意见', false, 2)}
        <Form.Item name="adopted" label="予以采纳" valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    ),
    body: (v) => ({
      recordedOn: d(v.recordedOn),
      stated: Boolean(v.stated),
      content: v.content || undefined,
      reexamination: v.reexamination || undefined,
      adopted: Boolean(v.adopted),
    }),
  },
  {
    key: 'hearing-request',
    path: 'hearing-request',
    label: '受理听证申请',
    show: (c, a) => a.canWriteEnforcement && c.status === 'notified' && c.hearingEligible && !c.hearing,
    initial: () => ({ requestedOn: today() }),
    fields: () => date('requestedOn', '申请日期'),
    body: (v) => ({ requestedOn: d(v.requestedOn) }),
  },
  {
    key: 'hearing-waive',
    path: 'hearing-waive',
    label: '放弃听证',
    show: (c, a) => a.canWriteEnforcement && c.status === 'notified' && c.hearingEligible && !c.hearing,
    initial: () => ({ waivedOn: today() }),
    fields: () => date('waivedOn', '放弃日期'),
    body: (v) => ({ waivedOn: d(v.waivedOn) }),
  },
  {
    key: 'hearing-schedule',
    path: 'hearing-schedule',
    label: '安排听证',
    show: (c, a) => a.canWriteEnforcement && c.status === 'notified' && Boolean(c.hearing) && !c.hearing?.heldOn && !c.hearing?.waived,
    initial: () => ({ notifiedOn: today(), public: true }),
    fields: () => (
      <>
        {date('notifiedOn', '通知日期')}
        {date('hearingOn', '听证日期（通知后至少七个工作日）')}
        <Form.Item name="place" label="听证地点" rules={req('请填写地点')}>
          <Input />
        </Form.Item>
        <Form.Item name="presiderId" label="主持人（非本案调查人员）" rules={req('请选择主持人')}>
          <StaffSelect />
        </Form.Item>
        <Form.Item name="public" label="公开举行" valuePropName="checked">
          <Switch />
        </Form.Item>
      </>
    ),
    body: (v) => ({ notifiedOn: d(v.notifiedOn), hearingOn: d(v.hearingOn), place: v.place, presiderId: v.presiderId, public: Boolean(v.public) }),
  },
  {
    key: 'hearing-record',
    path: 'hearing-record',
    label: '记录听证',
    show: (c, a) => a.canWriteEnforcement && c.status === 'notified' && Boolean(c.hearing?.hearingOn) && !c.hearing?.heldOn && !c.hearing?.waived,
    initial: (c) => ({ heldOn: c.hearing?.hearingOn ? dayjs(c.hearing.hearingOn) : today(), partyAttended: true }),
    fields: () => (
      <>
        {date('heldOn', '举行日期')}
        <Form.Item name="partyAttended" label="当事人到场（无正当理由不到场视为放弃）" valuePropName="checked">
          <Switch />
        </Form.Item>
        {text('minutes', '听证笔录', true, 4)}
      </>
    ),
    body: (v) => ({ heldOn: d(v.heldOn), partyAttended: Boolean(v.partyAttended), minutes: v.minutes }),
  },
  {
    key: 'decision',
    path: 'decision',
    label: '作出决定',
    primary: true,
    show: (c, a) => a.canApproveEnforcement && (c.status === 'notified' || (c.status === 'reviewing' && c.conclusion?.outcome !== 'penalty')),
    initial: (c) => ({
      decidedOn: today(),
      outcome: c.conclusion?.outcome ?? 'penalty',
      kinds: c.notice?.penalty.kinds ?? c.conclusion?.penalty.kinds ?? [],
      fineAmount: c.notice?.penalty.fineAmount ?? c.conclusion?.penalty.fineAmount ?? 0,
      confiscationValue: c.notice?.penalty.confiscationValue ?? 0,
      otherPenalty: c.conclusion?.penalty.other,
      reasons: c.conclusion?.discretionReason || undefined,
    }),
    fields: () => (
      <>
        {date('decidedOn', '决定日期')}
        <Form.Item name="outcome" label="处理决定" rules={req('请选择')}>
          <Select options={options(outcomes, outcomeLabels)} />
        </Form.Item>
        {penaltyFields}
        {text('reasons', '理由（含陈述申辩采纳情况）')}
      </>
    ),
    body: (v) => ({ decidedOn: d(v.decidedOn), outcome: v.outcome, ...penaltyBody(v), reasons: v.reasons }),
  },
  {
    key: 'service',
    path: 'service',
    label: '送达决定书',
    primary: true,
    show: (c, a) => a.canWriteEnforcement && c.status === 'decided' && c.outcome !== 'transfer',
    initial: (c) => ({ servedOn: today(), method: 'direct', recipient: c.party.name, place: c.party.address }),
    fields: () => (
      <>
        {date('servedOn', '送达日期')}
        <Form.Item name="method" label="送达方式" rules={req('请选择')}>
          <Select options={options(serviceMethods, serviceMethodLabels)} />
        </Form.Item>
        <Form.Item name="recipient" label="受送达人" rules={req('请填写受送达人')}>
          <Input />
        </Form.Item>
        <Form.Item name="place" label="送达地点">
          <Input />
        </Form.Item>
        <Form.Item name="electronicConsent" label="当事人同意电子送达并签订确认书" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="lateReason" label="逾期原因（超过七个工作日送达时填写）">
          <Input />
        </Form.Item>
      </>
    ),
    body: (v) => ({
      servedOn: d(v.servedOn),
      method: v.method,
      recipient: v.recipient,
      place: v.place || undefined,
      electronicConsent: Boolean(v.electronicConsent),
      lateReason: v.lateReason || undefined,
    }),
  },
  {
    key: 'payment',
    path: 'payment',
    label: '登记缴款',
    primary: true,
    show: (c, a) => a.canWriteEnforcement && c.status === 'served' && amountOwed(c) > 0,
    initial: (c) => ({ paidOn: today(), amount: c.fineAmount - c.paidAmount + Math.max(0, c.surchargeDue - c.surchargePaid), method: 'bank' }),
    fields: (c) => (
      <>
        <Typography.Paragraph type="secondary">
          罚款 {c.fineAmount.toFixed(2)} 元，缴款期限 {c.paymentDue}；逾期每日按罚款数额的 3% 加处罚款，不超过罚款数额（第七十二条）。
        </Typography.Paragraph>
        {date('paidOn', '缴款日期')}
        <Form.Item name="amount" label="缴款金额（元）" rules={req('请填写金额')}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="method" label="缴款方式" rules={req('请选择')}>
          <Select options={options(paymentMethods, paymentMethodLabels)} />
        </Form.Item>
        <Form.Item name="receipt" label="票据号">
          <Input />
        </Form.Item>
      </>
    ),
    body: (v) => ({ paidOn: d(v.paidOn), amount: v.amount, method: v.method, receipt: v.receipt || undefined }),
  },
  {
    key: 'preservation',
    path: 'preservation',
    label: '先行登记保存',
    show: (c, a) => a.canWriteEnforcement && c.status === 'investigating',
    initial: () => ({ approvedOn: today() }),
    fields: () => (
      <>
        <Typography.Paragraph type="secondary">
          证据可能灭失或者以后难以取得的，经行政机关负责人批准，可以先行登记保存，并应当在七日内（工作日）作出处理决定（第五十六条）。
        </Typography.Paragraph>
        {date('approvedOn', '负责人批准日期')}
        <Form.Item name="approver" label="批准的负责人" rules={req('请填写批准的负责人')}>
          <Input />
        </Form.Item>
        {text('items', '保存的证据（名称、数量）')}
        <Form.Item name="place" label="保存地点">
          <Input />
        </Form.Item>
      </>
    ),
    body: (v) => ({ approvedOn: d(v.approvedOn), approver: v.approver, items: v.items, place: v.place || undefined }),
  },
  {
    key: 'preservation-handling',
    path: 'preservation-handling',
    label: '先行登记保存处理决定',
    primary: true,
    show: (c, a) => a.canWriteEnforcement && c.preservations.some((p) => !p.handledOn),
    initial: (c) => ({ no: c.preservations.find((p) => !p.handledOn)?.no, handledOn: today() }),
    fields: (c) => (
      <>
        <Form.Item name="no" label="先行登记保存" rules={req('请选择')}>
          <Select options={c.preservations.filter((p) => !p.handledOn).map((p) => ({ value: p.no, label: `第${p.no}次（${p.approvedOn} 批准，${p.due} 前处理）：${p.items}` }))} />
        </Form.Item>
        {date('handledOn', '处理决定日期')}
        <Form.Item name="handling" label="处理决定" rules={req('请选择处理决定')}>
          <Select options={options(preservationHandlings, preservationHandlingLabels)} />
        </Form.Item>
        {text('handlingNote', '处理情况', false, 2)}
        <Form.Item name="lateReason" label="逾期原因（超过七个工作日时填写）">
          <Input />
        </Form.Item>
      </>
    ),
    body: (v) => ({ no: v.no, handledOn: d(v.handledOn), handling: v.handling, handlingNote: v.handlingNote || undefined, lateReason: v.lateReason || undefined }),
  },
  {
    key: 'payment-plan',
    path: 'payment-plan',
    label: '批准暂缓/分期缴纳',
    show: (c, a) => a.canApproveEnforcement && c.status === 'served' && c.outcome === 'penalty' && c.paidAmount < c.fineAmount && !c.paymentPlan,
    initial: (c) => ({
      kind: 'instalments',
      appliedOn: today(),
      approvedOn: today(),
      instalments: [
        { dueOn: today().add(1, 'month'), amount: Math.round(((c.fineAmount - c.paidAmount) / 2) * 100) / 100 },
        { dueOn: today().add(2, 'month'), amount: Math.round(((c.fineAmount - c.paidAmount) / 2) * 100) / 100 },
      ],
    }),
    fields: (c) => (
      <>
        <Typography.Paragraph type="secondary">
          当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳（第六十六条第二款）。尚未缴纳的罚款{' '}
          {(c.fineAmount - c.paidAmount).toFixed(2)} 元，各期合计应与之相等。
        </Typography.Paragraph>
        <Form.Item name="kind" label="方式" rules={req('请选择')}>
          <Select
            options={[
              { value: 'defer', label: '暂缓缴纳（一个期限）' },
              { value: 'instalments', label: '分期缴纳' },
            ]}
          />
        </Form.Item>
        {date('appliedOn', '当事人申请日期')}
        {date('approvedOn', '批准日期')}
        {text('reason', '申请理由（经济困难情况）', true, 2)}
        <Form.List name="instalments">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <Space key={item.key} align="baseline">
                  <Form.Item name={[item.name, 'dueOn']} label={`第${i + 1}期期限`} rules={req('请选择期限')}>
                    <DatePicker />
                  </Form.Item>
                  <Form.Item name={[item.name, 'amount']} label="金额（元）" rules={req('请填写金额')}>
                    <InputNumber min={0.01} precision={2} />
                  </Form.Item>
                  {items.length > 1 && <Button onClick={() => remove(item.name)}>删除</Button>}
                </Space>
              ))}
              <Button onClick={() => add({ dueOn: today(), amount: 0 })}>增加一期</Button>
            </>
          )}
        </Form.List>
      </>
    ),
    body: (v) => ({
      kind: v.kind,
      appliedOn: d(v.appliedOn),
      approvedOn: d(v.approvedOn),
      reason: v.reason,
      instalments: (v.instalments ?? []).map((x: Values) => ({ dueOn: d(x.dueOn), amount: x.amount })),
    }),
  },
  {
    key: 'court-enforcement',
    path: 'court-enforcement',
    label: '申请法院强制执行',
    // As the server rules: only money still owed (fine or surcharge) goes to the court, once the deadline has passed.
    show: (c, a) => a.canApproveEnforcement && c.status === 'served' && amountOwed(c) > 0 && !c.courtEnforcement && Boolean(c.paymentDue && c.paymentDue < todayString()),
    initial: () => ({ appliedOn: today(), court: '' }),
    fields: () => (
      <>
        <Typography.Paragraph type="secondary">
          当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行的，应先催告；催告书送达十日后仍未履行的，自起诉期限（六个月）届满之日起三个月内申请人民法院强制执行（《行政强制法》第五十三条、第五十四条）。
        </Typography.Paragraph>
        {date('urgedOn', '催告书送达日期')}
        {date('appliedOn', '申请强制执行日期')}
        <Form.Item name="court" label="受理法院" rules={req('请填写受理法院')}>
          <Input />
        </Form.Item>
      </>
    ),
    body: (v) => ({ urgedOn: d(v.urgedOn), appliedOn: d(v.appliedOn), court: v.court }),
  },
  {
    key: 'close',
    path: 'close',
    label: '结案',
    primary: true,
    show: (c, a) => a.canWriteEnforcement && (c.status === 'served' || (c.status === 'decided' && c.outcome === 'transfer')),
    initial: () => ({ closedOn: today(), summary: '处罚决定已履行完毕' }),
    fields: () => (
      <>
        {date('closedOn', '结案日期')}
        {text('summary', '结案情况', true, 2)}
      </>
    ),
    body: (v) => ({ closedOn: d(v.closedOn), summary: v.summary }),
  },
  {
    key: 'archive',
    path: 'archive',
    label: '归档',
    primary: true,
    show: (c, a) => a.canWriteEnforcement && c.status === 'closed',
    initial: () => ({ archivedOn: today() }),
    fields: () => (
      <>
        {date('archivedOn', '归档日期')}
        <Form.Item name="volume" label="案卷号">
          <Input />
        </Form.Item>
      </>
    ),
    body: (v) => ({ archivedOn: d(v.archivedOn), volume: v.volume || undefined }),
  },
  {
    key: 'publish',
    path: 'publish',
    label: '公示决定',
    show: (c, a) => (a.canManageEnforcement || a.canWriteEnforcement) && c.outcome === 'penalty' && Boolean(c.decisionNumber) && !c.publication,
    initial: () => ({ publishedOn: today() }),
    fields: () => (
      <>
        <Typography.Paragraph type="secondary">自决定之日起七个工作日内公开（国办发〔2018〕118号）；当事人姓名、证件号码、电话、门牌地址自动脱敏。</Typography.Paragraph>
        {date('publishedOn', '公示日期')}
      </>
    ),
    body: (v) => ({ publishedOn: d(v.publishedOn) }),
  },
  {
    key: 'extend',
    path: 'extend',
    label: '延长办案期限',
    show: (c, a) => a.canApproveEnforcement && after(c, 'investigating', 'reviewing', 'notified'),
    fields: () => (
      <>
        {date('extendedTo', '延长至')}
        {text('basis', '延长依据（法律、法规、规章的规定及批准情况）', true, 2)}
      </>
    ),
    body: (v) => ({ extendedTo: d(v.extendedTo), basis: v.basis }),
  },
  {
    key: 'decision-change',
    path: 'decision-change',
    label: '登记决定变更/撤销',
    show: (c, a) => a.canApproveEnforcement && after(c, 'decided', 'served', 'closed', 'archived') && !c.decisionChange,
    initial: () => ({ changedOn: today(), kind: 'revoked' }),
    fields: () => (
      <>
        {date('changedOn', '变更/撤销日期')}
        <Form.Item name="kind" label="情形" rules={req('请选择')}>
          <Select
            options={[
              { value: 'changed', label: '被变更' },
              { value: 'revoked', label: '被撤销' },
              { value: 'illegal', label: '被确认违法' },
              { value: 'void', label: '被确认无效' },
            ]}
          />
        </Form.Item>
        <Form.Item name="authority" label="作出机关" rules={req('请填写')}>
          <Input placeholder="如：乌苏市人民政府（行政复议）" />
        </Form.Item>
        {text('reason', '理由', true, 2)}
      </>
    ),
    body: (v) => ({ changedOn: d(v.changedOn), kind: v.kind, authority: v.authority, reason: v.reason }),
  },
  {
    key: 'withdraw',
    path: 'withdraw',
    label: '撤回公示',
    danger: true,
    show: (c, a) => (a.canManageEnforcement || a.canWriteEnforcement) && Boolean(c.publication) && !c.publication?.withdrawnOn,
    initial: () => ({ withdrawnOn: today() }),
    fields: () => (
      <>
        <Typography.Paragraph type="secondary">处罚决定被依法变更、撤销、确认违法或者确认无效的，应在三个工作日内撤回公示信息并说明理由（第四十八条第二款）。</Typography.Paragraph>
        {date('withdrawnOn', '撤回日期')}
        {text('reason', '撤回理由', true, 2)}
      </>
    ),
    body: (v) => ({ withdrawnOn: d(v.withdrawnOn), reason: v.reason }),
  },
];

/** The steps this user may take now, as buttons; the server allows or refuses each with its message. */
export function StepActions({ c, access }: { c: CaseDetail; access: Access }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Action | null>(null);
  const available = actions.filter((a) => a.show(c, access));
  return (
    <>
      {available.length === 0 ? (
        <Typography.Text type="secondary">当前没有您可以办理的环节</Typography.Text>
      ) : (
        <Space wrap>
          {available.map((a) => (
            <Button key={a.key} type={a.primary ? 'primary' : 'default'} danger={a.danger} onClick={() => setOpen(a)}>
              {a.label}
            </Button>
          ))}
        </Space>
      )}
      <FormModal<Values>
        open={open !== null}
        title={open?.label ?? ''}
        okText="提交"
        successMessage={`${open?.label ?? ''}：已完成`}
        initialValues={open?.initial?.(c)}
        onClose={() => setOpen(null)}
        onSubmit={async (v) => {
          if (!open) return;
          await enforcementApi.step(c.id, open.path, { ...open.body(v, c), version: c.version });
          await queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
        }}
      >
        {open?.fields(c)}
      </FormModal>
    </>
  );
}
