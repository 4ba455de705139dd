import type { Kysely, Transaction } from 'kysely';
import type { AuditQuery } from '../../domain/platform/contracts.ts';
import { paginate } from '../db/rows.ts';
import type { DB } from '../db/schema.ts';
import { type Scope, scopeFilter } from './permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Entries about units in scope, plus unit-less ones (logins, denials) of actors whose home unit is in scope. */
export function listAudit(db: Db, scope: Scope, q: AuditQuery) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        scopeFilter('audit_log.org_unit_id', scope),
        eb.and([eb('audit_log.org_unit_id', 'is', null), eb('audit_log.actor_id', 'in', eb.selectFrom('users').select('users.id').where(scopeFilter('users.org_unit_id', scope)))]),
      ]),
    );
  if (q.action) query = query.where('action', 'like', `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.actor) query = query.where('actor_name', 'ilike', `%${q.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (q.result) query = query.where('result', '=', q.result);
  if (q.from) query = query.where('at', '>=', new Date(`${q.from}T00:00:00+08:00`));
  if (q.to) query = query.where('at', '<', new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000));
  return paginate(query.orderBy('id', 'desc'), q);
}

export function unitNames(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function insertAttachment(
  trx: Transaction<DB>,
  v: { sha256: string; size: number; mime: string; filename: string; orgUnitId: number; entityType: string | null; entityId: string | null; uploadedBy: number },
) {
  return trx
    .insertInto('attachments')
    .values({
      sha256: v.sha256,
      size: v.size,
      mime: v.mime,
      filename: v.filename,
      org_unit_id: v.orgUnitId,
      entity_type: v.entityType,
      entity_id: v.entityId,
      uploaded_by: v.uploadedBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findAttachment(db: Db, scope: Scope, id: number) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).where('voided_at', 'is', null).where(scopeFilter('attachments.org_unit_id', scope)).executeTakeFirst();
}

export function listAttachments(db: Db, scope: Scope, entityType: string, entityId: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .where('voided_at', 'is', null)
    .where(scopeFilter('attachments.org_unit_id', scope))
    .orderBy('id')
    .execute();
}
