import type { Role } from '../../domain/platform/roles.ts';
import { rootUnits } from '../modules/org/org.repository.ts';
import type { Ctx, Platform } from '../platform/context.ts';

export const operatorName = (): string => `命令行 (${process.env.USER ?? 'unknown'})`;

/**
 * The operator at the console, as a service call sees them: `role` over every root unit, with no user row behind
 * them (userId 0, see userIdOf), so every write the fazhi command makes goes through the same services, permission
 * checks and audit trail as the web's, under the name 命令行 (<OS user>).
 */
export async function operatorCtx(p: Platform, role: Extract<Role, 'admin' | 'supervisor'>): Promise<Ctx> {
  const roots = await rootUnits(p.db);
  return {
    ...p,
    ip: '127.0.0.1',
    actor: {
      userId: 0,
      username: 'cli',
      displayName: operatorName(),
      orgUnitId: roots[0]?.id ?? 0,
      mustChangePassword: false,
      grants: roots.map((r) => ({ role, orgUnitId: r.id, path: r.path })),
      sessionId: '',
      csrfToken: '',
    },
  };
}
