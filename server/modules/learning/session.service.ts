import { randomInt } from 'node:crypto';
import type {
  AttendeeInput,
  Person,
  PersonQuery,
  SignInBody,
  SignInOpen,
  SignInResult,
  StudySession,
  StudySessionCreate,
  StudySessionQuery,
  StudySessionUpdate,
} from '../../../domain/learning/contracts.ts';
import { duplicateAttendee, type SessionKind, sessionProblem, signInOpenProblem } from '../../../domain/learning/rules.ts';
import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { updateVersioned, voidVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { belongsUnder, canAt, requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './session.repository.ts';

const toSession = (r: repo.SessionRow, attendees: repo.AttendeeRow[], writable: (path: string) => boolean): StudySession => {
  const mine = attendees.filter((a) => a.session_id === r.id);
  const open = r.sign_in_code && r.sign_in_until && new Date(r.sign_in_until) > new Date() && writable(r.org_unit_path);
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    kind: r.kind,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    lecturer: r.lecturer,
    lecturerUserId: r.lecturer_user_id,
    organiser: r.organiser,
    laws: r.laws,
    summary: r.summary,
    personTimes: mine.length,
    attendees: mine.map((a) => ({ id: a.id, userId: a.user_id, personName: a.person_name, orgUnitId: a.org_unit_id, orgUnitName: a.org_unit_name })),
    signIn: open ? { code: r.sign_in_code as string, until: new Date(r.sign_in_until as Date).toISOString() } : null,
    version: r.version,
  };
};

async function toSessions(ctx: Ctx, rows: repo.SessionRow[]): Promise<StudySession[]> {
  const attendees = await repo.attendeesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const writable = canAt(ctx.actor, 'learning.write');
  return rows.map((r) => toSession(r, attendees, writable));
}

export async function listSessions(ctx: Ctx, q: StudySessionQuery): Promise<Page<StudySession>> {
  const page = await repo.listSessions(ctx.db, scopeOf(ctx.actor, 'learning.read'), q);
  return { ...page, items: await toSessions(ctx, page.items) };
}

async function sessionRow(ctx: Ctx, id: number): Promise<repo.SessionRow> {
  const row = await repo.findSession(ctx.db, scopeOf(ctx.actor, 'learning.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '学法活动不存在');
  return row;
}

export async function getSession(ctx: Ctx, id: number): Promise<StudySession> {
  return (await toSessions(ctx, [await sessionRow(ctx, id)]))[0] as StudySession;
}

/** Accounts the coordinator may pick as attendees or candidates. */
export async function listPeople(ctx: Ctx, q: PersonQuery): Promise<Person[]> {
  const rows = await repo.peopleInScope(ctx.db, scopeOf(ctx.actor, 'learning.write'), { ...q, limit: 200 });
  return rows.map(toPerson);
}
export const toPerson = (r: repo.PersonRow): Person => ({ id: r.id, displayName: r.display_name, title: r.title, orgUnitId: r.org_unit_id, orgUnitName: r.org_unit_name });

/**
 * Attendees as rows to store: an account brings its name and home unit (as they are on the day of recording);
 * a person without an account is named, in the unit given or else the organising unit.
 */
export async function resolvePeople(ctx: Ctx, list: readonly AttendeeInput[], defaultUnitId: number, field: string): Promise<repo.AttendeeValues[]> {
  const ids = list.flatMap((a) => (a.userId ? [a.userId] : []));
  const users = new Map((await repo.peopleInScope(ctx.db, scopeOf(ctx.actor, 'learning.write'), { ids })).map((u) => [u.id, u]));
  const checkedUnits = new Set<number>();
  const out: repo.AttendeeValues[] = [];
  for (const [i, a] of list.entries()) {
    if (a.userId) {
      const user = users.get(a.userId);
      if (!user) throw new AppError('NOT_FOUND', '所选人员不存在', { field: `${field}.${i}.userId` });
      out.push({ userId: user.id, personName: user.display_name, orgUnitId: user.org_unit_id });
    } else {
      const name = a.personName?.trim();
      if (!name) throw new AppError('LEARNING_RULE', `第 ${i + 1} 位人员：请选择账号或填写姓名`, { field: `${field}.${i}.personName` });
      const unit = a.orgUnitId ?? defaultUnitId;
      if (!checkedUnits.has(unit)) {
        await requireUnitInScope(ctx.db, ctx.actor, 'org.read', unit);
        checkedUnits.add(unit);
      }
      out.push({ userId: null, personName: name, orgUnitId: unit });
    }
  }
  const dup = duplicateAttendee(out);
  if (dup !== null) throw new AppError('LEARNING_RULE', `「${out[dup]?.personName}」重复登记`, { field: `${field}.${dup}` });
  return out;
}

async function checkSession(ctx: Ctx, v: { kind: SessionKind; lecturer?: string; lecturerUserId?: number | null }): Promise<string | undefined> {
  let lecturer = v.lecturer;
  if (v.lecturerUserId) {
    const [user] = await repo.peopleInScope(ctx.db, scopeOf(ctx.actor, 'org.read'), { ids: [v.lecturerUserId] });
    if (!user) throw new AppError('NOT_FOUND', '所选主讲人不存在', { field: 'lecturerUserId' });
    if (!lecturer?.trim()) lecturer = user.display_name;
  }
  const problem = sessionProblem({ kind: v.kind, lecturer });
  if (problem) throw new AppError('LEARNING_RULE', problem.message, { field: problem.field });
  return lecturer;
}

const names = (list: { personName: string }[]) => list.map((a) => a.personName);

export async function createSession(ctx: Ctx, input: StudySessionCreate): Promise<StudySession> {
  await requireUnitInScope(ctx.db, ctx.actor, 'learning.write', input.orgUnitId);
  const lecturer = await checkSession(ctx, input);
  const attendees = await resolvePeople(ctx, input.attendees ?? [], input.orgUnitId, 'attendees');
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertSession(trx, input.orgUnitId, { ...input, lecturer });
    await repo.insertAttendees(trx, id, attendees);
    const { attendees: _, ...fields } = input;
    return {
      result: id,
      audit: { action: 'study_session.create', entityType: 'study_session', entityId: id, orgUnitId: input.orgUnitId, after: { ...fields, lecturer, attendees: names(attendees) } },
    };
  });
  return getSession(ctx, id);
}

const keyOf = (a: { userId: number | null; personName: string; orgUnitId: number | null }) => (a.userId ? `u${a.userId}` : `n${a.personName}@${a.orgUnitId ?? ''}`);

export async function updateSession(ctx: Ctx, id: number, input: StudySessionUpdate): Promise<StudySession> {
  const before = await getSession(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'learning.write', before.orgUnitId);
  const kind = input.kind ?? before.kind;
  const lecturer = await checkSession(ctx, {
    kind,
    lecturer: input.lecturer ?? before.lecturer,
    lecturerUserId: input.lecturerUserId ?? before.lecturerUserId,
  });
  const wanted = input.attendees ? await resolvePeople(ctx, input.attendees, before.orgUnitId, 'attendees') : null;
  await audited(ctx, async (trx) => {
    const { attendees: _, version, ...fields } = input;
    // Bumped even when only the attendance changes: two clerks never overwrite each other's list unseen.
    await updateVersioned(trx, 'study_sessions', id, version, repo.sessionColumns({ ...fields, lecturer: lecturer === before.lecturer ? undefined : lecturer }));
    let change: { added: string[]; removed: string[] } | undefined;
    if (wanted) {
      const current = new Map(before.attendees.map((a) => [keyOf(a), a]));
      const next = new Set(wanted.map(keyOf));
      const removed = before.attendees.filter((a) => !next.has(keyOf(a)));
      const added = wanted.filter((a) => !current.has(keyOf(a)));
      await repo.voidAttendees(
        trx,
        removed.map((a) => a.id),
        ctx.actor.userId,
        '修改参加人员名单',
      );
      await repo.insertAttendees(trx, id, added);
      change = { added: names(added), removed: names(removed) };
    }
    return {
      result: undefined,
      audit: {
        action: 'study_session.update',
        entityType: 'study_session',
        entityId: id,
        orgUnitId: before.orgUnitId,
        before: { ...before, attendees: names(before.attendees) },
        after: { ...fields, attendees: change },
      },
    };
  });
  return getSession(ctx, id);
}

export async function voidSession(ctx: Ctx, id: number, input: VoidBody): Promise<void> {
  const before = await getSession(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'learning.write', before.orgUnitId);
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'study_sessions', id, input.version, input.reason, ctx.actor.userId);
    return { result: undefined, audit: { action: 'study_session.void', entityType: 'study_session', entityId: id, orgUnitId: before.orgUnitId, after: { reason: input.reason } } };
  });
}

