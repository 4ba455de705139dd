import type { Kysely } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { audited, type Ctx, type Platform } from './context.ts';
import { decryptPersonal, encryptPersonal, verifyPassword } from './crypto.ts';

/**
 * TOTP second factor (RFC 6238, 6 digits, 30 s, SHA-1: what every authenticator app reads from an otpauth:// QR code).
 * The secret is sealed with SM4 like personal data, so a database dump does not yield it.
 */
const PERIOD = 30;
const totpOf = (secretBase32: string, label: string) =>
  new TOTP({ issuer: '法治乡镇工作平台', label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });

/** The time step of `code` (±1 step for clock drift), or null when it is wrong. */
export function totpStep(secretBase32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secretBase32, 'x').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

export function totpCode(secretBase32: string, now = Date.now()): string {
  return totpOf(secretBase32, 'x').generate({ timestamp: now });
}

export const securityPolicy = (db: Kysely<DB>) => db.selectFrom('security_policy').select(['totp_required_for_admins', 'version']).executeTakeFirstOrThrow();

/**
 * Checks a login's code against the user's secret and records its step, so the same code cannot be used twice
 * (a shoulder-surfed code is worthless once its owner has logged in with it).
 */
export async function acceptLoginCode(p: Platform, user: { id: number; totp_secret_enc: string | null; totp_last_step: number | null }, code: string): Promise<boolean> {
  if (!user.totp_secret_enc) return false;
  const step = totpStep(decryptPersonal(p.keys, user.totp_secret_enc), code);
  if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) return false;
  const updated = await p.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Starts enrolment: a new secret, kept pending until the user proves their app shows the right code. */
export async function beginEnrolment(ctx: Ctx): Promise<{ secret: string; uri: string }> {
  const secret = new Secret({ size: 20 }).base32;
  await ctx.db
    .updateTable('users')
    .set({ totp_pending_enc: encryptPersonal(ctx.keys, secret) })
    .where('id', '=', ctx.actor.userId)
    .execute();
  return { secret, uri: totpOf(secret, ctx.actor.username).toString() };
}

export async function confirmEnrolment(ctx: Ctx, code: string): Promise<void> {
  const row = await ctx.db.selectFrom('users').select(['totp_pending_enc']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (!row.totp_pending_enc) throw new AppError('TOTP_INVALID', '请先生成二维码并用验证器扫描', { field: 'code' });
  const step = totpStep(decryptPersonal(ctx.keys, row.totp_pending_enc), code);
  if (step === null) throw new AppError('TOTP_INVALID', undefined, { field: 'code' });
  await audited(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret_enc: row.totp_pending_enc, totp_pending_enc: null, totp_enabled_at: new Date(), totp_last_step: step })
      .where('id', '=', ctx.actor.userId)
      .execute();
    return { result: undefined, audit: { action: 'auth.totp_enable', entityType: 'user', entityId: ctx.actor.userId } };
  });
}

/** Turning the second factor off needs the password; an admin cannot while the policy requires it. */
export async function disableTotp(ctx: Ctx, password: string): Promise<void> {
  const row = await ctx.db.selectFrom('users').select(['password_hash']).where('id', '=', ctx.actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(password, row.password_hash))) throw new AppError('PASSWORD_WRONG', '密码不正确', { field: 'password' });
  const policy = await securityPolicy(ctx.db);
  if (policy.totp_required_for_admins && ctx.actor.grants.some((g) => g.role === 'admin')) throw new AppError('FORBIDDEN', '系统要求管理员使用动态验证码，不能关闭');
  await audited(ctx, async (trx) => {
    await trx.updateTable('users').set({ totp_secret_enc: null, totp_pending_enc: null, totp_enabled_at: null, totp_last_step: null }).where('id', '=', ctx.actor.userId).execute();
    return { result: undefined, audit: { action: 'auth.totp_disable', entityType: 'user', entityId: ctx.actor.userId } };
  });
}

export async function setPolicy(ctx: Ctx, input: { totpRequiredForAdmins: boolean; version: number }) {
  if (!ctx.actor.grants.some((g) => g.role === 'admin')) throw new AppError('FORBIDDEN');
  return audited(ctx, async (trx) => {
    const before = await securityPolicy(trx);
    const row = await trx
      .updateTable('security_policy')
      .set((eb) => ({ totp_required_for_admins: input.totpRequiredForAdmins, version: eb('version', '+', 1), updated_at: new Date() }))
      .where('version', '=', input.version)
      .returning(['totp_required_for_admins', 'version'])
      .executeTakeFirst();
    if (!row) throw new AppError('VERSION_CONFLICT', undefined, { currentVersion: before.version });
    return {
      result: { totpRequiredForAdmins: row.totp_required_for_admins, version: row.version },
      audit: { action: 'security_policy.update', entityType: 'security_policy', before, after: row },
    };
  });
}
