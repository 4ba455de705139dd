// Issue 10 §4: every JSON endpoint of the route table fed generated bodies (fast-check), an SQL-injection/XSS corpus,
// hostile path ids and oversize bodies → never a 5xx, never SQL text in an answer, nothing changed by a refused
// request; stored markup comes back as text in .xlsx and .docx exports.

import fc from 'fast-check';
import Fastify from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RouteEntry } from '../../app.ts';
import { agreementDocx } from '../../modules/mediation/agreement.document.ts';
import { registerErrorHandling } from '../../plugins/errors.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../helpers.ts';
import { changedTables, dbDigest } from './db-digest.ts';
import { bodyFor, recordUnder, resourceOf, urlFor } from './scope.ts';

vi.setConfig({ testTimeout: 600_000 });

const corpus = [
  "' or '1'='1",
  '1; drop table users; --',
  "'); delete from audit_log; --",
  '1 union select password_hash from users --',
  "admin'--",
  '\\',
  '%',
  '_',
  '$1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '{{7*7}}',
  '$' + '{7*7}',
  '\u0000',
  '\ud800',
  '‮rtl',
  '../../../../etc/passwd',
  'a'.repeat(10_000),
  '９９',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
];
const SQL_TEXT = /syntax error|SQLSTATE|relation "|column "|violates|pg_catalog|at character \d|select .* from|insert into|update .* set/i;

let env: TestEnv;
let coordinator: Session;
let admin: Session;
let town: number;
let routes: RouteEntry[];
beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, admin] = await Promise.all([login(env.app, 'sifasuo'), login(env.app, 'admin')]);
  town = await unitId(env, '四棵树镇');
  routes = env.app.routeTable.filter(
    (r) => r.url.startsWith('/api/') && !r.public && !r.url.startsWith('/api/auth/') && !r.url.startsWith('/api/docs') && !/import|attachments$/.test(r.url),
  );
});
afterAll(async () => env?.close());

type Answer = { status: number; body: string };
async function send(s: Session, method: string, url: string, payload?: unknown): Promise<Answer> {
  const r = await env.app.inject({
    method: method as 'POST',
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    ...(method === 'GET' ? {} : { payload: JSON.stringify(payload) }),
  });
  return { status: r.statusCode, body: r.body };
}

/** Bodies shaped like the route's schema with every string swapped for a corpus entry, plus arbitrary JSON. */
function bodies(route: RouteEntry): fc.Arbitrary<unknown> {
  const base = bodyFor(route, town);
  const hostile = fc.constantFrom(...corpus);
  const shaped =
    base && typeof base === 'object' && !Array.isArray(base)
      ? fc.record(
          Object.fromEntries(
            Object.entries(base as Record<string, unknown>).map(([k, v]) => [
              k,
              typeof v === 'string'
                ? fc.oneof(hostile, fc.string())
                : typeof v === 'number'
                  ? fc.oneof(fc.integer(), fc.double(), hostile)
                  : fc.oneof(fc.constant(v), fc.anything()),
            ]),
          ),
        )
      : fc.constant(base);
  return fc.oneof(shaped, fc.jsonValue(), fc.dictionary(fc.string(), hostile));
}

const problems = (route: string, a: Answer): string[] => [
  ...(a.status >= 500 ? [`${route} → ${a.status} ${a.body.slice(0, 200)}`] : []),
  ...(SQL_TEXT.test(a.body) && a.status >= 400 ? [`${route} leaks SQL: ${a.body.slice(0, 200)}`] : []),
];

