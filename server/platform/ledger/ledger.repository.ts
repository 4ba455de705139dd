import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Tables whose ledger rows are known by unit, day and a title. */
type KeyedTable = 'publicity_events' | 'study_sessions' | 'village_hearings' | 'counsel_matters';

/** A natural key of such a table as one string: `unit|YYYY-MM-DD|title`. */
export const unitDayTitle = (orgUnitId: number, on: string, title: string) => `${orgUnitId}|${on}|${title}`;

/**
 * Which of these keys are already recorded (not voided): the keys travel as three arrays (three parameters and one
 * join on the natural-key index, whatever the chunk's size).
 */
export async function unitDayTitleTaken(
  db: Kysely<DB>,
  table: KeyedTable,
  dayColumn: string,
  titleColumn: string,
  keys: readonly { orgUnitId: number; on: string; title: string }[],
) {
  if (keys.length === 0) return new Set<string>();
  const { rows } = await sql<{ u: number; d: string; t: string }>`
    select x.org_unit_id as u, ${sql.ref(`x.${dayColumn}`)} as d, ${sql.ref(`x.${titleColumn}`)} as t
      from ${sql.table(table)} x
      join unnest(${keys.map((k) => k.orgUnitId)}::integer[], ${keys.map((k) => k.on)}::date[], ${keys.map((k) => k.title)}::text[]) as k(u, d, t)
        on x.org_unit_id = k.u and ${sql.ref(`x.${dayColumn}`)} = k.d and ${sql.ref(`x.${titleColumn}`)} = k.t
     where x.voided_at is null`.execute(db);
  return new Set(rows.map((r) => unitDayTitle(r.u, r.d, r.t)));
}
