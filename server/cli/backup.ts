import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import * as repo from '../db/backup.repository.ts';
import type { Platform } from '../platform/context.ts';

/**
 * A logical backup that any PostgreSQL 15+ can take back: a manifest, every table's rows as gzipped JSON lines, the
 * attachment files and the audit chain's head. The master key is NOT included: keep data/keys/master.key apart.
 */
type Manifest = { format: 'fazhi-backup/1'; createdAt: string; migrations: string[]; tables: Record<string, number> };

export async function backup(p: Platform, dir: string, log: (m: string) => void): Promise<Manifest> {
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(path.join(dir, 'manifest.json'))) throw new Error(`备份目录已有备份：${dir}`);
  // Sessions are not data: a restored platform starts with everyone logged out.
  const tables = (await repo.tablesInDependencyOrder(p.db)).filter((t) => t !== 'sessions');
  const counts: Record<string, number> = {};
  async function* lines() {
    for (const table of tables) {
      counts[table] = 0;
      for await (const batch of repo.rowsOf(p.db, table)) {
        counts[table] += batch.length;
        yield `${JSON.stringify({ table, rows: batch })}\n`;
      }
      log(`  ${table}: ${counts[table]} 行`);
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(path.join(dir, 'rows.jsonl.gz')));
  const attachments = path.join(p.config.dataDir, 'attachments');
  if (fs.existsSync(attachments)) fs.cpSync(attachments, path.join(dir, 'attachments'), { recursive: true });
  const head = path.join(p.config.dataDir, 'audit-head.json');
  if (fs.existsSync(head)) fs.copyFileSync(head, path.join(dir, 'audit-head.json'));
  const manifest: Manifest = { format: 'fazhi-backup/1', createdAt: new Date().toISOString(), migrations: await repo.appliedMigrations(p.db), tables: counts };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

/** Restores into an empty, migrated database in one transaction: all of it or nothing. */
export async function restore(p: Platform, dir: string, log: (m: string) => void): Promise<Manifest> {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
  if (manifest.format !== 'fazhi-backup/1') throw new Error(`不认识的备份格式：${manifest.format}`);
  const here = await repo.appliedMigrations(p.db);
  const unknown = manifest.migrations.filter((m) => !here.includes(m));
  if (unknown.length > 0) throw new Error(`备份来自更新的版本（迁移 ${unknown.join(', ')}），请先升级 fazhi`);
  // A new instance holds only what migrations seed (default dictionaries, the law catalog): no org unit, no audit entry.
  for (const table of ['org_units', 'audit_log']) {
    if ((await repo.countRows(p.db, table)) > 0) throw new Error(`目标数据库不是空的（${table} 已有数据），只能恢复到新数据库`);
  }
  await p.db.transaction().execute(async (trx) => {
    // The backup carries that seeded reference data as it stood, edits included: it replaces the fresh copy.
    for (const table of Object.keys(manifest.tables).reverse()) await repo.deleteRows(trx, table);
    const input = fs.createReadStream(path.join(dir, 'rows.jsonl.gz')).pipe(createGunzip());
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (!line) continue;
      const { table, rows } = JSON.parse(line) as { table: string; rows: unknown[] };
      await repo.insertRows(trx, table, rows);
    }
    for (const table of Object.keys(manifest.tables)) await repo.resetIdentity(trx, table);
  });
  for (const [table, n] of Object.entries(manifest.tables)) log(`  ${table}: ${n} 行`);
  if (fs.existsSync(path.join(dir, 'attachments'))) fs.cpSync(path.join(dir, 'attachments'), path.join(p.config.dataDir, 'attachments'), { recursive: true });
  if (fs.existsSync(path.join(dir, 'audit-head.json'))) fs.copyFileSync(path.join(dir, 'audit-head.json'), path.join(p.config.dataDir, 'audit-head.json'));
  return manifest;
}
