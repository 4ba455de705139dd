import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    -- TOTP second factor (等保 三级: two factors for administrators). Secrets are SM4-sealed like personal data;
    -- the last accepted time step stops a code from being replayed within its window.
    alter table users
      add column totp_secret_enc text,
      add column totp_pending_enc text,
      add column totp_enabled_at timestamptz,
      add column totp_last_step bigint;

    -- One row: platform-wide security settings an admin may change.
    create table security_policy (
      id integer primary key default 1 check (id = 1),
      totp_required_for_admins boolean not null default false,
      version integer not null default 1,
      updated_at timestamptz not null default now()
    );
    insert into security_policy (id) values (1);

    create index sessions_open on sessions (user_id) where ended_at is null;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    drop index sessions_open;
    drop table security_policy;
    alter table users drop column totp_secret_enc, drop column totp_pending_enc, drop column totp_enabled_at, drop column totp_last_step;
  `.execute(db);
}
