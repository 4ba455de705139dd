import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';

const ConfigSchema = Type.Object({
  port: Type.Integer({ minimum: 0, maximum: 65535 }),
  host: Type.String({ minLength: 1 }),
  dataDir: Type.String({ minLength: 1 }),
  databaseUrl: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  adminPassword: Type.Optional(Type.String()),
  masterKey: Type.Optional(Type.String({ pattern: '^[0-9a-fA-F]{64}$' })),
  secureCookies: Type.Boolean(),
  logLevel: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'), Type.Literal('debug'), Type.Literal('silent')]),
  idleMinutes: Type.Integer({ minimum: 1 }),
  maxUploadBytes: Type.Integer({ minimum: 1 }),
});
export type Config = Static<typeof ConfigSchema>;

/** Reads the environment once at boot; a wrong value stops the process with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const config = {
    port: env.PORT === undefined ? 3000 : Number(env.PORT),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.FAZHI_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.FAZHI_ADMIN_PASSWORD || undefined,
    masterKey: env.FAZHI_MASTER_KEY || undefined,
    secureCookies: env.FAZHI_SECURE_COOKIES === '1',
    logLevel: (env.LOG_LEVEL ?? 'info') as Config['logLevel'],
    idleMinutes: 30,
    maxUploadBytes: 20 * 1024 * 1024,
    ...overrides,
  };
  const errors = [...Value.Errors(ConfigSchema, config)];
  if (errors.length > 0) {
    const names: Record<string, string> = {
      port: 'PORT',
      host: 'HOST',
      dataDir: 'FAZHI_DATA_DIR',
      databaseUrl: 'DATABASE_URL',
      masterKey: 'FAZHI_MASTER_KEY (64 hex)',
      logLevel: 'LOG_LEVEL',
    };
    const list = errors.map((e) => names[e.instancePath.slice(1)] ?? e.instancePath).join(', ');
    throw new Error(`配置错误 (invalid configuration): ${list}`);
  }
  return config;
}

export const randomPassword = (): string => `Fz-${randomBytes(9).toString('base64url')}7a`;
