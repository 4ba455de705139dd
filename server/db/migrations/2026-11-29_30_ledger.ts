import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
// A ledger import asks, for every chunk of rows, which records already exist by their natural key; without these
// indexes each question scans the whole table, and a 100,000-row import slows as the table fills.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index publicity_events_natural_key on publicity_events (org_unit_id, held_on, title) where voided_at is null`.execute(db);
  await sql`create index disputes_natural_key on disputes (org_unit_id, registered_on) where voided_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists disputes_natural_key`.execute(db);
  await sql`drop index if exists publicity_events_natural_key`.execute(db);
}
