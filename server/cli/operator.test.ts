import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/helpers.ts';
import { consoleCtx, operatorCtx } from './operator.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

it('the console acts at the named unit (name or id, default the root) for a user, or as the operator over every root', async () => {
  const town = await env.platform.db.selectFrom('org_units').select(['id', 'path']).where('name', '=', '四棵树镇').executeTakeFirstOrThrow();
  const byName = await consoleCtx(env.platform, { org: '四棵树镇', user: 'sifasuo' }, ['coordinator', 'officer']);
  expect(byName.actor).toMatchObject({ username: 'sifasuo', orgUnitId: town.id, displayName: expect.stringMatching(/^命令行 \(.*以 sifasuo 名义\)$/) });
  expect(byName.actor.grants).toEqual([
    { role: 'coordinator', orgUnitId: town.id, path: town.path },
    { role: 'officer', orgUnitId: town.id, path: town.path },
  ]);
  expect((await consoleCtx(env.platform, { org: String(town.id) }, ['supervisor'])).actor).toMatchObject({ username: 'admin', orgUnitId: town.id });
  const root = await consoleCtx(env.platform, {}, ['supervisor']);
  expect(root.actor.grants).toEqual([{ role: 'supervisor', orgUnitId: root.actor.orgUnitId, path: expect.stringMatching(/^\/\d+\/$/) }]);
  await expect(consoleCtx(env.platform, { org: '不存在镇' }, ['supervisor'])).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/不存在镇/) });
  await expect(consoleCtx(env.platform, { user: 'nobody' }, ['supervisor'])).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/nobody/) });
  const operator = await operatorCtx(env.platform, 'admin');
  expect(operator.actor).toMatchObject({ userId: 0, username: 'cli', orgUnitId: root.actor.orgUnitId, grants: [{ role: 'admin', orgUnitId: root.actor.orgUnitId }] });
});
