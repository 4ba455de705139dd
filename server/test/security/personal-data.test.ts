// Issue 10 §6: no plaintext 身份证号 or phone number in the database, in a backup, in the logs or on the public portal;
// public decisions show 张某某 and no address below the village; mediation never appears publicly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { backup } from '../../cli/backup.ts';
import { decryptPersonal } from '../../platform/crypto.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../helpers.ts';

// A 身份证号 (area, birth date, sequence, check) or a mainland mobile number, not inside a longer digit run.
// Alphanumeric boundaries: a run of digits inside a hex digest or a base64 ciphertext is no identifier.
const ID_CARD = /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
const personal = (text: string): string | null => text.match(ID_CARD)?.[0] ?? text.match(MOBILE)?.[0] ?? null;

let env: TestEnv;
let admin: Session;
const planted = { phone: '13912345678', idCard: '65420219800101123X' };

beforeAll(async () => {
  env = await createTestEnv();
  admin = await login(env.app, 'admin');
  const created = await admin.request('POST', '/api/org/users', { username: 'pii_probe', displayName: '王小明', orgUnitId: await unitId(env, '四棵树镇'), ...planted });
  expect(created.status).toBe(200);
});
afterAll(async () => env?.close());

/** Every text, json and array column of every table, as text. */
async function everyTextValue(): Promise<{ where: string; value: string }[]> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`.execute(env.platform.db);
  const out: { where: string; value: string }[] = [];
  for (const c of columns) {
    const { rows } = await sql<{ v: string }>`select ${sql.ref(c.column_name)}::text as v from ${sql.table(c.table_name)} where ${sql.ref(c.column_name)} is not null`.execute(
      env.platform.db,
    );
    for (const r of rows) out.push({ where: `${c.table_name}.${c.column_name}`, value: r.v });
  }
  return out;
}

describe('at rest', () => {
  it('the database holds ID numbers and phones only sealed (SM4), and they are real ones once decrypted', async () => {
    const values = await everyTextValue();
    expect(values.length).toBeGreaterThan(1000);
    const found = values.filter((v) => personal(v.value)).map((v) => `${v.where}: ${personal(v.value)}`);
    expect(found).toEqual([]);
    // Not vacuous: the sealed columns hold real identifiers (the demo's parties, and the probe user's).
    const sealed = values.filter((v) => v.where.endsWith('_enc') && !v.where.includes('totp'));
    expect(sealed.length).toBeGreaterThan(100);
    const opened = sealed.map((v) => decryptPersonal(env.platform.keys, v.value));
    expect(opened).toContain(planted.phone);
    expect(opened).toContain(planted.idCard);
    expect(opened.filter((o) => personal(o)).length).toBeGreaterThan(100);
  });

  it('a backup holds them sealed too', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-pii-backup-'));
    try {
      const file = path.join(dir, 'fazhi.backup');
      await backup(env.platform, file);
      expect(fs.statSync(file).size).toBeGreaterThan(10_000);
      expect(personal(fs.readFileSync(file, 'latin1'))).toBeFalsy();
      expect(personal(fs.readFileSync(file, 'utf8'))).toBeFalsy();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('in the logs', () => {
  it('logs no ID number or phone, even when a user searches for one or sends one', async () => {
    const stream = new PassThrough();
    let log = '';
    stream.on('data', (c: Buffer) => {
      log += c.toString();
    });
    const app = await buildApp({ ...env.platform, config: { ...env.platform.config, logLevel: 'debug' } }, { logStream: stream });
    try {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'Test-Pass-2024' } });
      const cookie = String([res.headers['set-cookie']].flat()[0]).split(';')[0] as string;
      const headers = { cookie, 'x-csrf-token': res.json().csrfToken };
      await app.inject({ method: 'GET', url: `/api/org/users?q=${planted.phone}`, headers });
      await app.inject({ method: 'GET', url: `/api/mediation/disputes?q=${planted.idCard}`, headers });
      await app.inject({ method: 'POST', url: '/api/org/users', headers, payload: { username: 'pii_two', displayName: '李四', orgUnitId: 999_999, phone: '13800001111' } });
      await app.inject({ method: 'POST', url: '/api/org/users', headers, payload: { username: 'pii_three', displayName: '李四', orgUnitId: 1, idCard: 'not-an-id-13800002222' } });
    } finally {
      await app.close();
    }
    expect(log).toContain('incoming request');
    expect(log).toContain('/api/org/users');
    expect(personal(log)).toBeNull();
  });
});

describe('on the public portal', () => {
  const publicPages = ['/api/public/enforcement', '/api/reports/public/annual'];

  it('no ID number or phone on any public endpoint', async () => {
    for (const url of publicPages) {
      const res = await env.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(personal(res.body), url).toBeNull();
    }
  });

  it('published decisions name people as 张某某 and give no address below the village', async () => {
    const { decisions } = (await env.app.inject({ method: 'GET', url: '/api/public/enforcement' })).json() as {
      decisions: { decisionNumber: string; partyName: string; partyAddress: string }[];
    };
    const cases = await env.platform.db.selectFrom('enforcement_cases').select(['party_name', 'party_type', 'party_address', 'decision_number']).execute();
    const people = decisions.map((d) => ({ d, c: cases.find((c) => c.decision_number === d.decisionNumber) })).filter((x) => x.c?.party_type === 'person');
    expect(people.length).toBeGreaterThan(2);
    for (const { d, c } of people) {
      expect(d.partyName).toMatch(/^.+某某$/);
      expect(d.partyName).not.toContain((c?.party_name ?? '').slice(1));
      // Down to 村/社区 at most: the stored address has 组 and 号, the published one neither.
      expect(c?.party_address).toMatch(/组|号/);
      expect(d.partyAddress).not.toMatch(/\d|组|号|室|栋/);
    }
  });

  it('mediation never appears publicly: no dispute party, title or committee on any public page', async () => {
    const parties = await env.platform.db.selectFrom('dispute_parties').select('name').execute();
    const disputes = await env.platform.db.selectFrom('disputes').select('summary').execute();
    expect(parties.length).toBeGreaterThan(10);
    const secrets = [...parties.map((p) => p.name), ...disputes.map((d) => d.summary)].filter((s) => s.length >= 3);
    for (const url of [...publicPages, ...env.app.routeTable.filter((r) => r.public && r.method === 'GET' && !r.url.includes(':')).map((r) => r.url)]) {
      const body = (await env.app.inject({ method: 'GET', url })).body;
      expect(
        secrets.filter((s) => body.includes(s)),
        url,
      ).toEqual([]);
    }
    expect(env.app.routeTable.filter((r) => r.public && r.url.includes('mediation'))).toEqual([]);
  });
});
