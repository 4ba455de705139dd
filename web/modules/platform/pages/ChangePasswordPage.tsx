import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { passwordMinLength, passwordProblem } from '../../../../domain/platform/password.ts';
import { meQueryKey, useCurrentMe, useLogout } from '../../../app/auth.tsx';
import { useApiError } from '../../../ui/useApiError.ts';
import { platformApi } from '../api.ts';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

export function ChangePasswordPage() {
  const me = useCurrentMe();
  const forced = me.user.mustChangePassword;
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  const showError = useApiError();
  const { message } = App.useApp();

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    setSubmitting(true);
    try {
      await platformApi.changePassword({ currentPassword, newPassword });
      message.success('密码已修改');
      // mustChangePassword is now false: the guard lets the user in only after me says so.
      await queryClient.refetchQueries({ queryKey: meQueryKey });
      navigate('/', { replace: true });
    } catch (err) {
      showError(err, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}>
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          修改密码
        </Typography.Title>
        {forced && <Alert type="warning" showIcon title="首次登录须先修改初始密码" style={{ marginBottom: 16 }} />}
        <Alert type="info" title={`密码要求：至少 ${passwordMinLength} 位，包含大写字母、小写字母、数字、符号中的至少三类，且不能包含用户名`} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={submitting}>
          <Form.Item name="currentPassword" label="原密码" rules={[{ required: true, message: '请输入原密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            rules={[
              { required: true, message: '请输入新密码' },
              {
                // The same rule the server applies (domain/platform/password.ts), so the answer comes before the round trip.
                validator: async (_, value: string | undefined) => {
                  const problem = value ? passwordProblem(value, me.user.username) : null;
                  if (problem) throw new Error(problem);
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting}>
            确认修改
          </Button>
        </Form>
        <Space style={{ marginTop: 16 }}>
          {forced ? (
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
