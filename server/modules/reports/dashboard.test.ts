import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, PASSWORD, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { latestWorkingYear, monthlyIndicatorIds, villageIndicatorIds } from './dashboard.service.ts';

let env: TestEnv;
let clerk: Session;
let supervisor: Session;
let cadre: Session;
beforeAll(async () => {
  env = await createTestEnv();
  clerk = await login(env.app, 'sifasuo');
  supervisor = await login(env.app, 'ducha');
  cadre = await login(env.app, 'cungb');
});
afterAll(async () => env?.close());

const yearly = async (s: Session, org: string, year: number) =>
  Object.fromEntries(((await s.request('GET', `/api/reports/indicators?org=${org}&year=${year}`)).body as { id: string; value: number }[]).map((i) => [i.id, i.value]));

describe('years with records', () => {
  it('opens on the latest year with records in at least half as many modules as the busiest year', () => {
    const rows = (year: number, modules: string[]) => modules.map((module) => ({ year, module }));
    const demoLike = [...rows(2026, ['mediation']), ...rows(2025, ['enforcement', 'mediation']), ...rows(2024, ['learning', 'enforcement', 'mediation', 'publicity', 'villages'])];
    expect(latestWorkingYear(demoLike)).toEqual({ years: [2026, 2025, 2024], latest: 2024 });
    expect(latestWorkingYear([...demoLike, ...rows(2025, ['learning'])]).latest).toBe(2025);
    expect(latestWorkingYear(rows(2023, ['learning']))).toEqual({ years: [2023], latest: 2023 });
    expect(latestWorkingYear([])).toEqual({ years: [], latest: null });
  });

  it('lists the demo town’s years, latest first, and opens on 2024', async () => {
    const res = await clerk.request('GET', '/api/reports/years?org=四棵树镇');
    expect(res.status).toBe(200);
    // Open cases and disputes of 2025–2026 are on record too, but only 2024 spans the town's work.
    expect(res.body.latest).toBe(2024);
    expect(res.body.years).toEqual(expect.arrayContaining([2024, 2025]));
    expect(res.body.years).toEqual([...res.body.years].sort((a: number, b: number) => b - a));
  });

  it('moves on when a later year’s records span enough of the work, and a town without records has none', async () => {
    const town = await unitId(env, '四棵树镇');
    const created = await clerk.request('POST', '/api/learning/sessions', { orgUnitId: town, kind: 'center_group', title: '2025年第一次中心组学法', heldOn: '2025-02-10' });
    expect(created.status).toBe(200);
    expect((await clerk.request('GET', '/api/reports/years?org=四棵树镇')).body).toMatchObject({ latest: 2025, years: expect.arrayContaining([2025, 2024]) });

    const admin = await login(env.app, 'admin');
    const empty = await admin.request('POST', '/api/org/units', { parentId: await unitId(env, '乌苏市'), kind: 'town', name: '空白镇' });
    expect(empty.status).toBe(200);
    expect((await supervisor.request('GET', '/api/reports/years?org=空白镇')).body).toEqual({ years: [], latest: null });
  });

  it('is refused to a village cadre', async () => {
    const res = await cadre.request('GET', '/api/reports/years?org=四棵树镇');
    expect([403, 404]).toContain(res.status);
    expect(res.body.error).toBeTruthy();
  });
});

