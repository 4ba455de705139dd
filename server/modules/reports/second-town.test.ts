import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, PASSWORD, type TestEnv, unitId } from '../../test/helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

const values = (body: { id: string; value: number | null }[]) => Object.fromEntries(body.map((i) => [i.id, i.value]));

// Nothing is a stored figure: another town's records give that town's figures, by the same code.
it('a second town entered through the API gets its own figures, and the demo town keeps its own', async () => {
  const admin = await login(env.app, 'admin');
  const town = await admin.request('POST', '/api/org/units', { parentId: await unitId(env, '乌苏市'), kind: 'town', name: '白杨沟镇' });
  expect(town.status).toBe(200);
  const clerk = await admin.request('POST', '/api/org/users', { username: 'byg_sifa', displayName: '白杨沟司法所', orgUnitId: town.body.id });
  for (const role of ['coordinator', 'leader']) {
    expect((await admin.request('POST', '/api/org/role-assignments', { userId: clerk.body.user.id, role, orgUnitId: town.body.id })).status).toBe(200);
  }
  const first = await login(env.app, 'byg_sifa', clerk.body.initialPassword);
  await first.request('POST', '/api/auth/password', { currentPassword: clerk.body.initialPassword, newPassword: PASSWORD });
  const s = await login(env.app, 'byg_sifa');

  const group = await s.request('POST', '/api/org/leading-groups', { orgUnitId: town.body.id, name: '白杨沟镇依法治镇工作领导小组', establishedOn: '2023-01-05' });
  expect(group.status).toBe(200);
  await s.request('POST', `/api/org/leading-groups/${group.body.id}/members`, { personName: '甲', office: '镇党委书记', position: 'leader', effectiveFrom: '2023-01-05' });
  await s.request('POST', `/api/org/leading-groups/${group.body.id}/members`, { personName: '乙', office: '副镇长', position: 'deputy_leader', effectiveFrom: '2023-01-05' });
  for (const heldOn of ['2024-03-01', '2024-09-01']) {
    expect((await s.request('POST', '/api/learning/sessions', { orgUnitId: town.body.id, kind: 'center_group', title: '中心组学法', heldOn })).status).toBe(200);
  }
  const training = await s.request('POST', '/api/learning/sessions', {
    orgUnitId: town.body.id,
    kind: 'enforcement_training',
    title: '执法培训',
    heldOn: '2024-05-10',
    attendees: [{ personName: '丙' }, { personName: '丁' }, { personName: '戊' }],
  });
  expect(training.status).toBe(200);
  await s.request('POST', '/api/learning/sessions', { orgUnitId: town.body.id, kind: 'center_group', title: '上一年的学法', heldOn: '2023-11-01' });

  const byg = values((await s.request('GET', '/api/reports/indicators?org=白杨沟镇&year=2024')).body);
  expect(byg).toMatchObject({
    'org.leading_group_co_leaders': 1,
    'org.leading_group_members': 2,
    'learning.center_group_sessions': 2,
    'learning.enforcement_trainings': 1,
    'learning.enforcement_training_person_times': 3,
    'mediation.disputes': 0,
    'enforcement.penalty_cases': 0,
  });
  expect(byg['mediation.success_rate']).toBeNull();

  const leader = await login(env.app, 'shuji');
  const sishu = values((await leader.request('GET', '/api/reports/indicators?org=四棵树镇&year=2024')).body);
  expect(sishu).toMatchObject({ 'org.leading_group_co_leaders': 2, 'learning.center_group_sessions': 5, 'learning.enforcement_training_person_times': 41 });
  // The city sums its towns.
  const city = values((await (await login(env.app, 'ducha')).request('GET', '/api/reports/indicators?org=乌苏市&year=2024')).body);
  expect(city['learning.center_group_sessions']).toBe(7);
  // A town's clerk does not see the other town.
  expect((await s.request('GET', '/api/reports/indicators?org=四棵树镇&year=2024')).status).toBe(404);
});
