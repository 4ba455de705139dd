import type { ColumnType, Generated } from 'kysely';

/** Instants: written as Date or ISO string, read as Date. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** Instants with a database default (now()). */
export type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** Columns every business table carries: optimistic version and void (never hard-deleted). */
export type Versioned = {
  version: Generated<number>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  voided_at: NullableTimestamp;
  voided_by: number | null;
  void_reason: string | null;
};
