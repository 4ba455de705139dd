import { Tabs } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';

const sections = [
  { key: 'disputes', label: '纠纷台账' },
  { key: 'statistics', label: '统计分析' },
  { key: 'committees', label: '调解委员会' },
] as const;

/** 人民调解: one menu entry, its sections as tabs in the URL (/mediation/disputes …). */
export function MediationLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = location.pathname.split('/')[2];
  if (!current) return <Navigate to="/mediation/disputes" replace />;
  return (
    <>
      <Tabs activeKey={current} items={sections.map((s) => ({ key: s.key, label: s.label }))} onChange={(key) => navigate(`/mediation/${key}`)} style={{ marginBottom: 8 }} />
      <Outlet />
    </>
  );
}
