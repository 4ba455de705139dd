/**
 * 100,000-row ledger import, through the same engine as the web page and the CLI, into a fresh database (an embedded
 * PostgreSQL in a temp dir, or a new database on the server of DATABASE_URL). Prints
 *   ledger-import rows/s: N
 *   ledger-import peak RSS MB: N
 * The workbook is generated in a child process first, so the peak is the import's own (app + engine), not the
 * generator's. Targets: ≥ 10,000 rows/s, peak RSS ≤ 300 MB. Run: node bench/ledger-import.ts [rows]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { roles } from '../domain/platform/roles.ts';
import { consoleCtx } from '../server/cli/operator.ts';
import { openPlatform } from '../server/cli/runtime.ts';
import { type Config, loadConfig } from '../server/config.ts';
import { ensureDatabase } from '../server/db/client.ts';
import { initialiseIfEmpty } from '../server/db/demo/load.ts';
import { startEmbeddedServer } from '../server/db/embedded.ts';
import { importLedger } from '../server/platform/ledger/engine.ts';
import { ledgerKind } from '../server/platform/ledger/kinds.ts';

const KINDS = ['讲座', '法律咨询', '宣传日活动', '开学第一课', '文艺演出', '线上/短视频'];
const AUDIENCES = ['学生', '村民', '干部', '企业', '社会公众'];
const PLACES = ['四棵树镇', '四棵树村', '吉尔格勒特村'];

/** Streams a 普法活动 ledger of `rows` rows to `file`, as a clerk's Excel would hold it (shared strings, real dates). */
async function generate(file: string, rows: number) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('普法活动');
  ws.addRow(['所属单位', '活动名称', '活动形式', '活动日期', '地点', '组织单位', '对象群体', '宣传资料', '发放数量（份）', '受众人数', '接受咨询（人次）', '活动情况']).commit();
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2020, 0, 1) + (i % 1500) * 86_400_000);
    ws.addRow([
      PLACES[i % PLACES.length],
      `普法宣传活动第${i + 1}场`,
      KINDS[i % KINDS.length],
      day,
      `活动地点${i % 37}`,
      '四棵树镇司法所',
      AUDIENCES[i % AUDIENCES.length],
      '宣传册、法治挂历',
      (i % 300) + 20,
      (i % 500) + 10,
      i % 17,
      '设咨询台，发放资料，现场答疑。',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Migrates the fresh database and loads the demo town (units, users, dictionaries) — in a child, like generating. */
async function prepare(config: Config) {
  const { platform, database } = await openPlatform(config);
  await initialiseIfEmpty(platform, true);
  await database.close();
}

async function main() {
  if (process.argv[2] === '--generate') return generate(process.argv[3] as string, Number(process.argv[4]));
  if (process.argv[2] === '--prepare') return prepare(JSON.parse(process.argv[3] as string) as Config);
  const rows = Number(process.argv[2] ?? 100_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-bench-ledger-'));
  const file = path.join(dir, 'ledger.xlsx');
  const gen = spawnSync(process.execPath, [import.meta.filename, '--generate', file, String(rows)], { stdio: 'inherit' });
  if (gen.status !== 0) throw new Error('generating the workbook failed');
  console.log(`workbook: ${rows} rows, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`);

  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedServer(path.join(dir, 'data'), () => {});
  const server = process.env.DATABASE_URL ?? (embedded as { url: string }).url;
  const name = `fazhi_bench_${randomBytes(4).toString('hex')}`;
  const url = await ensureDatabase(server, name);
  const config = loadConfig({}, { dataDir: path.join(dir, 'data'), databaseUrl: url, adminPassword: `Bench-${randomBytes(6).toString('hex')}1a`, logLevel: 'silent' });
  const prep = spawnSync(process.execPath, [import.meta.filename, '--prepare', JSON.stringify(config)], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (prep.status !== 0) throw new Error('preparing the database failed');
  const { platform, database } = await openPlatform(config);
  try {
    const ctx = await consoleCtx(platform, { org: '四棵树镇', user: 'sifasuo' }, roles);
    const before = process.memoryUsage.rss();
    console.log(`RSS before the import (platform opened): ${Math.round(before / 1024 / 1024)} MB`);
    let peak = before;
    let heapPeak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage.rss());
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }, 20);
    const started = performance.now();
    let lastPhase = '';
    // Where time goes: the kind's database calls, timed; the rest is reading and checking the workbook.
    const base = ledgerKind('publicity-events');
    const spent = { existing: 0, write: 0 };
    const timed =
      <A extends unknown[], R>(key: keyof typeof spent, f: (...a: A) => Promise<R>) =>
      async (...a: A) => {
        const t = performance.now();
        try {
          return await f(...a);
        } finally {
          spent[key] += performance.now() - t;
        }
      };
    const kind = { ...base, existing: timed('existing', base.existing), write: timed('write', base.write) };
    const { result } = await importLedger(ctx, kind, file, {
      mode: 'all',
      filename: 'ledger.xlsx',
      onProgress: (p) => {
        if (p.phase !== lastPhase) {
          console.log(`  ${p.phase} from ${((performance.now() - started) / 1000).toFixed(1)} s`);
          lastPhase = p.phase;
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage.rss());
    if (result.outcome !== 'imported' || result.created !== rows) throw new Error(`import incomplete: ${JSON.stringify({ ...result, problems: result.problems.slice(0, 5) })}`);
    console.log(
      `imported ${result.created} rows in ${seconds.toFixed(1)} s (existing-key queries ${(spent.existing / 1000).toFixed(1)} s, writes ${(spent.write / 1000).toFixed(1)} s)`,
    );
    console.log(`ledger-import rows/s: ${Math.round(rows / seconds)}`);
    console.log(`peak V8 heap used: ${Math.round(heapPeak / 1024 / 1024)} MB`);
    console.log(`ledger-import peak RSS MB: ${Math.round(peak / 1024 / 1024)}`);
  } finally {
    await database.close();
    await embedded?.stop();
    if (process.env.DATABASE_URL) {
      const { default: pg } = await import('pg');
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`drop database if exists ${client.escapeIdentifier(name)}`);
      await client.end();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
