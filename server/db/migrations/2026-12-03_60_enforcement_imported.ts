import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
// A case moved in from a town's old register (台账导入): closed before the platform knew it, so the steps that need
// the platform's own records (its documents, its publication) are not asked of it.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table enforcement_cases add column imported boolean not null default false`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table enforcement_cases drop column imported`.execute(db);
}
