import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { type LoginInput, useLogin, useMe } from '../../../app/auth.tsx';

/** Only a path on this site is a place to return to (no '//evil.example'). */
const safeReturn = (from: string | null): string => (from?.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/');

export function LoginPage() {
  const { data: me } = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = safeReturn(params.get('from'));

  if (me && !login.isPending) return <Navigate to={me.user.mustChangePassword ? '/change-password' : from} replace />;

  const onFinish = (values: LoginInput) =>
    login.mutate(values, {
      onSuccess: (result) => navigate(result.user.mustChangePassword ? '/change-password' : from, { replace: true }),
    });

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          法治乡镇工作平台
        </Typography.Title>
        <Form<LoginInput> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={login.isPending}>
          {/* The server's own words: how many tries are left, or how long the account stays locked. */}
          {login.error && <Alert type="error" showIcon title={login.error.message} style={{ marginBottom: 16 }} />}
          <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
