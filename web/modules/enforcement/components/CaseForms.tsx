import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CaseDetail } from '../../../../domain/enforcement/contracts.ts';
import { type PartyType, partyTypeLabels } from '../../../../domain/enforcement/rules.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FieldRow, TextField } from '../../../ui/FormFields.tsx';
import { enforcementApi, enforcementKeys } from '../api.ts';

export type PartyValues = { partyType: PartyType; partyName: string; partyIdNumber?: string; partyPhone?: string; partyAddress?: string; partyRepresentative?: string };
type ClueValues = PartyValues & { powerId: number; summary: string; actDate: Dayjs; actEndDate?: Dayjs; actPlace?: string; clueSource?: string; discoveredOn: Dayjs };

export const blank = (v?: string) => (v?.trim() ? v.trim() : undefined);

export const partyBody = (v: PartyValues) => ({
  partyType: v.partyType,
  partyName: v.partyName.trim(),
  partyIdNumber: blank(v.partyIdNumber),
  partyPhone: blank(v.partyPhone),
  partyAddress: blank(v.partyAddress),
  partyRepresentative: blank(v.partyRepresentative),
});

export function PartyFields({ partyType }: { partyType?: PartyType }) {
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name="partyType" label="当事人类型" rules={[{ required: true }]}>
            <Select options={Object.entries(partyTypeLabels).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <TextField name="partyName" label="当事人" max={100} required="请填写当事人" />
        </Col>
      </Row>
      <FieldRow>
        <Form.Item
          name="partyIdNumber"
          label={partyType === 'organisation' ? '统一社会信用代码' : '身份证号'}
          rules={[{ pattern: /^(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{18})$/, message: '请输入 18 位号码' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="partyPhone" label="联系电话" rules={[{ pattern: /^1\d{10}$/, message: '请输入 11 位手机号' }]}>
          <Input inputMode="tel" />
        </Form.Item>
      </FieldRow>
      <TextField name="partyAddress" label="住所/地址" max={200} placeholder="如：乌苏市四棵树镇四棵树村3组8号" />
      {partyType === 'organisation' && <TextField name="partyRepresentative" label="法定代表人/负责人" max={32} />}
    </>
  );
}

export function PowerSelect(props: { value?: number; onChange?: (v: number) => void }) {
  const { data } = useQuery({ queryKey: enforcementKeys.powers, queryFn: async () => (await enforcementApi.powers()).items });
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择权责清单中的处罚事项"
      {...props}
      options={(data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.code} ${p.name}（${p.law}${p.article}）` }))}
    />
  );
}

const valuesOf = (c: CaseDetail): Partial<ClueValues> => ({
  powerId: c.powerId,
  partyType: c.party.type,
  partyName: c.party.name,
  partyAddress: c.party.address,
  partyRepresentative: c.party.representative,
  summary: c.summary,
  actDate: dayjs(c.actDate),
  actEndDate: c.actEndDate ? dayjs(c.actEndDate) : undefined,
  actPlace: c.actPlace,
  clueSource: c.clueSource,
  discoveredOn: dayjs(c.discoveredOn),
});

/** Registers a clue, or corrects one (`editing`) before 立案 is requested. */
export function ClueDrawer(props: { open: boolean; onClose: () => void; editing?: CaseDetail; onSaved?: (c: CaseDetail) => void }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClueValues>();
  const partyType = Form.useWatch('partyType', form);
  const editing = props.editing;
  return (
    <FormDrawer<ClueValues>
      open={props.open}
      title={editing ? '修改线索' : '登记案件线索（普通程序）'}
      form={form}
      wide
      onClose={props.onClose}
      initialValues={editing ? valuesOf(editing) : { partyType: 'person', discoveredOn: dayjs(todayString()), actDate: dayjs(todayString()) }}
      successMessage={editing ? '线索已修改' : '线索已登记'}
      onSubmit={async (v) => {
        const body = {
          ...partyBody(v),
          powerId: v.powerId,
          summary: v.summary,
          actDate: toDateString(v.actDate) ?? todayString(),
          actEndDate: toDateString(v.actEndDate),
          actPlace: blank(v.actPlace),
          clueSource: blank(v.clueSource),
          discoveredOn: toDateString(v.discoveredOn) ?? todayString(),
        };
        const saved = editing ? await enforcementApi.step(editing.id, 'clue', { ...body, version: editing.version }) : await enforcementApi.createClue(body);
        await queryClient.invalidateQueries({ queryKey: enforcementKeys.all });
        props.onSaved?.(saved);
      }}
    >
      <Form.Item name="powerId" label="执法事项（权责清单）" rules={[{ required: true, message: '请选择执法事项' }]}>
        <PowerSelect />
      </Form.Item>
      <PartyFields partyType={partyType} />
      {editing && <Typography.Text type="secondary">身份证号、联系电话不填写的，保持原值。</Typography.Text>}
      <Form.Item name="summary" label="违法行为摘要" rules={[{ required: true, whitespace: true, message: '请填写违法行为摘要' }, { max: 1000 }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name="actDate" label="违法行为发生日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="actEndDate" label="终了日期（连续/继续）">
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="discoveredOn" label="发现日期" rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <FieldRow>
        <TextField name="actPlace" label="违法行为地点" max={200} />
        <TextField name="clueSource" label="线索来源" max={200} placeholder="群众举报、日常巡查、上级交办…" />
      </FieldRow>
    </FormDrawer>
  );
}
