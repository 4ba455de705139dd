import { Button, Result } from 'antd';
import type { ComponentType } from 'react';
import { createBrowserRouter, useRouteError } from 'react-router';
import { FullPageSpin, RequireAuth } from './auth.tsx';
import { ApiError } from './http.ts';

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
      { path: '/public/enforcement', lazy: page(() => import('../modules/enforcement/pages/PublicEnforcementPage.tsx'), 'PublicEnforcementPage') },
      { path: '/public/reports', lazy: page(() => import('../modules/reports/pages/PublicReportsPage.tsx'), 'PublicReportsPage') },
      {
        element: <RequireAuth />,
        children: [
          { path: '/change-password', lazy: page(() => import('../modules/platform/pages/ChangePasswordPage.tsx'), 'ChangePasswordPage') },
          { path: '/account/security', lazy: page(() => import('../modules/platform/pages/AccountSecurityPage.tsx'), 'AccountSecurityPage') },
          {
            path: '/',
            // The menu and header load with the first signed-in page, not with the login page.
            lazy: page(() => import('./Layout.tsx'), 'Layout'),
            children: [
              { index: true, lazy: page(() => import('../modules/platform/pages/HomePage.tsx'), 'HomePage') },
              { path: 'org/units', lazy: page(() => import('../modules/org/pages/OrgTreePage.tsx'), 'OrgTreePage') },
              { path: 'org/users', lazy: page(() => import('../modules/org/pages/UsersPage.tsx'), 'UsersPage') },
              { path: 'org/leading-group', lazy: page(() => import('../modules/org/pages/LeadingGroupPage.tsx'), 'LeadingGroupPage') },
              {
                path: 'learning',
                lazy: page(() => import('../modules/learning/pages/LearningLayout.tsx'), 'LearningLayout'),
                children: [
                  { path: 'sessions', lazy: page(() => import('../modules/learning/pages/SessionsPage.tsx'), 'SessionsPage') },
                  { path: 'exams', lazy: page(() => import('../modules/learning/pages/ExamsPage.tsx'), 'ExamsPage') },
                  { path: 'exams/:id', lazy: page(() => import('../modules/learning/pages/ExamResultsPage.tsx'), 'ExamResultsPage') },
                  { path: 'questions', lazy: page(() => import('../modules/learning/pages/QuestionsPage.tsx'), 'QuestionsPage') },
                  { path: 'papers', lazy: page(() => import('../modules/learning/pages/PapersPage.tsx'), 'PapersPage') },
                  { path: 'stats', lazy: page(() => import('../modules/learning/pages/StatsPage.tsx'), 'StatsPage') },
                ],
              },
              { path: 'my/exams', lazy: page(() => import('../modules/learning/pages/MyExamsPage.tsx'), 'MyExamsPage') },
              { path: 'my/exams/attempts/:id', lazy: page(() => import('../modules/learning/pages/TakeExamPage.tsx'), 'TakeExamPage') },
              { path: 'my/learning', lazy: page(() => import('../modules/learning/pages/MyRecordPage.tsx'), 'MyRecordPage') },
              { path: 'enforcement', lazy: page(() => import('../modules/enforcement/pages/CasesPage.tsx'), 'CasesPage') },
              { path: 'enforcement/cases/:id', lazy: page(() => import('../modules/enforcement/pages/CasePage.tsx'), 'CasePage') },
              { path: 'enforcement/powers', lazy: page(() => import('../modules/enforcement/pages/PowersPage.tsx'), 'PowersPage') },
              { path: 'enforcement/officers', lazy: page(() => import('../modules/enforcement/pages/OfficersPage.tsx'), 'OfficersPage') },
              { path: 'enforcement/reviews', lazy: page(() => import('../modules/enforcement/pages/ReviewsPage.tsx'), 'ReviewsPage') },
              { path: 'enforcement/stats', lazy: page(() => import('../modules/enforcement/pages/StatsPage.tsx'), 'StatsPage') },
              {
                path: 'mediation',
                lazy: page(() => import('../modules/mediation/pages/MediationLayout.tsx'), 'MediationLayout'),
                children: [
                  { path: 'disputes', lazy: page(() => import('../modules/mediation/pages/DisputesPage.tsx'), 'DisputesPage') },
                  { path: 'disputes/:id', lazy: page(() => import('../modules/mediation/pages/DisputeDetailPage.tsx'), 'DisputeDetailPage') },
                  { path: 'statistics', lazy: page(() => import('../modules/mediation/pages/StatisticsPage.tsx'), 'StatisticsPage') },
                  { path: 'committees', lazy: page(() => import('../modules/mediation/pages/CommitteesPage.tsx'), 'CommitteesPage') },
                ],
              },
              { path: 'villages', lazy: page(() => import('../modules/villages/pages/VillagesPage.tsx'), 'VillagesPage') },
              { path: 'publicity', lazy: page(() => import('../modules/publicity/pages/PublicityPage.tsx'), 'PublicityPage') },
              { path: 'publicity/laws', lazy: page(() => import('../modules/publicity/pages/LawsPage.tsx'), 'LawsPage') },
              { path: 'counsel', lazy: page(() => import('../modules/counsel/pages/CounselPage.tsx'), 'CounselPage') },
              { path: 'reports/dashboard', lazy: page(() => import('../modules/reports/pages/DashboardPage.tsx'), 'DashboardPage') },
              { path: 'reports/annual', lazy: page(() => import('../modules/reports/pages/AnnualReportsPage.tsx'), 'AnnualReportsPage') },
              { path: 'reports/annual/:id', lazy: page(() => import('../modules/reports/pages/AnnualReportEditPage.tsx'), 'AnnualReportEditPage') },
              { path: 'audit', lazy: page(() => import('../modules/platform/pages/AuditLogPage.tsx'), 'AuditLogPage') },
              { path: '*', lazy: page(() => import('./Layout.tsx'), 'NotFound') },
            ],
          },
        ],
      },
    ],
  },
]);
