import type { Kysely, Transaction } from 'kysely';
import type { CalendarOverrideCreate } from '../../domain/platform/contracts.ts';
import type { DB } from '../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function listOverrides(db: Db) {
  return db.selectFrom('calendar_overrides').selectAll().where('voided_at', 'is', null).orderBy('on_date').execute();
}
export type OverrideRow = Awaited<ReturnType<typeof listOverrides>>[number];

export function findOverride(db: Db, id: number) {
  return db.selectFrom('calendar_overrides').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertOverride(trx: Transaction<DB>, o: CalendarOverrideCreate) {
  return trx.insertInto('calendar_overrides').values({ on_date: o.date, is_workday: o.isWorkday, name: o.name }).returningAll().executeTakeFirstOrThrow();
}
