import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../test/helpers.ts';

let env: TestEnv;
let cungb: Session;
let cungb2: Session;
let coordinator: Session;
let ducha: Session;
let shenhe: Session;
let v1 = 0;
let v2 = 0;

/** A real 1×1 PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6f0a20000000049454e44ae426082', 'hex');
const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), randomBytes(64)]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Part = { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer };
/** A multipart/form-data body built by hand, parts in the given order. */
function multipart(parts: Part[]) {
  const boundary = `----fazhi${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if ('value' in p) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    } else {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`));
      chunks.push(p.data, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(s: Session, orgUnitId: number | null, file: { filename?: string; type?: string; data: Buffer } | null, extra: Part[] = []) {
  const parts: Part[] = [];
  if (orgUnitId !== null) parts.push({ name: 'orgUnitId', value: String(orgUnitId) });
  parts.push({ name: 'entityType', value: 'meeting' }, { name: 'entityId', value: '42' }, ...extra);
  if (file) parts.push({ name: 'file', filename: file.filename ?? 'photo.png', type: file.type ?? 'image/png', data: file.data });
  const { payload, contentType } = multipart(parts);
  const res = await env.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': contentType }, payload });
  return { status: res.statusCode, body: res.json() };
}

const download = (s: Session, id: number) => env.app.inject({ method: 'GET', url: `/api/attachments/${id}`, headers: { cookie: s.cookie } });
const attachmentsDir = () => path.join(env.dataDir, 'attachments');
/** Every file under the attachments dir, relative. */
const storedFiles = (): string[] =>
  fs.existsSync(attachmentsDir())
    ? (fs.readdirSync(attachmentsDir(), { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(attachmentsDir(), f)).isFile()).sort()
    : [];
const rowCount = async () => Number((await sql<{ n: string }>`select count(*) as n from attachments`.execute(env.platform.db)).rows[0]?.n);

beforeAll(async () => {
  env = await createTestEnv();
  [cungb, cungb2, coordinator, ducha, shenhe] = await Promise.all(['cungb', 'cungb2', 'sifasuo', 'ducha', 'shenhe'].map((u) => login(env.app, u)));
  v1 = await unitId(env, '四棵树村');
  v2 = await unitId(env, '吉尔格勒特村');
});
afterAll(async () => env?.close());

describe('upload', () => {
  let first: { id: number; sha256: string };

  it('stores a PNG under attachments/<first two hex>/<sha256> and records it, with an audit entry', async () => {
    const res = await upload(cungb, v1, { filename: '现场照片.png', data: PNG });
    expect(res.status).toBe(200);
    const hash = sha256(PNG);
    expect(res.body).toMatchObject({ sha256: hash, size: PNG.length, mime: 'image/png', filename: '现场照片.png', orgUnitId: v1, entityType: 'meeting', entityId: '42' });
    const file = path.join(env.dataDir, 'attachments', hash.slice(0, 2), hash);
    expect(fs.readFileSync(file).equals(PNG)).toBe(true);
    expect(storedFiles()).toEqual([path.join(hash.slice(0, 2), hash)]);
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'attachment.upload', entity_id: String(res.body.id), org_unit_id: v1, actor_name: '刘长青' });
    first = res.body;
  });

  it('stores the same content once, however often it is attached', async () => {
    const again = await upload(coordinator, v1, { filename: '同一张照片.png', data: PNG });
    expect(again.status).toBe(200);
    expect(again.body.id).not.toBe(first.id);
    expect(again.body.sha256).toBe(first.sha256);
    expect(storedFiles()).toEqual([path.join(first.sha256.slice(0, 2), first.sha256)]);
    const rows = await env.platform.db.selectFrom('attachments').select('id').where('sha256', '=', first.sha256).execute();
    expect(rows).toHaveLength(2);
  });

  it('refuses an .exe sent as image/png (415) and keeps neither a row nor a file', async () => {
    const [rows, files] = [await rowCount(), storedFiles()];
    const res = await upload(cungb, v1, { filename: 'photo.png', type: 'image/png', data: EXE });
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'UNSUPPORTED_TYPE', message: '文件内容与类型「PNG 图片」不符' });
    expect(await rowCount()).toBe(rows);
    expect(storedFiles()).toEqual(files);
  });

  it('refuses a type it does not accept at all (415)', async () => {
    const res = await upload(cungb, v1, { filename: 'setup.exe', type: 'application/x-msdownload', data: EXE });
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/^不支持的文件类型（application\/x-msdownload）/);
  });

  it('refuses a file over the size limit (413) and keeps nothing', async () => {
    const [rows, files] = [await rowCount(), storedFiles()];
    const limit = env.platform.config.maxUploadBytes;
    env.platform.config.maxUploadBytes = 1024;
    try {
      const big = Buffer.concat([PNG, randomBytes(4096)]);
      const res = await upload(cungb, v1, { data: big });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      // Just under the limit still goes through.
      const small = await upload(cungb, v1, { data: Buffer.concat([PNG, randomBytes(1024 - PNG.length)]) });
      expect(small.status).toBe(200);
      expect(small.body.size).toBe(1024);
    } finally {
      env.platform.config.maxUploadBytes = limit;
    }
    expect(await rowCount()).toBe(rows + 1);
    expect(storedFiles()).toHaveLength(files.length + 1);
  });

  it('refuses an empty file and a missing unit', async () => {
    const empty = await upload(cungb, v1, { data: Buffer.alloc(0) });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('文件为空');
    const noUnit = await upload(cungb, null, { data: PNG });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'orgUnitId', message: '请填写「所属单位」' }] });
    const noFile = await upload(cungb, v1, null);
    expect(noFile.status).toBe(400);
  });

  it('answers an upload to another village exactly like one to a unit that does not exist (404)', async () => {
    const rows = await rowCount();
    const other = await upload(cungb, v2, { data: PNG });
    const absent = await upload(cungb, 999999, { data: PNG });
    expect(other.status).toBe(404);
    expect(other.body).toEqual(absent.body);
    expect(await rowCount()).toBe(rows);
  });

  it('is refused (403) to roles without attachments.write: the supervisor and the reviewer', async () => {
    const rows = await rowCount();
    expect((await upload(ducha, v1, { data: PNG })).status).toBe(403);
    expect((await upload(shenhe, await unitId(env, '四棵树镇'), { data: PNG })).status).toBe(403);
    expect(await rowCount()).toBe(rows);
  });

  it('leaves no temporary upload files behind', () => {
    expect(storedFiles().filter((f) => f.includes('upload-'))).toEqual([]);
  });
});

