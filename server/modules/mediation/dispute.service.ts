import type { Transaction } from 'kysely';
import type {
  AcceptBody,
  CloseBody,
  Dispute,
  DisputeCreate,
  DisputeFilters,
  DisputeListItem,
  DisputeQuery,
  DisputeUpdate,
  FollowUpCreate,
  JudicialApply,
  JudicialResultBody,
  PartyInput,
  RefuseBody,
  Reminders,
  SessionCreate,
  Statistics,
  StatisticsQuery,
  StatRow,
} from '../../../domain/mediation/contracts.ts';
import {
  committeeLevelLabels,
  dueDateOf,
  isDueThisWeek,
  isOverdue,
  judicialDeadlineOf,
  judicialWindowOf,
  levelOfUnitKind,
  type OtherChannel,
  successRate,
  termEndOf,
  termStatusOf,
  transitionProblem,
  weekOf,
} from '../../../domain/mediation/rules.ts';
import { applyStep, type DisputeState, historyProblem, registered, type Step, type StepContext, type StepProblem, stepProblem } from '../../../domain/mediation/steps.ts';
import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { addDays, shanghaiDate } from '../../../domain/platform/dates.ts';
import { maskIdCard, maskPhone } from '../../../domain/platform/masking.ts';
import type { WorkCalendar } from '../../../domain/platform/workdays.ts';
import { updateVersioned, voidVersioned } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { loadWorkCalendar } from '../../platform/calendar.service.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { blindIndex } from '../../platform/crypto.ts';
import { listEntries, requireCode } from '../../platform/dictionary.service.ts';
import { requireUnitInScope, type Scope, scopeOf } from '../../platform/permissions.ts';
import { agreementDocx } from './agreement.document.ts';
import * as committees from './committee.repository.ts';
import * as repo from './dispute.repository.ts';
import { handlerOf, reveal, seal } from './mediation.access.ts';

export const DISPUTE_TYPE_KIND = 'mediation.dispute_type';
const today = () => shanghaiDate(new Date());

// ── reading ─────────────────────────────────────────────────────────────────────────────────────

/** Rows as the API shows them: parties (identifiers masked unless the actor handles the dispute), mediators, deadlines. */
export async function toItems(ctx: Ctx, rows: repo.DisputeRow[], calendar?: WorkCalendar): Promise<DisputeListItem[]> {
  const date = today();
  const needsCalendar = rows.some((r) => r.status === 'succeeded' && r.agreement_kind === 'written');
  const workdays = needsCalendar ? (calendar ?? (await loadWorkCalendar(ctx.db))) : undefined;
  const handles = handlerOf(ctx.actor);
  return rows.map((r) => {
    const unmasked = handles(r.org_unit_path);
    const agreement =
      r.status === 'succeeded' && r.agreement_kind && r.closed_on
        ? {
            kind: r.agreement_kind,
            facts: r.facts,
            responsibilities: r.responsibilities,
            terms: r.terms,
            performanceMethod: r.performance_method,
            performanceDeadline: r.performance_deadline,
            effectiveOn: r.closed_on,
          }
        : null;
    const deadline = agreement?.kind === 'written' && workdays ? judicialDeadlineOf(agreement.effectiveOn, workdays.isWorkday) : null;
    return {
      id: r.id,
      number: r.number,
      orgUnitId: r.org_unit_id,
      orgUnitName: r.org_unit_name,
      committeeId: r.committee_id,
      committeeName: r.committee_name,
      committeeLevel: levelOfUnitKind(r.committee_unit_kind) ?? 'village',
      source: r.source,
      referralFrom: r.referral_from,
      referralNote: r.referral_note,
      typeCode: r.type_code,
      typeLabel: r.type_label ?? r.type_code,
      summary: r.summary,
      amount: r.amount,
      disclosure: r.disclosure,
      registeredOn: r.registered_on,
      status: r.status,
      acceptedOn: r.accepted_on,
      dueOn: r.due_on,
      overdue: isOverdue(r.status, r.due_on, date),
      dueThisWeek: isDueThisWeek(r.status, r.due_on, date),
      refusedOn: r.refused_on,
      refusingParty: r.refusing_party,
      refusalReason: r.refusal_reason,
      closedOn: r.closed_on,
      agreement,
      otherChannels: r.other_channels as OtherChannel[],
      closeNote: r.close_note,
      mediators: r.mediator_ids.map((id) => ({ id, name: r.mediator_names.find((m) => m.id === id)?.name ?? '' })),
      judicial: deadline
        ? {
            deadline,
            window: judicialWindowOf(deadline, date),
            appliedOn: r.judicial_applied_on,
            court: r.judicial_court,
            result: r.judicial_result,
            resultOn: r.judicial_result_on,
            note: r.judicial_note,
          }
        : null,
      parties: r.parties.map((p) => ({
        id: p.id,
        kind: p.kind,
        role: p.role,
        name: p.name,
        gender: p.gender,
        idNumber: reveal(ctx, p.id_number_enc, maskIdCard, unmasked),
        phone: reveal(ctx, p.phone_enc, maskPhone, unmasked),
        address: p.address,
      })),
      sessionCount: Number(r.session_count ?? 0),
      followUpCount: Number(r.follow_up_count ?? 0),
      canWrite: unmasked,
      version: r.version,
    };
  });
}

