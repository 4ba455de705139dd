import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** An org unit by id (all digits) or by exact name; several units of one name are ambiguous. */
export function findUnitsByIdOrName(db: Kysely<DB>, org: string) {
  const q = db.selectFrom('org_units').select(['id', 'name', 'path', 'kind']).where('voided_at', 'is', null);
  return (/^\d+$/.test(org) ? q.where('id', '=', Number(org)) : q.where('name', '=', org)).limit(2).execute();
}
