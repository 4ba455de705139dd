import { type Kysely, sql, type Transaction } from 'kysely';
import type { PersonQuery, StudySessionQuery } from '../../../domain/learning/contracts.ts';
import type { SessionKind } from '../../../domain/learning/rules.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

const sessionsQuery = (db: Db, scope: Scope) =>
  db
    .selectFrom('study_sessions')
    .innerJoin('org_units', 'org_units.id', 'study_sessions.org_unit_id')
    .selectAll('study_sessions')
    .select('org_units.name as org_unit_name')
    .where('study_sessions.voided_at', 'is', null)
    .where(scopeFilter('study_sessions.org_unit_id', scope));

export const yearRange = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export function listSessions(db: Db, scope: Scope, q: StudySessionQuery) {
  let query = sessionsQuery(db, scope);
  if (q.year) query = query.where('study_sessions.held_on', '>=', yearRange(q.year)[0]).where('study_sessions.held_on', '<=', yearRange(q.year)[1]);
  if (q.kind) query = query.where('study_sessions.kind', '=', q.kind);
  if (q.orgUnitId) query = query.where('study_sessions.org_unit_id', '=', q.orgUnitId);
  if (q.q) {
    const like = `%${q.q}%`;
    query = query.where((eb) =>
      eb.or([eb('study_sessions.title', 'ilike', like), eb('study_sessions.lecturer', 'ilike', like), eb(sql`array_to_string(study_sessions.laws, ' ')`, 'ilike', like)]),
    );
  }
  return paginate(query.orderBy('study_sessions.held_on', 'desc').orderBy('study_sessions.id', 'desc'), q);
}
export type SessionRow = Awaited<ReturnType<typeof listSessions>>['items'][number];

export function findSession(db: Db, scope: Scope, id: number) {
  return sessionsQuery(db, scope).where('study_sessions.id', '=', id).executeTakeFirst();
}

export type SessionValues = {
  kind?: SessionKind;
  title?: string;
  heldOn?: string;
  place?: string;
  lecturer?: string;
  lecturerUserId?: number | null;
  organiser?: string;
  laws?: string[];
  summary?: string;
};
export const sessionColumns = (v: SessionValues) => ({
  kind: v.kind,
  title: v.title,
  held_on: v.heldOn,
  place: v.place,
  lecturer: v.lecturer,
  lecturer_user_id: v.lecturerUserId,
  organiser: v.organiser,
  laws: v.laws,
  summary: v.summary,
});

