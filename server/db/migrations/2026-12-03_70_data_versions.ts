import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
// The newest audit id of a write per kind of action (the part of the action before its first dot: enforcement,
// meeting, org_unit …), kept by the audit trail in the same transaction as the entry. The figure cache reads these few
// rows instead of the audit log, and a write in one module no longer invalidates every other module's figures.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table data_versions (kind text primary key, audit_id bigint not null);
    insert into data_versions (kind, audit_id)
      select split_part(action, '.', 1), max(id) from audit_log
      where action not in ('auth.login', 'auth.logout', 'access.denied', 'report.export', 'mediation.export', 'learning.export',
                           'ledger.export', 'mediation.agreement_print', 'system.backup')
      group by 1;
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table data_versions`.execute(db);
}
