import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Select } from 'antd';
import type { AttendeeInput, Person } from '../../../../domain/learning/contracts.ts';
import { OrgUnitTreeSelect } from '../../org/components/OrgUnitTreeSelect.tsx';
import { learningApi, learningKeys } from '../api.ts';

/** The form values of a list of people: accounts picked from a list, and people without an account by name. */
export type PeopleValues = { userIds?: number[]; names?: { personName?: string; orgUnitId?: number }[] };

export const toAttendees = (v: PeopleValues): AttendeeInput[] => [
  ...(v.userIds ?? []).map((userId) => ({ userId })),
  ...(v.names ?? []).filter((n) => n.personName?.trim()).map((n) => ({ personName: (n.personName as string).trim(), orgUnitId: n.orgUnitId })),
];

export const fromAttendees = (list: readonly { userId: number | null; personName: string; orgUnitId: number | null }[]): PeopleValues => ({
  userIds: list.flatMap((a) => (a.userId ? [a.userId] : [])),
  names: list.filter((a) => !a.userId).map((a) => ({ personName: a.personName, orgUnitId: a.orgUnitId ?? undefined })),
});

export function usePeople() {
  return useQuery({ queryKey: learningKeys.people(''), queryFn: async () => (await learningApi.people({})).items, staleTime: 5 * 60_000 });
}

export const personLabel = (p: Person) => `${p.displayName}（${p.orgUnitName}${p.title ? ` · ${p.title}` : ''}）`;

/** Picks accounts (search by name or unit) and lists people without an account, each with their unit. */
export function PeopleFields({ accountsLabel, namesLabel }: { accountsLabel: string; namesLabel: string }) {
  const people = usePeople();
  return (
    <>
      <Form.Item name="userIds" label={accountsLabel}>
        <Select
          mode="multiple"
          allowClear
          loading={people.isPending}
          placeholder="输入姓名或单位搜索"
          showSearch={{ optionFilterProp: 'label' }}
          options={(people.data ?? []).map((p) => ({ value: p.id, label: personLabel(p) }))}
        />
      </Form.Item>
      <Form.Item label={namesLabel} extra="村（社区）干部等没有账号的人员：填写姓名并选择所在单位">
        <Form.List name="names">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Flex key={key} gap={8} align="baseline" wrap>
                  <Form.Item
                    name={[name, 'personName']}
                    rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 32 }]}
                    style={{ flex: '1 1 120px', marginBottom: 8 }}
                  >
                    <Input placeholder="姓名" />
                  </Form.Item>
                  <Form.Item name={[name, 'orgUnitId']} style={{ flex: '1 1 160px', marginBottom: 8 }}>
                    <OrgUnitTreeSelect placeholder="所在单位" allowClear style={{ width: '100%' }} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label="移除" onClick={() => remove(name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                添加无账号人员
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
    </>
  );
}
