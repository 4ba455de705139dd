import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Transaction } from 'kysely';
import * as repo from '../db/backup.repository.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { AuditTrail } from '../platform/audit.ts';
import type { Platform } from '../platform/context.ts';
import { keysFrom, masterKeyFile, masterKeyOf } from '../platform/crypto.ts';
import { BackupWriter, type KeySource, readBackup } from './backup-file.ts';
import type { Progress } from './progress.ts';

/**
 * `fazhi backup <file>` / `fazhi restore <file>`: every table read in one REPEATABLE READ snapshot, the attachment
 * files and the audit chain's head, in one SM4-encrypted file (backup-file.ts) whose last record, the manifest,
 * holds each table's row count and SM3 digest. Sessions are left out: a restored platform starts with everyone
 * logged out.
 *
 * Keys: by default the file's keys come from this instance's master key, which is not in the file (keep
 * data/keys/master.key apart; the restoring instance must hold the same one). With a passphrase the keys come from
 * it instead and the master key travels inside the encrypted file, so the file and the passphrase are enough to
 * bring the platform back on a new machine.
 */
export type TableSummary = { rows: number; sm3: string };
export type Manifest = {
  format: 'fazhi-backup/2';
  createdAt: string;
  migrations: string[];
  tables: Record<string, TableSummary & { columns: string[] }>;
  attachments: { files: number; bytes: number };
  auditHead: { id: number; hash: string } | null;
  /** Only in a passphrase-protected file (hex). */
  masterKey?: string;
};
export type BackupOptions = { passphrase?: string; progress?: Progress };

const LEFT_OUT = new Set(['sessions']);
const RECORD_BYTES = 1024 * 1024;

const keySource = (p: Platform, passphrase: string | undefined): KeySource =>
  passphrase === undefined ? { kind: 'master-key', master: masterKeyOf(p.config.dataDir, p.config.masterKey) } : { kind: 'passphrase', passphrase };

/** Business dates and instants must print the same on every server: jsonb text of a timestamptz follows TimeZone. */
const utc = (trx: Transaction<DB>) => sql`set local timezone = 'UTC'`.execute(trx);

/** Runs `each` over every table's rows (as jsonb text, in key order) and returns row counts and SM3 digests. */
async function digestTables(
  trx: Transaction<DB>,
  tables: string[],
  each: (table: string, shape: repo.TableShape, rows: string[] | null) => void = () => {},
): Promise<Record<string, TableSummary>> {
  const out: Record<string, TableSummary> = {};
  const shapes = await repo.shapesOf(trx);
  for (const table of tables) {
    const shape = shapes.get(table) as repo.TableShape;
    const hash = createHash('sm3');
    let rows = 0;
    each(table, shape, null);
    for await (const batch of repo.rowTexts(trx, table, shape)) {
      for (const row of batch) hash.update(`${row}\n`);
      rows += batch.length;
      each(table, shape, batch);
    }
    out[table] = { rows, sm3: hash.digest('hex') };
  }
  return out;
}

/** Row counts and digests of the database as it stands now, for checking a restore (and for the tests). */
export async function tableDigests(p: Platform): Promise<Record<string, TableSummary>> {
  return p.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      await utc(trx);
      return digestTables(
        trx,
        (await repo.tablesInDependencyOrder(trx)).filter((t) => !LEFT_OUT.has(t)),
      );
    });
}

function* filesUnder(root: string, dir = ''): Generator<string> {
  if (!fs.existsSync(path.join(root, dir))) return;
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(root, rel);
    else if (entry.isFile() && !entry.name.endsWith('.tmp')) yield rel;
  }
}

