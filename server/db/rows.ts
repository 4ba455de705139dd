import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import type { Page, PageQuery } from '../../domain/platform/contracts.ts';
import { AppError } from '../errors.ts';
import type { DB } from './schema.ts';

/** Tables whose rows carry version and void columns (DESIGN.md: no lost updates, no hard deletes). */
export type VersionedTable = {
  [T in keyof DB]: DB[T] extends { version: unknown; voided_at: unknown; id: unknown } ? T : never;
}[keyof DB];

/**
 * Updates one row only if the client saw its current version; otherwise 409 (or 404 when the row is gone).
 * Returns the row as it now stands.
 */
export async function updateVersioned<T extends VersionedTable>(
  trx: Transaction<DB> | Kysely<DB>,
  table: T,
  id: number,
  version: number,
  values: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const db = trx as unknown as Kysely<any>;
  const row = await db
    .updateTable(table as string)
    .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('voided_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (row) return row;
  const current = await db
    .selectFrom(table as string)
    .select(['version', 'voided_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  if (current.voided_at) throw new AppError('VERSION_CONFLICT', '该记录已作废，不能再修改');
  throw new AppError('VERSION_CONFLICT', undefined, { currentVersion: current.version });
}

/** Marks a row void with reason and actor; it stays in the database and in the audit trail. */
export function voidVersioned<T extends VersionedTable>(trx: Transaction<DB>, table: T, id: number, version: number, reason: string, actorId: number) {
  return updateVersioned(trx, table, id, version, { voided_at: new Date(), voided_by: actorId, void_reason: reason });
}

/**
 * The one pagination, in two strategies with one result shape. `paginate` counts and loads one page of any select
 * query. `pageOfIds` is for lists with wide rows: the page's ids and the total in one narrow query (a window count; no
 * joins or sub-selects run for rows off the page, however deep the page), then the caller loads those rows by id
 * (`inOrderOf`). Its `query` selects `id` and carries the list's order.
 */
export async function paginate<O>(query: SelectQueryBuilder<any, any, O>, q: PageQuery): Promise<Page<O>> {
  const { page, pageSize } = pageBounds(q);
  const [items, total] = await Promise.all([
    query
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    countOf(query),
  ]);
  return { items, total, page, pageSize };
}

export async function pageOfIds(query: SelectQueryBuilder<any, any, { id: number }>, q: PageQuery): Promise<Page<number>> {
  const { page, pageSize } = pageBounds(q);
  const rows = await query
    .select(sql<number>`count(*) over ()`.as('total'))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  // Past the last page no row carries the total.
  const total = rows[0]?.total ?? (page > 1 ? await countOf(query) : 0);
  return { items: rows.map((r) => r.id), total: Number(total), page, pageSize };
}

/** Rows loaded by id, in the order of `ids`. */
export const inOrderOf = <R extends { id: number }>(ids: readonly number[], rows: readonly R[]): R[] => {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
};

const pageBounds = (q: PageQuery) => ({ page: q.page ?? 1, pageSize: q.pageSize ?? 20 });

const countOf = (query: SelectQueryBuilder<any, any, unknown>): Promise<number> =>
  query
    .clearSelect()
    .clearOrderBy()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
    .then((r) => Number((r as { n?: number } | undefined)?.n ?? 0));

export const isoOrNull = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** Maps a unique-constraint violation to a clerk-readable 409 instead of a 500. */
export async function uniquely<T>(work: Promise<T>, message: string, field?: string): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if ((err as { code?: string }).code === '23505') throw new AppError('DUPLICATE', message, field ? { field } : undefined);
    throw err;
  }
}
