import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { LedgerImportMode } from '../../domain/platform/ledger.ts';
import { roles } from '../../domain/platform/roles.ts';
import { AppError } from '../errors.ts';
import { type Progress as EngineProgress, exportList, importLedger } from '../platform/ledger/engine.ts';
import { ledgerKind, ledgerKinds, listExport, listExports } from '../platform/ledger/kinds.ts';
import { consoleCtx } from './operator.ts';
import { progressBar } from './progress.ts';
import { log, withPlatform } from './runtime.ts';

const phaseLabel: Record<EngineProgress['phase'], string> = { check: '检查', write: '写入', end: '完成' };

const kindsHelp = (kinds: readonly { id: string; title: string }[]) => kinds.map((k) => `${k.id}（${k.title}）`).join('、');

/** `fazhi import` and `fazhi export`: the same ledger engine as the web pages, from the console. */
export function registerLedgerCommands(program: Command): void {
  program
    .command('import <kind> <file>')
    .description(`导入台账 .xlsx（逐行检查；默认全部无误才写入）。种类：${kindsHelp(ledgerKinds)}`)
    .option('--mode <mode>', 'all：全部无误才写入；good：只导入无误的行，错误行另存为 <file>.错误.xlsx', 'all')
    .option('--org <name-or-id>', '以哪个单位的身份导入（默认根单位）')
    .option('--user <username>', '记录为哪位用户登记（默认 admin）')
    .action((kindId: string, file: string, o: { mode: string; org?: string; user?: string }) =>
      withPlatform(async (p) => {
        if (o.mode !== 'all' && o.mode !== 'good') throw new AppError('CLI_USAGE', `导入方式不正确：${o.mode}（all | good）`);
        if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `文件不存在：${file}`);
        const kind = ledgerKind(kindId);
        const ctx = await consoleCtx(p, o, roles);
        const bar = progressBar();
        bar.start(100, '导入');
        const { result, errorFile } = await importLedger(ctx, kind, file, {
          mode: o.mode as LedgerImportMode,
          filename: path.basename(file),
          onProgress: (pr) => bar.update(pr.percent, `${phaseLabel[pr.phase]} ${pr.rowsRead} 行`),
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
    .description(`导出台账或列表 .xlsx（个人身份信息脱敏）。种类：${kindsHelp(listExports)}`)
    .option('--org <name-or-id>', '单位（导出其下全部记录；默认根单位）')
    .option('--year <yyyy>', '年度')
    .requiredOption('--out <file>', '输出文件 .xlsx')
    .action((kindId: string, o: { org?: string; year?: string; out: string }) =>
      withPlatform(async (p) => {
        const kind = listExport(kindId);
        const year = o.year === undefined ? undefined : Number(o.year);
        if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) throw new AppError('CLI_USAGE', `年度不正确：${o.year}`);
        const ctx = await consoleCtx(p, o, ['supervisor']);
        const { buffer, rows } = await exportList(ctx, kind, year === undefined ? {} : { year });
        fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
        fs.writeFileSync(o.out, buffer);
        log(`已导出 ${kind.title} ${rows} 条：${o.out}`);
        return 0;
      }),
    );
}
