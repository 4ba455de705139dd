import type {
  Committee,
  CommitteeCreate,
  CommitteeMember,
  CommitteeUpdate,
  MemberCreate,
  MemberEnd,
  MemberUpdate,
  Training,
  TrainingCreate,
} from '../../../domain/mediation/contracts.ts';
import { type CompositionMember, compositionOf, DEFAULT_TARGET_DAYS, isCommitteeMember, levelOfUnitKind, termEndOf, termStatusOf } from '../../../domain/mediation/rules.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { maskPhone } from '../../../domain/platform/masking.ts';
import { uniquely, updateVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './committee.repository.ts';
import { handlerOf, reveal, seal } from './mediation.access.ts';

const today = () => shanghaiDate(new Date());

function toTraining(r: Awaited<ReturnType<typeof repo.trainingsOf>>[number]): Training {
  return { id: r.id, trainedOn: r.trained_on, title: r.title, hours: r.hours === null ? null : Number(r.hours), organiser: r.organiser };
}

async function toCommittees(ctx: Ctx, rows: repo.CommitteeRow[], history: boolean): Promise<Committee[]> {
  const date = today();
  const members = await repo.listMembers(
    ctx.db,
    rows.map((r) => r.id),
    history ? undefined : date,
  );
  const trainings = await repo.trainingsOf(
    ctx.db,
    members.map((m) => m.id),
  );
  const handles = handlerOf(ctx.actor);
  return rows.map((r) => {
    const unmasked = handles(r.org_unit_path);
    const own = members.filter((m) => m.committee_id === r.id);
    const serving = own.filter((m) => m.joined_on <= date && (m.left_on === null || m.left_on >= date));
    const composition = compositionOf(serving);
    const committeeMembers = serving.filter((m) => isCommitteeMember(m.position));
    return {
      id: r.id,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      level: levelOfUnitKind(r.org_unit_kind) ?? 'village',
      name: r.name,
      termStart: r.term_start,
      termEnd: termEndOf(r.term_start),
      termStatus: termStatusOf(r.term_start, date),
      targetDays: r.target_days,
      address: r.address,
      phone: r.phone,
      memberCount: committeeMembers.length,
      womenCount: committeeMembers.filter((m) => m.gender === 'female').length,
      // A count outside 3–9 cannot be saved, but shows here if members left by date since.
      warnings: [...composition.errors, ...composition.warnings],
      members: own.map((m) => toMember(ctx, m, unmasked, trainings)),
      version: r.version,
    };
  });
}

function toMember(ctx: Ctx, m: repo.MemberRow, unmasked: boolean, trainings: Awaited<ReturnType<typeof repo.trainingsOf>>): CommitteeMember {
  return {
    id: m.id,
    committeeId: m.committee_id,
    name: m.name,
    gender: m.gender,
    ethnicity: m.ethnicity,
    position: m.position,
    title: m.title,
    phone: reveal(ctx, m.phone_enc, maskPhone, unmasked),
    joinedOn: m.joined_on,
    leftOn: m.left_on,
    leaveReason: m.leave_reason,
    trainings: trainings.filter((t) => t.member_id === m.id).map(toTraining),
    version: m.version,
  };
}

export async function listCommittees(ctx: Ctx): Promise<Committee[]> {
  return (await listCommitteesHandled(ctx)).map((c) => c.committee);
}

/** The committees list, each with whether the actor handles it (and so sees its members' phones in full). */
export async function listCommitteesHandled(ctx: Ctx): Promise<{ committee: Committee; handled: boolean }[]> {
  const rows = await repo.listCommittees(ctx.db, scopeOf(ctx.actor, 'mediation.read'));
  const handles = handlerOf(ctx.actor);
  return (await toCommittees(ctx, rows, false)).map((committee, i) => ({ committee, handled: handles((rows[i] as repo.CommitteeRow).org_unit_path) }));
}

/** A committee the actor may read (404 otherwise); with `manage`, one they may also keep. */
export async function committeeFor(ctx: Ctx, id: number, manage = false): Promise<repo.CommitteeRow> {
  const row = await repo.findCommittee(ctx.db, scopeOf(ctx.actor, 'mediation.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '人民调解委员会不存在');
  if (manage) await requireUnitInScope(ctx.db, ctx.actor, 'mediation.manage', row.org_unit_id);
  return row;
}

/** With every member it ever had (history), each with their training record. */
export async function getCommittee(ctx: Ctx, id: number): Promise<Committee> {
  return (await toCommittees(ctx, [await committeeFor(ctx, id)], true))[0] as Committee;
}

const refuse = (problems: string[], field: string) => {
  if (problems.length) throw new AppError('MEDIATION_RULE', problems.join('；'), { field });
};

function notInFuture(date: string, field: string, title: string) {
  if (date > today()) throw new AppError('MEDIATION_INVALID', `「${title}」不能晚于今天`, { field });
}

const memberValues = (ctx: Ctx, m: MemberCreate): repo.MemberValues => {
  const phone = seal(ctx, m.phone);
  return { ...m, phoneEnc: phone.enc, phoneIdx: phone.idx };
};

export async function createCommittee(ctx: Ctx, input: CommitteeCreate): Promise<Committee> {
  const unit = await requireUnitInScope(ctx.db, ctx.actor, 'mediation.manage', input.orgUnitId);
  if (!levelOfUnitKind(unit.kind)) throw new AppError('MEDIATION_INVALID', '人民调解委员会设在村（居）委会（第八条）或乡镇（第三十四条）', { field: 'orgUnitId' });
  refuse(compositionOf(input.members).errors, 'members');
  input.members.forEach((m, i) => {
    notInFuture(m.joinedOn, `members.${i}.joinedOn`, '任职日期');
  });
  const { members, ...fields } = input;
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(repo.insertCommittee(trx, { ...fields, targetDays: input.targetDays ?? DEFAULT_TARGET_DAYS }), `「${unit.name}」已设立人民调解委员会`);
    for (const m of members) await repo.insertMember(trx, id, memberValues(ctx, m));
    return {
      result: id,
      audit: {
        action: 'mediation.committee_create',
        entityType: 'mediation_committee',
        entityId: id,
        orgUnitId: input.orgUnitId,
        after: { ...fields, members: members.map((m) => ({ name: m.name, gender: m.gender, position: m.position, joinedOn: m.joinedOn })) },
      },
    };
  });
  return getCommittee(ctx, id);
}

/** Renaming, the office, the mediation target, or a new term (换届: a new start date). */
export async function updateCommittee(ctx: Ctx, id: number, input: CommitteeUpdate): Promise<Committee> {
  const before = await committeeFor(ctx, id, true);
  await audited(ctx, async (trx) => {
    const changes = { name: input.name, term_start: input.termStart, target_days: input.targetDays, address: input.address, phone: input.phone };
    await updateVersioned(trx, 'mediation_committees', id, input.version, changes);
    return {
      result: undefined,
      audit: {
        action: 'mediation.committee_update',
        entityType: 'mediation_committee',
        entityId: id,
        orgUnitId: before.org_unit_id,
        before: { name: before.name, termStart: before.term_start, targetDays: before.target_days, address: before.address, phone: before.phone },
        after: input,
      },
    };
  });
  return getCommittee(ctx, id);
}

const servingToday = async (ctx: Ctx, committeeId: number) => repo.listMembers(ctx.db, [committeeId], today());

export async function addMember(ctx: Ctx, committeeId: number, input: MemberCreate): Promise<Committee> {
  const committee = await committeeFor(ctx, committeeId, true);
  notInFuture(input.joinedOn, 'joinedOn', '任职日期');
  if (isCommitteeMember(input.position)) {
    const after: CompositionMember[] = [...(await servingToday(ctx, committeeId)), input];
    refuse(compositionOf(after).errors, 'position');
  }
  await audited(ctx, async (trx) => {
    const row = await repo.insertMember(trx, committeeId, memberValues(ctx, input));
    return {
      result: row.id,
      audit: {
        action: 'mediation.member_add',
        entityType: 'mediation_committee',
        entityId: committeeId,
        orgUnitId: committee.org_unit_id,
        after: { memberId: row.id, name: input.name, gender: input.gender, position: input.position, joinedOn: input.joinedOn },
      },
    };
  });
  return getCommittee(ctx, committeeId);
}

async function memberFor(ctx: Ctx, memberId: number) {
  const member = await repo.findMember(ctx.db, memberId);
  if (!member) throw new AppError('NOT_FOUND', '该调解员记录不存在');
  const committee = await committeeFor(ctx, member.committee_id, true);
  return { member, committee };
}

export async function updateMember(ctx: Ctx, memberId: number, input: MemberUpdate): Promise<Committee> {
  const { member, committee } = await memberFor(ctx, memberId);
  if (input.position && input.position !== member.position) {
    const others = (await servingToday(ctx, committee.id)).filter((m) => m.id !== memberId);
    refuse(compositionOf([...others, { position: input.position, gender: input.gender ?? member.gender }]).errors, 'position');
  }
  const phone = input.phone === undefined ? undefined : seal(ctx, input.phone);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'mediation_members', memberId, input.version, {
      name: input.name,
      gender: input.gender,
      position: input.position,
      ethnicity: input.ethnicity,
      title: input.title,
      phone_enc: phone?.enc,
      phone_idx: phone?.idx,
    });
    const { phone: _phone, ...changes } = input;
    return {
      result: undefined,
      audit: {
        action: 'mediation.member_update',
        entityType: 'mediation_committee',
        entityId: committee.id,
        orgUnitId: committee.org_unit_id,
        before: { memberId, name: member.name, gender: member.gender, position: member.position, title: member.title },
        after: { ...changes, phoneChanged: input.phone !== undefined },
      },
    };
  });
  return getCommittee(ctx, committee.id);
}

