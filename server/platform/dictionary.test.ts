import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../test/helpers.ts';

let env: TestEnv;
let admin: Session;
let coordinator: Session;
beforeAll(async () => {
  env = await createTestEnv();
  admin = await login(env.app, 'admin');
  coordinator = await login(env.app, 'sifasuo');
});
afterAll(async () => env?.close());

it('an admin adds, renames and deactivates entries; everyone reads the active ones in order', async () => {
  const a = await admin.request('POST', '/api/dictionaries', { kind: 'test.kind', code: 'b_item', label: '乙', sortOrder: 2 });
  const b = await admin.request('POST', '/api/dictionaries', { kind: 'test.kind', code: 'a_item', label: '甲', sortOrder: 1 });
  expect([a.status, b.status]).toEqual([200, 200]);
  expect((await coordinator.request('GET', '/api/dictionaries?kind=test.kind')).body.items.map((e: { label: string }) => e.label)).toEqual(['甲', '乙']);
  const off = await admin.request('PATCH', `/api/dictionaries/${a.body.id}`, { active: false, version: a.body.version });
  expect(off.body).toMatchObject({ active: false, version: 2 });
  expect((await coordinator.request('GET', '/api/dictionaries?kind=test.kind')).body.items).toHaveLength(1);
  expect((await admin.request('GET', '/api/dictionaries?kind=test.kind&includeInactive=true')).body.items).toHaveLength(2);
  const stale = await admin.request('PATCH', `/api/dictionaries/${a.body.id}`, { label: '丙', version: 1 });
  expect(stale.status).toBe(409);
});

it('refuses a duplicate code, a bad code, and a non-admin', async () => {
  await admin.request('POST', '/api/dictionaries', { kind: 'test.dup', code: 'x', label: '某' });
  const dup = await admin.request('POST', '/api/dictionaries', { kind: 'test.dup', code: 'x', label: '某某' });
  expect(dup.status).toBe(409);
  expect(dup.body.error.message).toContain('已有代码');
  const bad = await admin.request('POST', '/api/dictionaries', { kind: 'test.dup', code: 'X Y', label: '某' });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toBe('「代码」格式不正确');
  expect((await coordinator.request('POST', '/api/dictionaries', { kind: 'test.dup', code: 'y', label: '某' })).status).toBe(403);
});
