import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Divider, Drawer, Form, Grid, Popconfirm, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { User } from '../../../../domain/org/contracts.ts';
import { type Role, roleLabels, roles } from '../../../../domain/platform/roles.ts';
import { useApiError } from '../../../ui/useApiError.ts';
import { type Grant, orgApi, orgKeys } from '../api.ts';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect.tsx';

type Props = {
  /** The user whose roles are shown; null closes the drawer. */
  user: User | null;
  /** Every change answers with the updated user, which replaces the one shown. */
  onChange: (user: User) => void;
  onClose: () => void;
};

type AddValues = { role: Role; orgUnitId: number };

/** A user's grants ("角色@单位"): revoke one, or grant a role at an org unit (it covers the units below it). */
export function RoleAssignmentDrawer({ user, onChange, onClose }: Props) {
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const showError = useApiError();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();

  const userId = user?.id;
  useEffect(() => {
    if (userId !== undefined) form.resetFields();
  }, [userId, form]);

  const run = async (action: () => Promise<User>, done: string) => {
    setBusy(true);
    try {
      onChange(await action());
      message.success(done);
      await queryClient.invalidateQueries({ queryKey: orgKeys.users });
      return true;
    } catch (err) {
      showError(err, form);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const add = async (values: AddValues) => {
    if (!user) return;
    if (await run(() => orgApi.assignRole({ userId: user.id, ...values }), '已授予角色')) form.resetFields();
  };

  return (
    <Drawer title={user ? `角色授权：${user.displayName}（${user.username}）` : '角色授权'} open={user !== null} onClose={onClose} size={screens.md ? 560 : '100%'} forceRender>
      <Table<Grant>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={user?.grants ?? []}
        locale={{ emptyText: '尚未授予角色' }}
        columns={[
          { title: '角色', dataIndex: 'role', render: (r: Role) => roleLabels[r] },
          { title: '单位', dataIndex: 'orgUnitName' },
          {
            title: '操作',
            key: 'actions',
            width: 80,
            render: (_, g) => (
              <Popconfirm title={`撤销「${roleLabels[g.role]}@${g.orgUnitName}」？`} onConfirm={() => run(() => orgApi.revokeRole(g.id), '已撤销')}>
                <Button type="link" danger size="small" disabled={busy}>
                  撤销
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Divider titlePlacement="start">授予角色</Divider>
      <Typography.Paragraph type="secondary">在某一单位授予的角色，同样适用于其下级单位（如在镇授予，覆盖所辖各村）。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={add} disabled={busy}>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roles.map((r) => ({ value: r, label: roleLabels[r] }))} />
        </Form.Item>
        <Form.Item name="orgUnitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgUnitTreeSelect />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy}>
          添加
        </Button>
      </Form>
    </Drawer>
  );
}