/** A member leaves (离任). The committee must keep at least three 委员: appoint the successor first. */
export async function endMember(ctx: Ctx, memberId: number, input: MemberEnd): Promise<Committee> {
  const { member, committee } = await memberFor(ctx, memberId);
  if (member.left_on !== null) throw new AppError('MEDIATION_RULE', `该人员已于 ${member.left_on} 离任`, { field: 'leftOn' });
  if (input.leftOn < member.joined_on) throw new AppError('MEDIATION_INVALID', `离任日期不能早于任职日期 ${member.joined_on}`, { field: 'leftOn' });
  if (isCommitteeMember(member.position)) {
    const remaining = (await servingToday(ctx, committee.id)).filter((m) => m.id !== memberId);
    const problems = compositionOf(remaining).errors;
    if (problems.length) throw new AppError('MEDIATION_RULE', `${problems.join('；')}：请先增补委员再办理离任`, { field: 'leftOn' });
  }
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'mediation_members', memberId, input.version, { left_on: input.leftOn, leave_reason: input.reason });
    return {
      result: undefined,
      audit: {
        action: 'mediation.member_end',
        entityType: 'mediation_committee',
        entityId: committee.id,
        orgUnitId: committee.org_unit_id,
        before: { memberId, name: member.name, position: member.position },
        after: { leftOn: input.leftOn, reason: input.reason },
      },
    };
  });
  return getCommittee(ctx, committee.id);
}

/** 业务培训 (art 14): one line of a mediator's training record. */
export async function addTraining(ctx: Ctx, memberId: number, input: TrainingCreate): Promise<Committee> {
  const { member, committee } = await memberFor(ctx, memberId);
  notInFuture(input.trainedOn, 'trainedOn', '培训日期');
  await audited(ctx, async (trx) => {
    const row = await repo.insertTraining(trx, memberId, input, ctx.actor.userId);
    return {
      result: row.id,
      audit: {
        action: 'mediation.training_add',
        entityType: 'mediation_committee',
        entityId: committee.id,
        orgUnitId: committee.org_unit_id,
        after: { memberId, name: member.name, ...input },
      },
    };
  });
  return getCommittee(ctx, committee.id);
}
