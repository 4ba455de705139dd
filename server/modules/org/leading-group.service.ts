import type {
  LeadingGroup,
  LeadingGroupCreate,
  LeadingGroupUpdate,
  Meeting,
  MeetingCreate,
  MeetingQuery,
  MeetingUpdateBody,
  Member,
  MemberCreate,
  MemberEnd,
  Restructure,
  Task,
  TaskCreate,
  TaskProgressCreate,
  TaskQuery,
  TaskUpdateBody,
} from '../../../domain/org/contracts.ts';
import { activeOn, compositionProblem, isOverdue } from '../../../domain/org/rules.ts';
import type { Page } from '../../../domain/platform/contracts.ts';
import { addDays, shanghaiDate } from '../../../domain/platform/dates.ts';
import { updateVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './leading-group.repository.ts';

const toGroup = (r: repo.GroupRow): LeadingGroup => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  name: r.name,
  establishedOn: r.established_on,
  responsibilities: r.responsibilities,
  office: r.office,
  version: r.version,
});

const toMember = (r: repo.MemberRow): Member => ({
  id: r.id,
  leadingGroupId: r.leading_group_id,
  userId: r.user_id,
  personName: r.person_name,
  office: r.office,
  representsOrgUnitId: r.represents_org_unit_id,
  position: r.position,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  appointedByMeetingId: r.appointed_by_meeting_id,
  changeReason: r.change_reason,
  version: r.version,
});

const toMeeting = (r: repo.MeetingRow): Meeting => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  leadingGroupId: r.leading_group_id,
  kind: r.kind,
  title: r.title,
  heldOn: r.held_on,
  place: r.place,
  host: r.host,
  attendees: r.attendees,
  minutes: r.minutes,
  decisions: r.decisions,
  version: r.version,
});

export async function listGroups(ctx: Ctx): Promise<LeadingGroup[]> {
  return (await repo.listGroups(ctx.db, scopeOf(ctx.actor, 'leading_group.read'))).map(toGroup);
}

/** A group the actor may read; with `write`, also one they may change. */
async function groupFor(ctx: Ctx, id: number, write = false): Promise<repo.GroupRow> {
  const group = await repo.findGroup(ctx.db, scopeOf(ctx.actor, 'leading_group.read'), id);
  if (!group) throw new AppError('NOT_FOUND', '领导小组不存在');
  if (write) await requireUnitInScope(ctx.db, ctx.actor, 'leading_group.write', group.org_unit_id);
  return group;
}

