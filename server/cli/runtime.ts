import fs from 'node:fs';
import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { AuditTrail } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { loadKeys } from '../platform/crypto.ts';

export const log = (m: string): void => console.log(`[fazhi] ${m}`);

/** Opens the database (embedded or DATABASE_URL), applies pending migrations, loads keys: what every command needs. */
export async function openPlatform(config: Config = loadConfig()): Promise<{ platform: Platform; database: Database }> {
  // With DATABASE_URL and FAZHI_MASTER_KEY nothing else creates the data dir, yet the audit head and attachments live there.
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const database = await openDatabase(config, log);
  try {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) log(`已应用数据库迁移：${applied.join(', ')}`);
  } catch (err) {
    await database.close();
    throw err;
  }
  const keys = loadKeys(config.dataDir, config.masterKey);
  return { platform: { db: database.db, dbKind: database.kind, audit: new AuditTrail(keys, config.dataDir), keys, config }, database };
}

/** Runs one command on an opened platform and exits with its code; a failure propagates to exitWith (exit.ts). */
export async function withPlatform(work: (p: Platform) => Promise<number>): Promise<void> {
  const { platform, database } = await openPlatform();
  let code = 0;
  try {
    code = await work(platform);
  } finally {
    await database.close();
  }
  process.exit(code);
}
