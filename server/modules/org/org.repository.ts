import type { Kysely, Transaction } from 'kysely';
import type { OrgUnitCreate, UserQuery } from '../../../domain/org/contracts.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

export function listUnits(db: Db, scope: Scope) {
  return db.selectFrom('org_units').selectAll().where('voided_at', 'is', null).where(scopeFilter('org_units.id', scope)).orderBy('sort_order').orderBy('id').execute();
}

export function findUnit(db: Db, id: number) {
  return db.selectFrom('org_units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUnit(trx: Transaction<DB>, parentPath: string, input: OrgUnitCreate) {
  const row = await trx
    .insertInto('org_units')
    .values({ parent_id: input.parentId, kind: input.kind, name: input.name, code: input.code || null, sort_order: input.sortOrder ?? 0, path: `pending:${crypto.randomUUID()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return trx
    .updateTable('org_units')
    .set({ path: `${parentPath}${row.id}/` })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countActiveChildren(db: Db, id: number) {
  const r = await db
    .selectFrom('org_units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow();
  const u = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_unit_id', '=', id)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { units: Number(r.n), users: Number(u.n) };
}

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.org_unit_id',
  'org_units.name as org_unit_name',
  'users.title',
  'users.phone_enc',
  'users.id_card_enc',
  'users.must_change_password',
  'users.locked_until',
  'users.last_login_at',
  'users.voided_at',
  'users.version',
] as const;

export function listUsers(db: Db, scope: Scope, q: UserQuery & { phoneIndex?: string }) {
  let query = db.selectFrom('users').innerJoin('org_units', 'org_units.id', 'users.org_unit_id').select(userColumns).where(scopeFilter('users.org_unit_id', scope));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('users.username', 'ilike', like), eb('users.display_name', 'ilike', like)]));
  }
  if (q.orgUnitId) query = query.where('users.org_unit_id', '=', q.orgUnitId);
  if (q.phoneIndex) query = query.where('users.phone_idx', '=', q.phoneIndex);
  return paginate(query.orderBy('users.voided_at', 'desc').orderBy('users.id'), q);
}

export function findUser(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(userColumns)
    .where('users.id', '=', id)
    .where(scopeFilter('users.org_unit_id', scope))
    .executeTakeFirst();
}
export type UserRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export function grantsOfUsers(db: Db, userIds: number[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_assignments')
    .innerJoin('org_units', 'org_units.id', 'role_assignments.org_unit_id')
    .select(['role_assignments.id', 'role_assignments.user_id', 'role_assignments.role', 'role_assignments.org_unit_id', 'org_units.name as org_unit_name'])
    .where('role_assignments.user_id', 'in', userIds)
    .where('role_assignments.revoked_at', 'is', null)
    .orderBy('role_assignments.id')
    .execute();
}

export function insertUser(
  trx: Transaction<DB>,
  v: {
    username: string;
    displayName: string;
    orgUnitId: number;
    title: string | null;
    phoneEnc: string | null;
    phoneIdx: string | null;
    idCardEnc: string | null;
    idCardIdx: string | null;
    passwordHash: string;
    mustChange: boolean;
  },
) {
  return trx
    .insertInto('users')
    .values({
      username: v.username,
      display_name: v.displayName,
      org_unit_id: v.orgUnitId,
      title: v.title,
      phone_enc: v.phoneEnc,
      phone_idx: v.phoneIdx,
      id_card_enc: v.idCardEnc,
      id_card_idx: v.idCardIdx,
      password_hash: v.passwordHash,
      must_change_password: v.mustChange,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertGrant(trx: Transaction<DB>, v: { userId: number; role: string; orgUnitId: number; grantedBy: number | null }) {
  return trx.insertInto('role_assignments').values({ user_id: v.userId, role: v.role, org_unit_id: v.orgUnitId, granted_by: v.grantedBy }).returningAll().executeTakeFirstOrThrow();
}

export function findGrant(db: Db, id: number) {
  return db.selectFrom('role_assignments').selectAll().where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
}

export function revokeGrant(trx: Transaction<DB>, id: number, by: number) {
  return trx.updateTable('role_assignments').set({ revoked_at: new Date(), revoked_by: by }).where('id', '=', id).where('revoked_at', 'is', null).returningAll().executeTakeFirst();
}

/** The first unit of an empty database (the city or county that runs the platform). */
export async function insertRootUnit(trx: Transaction<DB>, v: { kind: 'city' | 'county'; name: string; code: string | null }) {
  const row = await trx
    .insertInto('org_units')
    .values({ parent_id: null, kind: v.kind, name: v.name, code: v.code, path: `pending:${crypto.randomUUID()}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return trx
    .updateTable('org_units')
    .set({ path: `/${row.id}/` })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function isEmpty(db: Db): Promise<boolean> {
  return (await db.selectFrom('org_units').select('id').limit(1).execute()).length === 0;
}

/** The root units (a city or county running the platform) and the towns below a unit: for commands run by the operator. */
export function rootUnits(db: Db) {
  return db.selectFrom('org_units').select(['id', 'name', 'path']).where('parent_id', 'is', null).where('voided_at', 'is', null).orderBy('id').execute();
}

export function townsUnder(db: Db, path: string) {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path'])
    .where('kind', '=', 'town')
    .where('path', 'like', `${path}%`)
    .where('voided_at', 'is', null)
    .orderBy('path')
    .execute();
}
