import type { OrgUnit, OrgUnitCreate, OrgUnitUpdate, RoleAssignmentCreate, User, UserCreate, UserQuery, UserUpdate } from '../../../domain/org/contracts.ts';
import { canContain, type OrgUnitKind } from '../../../domain/org/rules.ts';
import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { maskIdCard, maskPhone } from '../../../domain/platform/masking.ts';
import { passwordProblem } from '../../../domain/platform/password.ts';
import type { Role } from '../../../domain/platform/roles.ts';
import { randomPassword } from '../../config.ts';
import { isoOrNull, uniquely, updateVersioned, voidVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { endUserSessions } from '../../platform/auth.repository.ts';
import { audited, type Ctx, userIdOf } from '../../platform/context.ts';
import { blindIndex, decryptPersonal, encryptPersonal, hashPassword } from '../../platform/crypto.ts';
import { can, requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './org.repository.ts';

type UnitRow = Awaited<ReturnType<typeof repo.listUnits>>[number];
const toUnit = (r: UnitRow): OrgUnit => ({ id: r.id, parentId: r.parent_id, kind: r.kind, name: r.name, code: r.code, path: r.path, sortOrder: r.sort_order, version: r.version });

export async function listUnits(ctx: Ctx): Promise<OrgUnit[]> {
  return (await repo.listUnits(ctx.db, scopeOf(ctx.actor, 'org.read'))).map(toUnit);
}

export async function createUnit(ctx: Ctx, input: OrgUnitCreate): Promise<OrgUnit> {
  const parent = await requireUnitInScope(ctx.db, ctx.actor, 'org.manage', input.parentId);
  if (!canContain(parent.kind, input.kind)) throw new AppError('ORG_UNIT_INVALID_PARENT', `「${parent.name}」下不能设立该类型的单位`, { field: 'kind' });
  return audited(ctx, async (trx) => {
    const row = toUnit(await repo.insertUnit(trx, parent.path, input));
    return { result: row, audit: { action: 'org_unit.create', entityType: 'org_unit', entityId: row.id, orgUnitId: row.id, after: row } };
  });
}

export async function updateUnit(ctx: Ctx, id: number, input: OrgUnitUpdate): Promise<OrgUnit> {
  await requireUnitInScope(ctx.db, ctx.actor, 'org.manage', id);
  return audited(ctx, async (trx) => {
    const before = toUnit((await repo.findUnit(trx, id)) as UnitRow);
    const { version, ...changes } = input;
    const row = toUnit((await updateVersioned(trx, 'org_units', id, version, { name: changes.name, code: changes.code, sort_order: changes.sortOrder })) as UnitRow);
    return { result: row, audit: { action: 'org_unit.update', entityType: 'org_unit', entityId: id, orgUnitId: id, before, after: row } };
  });
}

export async function voidUnit(ctx: Ctx, id: number, input: VoidBody): Promise<OrgUnit> {
  const unit = await requireUnitInScope(ctx.db, ctx.actor, 'org.manage', id);
  const inUse = await repo.countActiveChildren(ctx.db, id);
  if (inUse.units > 0 || inUse.users > 0) throw new AppError('ORG_UNIT_INVALID_PARENT', `「${unit.name}」下还有 ${inUse.units} 个单位、${inUse.users} 个用户，不能作废`);
  return audited(ctx, async (trx) => {
    const row = toUnit((await voidVersioned(trx, 'org_units', id, input.version, input.reason, ctx.actor.userId)) as UnitRow);
    return { result: row, audit: { action: 'org_unit.void', entityType: 'org_unit', entityId: id, orgUnitId: id, after: { reason: input.reason } } };
  });
}

function reveal(ctx: Ctx, sealed: string | null, mask: (v: string) => string): string | null {
  if (!sealed) return null;
  const value = decryptPersonal(ctx.keys, sealed);
  return can(ctx.actor, 'personal_data.read') ? value : mask(value);
}

async function toUsers(ctx: Ctx, rows: repo.UserRow[]): Promise<User[]> {
  const grants = await repo.grantsOfUsers(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    title: r.title,
    phone: reveal(ctx, r.phone_enc, maskPhone),
    idCard: reveal(ctx, r.id_card_enc, maskIdCard),
    mustChangePassword: r.must_change_password,
    lockedUntil: isoOrNull(r.locked_until),
    lastLoginAt: isoOrNull(r.last_login_at),
    voided: r.voided_at !== null,
    version: r.version,
    grants: grants.filter((g) => g.user_id === r.id).map((g) => ({ id: g.id, role: g.role as Role, orgUnitId: g.org_unit_id, orgUnitName: g.org_unit_name })),
  }));
}

