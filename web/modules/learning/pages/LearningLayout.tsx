import { Tabs } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useAccess } from '../../../app/auth.tsx';

const sections = [
  { key: 'sessions', label: '学法活动', write: false },
  { key: 'exams', label: '法律知识测试', write: false },
  { key: 'questions', label: '题库', write: true },
  { key: 'papers', label: '试卷', write: true },
  { key: 'stats', label: '统计', write: false },
] as const;

/** 学法用法: one menu entry, its sections as tabs in the URL (/learning/sessions …). */
export function LearningLayout() {
  const access = useAccess();
  const location = useLocation();
  const navigate = useNavigate();
  const current = location.pathname.split('/')[2];
  if (!current) return <Navigate to="/learning/sessions" replace />;
  const items = sections.filter((s) => !s.write || access.canWriteLearning).map((s) => ({ key: s.key, label: s.label }));
  return (
    <>
      <Tabs activeKey={current} items={items} onChange={(key) => navigate(`/learning/${key}`)} style={{ marginBottom: 8 }} />
      <Outlet />
    </>
  );
}
