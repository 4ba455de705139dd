import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, QRCode, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { meQueryKey, useCurrentMe, useLogout } from '../../../app/auth.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { platformApi } from '../api.ts';

/** 账号安全: bind a TOTP authenticator (QR of the otpauth:// URI), turn it off, and — for admins — require it of every admin. */
export function AccountSecurityPage() {
  const me = useCurrentMe();
  const isAdmin = me.grants.some((g) => g.role === 'admin');
  const queryClient = useQueryClient();
  const logout = useLogout();
  const showError = useApiError();
  const { message } = App.useApp();
  const [enrolment, setEnrolment] = useState<{ secret: string; uri: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ password: string }>();
  const policy = useQuery({ queryKey: ['auth', 'security-policy'], queryFn: platformApi.securityPolicy, enabled: isAdmin && !me.user.mustEnrolTotp });

  const run = async (work: () => Promise<unknown>, done: string, form?: Parameters<typeof showError>[1]) => {
    setBusy(true);
    try {
      await work();
      message.success(done);
      await queryClient.refetchQueries({ queryKey: meQueryKey });
    } catch (err) {
      showError(err, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 520 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          账号安全
        </Typography.Title>
        {me.user.mustEnrolTotp && <Alert type="warning" showIcon title="系统要求管理员使用动态验证码登录，请先绑定验证器" style={{ marginBottom: 16 }} />}
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label="用户名">{me.user.username}</Descriptions.Item>
          <Descriptions.Item label="动态验证码（双因素）">{me.user.totpEnabled ? '已启用' : '未启用'}</Descriptions.Item>
        </Descriptions>

        {!me.user.totpEnabled && !enrolment && (
          <Button type="primary" loading={busy} onClick={() => run(async () => setEnrolment(await platformApi.beginTotp()), '请用验证器扫描二维码')}>
            绑定验证器
          </Button>
        )}
        {!me.user.totpEnabled && enrolment && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>用手机上的验证器（如腾讯身份验证器、Google Authenticator）扫描二维码，或手工输入密钥：</Typography.Text>
            <QRCode value={enrolment.uri} size={200} />
            <Typography.Text copyable code data-testid="totp-secret">
              {enrolment.secret}
            </Typography.Text>
            <Form
              form={confirmForm}
              layout="inline"
              disabled={busy}
              onFinish={({ code }) =>
                run(
                  async () => {
                    await platformApi.confirmTotp(code);
                    setEnrolment(null);
                  },
                  '动态验证码已启用，下次登录时需要输入',
                  confirmForm,
                )
              }
            >
              <Form.Item name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字' }]}>
                <Input placeholder="验证器上的 6 位数字" autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy}>
                确认启用
              </Button>
            </Form>
          </Space>
        )}
        {me.user.totpEnabled && (
          <Form form={disableForm} layout="inline" disabled={busy} onFinish={({ password }) => run(() => platformApi.disableTotp(password), '动态验证码已关闭', disableForm)}>
            <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password placeholder="输入密码以关闭" autoComplete="current-password" />
            </Form.Item>
            <Button danger htmlType="submit" loading={busy}>
              关闭动态验证码
            </Button>
          </Form>
        )}

        {isAdmin && policy.data && (
          <Flex gap={8} align="center" style={{ marginTop: 24 }}>
            <Switch
              checked={policy.data.totpRequiredForAdmins}
              loading={busy}
              onChange={(checked) =>
                run(async () => {
                  await platformApi.setSecurityPolicy({ totpRequiredForAdmins: checked, version: policy.data.version });
                  await policy.refetch();
                }, '安全策略已保存')
              }
            />
            <Typography.Text>要求所有系统管理员使用动态验证码登录</Typography.Text>
          </Flex>
        )}

        <Space style={{ marginTop: 24 }}>
          {me.user.mustEnrolTotp ? (
            <Button type="link" onClick={() => logout.mutate()}>
              退出登录
            </Button>
          ) : (
            <Link to="/">返回首页</Link>
          )}
        </Space>
      </Card>
    </Flex>
  );
}
