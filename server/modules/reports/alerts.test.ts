import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, type TestEnv } from '../../test/helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => env?.close());

type AlertItem = { module: string; level: string; title: string; due: string | null; link: string };

it('lists what is overdue first, from each module the user may read', async () => {
  const coordinator = await login(env.app, 'sifasuo');
  const res = await coordinator.request('GET', '/api/reports/alerts');
  expect(res.status).toBe(200);
  const items = res.body.items as AlertItem[];
  // The demo's open 2025 cases and disputes are long past their deadlines.
  expect(items.some((a) => a.module === 'enforcement' && a.level === 'overdue' && a.link.startsWith('/enforcement/cases/'))).toBe(true);
  expect(items.some((a) => a.module === 'mediation' && a.level === 'overdue' && a.title.startsWith('矛盾纠纷超期未结'))).toBe(true);
  const levels = items.map((a) => a.level);
  expect(levels.indexOf('overdue')).toBe(0);
  expect(levels.lastIndexOf('overdue')).toBeLessThan(levels.indexOf('due') === -1 ? Number.POSITIVE_INFINITY : levels.indexOf('due'));
});

it('shows a village cadre only their village’s matters', async () => {
  const cadre = await login(env.app, 'cungb2');
  const items = (await cadre.request('GET', '/api/reports/alerts')).body.items as AlertItem[];
  expect(items.every((a) => a.module !== 'enforcement')).toBe(true);
  const coordinatorItems = (await (await login(env.app, 'sifasuo')).request('GET', '/api/reports/alerts')).body.items as AlertItem[];
  expect(items.filter((a) => a.module === 'mediation').length).toBeLessThan(coordinatorItems.filter((a) => a.module === 'mediation').length);
});
