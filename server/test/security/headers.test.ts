// Issue 10 §3: CSRF and browser-facing headers. Each assertion names what a missing protection would let through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../helpers.ts';
import { changedTables, dbDigest } from './db-digest.ts';

let env: TestEnv;
let coordinator: Session;
let town: number;
beforeAll(async () => {
  env = await createTestEnv();
  coordinator = await login(env.app, 'sifasuo');
  town = await unitId(env, '四棵树镇');
});
afterAll(async () => env?.close());

const meeting = () => ({ orgUnitId: town, kind: 'other', title: 'CSRF 测试会议', heldOn: '2024-05-01' });
const post = (headers: Record<string, string>, payload: object = meeting()) =>
  env.app.inject({ method: 'POST', url: '/api/org/meetings', headers: { cookie: coordinator.cookie, ...headers }, payload });

describe('CSRF', () => {
  it.each<[string, Record<string, string>]>([
    ['without the token', {}],
    ['with a wrong token', { 'x-csrf-token': 'forged' }],
    ['with the token but from another origin', { 'x-csrf-token': 'TOKEN', origin: 'https://evil.example' }],
    ['with the token but a cross-site fetch', { 'x-csrf-token': 'TOKEN', 'sec-fetch-site': 'cross-site' }],
  ])('refuses a state change %s with 403 and changes nothing', async (_name, headers) => {
    const before = await dbDigest(env.platform.db);
    const res = await post(Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'TOKEN' ? coordinator.csrf : v])));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_REJECTED');
    expect(changedTables(before, await dbDigest(env.platform.db))).toEqual([]);
  });

  it('takes the same request with the token from this origin', async () => {
    const res = await post({ 'x-csrf-token': coordinator.csrf, origin: 'http://localhost:80', host: 'localhost:80' });
    expect(res.statusCode).toBe(200);
  });

  it('refuses a login posted from another site (login CSRF) and a form-encoded or text/plain one', async () => {
    const cross = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'sifasuo', password: 'x' }, headers: { origin: 'https://evil.example' } });
    expect(cross.statusCode).toBe(403);
    const form = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: 'username=sifasuo&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    // text/plain is what a cross-site form or a no-preflight fetch can send: refused as an unsupported type.
    const text = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: JSON.stringify({ username: 'sifasuo', password: 'x' }),
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
  });
});

describe('headers', () => {
  it('sends CSP with frame-ancestors none, nosniff, no framing, and no server fingerprint', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Plain HTTP: no HSTS (it would pin a site that has no certificate).
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, Path=/ and not Secure over plain HTTP', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'guwen', password: 'Test-Pass-2024' } });
    const cookie = String([res.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it.each<[string, object, Record<string, string>]>([
    ['FAZHI_SECURE_COOKIES=1', { secureCookies: true }, {}],
    ['FAZHI_TRUST_PROXY=1 and the proxy says https', { trustProxy: true }, { 'x-forwarded-proto': 'https' }],
  ])('behind TLS (%s): Secure cookie and HSTS', async (_name, config, headers) => {
    // The same database and platform, served by an app built with the TLS settings.
    const tls = await buildApp({ ...env.platform, config: { ...env.platform.config, ...config } });
    try {
      const res = await tls.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'guwen', password: 'Test-Pass-2024' }, headers });
      expect(res.statusCode).toBe(200);
      expect(String([res.headers['set-cookie']].flat()[0])).toMatch(/; Secure/);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      // A forged X-Forwarded-Proto is not believed when the proxy is not trusted.
      if (!('trustProxy' in config)) return;
    } finally {
      await tls.close();
    }
    const plain = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'guwen', password: 'Test-Pass-2024' }, headers });
    expect(String([plain.headers['set-cookie']].flat()[0])).not.toMatch(/Secure/);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });
});