describe('monthly charts', () => {
  it('gives twelve months per series whose sum is the year’s indicator value', async () => {
    const res = await clerk.request('GET', '/api/reports/monthly?org=四棵树镇&year=2024');
    expect(res.status).toBe(200);
    expect(res.body.series.map((s: { id: string }) => s.id)).toEqual([...monthlyIndicatorIds]);
    const year = await yearly(clerk, '四棵树镇', 2024);
    for (const s of res.body.series as { id: string; values: number[]; total: number }[]) {
      expect(s.values).toHaveLength(12);
      expect(s.total).toBe(s.values.reduce((a, b) => a + b, 0));
      expect(s.total, s.id).toBe(year[s.id]);
    }
    const of = (id: string) => (res.body.series as { id: string; total: number; values: number[] }[]).find((s) => s.id === id);
    // The seed's figures: 8 cases, 65 disputes mediated of which 61 succeeded.
    expect(of('enforcement.penalty_cases')?.total).toBe(8);
    expect(of('mediation.disputes')?.total).toBe(65);
    expect(of('mediation.disputes_resolved')?.total).toBe(61);
    expect(of('learning.study_sessions')?.values.filter((n) => n > 0).length).toBeGreaterThan(1);
  });

  it('puts a record into its own month', async () => {
    const before = (await clerk.request('GET', '/api/reports/monthly?org=四棵树镇&year=2024')).body;
    const town = await unitId(env, '四棵树镇');
    const created = await clerk.request('POST', '/api/learning/sessions', {
      orgUnitId: town,
      kind: 'legal_lecture',
      title: '八月法治讲座',
      lecturer: '司法所所长',
      heldOn: '2024-08-31',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const after = (await clerk.request('GET', '/api/reports/monthly?org=四棵树镇&year=2024')).body;
    const sessions = (b: { series: { id: string; values: number[] }[] }) => b.series.find((s) => s.id === 'learning.study_sessions')?.values ?? [];
    expect(sessions(after)[7]).toBe((sessions(before)[7] ?? 0) + 1);
    expect(sessions(after).filter((_, i) => i !== 7)).toEqual(sessions(before).filter((_, i) => i !== 7));
  });

  it('sums a city over its towns; a village cadre and a clerk of another town cannot read it', async () => {
    const city = await supervisor.request('GET', '/api/reports/monthly?org=乌苏市&year=2024');
    const town = await supervisor.request('GET', '/api/reports/monthly?org=四棵树镇&year=2024');
    expect(city.status).toBe(200);
    expect(city.body.orgName).toBe('乌苏市');
    // The demo city has one town with records, so the city's months are that town's.
    expect(city.body.series).toEqual(town.body.series);

    expect([403, 404]).toContain((await cadre.request('GET', '/api/reports/monthly?org=四棵树镇&year=2024')).status);
    const other = await otherTownClerk();
    const denied = await other.request('GET', '/api/reports/monthly?org=四棵树镇&year=2024');
    expect([403, 404]).toContain(denied.status);
    expect(denied.body.error.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});

describe('villages compared', () => {
  it('lists the town’s villages with figures that add up to the town’s, rules and honours', async () => {
    const res = await clerk.request('GET', '/api/reports/villages?org=四棵树镇&year=2024');
    expect(res.status).toBe(200);
    expect(res.body.columns.map((c: { id: string }) => c.id)).toEqual([...villageIndicatorIds]);
    const names = res.body.rows.map((r: { name: string }) => r.name);
    expect(names).toEqual(expect.arrayContaining(['四棵树村', '吉尔格勒特村']));
    const year = await yearly(clerk, '四棵树镇', 2024);
    // Hearings and disclosures are the villages' own records: the villages' figures add up to the town's.
    for (const id of ['villages.democratic_hearings', 'villages.disclosures']) {
      expect(
        res.body.rows.reduce((n: number, r: { values: Record<string, number> }) => n + (r.values[id] ?? 0), 0),
        id,
      ).toBe(year[id]);
    }
    const honoured = res.body.rows.filter((r: { honours: unknown[] }) => r.honours.length > 0);
    expect(honoured.length).toBeGreaterThan(0);
    expect(honoured.flatMap((r: { honours: { level: string }[] }) => r.honours.map((h) => h.level))).toContain('national');
    for (const r of res.body.rows) {
      expect(r.values['mediation.disputes_resolved'] ?? 0).toBeLessThanOrEqual(r.values['mediation.disputes'] ?? 0);
      if (r.rulesAdopted > 0) expect(r.lastRuleAdoptedOn <= '2024-12-31').toBe(true);
    }
  });

  it('is refused to a village cadre and to a clerk of another town', async () => {
    expect([403, 404]).toContain((await cadre.request('GET', '/api/reports/villages?org=四棵树镇&year=2024')).status);
    expect([403, 404]).toContain((await (await otherTownClerk()).request('GET', '/api/reports/villages?org=四棵树镇&year=2024')).status);
  });
});

let other: Session | undefined;
/** A coordinator of a second town under the same city. */
async function otherTownClerk(): Promise<Session> {
  if (other) return other;
  const admin = await login(env.app, 'admin');
  const town = await admin.request('POST', '/api/org/units', { parentId: await unitId(env, '乌苏市'), kind: 'town', name: '百泉镇' });
  const user = await admin.request('POST', '/api/org/users', { username: 'bq_sifa', displayName: '百泉司法所', orgUnitId: town.body.id });
  await admin.request('POST', '/api/org/role-assignments', { userId: user.body.user.id, role: 'coordinator', orgUnitId: town.body.id });
  const first = await login(env.app, 'bq_sifa', user.body.initialPassword);
  await first.request('POST', '/api/auth/password', { currentPassword: user.body.initialPassword, newPassword: PASSWORD });
  other = await login(env.app, 'bq_sifa');
  return other;
}
