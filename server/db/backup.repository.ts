import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;
const any = (db: Db) => db as unknown as Kysely<any>;

/** Application tables in an order where every foreign key points to a table listed earlier (self-references aside). */
export async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'schema_migrations%'`.execute(any(db));
  const { rows: deps } = await sql<{ child: string; parent: string }>`
    select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace
    where n.nspname = 'public' and c.contype = 'f' and c.conrelid <> c.confrelid`.execute(any(db));
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

export async function appliedMigrations(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from schema_migrations order by name`.execute(any(db));
  return rows.map((r) => r.name);
}

export type TableShape = {
  columns: string[];
  /** Primary-key columns: rows are read (and digested) in this order. */
  key: string[];
  /** Columns with a foreign key to the same table: a row may point at one with a higher id. */
  selfReferences: string[];
  /** Columns fed by a sequence (identity or serial). */
  sequenced: string[];
};

/** The shape of every table in the public schema, from the catalog in three queries. */
export async function shapesOf(db: Db): Promise<Map<string, TableShape>> {
  const { rows: columns } = await sql<{ table: string; name: string; sequenced: boolean }>`
    select c.relname as table, a.attname as name, (a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '') like 'nextval(%') as sequenced
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(any(db));
  const { rows: keys } = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name from pg_index i
    join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where n.nspname = 'public' and i.indisprimary order by c.relname, array_position(i.indkey, a.attnum)`.execute(any(db));
  const { rows: self } = await sql<{ table: string; name: string }>`
    select c.relname as table, a.attname as name from pg_constraint k
    join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
    where n.nspname = 'public' and k.contype = 'f' and k.confrelid = k.conrelid`.execute(any(db));
  const shapes = new Map<string, TableShape>();
  const shape = (table: string) => {
    const known = shapes.get(table);
    if (known) return known;
    const fresh: TableShape = { columns: [], key: [], selfReferences: [], sequenced: [] };
    shapes.set(table, fresh);
    return fresh;
  };
  for (const c of columns) {
    shape(c.table).columns.push(c.name);
    if (c.sequenced) shape(c.table).sequenced.push(c.name);
  }
  for (const k of keys) shape(k.table).key.push(k.name);
  for (const r of self) shape(r.table).selfReferences.push(r.name);
  return shapes;
}

export async function countRows(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int8 as n from ${sql.table(table)}`.execute(any(db));
  return Number(rows[0]?.n ?? 0);
}

/**
 * Every row of a table as the text of its jsonb form, in primary-key order, a batch at a time, through a cursor: the
 * caller's transaction (and so its snapshot) is the one read. jsonb text is canonical (keys sorted, one spelling per
 * value), so the same rows give the same text on any server — what the backup's per-table digests are taken over.
 */
export async function* rowTexts(trx: Transaction<DB>, table: string, shape: TableShape, batch = 2000): AsyncGenerator<string[]> {
  const order = shape.key.length > 0 ? sql.join(shape.key.map((k) => sql.ref(`t.${k}`))) : sql`1`;
  const cursor = sql.id(`fazhi_rows_${table}`);
  await sql`declare ${cursor} no scroll cursor for select to_jsonb(t)::text as row from ${sql.table(table)} t order by ${order}`.execute(any(trx));
  try {
    for (;;) {
      const { rows } = await sql<{ row: string }>`fetch ${sql.raw(String(batch))} from ${cursor}`.execute(any(trx));
      if (rows.length === 0) return;
      yield rows.map((r) => r.row);
    }
  } finally {
    await sql`close ${cursor}`.execute(any(trx));
  }
}

/**
 * Inserts rows exactly as dumped (ids included); PostgreSQL casts each JSON field to the column's type. Only the
 * backup's columns are named, so a column added by a later migration takes its default. Self-references are left
 * empty here and set by linkSelfReferences once the whole table is in (a row may point at a later one).
 */
export async function insertRows(trx: Transaction<DB>, table: string, columns: string[], shape: TableShape, rows: string[]): Promise<void> {
  const present = columns.filter((c) => shape.columns.includes(c));
  const values = present.map((c) => (shape.selfReferences.includes(c) ? sql`null` : sql.ref(`r.${c}`)));
  const json = `[${rows.join(',')}]`;
  await sql`insert into ${sql.table(table)} (${sql.join(present.map((c) => sql.id(c)))}) overriding system value
    select ${sql.join(values)} from jsonb_populate_recordset(null::${sql.table(table)}, ${json}::jsonb) r`.execute(any(trx));
  if (shape.selfReferences.length > 0) {
    await sql`create temp table if not exists fazhi_restore_links (tbl text not null, row jsonb not null) on commit drop`.execute(any(trx));
    await sql`insert into fazhi_restore_links select ${table}, value from jsonb_array_elements(${json}::jsonb)`.execute(any(trx));
  }
}

export async function linkSelfReferences(trx: Transaction<DB>, table: string, shape: TableShape): Promise<void> {
  if (shape.selfReferences.length === 0) return;
  if (shape.key.length !== 1) throw new Error(`${table}: self-references need a one-column primary key`);
  const key = shape.key[0] as string;
  await sql`update ${sql.table(table)} t set ${sql.join(shape.selfReferences.map((c) => sql`${sql.id(c)} = r.${sql.id(c)}`))}
    from (select (jsonb_populate_record(null::${sql.table(table)}, row)).* from fazhi_restore_links where tbl = ${table}) r
    where t.${sql.id(key)} = r.${sql.id(key)}`.execute(any(trx));
}

/** Sequences continue after the restored values, so the next insert gets a fresh id. */
export async function resetSequences(trx: Transaction<DB>, table: string, shape: TableShape): Promise<void> {
  for (const column of shape.sequenced) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce((select max(${sql.id(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(any(trx));
  }
}

export async function deleteRows(trx: Transaction<DB>, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(any(trx));
}

/** The audit chain's last link as this transaction sees it: the head that goes with a snapshot. */
export async function auditHead(db: Db): Promise<{ id: number; hash: string } | null> {
  const { rows } = await sql<{ id: number; hash: string }>`select id, hash from audit_log order by id desc limit 1`.execute(any(db));
  const row = rows[0];
  return row ? { id: Number(row.id), hash: row.hash } : null;
}
