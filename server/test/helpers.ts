import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { ensureDatabase, kyselyFor } from '../db/client.ts';
import { AuditTrail } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { loadKeys } from '../platform/crypto.ts';
import { PASSWORD } from './password.ts';

export { PASSWORD };

export type TestEnv = { app: FastifyInstance; platform: Platform; dataDir: string; close: () => Promise<void> };

/**
 * A fresh database cloned from a template — migrated only, or with the demo town already loaded (the default) —
 * a fresh data dir holding the template's master key and audit head, and the app built as in production.
 */
export async function createTestEnv(options: { demo?: boolean; config?: Partial<Config> } = {}): Promise<TestEnv> {
  const demo = options.demo !== false;
  const template = inject(demo ? 'demoTemplateDb' : 'templateDb');
  // Named with the global setup's pid (the templates' suffix), so its teardown drops every clone.
  const url = await ensureDatabase(inject('serverUrl'), `fazhi_t${randomBytes(4).toString('hex')}_${template.split('_').pop()}`, template);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-data-'));
  if (demo) {
    const shared = inject('demoDataDir');
    fs.cpSync(path.join(shared, 'keys'), path.join(dataDir, 'keys'), { recursive: true });
    fs.copyFileSync(path.join(shared, 'audit-head.json'), path.join(dataDir, 'audit-head.json'));
  }
  // Rate limits explicit and far above what any test sends from its one address; server/test/security sets its own.
  const config = loadConfig({}, { dataDir, databaseUrl: url, adminPassword: PASSWORD, logLevel: 'silent', loginPerMinute: 10_000, apiPerMinute: 100_000, ...options.config });
  const db = kyselyFor(url, 4);
  const keys = loadKeys(dataDir);
  const platform: Platform = { db, dbKind: 'external', audit: new AuditTrail(keys, dataDir), keys, config };
  const app = await buildApp(platform);
  return {
    app,
    platform,
    dataDir,
    close: async () => {
      await app.close();
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Session = {
  cookie: string;
  csrf: string;
  request: (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => Promise<{ status: number; body: any }>;
};

/** Logs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function login(app: FastifyInstance, username: string, password = PASSWORD, remoteAddress?: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, ...(remoteAddress ? { remoteAddress } : {}) });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
  const setCookie = [res.headers['set-cookie']].flat()[0] as string;
  const cookie = setCookie.split(';')[0] as string;
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    request: async (method, url, body) => {
      const r = await app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(body === undefined ? {} : { payload: body as object }) });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
    },
  };
}

export async function unitId(env: TestEnv, name: string): Promise<number> {
  const row = await env.platform.db.selectFrom('org_units').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}
