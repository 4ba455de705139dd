import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- 签到码: attendees sign themselves in on the day with a short code the organiser shows; open until sign_in_until.
    alter table study_sessions add column sign_in_code text, add column sign_in_until timestamptz;
    create unique index study_sessions_sign_in_code on study_sessions (sign_in_code) where sign_in_code is not null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table study_sessions drop column sign_in_code, drop column sign_in_until`.execute(db);
}