describe('generated and hostile input', () => {
  it('every write endpoint, fed generated bodies: no 5xx, no SQL text, and a refused request changes nothing', async () => {
    const found: string[] = [];
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      const resource = resourceOf(route.url);
      const id = resource ? ((await recordUnder(env.platform.db, resource, '/')) ?? 1) : 0;
      const url = resource ? urlFor(route, id) : route.url;
      const samples = fc.sample(bodies(route), { numRuns: 6, seed: 10 });
      const before = await dbDigest(env.platform.db);
      let accepted = false;
      for (const body of samples) {
        const s = route.url.startsWith('/api/org/') || route.url.startsWith('/api/dictionaries') || route.url.startsWith('/api/calendar') ? admin : coordinator;
        const a = await send(s, route.method, url, body);
        found.push(...problems(`${route.method} ${url}`, a));
        if (a.status < 300) accepted = true;
      }
      if (!accepted) {
        const changed = changedTables(before, await dbDigest(env.platform.db));
        if (changed.length > 0) found.push(`${route.method} ${url} refused every body but changed ${changed.join(', ')}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('every GET endpoint, with hostile ids and query strings: no 5xx, no SQL text, nothing changed', async () => {
    const before = await dbDigest(env.platform.db);
    const found: string[] = [];
    const ids = ['0', '-1', '1.5', '99999999999999999999', "1'", '1 or 1=1', '%00', 'NaN', '..%2f..%2fetc'];
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const urls = route.url.includes(':')
        ? ids.map((id) => route.url.replace(/:(\w+)/g, () => id))
        : corpus.slice(0, 12).map((c) => `${route.url}?q=${encodeURIComponent(c)}&page=${encodeURIComponent(c)}&orgUnitId=${encodeURIComponent(c)}`);
      for (const url of urls) found.push(...problems(`GET ${url}`, await send(coordinator, 'GET', url)));
    }
    expect(found).toEqual([]);
    expect(changedTables(before, await dbDigest(env.platform.db))).toEqual([]);
  });

  it('refuses oversize bodies with 413 and malformed JSON with 400, changing nothing', async () => {
    const before = await dbDigest(env.platform.db);
    const huge = await send(coordinator, 'POST', '/api/org/meetings', { orgUnitId: town, kind: 'other', title: 'x'.repeat(2 * 1024 * 1024), heldOn: '2024-05-01' });
    expect(huge.status).toBe(413);
    const r = await env.app.inject({
      method: 'POST',
      url: '/api/org/meetings',
      headers: { cookie: coordinator.cookie, 'x-csrf-token': coordinator.csrf, 'content-type': 'application/json' },
      payload: '{"orgUnitId": 1, "title": ',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toBe('请求内容不是有效的 JSON');
    expect(changedTables(before, await dbDigest(env.platform.db))).toEqual([]);
  });
});

// No generated input above gets past the services to a database refusal or a crash, so the handler's two backstops
// are driven here directly, with the errors pg and a bug would throw.
describe('the error handler behind the services', () => {
  it('answers a database refusal as 400 in Chinese and an unexpected error as 500, neither with SQL text', async () => {
    const app = Fastify();
    registerErrorHandling(app, env.platform, false);
    const sqlError = (code: string) => Object.assign(new Error('insert or update on table "cases" violates foreign key constraint "cases_org_unit_id_fkey"'), { code });
    app.get('/refused', async () => {
      throw sqlError('23503');
    });
    app.get('/crash', async () => {
      throw sqlError('XX000');
    });
    try {
      const refused = await app.inject({ method: 'GET', url: '/refused' });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toEqual({ code: 'BAD_REQUEST', message: '引用的数据不存在或已被删除', details: null });
      const crash = await app.inject({ method: 'GET', url: '/crash' });
      expect(crash.statusCode).toBe(500);
      expect(crash.json().error.code).toBe('INTERNAL');
      for (const a of [refused, crash]) expect(a.body).not.toMatch(SQL_TEXT);
    } finally {
      await app.close();
    }
  });
});

describe('stored markup stays text in exports', () => {
  const xss = '<script>alert("x")</script>&<b>粗</b>';

  it('in the mediation ledger .xlsx', async () => {
    const d = (await coordinator.request('GET', '/api/mediation/disputes?pageSize=50')).body.items.find((x: { status: string }) => x.status === 'registered') ?? null;
    expect(d).not.toBeNull();
    const patched = await coordinator.request('PATCH', `/api/mediation/disputes/${d.id}`, { version: d.version, summary: xss });
    expect(patched.status).toBe(200);
    const res = await env.app.inject({ method: 'GET', url: '/api/ledgers/disputes/export', headers: { cookie: coordinator.cookie } });
    expect(res.statusCode).toBe(200);
    // shared or inline strings, whichever the writer chose: every XML part of the workbook
    const strings = Object.entries(unzipSync(new Uint8Array(res.rawPayload)))
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, data]) => strFromU8(data))
      .join('\n');
    expect(strings).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;b&gt;粗&lt;/b&gt;');
    expect(strings).not.toContain('<script>');
  });

  it('in a .docx document', async () => {
    const list = (await coordinator.request('GET', '/api/mediation/disputes?pageSize=100')).body.items as { id: number }[];
    let dispute: Record<string, unknown> | null = null;
    for (const { id } of list) {
      const full = (await coordinator.request('GET', `/api/mediation/disputes/${id}`)).body;
      if (full.agreement) {
        dispute = full;
        break;
      }
    }
    expect(dispute).not.toBeNull();
    const d = dispute as { agreement: Record<string, unknown>; parties: { name: string }[] };
    const doc = await agreementDocx({ ...d, agreement: { ...d.agreement, facts: xss }, parties: d.parties.map((p, i) => (i === 0 ? { ...p, name: xss } : p)) } as never);
    const xml = strFromU8(unzipSync(new Uint8Array(doc))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('<b>粗');
  });
});
