import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

// Bookkeeping that legitimately moves on any request: session touches, the audit trail (denied requests and exports
// are audited on purpose), the migration table, and an enforcement case's timeline (全过程记录: printing a document or
// exporting the case file is itself a recorded step, chained into the case's head — and nothing else on the case moves).
const BOOKKEEPING = new Set(['sessions', 'audit_log', 'data_versions', 'schema_migrations', 'schema_migrations_lock', 'enforcement_case_events']);
const bookkeepingColumns: Record<string, string[]> = { enforcement_cases: ['chain_head', 'chain_length'] };

/** One md5 per business table over all its rows: two equal digests mean no row was added, removed or changed. */
export async function dbDigest(db: Kysely<DB>): Promise<Record<string, string>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Record<string, string> = {};
  for (const { table_name } of rows) {
    if (BOOKKEEPING.has(table_name)) continue;
    const row = sql`(to_jsonb(t) - ${bookkeepingColumns[table_name] ?? []}::text[])::text`;
    const r = await sql<{ d: string | null; n: number }>`select md5(string_agg(${row}, '|' order by ${row})) as d, count(*)::int as n from ${sql.table(table_name)} t`.execute(db);
    out[table_name] = `${r.rows[0]?.n}:${r.rows[0]?.d ?? ''}`;
  }
  return out;
}

/** The tables whose digest differs. */
export const changedTables = (before: Record<string, string>, after: Record<string, string>): string[] =>
  Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
