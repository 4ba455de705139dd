import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useAccess } from '../../../app/auth.tsx';

/** The module's own sections under the one 行政执法 menu entry; scrolls sideways on a phone. */
export function EnforcementNav() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const access = useAccess();
  const sections = [
    { value: '/enforcement', label: '执法案件' },
    { value: '/enforcement/powers', label: '权责清单' },
    { value: '/enforcement/officers', label: '执法人员' },
    { value: '/enforcement/reviews', label: '案卷评查' },
    ...(access.canApproveEnforcement || access.canManageEnforcement || !access.canWriteEnforcement ? [{ value: '/enforcement/stats', label: '执法统计' }] : []),
    { value: '/public/enforcement', label: '公示页' },
  ];
  const current = [...sections].sort((a, b) => b.value.length - a.value.length).find((s) => pathname === s.value || pathname.startsWith(`${s.value}/`))?.value ?? '/enforcement';
  return (
    <div style={{ overflowX: 'auto', marginBottom: 16 }}>
      <Segmented options={sections} value={current} onChange={(v) => navigate(String(v))} />
    </div>
  );
}
