import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { roleLabels } from '../../../../domain/platform/roles.ts';
import { enforcementApi, enforcementKeys } from '../api.ts';

type Props = { value?: number[]; onChange?: (v: number[]) => void };

/** Officers (their user ids) with today's valid certificate number; one without a valid certificate is shown so. */
export function OfficerSelect(props: Props) {
  const { data } = useQuery({ queryKey: enforcementKeys.officers, queryFn: async () => (await enforcementApi.officers()).items });
  return (
    <Select
      mode="multiple"
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择执法人员"
      {...props}
      options={(data ?? [])
        .filter((o) => o.userId !== null && o.active)
        .map((o) => ({ value: o.userId as number, label: `${o.name}（${o.validCertificate ? `执法证 ${o.validCertificate}` : '无有效执法证'}）` }))}
    />
  );
}

/** Any user with an enforcement role in the town (hearing presider, rectification owner). */
export function StaffSelect(props: { value?: number; onChange?: (v: number) => void; disabled?: boolean }) {
  const { data } = useQuery({ queryKey: ['enforcement', 'staff'], queryFn: async () => (await enforcementApi.staff()).items });
  return (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      placeholder="选择人员"
      {...props}
      options={(data ?? []).map((u) => ({ value: u.userId, label: `${u.name}（${u.roles.map((r) => roleLabels[r as keyof typeof roleLabels] ?? r).join('、')}）` }))}
    />
  );
}
