import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';

let env: TestEnv;
let coordinator: Session;
let leader: Session;
beforeAll(async () => {
  env = await createTestEnv();
  coordinator = await login(env.app, 'sifasuo');
  leader = await login(env.app, 'shuji');
});
afterAll(async () => env?.close());

const text = (blocks: { segments: { text: string }[] }[]) => blocks.map((b) => b.segments.map((s) => s.text).join('')).join('\n');

it('freezes what the leader signed off, and publishes exactly that on the public portal', async () => {
  const draft = await coordinator.request('POST', '/api/reports/annual', { org: '四棵树镇', year: 2024 });
  const id = draft.body.report.id as number;
  expect(text(draft.body.blocks)).toContain('全年党委中心组集体学法5次');
  expect((await env.app.inject({ method: 'GET', url: `/api/reports/public/annual/${id}` })).statusCode).toBe(404);

  expect((await leader.request('POST', `/api/reports/annual/${id}/approve`, { version: 1 })).body.report.status).toBe('approved');
  // A session recorded after sign-off changes the live figure, not the approved report.
  const session = await coordinator.request('POST', '/api/learning/sessions', {
    orgUnitId: await unitId(env, '四棵树镇'),
    kind: 'center_group',
    title: '补录的学法',
    heldOn: '2024-12-20',
  });
  expect(session.status).toBe(200);
  const live = await leader.request('GET', '/api/reports/indicators?org=四棵树镇&year=2024');
  expect(live.body.find((i: { id: string }) => i.id === 'learning.center_group_sessions').value).toBe(6);
  expect(text((await coordinator.request('GET', `/api/reports/annual/${id}`)).body.blocks)).toContain('全年党委中心组集体学法5次');

  expect((await coordinator.request('POST', `/api/reports/annual/${id}/publish`, { version: 2 })).body.report.status).toBe('published');
  const list = await env.app.inject({ method: 'GET', url: '/api/reports/public/annual' });
  expect(list.json().items).toEqual([expect.objectContaining({ id, orgName: '四棵树镇', year: 2024 })]);
  const page = await env.app.inject({ method: 'GET', url: `/api/reports/public/annual/${id}` });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  expect(page.body).toContain('全年党委中心组集体学法5次');
  expect(page.body).not.toContain('集体学法6次');
});

it('a report sent back is a draft again, with live figures', async () => {
  const other = await coordinator.request('POST', '/api/reports/annual', { org: '四棵树镇', year: 2023 });
  const id = other.body.report.id as number;
  await leader.request('POST', `/api/reports/annual/${id}/approve`, { version: 1 });
  const back = await leader.request('POST', `/api/reports/annual/${id}/return`, { version: 2, reason: '补充材料' });
  expect(back.body.report.status).toBe('draft');
  const versions = await env.platform.db.selectFrom('annual_report_versions').select('report_id').where('report_id', '=', id).execute();
  expect(versions).toHaveLength(1);
});
