import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Form, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { User, UserCreate, UserQuery, UserUpdate } from '../../../../domain/org/contracts.ts';
import { roleLabels } from '../../../../domain/platform/roles.ts';
import { useAccess } from '../../../app/auth.tsx';
import { changedFields } from '../../../ui/changedFields.ts';
import { formatInstant } from '../../../ui/dates.ts';
import { FilterBar } from '../../../ui/FilterBar.tsx';
import { FormDrawer } from '../../../ui/FormDrawer.tsx';
import { FormModal } from '../../../ui/FormModal.tsx';
import { LedgerButtons } from '../../../ui/LedgerButtons.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { usePagedQuery } from '../../../ui/usePagedQuery.ts';
import { orgApi, orgKeys, type UserWithPassword } from '../api.ts';
import { OrgUnitTreeSelect } from '../components/OrgUnitTreeSelect.tsx';
import { RoleAssignmentDrawer } from '../components/RoleAssignmentDrawer.tsx';

type Filters = Pick<UserQuery, 'q' | 'orgUnitId'>;
type UserValues = { username: string; displayName: string; orgUnitId: number; title?: string; phone?: string; idCard?: string };

const isLocked = (u: User) => u.lockedUntil !== null && new Date(u.lockedUntil) > new Date();
// Without personal_data.read the server sends 138****1234: such a value is shown, never put back into a form.
const isMasked = (v: string | null) => v?.includes('*') ?? false;
const blankToUndefined = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

function StatusTags({ user }: { user: User }) {
  const tags = [
    user.voided && <Tag key="void">已作废</Tag>,
    isLocked(user) && (
      <Tag key="lock" color="error" title={`锁定至 ${formatInstant(user.lockedUntil)}`}>
        锁定
      </Tag>
    ),
    user.mustChangePassword && !user.voided && (
      <Tag key="pwd" color="warning">
        须改密
      </Tag>
    ),
  ].filter(Boolean);
  return tags.length ? <Space size={4}>{tags}</Space> : <Tag color="success">正常</Tag>;
}

/** The one time an initial password is visible: the admin copies it and hands it over. */
function InitialPassword({ result }: { result: UserWithPassword }) {
  return (
    <>
      <Typography.Paragraph>
        用户 <Typography.Text strong>{result.user.username}</Typography.Text>（{result.user.displayName}）的初始密码：
      </Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text code copyable={{ text: result.initialPassword }} style={{ fontSize: 18 }}>
          {result.initialPassword}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">密码只显示这一次，请复制后当面或通过安全渠道交给本人；首次登录须修改密码。</Typography.Paragraph>
    </>
  );
}