export async function backup(p: Platform, file: string, options: BackupOptions = {}): Promise<Manifest> {
  const source = keySource(p, options.passphrase);
  const writer = await BackupWriter.create(file, source);
  try {
    const snapshot = await p.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        await utc(trx);
        const tables = (await repo.tablesInDependencyOrder(trx)).filter((t) => !LEFT_OUT.has(t));
        let total = 0;
        for (const t of tables) total += await repo.countRows(trx, t);
        options.progress?.start(total, '备份数据表');
        let done = 0;
        let pending: string[] = [];
        let pendingBytes = 0;
        const flush = () => {
          if (pending.length > 0) writer.record('R', pending.join('\n'));
          pending = [];
          pendingBytes = 0;
        };
        const columns: Record<string, string[]> = {};
        const digests = await digestTables(trx, tables, (table, shape, rows) => {
          if (rows === null) {
            flush();
            columns[table] = shape.columns;
            writer.record('T', JSON.stringify({ table, columns: shape.columns }));
            return;
          }
          for (const row of rows) {
            pending.push(row);
            pendingBytes += row.length;
            if (pendingBytes >= RECORD_BYTES) flush();
          }
          done += rows.length;
          options.progress?.update(done);
        });
        flush();
        options.progress?.stop();
        const summary: Manifest['tables'] = {};
        for (const t of tables) summary[t] = { ...(digests[t] as TableSummary), columns: columns[t] ?? [] };
        return { tables: summary, migrations: await repo.appliedMigrations(trx), auditHead: await repo.auditHead(trx) };
      });
    // Attachments are content-addressed and never rewritten: any file present now holds what its rows point to.
    const root = path.join(p.config.dataDir, 'attachments');
    const files = [...filesUnder(root)];
    const attachments = { files: 0, bytes: 0 };
    if (files.length > 0) options.progress?.start(files.length, '备份附件');
    for (const rel of files) {
      writer.record('F', JSON.stringify({ path: rel }));
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of fs.createReadStream(path.join(root, rel), { highWaterMark: RECORD_BYTES })) {
        writer.record('D', chunk as Buffer);
        hash.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      writer.record('E', JSON.stringify({ size, sha256: hash.digest('hex') }));
      attachments.files++;
      attachments.bytes += size;
      options.progress?.update(attachments.files);
    }
    options.progress?.stop();
    const manifest: Manifest = { format: 'fazhi-backup/2', createdAt: new Date().toISOString(), ...snapshot, attachments };
    writer.record('M', JSON.stringify(source.kind === 'passphrase' ? { ...manifest, masterKey: masterKeyOf(p.config.dataDir, p.config.masterKey).toString('hex') } : manifest));
    writer.finish();
    return manifest;
  } catch (err) {
    options.progress?.stop();
    writer.abort();
    throw err;
  }
}

const safeAttachmentPath = (rel: string) => /^[0-9a-zA-Z._-]+(\/[0-9a-zA-Z._-]+)*$/.test(rel) && !rel.split('/').includes('..');

/**
 * First pass over the file: every record decrypted, every table's rows digested and every attachment hashed, the
 * closing MAC checked — and only then the manifest trusted. Nothing is written here.
 */
