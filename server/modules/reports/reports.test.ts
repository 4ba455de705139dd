import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';

let env: TestEnv;
let leader: Session;
let supervisor: Session;
let cadre: Session;
beforeAll(async () => {
  env = await createTestEnv();
  leader = await login(env.app, 'shuji');
  supervisor = await login(env.app, 'ducha');
  cadre = await login(env.app, 'cungb');
});
afterAll(async () => env?.close());

const value = (items: { id: string; value: number | null }[], id: string) => items.find((i) => i.id === id)?.value;

describe('indicator registry', () => {
  it('computes the demo town’s figures from its records, by org name or id', async () => {
    const byName = await leader.request('GET', '/api/reports/indicators?org=四棵树镇&year=2024');
    expect(byName.status).toBe(200);
    expect(value(byName.body, 'org.leading_group_co_leaders')).toBe(2);
    expect(value(byName.body, 'org.key_tasks')).toBe(5);
    const byId = await leader.request('GET', `/api/reports/indicators?org=${await unitId(env, '四棵树镇')}&year=2024`);
    expect(byId.body).toEqual(byName.body);
    for (const i of byName.body) expect(i).toMatchObject({ id: expect.any(String), label: expect.any(String), unit: expect.any(String) });
  });

  it('follows the records: the composition in force at the end of each year', async () => {
    const y2023 = await leader.request('GET', '/api/reports/indicators?org=四棵树镇&year=2023');
    expect(value(y2023.body, 'org.leading_group_members')).toBe(4);
    const y2024 = await leader.request('GET', '/api/reports/indicators?org=四棵树镇&year=2024');
    expect(value(y2024.body, 'org.leading_group_members')).toBe(12);
  });

  it('drills down to the records behind a figure', async () => {
    const res = await leader.request('GET', '/api/reports/indicators/org.leading_group_co_leaders/records?org=四棵树镇&year=2024');
    expect(res.body.indicator.value).toBe(2);
    expect(res.body.items.map((r: { title: string }) => r.title).sort()).toEqual(['王建军', '艾尔肯·吐尔逊'].sort());
    const y2023 = await leader.request('GET', '/api/reports/indicators/org.leading_group_co_leaders/records?org=四棵树镇&year=2023');
    expect(y2023.body.items.map((r: { title: string }) => r.title).sort()).toEqual(['张志华', '阿不都热合曼'].sort());
  });

  it('a supervisor at the city reads the town; a village cadre cannot report on the town', async () => {
    expect(value((await supervisor.request('GET', '/api/reports/indicators?org=四棵树镇&year=2024')).body, 'org.leading_group_co_leaders')).toBe(2);
    const city = await supervisor.request('GET', '/api/reports/indicators?org=乌苏市&year=2024');
    expect(value(city.body, 'org.leading_group_co_leaders')).toBe(2);
    const denied = await cadre.request('GET', '/api/reports/indicators?org=四棵树镇&year=2024');
    expect([403, 404]).toContain(denied.status);
  });

  it('answers unknown orgs, unknown indicators and bad years clearly', async () => {
    const unknown = await leader.request('GET', '/api/reports/indicators?org=不存在镇&year=2024');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe('单位「不存在镇」不存在');
    expect((await leader.request('GET', '/api/reports/indicators/org.nothing/records?org=四棵树镇&year=2024')).status).toBe(404);
    const bad = await leader.request('GET', '/api/reports/indicators?org=四棵树镇&year=24');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('year');
  });
});
