/**
 * What the signed-in user may see and do in the UI, derived from `me.capabilities` — the one file to read for
 * "who sees which menu entry and button" (ant-design-pro's access.ts). The server checks every request again;
 * this only keeps people from being offered what they would be refused.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CommentOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FormOutlined,
  HomeOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  SoundOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Me } from '../../domain/platform/contracts.ts';
import { type Capability, type Role, roleCapabilities } from '../../domain/platform/roles.ts';

/**
 * Roles held at a village. The 依法治镇工作领导小组 is the town's: a village cadre's `leading_group.read` covers
 * only its own village, where there is no leading group to show, so the 领导小组 page is not theirs.
 */
const villageRoles: readonly Role[] = ['village_cadre'];

export function accessOf(me: Pick<Me, 'capabilities' | 'grants'>) {
  const can = (c: Capability) => me.capabilities.includes(c);
  // From a grant at a town or above: capabilities alone cannot tell a town clerk from a village cadre.
  const canAtTown = (c: Capability) => me.grants.some((g) => !villageRoles.includes(g.role) && roleCapabilities[g.role].includes(c));
  return {
    canReadOrg: can('org.read'),
    canManageOrg: can('org.manage'),
    canManageUsers: can('users.manage'),
    canManageRoles: can('roles.manage'),
    canReadAudit: can('audit.read'),
    canReadPersonalData: can('personal_data.read'),
    canReadLeadingGroup: canAtTown('leading_group.read'),
    canWriteLeadingGroup: canAtTown('leading_group.write'),
    canReadReports: can('reports.read'),
    canWriteReports: can('reports.write'),
    canApproveReports: can('reports.approve'),
    canReadLearning: can('learning.read'),
    canWriteLearning: can('learning.write'),
    canTakeExams: can('exams.take'),
    canReadMediation: can('mediation.read'),
    canWriteMediation: can('mediation.write'),
    canManageMediation: can('mediation.manage'),
    canReadEnforcement: can('enforcement.read'),
    canWriteEnforcement: can('enforcement.write'),
    canManageEnforcement: can('enforcement.manage'),
    canApproveEnforcement: can('enforcement.approve'),
    canReviewEnforcement: can('enforcement.review'),
    canReadVillages: can('villages.read'),
    canWriteVillages: can('villages.write'),
    canReadPublicity: can('publicity.read'),
    canWritePublicity: can('publicity.write'),
    /** The law catalog: read with publicity; the administrator maintains its national part. */
    canReadLaws: can('publicity.read') || can('dictionaries.manage'),
    canManageNationalLaws: can('dictionaries.manage'),
    canReadCounsel: can('counsel.read'),
    canWriteCounsel: can('counsel.write'),
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
  { path: '/learning', label: '学法用法', icon: ReadOutlined, access: 'canReadLearning', description: '学法活动、法律知识测试、题库与统计' },
  { path: '/my/exams', label: '在线测试', icon: FormOutlined, access: 'canTakeExams', description: '参加法律知识测试' },
  { path: '/my/learning', label: '我的学习', icon: SolutionOutlined, access: 'canTakeExams', description: '我参加的学法活动与测试成绩' },
  { path: '/enforcement', label: '行政执法', icon: SafetyCertificateOutlined, access: 'canReadEnforcement', description: '执法案件、权责清单、执法人员、案卷评查与统计' },
  { path: '/mediation', label: '人民调解', icon: CommentOutlined, access: 'canReadMediation', description: '镇村两级调解委员会、矛盾纠纷登记到回访、台账与统计' },
  { path: '/villages', label: '民主法治村', icon: EnvironmentOutlined, access: 'canReadVillages', description: '民主法治示范村创建与复核、村规民约、民主听证、村务公开' },
  { path: '/publicity', label: '普法宣传', icon: SoundOutlined, access: 'canReadPublicity', description: '普法计划与责任清单、普法活动、宣传节点' },
  { path: '/publicity/laws', label: '法律法规库', icon: BookOutlined, access: 'canReadLaws', description: '法律法规目录：施行、废止与替代关系' },
  { path: '/counsel', label: '法律顾问', icon: BankOutlined, access: 'canReadCounsel', description: '法律顾问聘用、合同与合法性审查、行政诉讼与负责人出庭应诉' },
  { path: '/reports/dashboard', label: '驾驶舱', icon: DashboardOutlined, access: 'canReadReports', description: '全年主要指标、与上年对比及记录下钻' },
  { path: '/reports/annual', label: '年度报告', icon: FileTextOutlined, access: 'canReadReports', description: '法治政府建设情况报告：起草、体检、审定与导出' },
  { path: '/audit', label: '审计日志', icon: AuditOutlined, access: 'canReadAudit', description: '操作留痕与完整性校验' },
];

export const allowedEntries = (access: Access): MenuEntry[] => menuEntries.filter((e) => e.access === null || access[e.access]);

/** The menu entry a location belongs to (longest matching prefix; '/' only matches itself). */
export function entryFor(pathname: string): MenuEntry | undefined {
  return menuEntries.filter((e) => (e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`))).sort((a, b) => b.path.length - a.path.length)[0];
}
