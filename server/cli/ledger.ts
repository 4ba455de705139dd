import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { LedgerImportMode } from '../../domain/platform/ledger.ts';
import { type Role, roles } from '../../domain/platform/roles.ts';
import { AppError } from '../errors.ts';
import type { Ctx, Platform } from '../platform/context.ts';
import { exportLedger, importLedger, type Progress } from '../platform/ledger/engine.ts';
import { ledgerKind, ledgerKinds } from '../platform/ledger/kinds.ts';
import { log, openPlatform } from './runtime.ts';

/** A command failed: a Chinese message for the clerk, an English code for scripts, a non-zero exit. */
export class CliError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const phaseLabel: Record<Progress['phase'], string> = { check: '检查', write: '写入', end: '完成' };

/**
 * The operator at the console acts at one org unit (`--org`, default the root), named in the audit trail as the
 * command line and attributed to a user (`--user`, default admin) for the records' "registered by". Importing holds
 * every role there (as an administrator loading a town's ledgers would); exporting reads as a supervisor does —
 * identifiers masked.
 */
export async function consoleCtx(p: Platform, o: { org?: string; user?: string }, rolesHeld: readonly Role[]): Promise<Ctx> {
  const unit = o.org
    ? await p.db
        .selectFrom('org_units')
        .select(['id', 'name', 'path'])
        .where('voided_at', 'is', null)
        .where((eb) => (/^\d+$/.test(o.org as string) ? eb('id', '=', Number(o.org)) : eb('name', '=', o.org as string)))
        .executeTakeFirst()
    : await p.db.selectFrom('org_units').select(['id', 'name', 'path']).where('parent_id', 'is', null).where('voided_at', 'is', null).orderBy('id').executeTakeFirst();
  if (!unit) throw new CliError('ORG_NOT_FOUND', `找不到单位「${o.org ?? '(根单位)'}」：请用单位名称或编号`);
  const username = o.user ?? 'admin';
  const user = await p.db.selectFrom('users').select(['id', 'username']).where('username', '=', username).executeTakeFirst();
  if (!user) throw new CliError('USER_NOT_FOUND', `找不到用户「${username}」`);
  return {
    ...p,
    ip: '127.0.0.1',
    actor: {
      userId: user.id,
      username: user.username,
      displayName: `命令行 (${process.env.USER ?? 'operator'}，以 ${user.username} 名义)`,
      orgUnitId: unit.id,
      mustChangePassword: false,
      grants: rolesHeld.map((role) => ({ role, orgUnitId: unit.id, path: unit.path })),
      sessionId: '',
      csrfToken: '',
    },
  };
}

/** Runs one command on an opened platform; any failure prints 错误 + code and exits 1. */
async function run(work: (p: Platform) => Promise<number>): Promise<void> {
  let code = 1;
  try {
    const { platform, database } = await openPlatform();
    try {
      code = await work(platform);
    } finally {
      await database.close();
    }
  } catch (err) {
    if (err instanceof AppError || err instanceof CliError) {
      console.error(`[fazhi] 错误（${err.code}）：${err.message}`);
      const details = err instanceof AppError && Array.isArray(err.details) ? (err.details as { sheet?: string; row?: number; column?: string; message?: string }[]) : [];
      for (const d of details.slice(0, 20)) console.error(`  ${d.sheet ? `${d.sheet} ` : ''}${d.row ? `第${d.row}行 ` : ''}${d.column ? `「${d.column}」` : ''}${d.message ?? ''}`);
    } else {
      console.error(`[fazhi] 错误（INTERNAL）：${err instanceof Error ? err.message : String(err)}`);
    }
    code = 1;
  }
  process.exit(code);
}

const kindsHelp = () => ledgerKinds.map((k) => `${k.id}（${k.title}）`).join('、');

/** `fazhi import` and `fazhi export`: the same ledger engine as the web pages, from the console. */
export function registerLedgerCommands(program: Command): void {
  program
    .command('import <kind> <file>')
    .description(`导入台账 .xlsx（逐行检查；默认全部无误才写入）。种类：${kindsHelp()}`)
    .option('--mode <mode>', 'all：全部无误才写入；good：只导入无误的行，错误行另存为 <file>.错误.xlsx', 'all')
    .option('--org <name-or-id>', '以哪个单位的身份导入（默认根单位）')
    .option('--user <username>', '记录为哪位用户登记（默认 admin）')
    .action((kindId: string, file: string, o: { mode: string; org?: string; user?: string }) =>
      run(async (p) => {
        if (o.mode !== 'all' && o.mode !== 'good') throw new CliError('BAD_MODE', `导入方式不正确：${o.mode}（all | good）`);
        if (!fs.existsSync(file)) throw new CliError('FILE_NOT_FOUND', `文件不存在：${file}`);
        const kind = ledgerKind(kindId);
        const ctx = await consoleCtx(p, o, roles);
        const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% | {rows} 行', hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(100, 0, { phase: phaseLabel.check, rows: 0 });
        const { result, errorFile } = await importLedger(ctx, kind, file, {
          mode: o.mode as LedgerImportMode,
          filename: path.basename(file),
          onProgress: (pr) => bar.update(pr.percent, { phase: phaseLabel[pr.phase], rows: pr.rowsRead }),
        }).finally(() => bar.stop());
        for (const pr of result.problems.slice(0, 50)) console.error(`  ${pr.sheet} 第${pr.row}行${pr.column ? `「${pr.column}」` : ''}：${pr.message}`);
        if (result.problems.length > 50 || result.moreProblems) console.error(`  …… 共 ${result.problems.length + result.moreProblems} 处问题`);
        if (result.outcome === 'rejected') {
          console.error(`[fazhi] 错误（LEDGER_ROWS_INVALID）：台账有 ${result.failed} 行有错误，未导入任何数据（可用 --mode good 只导入无误的行）`);
          return 1;
        }
        if (errorFile) {
          const out = `${file.replace(/\.xlsx$/i, '')}.错误.xlsx`;
          fs.writeFileSync(out, errorFile);
          log(`未导入的 ${result.failed} 行及错误说明：${out}`);
        }
        log(`${kind.title}：读取 ${result.rows} 行，新增 ${result.created}，已存在跳过 ${result.skipped}，有错误 ${result.failed}`);
        return 0;
      }),
    );
  program
    .command('export <kind>')
    .description(`导出台账 .xlsx（个人身份信息脱敏）。种类：${kindsHelp()}`)
    .option('--org <name-or-id>', '单位（导出其下全部记录；默认根单位）')
    .option('--year <yyyy>', '年度')
    .requiredOption('--out <file>', '输出文件 .xlsx')
    .action((kindId: string, o: { org?: string; year?: string; out: string }) =>
      run(async (p) => {
        const kind = ledgerKind(kindId);
        const year = o.year === undefined ? undefined : Number(o.year);
        if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new CliError('BAD_YEAR', `年度不正确：${o.year}`);
        const ctx = await consoleCtx(p, o, ['supervisor']);
        const { buffer, rows } = await exportLedger(ctx, kind, year === undefined ? {} : { year });
        fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
        fs.writeFileSync(o.out, buffer);
        log(`已导出 ${kind.title} ${rows} 条：${o.out}`);
        return 0;
      }),
    );
}