// ── 签到码: attendees sign themselves in on the day ────────────────────────────────────────────────────────

async function writableSession(ctx: Ctx, id: number, version: number): Promise<StudySession> {
  const session = await getSession(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'learning.write', session.orgUnitId);
  if (session.version !== version) throw new AppError('VERSION_CONFLICT', undefined, { currentVersion: session.version });
  return session;
}

export async function openSignIn(ctx: Ctx, id: number, input: SignInOpen): Promise<StudySession> {
  const session = await writableSession(ctx, id, input.version);
  const problem = signInOpenProblem({ heldOn: session.heldOn, today: shanghaiDate(new Date()) });
  if (problem) throw new AppError('LEARNING_RULE', problem);
  const until = new Date(Date.now() + input.minutes * 60_000);
  await audited(ctx, async (trx) => {
    await repo.clearExpiredSignIns(trx);
    // A fresh random code that no open sign-in holds; six digits are easy to read out in a meeting room.
    let code = session.signIn?.code ?? '';
    while (!code || (await repo.sessionBySignInCode(trx, code))?.id !== undefined) code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await updateVersioned(trx, 'study_sessions', id, input.version, { sign_in_code: code, sign_in_until: until });
    return {
      result: undefined,
      audit: { action: 'study_session.sign_in_open', entityType: 'study_session', entityId: id, orgUnitId: session.orgUnitId, after: { until: until.toISOString() } },
    };
  });
  return getSession(ctx, id);
}

