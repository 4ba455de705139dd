import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { startEmbeddedServer } from './embedded.ts';
import type { DB } from './schema.ts';

// Business dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the process time zone);
// bigint ids and counts fit in a double at any size this platform reaches.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export type Database = {
  db: Kysely<DB>;
  kind: 'embedded' | 'external';
  url: string;
  close: () => Promise<void>;
};

export function kyselyFor(url: string, max = 10): Kysely<DB> {
  const pool = new pg.Pool({ connectionString: url, max, options: '-c timezone=UTC' });
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

/** The database named in DATABASE_URL, or the embedded server under the data dir with its `fazhi` database. */
export async function openDatabase(config: Config, log: (m: string) => void): Promise<Database> {
  if (config.databaseUrl) {
    const db = kyselyFor(config.databaseUrl);
    return { db, kind: 'external', url: config.databaseUrl, close: () => db.destroy() };
  }
  const server = await startEmbeddedServer(config.dataDir, log);
  const url = await ensureDatabase(server.url, 'fazhi');
  const db = kyselyFor(url);
  return {
    db,
    kind: 'embedded',
    url,
    close: async () => {
      await db.destroy();
      await server.stop();
    },
  };
}

/** Creates `name` on the server of `serverUrl` when missing; returns the URL of that database. */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const from = template ? ` template ${client.escapeIdentifier(template)}` : '';
      await client.query(`create database ${client.escapeIdentifier(name)}${from} encoding 'UTF8'`);
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
