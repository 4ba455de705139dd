import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Space, Switch, Table, type TableColumnsType, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Officer } from '../../../../domain/enforcement/contracts.ts';
import { useAccess } from '../../../app/auth.tsx';
import { toDateString, todayString } from '../../../ui/dates.ts';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { enforcementApi, enforcementKeys } from '../api.ts';
import { EnforcementNav } from '../components/EnforcementNav.tsx';
import { LegalReviewersCard } from '../components/LegalReviewersCard.tsx';

type CertValues = { number: string; issuer: string; validFrom: Dayjs; validUntil: Dayjs };

/** 执法主体 and its officers with their certificates; a certificate running out within 30 days is flagged. */
export function OfficersPage() {
  const access = useAccess();
  const queryClient = useQueryClient();
  const bodies = useQuery({ queryKey: enforcementKeys.bodies, queryFn: async () => (await enforcementApi.bodies()).items });
  const officers = useQuery({ queryKey: enforcementKeys.officers, queryFn: async () => (await enforcementApi.officers()).items });
  const [adding, setAdding] = useState(false);
  const [certFor, setCertFor] = useState<Officer | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: enforcementKeys.officers });
  const warnings = (officers.data ?? []).flatMap((o) =>
    o.certificates.filter((c) => c.warning === 'expiring' || (c.warning === 'expired' && !o.validCertificate)).map((c) => ({ officer: o.name, cert: c })),
  );

  const columns: TableColumnsType<Officer> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '职务', dataIndex: 'post', width: 150 },
    { title: '专职', dataIndex: 'fullTime', width: 70, render: (v: boolean) => (v ? '专职' : '兼职') },
    {
      title: '执法证件',
      key: 'certs',
      width: 380,
      render: (_, o) => (
        <Space orientation="vertical" size={2}>
          {o.certificates.map((c) => (
            <span key={c.id}>
              {c.number}（{c.issuer}，{c.validFrom} 至 {c.validUntil}） {c.warning === 'expiring' && <Tag color="orange">30日内到期</Tag>}
              {c.warning === 'expired' && <Tag>已过期</Tag>}
            </span>
          ))}
        </Space>
      ),
    },
    { title: '状态', key: 'status', width: 120, render: (_, o) => (o.validCertificate ? <Tag color="success">持证在岗</Tag> : <Tag color="red">无有效证件</Tag>) },
    ...(access.canManageEnforcement
      ? [
          {
            title: '操作',
            key: 'op',
            width: 110,
            render: (_: unknown, o: Officer) => (
              <Button type="link" size="small" onClick={() => setCertFor(o)}>
                登记证件
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <EnforcementNav />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {(bodies.data ?? []).map((b) => (
          <Card key={b.id} size="small" title={`${b.name}（${b.officeName}）`}>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'town', label: '乡镇', children: b.orgUnitName },
                { key: 'prefix', label: '文号', children: `${b.numberPrefix}罚〔年度〕N号（按年连续编号）` },
                { key: 'basis', label: '赋权依据', children: b.delegationBasis },
                { key: 'contact', label: '地址、电话', children: `${b.address} ${b.phone}` },
                { key: 'hearing', label: '听证较大数额', children: `公民 ${b.largeFinePerson} 元、法人或其他组织 ${b.largeFineOrganisation} 元` },
              ]}
            />
          </Card>
        ))}
        {warnings.map((w) => (
          <Alert key={w.cert.id} type="warning" showIcon title={`${w.officer}的执法证 ${w.cert.number} 将于 ${w.cert.validUntil} 到期，请及时换证`} />
        ))}
        <Card
          size="small"
          title={`执法人员（${officers.data?.length ?? 0}）`}
          extra={
            <Space>
              <LedgerButtons kind="enforcement-officers" title="执法人员名册" canImport={false} />
              {access.canManageEnforcement && (
                <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                  登记执法人员
                </Button>
              )}
            </Space>
          }
        >
          <Table<Officer> rowKey="id" size="middle" columns={columns} dataSource={officers.data ?? []} loading={officers.isFetching} scroll={{ x: 900 }} pagination={false} />
        </Card>
        <LegalReviewersCard orgUnitId={bodies.data?.[0]?.orgUnitId} canManage={access.canManageEnforcement} />
      </Space>
      <FormDrawer<{ name: string; post?: string; fullTime?: boolean }>
        open={adding}
        title="登记执法人员"
        initialValues={{ fullTime: true }}
        onClose={() => setAdding(false)}
        onSubmit={async (v) => {
          await enforcementApi.createOfficer({ bodyId: bodies.data?.[0]?.id ?? 0, name: v.name, post: v.post, fullTime: v.fullTime });
          await refresh();
        }}
      >
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="post" label="职务">
          <Input />
        </Form.Item>
        <Form.Item name="fullTime" label="专职" valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormDrawer>
      <FormModal<CertValues>
        open={certFor !== null}
        title={`登记执法证件：${certFor?.name ?? ''}`}
        onClose={() => setCertFor(null)}
        initialValues={{ issuer: '新疆维吾尔自治区人民政府' }}
        onSubmit={async (v) => {
          if (!certFor) return;
          await enforcementApi.addCertificate(certFor.id, {
            number: v.number,
            issuer: v.issuer,
            validFrom: toDateString(v.validFrom) ?? todayString(),
            validUntil: toDateString(v.validUntil) ?? todayString(),
          });
          await refresh();
        }}
      >
        <Form.Item name="number" label="执法证号" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="issuer" label="发证机关" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="validFrom" label="有效期起" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="validUntil" label="有效期至" rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </FormModal>
    </>
  );
}
