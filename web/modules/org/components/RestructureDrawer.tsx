import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { LeadingGroup } from '../../../../domain/org/contracts.ts';
import { byPosition, compositionProblem, type GroupPosition } from '../../../../domain/org/rules.ts';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { orgApi, orgKeys } from '../api.ts';
import { positionOptions } from '../groupPositions.ts';
import { useGroupMeetings } from '../useGroupMeetings.ts';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect.tsx';

type Props = { group: LeadingGroup; open: boolean; onClose: () => void; onDone: () => Promise<unknown> };
type NewMember = { personName?: string; office?: string; position?: GroupPosition; representsOrgUnitId?: number };
type Values = { effectiveOn: Dayjs; reason: string; meetingId?: number; members: NewMember[] };

/**
 * 调整领导小组: the whole new composition from one date, usually decided at a meeting. The list starts as today's
 * members, so the clerk edits what changed instead of retyping everyone.
 */
export function RestructureDrawer({ group, open, onClose, onDone }: Props) {
  const [form] = Form.useForm<Values>();
  const meetings = useGroupMeetings(group.id);
  const today = todayString();
  const { data: current } = useQuery({
    queryKey: orgKeys.members(group.id, today),
    queryFn: async () => (await orgApi.members(group.id, today)).items,
    enabled: open,
  });
  const effectiveOn = Form.useWatch('effectiveOn', form);

  // The current members may arrive after the drawer opened: fill them in then, unless the list was started already.
  useEffect(() => {
    if (!open || !current) return;
    const list = form.getFieldValue('members') as NewMember[] | undefined;
    if (list?.length) return;
    form.setFieldsValue({
      members: [...current].sort(byPosition).map((m) => ({
        personName: m.personName,
        office: m.office,
        position: m.position,
        representsOrgUnitId: m.representsOrgUnitId ?? undefined,
      })),
    });
  }, [open, current, form]);

  const submit = async ({ effectiveOn: on, reason, meetingId, members }: Values) => {
    const from = toDateString(on) ?? today;
    await orgApi.restructure(group.id, {
      effectiveOn: from,
      reason,
      meetingId,
      members: members.map((m) => ({
        personName: m.personName ?? '',
        office: m.office ?? '',
        position: m.position ?? 'member',
        representsOrgUnitId: m.representsOrgUnitId,
        effectiveFrom: from,
        appointedByMeetingId: meetingId,
      })),
    });
    await onDone();
  };

  return (
    <FormDrawer<Values>
      form={form}
      wide
      open={open}
      title="调整领导小组"
      okText="确认调整"
      successMessage="领导小组已调整"
      onClose={onClose}
      initialValues={{ effectiveOn: dayjs(today), members: [] }}
      onSubmit={submit}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          effectiveOn ? `自 ${toDateString(effectiveOn)} 起按下列名单组成；现任成员的任职截止于 ${toDateString(effectiveOn.subtract(1, 'day'))}。` : '下列名单为调整后的全体成员。'
        }
      />
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="effectiveOn" label="调整生效日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="meetingId" label="决定会议">
            <Select allowClear options={meetings.options} placeholder="选择作出调整决定的会议" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="reason" label="调整原因" rules={[{ required: true, whitespace: true, message: '请填写调整原因' }, { max: 200 }]}>
        <Input.TextArea rows={2} placeholder="如 人事变动，调整领导小组成员" />
      </Form.Item>
      <Form.List
        name="members"
        rules={[
          {
            // domain/org/rules.ts: the same composition rule the server enforces (at least one 组长, at most three).
            validator: async (_, list: NewMember[] | undefined) => {
              if (!list?.length) throw new Error('请至少填写一名成员');
              const problem = compositionProblem(list.map((m) => ({ position: m?.position ?? 'member', effectiveFrom: '', effectiveTo: null })));
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map(({ key, name }) => (
              <Card
                key={key}
                size="small"
                title={`成员 ${name + 1}`}
                style={{ marginBottom: 8 }}
                extra={<Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(name)} aria-label="移除" />}
              >
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[name, 'personName']} label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 32 }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[name, 'office']} label="职务" rules={[{ required: true, whitespace: true, message: '请输入职务' }, { max: 64 }]}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[name, 'position']} label="小组职务" rules={[{ required: true, message: '请选择' }]}>
                      <Select options={positionOptions} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Form.Item name={[name, 'representsOrgUnitId']} label="代表单位">
                      <OrgUnitTreeSelect allowClear />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ position: 'member' })}>
              添加成员
            </Button>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </FormDrawer>
  );
}
