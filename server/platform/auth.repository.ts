import { type Kysely, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Grant, Role } from '../../domain/platform/roles.ts';
import type { DB } from '../db/schema.ts';

export function findLoginUser(db: Kysely<DB>, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'password_hash', 'failed_logins', 'locked_until', 'must_change_password', 'totp_secret_enc', 'totp_enabled_at', 'totp_last_step'])
    .where('username', '=', username.trim().toLowerCase())
    .where('voided_at', 'is', null)
    .executeTakeFirst();
}

/** Counts a failure atomically; at `maxFailures` it locks the account and restarts the count. */
export async function recordLoginFailure(db: Kysely<DB>, userId: number, maxFailures: number, lockMinutes: number) {
  return db
    .updateTable('users')
    .set({
      failed_logins: sql`case when failed_logins + 1 >= ${maxFailures} then 0 else failed_logins + 1 end`,
      locked_until: sql`case when failed_logins + 1 >= ${maxFailures} then now() + make_interval(mins => ${lockMinutes}) else locked_until end`,
    })
    .where('id', '=', userId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function recordLoginSuccess(db: Kysely<DB>, userId: number) {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: new Date() }).where('id', '=', userId).execute();
}

export async function createSession(db: Kysely<DB>, s: { id: string; userId: number; csrfToken: string; ip: string; userAgent: string | null }) {
  await db.insertInto('sessions').values({ id: s.id, user_id: s.userId, csrf_token: s.csrfToken, ip: s.ip, user_agent: s.userAgent }).execute();
}

export function findSession(db: Kysely<DB>, sessionId: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .crossJoin('security_policy')
    .select([
      'security_policy.totp_required_for_admins',
      'users.totp_enabled_at',
      'sessions.id',
      'sessions.csrf_token',
      'sessions.last_seen_at',
      'sessions.created_at',
      'users.id as user_id',
      'users.username',
      'users.display_name',
      'users.org_unit_id',
      'users.must_change_password',
      // The grants come in the same round trip: every request starts here.
      (eb) =>
        jsonArrayFrom(
          eb
            .selectFrom('role_assignments')
            .innerJoin('org_units', 'org_units.id', 'role_assignments.org_unit_id')
            .select(['role_assignments.role', 'role_assignments.org_unit_id as orgUnitId', 'org_units.path'])
            .whereRef('role_assignments.user_id', '=', 'users.id')
            .where('role_assignments.revoked_at', 'is', null)
            .where('org_units.voided_at', 'is', null),
        ).as('grants'),
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.ended_at', 'is', null)
    .where('users.voided_at', 'is', null)
    .executeTakeFirst()
    .then((s) => s && { ...s, grants: s.grants.map((g): Grant => ({ role: g.role as Role, orgUnitId: g.orgUnitId, path: g.path })) });
}

export async function touchSession(db: Kysely<DB>, sessionId: string) {
  await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', sessionId).execute();
}

export async function endSession(db: Kysely<DB>, sessionId: string) {
  await db.updateTable('sessions').set({ ended_at: new Date() }).where('id', '=', sessionId).where('ended_at', 'is', null).execute();
}

export async function endUserSessions(db: Kysely<DB>, userId: number, exceptSessionId?: string) {
  let q = db.updateTable('sessions').set({ ended_at: new Date() }).where('user_id', '=', userId).where('ended_at', 'is', null);
  if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
  await q.execute();
}

export async function grantsOf(db: Kysely<DB>, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('role_assignments')
    .innerJoin('org_units', 'org_units.id', 'role_assignments.org_unit_id')
    .select(['role_assignments.role', 'role_assignments.org_unit_id', 'org_units.path'])
    .where('role_assignments.user_id', '=', userId)
    .where('role_assignments.revoked_at', 'is', null)
    .where('org_units.voided_at', 'is', null)
    .execute();
  return rows.map((r) => ({ role: r.role as Role, orgUnitId: r.org_unit_id, path: r.path }));
}

export function passwordHashOf(db: Kysely<DB>, userId: number) {
  return db.selectFrom('users').select(['password_hash', 'username']).where('id', '=', userId).executeTakeFirstOrThrow();
}

export async function setPassword(db: Kysely<DB>, userId: number, hash: string, mustChange: boolean) {
  await db
    .updateTable('users')
    .set({ password_hash: hash, must_change_password: mustChange, password_changed_at: new Date(), version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', userId)
    .execute();
}
