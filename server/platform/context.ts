import type { Kysely, Transaction } from 'kysely';
import type { Grant } from '../../domain/platform/roles.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { AuditEntry, AuditHead, AuditTrail } from './audit.ts';
import type { Keys } from './crypto.ts';

/** What the app holds for its whole life and hands to every service call. */
export type Platform = { db: Kysely<DB>; dbKind: 'embedded' | 'external'; audit: AuditTrail; keys: Keys; config: Config };

/** The signed-in user as the permission module sees them. */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  orgUnitId: number;
  mustChangePassword: boolean;
  /** An admin who must bind a TOTP authenticator (the policy requires it) before anything else. */
  mustEnrolTotp?: boolean;
  totpEnabled?: boolean;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
};

/**
 * The operator at the console (the fazhi command) acts with userId 0: no user row stands behind it, so rows and
 * audit entries record no user id for it, only its name (命令行 (<OS user>)).
 */
export const userIdOf = (actor: Actor): number | null => (actor.userId > 0 ? actor.userId : null);

/** One service call: the platform, who asks, and from where. */
export type Ctx = Platform & { actor: Actor; ip: string };

export type Audited<T> = { result: T; audit: AuditEntry | AuditEntry[] };

/**
 * Runs a write in one transaction that also appends its audit entries, last, so a failed request changes nothing
 * and leaves no trace of a change that did not happen. Every write goes through here.
 */
export async function audited<T>(ctx: Ctx, work: (trx: Transaction<DB>) => Promise<Audited<T>>): Promise<T> {
  let head: AuditHead | undefined;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const done = await work(trx);
    for (const entry of Array.isArray(done.audit) ? done.audit : [done.audit]) {
      head = await ctx.audit.append(trx, { actorId: ctx.actor.userId, actorName: ctx.actor.displayName, ip: ctx.ip }, entry);
    }
    return done.result;
  });
  if (head) ctx.audit.committed(head);
  return result;
}
