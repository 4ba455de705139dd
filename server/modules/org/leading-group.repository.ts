import type { Kysely, Transaction } from 'kysely';
import type { MeetingCreate, MeetingQuery, MemberCreate, TaskCreate, TaskQuery } from '../../../domain/org/contracts.ts';
import { paginate } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Live groups in scope, with their town's name. */
const groupsInScope = (db: Db, scope: Scope) =>
  db
    .selectFrom('leading_groups')
    .innerJoin('org_units', 'org_units.id', 'leading_groups.org_unit_id')
    .selectAll('leading_groups')
    .select('org_units.name as org_unit_name')
    .where('leading_groups.voided_at', 'is', null)
    .where(scopeFilter('leading_groups.org_unit_id', scope));

export function listGroups(db: Db, scope: Scope) {
  return groupsInScope(db, scope).orderBy('leading_groups.id').execute();
}
export type GroupRow = Awaited<ReturnType<typeof listGroups>>[number];

export function findGroup(db: Db, scope: Scope, id: number) {
  return groupsInScope(db, scope).where('leading_groups.id', '=', id).executeTakeFirst();
}

export function insertGroup(trx: Transaction<DB>, v: { orgUnitId: number; name: string; establishedOn: string; responsibilities?: string; office?: string }) {
  return trx
    .insertInto('leading_groups')
    .values({ org_unit_id: v.orgUnitId, name: v.name, established_on: v.establishedOn, responsibilities: v.responsibilities ?? '', office: v.office ?? '' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** All memberships of a group; with `asOf`, only those in force on that date. */
export function listMembers(db: Db, groupId: number, asOf?: string) {
  let q = db.selectFrom('leading_group_members').selectAll().where('leading_group_id', '=', groupId).where('voided_at', 'is', null);
  if (asOf) q = q.where('effective_from', '<=', asOf).where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', asOf)]));
  return q.orderBy('effective_from').orderBy('id').execute();
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export function findMember(db: Db, id: number) {
  return db.selectFrom('leading_group_members').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();
}

export function insertMember(trx: Transaction<DB>, group: { id: number; org_unit_id: number }, m: MemberCreate) {
  return trx
    .insertInto('leading_group_members')
    .values({
      leading_group_id: group.id,
      org_unit_id: group.org_unit_id,
      user_id: m.userId ?? null,
      person_name: m.personName,
      office: m.office,
      represents_org_unit_id: m.representsOrgUnitId ?? null,
      position: m.position,
      effective_from: m.effectiveFrom,
      effective_to: null,
      appointed_by_meeting_id: m.appointedByMeetingId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Ends every membership still in force on `lastDay` (used by a restructuring). */
export function endMembersOn(trx: Transaction<DB>, groupId: number, lastDay: string, reason: string) {
  return trx
    .updateTable('leading_group_members')
    .set((eb) => ({ effective_to: lastDay, change_reason: reason, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('leading_group_id', '=', groupId)
    .where('voided_at', 'is', null)
    .where('effective_from', '<=', lastDay)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>', lastDay)]))
    .returningAll()
    .execute();
}

export function countMembersStartingFrom(db: Db, groupId: number, date: string) {
  return db
    .selectFrom('leading_group_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('leading_group_id', '=', groupId)
    .where('voided_at', 'is', null)
    .where('effective_from', '>=', date)
    .executeTakeFirstOrThrow();
}

export function listMeetings(db: Db, scope: Scope, q: MeetingQuery) {
  let query = db.selectFrom('meetings').selectAll().where('voided_at', 'is', null).where(scopeFilter('meetings.org_unit_id', scope));
  if (q.orgUnitId) query = query.where('org_unit_id', '=', q.orgUnitId);
  if (q.leadingGroupId) query = query.where('leading_group_id', '=', q.leadingGroupId);
  return paginate(query.orderBy('held_on', 'desc').orderBy('id', 'desc'), q);
}
export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>['items'][number];

export function findMeeting(db: Db, scope: Scope, id: number) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).where('voided_at', 'is', null).where(scopeFilter('meetings.org_unit_id', scope)).executeTakeFirst();
}

export function insertMeeting(trx: Transaction<DB>, m: MeetingCreate) {
  return trx
    .insertInto('meetings')
    .values({
      org_unit_id: m.orgUnitId,
      leading_group_id: m.leadingGroupId ?? null,
      kind: m.kind,
      title: m.title,
      held_on: m.heldOn,
      place: m.place ?? '',
      host: m.host ?? '',
      attendees: m.attendees ?? [],
      minutes: m.minutes ?? '',
      decisions: m.decisions ?? '',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listTasks(db: Db, scope: Scope, q: TaskQuery) {
  let query = db.selectFrom('group_tasks').selectAll().where('voided_at', 'is', null).where(scopeFilter('group_tasks.org_unit_id', scope));
  if (q.leadingGroupId) query = query.where('leading_group_id', '=', q.leadingGroupId);
  if (q.year) query = query.where('year', '=', q.year);
  if (q.status) query = query.where('status', '=', q.status);
  return paginate(query.orderBy('year', 'desc').orderBy('deadline').orderBy('id'), q);
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>['items'][number];

export function findTask(db: Db, scope: Scope, id: number) {
  return db.selectFrom('group_tasks').selectAll().where('id', '=', id).where('voided_at', 'is', null).where(scopeFilter('group_tasks.org_unit_id', scope)).executeTakeFirst();
}

export function insertTask(trx: Transaction<DB>, orgUnitId: number, t: TaskCreate) {
  return trx
    .insertInto('group_tasks')
    .values({
      leading_group_id: t.leadingGroupId,
      org_unit_id: orgUnitId,
      year: t.year,
      title: t.title,
      description: t.description ?? '',
      owner_unit_id: t.ownerUnitId ?? null,
      owner_name: t.ownerName ?? '',
      deadline: t.deadline,
      status: t.status ?? 'pending',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function progressOf(db: Db, taskIds: number[]) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('task_progress')
    .leftJoin('users', 'users.id', 'task_progress.noted_by')
    .select(['task_progress.id', 'task_progress.task_id', 'task_progress.noted_on', 'task_progress.note', 'users.display_name as noted_by'])
    .where('task_progress.task_id', 'in', taskIds)
    .orderBy('task_progress.noted_on')
    .orderBy('task_progress.id')
    .execute();
}

export function insertProgress(trx: Transaction<DB>, v: { taskId: number; notedOn: string; note: string; notedBy: number }) {
  return trx.insertInto('task_progress').values({ task_id: v.taskId, noted_on: v.notedOn, note: v.note, noted_by: v.notedBy }).returningAll().executeTakeFirstOrThrow();
}

export async function userVisible(db: Db, scope: Scope, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('id', '=', userId).where('voided_at', 'is', null).where(scopeFilter('users.org_unit_id', scope)).executeTakeFirst();
  return row !== undefined;
}

/** Members in force on `date` of the leading groups in scope, optionally of one position (indicators). */
export function membersInForceOn(db: Db, scope: Scope, date: string, position?: 'leader' | 'deputy_leader' | 'member') {
  let q = db
    .selectFrom('leading_group_members')
    .select(['id', 'person_name', 'office', 'position', 'effective_from'])
    .where('voided_at', 'is', null)
    .where(scopeFilter('leading_group_members.org_unit_id', scope))
    .where('effective_from', '<=', date)
    .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', date)]));
  if (position) q = q.where('position', '=', position);
  return q.orderBy('id').execute();
}

/** The year's key tasks of the groups in scope, optionally of one status (indicators). */
export function tasksOfYear(db: Db, scope: Scope, year: number, status?: 'done') {
  let q = db
    .selectFrom('group_tasks')
    .select(['id', 'title', 'deadline', 'status', 'owner_name'])
    .where('voided_at', 'is', null)
    .where('year', '=', year)
    .where(scopeFilter('group_tasks.org_unit_id', scope));
  if (status) q = q.where('status', '=', status);
  return q.orderBy('deadline').execute();
}