const readScope = (ctx: Ctx) => scopeOf(ctx.actor, 'mediation.read');

/** A dispute the actor may read — 404 for one outside their scope, as if it did not exist; with `write`, one they handle. */
export async function disputeFor(ctx: Ctx, id: number, write = false): Promise<repo.DisputeRow> {
  const row = await repo.findDispute(ctx.db, readScope(ctx), id);
  if (!row) throw new AppError('NOT_FOUND', '纠纷不存在');
  if (write) await requireUnitInScope(ctx.db, ctx.actor, 'mediation.write', row.org_unit_id);
  return row;
}

export async function getDispute(ctx: Ctx, id: number): Promise<Dispute> {
  const row = await disputeFor(ctx, id);
  const [item] = await toItems(ctx, [row]);
  const [sessions, followUps] = await Promise.all([repo.sessionsOf(ctx.db, id), repo.followUpsOf(ctx.db, id)]);
  return {
    ...(item as DisputeListItem),
    sessions: sessions.map((s) => ({
      id: s.id,
      heldOn: s.held_on,
      place: s.place,
      mediators: s.mediators,
      attendees: s.attendees,
      record: s.record,
      recordedBy: s.recorded_by_name,
    })),
    followUps: followUps.map((f) => ({ id: f.id, followedOn: f.followed_on, method: f.method, performance: f.performance, note: f.note, recordedBy: f.recorded_by_name })),
  };
}

/** Written agreements whose 30-day window for 司法确认 closes within the reminder days (exact, with the working-day calendar). */
async function judicialDueIds(ctx: Ctx, scope: Scope, date: string): Promise<number[]> {
  const calendar = await loadWorkCalendar(ctx.db);
  const candidates = await repo.judicialCandidates(ctx.db, scope, addDays(date, -60));
  return candidates.filter((c) => c.closed_on && judicialWindowOf(judicialDeadlineOf(c.closed_on, calendar.isWorkday), date) === 'closing').map((c) => c.id);
}

export async function listFilters(ctx: Ctx, scope: Scope, f: DisputeFilters): Promise<repo.ListFilters> {
  const date = today();
  const q = f.q?.trim();
  return {
    ...f,
    today: date,
    weekEnd: weekOf(date).sunday,
    qIndex: q ? blindIndex(ctx.keys, q) : undefined,
    ids: f.judicialDue ? await judicialDueIds(ctx, scope, date) : undefined,
  };
}

export async function listDisputes(ctx: Ctx, q: DisputeQuery): Promise<Page<DisputeListItem>> {
  const scope = readScope(ctx);
  const page = await repo.listDisputes(ctx.db, scope, { ...(await listFilters(ctx, scope, q)), page: q.page, pageSize: q.pageSize });
  return { ...page, items: await toItems(ctx, page.items) };
}

/** What needs doing: disputes past their target, due this week, 司法确认 windows closing, committees due for 换届. */
export async function reminders(ctx: Ctx): Promise<Reminders> {
  const scope = readScope(ctx);
  const base = await listFilters(ctx, scope, {});
  const [overdue, dueThisWeek, judicial, rows] = await Promise.all([
    repo.countDisputes(ctx.db, scope, { ...base, overdue: true }),
    repo.countDisputes(ctx.db, scope, { ...base, dueThisWeek: true }),
    judicialDueIds(ctx, scope, base.today),
    committees.listCommittees(ctx.db, scope),
  ]);
  return {
    today: base.today,
    overdue,
    dueThisWeek,
    judicialDue: judicial.length,
    termsDue: rows
      .map((c) => ({ committeeId: c.id, name: c.name, termEnd: termEndOf(c.term_start), termStatus: termStatusOf(c.term_start, base.today) }))
      .filter((c) => c.termStatus !== 'current'),
  };
}

// ── checks shared by the dispute's page, the ledger import and the demo ─────────────────────────

export type Problem = { field: string; message: string };

function enforce(problem: StepProblem | null, details?: Record<string, unknown>): void {
  if (!problem) return;
  throw new AppError(problem.code === 'rule' ? 'MEDIATION_RULE' : 'MEDIATION_INVALID', problem.message, problem.field ? { field: problem.field } : (details ?? null));
}

