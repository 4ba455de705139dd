/**
 * What the signed-in user may see and do in the UI, derived from `me.capabilities` — the one file to read for
 * "who sees which menu entry and button" (ant-design-pro's access.ts). The server checks every request again;
 * this only keeps people from being offered what they would be refused.
 */
import { ApartmentOutlined, AuditOutlined, DashboardOutlined, FileTextOutlined, HomeOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Capability } from '../../domain/platform/roles.ts';

export function accessOf(capabilities: readonly Capability[]) {
  const can = (c: Capability) => capabilities.includes(c);
  return {
    canReadOrg: can('org.read'),
    canManageOrg: can('org.manage'),
    canManageUsers: can('users.manage'),
    canManageRoles: can('roles.manage'),
    canReadAudit: can('audit.read'),
    canReadPersonalData: can('personal_data.read'),
    canReadLeadingGroup: can('leading_group.read'),
    canWriteLeadingGroup: can('leading_group.write'),
    canReadReports: can('reports.read'),
    canWriteReports: can('reports.write'),
    canApproveReports: can('reports.approve'),
  };
}
export type Access = ReturnType<typeof accessOf>;

export type MenuEntry = {
  path: string;
  label: string;
  icon: ComponentType;
  /** null: every signed-in user. */
  access: keyof Access | null;
  description: string;
};

/** The left menu in display order; the layout also refuses a page whose entry the user lacks. */
export const menuEntries: readonly MenuEntry[] = [
  { path: '/', label: '首页', icon: HomeOutlined, access: null, description: '工作台' },
  { path: '/org/units', label: '组织机构', icon: ApartmentOutlined, access: 'canReadOrg', description: '市、镇、村（社区）及部门' },
  { path: '/org/users', label: '用户与角色', icon: UserOutlined, access: 'canManageUsers', description: '账号、密码与角色授权' },
  { path: '/org/leading-group', label: '领导小组', icon: TeamOutlined, access: 'canReadLeadingGroup', description: '依法治镇工作领导小组、会议与年度工作要点' },
  { path: '/reports/dashboard', label: '驾驶舱', icon: DashboardOutlined, access: 'canReadReports', description: '全年主要指标、与上年对比及记录下钻' },
  { path: '/reports/annual', label: '年度报告', icon: FileTextOutlined, access: 'canReadReports', description: '法治政府建设情况报告：起草、体检、审定与导出' },
  { path: '/audit', label: '审计日志', icon: AuditOutlined, access: 'canReadAudit', description: '操作留痕与完整性校验' },
];

export const allowedEntries = (access: Access): MenuEntry[] => menuEntries.filter((e) => e.access === null || access[e.access]);

/** The menu entry a location belongs to (longest matching prefix; '/' only matches itself). */
export function entryFor(pathname: string): MenuEntry | undefined {
  return menuEntries.filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`))).sort((a, b) => b.path.length - a.path.length)[0];
}
