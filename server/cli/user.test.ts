import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, PASSWORD, type TestEnv } from '../test/helpers.ts';
import { createUser, listUsers, resetPassword, unlock } from './user.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const tryLogin = (username: string, password: string) => env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const auditOf = (action: string) =>
  env.platform.db.selectFrom('audit_log').select(['actor_id', 'actor_name', 'entity_id', 'org_unit_id', 'after']).where('action', '=', action).orderBy('id').execute();

it('user create: at a unit given by name, with a role given by its Chinese label, audited as the console', async () => {
  const { user, password } = await createUser(env.platform, 'tiaojie3', { name: '王调解', org: '四棵树村', role: '调解员', title: '村调委会委员' });
  expect(user).toMatchObject({ username: 'tiaojie3', displayName: '王调解', orgUnitName: '四棵树村', mustChangePassword: true });
  expect(user.grants.map((g) => [g.role, g.orgUnitName])).toEqual([['mediator', '四棵树村']]);
  const first = await tryLogin('tiaojie3', password);
  expect(first.statusCode).toBe(200);
  expect(first.json().user.mustChangePassword).toBe(true);
  for (const action of ['user.create', 'role.grant']) {
    const [entry] = await auditOf(action).then((rows) => rows.filter((r) => r.entity_id === String(user.id)));
    expect(entry, action).toMatchObject({ actor_id: null, actor_name: expect.stringMatching(/^命令行 \(/) });
  }
  const granted = await env.platform.db.selectFrom('role_assignments').select('granted_by').where('user_id', '=', user.id).executeTakeFirstOrThrow();
  expect(granted.granted_by).toBeNull();

  // A password the operator chooses is held to the policy and needs no change.
  const chosen = await createUser(env.platform, 'zhifa3', { name: '赵执法', org: '四棵树镇', role: 'officer', password: 'Zhifa-2024-ok' });
  expect(chosen.user.mustChangePassword).toBe(false);
  expect((await tryLogin('zhifa3', 'Zhifa-2024-ok')).statusCode).toBe(200);

  await expect(createUser(env.platform, 'zhifa3', { name: '重复', org: '四棵树镇', role: 'officer' })).rejects.toMatchObject({ code: 'DUPLICATE' });
  await expect(createUser(env.platform, 'x1', { name: '无', org: '不存在村', role: 'officer' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  await expect(createUser(env.platform, 'x2', { name: '无', org: '四棵树镇', role: '村长' })).rejects.toMatchObject({
    code: 'CLI_USAGE',
    message: expect.stringMatching(/没有「村长」这个角色/),
  });
  await expect(createUser(env.platform, 'x3', { name: '无', org: '四棵树镇', role: 'village_cadre' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  await expect(createUser(env.platform, 'x4', { name: '无', org: '四棵树镇', role: 'officer', password: 'short' })).rejects.toMatchObject({ code: 'PASSWORD_POLICY' });
  const users = await env.platform.db.selectFrom('users').select('username').where('username', 'in', ['x1', 'x2', 'x4']).execute();
  expect(users).toEqual([]);
});

it('user reset-password: a random one-time password (change forced) or the one given; old sessions end', async () => {
  const before = await login(env.app, 'zhifa1');
  const { password, user } = await resetPassword(env.platform, 'zhifa1');
  expect(user.mustChangePassword).toBe(true);
  expect((await tryLogin('zhifa1', PASSWORD)).statusCode).toBe(401);
  expect((await tryLogin('zhifa1', password)).statusCode).toBe(200);
  expect((await before.request('GET', '/api/auth/me')).status).toBe(401);

  const given = await resetPassword(env.platform, 'zhifa1', 'Another-Pass-42');
  expect(given.user.mustChangePassword).toBe(false);
  expect((await tryLogin('zhifa1', 'Another-Pass-42')).statusCode).toBe(200);
  await expect(resetPassword(env.platform, 'zhifa1', 'weakpassword')).rejects.toMatchObject({ code: 'PASSWORD_POLICY' });
  await expect(resetPassword(env.platform, 'nobody')).rejects.toMatchObject({ code: 'NOT_FOUND', message: '用户「nobody」不存在' });
  const audits = await auditOf('user.reset_password');
  expect(audits).toHaveLength(2);
  expect(audits.map((a) => [a.actor_id, a.after])).toEqual([
    [null, null],
    [null, { chosenByOperator: true }],
  ]);
});

it('user unlock: a locked account can log in again', async () => {
  await sql`update users set failed_logins = 5, locked_until = now() + interval '30 minutes' where username = 'tiaojie'`.execute(env.platform.db);
  expect((await tryLogin('tiaojie', PASSWORD)).statusCode).toBe(423);
  const { wasLocked, user } = await unlock(env.platform, 'tiaojie');
  expect(wasLocked).toBe(true);
  expect(user.lockedUntil).toBeNull();
  expect((await tryLogin('tiaojie', PASSWORD)).statusCode).toBe(200);
  expect(await auditOf('user.unlock')).toMatchObject([{ actor_id: null, actor_name: expect.stringMatching(/^命令行/) }]);
});

it('user list: every user with unit, roles and state, or only a unit’s', async () => {
  const all = await listUsers(env.platform);
  expect(all).toContain('sifasuo\t李秀兰\t司法所\t法治办/司法所@四棵树镇');
  expect(all.find((l) => l.startsWith('tiaojie3\t'))).toMatch(/调解员@四棵树村\t须改密码$/);
  expect(all.length).toBeGreaterThan(12);
  const village = await listUsers(env.platform, '四棵树村');
  expect(village.map((l) => l.split('\t')[0]).sort()).toEqual(['cungb', 'tiaojie3']);
});