/** A natural person's number must be a 居民身份证号; an organisation's may also be a 统一社会信用代码. */
export function partyProblems(parties: readonly PartyInput[], field = 'parties'): Problem[] {
  const problems: Problem[] = [];
  parties.forEach((p, i) => {
    const id = p.idNumber?.trim();
    if (id && p.kind === 'person' && !/^\d{17}[\dXx]$/.test(id)) problems.push({ field: `${field}.${i}.idNumber`, message: '自然人的证件号码应为18位居民身份证号' });
  });
  if (!parties.some((p) => p.role !== 'other')) problems.push({ field, message: '请注明申请方或被申请方' });
  return problems;
}

export function sealParties(ctx: Ctx, parties: readonly PartyInput[]): repo.SealedParty[] {
  return parties.map(({ idNumber, phone, ...p }) => {
    const id = seal(ctx, idNumber?.toUpperCase());
    const tel = seal(ctx, phone);
    return { ...p, name: p.name.trim(), idNumberEnc: id.enc, idNumberIdx: id.idx, phoneEnc: tel.enc, phoneIdx: tel.idx };
  });
}

type Unit = { id: number; path: string; kind: string; name: string };

/**
 * The committee that mediates a dispute arising at `unit`: the given one, else the unit's own, else the town's. It must
 * be visible to the actor and cover the unit (the unit's own committee or one above it).
 */
export function resolveCommittee(unit: Unit, visible: readonly committees.CommitteeRow[], committeeId?: number): Problem | committees.CommitteeRow {
  if (!committeeId) {
    const nearest = visible.filter((c) => unit.path.startsWith(c.org_unit_path)).sort((a, b) => b.org_unit_path.length - a.org_unit_path.length)[0];
    return nearest ?? { field: 'committeeId', message: `「${unit.name}」及其所在乡镇尚未设立人民调解委员会` };
  }
  const committee = visible.find((c) => c.id === committeeId);
  if (!committee) return { field: 'committeeId', message: '所选人民调解委员会不存在' };
  if (!unit.path.startsWith(committee.org_unit_path)) return { field: 'committeeId', message: `「${committee.name}」不管辖「${unit.name}」的纠纷` };
  return committee;
}

const unitProblem = (unit: Unit): Problem | null => (levelOfUnitKind(unit.kind) ? null : { field: 'orgUnitId', message: '纠纷发生地应为乡镇或村（社区）' });

const partyNames = (parties: readonly { name: string; role: string }[]) => parties.map((p) => ({ name: p.name, role: p.role }));

function stateOf(row: repo.DisputeRow, lastSessionOn: string | null): DisputeState {
  return {
    status: row.status,
    registeredOn: row.registered_on,
    acceptedOn: row.accepted_on,
    closedOn: row.closed_on,
    lastSessionOn,
    agreementKind: row.agreement_kind,
    judicialAppliedOn: row.judicial_applied_on,
    judicialResult: row.judicial_result,
  };
}

/** The step must be allowed now; the details of a refused transition name the status and the action. */
async function allow(ctx: Ctx, row: repo.DisputeRow, step: Step, extra: Partial<StepContext> = {}): Promise<void> {
  const lastSessionOn = step.kind === 'close' ? await repo.lastSessionDate(ctx.db, row.id) : null;
  enforce(stepProblem(stateOf(row, lastSessionOn), step, { today: today(), ...extra }), { status: row.status, action: step.kind });
}

// ── one step at a time (the dispute's page) ─────────────────────────────────────────────────────

export async function registerDispute(ctx: Ctx, input: DisputeCreate): Promise<Dispute> {
  const [id] = await recordHistories(ctx, [{ ...input, parties: input.parties }], 'mediation.dispute_register');
  return getDispute(ctx, id as number);
}

/** One state change of a dispute: version-checked update (plus `extra` rows) and its audit entry, in one transaction. */
async function change(
  ctx: Ctx,
  row: repo.DisputeRow,
  action: string,
  version: number,
  values: Record<string, unknown>,
  after: unknown,
  extra?: (trx: Transaction<DB>) => Promise<unknown>,
): Promise<Dispute> {
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'disputes', row.id, version, values);
    const added = extra ? await extra(trx) : undefined;
    return {
      result: undefined,
      audit: {
        action: `mediation.${action}`,
        entityType: 'dispute',
        entityId: row.id,
        orgUnitId: row.org_unit_id,
        before: { status: row.status, version: row.version },
        after: added === undefined ? after : { ...(after as object), added },
      },
    };
  });
  return getDispute(ctx, row.id);
}

