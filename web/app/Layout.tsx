import { KeyOutlined, LogoutOutlined, MenuOutlined, SafetyOutlined } from '@ant-design/icons';
import { Layout as AntLayout, Button, Drawer, Flex, Grid, Menu, Result, Space, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../domain/platform/roles.ts';
import { allowedEntries, entryFor } from './access.ts';
import { useAccess, useCurrentMe, useLogout } from './auth.tsx';

const { Header, Sider, Content } = AntLayout;

export function Layout() {
  const me = useCurrentMe();
  const access = useAccess();
  const logout = useLogout();
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const { token } = theme.useToken();
  const narrow = !screens.lg;
  // On a phone the menu is a drawer opened from the header, closed again after a choice.
  const [menuOpen, setMenuOpen] = useState(false);

  const entries = allowedEntries(access);
  const current = entryFor(location.pathname);
  const forbidden = current?.access != null && !access[current.access];
  const roles = [...new Set(me.grants.map((g) => roleLabels[g.role]))];

  const title = (
    <Typography.Title level={5} style={{ color: '#fff', margin: 0, padding: '20px 16px', whiteSpace: 'nowrap' }}>
      法治乡镇工作平台
    </Typography.Title>
  );
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={current ? [current.path] : []}
      items={entries.map((e) => ({ key: e.path, icon: <e.icon />, label: e.label }))}
      onClick={({ key }) => {
        navigate(key);
        setMenuOpen(false);
      }}
    />
  );

  return (
    <AntLayout style={{ minHeight: '100vh' }}>
      {narrow ? (
        <Drawer placement="left" open={menuOpen} onClose={() => setMenuOpen(false)} size={220} closable={false} styles={{ body: { padding: 0, background: '#001529' } }}>
          {title}
          {menu}
        </Drawer>
      ) : (
        <Sider width={200}>
          {title}
          {menu}
        </Sider>
      )}
      <AntLayout>
        <Header style={{ background: token.colorBgContainer, padding: narrow ? '0 12px' : '0 24px', height: 'auto', lineHeight: 'normal' }}>
          <Flex justify="flex-end" align="center" wrap gap={8} style={{ minHeight: 56, paddingBlock: 8 }}>
            {narrow && (
              <Button type="text" icon={<MenuOutlined />} onClick={() => setMenuOpen(true)} aria-label="菜单" style={{ marginInlineEnd: 'auto' }}>
                {current?.label}
              </Button>
            )}
            <Typography.Text strong>{me.user.displayName}</Typography.Text>
            {screens.md && (
              <Space size={4} wrap>
                {roles.map((r) => (
                  <Tag key={r} color="blue">
                    {r}
                  </Tag>
                ))}
              </Space>
            )}
            <Button type="text" icon={<KeyOutlined />} onClick={() => navigate('/change-password')} aria-label="修改密码">
              {screens.sm ? '修改密码' : null}
            </Button>
            <Button type="text" icon={<SafetyOutlined />} onClick={() => navigate('/account/security')} aria-label="账号安全">
              {screens.sm ? '账号安全' : null}
            </Button>
            <Button type="text" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate()}>
              退出登录
            </Button>
          </Flex>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24 }}>{forbidden ? <Result status="403" title="无权访问" subTitle="您的角色没有查看此页面的权限" /> : <Outlet />}</Content>
      </AntLayout>
    </AntLayout>
  );
}

export function NotFound() {
  return <Result status="404" title="页面不存在" extra={<Link to="/">返回首页</Link>} />;
}