export function insertSession(trx: Transaction<DB>, orgUnitId: number, v: SessionValues & { kind: SessionKind; title: string; heldOn: string }) {
  return trx
    .insertInto('study_sessions')
    .values({
      org_unit_id: orgUnitId,
      kind: v.kind,
      title: v.title,
      held_on: v.heldOn,
      place: v.place ?? '',
      lecturer: v.lecturer ?? '',
      lecturer_user_id: v.lecturerUserId ?? null,
      organiser: v.organiser ?? '',
      laws: v.laws ?? [],
      summary: v.summary ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function attendeesOf(db: Db, sessionIds: number[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendances')
    .leftJoin('org_units', 'org_units.id', 'attendances.org_unit_id')
    .select(['attendances.id', 'attendances.session_id', 'attendances.user_id', 'attendances.person_name', 'attendances.org_unit_id', 'org_units.name as org_unit_name'])
    .where('attendances.session_id', 'in', sessionIds)
    .where('attendances.voided_at', 'is', null)
    .orderBy('attendances.id')
    .execute();
}
export type AttendeeRow = Awaited<ReturnType<typeof attendeesOf>>[number];

export type AttendeeValues = { userId: number | null; personName: string; orgUnitId: number | null };
export function insertAttendees(trx: Transaction<DB>, sessionId: number, list: AttendeeValues[]) {
  if (list.length === 0) return Promise.resolve([]);
  return trx
    .insertInto('attendances')
    .values(list.map((a) => ({ session_id: sessionId, user_id: a.userId, person_name: a.personName, org_unit_id: a.orgUnitId })))
    .returning('id')
    .execute();
}

export function voidAttendees(trx: Transaction<DB>, ids: number[], actorId: number, reason: string) {
  if (ids.length === 0) return Promise.resolve();
  return trx
    .updateTable('attendances')
    .set((eb) => ({ voided_at: new Date(), voided_by: actorId, void_reason: reason, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', 'in', ids)
    .where('voided_at', 'is', null)
    .execute()
    .then(() => undefined);
}

/** Accounts whose home unit lies in the scope (the people a coordinator may list as attendees or candidates). */
export function peopleInScope(db: Db, scope: Scope, q: PersonQuery & { ids?: number[]; underPath?: string; withGrantOnly?: boolean; limit?: number }) {
  let query = db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['users.id', 'users.display_name', 'users.title', 'users.org_unit_id', 'org_units.name as org_unit_name', 'org_units.path'])
    .where('users.voided_at', 'is', null)
    .where(scopeFilter('users.org_unit_id', scope));
  if (q.ids) query = query.where('users.id', 'in', q.ids.length ? q.ids : [0]);
  if (q.orgUnitId) query = query.where('users.org_unit_id', '=', q.orgUnitId);
  if (q.underPath) query = query.where('org_units.path', 'like', `${q.underPath}%`);
  if (q.withGrantOnly)
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('role_assignments').select('role_assignments.id').whereRef('role_assignments.user_id', '=', 'users.id').where('role_assignments.revoked_at', 'is', null),
      ),
    );
  if (q.q) query = query.where((eb) => eb.or([eb('users.display_name', 'ilike', `%${q.q}%`), eb('users.username', 'ilike', `%${q.q}%`)]));
  return query
    .orderBy('org_units.path')
    .orderBy('users.id')
    .limit(q.limit ?? 500)
    .execute();
}
export type PersonRow = Awaited<ReturnType<typeof peopleInScope>>[number];

export function unitsByName(db: Db, scope: Scope, names: string[]) {
  if (names.length === 0) return Promise.resolve([]);
  return db.selectFrom('org_units').select(['id', 'name']).where('name', 'in', names).where('voided_at', 'is', null).where(scopeFilter('org_units.id', scope)).execute();
}

export function userBrief(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['users.id', 'users.display_name', 'users.org_unit_id', 'org_units.name as org_unit_name'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
}

/** The sessions a person attended (by account), newest first; with `scope`, only sessions inside it. */
export function sessionsAttendedBy(db: Db, userId: number, year: number | undefined, scope?: Scope) {
  let q = db
    .selectFrom('attendances')
    .innerJoin('study_sessions', 'study_sessions.id', 'attendances.session_id')
    .innerJoin('org_units', 'org_units.id', 'study_sessions.org_unit_id')
    .select(['study_sessions.id', 'study_sessions.kind', 'study_sessions.title', 'study_sessions.held_on', 'study_sessions.lecturer', 'org_units.name as org_unit_name'])
    .where('attendances.user_id', '=', userId)
    .where('attendances.voided_at', 'is', null)
    .where('study_sessions.voided_at', 'is', null);
  if (scope) q = q.where(scopeFilter('study_sessions.org_unit_id', scope));
  if (year) q = q.where('study_sessions.held_on', '>=', yearRange(year)[0]).where('study_sessions.held_on', '<=', yearRange(year)[1]);
  return q.orderBy('study_sessions.held_on', 'desc').orderBy('study_sessions.id', 'desc').execute();
}

/** Every attendance row of the year's sessions in scope, for the statistics. */
export function attendanceForStats(db: Db, scope: Scope, year: number, orgUnitPath?: string) {
  let q = db
    .selectFrom('study_sessions')
    .innerJoin('org_units as su', 'su.id', 'study_sessions.org_unit_id')
    .leftJoin('attendances', (join) => join.onRef('attendances.session_id', '=', 'study_sessions.id').on('attendances.voided_at', 'is', null))
    .leftJoin('org_units as pu', 'pu.id', 'attendances.org_unit_id')
    .select([
      'study_sessions.id as session_id',
      'study_sessions.kind',
      'study_sessions.held_on',
      'attendances.id as attendance_id',
      'attendances.user_id',
      'attendances.person_name',
      'attendances.org_unit_id',
      'pu.name as org_unit_name',
    ])
    .where('study_sessions.voided_at', 'is', null)
    .where(scopeFilter('study_sessions.org_unit_id', scope))
    .where('study_sessions.held_on', '>=', yearRange(year)[0])
    .where('study_sessions.held_on', '<=', yearRange(year)[1]);
  if (orgUnitPath) q = q.where('su.path', 'like', `${orgUnitPath}%`);
  return q.orderBy('study_sessions.held_on').orderBy('study_sessions.id').orderBy('attendances.id').execute();
}

/** Sessions held in [from, to] in scope (optionally of one kind), with their attendance counts: the indicators' records. */
export function sessionsOfPeriod(db: Db, scope: Scope, from: string, to: string, kind?: SessionKind) {
  let q = db
    .selectFrom('study_sessions')
    .select((eb) => [
      'study_sessions.id',
      'study_sessions.kind',
      'study_sessions.title',
      'study_sessions.held_on',
      'study_sessions.lecturer',
      eb
        .selectFrom('attendances')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('attendances.session_id', '=', 'study_sessions.id')
        .where('attendances.voided_at', 'is', null)
        .as('person_times'),
    ])
    .where('study_sessions.voided_at', 'is', null)
    .where(scopeFilter('study_sessions.org_unit_id', scope))
    .where('study_sessions.held_on', '>=', from)
    .where('study_sessions.held_on', '<=', to);
  if (kind) q = q.where('study_sessions.kind', '=', kind);
  return q.orderBy('study_sessions.held_on').orderBy('study_sessions.id').execute();
}
