import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCapabilities } from '../../../domain/platform/roles.ts';
import type { DB } from '../../db/schema.ts';
import { actorOf } from '../../platform/auth.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { sessionIdOf } from '../../platform/crypto.ts';
import { createTestEnv, login, PASSWORD, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import * as svc from './org.service.ts';

let env: TestEnv;
let admin: Session;
let coordinator: Session;
let cungb: Session;
let cungb2: Session;
let ducha: Session;
const ids = { city: 0, town: 0, v1: 0, v2: 0, bureau: 0 };
const meetings = { v1: 0, v2: 0 };

const count = async (table: keyof DB): Promise<number> => {
  const r = await env.platform.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
};
const userIdOf = async (username: string) => (await env.platform.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const unitRow = (id: number) => env.platform.db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const lastAudit = () => env.platform.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();

beforeAll(async () => {
  env = await createTestEnv();
  [admin, coordinator, cungb, cungb2, ducha] = await Promise.all(['admin', 'sifasuo', 'cungb', 'cungb2', 'ducha'].map((u) => login(env.app, u)));
  ids.city = await unitId(env, '乌苏市');
  ids.town = await unitId(env, '四棵树镇');
  ids.v1 = await unitId(env, '四棵树村');
  ids.v2 = await unitId(env, '吉尔格勒特村');
  ids.bureau = await unitId(env, '乌苏市司法局');
  // One meeting in each village, recorded by the town's coordinator (whose scope covers both).
  for (const [key, orgUnitId] of [
    ['v1', ids.v1],
    ['v2', ids.v2],
  ] as const) {
    const res = await coordinator.request('POST', '/api/org/meetings', { orgUnitId, kind: 'other', title: `${key} 村民代表会议`, heldOn: '2024-05-10', attendees: ['村民甲'] });
    expect(res.status).toBe(200);
    meetings[key] = res.body.id;
  }
});
afterAll(async () => env?.close());

describe('a village cadre sees only their own village', () => {
  it('lists only their own unit in the org tree', async () => {
    const mine = await cungb.request('GET', '/api/org/units');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((u: { id: number }) => u.id)).toEqual([ids.v1]);
    const theirs = await cungb2.request('GET', '/api/org/units');
    expect(theirs.body.items.map((u: { id: number }) => u.id)).toEqual([ids.v2]);
  });

  it('lists the meetings of their own village and never those of the other', async () => {
    const mine = await cungb.request('GET', '/api/org/meetings?pageSize=200');
    expect(mine.status).toBe(200);
    const seen = mine.body.items.map((m: { id: number }) => m.id);
    expect(seen).toContain(meetings.v1);
    expect(seen).not.toContain(meetings.v2);
    expect(mine.body.items.every((m: { orgUnitId: number }) => m.orgUnitId === ids.v1)).toBe(true);
    expect(mine.body.total).toBe(mine.body.items.length);

    const theirs = await cungb2.request('GET', '/api/org/meetings?pageSize=200');
    expect(theirs.body.items.map((m: { id: number }) => m.id)).toContain(meetings.v2);
    expect(theirs.body.items.map((m: { id: number }) => m.id)).not.toContain(meetings.v1);
  });

  it('finds nothing when filtering on the other village', async () => {
    const res = await cungb.request('GET', `/api/org/meetings?orgUnitId=${ids.v2}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
  });

  it('sees neither the town’s leading group, its members nor its tasks', async () => {
    const groups = await cungb.request('GET', '/api/org/leading-groups');
    expect(groups.body.items).toEqual([]);
    const townGroup = (await ducha.request('GET', '/api/org/leading-groups')).body.items[0];
    const members = await cungb.request('GET', `/api/org/leading-groups/${townGroup.id}/members`);
    expect(members.status).toBe(404);
    expect(members.body.error.code).toBe('NOT_FOUND');
    const tasks = await cungb.request('GET', '/api/org/tasks');
    expect(tasks.body).toMatchObject({ items: [], total: 0 });
  });

  it('gets 404 (as if absent) when changing a meeting of the other village, and the row stays as it was', async () => {
    const res = await cungb.request('PATCH', `/api/org/meetings/${meetings.v2}`, { version: 1, title: '被改了' });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: '会议不存在' });
    const row = await env.platform.db.selectFrom('meetings').selectAll().where('id', '=', meetings.v2).executeTakeFirstOrThrow();
    expect(row.title).toBe('v2 村民代表会议');
    expect(row.version).toBe(1);
    // Its own village's meeting is visible, so there the refusal is an honest 403.
    const own = await cungb.request('PATCH', `/api/org/meetings/${meetings.v1}`, { version: 1, title: '被改了' });
    expect(own.status).toBe(403);
  });

  it('cannot tell the other village from a unit that does not exist', async () => {
    const other = await cungb.request('PATCH', `/api/org/units/${ids.v2}`, { version: 1, name: '改名' });
    const absent = await cungb.request('PATCH', '/api/org/units/999999', { version: 1, name: '改名' });
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(other).toEqual(absent);
    expect(JSON.stringify(other.body)).not.toContain('吉尔格勒特村');
    expect((await unitRow(ids.v2)).name).toBe('吉尔格勒特村');
  });

  it('may not list users or read the audit log at all', async () => {
    for (const url of ['/api/org/users', `/api/org/users?orgUnitId=${ids.v2}`, '/api/audit']) {
      const res = await cungb.request('GET', url);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('努尔兰');
    }
  });

  it('finds no trace of the other village through any readable endpoint', async () => {
    const group = (await ducha.request('GET', '/api/org/leading-groups')).body.items[0];
    const urls = [
      '/api/auth/me',
      '/api/org/units',
      '/api/org/users',
      '/api/org/leading-groups',
      `/api/org/leading-groups/${group.id}/members`,
      `/api/org/leading-groups/${group.id}/members?asOf=2024-06-01`,
      '/api/org/meetings?pageSize=200',
      `/api/org/meetings?leadingGroupId=${group.id}`,
      '/api/org/tasks?pageSize=200',
      '/api/audit',
      '/api/audit/verify',
      `/api/attachments?entityType=meeting&entityId=${meetings.v2}`,
    ];
    for (const url of urls) {
      const res = await cungb.request('GET', url);
      const text = JSON.stringify(res.body);
      expect(text, url).not.toContain('吉尔格勒特');
      expect(text, url).not.toContain('努尔兰');
      expect(text, url).not.toContain('v2 村民代表会议');
      expect(text, url).not.toMatch(new RegExp(`"orgUnitId":${ids.v2}\\b`));
    }
  });
});

describe('a supervisor at 乌苏市 reads across and writes nothing', () => {
  it('reads the whole tree, both villages, the leading group, meetings and tasks', async () => {
    const units = (await ducha.request('GET', '/api/org/units')).body.items.map((u: { name: string }) => u.name);
    expect(units).toEqual(expect.arrayContaining(['乌苏市', '乌苏市司法局', '四棵树镇', '四棵树村', '吉尔格勒特村', '司法所']));
    const groups = await ducha.request('GET', '/api/org/leading-groups');
    expect(groups.body.items.map((g: { name: string }) => g.name)).toEqual(['四棵树镇依法治镇工作领导小组']);
    const ms = (await ducha.request('GET', '/api/org/meetings?pageSize=200')).body.items.map((m: { id: number }) => m.id);
    expect(ms).toEqual(expect.arrayContaining([meetings.v1, meetings.v2]));
    expect((await ducha.request('GET', '/api/org/tasks')).body.total).toBe(8);
  });

  it.each<[string, 'POST' | 'PATCH', () => string, () => object]>([
    ['create a unit', 'POST', () => '/api/org/units', () => ({ parentId: ids.town, kind: 'village', name: '督察新村' })],
    ['rename a unit', 'PATCH', () => `/api/org/units/${ids.v1}`, () => ({ version: 1, name: '督察改名' })],
    ['change a meeting', 'PATCH', () => `/api/org/meetings/${meetings.v1}`, () => ({ version: 1, title: '督察改名' })],
    ['create a user', 'POST', () => '/api/org/users', () => ({ username: 'duchanew', displayName: '督察新人', orgUnitId: ids.town })],
    ['grant a role', 'POST', () => '/api/org/role-assignments', () => ({ userId: 1, role: 'admin', orgUnitId: ids.city })],
  ])('is refused (403) to %s, and the denial is in the audit log', async (_what, method, url, body) => {
    const units = await count('org_units');
    const res = await ducha.request(method, url(), body());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: 'access.denied', result: 'denied', actor_id: await userIdOf('ducha'), actor_name: '孙立新' });
    expect(entry.after).toMatchObject({ method, url: url(), code: 'FORBIDDEN' });
    expect(await count('org_units')).toBe(units);
    expect((await unitRow(ids.v1)).name).toBe('四棵树村');
    const meeting = await env.platform.db.selectFrom('meetings').select(['title', 'version']).where('id', '=', meetings.v1).executeTakeFirstOrThrow();
    expect(meeting).toEqual({ title: 'v1 村民代表会议', version: 1 });
  });

  it('may not list users (personal data stays with administrators)', async () => {
    const res = await ducha.request('GET', '/api/org/users');
    expect(res.status).toBe(403);
  });
});

describe('org units', () => {
  it('an admin creates a village under the town; it gets a path below the town and an audit entry', async () => {
    const town = await unitRow(ids.town);
    const res = await admin.request('POST', '/api/org/units', { parentId: ids.town, kind: 'village', name: '新建村', code: '654202103299' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ parentId: ids.town, kind: 'village', name: '新建村', code: '654202103299', version: 1, path: `${town.path}${res.body.id}/` });
    const listed = (await admin.request('GET', '/api/org/units')).body.items.map((u: { id: number }) => u.id);
    expect(listed).toContain(res.body.id);
    const entry = await lastAudit();
    expect(entry).toMatchObject({ action: 'org_unit.create', entity_type: 'org_unit', entity_id: String(res.body.id), actor_name: '系统管理员', result: 'ok' });
    expect(entry.after).toMatchObject({ name: '新建村' });
    // The town's coordinator now sees it; the cadre of 四棵树村 does not.
    expect((await coordinator.request('GET', '/api/org/units')).body.items.map((u: { id: number }) => u.id)).toContain(res.body.id);
    expect((await cungb.request('GET', '/api/org/units')).body.items.map((u: { id: number }) => u.id)).not.toContain(res.body.id);
  });

  it.each<[string, () => number, string, string]>([
    ['a village under a village', () => ids.v1, 'village', '「四棵树村」下不能设立该类型的单位'],
    ['a town under a town', () => ids.town, 'town', '「四棵树镇」下不能设立该类型的单位'],
    ['a village directly under the city', () => ids.city, 'village', '「乌苏市」下不能设立该类型的单位'],
  ])('refuses %s with a Chinese message and changes nothing', async (_name, parentId, kind, message) => {
    const [units, audits] = [await count('org_units'), await count('audit_log')];
    const res = await admin.request('POST', '/api/org/units', { parentId: parentId(), kind, name: '不该出现' });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({ code: 'ORG_UNIT_INVALID_PARENT', message, details: [{ field: 'kind', message }] });
    expect(await count('org_units')).toBe(units);
    expect(await count('audit_log')).toBe(audits);
  });

  it('is refused to a coordinator (no org.manage)', async () => {
    const res = await coordinator.request('POST', '/api/org/units', { parentId: ids.town, kind: 'village', name: '司法所建的村' });
    expect(res.status).toBe(403);
  });

  it('refuses an update with a stale version (409) and leaves the row unchanged', async () => {
    const created = (await admin.request('POST', '/api/org/units', { parentId: ids.town, kind: 'department', name: '综治中心' })).body;
    const first = await admin.request('PATCH', `/api/org/units/${created.id}`, { name: '综治中心（网格）', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const audits = await count('audit_log');
    const stale = await admin.request('PATCH', `/api/org/units/${created.id}`, { name: '迟到的改名', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', message: '数据已被他人修改，请刷新后重试', details: { currentVersion: 2 } });
    expect(await unitRow(created.id)).toMatchObject({ name: '综治中心（网格）', version: 2 });
    expect(await count('audit_log')).toBe(audits);
  });

  it('voids an empty unit (kept, with reason) but refuses one that still holds users', async () => {
    const created = (await admin.request('POST', '/api/org/units', { parentId: ids.town, kind: 'department', name: '临时专班' })).body;
    const staleVoid = await admin.request('POST', `/api/org/units/${created.id}/void`, { reason: '专班撤销', version: 2 });
    expect(staleVoid.status).toBe(409);
    const voided = await admin.request('POST', `/api/org/units/${created.id}/void`, { reason: '专班撤销', version: 1 });
    expect(voided.status).toBe(200);
    const row = await unitRow(created.id);
    expect(row.voided_at).not.toBeNull();
    expect(row.void_reason).toBe('专班撤销');
    expect((await admin.request('GET', '/api/org/units')).body.items.map((u: { id: number }) => u.id)).not.toContain(created.id);
    const busy = await admin.request('POST', `/api/org/units/${ids.v1}/void`, { reason: '合并', version: 1 });
    expect(busy.status).toBe(400);
    expect(busy.body.error.message).toContain('个用户，不能作废');
    expect((await unitRow(ids.v1)).voided_at).toBeNull();
  });

  it.each<[string, () => object, string, string]>([
    ['an empty name', () => ({ parentId: ids.town, kind: 'village', name: '' }), 'name', '「单位名称」不能为空'],
    ['a name over 100 characters', () => ({ parentId: ids.town, kind: 'village', name: '村'.repeat(101) }), 'name', '「单位名称」不能超过 100 个字符'],
    ['no parent', () => ({ kind: 'village', name: '无上级' }), 'parentId', '请填写「上级单位」'],
    ['a parent id of 0', () => ({ parentId: 0, kind: 'village', name: '零' }), 'parentId', '「上级单位」不能小于 1'],
    ['an unknown kind', () => ({ parentId: ids.town, kind: 'planet', name: '星球' }), 'kind', '「单位类型」的取值不在允许范围内'],
    ['a sort order over 9999', () => ({ parentId: ids.town, kind: 'village', name: '排序', sortOrder: 10000 }), 'sortOrder', '「排序」不能大于 9999'],
  ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_name, body, field, message) => {
    const units = await count('org_units');
    const res = await admin.request('POST', '/api/org/units', body());
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toBe(message);
    expect(res.body.error.details[0]).toEqual({ field, message });
    expect(await count('org_units')).toBe(units);
  });

  it('refuses a path id that is not a number', async () => {
    const res = await admin.request('PATCH', '/api/org/units/abc', { version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({ field: 'id', message: '「编号」类型不正确' });
  });

  it('answers text with a NUL character as bad input (400), not as a server error', async () => {
    const res = await admin.request('POST', '/api/org/units', { parentId: ids.town, kind: 'village', name: '空\u0000字符村' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('users and personal identifiers', () => {
  it('stores the phone number encrypted, with a blind index, and finds the user by it', async () => {
    const row = await env.platform.db.selectFrom('users').select(['phone_enc', 'phone_idx']).where('username', '=', 'sifasuo').executeTakeFirstOrThrow();
    expect(row.phone_enc).toMatch(/^v1\./);
    expect(row.phone_enc).not.toContain('13909921234');
    expect(row.phone_enc).not.toContain('1234');
    expect(row.phone_idx).toMatch(/^[0-9a-f]{64}$/);
    const raw = await sql<{ t: string }>`select row_to_json(u)::text as t from users u where username = 'sifasuo'`.execute(env.platform.db);
    expect(raw.rows[0]?.t).not.toContain('13909921234');

    const found = await admin.request('GET', '/api/org/users?phone=13909921234');
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(1);
    expect(found.body.items[0]).toMatchObject({ username: 'sifasuo', displayName: '李秀兰', phone: '13909921234' });
    const none = await admin.request('GET', '/api/org/users?phone=13909921235');
    expect(none.body.total).toBe(0);
  });

  it('encrypts each value with its own IV; equal values share only the blind index', async () => {
    const a = await admin.request('POST', '/api/org/users', { username: 'wangg1', displayName: '王刚', orgUnitId: ids.v1, phone: '13812345678', idCard: '65420219900101123X' });
    const b = await admin.request('POST', '/api/org/users', { username: 'wangg2', displayName: '王刚二', orgUnitId: ids.v1, phone: '13812345678' });
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.user).toMatchObject({ phone: '13812345678', idCard: '65420219900101123X' });
    const rows = await env.platform.db.selectFrom('users').selectAll().where('username', 'in', ['wangg1', 'wangg2']).orderBy('username').execute();
    expect(rows[0]?.phone_enc).not.toBe(rows[1]?.phone_enc);
    expect(rows[0]?.phone_idx).toBe(rows[1]?.phone_idx);
    expect(rows[0]?.id_card_enc).not.toContain('19900101');
    const found = await admin.request('GET', '/api/org/users?phone=13812345678');
    expect(found.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['wangg1', 'wangg2']);
    // The audit trail records who was created, never the identifiers.
    const entries = await env.platform.db.selectFrom('audit_log').select(['after']).where('action', '=', 'user.create').where('entity_id', '=', String(a.body.user.id)).execute();
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0]?.after)).not.toContain('13812345678');
    expect(JSON.stringify(entries[0]?.after)).not.toContain('1990');
  });

  it('masks phone and ID card for an actor without personal_data.read (service level: every role that may list users holds it)', async () => {
    await admin.request('POST', '/api/org/users', { username: 'maskme', displayName: '马斯克', orgUnitId: ids.v1, phone: '13912341234', idCard: '654202199001011234' });
    const token = admin.cookie.slice(admin.cookie.indexOf('=') + 1);
    const ctx: Ctx = { ...env.platform, ip: '127.0.0.1', actor: await actorOf(env.platform, sessionIdOf(token)) };
    const full = await svc.listUsers(ctx, { phone: '13912341234' });
    expect(full.items[0]).toMatchObject({ phone: '13912341234', idCard: '654202199001011234' });
    const original = roleCapabilities.admin;
    roleCapabilities.admin = original.filter((c) => c !== 'personal_data.read');
    try {
      const masked = await svc.listUsers(ctx, { phone: '13912341234' });
      expect(masked.items[0]).toMatchObject({ username: 'maskme', phone: '139****1234', idCard: '654***********1234' });
    } finally {
      roleCapabilities.admin = original;
    }
  });

  it('clears a phone number with an empty string and updates with the version', async () => {
    const created = (await admin.request('POST', '/api/org/users', { username: 'clearme', displayName: '清除', orgUnitId: ids.v1, phone: '13711112222' })).body.user;
    const res = await admin.request('PATCH', `/api/org/users/${created.id}`, { phone: '', title: '文书', version: created.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: null, title: '文书', version: created.version + 1 });
    const row = await env.platform.db.selectFrom('users').select(['phone_enc', 'phone_idx']).where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone_enc: null, phone_idx: null });
    const stale = await admin.request('PATCH', `/api/org/users/${created.id}`, { title: '迟到', version: created.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await env.platform.db.selectFrom('users').select('title').where('id', '=', created.id).executeTakeFirstOrThrow()).title).toBe('文书');
  });

  it('refuses a taken username with 409 DUPLICATE and leaves no row and no audit entry', async () => {
    const [users, audits] = [await count('users'), await count('audit_log')];
    const res = await admin.request('POST', '/api/org/users', { username: 'CUNGB', displayName: '重名', orgUnitId: ids.v1 });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'DUPLICATE', message: '用户名「CUNGB」已被使用' });
    expect(await count('users')).toBe(users);
    expect(await count('audit_log')).toBe(audits);
  });

  it.each<[string, object, string, string]>([
    ['a phone that is not a mobile number', { username: 'badphone', displayName: '甲', phone: '12345' }, 'phone', '「手机号」格式不正确'],
    ['an ID card of the wrong length', { username: 'badid', displayName: '乙', idCard: '65420219900101' }, 'idCard', '「身份证号」格式不正确'],
    ['a username starting with a digit', { username: '1abc', displayName: '丙' }, 'username', '「用户名」格式不正确'],
    ['no display name', { username: 'noname' }, 'displayName', '请填写「姓名」'],
  ])('refuses %s', async (_name, body, field, message) => {
    const users = await count('users');
    const res = await admin.request('POST', '/api/org/users', { orgUnitId: ids.v1, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message });
    expect(res.body.error.details[0]).toEqual({ field, message });
    expect(await count('users')).toBe(users);
  });

  it('refuses a user in a unit that does not exist (404)', async () => {
    const res = await admin.request('POST', '/api/org/users', { username: 'nowhere', displayName: '无处', orgUnitId: 999999 });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('所选单位不存在');
  });
});

describe('role assignments', () => {
  it('grants a role at a unit, which widens what the user sees, and revokes it again', async () => {
    const cungbId = await userIdOf('cungb');
    const granted = await admin.request('POST', '/api/org/role-assignments', { userId: cungbId, role: 'leader', orgUnitId: ids.town });
    expect(granted.status).toBe(200);
    const grant = granted.body.grants.find((g: { role: string }) => g.role === 'leader');
    expect(grant).toMatchObject({ role: 'leader', orgUnitId: ids.town, orgUnitName: '四棵树镇' });
    expect(await lastAudit()).toMatchObject({ action: 'role.grant', entity_id: String(cungbId), org_unit_id: ids.town, actor_name: '系统管理员' });
    // The next request of the same session sees the town's leading group.
    expect((await cungb.request('GET', '/api/org/leading-groups')).body.items).toHaveLength(1);

    const dup = await admin.request('POST', '/api/org/role-assignments', { userId: cungbId, role: 'leader', orgUnitId: ids.town });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'DUPLICATE', message: '该用户在此单位已有这个角色' });

    const revoked = await admin.request('POST', `/api/org/role-assignments/${grant.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.grants.map((g: { role: string }) => g.role)).toEqual(['village_cadre']);
    expect(await lastAudit()).toMatchObject({ action: 'role.revoke', entity_id: String(cungbId) });
    expect((await lastAudit()).before).toMatchObject({ grantId: grant.id, role: 'leader', orgUnitId: ids.town });
    expect((await cungb.request('GET', '/api/org/leading-groups')).body.items).toEqual([]);
    const row = await env.platform.db.selectFrom('role_assignments').selectAll().where('id', '=', grant.id).executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    expect(row.revoked_by).toBe(await userIdOf('admin'));

    const again = await admin.request('POST', `/api/org/role-assignments/${grant.id}/revoke`);
    expect(again.status).toBe(404);
  });

  it('refuses the village cadre role at a town', async () => {
    const grants = await count('role_assignments');
    const res = await admin.request('POST', '/api/org/role-assignments', { userId: await userIdOf('zhifa1'), role: 'village_cadre', orgUnitId: ids.town });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ message: '村干部角色只能在村或社区授予', details: [{ field: 'orgUnitId', message: '村干部角色只能在村或社区授予' }] });
    expect(await count('role_assignments')).toBe(grants);
  });

  it('refuses an unknown role name with the field named', async () => {
    const res = await admin.request('POST', '/api/org/role-assignments', { userId: await userIdOf('zhifa1'), role: 'superuser', orgUnitId: ids.town });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({ field: 'role', message: '「角色」的取值不在允许范围内' });
  });

  it('is refused to the coordinator (roles.manage is the admin’s)', async () => {
    const grants = await count('role_assignments');
    const res = await coordinator.request('POST', '/api/org/role-assignments', { userId: await userIdOf('cungb'), role: 'coordinator', orgUnitId: ids.town });
    expect(res.status).toBe(403);
    expect(await count('role_assignments')).toBe(grants);
  });

  it('does not let an admin revoke their own admin role', async () => {
    const adminGrant = await env.platform.db
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', await userIdOf('admin'))
      .where('role', '=', 'admin')
      .executeTakeFirstOrThrow();
    const res = await admin.request('POST', `/api/org/role-assignments/${adminGrant.id}/revoke`);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe('不能撤销自己的管理员角色');
  });
});

