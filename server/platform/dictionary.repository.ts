import type { Kysely, Transaction } from 'kysely';
import type { DictionaryCreate } from '../../domain/platform/contracts.ts';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function listEntries(db: Db, kind: string, includeInactive: boolean) {
  let q = db.selectFrom('dictionaries').selectAll().where('kind', '=', kind).where('voided_at', 'is', null);
  if (!includeInactive) q = q.where('active', '=', true);
  return q.orderBy('sort_order').orderBy('id').execute();
}
export type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

export function findEntry(db: Db, kind: string, code: string) {
  return db.selectFrom('dictionaries').selectAll().where('kind', '=', kind).where('code', '=', code).where('voided_at', 'is', null).executeTakeFirst();
}

export function findEntryById(db: Db, id: number) {
  return db.selectFrom('dictionaries').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertEntry(trx: Transaction<DB>, e: DictionaryCreate) {
  return trx
    .insertInto('dictionaries')
    .values({ kind: e.kind, code: e.code, label: e.label, sort_order: e.sortOrder ?? 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
}
