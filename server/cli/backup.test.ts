import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditTrail } from '../platform/audit.ts';
import { createTestEnv, login, type TestEnv } from '../test/helpers.ts';
import { backup, restore } from './backup.ts';

let source: TestEnv;
let target: TestEnv;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-'));
const quiet = () => {};

beforeAll(async () => {
  source = await createTestEnv();
  target = await createTestEnv({ demo: false });
  // A restore needs the master key of the backed-up platform (it is kept out of the backup on purpose).
  target.platform.keys = source.platform.keys;
  target.platform.audit = new AuditTrail(source.platform.keys, target.dataDir);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('restores every row into an empty database, with a valid audit chain and working logins', async () => {
  const made = await backup(source.platform, dir, quiet);
  expect(made.tables.users).toBeGreaterThan(10);
  expect(made.tables.sessions).toBeUndefined();
  const restored = await restore(target.platform, dir, quiet);
  expect(restored.tables).toEqual(made.tables);
  for (const [table, n] of Object.entries(made.tables)) {
    const { count } = await target.platform.db
      .selectFrom(table as 'users')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count), table).toBe(n);
  }
  expect((await target.platform.audit.verify(target.platform.db)).ok).toBe(true);
  const s = await login(target.app, 'sifasuo');
  const groups = await s.request('GET', '/api/org/leading-groups');
  expect(groups.body.items[0].name).toBe('四棵树镇依法治镇工作领导小组');
  // Identity sequences continue after the restored ids: a new row does not collide.
  const created = await s.request('POST', '/api/org/meetings', { orgUnitId: groups.body.items[0].orgUnitId, kind: 'other', title: '恢复后的会议', heldOn: '2025-01-02' });
  expect(created.status).toBe(200);
});

it('refuses to restore over existing data', async () => {
  await expect(restore(target.platform, dir, quiet)).rejects.toThrow(/不是空的/);
});

it('refuses to overwrite an existing backup', async () => {
  await expect(backup(source.platform, dir, quiet)).rejects.toThrow(/已有备份/);
});