export async function createGroup(ctx: Ctx, input: LeadingGroupCreate): Promise<LeadingGroup> {
  const unit = await requireUnitInScope(ctx.db, ctx.actor, 'leading_group.write', input.orgUnitId);
  if (unit.kind !== 'town') throw new AppError('LEADING_GROUP_RULE', '依法治镇工作领导小组应设在乡镇', { field: 'orgUnitId' });
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertGroup(trx, input);
    return { result: id, audit: { action: 'leading_group.create', entityType: 'leading_group', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return toGroup(await groupFor(ctx, id));
}

export async function updateGroup(ctx: Ctx, id: number, input: LeadingGroupUpdate): Promise<LeadingGroup> {
  const before = toGroup(await groupFor(ctx, id, true));
  await audited(ctx, async (trx) => {
    const changes = { name: input.name, responsibilities: input.responsibilities, office: input.office };
    await updateVersioned(trx, 'leading_groups', id, input.version, changes);
    return { result: undefined, audit: { action: 'leading_group.update', entityType: 'leading_group', entityId: id, orgUnitId: before.orgUnitId, before, after: changes } };
  });
  return toGroup(await groupFor(ctx, id));
}

export async function listMembers(ctx: Ctx, groupId: number, asOf?: string): Promise<Member[]> {
  await groupFor(ctx, groupId);
  return (await repo.listMembers(ctx.db, groupId, asOf)).map(toMember);
}

export async function addMember(ctx: Ctx, groupId: number, input: MemberCreate): Promise<Member> {
  const group = await groupFor(ctx, groupId, true);
  if (input.effectiveFrom < group.established_on) throw new AppError('LEADING_GROUP_RULE', `任职起始日期不能早于小组成立日期 ${group.established_on}`, { field: 'effectiveFrom' });
  await checkMemberReferences(ctx, input);
  if (input.position === 'leader') {
    // With the newcomer a 组长 is certainly there; what can fail is the cap on co-leaders.
    const inForce = activeOn((await repo.listMembers(ctx.db, groupId)).map(toMember), input.effectiveFrom);
    const problem = compositionProblem([...inForce, { ...input, effectiveTo: null }]);
    if (problem) throw new AppError('LEADING_GROUP_RULE', problem, { field: 'position' });
  }
  return audited(ctx, async (trx) => {
    const member = toMember(await repo.insertMember(trx, group, input));
    return { result: member, audit: { action: 'leading_group.member_add', entityType: 'leading_group', entityId: groupId, orgUnitId: group.org_unit_id, after: member } };
  });
}

export async function endMember(ctx: Ctx, memberId: number, input: MemberEnd): Promise<Member> {
  const row = await repo.findMember(ctx.db, memberId);
  if (!row) throw new AppError('NOT_FOUND', '该成员记录不存在');
  const group = await groupFor(ctx, row.leading_group_id, true);
  if (input.effectiveTo < row.effective_from) throw new AppError('LEADING_GROUP_RULE', `任职截止日期不能早于起始日期 ${row.effective_from}`, { field: 'effectiveTo' });
  const remaining = activeOn((await repo.listMembers(ctx.db, group.id)).filter((m) => m.id !== memberId).map(toMember), addDays(input.effectiveTo, 1));
  if (row.position === 'leader' && remaining.every((m) => m.position !== 'leader')) {
    throw new AppError('LEADING_GROUP_RULE', '结束后小组将没有组长：请先任命新组长，或使用「调整领导小组」', { field: 'effectiveTo' });
  }
  return audited(ctx, async (trx) => {
    const after = toMember(
      (await updateVersioned(trx, 'leading_group_members', memberId, input.version, { effective_to: input.effectiveTo, change_reason: input.changeReason })) as repo.MemberRow,
    );
    return {
      result: after,
      audit: { action: 'leading_group.member_end', entityType: 'leading_group', entityId: group.id, orgUnitId: group.org_unit_id, before: toMember(row), after },
    };
  });
}

/**
 * A restructuring after personnel changes (seed report 一(一)): everyone in force the day before `effectiveOn`
 * leaves that day, the new list starts on `effectiveOn`. History stays: who served on any past date is unchanged.
 */
export async function restructure(ctx: Ctx, groupId: number, input: Restructure): Promise<Member[]> {
  const group = await groupFor(ctx, groupId, true);
  const problem = compositionProblem(input.members.map((m) => ({ ...m, effectiveFrom: input.effectiveOn, effectiveTo: null })));
  if (problem) throw new AppError('LEADING_GROUP_RULE', problem, { field: 'members' });
  if (input.effectiveOn <= group.established_on) throw new AppError('LEADING_GROUP_RULE', `调整生效日期应晚于小组成立日期 ${group.established_on}`, { field: 'effectiveOn' });
  const later = await repo.countMembersStartingFrom(ctx.db, groupId, input.effectiveOn);
  if (Number(later.n) > 0) throw new AppError('LEADING_GROUP_RULE', '该日期当天或之后已有成员变动，不能在此插入调整', { field: 'effectiveOn' });
  if (input.meetingId) await meetingFor(ctx, input.meetingId);
  for (const m of input.members) await checkMemberReferences(ctx, m);
  const lastDay = addDays(input.effectiveOn, -1);
  return audited(ctx, async (trx) => {
    const ended = await repo.endMembersOn(trx, groupId, lastDay, input.reason);
    const added = [];
    for (const m of input.members) {
      added.push(toMember(await repo.insertMember(trx, group, { ...m, effectiveFrom: input.effectiveOn, appointedByMeetingId: m.appointedByMeetingId ?? input.meetingId })));
    }
    return {
      result: added,
      audit: {
        action: 'leading_group.restructure',
        entityType: 'leading_group',
        entityId: groupId,
        orgUnitId: group.org_unit_id,
        before: ended.map(toMember),
        after: { effectiveOn: input.effectiveOn, reason: input.reason, members: added },
      },
    };
  });
}

/** The user, unit and meeting a member row points to must exist and be visible to the actor. */
async function checkMemberReferences(ctx: Ctx, m: MemberCreate): Promise<void> {
  if (m.representsOrgUnitId) await requireUnitInScope(ctx.db, ctx.actor, 'org.read', m.representsOrgUnitId);
  if (m.appointedByMeetingId) await meetingFor(ctx, m.appointedByMeetingId);
  if (m.userId && !(await repo.userVisible(ctx.db, scopeOf(ctx.actor, 'org.read'), m.userId))) throw new AppError('NOT_FOUND', '所选用户不存在', { field: 'userId' });
}

async function meetingFor(ctx: Ctx, id: number) {
  const row = await repo.findMeeting(ctx.db, scopeOf(ctx.actor, 'leading_group.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '会议不存在');
  return row;
}

export async function listMeetings(ctx: Ctx, q: MeetingQuery): Promise<Page<Meeting>> {
  const page = await repo.listMeetings(ctx.db, scopeOf(ctx.actor, 'leading_group.read'), q);
  return { ...page, items: page.items.map(toMeeting) };
}

export async function createMeeting(ctx: Ctx, input: MeetingCreate): Promise<Meeting> {
  await requireUnitInScope(ctx.db, ctx.actor, 'leading_group.write', input.orgUnitId);
  if (input.leadingGroupId) {
    const group = await groupFor(ctx, input.leadingGroupId);
    if (group.org_unit_id !== input.orgUnitId) throw new AppError('LEADING_GROUP_RULE', '会议所属单位与领导小组不一致', { field: 'leadingGroupId' });
  }
  return audited(ctx, async (trx) => {
    const meeting = toMeeting(await repo.insertMeeting(trx, input));
    return { result: meeting, audit: { action: 'meeting.create', entityType: 'meeting', entityId: meeting.id, orgUnitId: meeting.orgUnitId, after: meeting } };
  });
}

export async function updateMeeting(ctx: Ctx, id: number, input: MeetingUpdateBody): Promise<Meeting> {
  const before = toMeeting(await meetingFor(ctx, id));
  await requireUnitInScope(ctx.db, ctx.actor, 'leading_group.write', before.orgUnitId);
  return audited(ctx, async (trx) => {
    const after = toMeeting(
      (await updateVersioned(trx, 'meetings', id, input.version, {
        kind: input.kind,
        title: input.title,
        held_on: input.heldOn,
        place: input.place,
        host: input.host,
        attendees: input.attendees,
        minutes: input.minutes,
        decisions: input.decisions,
      })) as repo.MeetingRow,
    );
    return { result: after, audit: { action: 'meeting.update', entityType: 'meeting', entityId: id, orgUnitId: after.orgUnitId, before, after } };
  });
}

async function toTasks(ctx: Ctx, rows: repo.TaskRow[]): Promise<Task[]> {
  const progress = await repo.progressOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const today = shanghaiDate(new Date());
  return rows.map((r) => ({
    id: r.id,
    leadingGroupId: r.leading_group_id,
    orgUnitId: r.org_unit_id,
    year: r.year,
    title: r.title,
    description: r.description,
    ownerUnitId: r.owner_unit_id,
    ownerName: r.owner_name,
    deadline: r.deadline,
    status: r.status,
    overdue: isOverdue(r.status, r.deadline, today),
    version: r.version,
    progress: progress.filter((p) => p.task_id === r.id).map((p) => ({ id: p.id, notedOn: p.noted_on, note: p.note, notedBy: p.noted_by })),
  }));
}

async function taskFor(ctx: Ctx, id: number): Promise<Task> {
  const row = await repo.findTask(ctx.db, scopeOf(ctx.actor, 'leading_group.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '工作要点不存在');
  return (await toTasks(ctx, [row]))[0] as Task;
}

export async function listTasks(ctx: Ctx, q: TaskQuery): Promise<Page<Task>> {
  const page = await repo.listTasks(ctx.db, scopeOf(ctx.actor, 'leading_group.read'), q);
  return { ...page, items: await toTasks(ctx, page.items) };
}

export async function createTask(ctx: Ctx, input: TaskCreate): Promise<Task> {
  const group = await groupFor(ctx, input.leadingGroupId, true);
  if (input.ownerUnitId) await requireUnitInScope(ctx.db, ctx.actor, 'org.read', input.ownerUnitId);
  const id = await audited(ctx, async (trx) => {
    const row = await repo.insertTask(trx, group.org_unit_id, input);
    return { result: row.id, audit: { action: 'task.create', entityType: 'task', entityId: row.id, orgUnitId: group.org_unit_id, after: input } };
  });
  return taskFor(ctx, id);
}

export async function updateTask(ctx: Ctx, id: number, input: TaskUpdateBody): Promise<Task> {
  const before = await taskFor(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'leading_group.write', before.orgUnitId);
  if (input.ownerUnitId) await requireUnitInScope(ctx.db, ctx.actor, 'org.read', input.ownerUnitId);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'group_tasks', id, input.version, {
      title: input.title,
      description: input.description,
      owner_unit_id: input.ownerUnitId,
      owner_name: input.ownerName,
      deadline: input.deadline,
      status: input.status,
    });
    return {
      result: undefined,
      audit: { action: 'task.update', entityType: 'task', entityId: id, orgUnitId: before.orgUnitId, before: { ...before, progress: undefined }, after: input },
    };
  });
  return taskFor(ctx, id);
}

export async function addProgress(ctx: Ctx, id: number, input: TaskProgressCreate): Promise<Task> {
  const task = await taskFor(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'leading_group.write', task.orgUnitId);
  await audited(ctx, async (trx) => {
    // Bumping the version even without a status change keeps two clerks from logging over each other unseen.
    await updateVersioned(trx, 'group_tasks', id, input.version, input.status ? { status: input.status } : {});
    const p = await repo.insertProgress(trx, { taskId: id, notedOn: input.notedOn, note: input.note, notedBy: ctx.actor.userId });
    return {
      result: undefined,
      audit: {
        action: 'task.progress',
        entityType: 'task',
        entityId: id,
        orgUnitId: task.orgUnitId,
        before: { status: task.status },
        after: { progressId: p.id, notedOn: input.notedOn, note: input.note, status: input.status ?? task.status },
      },
    };
  });
  return taskFor(ctx, id);
}
