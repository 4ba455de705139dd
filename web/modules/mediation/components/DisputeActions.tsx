import { Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { CloseBody, Committee, Dispute, FollowUpCreate, JudicialResultBody, Session } from '../../../../domain/mediation/contracts.ts';
import { judicialResultLabels } from '../../../../domain/mediation/rules.ts';
import { toDateString, toDayjs, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { mediationApi } from '../api.ts';
import { agreementOptions, channelOptions, followUpMethodOptions, performanceOptions } from '../options.ts';

export type Action = 'accept' | 'refuse' | 'session' | 'close' | 'followUp' | 'judicial' | 'judicialResult' | 'void';
type Props = {
  dispute: Dispute;
  committee: Committee | undefined;
  action: Action | null;
  /** With action 'session': the record being corrected (otherwise a new one). */
  session?: Session | null;
  onClose: () => void;
  onDone: (d: Dispute | null) => Promise<void>;
};

const date = (d: Dayjs | undefined) => toDateString(d) ?? todayString();
const today = () => toDayjs(todayString());
const required = (message: string) => [{ required: true, message }];

/** The forms of each step of a dispute, opened from its page; every one sends the version the clerk saw. */
export function DisputeActions({ dispute: d, committee, action, session, onClose, onDone }: Props) {
  const serving = (committee?.members ?? []).filter((m) => m.leftOn === null);
  const names = d.parties.map((p) => p.name);
  const common = { onClose, successMessage: '已保存' };
  return (
    <>
      <FormModal<{ acceptedOn: Dayjs; mediatorIds: number[] }>
        {...common}
        open={action === 'accept'}
        title="受理纠纷"
        okText="受理"
        initialValues={{ acceptedOn: today(), mediatorIds: d.mediators.map((m) => m.id) }}
        onSubmit={async (v) => onDone(await mediationApi.accept(d.id, { acceptedOn: date(v.acceptedOn), mediatorIds: v.mediatorIds, version: d.version }))}
      >
        <Form.Item name="acceptedOn" label="受理日期" rules={required('请选择受理日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="mediatorIds" label="指定调解员" rules={required('请指定调解员')} extra="人民调解委员会可以指定一名或者数名人民调解员进行调解（第十九条）">
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={serving.map((m) => ({ value: m.id, label: `${m.name}（${m.title || m.position}）` }))} />
        </Form.Item>
      </FormModal>

      <FormModal<{ refusedOn: Dayjs; refusingParty: string; reason: string }>
        {...common}
        open={action === 'refuse'}
        title="当事人明确拒绝调解"
        okText="登记"
        initialValues={{ refusedOn: today() }}
        onSubmit={async (v) => onDone(await mediationApi.refuse(d.id, { refusedOn: date(v.refusedOn), refusingParty: v.refusingParty, reason: v.reason, version: d.version }))}
      >
        <Typography.Paragraph type="secondary">当事人一方明确拒绝调解的，不得调解（《人民调解法》第十七条）。登记后该纠纷不再进行调解。</Typography.Paragraph>
        <Form.Item name="refusedOn" label="拒绝日期" rules={required('请选择日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="refusingParty" label="拒绝调解的当事人" rules={required('请选择当事人')}>
          <Select options={names.map((n) => ({ value: n, label: n }))} />
        </Form.Item>
        <Form.Item name="reason" label="拒绝理由" rules={[...required('请填写拒绝理由'), { max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>

      <FormDrawer<{ heldOn: Dayjs; place: string; mediators: string[]; attendees: string[]; record: string }>
        {...common}
        open={action === 'session'}
        title={session ? '修改调解记录' : '记录调解'}
        initialValues={
          session
            ? { heldOn: toDayjs(session.heldOn), place: session.place, mediators: session.mediators, attendees: session.attendees, record: session.record }
            : { heldOn: today(), place: committee?.address ?? '', mediators: d.mediators.map((m) => m.name), attendees: names }
        }
        onSubmit={async (v) => {
          const body = { heldOn: date(v.heldOn), place: v.place, mediators: v.mediators, attendees: v.attendees ?? [], record: v.record, version: d.version };
          onDone(await (session ? mediationApi.updateSession(d.id, session.id, body) : mediationApi.session(d.id, body)));
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="heldOn" label="调解日期" rules={required('请选择调解日期')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="place" label="调解地点" rules={[...required('请填写调解地点'), { max: 200 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="mediators" label="调解员" rules={required('请填写调解员')}>
          <Select mode="tags" options={serving.map((m) => ({ value: m.name, label: m.name }))} />
        </Form.Item>
        <Form.Item name="attendees" label="参加人员" extra="当事人及邀请参与调解的亲属、邻里等（第二十条）">
          <Select mode="tags" options={names.map((n) => ({ value: n, label: n }))} />
        </Form.Item>
        <Form.Item name="record" label="调解情况记录" rules={[...required('请记录调解情况'), { max: 20000 }]} extra="人民调解员应当记录调解情况（第二十七条）">
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 14 }} />
        </Form.Item>
      </FormDrawer>

      <CloseDrawer {...common} dispute={d} open={action === 'close'} onDone={onDone} />

      <FormModal<Omit<FollowUpCreate, 'version' | 'followedOn'> & { followedOn: Dayjs }>
        {...common}
        open={action === 'followUp'}
        title="回访"
        initialValues={{ followedOn: today(), method: 'phone', performance: 'performed' }}
        onSubmit={async (v) => onDone(await mediationApi.followUp(d.id, { ...v, followedOn: date(v.followedOn), version: d.version }))}
      >
        <Typography.Paragraph type="secondary">人民调解委员会应当对调解协议的履行情况进行监督，督促当事人履行约定的义务（第三十一条）。</Typography.Paragraph>
        <Form.Item name="followedOn" label="回访日期" rules={required('请选择回访日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="method" label="回访方式" rules={required('请选择回访方式')}>
          <Radio.Group options={followUpMethodOptions} />
        </Form.Item>
        <Form.Item name="performance" label="履行情况" rules={required('请选择履行情况')}>
          <Select options={performanceOptions} />
        </Form.Item>
        <Form.Item name="note" label="回访情况" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>

      <FormModal<{ appliedOn: Dayjs; court: string; jointly: boolean }>
        {...common}
        open={action === 'judicial'}
        title="申请司法确认"
        okText="登记申请"
        initialValues={{ appliedOn: today(), jointly: true }}
        onSubmit={async (v) => onDone(await mediationApi.judicial(d.id, { appliedOn: date(v.appliedOn), court: v.court, jointly: v.jointly ?? false, version: d.version }))}
      >
        <Typography.Paragraph type="secondary">
          双方当事人可以自调解协议生效之日起三十日内共同向人民法院申请司法确认（第三十三条）。本协议申请期限至 {d.judicial?.deadline}。
        </Typography.Paragraph>
        <Form.Item name="appliedOn" label="申请日期" rules={required('请选择申请日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="court" label="受理法院" rules={[...required('请填写受理法院'), { max: 100 }]}>
          <Input placeholder="调委会所在地基层人民法院或其派出法庭" />
        </Form.Item>
        <Form.Item name="jointly" valuePropName="checked">
          <Checkbox>双方当事人共同申请</Checkbox>
        </Form.Item>
      </FormModal>

      <FormModal<{ result: JudicialResultBody['result']; resultOn: Dayjs; note?: string }>
        {...common}
        open={action === 'judicialResult'}
        title="登记司法确认结果"
        initialValues={{ resultOn: today(), result: 'confirmed' }}
        onSubmit={async (v) => onDone(await mediationApi.judicialResult(d.id, { result: v.result, resultOn: date(v.resultOn), note: v.note, version: d.version }))}
      >
        <Form.Item name="result" label="结果" rules={required('请选择结果')}>
          <Radio.Group options={(['confirmed', 'invalid', 'rejected'] as const).map((r) => ({ value: r, label: judicialResultLabels[r] }))} />
        </Form.Item>
        <Form.Item name="resultOn" label="结果日期" rules={required('请选择日期')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={[{ max: 1000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>

      <FormModal<{ reason: string }>
        {...common}
        open={action === 'void'}
        title={`作废纠纷：${d.number}`}
        okText="作废"
        successMessage="已作废"
        onSubmit={async (v) => {
          await mediationApi.void(d.id, { reason: v.reason, version: d.version });
          await onDone(null);
        }}
      >
        <Typography.Paragraph type="secondary">仅用于登记错误（如重复登记）。作废后不再计入台账和统计，记录保留备查。</Typography.Paragraph>
        <Form.Item name="reason" label="作废原因" rules={[...required('请填写作废原因'), { max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}

type CloseValues = Omit<CloseBody, 'version' | 'closedOn'> & { closedOn: Dayjs };

/** 办结: 调解成功 with a written agreement (art 29) or an oral one the mediator records (art 28), or 调解不成/终止 (art 26). */
function CloseDrawer({ dispute: d, open, onClose, onDone }: { dispute: Dispute; open: boolean; onClose: () => void; onDone: (d: Dispute) => Promise<void> }) {
  const [form] = Form.useForm<CloseValues>();
  const outcome = Form.useWatch('outcome', form);
  const kind = Form.useWatch('agreementKind', form);
  return (
    <FormDrawer<CloseValues>
      open={open}
      form={form}
      wide
      title="办结"
      okText="办结"
      onClose={onClose}
      initialValues={{ closedOn: today(), outcome: 'succeeded', agreementKind: 'written', facts: d.summary }}
      onSubmit={async ({ closedOn, ...v }) => {
        const succeeded = v.outcome === 'succeeded';
        await onDone(
          await mediationApi.close(d.id, {
            closedOn: date(closedOn),
            outcome: v.outcome,
            agreementKind: succeeded ? v.agreementKind : undefined,
            facts: succeeded ? v.facts : undefined,
            responsibilities: succeeded ? v.responsibilities : undefined,
            terms: succeeded ? v.terms : undefined,
            performanceMethod: succeeded ? v.performanceMethod : undefined,
            performanceDeadline: succeeded ? v.performanceDeadline : undefined,
            otherChannels: succeeded ? undefined : (v.otherChannels ?? []),
            note: v.note,
            version: d.version,
          }),
        );
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="closedOn" label="办结日期" rules={required('请选择办结日期')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="outcome" label="调解结果" rules={required('请选择调解结果')}>
            <Radio.Group
              options={[
                { value: 'succeeded', label: '调解成功' },
                { value: 'failed', label: '调解不成' },
                { value: 'terminated', label: '终止调解' },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      {outcome === 'succeeded' ? (
        <>
          <Form.Item name="agreementKind" label="协议形式" rules={required('请选择协议形式')} extra="当事人认为无需制作调解协议书的，可以采取口头协议方式（第二十八条）">
            <Radio.Group options={agreementOptions} />
          </Form.Item>
          {kind === 'written' && (
            <>
              <Form.Item name="facts" label="纠纷的主要事实、争议事项" rules={[{ max: 5000 }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
              <Form.Item name="responsibilities" label="各方当事人的责任" rules={[{ max: 5000 }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </>
          )}
          <Form.Item name="terms" label={kind === 'oral' ? '口头协议内容（由调解员记录）' : '协议内容'} rules={[...required('请填写协议内容'), { max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="performanceMethod" label="履行方式" rules={[{ max: 500 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="performanceDeadline" label="履行期限" rules={[{ max: 200 }]}>
                <Input placeholder="如：协议签订后十日内" />
              </Form.Item>
            </Col>
          </Row>
        </>
      ) : (
        <Form.Item
          name="otherChannels"
          label="已告知当事人的其他途径"
          rules={required('请选择已告知的途径')}
          extra="调解不成的，应当告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（第二十六条）"
        >
          <Checkbox.Group options={channelOptions} />
        </Form.Item>
      )}
      <Form.Item name="note" label="办结说明" rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormDrawer>
  );
}