describe('password reset', () => {
  it('returns a new initial password, ends the user’s sessions and forces a change at the next login', async () => {
    const before = await login(env.app, 'zhifa1');
    const user = (await admin.request('GET', '/api/org/users?q=zhifa1')).body.items[0];
    const stale = await admin.request('POST', `/api/org/users/${user.id}/reset-password`, { version: user.version + 1 });
    expect(stale.status).toBe(409);
    expect((await before.request('GET', '/api/auth/me')).status).toBe(200);

    const res = await admin.request('POST', `/api/org/users/${user.id}/reset-password`, { version: user.version });
    expect(res.status).toBe(200);
    expect(res.body.initialPassword).toMatch(/^Fz-/);
    expect(res.body.initialPassword).not.toBe(PASSWORD);
    expect(res.body.user.mustChangePassword).toBe(true);
    expect(await lastAudit()).toMatchObject({ action: 'user.reset_password', entity_id: String(user.id) });
    expect(JSON.stringify((await lastAudit()).after ?? null)).not.toContain(res.body.initialPassword);

    expect((await before.request('GET', '/api/auth/me')).status).toBe(401);
    const old = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhifa1', password: PASSWORD } });
    expect(old.statusCode).toBe(401);
    const fresh = await login(env.app, 'zhifa1', res.body.initialPassword);
    const me = await fresh.request('GET', '/api/auth/me');
    expect(me.body.user.mustChangePassword).toBe(true);
    const blocked = await fresh.request('GET', '/api/org/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await fresh.request('POST', '/api/auth/password', { currentPassword: res.body.initialPassword, newPassword: 'Zhifa-New-2024' })).status).toBe(200);
    expect((await fresh.request('GET', '/api/org/units')).status).toBe(200);
  });

  it('also clears a lockout (unlock) with the version', async () => {
    await env.platform.db
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() + 10 * 60_000), failed_logins: 0 })
      .where('username', '=', 'zhifa2')
      .execute();
    const locked = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhifa2', password: PASSWORD } });
    expect(locked.statusCode).toBe(423);
    const user = (await admin.request('GET', '/api/org/users?q=zhifa2')).body.items[0];
    expect(user.lockedUntil).not.toBeNull();
    const res = await admin.request('POST', `/api/org/users/${user.id}/unlock`, { version: user.version });
    expect(res.status).toBe(200);
    expect(res.body.lockedUntil).toBeNull();
    expect((await login(env.app, 'zhifa2')).csrf).toBeTruthy();
  });
});
