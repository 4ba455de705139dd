import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { computeFigures, keptPerDataVersion } from './reports.service.ts';

let env: TestEnv;
let leader: Session;
let clerk: Session;
let town: number;
beforeAll(async () => {
  env = await createTestEnv();
  leader = await login(env.app, 'shuji');
  clerk = await login(env.app, 'sifasuo');
  town = await unitId(env, '四棵树镇');
});
afterAll(async () => env?.close());

/** The plain queries, straight from the registry, with no cache in between. */
async function plain(): Promise<Record<string, number | null>> {
  const { path } = await env.platform.db.selectFrom('org_units').select('path').where('id', '=', town).executeTakeFirstOrThrow();
  return Object.fromEntries((await computeFigures(env.platform.db, { capability: 'reports.read', paths: [path] }, 2024)).map((f) => [f.id, f.value]));
}
const served = async () => {
  const r = await leader.request('GET', `/api/reports/indicators?org=${town}&year=2024`);
  expect(r.status).toBe(200);
  return Object.fromEntries((r.body as { id: string; value: number | null }[]).map((f) => [f.id, f.value]));
};

it('the dashboard’s figures (kept per data version) equal the plain queries, before and after each kind of write', async () => {
  const before = await served();
  expect(before).toEqual(await plain());
  expect(await served()).toEqual(before);

  // A new record: the next answer counts it, as the plain query does.
  const session = await clerk.request('POST', '/api/learning/sessions', { orgUnitId: town, kind: 'center_group', title: '宪法专题学法', heldOn: '2024-06-18' });
  expect(session.status).toBe(200);
  const afterCreate = await served();
  expect(afterCreate['learning.center_group_sessions']).toBe((before['learning.center_group_sessions'] as number) + 1);
  expect(afterCreate).toEqual(await plain());

  // An edit that moves the record out of the year, and an export in between (read-only: it changes no figure).
  expect((await clerk.request('GET', `/api/reports/annual?org=${town}&year=2024&format=json`)).status).toBe(200);
  const moved = await clerk.request('PATCH', `/api/learning/sessions/${session.body.id}`, { heldOn: '2023-06-18', version: session.body.version });
  expect(moved.status).toBe(200);
  const afterEdit = await served();
  expect(afterEdit['learning.center_group_sessions']).toBe(before['learning.center_group_sessions']);
  expect(afterEdit).toEqual(await plain());
});

it('a write recomputes what reads its module, or everything when it changes what every module reads (an org unit)', async () => {
  let runs = 0;
  const learning = () => keptPerDataVersion(env.platform.db, 'probe|learning', ['learning'], async () => ++runs);
  expect(await learning()).toBe(1);
  expect(await learning()).toBe(1);
  // A meeting of the leading group (org) leaves the learning figures as they were computed.
  const meeting = await clerk.request('POST', '/api/org/meetings', { orgUnitId: town, kind: 'other', title: '专题会议', heldOn: '2024-05-01' });
  expect(meeting.status).toBe(200);
  expect(await learning()).toBe(1);
  expect(await served()).toEqual(await plain());
  // A study session (learning) does not.
  expect((await clerk.request('POST', '/api/learning/sessions', { orgUnitId: town, kind: 'center_group', title: '民法典专题学法', heldOn: '2024-09-02' })).status).toBe(200);
  expect(await learning()).toBe(2);
  // Renaming a unit changes names every module shows: everything is computed again.
  const admin = await login(env.app, 'admin');
  const { version } = await env.platform.db.selectFrom('org_units').select('version').where('id', '=', town).executeTakeFirstOrThrow();
  expect((await admin.request('PATCH', `/api/org/units/${town}`, { sortOrder: 7, version })).status).toBe(200);
  expect(await learning()).toBe(3);
  expect(await served()).toEqual(await plain());
});
