import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Dispute, DisputeCreate, DisputeUpdate, PartyInput } from '../../../../domain/mediation/contracts.ts';
import { disclosureLabels, disclosures } from '../../../../domain/mediation/rules.ts';
import { changedFields } from '../../../ui/changedFields.ts';
import { toDateString, toDayjs, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { mediationApi } from '../api.ts';
import { genderOptions, partyKindOptions, partyRoleOptions, referralOptions, sourceOptions } from '../options.ts';
import { useMediationRefs } from '../useMediationRefs.ts';

type PartyValues = { kind: PartyInput['kind']; role: PartyInput['role']; name: string; gender?: PartyInput['gender']; idNumber?: string; phone?: string; address?: string };
type Values = Omit<DisputeCreate, 'registeredOn' | 'amount' | 'parties'> & { registeredOn: Dayjs; amount?: number | null; parties: PartyValues[] };

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
const toParty = (p: PartyValues): PartyInput => ({
  kind: p.kind,
  role: p.role,
  name: p.name.trim(),
  gender: p.kind === 'person' ? p.gender : undefined,
  idNumber: blank(p.idNumber)?.toUpperCase(),
  phone: blank(p.phone),
  address: blank(p.address),
});

/** Registering a dispute (登记), or correcting its registration while it is open. */
export function DisputeFormDrawer({
  open,
  editing,
  onClose,
  onSaved,
}: {
  open: boolean;
  editing?: Dispute | null;
  onClose: () => void;
  onSaved: (d: Dispute) => void | Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const refs = useMediationRefs();
  const orgUnitId = Form.useWatch('orgUnitId', form);
  const source = Form.useWatch('source', form);
  const committees = refs.committeesFor(orgUnitId);

  const initialValues: Partial<Values> = editing
    ? {
        orgUnitId: editing.orgUnitId,
        committeeId: editing.committeeId,
        registeredOn: toDayjs(editing.registeredOn),
        source: editing.source,
        referralFrom: editing.referralFrom ?? undefined,
        referralNote: editing.referralNote,
        typeCode: editing.typeCode,
        summary: editing.summary,
        amount: editing.amount === null ? null : Number(editing.amount),
        disclosure: editing.disclosure,
        parties: editing.parties.map((p) => ({ ...p, gender: p.gender ?? undefined, idNumber: p.idNumber ?? undefined, phone: p.phone ?? undefined })),
      }
    : {
        registeredOn: toDayjs(todayString()),
        source: 'application',
        disclosure: 'private',
        orgUnitId: refs.places.length === 1 ? refs.places[0]?.id : undefined,
        parties: [
          { kind: 'person', role: 'applicant', name: '' },
          { kind: 'person', role: 'respondent', name: '' },
        ],
      };

  const submit = async (v: Values) => {
    const amount = v.amount === null || v.amount === undefined ? undefined : v.amount.toFixed(2);
    const parties = v.parties.map(toParty);
    if (editing) {
      const fields = changedFields(editing, {
        source: v.source,
        referralFrom: v.source === 'referral' ? v.referralFrom : undefined,
        referralNote: v.referralNote,
        typeCode: v.typeCode,
        summary: v.summary,
        disclosure: v.disclosure,
      });
      const before = editing.parties.map((p) => toParty({ ...p, gender: p.gender ?? undefined, idNumber: p.idNumber ?? undefined, phone: p.phone ?? undefined }));
      const body: DisputeUpdate = {
        ...fields,
        amount: (amount ?? null) !== editing.amount ? (amount ?? '') : undefined,
        parties: JSON.stringify(parties) !== JSON.stringify(before) ? parties : undefined,
        version: editing.version,
      };
      await onSaved(await mediationApi.update(editing.id, body));
      return;
    }
    const body: DisputeCreate = {
      orgUnitId: v.orgUnitId,
      committeeId: v.committeeId,
      registeredOn: toDateString(v.registeredOn) ?? todayString(),
      source: v.source,
      referralFrom: v.source === 'referral' ? v.referralFrom : undefined,
      referralNote: blank(v.referralNote),
      typeCode: v.typeCode,
      summary: v.summary,
      amount,
      disclosure: v.disclosure,
      parties,
    };
    await onSaved(await mediationApi.register(body));
  };

  return (
    <FormDrawer<Values>
      open={open}
      title={editing ? `修改登记信息：${editing.number}` : '登记纠纷'}
      form={form}
      wide
      onClose={onClose}
      initialValues={initialValues}
      successMessage={editing ? '已保存' : '已登记'}
      onSubmit={submit}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="orgUnitId" label="纠纷发生地" rules={[{ required: true, message: '请选择纠纷发生地' }]}>
            <Select options={refs.placeOptions} placeholder="镇或村（社区）" disabled={Boolean(editing)} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="committeeId" label="受理的调解委员会" extra={editing ? undefined : '不选则由发生地的调委会受理'}>
            <Select allowClear disabled={Boolean(editing)} options={committees.map((c) => ({ value: c.id, label: c.name }))} placeholder="默认：发生地的调委会" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="registeredOn" label="登记日期" rules={[{ required: true, message: '请选择登记日期' }]}>
            <DatePicker style={{ width: '100%' }} disabled={Boolean(editing)} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="typeCode" label="纠纷类型" rules={[{ required: true, message: '请选择纠纷类型' }]}>
            <Select options={refs.typeOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="source" label="纠纷来源" rules={[{ required: true }]}>
            <Radio.Group options={sourceOptions} />
          </Form.Item>
        </Col>
        {source === 'referral' && (
          <Col xs={24} sm={12}>
            <Form.Item name="referralFrom" label="移交单位" rules={[{ required: true, message: '请选择移交单位' }]}>
              <Select options={referralOptions} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {source === 'referral' && (
        <Form.Item name="referralNote" label="移交说明" rules={[{ max: 200 }]}>
          <Input placeholder="如：12345工单号、派出所移交函" />
        </Form.Item>
      )}
      <Form.Item name="summary" label="纠纷简要情况" rules={[{ required: true, whitespace: true, message: '请填写纠纷简要情况' }, { max: 5000 }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="amount" label="涉及金额（元）">
            <InputNumber min={0} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="disclosure" label="调解方式" extra="当事人可以要求调解公开或不公开进行（第二十三条）">
            <Radio.Group options={disclosures.map((d) => ({ value: d, label: disclosureLabels[d] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="parties" rules={[{ validator: async (_, v: unknown[]) => (v?.length >= 2 ? undefined : Promise.reject(new Error('至少两方当事人'))) }]}>
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, i) => (
              <Card
                key={field.key}
                size="small"
                title={`当事人 ${i + 1}`}
                style={{ marginBottom: 12 }}
                extra={fields.length > 2 && <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label="删除当事人" />}
              >
                <Row gutter={12}>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'role']} label="地位" rules={[{ required: true }]}>
                      <Select options={partyRoleOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'kind']} label="类型" rules={[{ required: true }]}>
                      <Select options={partyKindOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[field.name, 'name']} label="姓名或名称" rules={[{ required: true, whitespace: true, message: '请填写姓名或名称' }, { max: 100 }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} sm={8}>
                    <Form.Item name={[field.name, 'gender']} label="性别">
                      <Select allowClear options={genderOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item
                      name={[field.name, 'idNumber']}
                      label="证件号码"
                      rules={[{ pattern: /^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{18})$/, message: '18位身份证号或统一社会信用代码' }]}
                    >
                      <Input autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={8}>
                    <Form.Item name={[field.name, 'phone']} label="联系电话" rules={[{ pattern: /^(1\d{10}|0\d{2,3}-?\d{7,8})$/, message: '手机号或座机号' }]}>
                      <Input inputMode="tel" autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name={[field.name, 'address']} label="住所" rules={[{ max: 200 }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'person', role: 'other', name: '' })}>
              添加当事人
            </Button>
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
