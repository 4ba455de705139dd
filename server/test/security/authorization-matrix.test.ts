// Issue 10 §1: the authorization matrix, generated from the app's route table (every route as registered) ×
// role × own/other town × own/other village. Only the cells the policy (domain/platform/roles.ts + scope) allows
// may answer 2xx; detail pages, exports and documents included (no IDOR). Denied writes change nothing; GETs never do.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Role, roleCapabilities, roles } from '../../../domain/platform/roles.ts';
import type { RouteEntry } from '../../app.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../helpers.ts';
import { changedTables, dbDigest } from './db-digest.ts';
import { bodyFor, createOtherTown, ownUsers, recordUnder, resourceOf, ruleOf, stateless, urlFor } from './scope.ts';

let env: TestEnv;
let routes: RouteEntry[];
const own = {} as Record<Role, Session>;
const other = {} as Record<Role, Session>;
let townA: { id: number; path: string };
let villageIds: { own: number; other: number };
const townAUnitIds = new Set<number>();

type Call = { status: number; text: string };
async function call(s: Session, method: string, url: string, body?: unknown): Promise<Call> {
  const r = await env.app.inject({
    method: method as 'GET',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(method === 'GET' ? {} : { payload: (body ?? {}) as object }),
  });
  return { status: r.statusCode, text: r.body };
}
// Thousands of requests per test: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 600_000 });
const ok = (status: number) => status >= 200 && status < 300;

beforeAll(async () => {
  env = await createTestEnv();
  const otherUsers = await createOtherTown(env.platform.db);
  for (const role of roles) {
    own[role] = await login(env.app, ownUsers[role]);
    other[role] = await login(env.app, otherUsers[role]);
  }
  const town = await env.platform.db.selectFrom('org_units').select(['id', 'path']).where('name', '=', '四棵树镇').executeTakeFirstOrThrow();
  townA = town;
  for (const u of await env.platform.db.selectFrom('org_units').select('id').where('path', 'like', `${town.path}%`).execute()) townAUnitIds.add(u.id);
  villageIds = { own: await unitId(env, '四棵树村'), other: await unitId(env, '吉尔格勒特村') };
  // Log-out and password routes act on the caller's own session: they would end the sessions this matrix uses.
  routes = env.app.routeTable.filter(
    (r) => r.url.startsWith('/api/') && !r.public && !['/api/auth/logout', '/api/auth/password'].includes(r.url) && !r.url.startsWith('/api/docs'),
  );
});
afterAll(async () => env?.close());

/** Every org unit id a JSON answer names (orgUnitId, unitId, …): what a list leaks when its scope filter is missing. */
function unitIdsIn(text: string): number[] {
  const found: number[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (/(^|[a-z])(orgUnitId|OrgUnitId|unitId)$/.test(k) && typeof x === 'number') found.push(x);
        else walk(x);
      }
    }
  };
  try {
    walk(JSON.parse(text));
  } catch {
    // Not JSON (a file): checked by status alone.
  }
  return found;
}

describe('the route table', () => {
  it('has a policy and a record source for every route (a new route without one fails here)', async () => {
    expect(routes.length).toBeGreaterThan(200);
    for (const r of routes) {
      expect(() => ruleOf(r)).not.toThrow();
      const resource = resourceOf(r.url);
      if (resource) await recordUnder(env.platform.db, resource, '/');
    }
  });
});

