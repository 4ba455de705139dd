import type { OrgUnit, User } from '../../domain/org/contracts.ts';
import { passwordProblem } from '../../domain/platform/password.ts';
import { type Role, roleLabels, roles } from '../../domain/platform/roles.ts';
import { AppError } from '../errors.ts';
import * as org from '../modules/org/org.service.ts';
import type { Ctx, Platform } from '../platform/context.ts';
import { operatorCtx } from './operator.ts';

/**
 * `fazhi user create|reset-password|unlock|list`: the console operator as an administrator over every root unit,
 * through the org module's own services (scope, uniqueness, password hashing, sessions ended, audit trail).
 */
const adminCtx = (p: Platform) => operatorCtx(p, 'admin');

/** An org unit by id, code or name; a name two units share must be given as the id. */
async function unitOf(ctx: Ctx, nameOrId: string): Promise<OrgUnit> {
  const units = (await org.listUnits(ctx)).filter((u) => String(u.id) === nameOrId || u.code === nameOrId || u.name === nameOrId);
  const exact = units.filter((u) => String(u.id) === nameOrId);
  if (exact.length === 1) return exact[0] as OrgUnit;
  if (units.length === 1) return units[0] as OrgUnit;
  if (units.length === 0) throw new AppError('NOT_FOUND', `没有名称或编号为「${nameOrId}」的单位`);
  throw new AppError('CLI_USAGE', `有 ${units.length} 个单位名为「${nameOrId}」，请用编号指定：${units.map((u) => `${u.id}（${u.path}）`).join('、')}`);
}

/** A role by its id (mediator) or its Chinese label (调解员). */
export function roleOf(name: string): Role {
  const role = roles.find((r) => r === name || roleLabels[r] === name);
  if (!role) throw new AppError('CLI_USAGE', `没有「${name}」这个角色，可用：${roles.map((r) => `${r}（${roleLabels[r]}）`).join('、')}`);
  return role;
}

async function userNamed(ctx: Ctx, username: string): Promise<User> {
  const page = await org.listUsers(ctx, { q: username, page: 1, pageSize: 200 });
  const user = page.items.find((u) => u.username === username.toLowerCase());
  if (!user) throw new AppError('NOT_FOUND', `用户「${username}」不存在`);
  if (user.voided) throw new AppError('NOT_FOUND', `用户「${username}」已作废`);
  return user;
}

export type UserCreateOptions = { name: string; org: string; role: string; title?: string; phone?: string; password?: string };

/**
 * Creates the user at the unit and grants the role there. Without `password` the user gets a random one-time
 * password to change at first login; a password the operator gives is held to the policy and not forced to change.
 */
export async function createUser(p: Platform, username: string, o: UserCreateOptions): Promise<{ user: User; password: string }> {
  const ctx = await adminCtx(p);
  const role = roleOf(o.role);
  const unit = await unitOf(ctx, o.org);
  const problem = o.password === undefined ? null : passwordProblem(o.password, username);
  if (problem) throw new AppError('PASSWORD_POLICY', problem);
  const created = await org.createUser(
    ctx,
    { username, displayName: o.name, orgUnitId: unit.id, title: o.title, phone: o.phone },
    o.password === undefined ? undefined : { password: o.password, mustChange: false },
  );
  const user = await org.grantRole(ctx, { userId: created.user.id, role, orgUnitId: unit.id });
  return { user, password: created.initialPassword };
}

export async function resetPassword(p: Platform, username: string, password?: string): Promise<{ user: User; password: string }> {
  const ctx = await adminCtx(p);
  const user = await userNamed(ctx, username);
  const reset = await org.resetPassword(ctx, user.id, user.version, password);
  return { user: reset.user, password: reset.initialPassword };
}

export async function unlock(p: Platform, username: string): Promise<{ user: User; wasLocked: boolean }> {
  const ctx = await adminCtx(p);
  const user = await userNamed(ctx, username);
  const wasLocked = user.lockedUntil !== null && new Date(user.lockedUntil) > new Date();
  return { user: await org.unlockUser(ctx, user.id, user.version), wasLocked };
}

/** Every user (or those under a unit), as lines for the terminal. */
export async function listUsers(p: Platform, under?: string): Promise<string[]> {
  const ctx = await adminCtx(p);
  const orgUnitId = under === undefined ? undefined : (await unitOf(ctx, under)).id;
  const lines: string[] = [];
  for (let page = 1; ; page++) {
    const batch = await org.listUsers(ctx, { page, pageSize: 200, orgUnitId });
    for (const u of batch.items) {
      const state = [u.voided ? '已作废' : '', u.lockedUntil && new Date(u.lockedUntil) > new Date() ? '已锁定' : '', u.mustChangePassword ? '须改密码' : ''].filter(Boolean);
      const grants = u.grants.map((g) => `${roleLabels[g.role]}@${g.orgUnitName}`).join('，') || '（无角色）';
      lines.push([u.username, u.displayName, u.orgUnitName, grants, state.join(' ')].join('\t').trimEnd());
    }
    if (page * batch.pageSize >= batch.total) return lines;
  }
}
