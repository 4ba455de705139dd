import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuditTrail } from '../platform/audit.ts';
import { loadKeys } from '../platform/crypto.ts';
import { createTestEnv, login, type TestEnv } from '../test/helpers.ts';
import { backup, restore, tableDigests } from './backup.ts';

let source: TestEnv;
let target: TestEnv;
let fresh: TestEnv;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-backup-'));
const file = path.join(dir, 'fazhi.backup');
const PASSPHRASE = '四棵树镇 backup passphrase 2024';
const attachment = { rel: 'ab/ab0123', body: Buffer.from('附件内容 attachment bytes') };

beforeAll(async () => {
  source = await createTestEnv();
  target = await createTestEnv({ demo: false });
  fresh = await createTestEnv({ demo: false });
  fs.mkdirSync(path.join(source.dataDir, 'attachments', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(source.dataDir, 'attachments', attachment.rel), attachment.body);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  await fresh?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const nothingRestored = async (env: TestEnv) => {
  expect(
    Number(
      (
        await env.platform.db
          .selectFrom('org_units')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  ).toBe(0);
  expect(fs.existsSync(path.join(env.dataDir, 'attachments'))).toBe(false);
  expect(fs.readdirSync(env.dataDir).filter((f) => f.startsWith('attachments'))).toEqual([]);
};

it('backs up one encrypted file holding no readable personal data or names', async () => {
  const made = await backup(source.platform, file);
  expect(made.tables.users?.rows).toBeGreaterThan(10);
  expect(made.tables.sessions).toBeUndefined();
  expect(made.attachments).toEqual({ files: 1, bytes: attachment.body.length });
  expect(made.auditHead?.id).toBeGreaterThan(0);
  const raw = fs.readFileSync(file);
  const text = raw.toString('latin1');
  // 身份证号 and mobile numbers of the demo parties and users: none appears in the file, nor any name or table.
  expect('13909921234').toMatch(/1[3-9]\d{9}/);
  expect(text).not.toMatch(/1[3-9]\d{9}/);
  expect(text).not.toMatch(/\d{17}[\dXx]/);
  for (const plain of ['四棵树镇', '李秀兰', 'org_units', 'audit_log', '附件内容']) expect(raw.includes(Buffer.from(plain, 'utf8')), plain).toBe(false);
  await expect(backup(source.platform, file)).rejects.toMatchObject({ code: 'BACKUP_EXISTS' });
});

it('is plain SM4-CBC: sm-crypto, an independent implementation, decrypts its first record', () => {
  const raw = fs.readFileSync(file);
  const headerLength = raw.readUInt32BE(13);
  expect(JSON.parse(raw.subarray(17, 17 + headerLength).toString('utf8'))).toMatchObject({ format: 'fazhi-backup/2', keyFrom: 'master-key' });
  const at = 17 + headerLength;
  const length = raw.readUInt32BE(at);
  const iv = raw.subarray(at + 4, at + 20);
  const ct = raw.subarray(at + 20, at + 20 + length);
  const master = Buffer.from(fs.readFileSync(path.join(source.dataDir, 'keys', 'master.key'), 'utf8').trim(), 'hex');
  const key = createHmac('sm3', master).update('fazhi/backup/sm4').digest().subarray(0, 16);
  const { sm4 } = createRequire(import.meta.url)('sm-crypto');
  const plain = Buffer.from(sm4.decrypt([...ct], key.toString('hex'), { mode: 'cbc', iv: iv.toString('hex'), output: 'array' }) as number[]);
  const record = inflateRawSync(plain);
  expect(record.subarray(0, 1).toString()).toBe('T');
  expect(JSON.parse(record.subarray(1).toString('utf8'))).toMatchObject({ table: expect.any(String), columns: expect.arrayContaining(['id']) });
});

it('refuses a file with one flipped byte, a truncated file or a wrong key, writing nothing', async () => {
  const raw = fs.readFileSync(file);
  for (const at of [200, Math.floor(raw.length / 2), raw.length - 40, raw.length - 1]) {
    const flipped = Buffer.from(raw);
    flipped[at] = (flipped[at] as number) ^ 0x01;
    fs.writeFileSync(path.join(dir, 'flipped'), flipped);
    fs.copyFileSync(path.join(source.dataDir, 'keys', 'master.key'), path.join(fresh.dataDir, 'keys', 'master.key'));
    fresh.platform.keys = loadKeys(fresh.dataDir);
    await expect(restore(fresh.platform, path.join(dir, 'flipped')), `byte ${at}`).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
    await nothingRestored(fresh);
  }
  for (const cut of [raw.length - 1, raw.length - 33, Math.floor(raw.length / 3), 10]) {
    fs.writeFileSync(path.join(dir, 'cut'), raw.subarray(0, cut));
    await expect(restore(fresh.platform, path.join(dir, 'cut')), `cut at ${cut}`).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
  }
  fs.writeFileSync(path.join(dir, 'longer'), Buffer.concat([raw, Buffer.from([0])]));
  await expect(restore(fresh.platform, path.join(dir, 'longer'))).rejects.toMatchObject({ code: 'BACKUP_INVALID' });
  await nothingRestored(fresh);
  // fresh's own master key is not the one the backup was made with.
  fs.writeFileSync(path.join(fresh.dataDir, 'keys', 'master.key'), 'ab'.repeat(32));
  await expect(restore(fresh.platform, file)).rejects.toMatchObject({ code: 'BACKUP_KEY_WRONG' });
  await nothingRestored(fresh);
});

it('restores into an empty instance: same rows and digests, audit chain verifies, logins and new inserts work', async () => {
  fs.copyFileSync(path.join(source.dataDir, 'keys', 'master.key'), path.join(target.dataDir, 'keys', 'master.key'));
  target.platform.keys = loadKeys(target.dataDir);
  target.platform.audit = new AuditTrail(target.platform.keys, target.dataDir);
  const manifest = await restore(target.platform, file);
  const expected = await tableDigests(source.platform);
  // The source has audited nothing since the backup: its state is the backup's state.
  expect(await tableDigests(target.platform)).toEqual(expected);
  for (const [table, t] of Object.entries(manifest.tables)) expect({ rows: t.rows, sm3: t.sm3 }, table).toEqual(expected[table]);
  expect(fs.readFileSync(path.join(target.dataDir, 'attachments', attachment.rel))).toEqual(attachment.body);
  const audit = await target.platform.audit.verify(target.platform.db);
  expect(audit.problems).toEqual([]);
  expect(audit.head).toEqual(manifest.auditHead);

  const s = await login(target.app, 'sifasuo');
  const groups = await s.request('GET', '/api/org/leading-groups');
  expect(groups.body.items[0].name).toBe('四棵树镇依法治镇工作领导小组');
  const created = await s.request('POST', '/api/org/meetings', { orgUnitId: groups.body.items[0].orgUnitId, kind: 'other', title: '恢复后的会议', heldOn: '2025-01-02' });
  expect(created.status).toBe(200);
  expect((await target.platform.audit.verify(target.platform.db)).ok).toBe(true);

  await expect(restore(target.platform, file)).rejects.toMatchObject({ code: 'RESTORE_NOT_EMPTY', message: expect.stringMatching(/不是空的/) });
});

it('with a passphrase, restores on a new machine with another master key: the key travels inside the file', async () => {
  const withPassphrase = path.join(dir, 'passphrase.backup');
  await backup(source.platform, withPassphrase, { passphrase: PASSPHRASE });
  await expect(restore(fresh.platform, withPassphrase)).rejects.toMatchObject({ code: 'BACKUP_KEY_WRONG' });
  await expect(restore(fresh.platform, withPassphrase, { passphrase: 'not the passphrase' })).rejects.toMatchObject({ code: 'BACKUP_KEY_WRONG' });
  await nothingRestored(fresh);
  await restore(fresh.platform, withPassphrase, { passphrase: PASSPHRASE });
  expect(fs.readFileSync(path.join(fresh.dataDir, 'keys', 'master.key'), 'utf8')).toBe(fs.readFileSync(path.join(source.dataDir, 'keys', 'master.key'), 'utf8'));
  expect((await fresh.platform.audit.verify(fresh.platform.db)).ok).toBe(true);
  const admin = await login(fresh.app, 'admin');
  const users = await admin.request('GET', '/api/org/users?q=sifasuo');
  // The phone was encrypted with the source's key: it reads back only because that key came with the file.
  expect(users.body.items[0].phone).toBe('13909921234');
});
