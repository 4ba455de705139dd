import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
// The case and dispute lists page on ids first (server/db/rows.ts pageOfIds): with the columns that query reads in the
// index it is answered from the index alone. A city supervisor's deep case page: 6.5 ms → 2.9 ms (bench/RESULTS.md).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index if not exists enforcement_cases_list on enforcement_cases (org_unit_id, id) include (status, procedure, power_id) where voided_at is null;
    create index if not exists disputes_list on disputes (org_unit_id, registered_on, id) include (status, type_code, committee_id) where voided_at is null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists enforcement_cases_list, disputes_list`.execute(db);
}