export async function updateDispute(ctx: Ctx, id: number, input: DisputeUpdate): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  enforce(transitionProblem(row.status, 'edit') ? { code: 'rule', message: transitionProblem(row.status, 'edit') as string } : null, { status: row.status, action: 'edit' });
  if (input.typeCode) await requireCode(ctx, DISPUTE_TYPE_KIND, input.typeCode, 'typeCode', '纠纷类型');
  const source = input.source ?? row.source;
  const referralFrom = source === 'referral' ? (input.referralFrom ?? row.referral_from) : null;
  if (source === 'referral' && !referralFrom) enforce({ code: 'invalid', field: 'referralFrom', message: '移交的纠纷请注明移交单位' });
  const partyProblem = input.parties ? partyProblems(input.parties)[0] : undefined;
  if (partyProblem) enforce({ code: 'invalid', ...partyProblem });
  const parties = input.parties ? sealParties(ctx, input.parties) : null;
  const { parties: _p, version, ...fields } = input;
  return change(
    ctx,
    row,
    'dispute_update',
    version,
    {
      source: input.source,
      referral_from: input.source || input.referralFrom ? referralFrom : undefined,
      referral_note: input.referralNote,
      type_code: input.typeCode,
      summary: input.summary,
      amount: input.amount === '' ? null : input.amount,
      disclosure: input.disclosure,
    },
    { ...fields, parties: input.parties ? partyNames(input.parties) : undefined },
    parties ? (trx) => repo.replaceParties(trx, id, parties, ctx.actor.userId) : undefined,
  );
}

const servingSet = (members: readonly { id: number; joined_on: string; left_on: string | null }[]) => (date: string) =>
  new Set(members.filter((m) => m.joined_on <= date && (m.left_on === null || m.left_on >= date)).map((m) => m.id));

/** 受理: mediators are designated (art 19) and the target date (一般一个月内调结) starts to run. */
export async function acceptDispute(ctx: Ctx, id: number, input: AcceptBody): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  const members = await committees.listMembers(ctx.db, [row.committee_id]);
  await allow(ctx, row, { kind: 'accept', ...input }, { servingOn: servingSet(members) });
  const dueOn = dueDateOf(input.acceptedOn, row.committee_target_days);
  return change(
    ctx,
    row,
    'dispute_accept',
    input.version,
    { status: 'mediating', accepted_on: input.acceptedOn, due_on: dueOn, mediator_ids: [...new Set(input.mediatorIds)] },
    { acceptedOn: input.acceptedOn, dueOn, mediatorIds: input.mediatorIds },
  );
}

/** Art 17: 当事人一方明确拒绝调解的，不得调解 — the refusal and its reason are kept. */
export async function refuseDispute(ctx: Ctx, id: number, input: RefuseBody): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  await allow(ctx, row, { kind: 'refuse', refusedOn: input.refusedOn });
  return change(
    ctx,
    row,
    'dispute_refuse',
    input.version,
    { status: 'refused', refused_on: input.refusedOn, refusing_party: input.refusingParty, refusal_reason: input.reason },
    { refusedOn: input.refusedOn, refusingParty: input.refusingParty, reason: input.reason },
  );
}

/** Art 27: 人民调解员应当记录调解情况. */
export async function recordSession(ctx: Ctx, id: number, input: SessionCreate): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  await allow(ctx, row, { kind: 'session', heldOn: input.heldOn });
  const { version, ...session } = input;
  return change(ctx, row, 'dispute_session', version, {}, { heldOn: input.heldOn, place: input.place, mediators: input.mediators }, async (trx) => {
    const [s] = await repo.insertSessions(trx, [{ disputeId: id, ...session, attendees: session.attendees ?? [], recordedBy: ctx.actor.userId }]);
    return { sessionId: s?.id };
  });
}

/** Corrects a mediation record while the dispute is being mediated; once closed, the file stands as it was signed. */
export async function updateSession(ctx: Ctx, id: number, sessionId: number, input: SessionCreate): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  const before = await repo.sessionOf(ctx.db, id, sessionId);
  if (!before) throw new AppError('NOT_FOUND', '调解记录不存在');
  await allow(ctx, row, { kind: 'session', heldOn: input.heldOn });
  const { version, ...session } = input;
  const values = { ...session, attendees: session.attendees ?? [] };
  return change(
    ctx,
    row,
    'dispute_session_edit',
    version,
    {},
    { sessionId, before: { heldOn: before.held_on, place: before.place, record: before.record }, after: values },
    async (trx) => {
      await repo.updateSession(trx, sessionId, values);
    },
  );
}

