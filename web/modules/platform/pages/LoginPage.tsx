import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, theme } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { type LoginInput, useLogin, useMe } from '../../../app/auth.tsx';
import { ApiError } from '../../../app/http.ts';

/** Only a path on this site is a place to return to (no '//evil.example'). */
const safeReturn = (from: string | null): string => (from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/');

export function LoginPage() {
  const { data: me } = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { token } = theme.useToken();
  const from = safeReturn(params.get('from'));
  // The server asks for the second factor only after the password was right (TOTP_REQUIRED); from then on the field stays.
  const [askCode, setAskCode] = useState(false);

  if (me && !login.isPending) return <Navigate to={me.user.mustChangePassword ? '/change-password' : from} replace />;

  const onFinish = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: (result) => navigate(result.user.mustChangePassword ? '/change-password' : from, { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'TOTP_REQUIRED') setAskCode(true);
      },
    });

  // A plain panel in the theme's colours, not antd's Card/Typography: those pull tabs, skeleton and typography code
  // (≈ 40 KB gzip) into the one page every visitor loads first (issue 9: login page JS ≤ 300 KB).
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <div style={{ width: '100%', maxWidth: 400, padding: 24, background: token.colorBgContainer, borderRadius: token.borderRadiusLG, boxShadow: token.boxShadowTertiary }}>
        <h3 style={{ textAlign: 'center', marginTop: 0, marginBottom: 24, fontSize: token.fontSizeHeading3, fontWeight: token.fontWeightStrong, color: token.colorTextHeading }}>
          法治乡镇工作平台
        </h3>
        <Form<LoginInput> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
          {/* The server's own words: how many tries are left, or how long the account stays locked. */}
          {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {askCode && (
            <Form.Item
              name="otp"
              label="动态验证码"
              extra="打开手机上的验证器，输入「法治乡镇工作平台」当前显示的 6 位数字"
              rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字验证码' }]}
            >
              <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" maxLength={6} size="large" autoFocus />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
      </div>
    </Flex>
  );
}