describe('another town: no cell reaches a record of 四棵树镇', () => {
  it('every route with a record id answers non-2xx for every role of 开干齐乡/奎屯市, and changes nothing', async () => {
    const before = await dbDigest(env.platform.db);
    const leaks: string[] = [];
    let cells = 0;
    for (const route of routes) {
      const resource = resourceOf(route.url);
      if (!resource) continue;
      const id = await recordUnder(env.platform.db, resource, townA.path);
      if (id === null) continue;
      const url = urlFor(route, id);
      for (const role of roles) {
        const res = await call(other[role], route.method, url, bodyFor(route, townA.id));
        cells++;
        if (ok(res.status)) leaks.push(`${role} ${route.method} ${url} → ${res.status}`);
        expect(res.status, `${role} ${route.method} ${url}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      }
    }
    expect(leaks).toEqual([]);
    expect(cells).toBeGreaterThan(1000);
    expect(changedTables(before, await dbDigest(env.platform.db))).toEqual([]);
  });

  it('every list, summary, export and report they can open names no unit of 四棵树镇', async () => {
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && !r.url.includes(':'))) {
      for (const role of roles) {
        const res = await call(other[role], 'GET', route.url);
        expect(res.status, `${role} GET ${route.url}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
        if (!ok(res.status)) continue;
        const named = unitIdsIn(res.text).filter((id) => townAUnitIds.has(id));
        if (named.length > 0 || res.text.includes('四棵树')) leaks.push(`${role} GET ${route.url} names 四棵树镇 units ${[...new Set(named)].join(',')}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('creating a record in 四棵树镇 (its unit id in the body) is refused to every role of the other town', async () => {
    const before = await dbDigest(env.platform.db);
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET' && !r.url.includes(':') && !r.url.startsWith('/api/auth/') && !stateless.has(r.url))) {
      for (const role of roles) {
        const res = await call(other[role], route.method, route.url, bodyFor(route, townA.id));
        expect(res.status, `${role} ${route.method} ${route.url}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
        if (ok(res.status)) leaks.push(`${role} ${route.method} ${route.url} → ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(changedTables(before, await dbDigest(env.platform.db))).toEqual([]);
  });
});

describe('own town: a role without the capability gets no 2xx; a role with it can read', () => {
  // Every GET of every role runs here, allowed or not: the unchanged digest also proves that no GET changes state.
  it('every route × role of 四棵树镇 (records of the town) follows roles.ts; denied writes and all GETs change nothing', async () => {
    const before = await dbDigest(env.platform.db);
    const wrong: string[] = [];
    const readable: string[] = [];
    for (const route of routes) {
      const needs = ruleOf(route);
      if (needs === null) continue;
      const resource = resourceOf(route.url);
      const id = resource ? await recordUnder(env.platform.db, resource, townA.path) : null;
      if (resource && id === null) continue;
      const url = resource ? urlFor(route, id ?? 0) : route.url;
      for (const role of roles) {
        const allowed = needs.some((c) => roleCapabilities[role].includes(c));
        if (allowed && route.method !== 'GET') continue; // allowed writes are the modules' own tests
        const res = await call(own[role], route.method, url, bodyFor(route, townA.id));
        expect(res.status, `${role} ${route.method} ${url}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
        if (!allowed && ok(res.status)) wrong.push(`${role} ${route.method} ${url} → ${res.status} without ${needs.join('|')}`);
        if (allowed && route.method === 'GET' && !route.url.includes(':') && ok(res.status)) readable.push(`${role} ${route.url}`);
      }
    }
    expect(wrong).toEqual([]);
    // The matrix is not vacuous: the roles holding a module's read capability do read its lists.
    for (const cell of [
      'coordinator /api/mediation/disputes',
      'officer /api/enforcement/powers',
      'leader /api/reports/annual',
      'supervisor /api/audit',
      'village_cadre /api/villages/rules',
    ])
      expect(readable).toContain(cell);
    expect(changedTables(before, await dbDigest(env.platform.db))).toEqual([]);
  });
});

describe('own and other village', () => {
  it('the village cadre of 四棵树村 reads records of their village and none of 吉尔格勒特村', async () => {
    const reached: string[] = [];
    const leaks: string[] = [];
    for (const route of routes.filter((r) => r.method === 'GET' && /^\/api\/(villages|mediation|publicity)\//.test(r.url))) {
      const resource = resourceOf(route.url);
      if (!resource) continue;
      const [mine, theirs] = await Promise.all([
        recordUnder(env.platform.db, resource, `${townA.path}${villageIds.own}/`),
        recordUnder(env.platform.db, resource, `${townA.path}${villageIds.other}/`),
      ]);
      if (mine !== null && ok((await call(cadre(), 'GET', urlFor(route, mine))).status)) reached.push(route.url);
      if (theirs !== null) {
        const res = await call(cadre(), 'GET', urlFor(route, theirs));
        if (ok(res.status)) leaks.push(`${route.url} #${theirs} → ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(reached.length).toBeGreaterThan(0);
  });
});

describe('own and other record', () => {
  it('an exam attempt is its taker’s: another user of the same town cannot read, save or submit it', async () => {
    const attempts = await env.platform.db
      .selectFrom('exam_attempts')
      .innerJoin('users', 'users.id', 'exam_attempts.user_id')
      .select(['exam_attempts.id', 'users.username'])
      .execute();
    const mine = attempts.find((x) => x.username === ownUsers.officer);
    const theirs = attempts.find((x) => x.username !== ownUsers.officer);
    expect(mine && theirs).toBeTruthy();
    expect((await call(own.officer, 'GET', `/api/learning/my/attempts/${mine?.id}`)).status).toBe(200);
    const before = await dbDigest(env.platform.db);
    for (const [method, suffix] of [
      ['GET', ''],
      ['PATCH', ''],
      ['POST', '/submit'],
    ] as const) {
      const res = await call(own.officer, method, `/api/learning/my/attempts/${theirs?.id}${suffix}`, { answers: {} });
      expect(ok(res.status), `${method} attempt of ${theirs?.username}: ${res.status}`).toBe(false);
    }
    expect(changedTables(before, await dbDigest(env.platform.db))).toEqual([]);
  });
});

const cadre = () => own.village_cadre;
