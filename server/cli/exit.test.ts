import { CommanderError } from 'commander';
import { expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { failureOf } from './exit.ts';
import { cli } from './index.ts';

const parse = async (...args: string[]) => {
  try {
    await cli().parseAsync(['node', 'fazhi', ...args]);
    return null;
  } catch (err) {
    return err;
  }
};

it('maps every failure to a Chinese message, an English code and a non-zero exit', async () => {
  expect(failureOf(new AppError('RESTORE_NOT_EMPTY'))).toEqual({ code: 'RESTORE_NOT_EMPTY', message: '目标数据库不是空的，只能恢复到新的空实例', exitCode: 1 });
  expect(failureOf(new AppError('VALIDATION_FAILED', undefined, [{ field: 'username', message: '用户名不符合要求' }]))).toMatchObject({
    code: 'VALIDATION_FAILED',
    message: '输入有误，请检查后重试（username: 用户名不符合要求）',
  });
  expect(failureOf(new AppError('LEDGER_HEADER_MISSING', '台账缺少必填的列：名称', [{ sheet: '活动', row: 2, column: '名称', message: '缺少此列' }])).message).toBe(
    '台账缺少必填的列：名称（活动 第2行 「名称」缺少此列）',
  );
  expect(failureOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toMatchObject({
    code: 'DATABASE_UNAVAILABLE',
    message: expect.stringMatching(/^无法连接数据库/),
    exitCode: 1,
  });
  expect(failureOf(new Error('意外'))).toEqual({ code: 'INTERNAL', message: '意外', exitCode: 1 });
  // A mistyped command line is refused before any database is opened, with exit code 2.
  expect(failureOf(await parse('backup'))).toMatchObject({ code: 'CLI_USAGE', message: expect.stringMatching(/^缺少参数：.*'file'/), exitCode: 2 });
  expect(failureOf(await parse('user', 'create', 'x', '--name', '甲'))).toMatchObject({ code: 'CLI_USAGE', message: expect.stringMatching(/^缺少必需的选项/), exitCode: 2 });
  expect(failureOf(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toMatchObject({ exitCode: 0 });
});

it('fazhi --help lists every command with a Chinese description', () => {
  const program = cli();
  const help = program.helpInformation();
  for (const command of program.commands) {
    expect(help).toContain(command.name());
    expect(command.description(), command.name()).toMatch(/[\u4e00-\u9fff]/);
    for (const sub of command.commands) expect(sub.description(), `${command.name()} ${sub.name()}`).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(program.commands.map((c) => c.name())).toEqual(expect.arrayContaining(['serve', 'migrate', 'demo', 'backup', 'restore', 'user', 'report', 'verify-audit']));
  expect(program.commands.find((c) => c.name() === 'user')?.commands.map((c) => c.name())).toEqual(['create', 'reset-password', 'unlock', 'list']);
  expect(help).toMatch(/^用法：/);
});
