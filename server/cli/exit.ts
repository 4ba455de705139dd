import { CommanderError } from 'commander';
import { AppError, defaultMessage } from '../errors.ts';

export type Failure = { code: string; message: string; exitCode: number };

// commander's own codes (its messages are English): what the operator typed wrong, said in Chinese.
const usage: Record<string, string> = {
  'commander.unknownCommand': '没有这个命令',
  'commander.unknownOption': '没有这个选项',
  'commander.missingArgument': '缺少参数',
  'commander.optionMissingArgument': '选项缺少取值',
  'commander.missingMandatoryOptionValue': '缺少必需的选项',
  'commander.excessArguments': '参数过多',
  'commander.invalidArgument': '参数取值不正确',
};
const database = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000', '57P03']);

// A form field (field) or a ledger cell (sheet, row, column) the message is about.
type Detail = { field?: string; sheet?: string; row?: number; column?: string; message?: string };
const whereOf = (d: Detail): string => (d.field ? `${d.field}: ` : `${d.sheet ? `${d.sheet} ` : ''}${d.row ? `第${d.row}行 ` : ''}${d.column ? `「${d.column}」` : ''}`);

/**
 * The one place where a failed command becomes its exit: a Chinese message, an English code, a non-zero status
 * (2 for a mistyped command line, 1 otherwise). Help and version output exit 0.
 */
export function failureOf(err: unknown): Failure {
  if (err instanceof AppError) {
    const details = Array.isArray(err.details) ? (err.details as Detail[]).filter((d) => d.message) : [];
    const extra = details.map((d) => `${whereOf(d)}${d.message}`).join('；');
    return { code: err.code, message: extra ? `${err.message}（${extra}）` : err.message, exitCode: 1 };
  }
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) return { code: 'OK', message: '', exitCode: 0 };
    const english = err.message.replace(/^error: /, '');
    return { code: 'CLI_USAGE', message: `${usage[err.code] ?? defaultMessage('CLI_USAGE')}：${english}（fazhi --help 查看用法）`, exitCode: 2 };
  }
  const code = (err as { code?: unknown } | null)?.code;
  const text = err instanceof Error ? err.message || String(code ?? '') : String(err);
  if (typeof code === 'string' && database.has(code)) {
    return { code: 'DATABASE_UNAVAILABLE', message: `${defaultMessage('DATABASE_UNAVAILABLE')}（检查 DATABASE_URL 或内置数据库）：${text}`, exitCode: 1 };
  }
  return { code: 'INTERNAL', message: text || defaultMessage('INTERNAL'), exitCode: 1 };
}

export function exitWith(err: unknown): never {
  const failure = failureOf(err);
  if (failure.exitCode !== 0) console.error(`[fazhi] 错误（${failure.code}）：${failure.message}`);
  process.exit(failure.exitCode);
}