const closeValues = (input: Omit<CloseBody, 'version'>) => {
  const succeeded = input.outcome === 'succeeded';
  return {
    status: input.outcome,
    closed_on: input.closedOn,
    agreement_kind: succeeded ? (input.agreementKind ?? null) : null,
    facts: succeeded ? (input.facts ?? '') : '',
    responsibilities: succeeded ? (input.responsibilities ?? '') : '',
    terms: succeeded ? (input.terms ?? '') : '',
    performance_method: succeeded ? (input.performanceMethod ?? '') : '',
    performance_deadline: succeeded ? (input.performanceDeadline ?? '') : '',
    other_channels: succeeded ? [] : [...new Set(input.otherChannels ?? [])],
    close_note: input.note ?? '',
  };
};

export async function closeDispute(ctx: Ctx, id: number, input: CloseBody): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  await allow(ctx, row, { kind: 'close', ...input });
  const { version, ...after } = input;
  return change(ctx, row, 'dispute_close', version, closeValues(input), after);
}

/** Art 31: 调委会应当对调解协议的履行情况进行监督，督促当事人履行. */
export async function addFollowUp(ctx: Ctx, id: number, input: FollowUpCreate): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  await allow(ctx, row, { kind: 'follow_up', followedOn: input.followedOn });
  const { version, ...followUp } = input;
  return change(ctx, row, 'dispute_follow_up', version, {}, followUp, async (trx) => {
    const [f] = await repo.insertFollowUps(trx, [{ disputeId: id, ...followUp, note: followUp.note ?? '', recordedBy: ctx.actor.userId }]);
    return { followUpId: f?.id };
  });
}

/** Art 33: 双方当事人自调解协议生效之日起三十日内共同向人民法院申请司法确认. */
export async function applyJudicial(ctx: Ctx, id: number, input: JudicialApply): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  const calendar = await loadWorkCalendar(ctx.db);
  await allow(ctx, row, { kind: 'judicial_apply', appliedOn: input.appliedOn, jointly: input.jointly }, { isWorkday: calendar.isWorkday });
  return change(
    ctx,
    row,
    'dispute_judicial_apply',
    input.version,
    { judicial_applied_on: input.appliedOn, judicial_court: input.court, judicial_result: 'pending' },
    { appliedOn: input.appliedOn, court: input.court, deadline: judicialDeadlineOf(row.closed_on as string, calendar.isWorkday) },
  );
}

export async function recordJudicialResult(ctx: Ctx, id: number, input: JudicialResultBody): Promise<Dispute> {
  const row = await disputeFor(ctx, id, true);
  await allow(ctx, row, { kind: 'judicial_result', resultOn: input.resultOn, result: input.result });
  return change(
    ctx,
    row,
    'dispute_judicial_result',
    input.version,
    { judicial_result: input.result, judicial_result_on: input.resultOn, judicial_note: input.note ?? '' },
    { result: input.result, resultOn: input.resultOn, note: input.note },
  );
}

/** A dispute registered in error is voided (作废) with its reason; it stays in the database and the trail. */
export async function voidDispute(ctx: Ctx, id: number, input: VoidBody): Promise<{ id: number; voided: true }> {
  const row = await disputeFor(ctx, id, true);
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'disputes', id, input.version, input.reason, ctx.actor.userId);
    return {
      result: undefined,
      audit: {
        action: 'mediation.dispute_void',
        entityType: 'dispute',
        entityId: id,
        orgUnitId: row.org_unit_id,
        before: { number: row.number, status: row.status },
        after: { reason: input.reason },
      },
    };
  });
  return { id, voided: true };
}

/** The 人民调解协议书 to sign, from a dispute closed with a written agreement; printing it is audited. */
export async function printAgreement(ctx: Ctx, id: number): Promise<{ filename: string; buffer: Buffer }> {
  const dispute = await getDispute(ctx, id);
  if (dispute.agreement?.kind !== 'written') {
    throw new AppError('MEDIATION_RULE', '只有以书面调解协议办结的纠纷可以生成人民调解协议书（《人民调解法》第二十八条）');
  }
  const buffer = await agreementDocx(dispute);
  await audited(ctx, async () => ({
    result: undefined,
    audit: { action: 'mediation.agreement_print', entityType: 'dispute', entityId: id, orgUnitId: dispute.orgUnitId, after: { number: dispute.number, masked: !dispute.canWrite } },
  }));
  return { filename: `人民调解协议书_${dispute.number}.docx`, buffer };
}

// ── whole histories at once (the ledger import, the demo town) ──────────────────────────────────

/**
 * A dispute as a ledger or an archive knows it: its registration and every step taken since. Each step is checked by
 * the same rules as on the dispute's page, in order, before anything is written.
 */
