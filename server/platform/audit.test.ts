import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../test/helpers.ts';
import { AuditTrail } from './audit.ts';
import { loadKeys } from './crypto.ts';

let env: TestEnv;
let admin: Session;
let coordinator: Session;
let ducha: Session;

const auditCount = async () => Number((await sql<{ n: string }>`select count(*) as n from audit_log`.execute(env.platform.db)).rows[0]?.n);
const lastEntries = (n: number) => env.platform.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(n).execute();
const verify = async () => {
  const res = await admin.request('GET', '/api/audit/verify');
  expect(res.status).toBe(200);
  return res.body as { ok: boolean; checked: number; lastId: number | null; problems: string[] };
};
const headFile = () => path.join(env.dataDir, 'audit-head.json');

type Row = Awaited<ReturnType<typeof lastEntries>>[number];
/** As the database superuser: the append-only trigger off for one change, then on again. */
async function asSuperuser(work: () => Promise<unknown>) {
  await sql`alter table audit_log disable trigger user`.execute(env.platform.db);
  try {
    await work();
  } finally {
    await sql`alter table audit_log enable trigger user`.execute(env.platform.db);
  }
}
const reinsert = (rows: Row[]) =>
  asSuperuser(async () => {
    for (const r of rows) {
      await env.platform.db
        .insertInto('audit_log')
        .values({ ...r, before: JSON.stringify(r.before), after: JSON.stringify(r.after) })
        .execute();
    }
  });

beforeAll(async () => {
  env = await createTestEnv();
  [admin, coordinator, ducha] = await Promise.all(['admin', 'sifasuo', 'ducha'].map((u) => login(env.app, u)));
});
afterAll(async () => env?.close());