describe('download', () => {
  let id = 0;
  beforeAll(async () => {
    id = (await upload(cungb, v1, { filename: '村规民约 2024.png', data: PNG })).body.id;
  });

  it('returns the bytes, the type, the file name and a sha256 header', async () => {
    const res = await download(cungb, id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(PNG)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-sha256']).toBe(sha256(PNG));
    expect(res.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${encodeURIComponent('村规民约 2024.png')}`);
  });

  it('is open to the town’s coordinator and the supervisor above', async () => {
    expect((await download(coordinator, id)).statusCode).toBe(200);
    expect((await download(ducha, id)).rawPayload.equals(PNG)).toBe(true);
  });

  it('answers 404 to the cadre of another village, and lists nothing to them', async () => {
    const res = await download(cungb2, id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', message: '附件不存在' });
    expect(res.rawPayload.includes(PNG.subarray(0, 8))).toBe(false);
    const list = await cungb2.request('GET', '/api/attachments?entityType=meeting&entityId=42');
    expect(list.body.items).toEqual([]);
    const own = await cungb.request('GET', '/api/attachments?entityType=meeting&entityId=42');
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((a: { orgUnitId: number }) => a.orgUnitId === v1)).toBe(true);
  });

  it('answers 404 for an unknown id and when the stored file has gone missing', async () => {
    expect((await download(cungb, 999999)).statusCode).toBe(404);
    const content = Buffer.concat([PNG, Buffer.from('missing')]);
    const up = await upload(cungb, v1, { data: content });
    const hash = sha256(content);
    fs.rmSync(path.join(attachmentsDir(), hash.slice(0, 2), hash));
    const res = await download(cungb, up.body.id);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('附件文件缺失，请联系管理员从备份恢复');
  });

  it('requires a session', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/attachments/${id}` });
    expect(res.statusCode).toBe(401);
  });
});