export type DisputeHistory = Omit<DisputeCreate, 'orgUnitId'> & {
  orgUnitId: number;
  /** A number from the ledger being imported (otherwise the committee's next: 2024-0001 …). */
  number?: string;
  accepted?: Omit<AcceptBody, 'version'>;
  refused?: Omit<RefuseBody, 'version'>;
  sessions?: Omit<SessionCreate, 'version'>[];
  closed?: Omit<CloseBody, 'version'>;
  followUps?: Omit<FollowUpCreate, 'version'>[];
  judicial?: Omit<JudicialApply, 'version'> & { result?: Omit<JudicialResultBody, 'version'> };
};

export type HistoryProblem = Problem & { index: number; code: 'rule' | 'invalid' };

function stepsOf(h: DisputeHistory): Step[] {
  const steps: Step[] = [];
  if (h.refused) steps.push({ kind: 'refuse', refusedOn: h.refused.refusedOn });
  if (h.accepted) steps.push({ kind: 'accept', ...h.accepted });
  for (const s of h.sessions ?? []) steps.push({ kind: 'session', heldOn: s.heldOn });
  if (h.closed) steps.push({ kind: 'close', ...h.closed });
  for (const f of h.followUps ?? []) steps.push({ kind: 'follow_up', followedOn: f.followedOn });
  if (h.judicial) {
    steps.push({ kind: 'judicial_apply', appliedOn: h.judicial.appliedOn, jointly: h.judicial.jointly });
    if (h.judicial.result) steps.push({ kind: 'judicial_result', resultOn: h.judicial.result.resultOn, result: h.judicial.result.result });
  }
  return steps;
}

/** Field of a history a step's problem concerns (the step's own field, under the step's key). */
const stepField: Record<Step['kind'], string> = {
  accept: 'accepted',
  refuse: 'refused',
  session: 'sessions',
  close: 'closed',
  follow_up: 'followUps',
  judicial_apply: 'judicial',
  judicial_result: 'judicial.result',
};

type Checked = { history: DisputeHistory; unit: Unit; committee: committees.CommitteeRow; state: DisputeState };

/** Every problem of every history (at most one per history), or the resolved units and committees when there is none. */
export async function checkHistories(ctx: Ctx, histories: readonly DisputeHistory[]): Promise<{ problems: HistoryProblem[]; checked: Checked[] }> {
  const writeScope = scopeOf(ctx.actor, 'mediation.write');
  const unitIds = [...new Set(histories.map((h) => h.orgUnitId))];
  const [units, visible, types, calendar] = await Promise.all([
    repo.unitsInScope(ctx.db, writeScope, unitIds),
    committees.listCommittees(ctx.db, readScope(ctx)),
    listEntries(ctx, { kind: DISPUTE_TYPE_KIND }),
    loadWorkCalendar(ctx.db),
  ]);
  const members = await committees.listMembers(
    ctx.db,
    visible.map((c) => c.id),
  );
  const date = today();
  const problems: HistoryProblem[] = [];
  const checked: Checked[] = [];
  const numbers = new Map<string, number>();
  for (const [index, h] of histories.entries()) {
    const fail = (p: Problem, code: 'rule' | 'invalid' = 'invalid') => {
      problems.push({ ...p, index, code });
    };
    const unit = units.find((u) => u.id === h.orgUnitId);
    if (!unit) {
      fail({ field: 'orgUnitId', message: '纠纷发生地不存在或不在您的管辖范围内' });
      continue;
    }
    const up = unitProblem(unit);
    if (up) {
      fail(up);
      continue;
    }
    const committee = resolveCommittee(unit, visible, h.committeeId);
    if ('message' in committee) {
      fail(committee);
      continue;
    }
    if (!types.some((t) => t.code === h.typeCode)) {
      fail({ field: 'typeCode', message: `「纠纷类型」的取值「${h.typeCode}」不在字典中` });
      continue;
    }
    if (h.source === 'referral' && !h.referralFrom) {
      fail({ field: 'referralFrom', message: '移交的纠纷请注明移交单位' });
      continue;
    }
    const pp = partyProblems(h.parties)[0];
    if (pp) {
      fail(pp);
      continue;
    }
    if (h.number) {
      const key = `${committee.id}|${h.number}`;
      if (numbers.has(key)) {
        fail({ field: 'number', message: `纠纷编号「${h.number}」重复` });
        continue;
      }
      numbers.set(key, index);
    }
    const steps = stepsOf(h);
    const own = members.filter((m) => m.committee_id === committee.id);
    const problem = historyProblem(h.registeredOn, steps, { today: date, servingOn: servingSet(own), isWorkday: calendar.isWorkday });
    if (problem) {
      const step = steps[problem.step];
      const field = step ? [stepField[step.kind], problem.field].filter(Boolean).join('.') : (problem.field ?? 'registeredOn');
      fail({ field, message: problem.message }, problem.code);
      continue;
    }
    checked.push({ history: h, unit, committee, state: steps.reduce(applyStep, registered(h.registeredOn)) });
  }
  // Numbers already in use at their committee.
  const byCommittee = new Map<number, { index: number; number: string }[]>();
  for (const c of checked) {
    if (!c.history.number) continue;
    byCommittee.set(c.committee.id, [...(byCommittee.get(c.committee.id) ?? []), { index: histories.indexOf(c.history), number: c.history.number }]);
  }
  for (const [committeeId, list] of byCommittee) {
    const taken = new Set(
      await repo.numbersTaken(
        ctx.db,
        committeeId,
        list.map((l) => l.number),
      ),
    );
    for (const l of list) if (taken.has(l.number)) problems.push({ index: l.index, field: 'number', message: `纠纷编号「${l.number}」已存在，请勿重复登记`, code: 'rule' });
  }
  return { problems: problems.sort((a, b) => a.index - b.index), checked };
}

