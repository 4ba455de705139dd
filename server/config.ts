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
  /** Absolute session lifetime: a session ends this long after login however active it is. */
  sessionHours: Type.Number({ exclusiveMinimum: 0 }),
  /** Login attempts per client IP per minute, and API requests per signed-in user (or per IP without a session) per minute. */
  loginPerMinute: Type.Integer({ minimum: 1 }),
  apiPerMinute: Type.Integer({ minimum: 1 }),
  trustProxy: Type.Boolean(),
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
    sessionHours: 12,
    loginPerMinute: env.FAZHI_LOGIN_RATE === undefined ? 20 : Number(env.FAZHI_LOGIN_RATE),
    apiPerMinute: env.FAZHI_API_RATE === undefined ? 1200 : Number(env.FAZHI_API_RATE),
    trustProxy: env.FAZHI_TRUST_PROXY === '1',
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
      loginPerMinute: 'FAZHI_LOGIN_RATE',
      apiPerMinute: 'FAZHI_API_RATE',
    };
    const list = errors.map((e) => names[e.instancePath.slice(1)] ?? e.instancePath).join(', ');
    throw new Error(`配置错误 (invalid configuration): ${list}`);
  }
  return config;
}

export const randomPassword = (): string => `Fz-${randomBytes(9).toString('base64url')}7a`;
