// Issue 10 §2 and §5: login, sessions, the second factor and the rate limits, each asserting what an attacker would
// otherwise get. The rate limits here are this file's own (small) figures; everywhere else tests run far below them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../platform/totp.ts';
import { createTestEnv, login, PASSWORD, type TestEnv } from '../helpers.ts';

let env: TestEnv;
const LOGIN_PER_MINUTE = 12;
const API_PER_MINUTE = 40;
beforeAll(async () => {
  env = await createTestEnv({ config: { loginPerMinute: LOGIN_PER_MINUTE, apiPerMinute: API_PER_MINUTE } });
});
afterAll(async () => env?.close());

// Each test logs in from its own address, so the per-IP login budget of one test does not spill into the next.
let nextIp = 10;
const freshIp = () => `10.0.0.${nextIp++}`;
const attempt = (username: string, password: string, ip: string, otp?: string) =>
  env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(otp ? { otp } : {}) }, remoteAddress: ip });
const cookieOf = (res: { headers: Record<string, unknown> }) => String([res.headers['set-cookie']].flat()[0]).split(';')[0] as string;
const me = (cookie: string) => env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie }, remoteAddress: freshIp() });
const signIn = (username: string) => login(env.app, username, PASSWORD, freshIp());
const userId = async (username: string) => (await env.platform.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

describe('lockout and account existence', () => {
  it('locks an account after 5 failures, audits the lock, and refuses the right password while locked', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await attempt('zhifa1', 'Wrong-Pass-1', ip)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 423]);
    expect((await attempt('zhifa1', PASSWORD, ip)).statusCode).toBe(423);
    const lock = await env.platform.db
      .selectFrom('audit_log')
      .select(['result', 'after', 'entity_id'])
      .where('action', '=', 'auth.login')
      .where(sql<boolean>`after->>'reason' = 'wrong_password_locked'`)
      .executeTakeFirstOrThrow();
    expect(lock).toMatchObject({ result: 'failed', entity_id: String(await userId('zhifa1')) });
  });

  it('gives an unknown name the same answers, statuses and lock as a real account', async () => {
    const ip = freshIp();
    const real: unknown[] = [];
    const ghost: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      const a = await attempt('zhifa2', 'Wrong-Pass-1', ip);
      const b = await attempt('no-such-user', 'Wrong-Pass-1', ip);
      real.push([a.statusCode, a.json()]);
      ghost.push([b.statusCode, b.json()]);
    }
    expect(ghost).toEqual(real);
  });

  it('takes the same time class for an unknown name as for a wrong password (both pay scrypt)', async () => {
    const ip = freshIp();
    const time = async (username: string) => {
      const started = performance.now();
      await attempt(username, 'Wrong-Pass-2', ip);
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time('guwen'));
      unknown.push(await time(`ghost${i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] as number;
    // scrypt costs ~100 ms; a lookup that skipped it would answer in a few ms.
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
    expect(median(unknown)).toBeLessThan(median(known) * 3);
  });
});

describe('sessions', () => {
  it('issues a new session id at every login and ignores a cookie planted before login (no fixation)', async () => {
    const planted = 'fazhi_sid=attacker-chosen-token';
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'shenhe', password: PASSWORD },
      headers: { cookie: planted },
      remoteAddress: freshIp(),
    });
    expect(res.statusCode).toBe(200);
    const first = cookieOf(res);
    expect(first).not.toBe(planted);
    expect((await me(planted)).statusCode).toBe(401);
    const second = cookieOf(await attempt('shenhe', PASSWORD, freshIp()));
    expect(second).not.toBe(first);
    // The database keeps only a keyed digest of the token: a leaked sessions table does not log anyone in.
    const token = first.split('=')[1] as string;
    const rows = await env.platform.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', await userId('shenhe'))
      .execute();
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  it('ends a session idle for 30 minutes', async () => {
    const s = await signIn('tiaojie');
    await sql`update sessions set last_seen_at = now() - interval '31 minutes' where user_id = ${await userId('tiaojie')}`.execute(env.platform.db);
    expect((await me(s.cookie)).json().error.code).toBe('SESSION_EXPIRED');
  });

  it('ends a session 12 hours after login even when it is in constant use', async () => {
    const s = await signIn('zhenzhang');
    await sql`update sessions set created_at = now() - interval '12 hours 1 minute', last_seen_at = now() where user_id = ${await userId('zhenzhang')}`.execute(env.platform.db);
    const res = await me(s.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('SESSION_EXPIRED');
    // …and for good: the session row is ended, not just refused once.
    expect((await me(s.cookie)).json().error.code).toBe('UNAUTHENTICATED');
  });

  it('logout ends the session on the server: the old cookie is dead even if replayed', async () => {
    const s = await signIn('cungb');
    expect((await s.request('POST', '/api/auth/logout')).status).toBe(200);
    expect((await me(s.cookie)).statusCode).toBe(401);
  });

  it('voiding (disabling) a user ends all their open sessions at once', async () => {
    const victim = await signIn('cungb2');
    const admin = await signIn('admin');
    expect((await me(victim.cookie)).statusCode).toBe(200);
    const id = await userId('cungb2');
    const user = (await admin.request('GET', `/api/org/users?q=cungb2`)).body.items.find((u: { id: number }) => u.id === id);
    expect((await admin.request('POST', `/api/org/users/${id}/void`, { reason: '离职', version: user.version })).status).toBe(200);
    expect((await me(victim.cookie)).statusCode).toBe(401);
    const open = await env.platform.db.selectFrom('sessions').select('id').where('user_id', '=', id).where('ended_at', 'is', null).execute();
    expect(open).toEqual([]);
  });
});

describe('TOTP second factor', () => {
  it('enrols with an otpauth URI, then demands a fresh code at login; the secret is sealed at rest', async () => {
    const s = await signIn('sifasuo');
    const enrol = await s.request('POST', '/api/auth/totp/enrol');
    expect(enrol.status).toBe(200);
    expect(enrol.body.uri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    const secret = enrol.body.secret as string;
    expect((await s.request('POST', '/api/auth/totp/confirm', { code: '000000' === totpCode(secret) ? '111111' : '000000' })).status).toBe(400);
    expect((await s.request('POST', '/api/auth/totp/confirm', { code: totpCode(secret) })).status).toBe(200);
    const row = await env.platform.db.selectFrom('users').select(['totp_secret_enc']).where('username', '=', 'sifasuo').executeTakeFirstOrThrow();
    expect(row.totp_secret_enc).toMatch(/^v1\./);
    expect(row.totp_secret_enc).not.toContain(secret);

    const ip = freshIp();
    const noCode = await attempt('sifasuo', PASSWORD, ip);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('TOTP_REQUIRED');
    expect(noCode.headers['set-cookie']).toBeUndefined();
    // The code the enrolment already used (same 30 s step) cannot be replayed.
    expect((await attempt('sifasuo', PASSWORD, ip, totpCode(secret))).json().error.code).toBe('TOTP_REQUIRED');
    const next = totpCode(secret, Date.now() + 30_000);
    const ok = await attempt('sifasuo', PASSWORD, ip, next);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.totpEnabled).toBe(true);
    expect((await attempt('sifasuo', PASSWORD, ip, next)).statusCode).toBe(401);
    // A wrong password with a right code is still a wrong password.
    expect((await attempt('sifasuo', 'Wrong-Pass-1', ip, totpCode(secret, Date.now() + 60_000))).json().error.code).toBe('LOGIN_FAILED');
  });

  it('when an admin requires it, an admin without an authenticator can do nothing but enrol', async () => {
    const admin = await signIn('admin');
    const policy = (await admin.request('GET', '/api/auth/security-policy')).body;
    expect((await admin.request('PATCH', '/api/auth/security-policy', { totpRequiredForAdmins: true, version: policy.version })).status).toBe(200);
    // A non-admin may not change the policy.
    const coordinator = await signIn('shuji');
    expect((await coordinator.request('PATCH', '/api/auth/security-policy', { totpRequiredForAdmins: false, version: policy.version + 1 })).status).toBe(403);

    const gated = await signIn('admin');
    expect((await gated.request('GET', '/api/auth/me')).body.user.mustEnrolTotp).toBe(true);
    const blocked = await gated.request('GET', '/api/org/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('TOTP_ENROL_REQUIRED');
    const { secret } = (await gated.request('POST', '/api/auth/totp/enrol')).body;
    expect((await gated.request('POST', '/api/auth/totp/confirm', { code: totpCode(secret) })).status).toBe(200);
    expect((await gated.request('GET', '/api/org/users')).status).toBe(200);
    expect((await gated.request('POST', '/api/auth/totp/disable', { password: PASSWORD })).status).toBe(403);
  });
});

describe('rate limits', () => {
  it('answers a login burst from one address with 429 and Retry-After, while another address still logs in', async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof attempt>> | undefined;
    for (let i = 0; i < LOGIN_PER_MINUTE + 3; i++) {
      const res = await attempt(`burst${i}`, 'Wrong-Pass-1', ip);
      statuses.push(res.statusCode);
      if (res.statusCode === 429) limited = res;
    }
    expect(statuses.slice(0, LOGIN_PER_MINUTE).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(LOGIN_PER_MINUTE)).toEqual([429, 429, 429]);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.json().error.code).toBe('RATE_LIMITED');
    expect((await attempt('guwen', PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it('answers an API burst of one user with 429 and Retry-After, while another user on the same address is served', async () => {
    const greedy = await signIn('ducha');
    const other = await signIn('guwen');
    const get = (cookie: string) => env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie }, remoteAddress: '10.9.9.9' });
    const statuses: number[] = [];
    for (let i = 0; i < API_PER_MINUTE + 2; i++) statuses.push((await get(greedy.cookie)).statusCode);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(API_PER_MINUTE);
    const limited = await get(greedy.cookie);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(other.cookie)).statusCode).toBe(200);
  });
});