/** Writes checked histories in one transaction, one audit entry per dispute; returns the new ids in order. */
export async function writeHistories(ctx: Ctx, checked: readonly Checked[], action: string, note?: Record<string, unknown>): Promise<number[]> {
  return audited(ctx, async (trx) => {
    const ids: number[] = [];
    const entries = [];
    const sessions: repo.NewSession[] = [];
    const followUps: repo.NewFollowUp[] = [];
    for (const [i, { history: h, unit, committee, state }] of checked.entries()) {
      const closed = h.closed && state.closedOn ? closeValues(h.closed) : null;
      const row = await repo.insertDispute(
        trx,
        {
          orgUnitId: unit.id,
          committeeId: committee.id,
          number: h.number ?? null,
          year: Number((/^(\d{4})-\d{4}$/.exec(h.number ?? '')?.[1] ?? h.registeredOn).slice(0, 4)),
          seq: h.number ? Number(/^\d{4}-(\d{4})$/.exec(h.number)?.[1] ?? Number.NaN) || null : null,
          source: h.source,
          referralFrom: h.source === 'referral' ? (h.referralFrom ?? null) : null,
          referralNote: h.referralNote ?? '',
          typeCode: h.typeCode,
          summary: h.summary,
          amount: h.amount ?? null,
          disclosure: h.disclosure ?? 'private',
          registeredOn: h.registeredOn,
          status: state.status,
          acceptedOn: state.acceptedOn,
          // Until accepted the target runs from registration: an unaccepted dispute also shows as overdue when left lying.
          dueOn: dueDateOf(state.acceptedOn ?? h.registeredOn, committee.target_days),
          mediatorIds: [...new Set(h.accepted?.mediatorIds ?? [])],
          refusedOn: h.refused?.refusedOn ?? null,
          refusingParty: h.refused?.refusingParty ?? '',
          refusalReason: h.refused?.reason ?? '',
          closedOn: closed?.closed_on ?? null,
          agreementKind: closed?.agreement_kind ?? null,
          facts: closed?.facts ?? '',
          responsibilities: closed?.responsibilities ?? '',
          terms: closed?.terms ?? '',
          performanceMethod: closed?.performance_method ?? '',
          performanceDeadline: closed?.performance_deadline ?? '',
          otherChannels: closed?.other_channels ?? [],
          closeNote: closed?.close_note ?? '',
          judicialAppliedOn: h.judicial?.appliedOn ?? null,
          judicialCourt: h.judicial?.court ?? '',
          judicialResult: state.judicialResult,
          judicialResultOn: h.judicial?.result?.resultOn ?? null,
          judicialNote: h.judicial?.result?.note ?? '',
          registeredBy: ctx.actor.userId,
        },
        sealParties(ctx, h.parties),
      );
      ids.push(row.id);
      for (const s of h.sessions ?? []) sessions.push({ disputeId: row.id, ...s, attendees: s.attendees ?? [], recordedBy: ctx.actor.userId });
      for (const f of h.followUps ?? []) followUps.push({ disputeId: row.id, ...f, note: f.note ?? '', recordedBy: ctx.actor.userId });
      entries.push({
        action,
        entityType: 'dispute',
        entityId: row.id,
        orgUnitId: unit.id,
        after: {
          number: row.number,
          committeeId: committee.id,
          source: h.source,
          typeCode: h.typeCode,
          registeredOn: h.registeredOn,
          amount: h.amount ?? null,
          status: state.status,
          steps: stepsOf(h).map((s) => s.kind),
          parties: partyNames(h.parties),
          ...(note ? { ...note, item: i + 1 } : {}),
        },
      });
    }
    await repo.insertSessions(trx, sessions);
    await repo.insertFollowUps(trx, followUps);
    return { result: ids, audit: entries };
  });
}