export async function closeSignIn(ctx: Ctx, id: number, input: { version: number }): Promise<StudySession> {
  const session = await writableSession(ctx, id, input.version);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'study_sessions', id, input.version, { sign_in_code: null, sign_in_until: null });
    return { result: undefined, audit: { action: 'study_session.sign_in_close', entityType: 'study_session', entityId: id, orgUnitId: session.orgUnitId } };
  });
  return getSession(ctx, id);
}

/** The signed-in user marks themself present; a session of another town (outside their unit's line) is not theirs. */
export async function signIn(ctx: Ctx, input: SignInBody): Promise<SignInResult> {
  const session = await repo.sessionBySignInCode(ctx.db, input.code);
  const me = await repo.userWithUnit(ctx.db, ctx.actor.userId);
  if (!session || !belongsUnder(me.path, session.org_unit_path)) throw new AppError('NOT_FOUND', '签到码无效或已过期，请向组织者核对', { field: 'code' });
  const result = { sessionId: session.id, title: session.title, heldOn: session.held_on };
  if (await repo.userAttendance(ctx.db, session.id, me.id)) return { ...result, alreadySigned: true };
  await audited(ctx, async (trx) => {
    await repo.insertAttendees(trx, session.id, [{ userId: me.id, personName: me.display_name, orgUnitId: me.org_unit_id }]);
    return {
      result: undefined,
      audit: { action: 'study_session.sign_in', entityType: 'study_session', entityId: session.id, orgUnitId: session.org_unit_id, after: { personName: me.display_name } },
    };
  });
  return { ...result, alreadySigned: false };
}