async function getUser(ctx: Ctx, id: number): Promise<User> {
  const row = await repo.findUser(ctx.db, scopeOf(ctx.actor, 'users.manage'), id);
  if (!row) throw new AppError('NOT_FOUND', '用户不存在');
  return (await toUsers(ctx, [row]))[0] as User;
}

export async function listUsers(ctx: Ctx, q: UserQuery): Promise<Page<User>> {
  const page = await repo.listUsers(ctx.db, scopeOf(ctx.actor, 'users.manage'), { ...q, phoneIndex: q.phone ? blindIndex(ctx.keys, q.phone) : undefined });
  return { ...page, items: await toUsers(ctx, page.items) };
}

const sealed = (ctx: Ctx, value: string | undefined) =>
  value === undefined ? {} : value === '' ? { enc: null, idx: null } : { enc: encryptPersonal(ctx.keys, value), idx: blindIndex(ctx.keys, value) };

/** `preset` is for scripted installs (demo data with FAZHI_ADMIN_PASSWORD); clerks always get a random one-time password. */
export async function createUser(ctx: Ctx, input: UserCreate, preset?: { password: string; mustChange: boolean }): Promise<{ user: User; initialPassword: string }> {
  await requireUnitInScope(ctx.db, ctx.actor, 'users.manage', input.orgUnitId);
  const initialPassword = preset?.password ?? randomPassword();
  const passwordHash = await hashPassword(initialPassword);
  const phone = sealed(ctx, input.phone);
  const idCard = sealed(ctx, input.idCard);
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(
      repo.insertUser(trx, {
        username: input.username.toLowerCase(),
        displayName: input.displayName,
        orgUnitId: input.orgUnitId,
        title: input.title || null,
        phoneEnc: phone.enc ?? null,
        phoneIdx: phone.idx ?? null,
        idCardEnc: idCard.enc ?? null,
        idCardIdx: idCard.idx ?? null,
        passwordHash,
        mustChange: preset?.mustChange ?? true,
      }),
      `用户名「${input.username}」已被使用`,
      'username',
    );
    // The trail keeps who was created, never the identifiers themselves.
    return {
      result: id,
      audit: {
        action: 'user.create',
        entityType: 'user',
        entityId: id,
        orgUnitId: input.orgUnitId,
        after: { username: input.username, displayName: input.displayName, title: input.title },
      },
    };
  });
  return { user: await getUser(ctx, id), initialPassword };
}

export async function updateUser(ctx: Ctx, id: number, input: UserUpdate): Promise<User> {
  const before = await getUser(ctx, id);
  if (input.orgUnitId) await requireUnitInScope(ctx.db, ctx.actor, 'users.manage', input.orgUnitId);
  const phone = sealed(ctx, input.phone);
  const idCard = sealed(ctx, input.idCard);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'users', id, input.version, {
      display_name: input.displayName,
      org_unit_id: input.orgUnitId,
      title: input.title,
      phone_enc: phone.enc,
      phone_idx: phone.idx,
      id_card_enc: idCard.enc,
      id_card_idx: idCard.idx,
    });
    const changed = {
      displayName: input.displayName,
      orgUnitId: input.orgUnitId,
      title: input.title,
      phoneChanged: input.phone !== undefined,
      idCardChanged: input.idCard !== undefined,
    };
    return {
      result: undefined,
      audit: {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        orgUnitId: before.orgUnitId,
        before: { displayName: before.displayName, orgUnitId: before.orgUnitId, title: before.title },
        after: changed,
      },
    };
  });
  return getUser(ctx, id);
}