/** Checks, then writes; any problem refuses the whole batch (the first one is reported, with its item). */
export async function recordHistories(ctx: Ctx, histories: readonly DisputeHistory[], action = 'mediation.dispute_record'): Promise<number[]> {
  if (histories.length === 1) await requireDisputeUnit(ctx, histories[0]?.orgUnitId as number);
  const { problems, checked } = await checkHistories(ctx, histories);
  const first = problems[0];
  if (first) {
    const prefix = histories.length > 1 ? `第${first.index + 1}件：` : '';
    throw new AppError(first.code === 'rule' ? 'MEDIATION_RULE' : 'MEDIATION_INVALID', `${prefix}${first.message}`, { field: first.field, index: first.index });
  }
  return writeHistories(ctx, checked, action);
}

/** The unit must lie in the actor's write scope (404 outside it, 403 when only readable) and be a town or a village. */
export async function requireDisputeUnit(ctx: Ctx, orgUnitId: number): Promise<Unit> {
  const unit = await requireUnitInScope(ctx.db, ctx.actor, 'mediation.write', orgUnitId);
  const problem = unitProblem(unit);
  if (problem) throw new AppError('MEDIATION_INVALID', problem.message, { field: problem.field });
  return unit;
}

// ── statistics ──────────────────────────────────────────────────────────────────────────────────

type Counts = Omit<StatRow, 'key' | 'label' | 'rate'>;
const zero = (): Counts => ({ registered: 0, refused: 0, closed: 0, succeeded: 0, failed: 0, terminated: 0 });

/** Figures by committee level, unit (village), type and month; the success rate is computed in domain/ (half-up). */
export async function statistics(ctx: Ctx, q: StatisticsQuery): Promise<Statistics> {
  const scope = readScope(ctx);
  if (q.orgUnitId) await requireUnitInScope(ctx.db, ctx.actor, 'mediation.read', q.orgUnitId);
  const rows = await repo.yearCounts(ctx.db, scope, q.year, q.orgUnitId);
  const groups = {
    total: new Map<string, { label: string; order: string | number; counts: Counts }>(),
    level: new Map<string, { label: string; order: string | number; counts: Counts }>(),
    unit: new Map<string, { label: string; order: string | number; counts: Counts }>(),
    type: new Map<string, { label: string; order: string | number; counts: Counts }>(),
    month: new Map<string, { label: string; order: string | number; counts: Counts }>(),
  };
  const bucket = (map: Map<string, { label: string; order: string | number; counts: Counts }>, key: string, label: string, order: string | number) => {
    let b = map.get(key);
    if (!b) {
      b = { label, order, counts: zero() };
      map.set(key, b);
    }
    return b.counts;
  };
  for (const level of ['town', 'village'] as const) bucket(groups.level, level, `${committeeLevelLabels[level]}人民调解委员会`, level === 'town' ? 0 : 1);
  for (let m = 1; m <= 12; m++) bucket(groups.month, String(m).padStart(2, '0'), `${m}月`, m);
  for (const r of rows) {
    const n = Number(r.n);
    const targets = [
      bucket(groups.total, 'total', '合计', 0),
      bucket(groups.level, r.level, '', 0),
      bucket(groups.unit, String(r.org_unit_id), r.unit_name, r.unit_path),
      bucket(groups.type, r.type_code, String(r.type_label), Number(r.type_order)),
    ];
    const add = (month: number | null, apply: (c: Counts) => void) => {
      if (month === null) return;
      for (const c of targets) apply(c);
      apply(bucket(groups.month, String(month).padStart(2, '0'), '', 0));
    };
    add(r.registered_month, (c) => {
      c.registered += n;
    });
    add(r.refused_month, (c) => {
      c.refused += n;
    });
    add(r.closed_month, (c) => {
      c.closed += n;
      if (r.status === 'succeeded') c.succeeded += n;
      if (r.status === 'failed') c.failed += n;
      if (r.status === 'terminated') c.terminated += n;
    });
  }
  const rowsOf = (map: Map<string, { label: string; order: string | number; counts: Counts }>): StatRow[] =>
    [...map.entries()]
      .sort(([, a], [, b]) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
      .map(([key, b]) => ({ key, label: b.label, ...b.counts, rate: successRate(b.counts.succeeded, b.counts.closed) }));
  const total = rowsOf(groups.total)[0] ?? { key: 'total', label: '合计', ...zero(), rate: null };
  return { year: q.year, total, byLevel: rowsOf(groups.level), byUnit: rowsOf(groups.unit), byType: rowsOf(groups.type), byMonth: rowsOf(groups.month) };
}