async function inspect(file: string, source: (kind: KeySource['kind']) => KeySource, progress: (bytes: number) => void): Promise<Manifest> {
  const seen: Record<string, TableSummary> = {};
  let table: { name: string; hash: ReturnType<typeof createHash>; rows: number } | null = null;
  let attachment: { hash: ReturnType<typeof createHash>; size: number } | null = null;
  let manifest: Manifest | null = null;
  const closeTable = () => {
    if (table) seen[table.name] = { rows: table.rows, sm3: table.hash.digest('hex') };
    table = null;
  };
  const bad = (why: string) => new AppError('BACKUP_INVALID', `备份文件内容不一致（${why}），未恢复任何数据`);
  for await (const { type, payload } of readBackup(file, source, progress)) {
    if (manifest) throw bad('清单之后还有记录');
    if (type === 'T') {
      closeTable();
      table = { name: (JSON.parse(payload.toString('utf8')) as { table: string }).table, hash: createHash('sm3'), rows: 0 };
    } else if (type === 'R') {
      if (!table) throw bad('数据行不属于任何表');
      const rows = payload.toString('utf8').split('\n');
      for (const row of rows) (table as { hash: ReturnType<typeof createHash> }).hash.update(`${row}\n`);
      (table as { rows: number }).rows += rows.length;
    } else if (type === 'F') {
      closeTable();
      const rel = (JSON.parse(payload.toString('utf8')) as { path: string }).path;
      if (!safeAttachmentPath(rel)) throw bad(`附件路径不正确：${rel}`);
      attachment = { hash: createHash('sha256'), size: 0 };
    } else if (type === 'D') {
      if (!attachment) throw bad('附件数据不属于任何附件');
      attachment.hash.update(payload);
      attachment.size += payload.length;
    } else if (type === 'E') {
      const end = JSON.parse(payload.toString('utf8')) as { size: number; sha256: string };
      if (!attachment || attachment.size !== end.size || attachment.hash.digest('hex') !== end.sha256) throw bad('附件内容与其校验值不符');
      attachment = null;
    } else if (type === 'M') {
      closeTable();
      manifest = JSON.parse(payload.toString('utf8')) as Manifest;
    } else {
      throw bad(`未知的记录类型 ${type}`);
    }
  }
  if (!manifest) throw bad('缺少清单');
  const m = manifest as Manifest;
  for (const [name, t] of Object.entries(m.tables)) {
    const got = seen[name];
    if (!got || got.rows !== t.rows || got.sm3 !== t.sm3) throw bad(`数据表 ${name} 的行数或 SM3 摘要与清单不符`);
  }
  if (Object.keys(seen).length !== Object.keys(m.tables).length) throw bad('数据表与清单不符');
  return m;
}

