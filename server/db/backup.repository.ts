import { type Kysely, sql } from 'kysely';

/** Application tables in an order where every foreign key points to a table listed earlier. */
export async function tablesInDependencyOrder(db: Kysely<any>): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'schema_migrations%'`.execute(db);
  const { rows: deps } = await sql<{ child: string; parent: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c where c.contype = 'f' and c.conrelid <> c.confrelid`.execute(db);
  const ordered: string[] = [];
  const pending = new Set(tables.map((t) => t.name));
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => deps.every((d) => d.child !== t || !pending.has(d.parent))).sort();
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${[...pending].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Rows of a table as JSON, in id order, a batch at a time. */
export async function* rowsOf(db: Kysely<any>, table: string, batch = 2000): AsyncGenerator<unknown[]> {
  for (let last = -1; ; ) {
    const { rows } = await sql<{ row: { id: number } }>`select to_jsonb(t) as row from ${sql.table(table)} t where id > ${last} order by id limit ${batch}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map((r) => r.row);
    last = Number(rows[rows.length - 1]?.row.id);
  }
}

export async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Inserts rows exactly as dumped (ids included); PostgreSQL casts each JSON field to the column's type. */
export async function insertRows(db: Kysely<any>, table: string, rows: unknown[]): Promise<void> {
  await sql`insert into ${sql.table(table)} select * from jsonb_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::jsonb)`.execute(db);
}

export async function resetIdentity(db: Kysely<any>, table: string): Promise<void> {
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(db);
}

export async function deleteRows(db: Kysely<any>, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}
