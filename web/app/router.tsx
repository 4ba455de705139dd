import { Button, Result } from 'antd';
import type { ComponentType } from 'react';
import { createBrowserRouter, useRouteError } from 'react-router';
import { FullPageSpin, RequireAuth } from './auth.tsx';
import { ApiError } from './http.ts';
import { Layout, NotFound } from './Layout.tsx';

/** Each page is its own chunk, loaded when first visited. */
const page =
  <M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) =>
  async () => ({ Component: (await load())[name] as ComponentType });

function RouteError() {
  const error = useRouteError();
  // A chunk that no longer exists after a redeploy also lands here: a reload fetches the new build.
  const message = error instanceof ApiError || error instanceof Error ? error.message : '页面加载失败';
  return (
    <Result
      status="error"
      title="出错了"
      subTitle={message}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          重新加载
        </Button>
      }
    />
  );
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    hydrateFallbackElement: <FullPageSpin />,
    children: [
      { path: '/login', lazy: page(() => import('../modules/platform/pages/LoginPage.tsx'), 'LoginPage') },
      {
        element: <RequireAuth />,
        children: [
          { path: '/change-password', lazy: page(() => import('../modules/platform/pages/ChangePasswordPage.tsx'), 'ChangePasswordPage') },
          {
            path: '/',
            element: <Layout />,
            children: [
              { index: true, lazy: page(() => import('../modules/platform/pages/HomePage.tsx'), 'HomePage') },
              { path: 'org/units', lazy: page(() => import('../modules/org/pages/OrgTreePage.tsx'), 'OrgTreePage') },
              { path: 'org/users', lazy: page(() => import('../modules/org/pages/UsersPage.tsx'), 'UsersPage') },
              { path: 'org/leading-group', lazy: page(() => import('../modules/org/pages/LeadingGroupPage.tsx'), 'LeadingGroupPage') },
              { path: 'reports/dashboard', lazy: page(() => import('../modules/reports/pages/DashboardPage.tsx'), 'DashboardPage') },
              { path: 'reports/annual', lazy: page(() => import('../modules/reports/pages/AnnualReportsPage.tsx'), 'AnnualReportsPage') },
              { path: 'reports/annual/:id', lazy: page(() => import('../modules/reports/pages/AnnualReportEditPage.tsx'), 'AnnualReportEditPage') },
              { path: 'audit', lazy: page(() => import('../modules/platform/pages/AuditLogPage.tsx'), 'AuditLogPage') },
              { path: '*', element: <NotFound /> },
            ],
          },
        ],
      },
    ],
  },
]);
