import { passwordProblem } from '../../domain/platform/password.ts';
import { isIdleExpired, isPastLifetime, loginPolicy, minutesLeft } from '../../domain/platform/session.ts';
import { AppError } from '../errors.ts';
import * as repo from './auth.repository.ts';
import { type Actor, audited, type Ctx, type Platform } from './context.ts';
import { hashPassword, randomToken, sessionIdOf, verifyPassword } from './crypto.ts';
import { acceptLoginCode } from './totp.ts';

// Compared against when the username is unknown, so a wrong name costs the same time as a wrong password.
const decoyHash = hashPassword('decoy-password-Aa1');

export type LoginResult = { token: string; actor: Actor };

type FailureState = { failed_logins: number; locked_until: Date | null };
const phantoms = new Map<string, FailureState>();
const phantomKey = (username: string) => username.trim().toLowerCase();
const phantomAccount = (username: string, now: Date): FailureState => {
  const state = phantoms.get(phantomKey(username));
  return state && (state.failed_logins > 0 || (state.locked_until && state.locked_until > now)) ? state : { failed_logins: 0, locked_until: null };
};

/** The database's recordLoginFailure, for names that are no account: same count, same lock. */
function phantomFailure(username: string, now: Date): FailureState {
  const key = phantomKey(username);
  const failed = phantomAccount(username, now).failed_logins + 1;
  const state =
    failed >= loginPolicy.maxFailures
      ? { failed_logins: 0, locked_until: new Date(now.getTime() + loginPolicy.lockMinutes * 60_000) }
      : { failed_logins: failed, locked_until: null };
  phantoms.delete(key);
  if (phantoms.size >= 10_000) phantoms.delete(phantoms.keys().next().value as string);
  phantoms.set(key, state);
  return state;
}

export async function login(p: Platform, input: { username: string; password: string; otp?: string; ip: string; userAgent: string | null }): Promise<LoginResult> {
  const now = new Date();
  const user = await repo.findLoginUser(p.db, input.username);
  const who = { actorId: user?.id ?? null, actorName: user?.display_name ?? input.username.slice(0, 64), ip: input.ip };
  const fail = async (reason: string, error: AppError): Promise<never> => {
    await p.audit.record(p.db, who, { action: 'auth.login', entityType: 'user', entityId: user?.id, result: 'failed', after: { reason } });
    throw error;
  };
  // An unknown name walks the same path as a known one — scrypt, failure count, lock after 5 — so no answer, status or
  // timing tells whether the account exists. Its count lives in memory (bounded), a real account's in the database.
  const account = user ?? phantomAccount(input.username, now);
  if (account.locked_until && new Date(account.locked_until) > now) {
    return fail('locked', new AppError('ACCOUNT_LOCKED', `账号已锁定，请 ${minutesLeft(new Date(account.locked_until), now)} 分钟后再试`));
  }
  const passwordOk = await verifyPassword(input.password, user ? user.password_hash : await decoyHash);
  if (!user || !passwordOk) {
    const after = user ? await repo.recordLoginFailure(p.db, user.id, loginPolicy.maxFailures, loginPolicy.lockMinutes) : phantomFailure(input.username, now);
    const reason = user ? 'wrong_password' : 'unknown_user';
    if (after.locked_until && new Date(after.locked_until) > now) {
      return fail(`${reason}_locked`, new AppError('ACCOUNT_LOCKED', `连续 ${loginPolicy.maxFailures} 次密码错误，账号已锁定 ${loginPolicy.lockMinutes} 分钟`));
    }
    const left = loginPolicy.maxFailures - after.failed_logins;
    return fail(reason, new AppError('LOGIN_FAILED', `用户名或密码错误（再错 ${left} 次将锁定账号 ${loginPolicy.lockMinutes} 分钟）`));
  }
  if (user.totp_enabled_at) {
    // The password was right: ask for the second factor. A wrong code counts toward the lock like a wrong password.
    if (!input.otp) return fail('totp_missing', new AppError('TOTP_REQUIRED'));
    if (!(await acceptLoginCode(p, user, input.otp))) {
      const after = await repo.recordLoginFailure(p.db, user.id, loginPolicy.maxFailures, loginPolicy.lockMinutes);
      const locked = after.locked_until && new Date(after.locked_until) > now;
      return fail(
        'totp_wrong',
        locked
          ? new AppError('ACCOUNT_LOCKED', `连续 ${loginPolicy.maxFailures} 次验证失败，账号已锁定 ${loginPolicy.lockMinutes} 分钟`)
          : new AppError('TOTP_REQUIRED', '动态验证码不正确或已使用，请输入验证器上新的验证码'),
      );
    }
  }
  const token = randomToken();
  const sessionId = sessionIdOf(token);
  const csrfToken = randomToken(24);
  await p.db.transaction().execute(async (trx) => {
    await repo.recordLoginSuccess(trx, user.id);
    await repo.createSession(trx, { id: sessionId, userId: user.id, csrfToken, ip: input.ip, userAgent: input.userAgent });
    p.audit.committed(await p.audit.append(trx, who, { action: 'auth.login', entityType: 'user', entityId: user.id }));
  });
  return { token, actor: await actorOf(p, sessionId) };
}

/** The actor behind a session cookie; ends a session idle longer than the limit or older than its absolute lifetime. */
export async function actorOf(p: Platform, sessionId: string): Promise<Actor> {
  const s = await repo.findSession(p.db, sessionId);
  if (!s) throw new AppError('UNAUTHENTICATED');
  const now = new Date();
  const lastSeen = new Date(s.last_seen_at);
  if (isIdleExpired(lastSeen, now, p.config.idleMinutes) || isPastLifetime(new Date(s.created_at), now, p.config.sessionHours)) {
    await repo.endSession(p.db, sessionId);
    throw new AppError('SESSION_EXPIRED');
  }
  if (now.getTime() - lastSeen.getTime() > loginPolicy.touchEverySeconds * 1000) await repo.touchSession(p.db, sessionId);
  const grants = s.grants;
  return {
    userId: s.user_id,
    username: s.username,
    displayName: s.display_name,
    orgUnitId: s.org_unit_id,
    mustChangePassword: s.must_change_password,
    mustEnrolTotp: s.totp_required_for_admins && !s.totp_enabled_at && grants.some((g) => g.role === 'admin'),
    totpEnabled: s.totp_enabled_at !== null,
    grants,
    sessionId,
    csrfToken: s.csrf_token,
  };
}

export async function logout(ctx: Ctx): Promise<void> {
  await audited(ctx, async (trx) => {
    await repo.endSession(trx, ctx.actor.sessionId);
    return { result: undefined, audit: { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId } };
  });
}

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }): Promise<void> {
  const current = await repo.passwordHashOf(ctx.db, ctx.actor.userId);
  if (!(await verifyPassword(input.currentPassword, current.password_hash))) throw new AppError('PASSWORD_WRONG', undefined, { field: 'currentPassword' });
  const problem = passwordProblem(input.newPassword, current.username);
  if (problem) throw new AppError('PASSWORD_POLICY', problem, { field: 'newPassword' });
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_POLICY', '新密码不能与原密码相同', { field: 'newPassword' });
  const hash = await hashPassword(input.newPassword);
  await audited(ctx, async (trx) => {
    await repo.setPassword(trx, ctx.actor.userId, hash, false);
    await repo.endUserSessions(trx, ctx.actor.userId, ctx.actor.sessionId);
    return { result: undefined, audit: { action: 'auth.password_change', entityType: 'user', entityId: ctx.actor.userId } };
  });
}
