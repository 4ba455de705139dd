import type { Role } from '../../domain/platform/roles.ts';
import { AppError } from '../errors.ts';
import { rootUnits } from '../modules/org/org.repository.ts';
import { findUnitsByIdOrName } from '../modules/reports/reports.repository.ts';
import { findLoginUser } from '../platform/auth.repository.ts';
import type { Ctx, Platform } from '../platform/context.ts';

export const operatorName = (): string => `命令行 (${process.env.USER ?? 'unknown'})`;

type Who = { userId: number; username: string; displayName: string };

/** A service call's context for the console: `who` holding every role of `rolesHeld` at each of `units`. */
function ctxOf(p: Platform, who: Who, units: readonly { id: number; path: string }[], rolesHeld: readonly Role[]): Ctx {
  return {
    ...p,
    ip: '127.0.0.1',
    actor: {
      ...who,
      orgUnitId: units[0]?.id ?? 0,
      mustChangePassword: false,
      grants: units.flatMap((u) => rolesHeld.map((role) => ({ role, orgUnitId: u.id, path: u.path }))),
      sessionId: '',
      csrfToken: '',
    },
  };
}

/**
 * The operator at the console, as a service call sees them: `role` over every root unit, with no user row behind
 * them (userId 0, see userIdOf), so every write the fazhi command makes goes through the same services, permission
 * checks and audit trail as the web's, under the name 命令行 (<OS user>).
 */
export async function operatorCtx(p: Platform, role: Extract<Role, 'admin' | 'supervisor'>): Promise<Ctx> {
  return ctxOf(p, { userId: 0, username: 'cli', displayName: operatorName() }, await rootUnits(p.db), [role]);
}

/**
 * The operator acting at one org unit (`org`: name or id, default the first root unit) on behalf of a user
 * (`user`, default admin) whom the records name as "registered by"; the audit trail names the command line.
 */
export async function consoleCtx(p: Platform, o: { org?: string; user?: string }, rolesHeld: readonly Role[]): Promise<Ctx> {
  const units = o.org ? await findUnitsByIdOrName(p.db, o.org) : (await rootUnits(p.db)).slice(0, 1);
  if (units.length === 0) throw new AppError('NOT_FOUND', `找不到单位「${o.org ?? '(根单位)'}」：请用单位名称或编号`);
  if (units.length > 1) throw new AppError('CLI_USAGE', `有多个单位名为「${o.org}」，请改用单位编号`);
  const username = o.user ?? 'admin';
  const user = await findLoginUser(p.db, username);
  if (!user) throw new AppError('NOT_FOUND', `找不到用户「${username}」`);
  const displayName = `命令行 (${process.env.USER ?? 'operator'}，以 ${user.username} 名义)`;
  return ctxOf(p, { userId: user.id, username: user.username, displayName }, units, rolesHeld);
}