/** `chosen` is for the console (fazhi user reset-password --password): a password the operator sets, held to the policy and not forced to change. */
export async function resetPassword(ctx: Ctx, id: number, version: number, chosen?: string): Promise<{ user: User; initialPassword: string }> {
  const user = await getUser(ctx, id);
  const problem = chosen === undefined ? null : passwordProblem(chosen, user.username);
  if (problem) throw new AppError('PASSWORD_POLICY', problem, { field: 'password' });
  const initialPassword = chosen ?? randomPassword();
  const hash = await hashPassword(initialPassword);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'users', id, version, {
      password_hash: hash,
      must_change_password: chosen === undefined,
      failed_logins: 0,
      locked_until: null,
      password_changed_at: new Date(),
    });
    await endUserSessions(trx, id);
    return {
      result: undefined,
      audit: { action: 'user.reset_password', entityType: 'user', entityId: id, orgUnitId: user.orgUnitId, after: chosen === undefined ? undefined : { chosenByOperator: true } },
    };
  });
  return { user: await getUser(ctx, id), initialPassword };
}

export async function unlockUser(ctx: Ctx, id: number, version: number): Promise<User> {
  const user = await getUser(ctx, id);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'users', id, version, { failed_logins: 0, locked_until: null });
    return { result: undefined, audit: { action: 'user.unlock', entityType: 'user', entityId: id, orgUnitId: user.orgUnitId, before: { lockedUntil: user.lockedUntil } } };
  });
  return getUser(ctx, id);
}

export async function voidUser(ctx: Ctx, id: number, input: VoidBody): Promise<User> {
  const user = await getUser(ctx, id);
  if (id === ctx.actor.userId) throw new AppError('FORBIDDEN', '不能作废自己的账号');
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'users', id, input.version, input.reason, ctx.actor.userId);
    await endUserSessions(trx, id);
    return { result: undefined, audit: { action: 'user.void', entityType: 'user', entityId: id, orgUnitId: user.orgUnitId, after: { reason: input.reason } } };
  });
  return getUser(ctx, id);
}

export async function grantRole(ctx: Ctx, input: RoleAssignmentCreate): Promise<User> {
  const user = await getUser(ctx, input.userId);
  const unit = await requireUnitInScope(ctx.db, ctx.actor, 'roles.manage', input.orgUnitId);
  if (input.role === 'village_cadre' && !(['village', 'community'] as OrgUnitKind[]).includes(unit.kind)) {
    throw new AppError('BAD_REQUEST', '村干部角色只能在村或社区授予', { field: 'orgUnitId' });
  }
  await audited(ctx, async (trx) => {
    const grant = await uniquely(
      repo.insertGrant(trx, { userId: input.userId, role: input.role, orgUnitId: input.orgUnitId, grantedBy: userIdOf(ctx.actor) }),
      '该用户在此单位已有这个角色',
    );
    return {
      result: grant,
      audit: {
        action: 'role.grant',
        entityType: 'user',
        entityId: input.userId,
        orgUnitId: input.orgUnitId,
        after: { grantId: grant.id, role: input.role, orgUnitId: input.orgUnitId, unit: unit.name },
      },
    };
  });
  return getUser(ctx, user.id);
}

export async function revokeRole(ctx: Ctx, grantId: number): Promise<User> {
  const grant = await repo.findGrant(ctx.db, grantId);
  if (!grant) throw new AppError('NOT_FOUND', '该角色授权不存在或已撤销');
  await getUser(ctx, grant.user_id);
  await requireUnitInScope(ctx.db, ctx.actor, 'roles.manage', grant.org_unit_id);
  if (grant.user_id === ctx.actor.userId && grant.role === 'admin') throw new AppError('FORBIDDEN', '不能撤销自己的管理员角色');
  await audited(ctx, async (trx) => {
    await repo.revokeGrant(trx, grantId, ctx.actor.userId);
    return {
      result: undefined,
      audit: {
        action: 'role.revoke',
        entityType: 'user',
        entityId: grant.user_id,
        orgUnitId: grant.org_unit_id,
        before: { grantId, role: grant.role, orgUnitId: grant.org_unit_id },
      },
    };
  });
  return getUser(ctx, grant.user_id);
}
