import { type Kysely, sql, type Transaction } from 'kysely';
import type { CommitteeCreate, TrainingCreate } from '../../../domain/mediation/contracts.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

function committees(db: Db, scope: Scope) {
  return db
    .selectFrom('mediation_committees as c')
    .innerJoin('org_units as u', 'u.id', 'c.org_unit_id')
    .selectAll('c')
    .select(['u.name as org_unit_name', 'u.kind as org_unit_kind', 'u.path as org_unit_path'])
    .where('c.voided_at', 'is', null)
    .where(scopeFilter('c.org_unit_id', scope));
}

export function listCommittees(db: Db, scope: Scope) {
  return committees(db, scope).orderBy('u.path').execute();
}
export type CommitteeRow = Awaited<ReturnType<typeof listCommittees>>[number];

export function findCommittee(db: Db, scope: Scope, id: number) {
  return committees(db, scope).where('c.id', '=', id).executeTakeFirst();
}

/** The committee of the unit at `path`, or else of the nearest unit above it (a town's committee covers its villages). */
export function nearestCommittee(db: Db, scope: Scope, path: string) {
  return committees(db, scope).where(sql<boolean>`${path} like u.path || '%'`).orderBy(sql`length(u.path)`, 'desc').executeTakeFirst();
}

export function insertCommittee(trx: Transaction<DB>, c: Omit<CommitteeCreate, 'members'> & { targetDays: number }) {
  return trx
    .insertInto('mediation_committees')
    .values({ org_unit_id: c.orgUnitId, name: c.name, term_start: c.termStart, target_days: c.targetDays, address: c.address ?? '', phone: c.phone ?? '' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Members of the committees; with `onDate`, only those serving that day (joined ≤ date ≤ left). */
export function listMembers(db: Db, committeeIds: number[], onDate?: string) {
  if (committeeIds.length === 0) return Promise.resolve([]);
  let q = db.selectFrom('mediation_members').selectAll().where('committee_id', 'in', committeeIds).where('voided_at', 'is', null);
  if (onDate) q = q.where('joined_on', '<=', onDate).where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', onDate)]));
  return q.orderBy('committee_id').orderBy(sql`case position when 'director' then 0 when 'deputy_director' then 1 when 'member' then 2 else 3 end`).orderBy('id').execute();
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export function findMember(db: Db, id: number) {
  return db.selectFrom('mediation_members').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
}

export type MemberValues = {
  name: string;
  gender: 'female' | 'male';
  position: MemberRow['position'];
  ethnicity?: string;
  title?: string;
  phoneEnc: string | null;
  phoneIdx: string | null;
  joinedOn: string;
};

export function insertMember(trx: Transaction<DB>, committeeId: number, m: MemberValues) {
  return trx
    .insertInto('mediation_members')
    .values({
      committee_id: committeeId,
      name: m.name,
      gender: m.gender,
      position: m.position,
      ethnicity: m.ethnicity ?? '',
      title: m.title ?? '',
      phone_enc: m.phoneEnc,
      phone_idx: m.phoneIdx,
      joined_on: m.joinedOn,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function trainingsOf(db: Db, memberIds: number[]) {
  if (memberIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('mediation_trainings').selectAll().where('member_id', 'in', memberIds).orderBy('trained_on').orderBy('id').execute();
}

export function insertTraining(trx: Transaction<DB>, memberId: number, t: TrainingCreate, recordedBy: number) {
  return trx
    .insertInto('mediation_trainings')
    .values({ member_id: memberId, trained_on: t.trainedOn, title: t.title, hours: t.hours ?? null, organiser: t.organiser ?? '', recorded_by: recordedBy })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Names of members by id (for a dispute's mediators). */