export async function restore(p: Platform, file: string, options: BackupOptions = {}): Promise<Manifest> {
  // A new instance holds only what migrations seed (default dictionaries, the law catalog): no unit, user or audit entry.
  for (const table of ['org_units', 'users', 'audit_log']) {
    const n = await repo.countRows(p.db, table);
    if (n > 0) throw new AppError('RESTORE_NOT_EMPTY', `目标数据库不是空的（${table} 已有 ${n} 行）：只能恢复到新的空实例，未做任何改动`);
  }
  const source = (kind: KeySource['kind']): KeySource => {
    if (kind === 'master-key') return keySource(p, undefined);
    if (options.passphrase === undefined) throw new AppError('BACKUP_KEY_WRONG', '该备份用口令加密：请用 --passphrase 或 FAZHI_BACKUP_PASSPHRASE 给出备份时的口令');
    return { kind, passphrase: options.passphrase };
  };
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  options.progress?.start(size, '校验备份文件（字节）');
  const manifest = await inspect(file, source, (bytes) => options.progress?.update(bytes)).finally(() => options.progress?.stop());

  const here = await repo.appliedMigrations(p.db);
  const unknown = manifest.migrations.filter((m) => !here.includes(m));
  if (unknown.length > 0) throw new AppError('BACKUP_VERSION', `备份来自更新版本的 fazhi（迁移 ${unknown.join(', ')}），请先升级后再恢复`);
  let newMaster: Buffer | null = null;
  if (manifest.masterKey) {
    const carried = Buffer.from(manifest.masterKey, 'hex');
    if (!carried.equals(masterKeyOf(p.config.dataDir, p.config.masterKey))) {
      if (p.config.masterKey) {
        throw new AppError(
          'BACKUP_KEY_WRONG',
          '备份带有它自己的主密钥，而本实例的主密钥由 FAZHI_MASTER_KEY 指定：请去掉 FAZHI_MASTER_KEY 后恢复（主密钥将写入 data/keys/master.key）',
        );
      }
      newMaster = carried;
    }
  }

  const dataDir = p.config.dataDir;
  const staging = path.join(dataDir, `attachments.restoring-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  options.progress?.start(size, '写入数据库（字节）');
  try {
    await p.db.transaction().execute(async (trx) => {
      await utc(trx);
      const present = new Set(await repo.tablesInDependencyOrder(trx));
      const order = Object.keys(manifest.tables);
      const missing = order.filter((t) => !present.has(t));
      if (missing.length > 0) throw new AppError('BACKUP_VERSION', `本实例没有备份中的数据表 ${missing.join(', ')}`);
      // The backup carries the seeded reference data as it stood, edits included: it replaces the fresh copy.
      for (const table of [...order].reverse()) await repo.deleteRows(trx, table);
      const shapesHere = await repo.shapesOf(trx);
      const shapes = new Map<string, repo.TableShape>();
      let current: { table: string; columns: string[]; shape: repo.TableShape } | null = null;
      let out: number | null = null;
      for await (const { type, payload } of readBackup(file, source, (bytes) => options.progress?.update(bytes))) {
        if (type === 'T') {
          const { table, columns } = JSON.parse(payload.toString('utf8')) as { table: string; columns: string[] };
          const shape = shapesHere.get(table);
          if (!shape) throw new AppError('BACKUP_VERSION', `本实例没有备份中的数据表 ${table}`);
          shapes.set(table, shape);
          current = { table, columns, shape };
        } else if (type === 'R' && current) {
          await repo.insertRows(trx, current.table, current.columns, current.shape, payload.toString('utf8').split('\n'));
        } else if (type === 'F') {
          const target = path.join(staging, (JSON.parse(payload.toString('utf8')) as { path: string }).path);
          fs.mkdirSync(path.dirname(target), { recursive: true });
          out = fs.openSync(target, 'w', 0o600);
        } else if (type === 'D' && out !== null) {
          fs.writeSync(out, payload);
        } else if (type === 'E' && out !== null) {
          fs.closeSync(out);
          out = null;
        }
      }
      // readBackup has checked the closing MAC again here: the file cannot have changed since the first pass.
      for (const [table, shape] of shapes) {
        await repo.linkSelfReferences(trx, table, shape);
        await repo.resetSequences(trx, table, shape);
      }
      // Before committing, read everything back: a table whose columns are those of the backup must match it exactly.
      const now = await digestTables(trx, order);
      for (const [table, t] of Object.entries(manifest.tables)) {
        const got = now[table] as TableSummary;
        const sameShape = (shapes.get(table)?.columns ?? []).join() === t.columns.join();
        if (got.rows !== t.rows || (sameShape && got.sm3 !== t.sm3)) {
          throw new AppError('BACKUP_INVALID', `恢复后数据表 ${table} 与备份不符（${got.rows}/${t.rows} 行），已撤销恢复，未做任何改动`);
        }
      }
    });
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  } finally {
    options.progress?.stop();
  }

  const attachments = path.join(dataDir, 'attachments');
  for (const rel of filesUnder(staging)) {
    fs.mkdirSync(path.dirname(path.join(attachments, rel)), { recursive: true });
    fs.renameSync(path.join(staging, rel), path.join(attachments, rel));
  }
  fs.rmSync(staging, { recursive: true, force: true });
  if (newMaster) {
    const keyFile = masterKeyFile(dataDir);
    fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    if (fs.existsSync(keyFile)) fs.renameSync(keyFile, `${keyFile}.before-restore-${Date.now()}`);
    fs.writeFileSync(keyFile, newMaster.toString('hex'), { mode: 0o600 });
    p.keys = keysFrom(newMaster);
  }
  // The chain's head goes with the snapshot; a head file left from an earlier life of this data dir is replaced.
  fs.rmSync(path.join(dataDir, 'audit-head.json'), { force: true });
  p.audit = new AuditTrail(p.keys, dataDir);
  if (manifest.auditHead) p.audit.committed(manifest.auditHead);
  return manifest;
}