describe('every write appends an entry', () => {
  it('records actor, IP (not a forged X-Forwarded-For), action, entity, before and after, linked to the previous entry', async () => {
    const town = await unitId(env, '四棵树镇');
    const unit = (await admin.request('POST', '/api/org/units', { parentId: town, kind: 'department', name: '审计测试科' })).body;
    const previous = (await lastEntries(1))[0] as Row;
    const res = await env.app.inject({
      method: 'PATCH',
      url: `/api/org/units/${unit.id}`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'x-forwarded-for': '8.8.8.8' },
      payload: { name: '审计测试科（改）', version: 1 },
      remoteAddress: '10.20.30.40',
    });
    expect(res.statusCode).toBe(200);
    const entry = (await lastEntries(1))[0] as Row;
    expect(entry).toMatchObject({
      id: previous.id + 1,
      actor_id: (await env.platform.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id,
      actor_name: '系统管理员',
      ip: '10.20.30.40',
      action: 'org_unit.update',
      entity_type: 'org_unit',
      entity_id: String(unit.id),
      org_unit_id: unit.id,
      result: 'ok',
      prev_hash: previous.hash,
    });
    expect(entry.before).toMatchObject({ name: '审计测试科', version: 1 });
    expect(entry.after).toMatchObject({ name: '审计测试科（改）', version: 2 });
    expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Math.abs(new Date(entry.at).getTime() - Date.now())).toBeLessThan(60_000);
    // The same entry through the audit page.
    const page = await admin.request('GET', '/api/audit?action=org_unit.update');
    expect(page.body.items[0]).toMatchObject({
      id: entry.id,
      actorName: '系统管理员',
      ip: '10.20.30.40',
      action: 'org_unit.update',
      result: 'ok',
      before: { name: '审计测试科' },
      after: { name: '审计测试科（改）' },
    });
  });

  it.each<[string, (ids: { town: number; v1: number }) => ['admin' | 'coordinator', 'POST' | 'PATCH', string, object], string]>([
    ['creating a unit', ({ town }) => ['admin', 'POST', '/api/org/units', { parentId: town, kind: 'village', name: '审计新村' }], 'org_unit.create'],
    ['creating a user', ({ v1 }) => ['admin', 'POST', '/api/org/users', { username: 'audited1', displayName: '审计甲', orgUnitId: v1 }], 'user.create'],
    [
      'recording a meeting',
      ({ town }) => ['coordinator', 'POST', '/api/org/meetings', { orgUnitId: town, kind: 'other', title: '审计会议', heldOn: '2024-05-01' }],
      'meeting.create',
    ],
  ])('%s appends exactly one entry', async (_name, make, action) => {
    const ids = { town: await unitId(env, '四棵树镇'), v1: await unitId(env, '四棵树村') };
    const [who, method, url, body] = make(ids);
    const session = who === 'admin' ? admin : coordinator;
    const before = await auditCount();
    const res = await session.request(method, url, body);
    expect(res.status).toBe(200);
    expect(await auditCount()).toBe(before + 1);
    expect((await lastEntries(1))[0]).toMatchObject({ action, result: 'ok' });
  });

  it('records a successful login, a failed one, a denied request and a logout', async () => {
    const before = await auditCount();
    const s = await login(env.app, 'shenhe');
    await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'shenhe', password: 'Wrong-pass-1' } });
    await s.request('POST', '/api/org/units', { parentId: 1, kind: 'village', name: '越权' });
    await s.request('POST', '/api/auth/logout');
    const entries = (await lastEntries(4)).reverse();
    expect(await auditCount()).toBe(before + 4);
    expect(entries.map((e) => [e.action, e.result, e.actor_name])).toEqual([
      ['auth.login', 'ok', '周文'],
      ['auth.login', 'failed', '周文'],
      ['access.denied', 'denied', '周文'],
      ['auth.logout', 'ok', '周文'],
    ]);
  });

  it('appends nothing when the write fails', async () => {
    const before = await auditCount();
    const res = await admin.request('PATCH', `/api/org/units/${await unitId(env, '四棵树村')}`, { name: '过期版本', version: 999 });
    expect(res.status).toBe(409);
    expect(await auditCount()).toBe(before);
  });

  it('refuses to change or delete an entry as the application (append-only trigger)', async () => {
    const [last] = await lastEntries(1);
    await expect(sql`update audit_log set action = 'x' where id = ${last?.id}`.execute(env.platform.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${last?.id}`.execute(env.platform.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(env.platform.db)).rejects.toThrow(/append-only/);
    expect((await lastEntries(1))[0]).toEqual(last);
  });
});

describe('verification', () => {
  it('finds an untouched chain intact, and keeps the head outside the database', async () => {
    const result = await verify();
    const [last] = await lastEntries(1);
    expect(result).toEqual({ ok: true, checked: await auditCount(), lastId: last?.id, problems: [] });
    const head = JSON.parse(fs.readFileSync(headFile(), 'utf8'));
    expect(head).toEqual({ id: last?.id, hash: last?.hash });
  });

  it('detects an edited entry, and is intact again once the original is restored', async () => {
    const target = (await lastEntries(5))[2] as Row;
    await asSuperuser(() => sql`update audit_log set after = ${JSON.stringify({ name: '伪造' })}::jsonb where id = ${target.id}`.execute(env.platform.db));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([`第 ${target.id} 条记录内容被篡改`]);
    await asSuperuser(() => sql`update audit_log set after = ${JSON.stringify(target.after)}::jsonb where id = ${target.id}`.execute(env.platform.db));
    expect((await verify()).ok).toBe(true);
  });

  it('detects an edit of the actor or the time as well', async () => {
    const target = (await lastEntries(3))[1] as Row;
    await asSuperuser(() => sql`update audit_log set actor_name = '别人', at = at - interval '1 day' where id = ${target.id}`.execute(env.platform.db));
    expect((await verify()).problems).toContain(`第 ${target.id} 条记录内容被篡改`);
    await asSuperuser(() => sql`update audit_log set actor_name = ${target.actor_name}, at = ${target.at} where id = ${target.id}`.execute(env.platform.db));
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted entry in the middle as a broken chain', async () => {
    const target = (await lastEntries(6))[3] as Row;
    await asSuperuser(() => sql`delete from audit_log where id = ${target.id}`.execute(env.platform.db));
    const result = await verify();
    expect(result.ok).toBe(false);
    const next = await env.platform.db.selectFrom('audit_log').select('id').where('id', '>', target.id).orderBy('id').limit(1).executeTakeFirstOrThrow();
    expect(result.problems).toEqual([`第 ${target.id} 条记录缺失；第 ${next.id} 条记录与前一条不衔接（中间记录被删除或改动）`]);
    await reinsert([target]);
    expect((await verify()).ok).toBe(true);
  });

  it('detects deleting the newest entries (truncation) through the head kept in the data dir', async () => {
    const removed = await lastEntries(2);
    const head = JSON.parse(fs.readFileSync(headFile(), 'utf8'));
    expect(head.id).toBe(removed[0]?.id);
    await asSuperuser(() => sql`delete from audit_log where id >= ${removed[1]?.id}`.execute(env.platform.db));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.lastId).toBe((removed[1]?.id as number) - 1);
    expect(result.problems).toEqual([`日志被截断：外部保存的最新记录为第 ${head.id} 条，数据库中只到第 ${(removed[1]?.id as number) - 1} 条`]);
    await reinsert([...removed].reverse());
    expect((await verify()).ok).toBe(true);
  });
});

describe('AuditTrail.verify directly', () => {
  it('is intact with the right key and the head file, and reports every entry with a wrong key', async () => {
    const fresh = await createTestEnv();
    try {
      const trail = new AuditTrail(fresh.platform.keys, fresh.dataDir);
      const ok = await trail.verify(fresh.platform.db);
      expect(ok.ok).toBe(true);
      expect(ok.checked).toBeGreaterThan(40);
      expect(ok.head).toEqual({ id: ok.lastId, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

      const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-otherkey-'));
      try {
        const forged = await new AuditTrail(loadKeys(otherDir), otherDir).verify(fresh.platform.db);
        expect(forged.ok).toBe(false);
        expect(forged.head).toBeNull();
        expect(forged.problems.filter((p) => p.endsWith('内容被篡改'))).toHaveLength(forged.checked);
      } finally {
        fs.rmSync(otherDir, { recursive: true, force: true });
      }
    } finally {
      await fresh.close();
    }
  });

  it('writes nothing for a transaction that rolls back, and does not move the head', async () => {
    const trail = env.platform.audit;
    const headBefore = trail.readHead();
    const count = await auditCount();
    await expect(
      env.platform.db.transaction().execute(async (trx) => {
        await trail.append(trx, { actorId: null, actorName: '测试', ip: null }, { action: 'test.rollback' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await auditCount()).toBe(count);
    expect(trail.readHead()).toEqual(headBefore);
  });

  it('records directly and verifies, including jsonb round trips of nested Chinese values', async () => {
    const trail = env.platform.audit;
    await trail.record(
      env.platform.db,
      { actorId: null, actorName: '直接写入', ip: '127.0.0.1' },
      {
        action: 'test.record',
        before: { z: 1, a: [1, '二', { 三: null }] },
        after: { 名称: '四棵树镇', nested: { b: 2.5, a: true } },
      },
    );
    const [last] = await lastEntries(1);
    expect(last).toMatchObject({ action: 'test.record', actor_name: '直接写入' });
    expect(trail.readHead()).toEqual({ id: last?.id, hash: last?.hash });
    expect(await trail.verify(env.platform.db)).toMatchObject({ ok: true, lastId: last?.id, problems: [] });
  });
});

describe('who may read the audit log', () => {
  it('a town coordinator without audit.read gets 403 on the log and on verify', async () => {
    expect((await coordinator.request('GET', '/api/audit')).status).toBe(403);
    expect((await coordinator.request('GET', '/api/audit/verify')).status).toBe(403);
  });

  it('an admin sees entries, newest first, filtered by action, result and actor', async () => {
    const all = await admin.request('GET', '/api/audit?pageSize=5');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(5);
    expect(all.body.total).toBeGreaterThan(5);
    const ids = all.body.items.map((e: { id: number }) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const denied = await admin.request('GET', '/api/audit?result=denied');
    expect(denied.body.items.length).toBeGreaterThan(0);
    expect(denied.body.items.every((e: { result: string; action: string }) => e.result === 'denied' && e.action === 'access.denied')).toBe(true);
    const byActor = await admin.request('GET', '/api/audit?actor=李秀兰&action=meeting.');
    expect(byActor.body.items.length).toBeGreaterThan(0);
    expect(byActor.body.items.every((e: { actorName: string; action: string }) => e.actorName === '李秀兰' && e.action.startsWith('meeting.'))).toBe(true);
    const bad = await admin.request('GET', '/api/audit?result=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('result');
  });

  it('a supervisor at 乌苏市 reads the log of the towns below', async () => {
    const res = await ducha.request('GET', '/api/audit?action=meeting.create');
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { after: { title: string } }) => e.after.title)).toContain('审计会议');
  });
});

// Last in the file: it leaves the chain of this file's database broken for good.
describe('truncation hidden by later writes', () => {
  it('still detects deleted newest entries after the application has appended new ones on top', async () => {
    expect((await verify()).ok).toBe(true);
    const removed = (await lastEntries(1))[0] as Row;
    await asSuperuser(() => sql`delete from audit_log where id = ${removed.id}`.execute(env.platform.db));
    expect((await verify()).ok).toBe(false);
    // The next write (here a denied request) chains onto the shortened log and moves the head file on.
    await ducha.request('POST', '/api/org/units', { parentId: await unitId(env, '四棵树村'), kind: 'village', name: '越权' });
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toContain(`第 ${removed.id} 条`);
  });
});