export function UsersPage() {
  const access = useAccess();
  const queryClient = useQueryClient();
  const { modal, message } = App.useApp();
  const showError = useApiError();
  const list = usePagedQuery<User, Filters>(orgKeys.users, orgApi.users, {});
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [voiding, setVoiding] = useState<User | null>(null);
  const [grantsFor, setGrantsFor] = useState<User | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: orgKeys.users });
  const showPassword = (title: string, result: UserWithPassword) => modal.success({ title, width: 480, content: <InitialPassword result={result} /> });

  const save = async (values: UserValues) => {
    if (editing === 'new') {
      const body: UserCreate = {
        username: values.username.trim(),
        displayName: values.displayName,
        orgUnitId: values.orgUnitId,
        title: blankToUndefined(values.title),
        phone: blankToUndefined(values.phone),
        idCard: blankToUndefined(values.idCard),
      };
      const created = await orgApi.createUser(body);
      await refresh();
      showPassword('用户已创建', created);
    } else if (editing) {
      const { username: _username, ...editable } = values;
      const body: UserUpdate = { ...changedFields(editing, editable), version: editing.version };
      await orgApi.updateUser(editing.id, body);
      await refresh();
    }
  };

  const confirmThen = (title: string, content: string, action: () => Promise<unknown>) =>
    modal.confirm({
      title,
      content,
      onOk: async () => {
        try {
          await action();
          await refresh();
        } catch (err) {
          showError(err);
        }
      },
    });

  const resetPassword = (u: User) =>
    confirmThen(`重置 ${u.displayName} 的密码？`, '将生成新的初始密码，原密码立即失效，本人下次登录须修改密码。', async () =>
      showPassword('密码已重置', await orgApi.resetPassword(u.id, u.version)),
    );
  const unlock = (u: User) =>
    confirmThen(`解锁 ${u.displayName} 的账号？`, '解锁后可立即重新登录。', async () => {
      await orgApi.unlockUser(u.id, u.version);
      message.success('已解锁');
    });

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', width: 120, fixed: 'left' },
    { title: '姓名', dataIndex: 'displayName', width: 100 },
    { title: '所属单位', dataIndex: 'orgUnitName', width: 150 },
    { title: '职务', dataIndex: 'title', width: 140, render: (t: string | null) => t ?? '—' },
    { title: '手机号', dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
    {
      title: '角色',
      dataIndex: 'grants',
      width: 240,
      render: (_, u) =>
        u.grants.length ? (
          <Space size={[4, 4]} wrap>
            {u.grants.map((g) => (
              <Tag key={g.id} color="blue">
                {roleLabels[g.role]}@{g.orgUnitName}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">无</Typography.Text>
        ),
    },
    { title: '状态', key: 'status', width: 130, render: (_, u) => <StatusTags user={u} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 170, render: (t: string | null) => (t ? formatInstant(t) : '从未登录') },
    {
      title: '操作',
      key: 'actions',
      width: 190,
      fixed: 'right',
      render: (_, u) =>
        u.voided ? null : (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              编辑
            </Button>
            {access.canManageRoles && (
              <Button type="link" size="small" onClick={() => setGrantsFor(u)}>
                角色
              </Button>
            )}
            <Dropdown
              menu={{
                items: [
                  { key: 'reset', label: '重置密码', onClick: () => resetPassword(u) },
                  { key: 'unlock', label: '解锁', disabled: !isLocked(u), onClick: () => unlock(u) },
                  { key: 'void', label: '作废', danger: true, onClick: () => setVoiding(u) },
                ],
              }}
            >
              <Button type="link" size="small">
                更多 <DownOutlined />
              </Button>
            </Dropdown>
          </Space>
        ),
    },
  ];

  const editingUser = editing !== 'new' ? editing : null;

  return (
    <>
      <FilterBar<Filters>
        onSearch={(f) => list.search({ q: blankToUndefined(f.q), orgUnitId: f.orgUnitId })}
        extra={
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增用户
            </Button>
            <LedgerButtons kind="org-users" title="用户名册" query={list.filters} canImport={false} />
          </>
        }
      >
        <Form.Item name="q" label="关键词">
          <Input placeholder="用户名或姓名" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="orgUnitId" label="单位">
          <OrgUnitTreeSelect allowClear style={{ width: 200 }} />
        </Form.Item>
      </FilterBar>
      <Table<User> rowKey="id" size="middle" columns={columns} scroll={{ x: 1300 }} {...list.table} />

      <FormDrawer<UserValues>
        open={editing !== null}
        title={editingUser ? `编辑用户：${editingUser.displayName}` : '新增用户'}
        onClose={() => setEditing(null)}
        successMessage={editingUser ? '已保存' : null}
        initialValues={
          editingUser
            ? {
                username: editingUser.username,
                displayName: editingUser.displayName,
                orgUnitId: editingUser.orgUnitId,
                title: editingUser.title ?? undefined,
                phone: isMasked(editingUser.phone) ? undefined : (editingUser.phone ?? undefined),
                idCard: isMasked(editingUser.idCard) ? undefined : (editingUser.idCard ?? undefined),
              }
            : { orgUnitId: list.filters.orgUnitId }
        }
        onSubmit={save}
      >
        <Form.Item
          name="username"
          label="用户名"
          extra={editingUser ? '用户名创建后不可修改' : '字母开头，可含字母、数字、_ . -'}
          rules={[
            { required: true, message: '请输入用户名' },
            { min: 2, max: 32 },
            { pattern: /^[a-zA-Z][a-zA-Z0-9_.-]*$/, message: '字母开头，只能包含字母、数字、_ . -' },
          ]}
        >
          <Input disabled={editingUser !== null} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: 32 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgUnitTreeSelect />
        </Form.Item>
        <Form.Item name="title" label="职务" rules={[{ max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="手机号" rules={[{ pattern: /^1\d{10}$/, message: '请输入 11 位手机号' }]}>
          <Input inputMode="tel" placeholder={editingUser && isMasked(editingUser.phone) ? `${editingUser.phone}（留空则不修改）` : undefined} />
        </Form.Item>
        <Form.Item name="idCard" label="身份证号" rules={[{ pattern: /^\d{17}[\dXx]$/, message: '请输入 18 位身份证号' }]}>
          <Input placeholder={editingUser && isMasked(editingUser.idCard) ? `${editingUser.idCard}（留空则不修改）` : undefined} />
        </Form.Item>
      </FormDrawer>

      <FormModal<{ reason: string }>
        open={voiding !== null}
        title={`作废用户：${voiding?.displayName ?? ''}`}
        okText="作废"
        successMessage="已作废"
        onClose={() => setVoiding(null)}
        onSubmit={async ({ reason }) => {
          if (!voiding) return;
          await orgApi.voidUser(voiding.id, { reason, version: voiding.version });
          await refresh();
        }}
      >
        <Typography.Paragraph type="secondary">作废后该账号不能再登录，记录保留备查。</Typography.Paragraph>
        <Form.Item name="reason" label="作废原因" rules={[{ required: true, whitespace: true, message: '请填写作废原因' }, { max: 500 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>

      <RoleAssignmentDrawer user={grantsFor} onChange={setGrantsFor} onClose={() => setGrantsFor(null)} />
    </>
  );
}
