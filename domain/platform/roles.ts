/** Roles (DESIGN.md "Who uses it") and what each may do. Pure data shared by the server's permission module and the web menu. */
export const roles = ['admin', 'leader', 'coordinator', 'officer', 'reviewer', 'counsel', 'mediator', 'village_cadre', 'supervisor'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  leader: '镇领导',
  coordinator: '法治办/司法所',
  officer: '执法人员',
  reviewer: '法制审核员',
  counsel: '法律顾问',
  mediator: '调解员',
  village_cadre: '村干部',
  supervisor: '上级督察',
};

export const capabilities = [
  'org.read',
  'org.manage',
  'users.manage',
  'roles.manage',
  'audit.read',
  'personal_data.read',
  'leading_group.read',
  'leading_group.write',
  'attachments.write',
  'dictionaries.manage',
  'mediation.read',
  'mediation.write',
  'mediation.manage',
  'learning.read',
  'learning.write',
  'exams.take',
  'enforcement.read',
  'enforcement.write',
  'enforcement.manage',
  'enforcement.approve',
  'enforcement.review',
  'villages.read',
  'villages.write',
  'publicity.read',
  'publicity.write',
  'counsel.read',
  'counsel.write',
  'reports.read',
  'reports.write',
  'reports.approve',
] as const;
export type Capability = (typeof capabilities)[number];

// Every cadre studies and sits the legal-knowledge tests (学法用法 is everyone's duty, not a module's).
const everyone: Capability[] = ['org.read', 'leading_group.read', 'exams.take'];

export const roleCapabilities: Record<Role, readonly Capability[]> = {
  admin: [...everyone, 'org.manage', 'users.manage', 'roles.manage', 'audit.read', 'personal_data.read', 'attachments.write', 'dictionaries.manage'],
  leader: [
    ...everyone,
    'attachments.write',
    'mediation.read',
    'learning.read',
    'enforcement.read',
    'enforcement.approve',
    'villages.read',
    'publicity.read',
    'counsel.read',
    'reports.read',
    'reports.approve',
  ],
  coordinator: [
    ...everyone,
    'leading_group.write',
    'attachments.write',
    'mediation.read',
    'mediation.write',
    'mediation.manage',
    'learning.read',
    'learning.write',
    'enforcement.read',
    'enforcement.manage',
    'villages.read',
    'villages.write',
    'publicity.read',
    'publicity.write',
    'counsel.read',
    'counsel.write',
    'reports.read',
    'reports.write',
  ],
  officer: [...everyone, 'attachments.write', 'enforcement.read', 'enforcement.write', 'publicity.read', 'publicity.write'],
  reviewer: [...everyone, 'enforcement.read', 'enforcement.review'],
  counsel: [...everyone, 'attachments.write', 'counsel.read', 'counsel.write'],
  mediator: [...everyone, 'attachments.write', 'mediation.read', 'mediation.write', 'publicity.read'],
  village_cadre: [...everyone, 'attachments.write', 'mediation.read', 'mediation.write', 'villages.read', 'villages.write', 'publicity.read', 'publicity.write'],
  supervisor: [...everyone, 'audit.read', 'mediation.read', 'learning.read', 'enforcement.read', 'villages.read', 'publicity.read', 'counsel.read', 'reports.read'],
};

export type Grant = { role: Role; orgUnitId: number; path: string };

/** Org paths ('/1/4/') under which the grants allow `capability`; nested paths collapse into their ancestor. */
export function scopePathsFor(grants: readonly Grant[], capability: Capability): string[] {
  const paths = grants.filter((g) => roleCapabilities[g.role].includes(capability)).map((g) => g.path);
  return [...new Set(paths)].filter((p) => !paths.some((other) => other !== p && p.startsWith(other))).sort();
}

export const pathInScope = (path: string, scope: readonly string[]): boolean => scope.some((p) => path.startsWith(p));

export const hasCapability = (grants: readonly Grant[], capability: Capability): boolean => grants.some((g) => roleCapabilities[g.role].includes(capability));
