import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type {
  Agenda,
  ArchiveBody,
  CaseDetail,
  CaseListItem,
  CaseQuery,
  ChainVerification,
  CloseBody,
  ClueCreate,
  ClueUpdate,
  ConcludeBody,
  Conclusion,
  CourtEnforcementCreate,
  DecideBody,
  DecisionChangeBody,
  DecisionInfo,
  DiscussionCreate,
  EvidenceCreate,
  ExtendBody,
  FilingDecision,
  FilingRequest,
  HearingRecord,
  HearingSchedule,
  LegalReviewCreate,
  NoticeCreate,
  NoticeInfo,
  PaymentCreate,
  PaymentPlanCreate,
  Penalty,
  PreservationCreate,
  PreservationHandle,
  ServeBody,
  SimpleCaseCreate,
  StatementsCreate,
  TimelineEvent,
} from '../../../domain/enforcement/contracts.ts';
import {
  amountOwed,
  type CaseFacts,
  type CaseStatus,
  canonicalJson,
  caseAgenda,
  caseNumber,
  caseStatusLabels,
  courtApplicationProblem,
  daysLate,
  decisionDateProblem,
  decisionDeadline,
  discussionProblem,
  type HistoricCase,
  hearingEligible,
  hearingRequestDeadline,
  hearingRequestProblem,
  hearingScheduleProblem,
  heavierThanNoticeProblem,
  historicCaseProblems,
  lateSurcharge,
  legalReviewProblem,
  limitationProblem,
  noticeProblem,
  type OfficerFacts,
  officersProblem,
  onSpotCollectionProblem,
  type PaymentPlan,
  type PenaltyKind,
  parseCaseNumber,
  paymentDeadline,
  paymentPlanProblem,
  penaltyText,
  planDueDate,
  preservationDeadline,
  preservationHandlingLabels,
  preservationHandlingProblem,
  publicationDeadline,
  reviewerProblem,
  serviceMethodLabels,
  serviceProblem,
  simpleProcedureProblem,
  toCents,
  validCertificate,
  withdrawalDeadline,
} from '../../../domain/enforcement/rules.ts';
import type { Page } from '../../../domain/platform/contracts.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { addressToVillage, maskIdCard, maskIdentifiersInText, maskNameForPublication, maskPhone } from '../../../domain/platform/masking.ts';
import type { Capability } from '../../../domain/platform/roles.ts';
import type { WorkCalendar } from '../../../domain/platform/workdays.ts';
import { inOrderOf, pageOfIds, updateVersioned } from '../../db/rows.ts';
import type { DB } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { loadWorkCalendar } from '../../platform/calendar.service.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { blindIndex, decryptPersonal, encryptPersonal } from '../../platform/crypto.ts';
import { can, requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './case.repository.ts';
import * as reg from './enforcement.repository.ts';
import { legalReviewerProblem, officerFacts } from './enforcement.service.ts';

const GENESIS = '0'.repeat(64);
const today = () => shanghaiDate(new Date());
const money = (v: string | number | null | undefined): number => Number(v ?? 0);
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null));

const refuse = (message: string, field?: string) => new AppError('ENFORCEMENT_RULE', message, field ? { field } : undefined);
const invalid = (message: string, field: string) => new AppError('ENFORCEMENT_INVALID', message, { field });

function notFuture(date: string, title: string, field: string) {
  if (date > today()) throw invalid(`「${title}」不能晚于今天`, field);
}
function notBefore(date: string, earlier: string | null | undefined, message: string, field: string) {
  if (earlier && date < earlier) throw invalid(message, field);
}

// ── loading ────────────────────────────────────────────────────────────────────────────────────────────────────

type Bundle = {
  row: repo.CaseRow;
  body: reg.BodyRow;
  power: reg.PowerRow;
  evidence: repo.EvidenceRow[];
  reviews: repo.ReviewRow[];
  hearing: repo.HearingRow | null;
  publication: repo.PublicationRow | null;
};

/** Cases with what their rules read: body, power, evidence, reviews, hearing, publication (`children` when already loaded). */
async function bundlesOf(ctx: Ctx, rows: repo.CaseRow[], loaded?: repo.CaseChildren[]): Promise<Bundle[]> {
  const [children, bodyRows, powerRows] = await Promise.all([
    loaded ??
      repo.childrenOf(
        ctx.db,
        rows.map((r) => r.id),
      ),
    reg.bodiesByIds(ctx.db, [...new Set(rows.map((r) => r.body_id))]),
    repo.powersByIds(ctx.db, [...new Set(rows.map((r) => r.power_id))]),
  ]);
  const of = new Map(children.map((c) => [c.case_id, c]));
  const bodies = new Map(bodyRows.map((b) => [b.id, b]));
  const powers = new Map(powerRows.map((p) => [p.id, p as reg.PowerRow]));
  return rows.map((row) => {
    const c = of.get(row.id);
    return {
      row,
      body: bodies.get(row.body_id) as reg.BodyRow,
      power: powers.get(row.power_id) as reg.PowerRow,
      evidence: c?.evidence ?? [],
      reviews: c?.reviews ?? [],
      hearing: c?.hearings.at(-1) ?? null,
      publication: c?.publications[0] ?? null,
    };
  });
}

async function bundleFor(ctx: Ctx, id: number): Promise<Bundle> {
  const row = await repo.findCase(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '案件不存在');
  return (await bundlesOf(ctx, [row]))[0] as Bundle;
}

const conclusionOf = (b: Bundle) => b.row.conclusion as (Conclusion & { reviewsBefore?: number }) | null;
const noticeOf = (b: Bundle) => b.row.notice as NoticeInfo | null;
const decisionOf = (b: Bundle) => b.row.decision as DecisionInfo | null;

/** Reviews made after the latest (re)conclusion of the investigation: earlier ones reviewed another proposal. */
function relevantReviews(b: Bundle) {
  return b.reviews.slice(conclusionOf(b)?.reviewsBefore ?? 0);
}

const thresholds = (body: reg.BodyRow) => ({
  largeFinePerson: money(body.large_fine_person),
  largeFineOrganisation: money(body.large_fine_organisation),
  largeConfiscation: money(body.large_confiscation),
});

type Preservation = CaseDetail['preservations'][number];
type PaymentEntry = { paidOn: string; amount: number; surcharge: number; daysUnderReview?: number };
const preservationsOf = (b: Bundle) => b.row.preservations as Preservation[];
const planOf = (b: Bundle) => b.row.payment_plan as CaseDetail['paymentPlan'];
const paymentsOf = (b: Bundle, extra: PaymentEntry[] = []) => [...(b.row.payments as PaymentEntry[]), ...extra];

/** The deadline the art. 72 surcharge counts from: the decision's, or under an approved plan the first instalment missed. */
function effectiveDue(b: Bundle, extra: PaymentEntry[] = []): string | null {
  const plan = planOf(b);
  if (!plan) return b.row.payment_due;
  const finePayments = paymentsOf(b, extra).map((p) => ({ paidOn: p.paidOn, amount: p.amount - p.surcharge }));
  return planDueDate(plan, plan.paidBefore, finePayments);
}

function surchargeDue(b: Bundle, asOf: string, extra: PaymentEntry[] = []): number {
  const r = b.row;
  const due = effectiveDue(b, extra);
  if (!due || r.outcome !== 'penalty') return 0;
  const excluded = Math.max(0, ...paymentsOf(b, extra).map((p) => Number(p.daysUnderReview ?? 0)));
  return lateSurcharge(money(r.fine_amount), daysLate(due, r.paid_on ?? asOf, excluded));
}

function factsOf(b: Bundle): CaseFacts {
  const r = b.row;
  const notice = noticeOf(b);
  const conclusion = conclusionOf(b);
  const h = b.hearing;
  return {
    procedure: r.procedure,
    status: r.status,
    outcome: r.outcome ?? conclusion?.outcome ?? null,
    filedOn: r.filed_on,
    extendedTo: r.extended_to,
    noticeServedOn: notice?.servedOn ?? null,
    hearingEligible: notice?.hearingRight ?? false,
    hearingRequested: h !== null,
    hearingWaived: Boolean((r.statements as { hearingWaived?: boolean } | null)?.hearingWaived) || (h?.waived ?? false),
    hearingHeldOn: h && !h.waived ? h.held_on : null,
    hearingOn: h?.hearing_on ?? null,
    statementsRecorded: Boolean(r.statements && (r.statements as { recordedOn?: string }).recordedOn),
    reviewConditions: conclusion?.reviewConditions ?? [],
    reviews: relevantReviews(b).map((x) => ({ opinion: x.opinion, reviewedOn: x.reviewed_on })),
    complexOrMajor: conclusion?.complexOrMajor ?? false,
    discussedOn: (r.discussion as { discussedOn?: string } | null)?.discussedOn ?? null,
    decidedOn: r.decided_on,
    servedOn: r.served_on,
    fineAmount: money(r.fine_amount),
    paidAmount: money(r.paid_amount),
    publishedOn: b.publication?.published_on ?? null,
    decisionChangedOn: (r.decision_change as { changedOn?: string } | null)?.changedOn ?? null,
    withdrawnOn: b.publication?.withdrawn_on ?? null,
    evidenceCount: b.evidence.length,
    preservationsPending: preservationsOf(b)
      .filter((p) => !p.handledOn)
      .map((p) => p.approvedOn),
    paymentDueOn: effectiveDue(b),
    courtAppliedOn: (r.court_enforcement as { appliedOn?: string } | null)?.appliedOn ?? null,
    imported: r.imported,
  };
}

function agendaOf(cal: WorkCalendar, b: Bundle): Agenda {
  const on = today();
  const a = caseAgenda(cal, factsOf(b));
  const days = (due: string) => Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`)) / 86_400_000);
  return { next: a.next, blocked: a.blocked, deadlines: a.deadlines.map((d) => ({ ...d, daysLeft: days(d.due), overdue: d.due < on })) };
}

/** Who sees a party's ID number and phone in full: those who handle cases or may read personal data. */
export const mayReadParty = (ctx: Ctx): boolean => can(ctx.actor, 'personal_data.read') || can(ctx.actor, 'enforcement.write');

function partyOf(ctx: Ctx, r: repo.CaseRow) {
  const clear = mayReadParty(ctx);
  const open = (sealed: string | null, mask: (v: string) => string) => {
    if (!sealed) return null;
    const value = decryptPersonal(ctx.keys, sealed);
    return clear ? value : mask(value);
  };
  return {
    type: r.party_type,
    name: r.party_name,
    idNumber: open(r.party_id_enc, maskIdCard),
    phone: open(r.party_phone_enc, maskPhone),
    address: r.party_address,
    representative: r.party_representative,
  };
}

function listItem(ctx: Ctx, cal: WorkCalendar, b: Bundle): CaseListItem {
  const r = b.row;
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    bodyId: r.body_id,
    bodyName: r.body_name,
    powerId: r.power_id,
    powerCode: r.power_code,
    powerName: r.power_name,
    procedure: r.procedure,
    status: r.status,
    party: partyOf(ctx, r),
    summary: r.summary,
    discoveredOn: r.discovered_on,
    filingNumber: r.filing_number,
    filedOn: r.filed_on,
    decisionNumber: r.decision_number,
    decidedOn: r.decided_on,
    outcome: r.outcome,
    fineAmount: money(r.fine_amount),
    paidAmount: money(r.paid_amount),
    closedOn: r.closed_on,
    imported: r.imported,
    agenda: agendaOf(cal, b),
    version: r.version,
  };
}

async function detail(ctx: Ctx, b: Bundle): Promise<CaseDetail> {
  const r = b.row;
  const [cal, users, officers] = await Promise.all([
    loadWorkCalendar(ctx.db),
    reg.usersByIds(ctx.db, [...new Set([...r.investigator_ids, ...b.evidence.flatMap((e) => e.collector_ids)])]),
    officerFactsFor(ctx, r.org_unit_id, r.investigator_ids),
  ]);
  const nameOf = (id: number) => users.find((u) => u.id === id)?.display_name ?? `#${id}`;
  const notice = noticeOf(b);
  const h = b.hearing;
  const on = r.filed_on ?? r.decided_on ?? today();
  return {
    ...listItem(ctx, cal, b),
    clueSource: r.clue_source,
    actDate: r.act_date,
    actEndDate: r.act_end_date,
    actPlace: r.act_place,
    fiveYearLimitation: r.five_year_limitation,
    investigators: r.investigator_ids.map((id) => ({
      userId: id,
      name: nameOf(id),
      certificate: validCertificate(officers.find((o) => o.id === id) as OfficerFacts, on)?.number ?? null,
    })),
    extendedTo: r.extended_to,
    filing: r.filing as CaseDetail['filing'],
    conclusion: conclusionOf(b),
    discussion: r.discussion as CaseDetail['discussion'],
    notice,
    statements: r.statements as CaseDetail['statements'],
    decision: decisionOf(b),
    service: r.service as CaseDetail['service'],
    payments: r.payments as CaseDetail['payments'],
    closing: r.closing as CaseDetail['closing'],
    decisionChange: r.decision_change as CaseDetail['decisionChange'],
    preservations: preservationsOf(b),
    paymentPlan: planOf(b),
    courtEnforcement: r.court_enforcement as CaseDetail['courtEnforcement'],
    confiscationValue: money(r.confiscation_value),
    servedOn: r.served_on,
    paymentDue: effectiveDue(b),
    surchargePaid: money(r.surcharge_paid),
    surchargeDue: surchargeDue(b, today()),
    archivedOn: r.archived_on,
    hearingEligible: notice?.hearingRight ?? false,
    hearing: h
      ? {
          id: h.id,
          requestedOn: h.requested_on,
          notifiedOn: h.notified_on,
          hearingOn: h.hearing_on,
          place: h.place,
          presiderName: h.presider_name,
          public: h.public,
          heldOn: h.held_on,
          partyAttended: h.party_attended,
          minutes: h.minutes,
          waived: h.waived,
          version: h.version,
        }
      : null,
    reviews: b.reviews.map((x) => ({
      id: x.id,
      reviewerName: x.reviewer_name,
      reviewedOn: x.reviewed_on,
      opinion: x.opinion,
      checks: x.checks as Record<string, boolean>,
      comments: x.comments,
    })),
    evidence: b.evidence.map((e) => ({
      id: e.id,
      kind: e.kind as CaseDetail['evidence'][number]['kind'],
      title: e.title,
      description: e.description,
      collectedAt: new Date(e.collected_at).toISOString(),
      place: e.place,
      collectors: e.collector_ids.map(nameOf),
      attachmentId: e.attachment_id,
      filename: e.filename,
      sha256: e.sha256,
      recordedBy: e.recorded_by_name,
      recordedAt: new Date(e.created_at).toISOString(),
    })),
    publication: b.publication
      ? {
          id: b.publication.id,
          publishedOn: b.publication.published_on,
          dueOn: b.publication.due_on,
          late: b.publication.published_on > b.publication.due_on,
          withdrawnOn: b.publication.withdrawn_on,
          withdrawReason: b.publication.withdraw_reason,
          withdrawDue: b.publication.withdraw_due,
          version: b.publication.version,
        }
      : null,
    chainLength: r.chain_length,
  };
}

export async function getCase(ctx: Ctx, id: number): Promise<CaseDetail> {
  return detail(ctx, await bundleFor(ctx, id));
}

type CaseFilters = Omit<CaseQuery, 'page' | 'pageSize'>;

function filtersOf(ctx: Ctx, q: CaseFilters) {
  const scope = scopeOf(ctx.actor, 'enforcement.read');
  const partyIdx = q.q && /^(\d{17}[\dXx]|[0-9A-Z]{18})$/.test(q.q.trim()) ? blindIndex(ctx.keys, q.q) : undefined;
  return { scope, filters: { ...q, q: q.q?.trim() || undefined, partyIdx } };
}

/** The cases an attention filter keeps, judged on each case's agenda as the list shows it. */
function needingAttention<T extends Pick<CaseListItem, 'agenda'>>(items: T[], attention: CaseQuery['attention']): T[] {
  if (attention === 'overdue') return items.filter((i) => i.agenda.deadlines.some((d) => d.overdue));
  if (attention === 'due') return items.filter((i) => i.agenda.deadlines.some((d) => !d.overdue && d.daysLeft <= 7));
  if (attention === 'blocked') return items.filter((i) => i.agenda.blocked.length > 0);
  return items;
}

export async function listCases(ctx: Ctx, q: CaseQuery): Promise<Page<CaseListItem>> {
  const { scope, filters } = filtersOf(ctx, q);
  const cal = await loadWorkCalendar(ctx.db);
  // Without an attention filter the page is cut in SQL: a city's thousands of cases are neither loaded nor bundled.
  if (!q.attention) {
    const page = await pageOfIds(repo.matchingCaseIds(ctx.db, scope, filters), q);
    const { rows, children } = await repo.casesWithChildren(ctx.db, page.items);
    return { ...page, items: (await bundlesOf(ctx, inOrderOf(page.items, rows), children)).map((b) => listItem(ctx, cal, b)) };
  }
  const rows = await repo.listCases(ctx.db, scope, filters).execute();
  const items = needingAttention(
    (await bundlesOf(ctx, rows)).map((b) => listItem(ctx, cal, b)),
    q.attention,
  );
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

/** A case the 驾驶舱 lists among its alerts: where it stands, nothing about its party. */
export type AttentionCase = Pick<CaseListItem, 'id' | 'orgUnitName' | 'powerName' | 'filingNumber' | 'agenda'>;

/**
 * The cases past a deadline and those due within 7 days, for the alert list: every case in scope is bundled and judged
 * once (not once per filter), and no party identifier is decrypted — a city supervisor's 4,500 cases took 1.3 s.
 */
export async function casesNeedingAttention(ctx: Ctx, limit: number): Promise<{ overdue: AttentionCase[]; due: AttentionCase[] }> {
  const { scope, filters } = filtersOf(ctx, {});
  const [rows, cal] = await Promise.all([repo.listCases(ctx.db, scope, filters).execute(), loadWorkCalendar(ctx.db)]);
  const items = (await bundlesOf(ctx, rows)).map((b) => ({
    id: b.row.id,
    orgUnitName: b.row.org_unit_name,
    powerName: b.row.power_name,
    filingNumber: b.row.filing_number,
    agenda: agendaOf(cal, b),
  }));
  return { overdue: needingAttention(items, 'overdue').slice(0, limit), due: needingAttention(items, 'due').slice(0, limit) };
}

/** A case as the case register (台账) lists it: the list's item with its penalty, officers and closing. */
export type CaseLedgerItem = CaseListItem & { kinds: PenaltyKind[]; confiscationValue: number; officers: string[]; archivedOn: string | null; closingSummary: string };

/** Every case the list shows with these filters (up to `limit`), for the ledger export. */
export async function casesForLedger(ctx: Ctx, q: CaseFilters, limit: number): Promise<CaseLedgerItem[]> {
  const { scope, filters } = filtersOf(ctx, q);
  const [rows, cal, officers] = await Promise.all([
    repo.listCases(ctx.db, scope, filters).limit(limit).execute(),
    loadWorkCalendar(ctx.db),
    reg.listOfficers(ctx.db, scopeOf(ctx.actor, 'enforcement.read')),
  ]);
  const users = await reg.usersByIds(ctx.db, [...new Set(rows.flatMap((r) => r.investigator_ids))]);
  const officerNames = new Map(officers.map((o) => [`${o.org_unit_id}|${o.user_id}`, o.name]));
  const userNames = new Map(users.map((u) => [u.id, u.display_name]));
  const nameOf = (orgUnitId: number, userId: number) => officerNames.get(`${orgUnitId}|${userId}`) ?? userNames.get(userId) ?? `#${userId}`;
  const items = (await bundlesOf(ctx, rows)).map((b) => ({
    ...listItem(ctx, cal, b),
    kinds: decisionOf(b)?.penalty.kinds ?? [],
    confiscationValue: money(b.row.confiscation_value),
    officers: b.row.investigator_ids.map((id) => nameOf(b.row.org_unit_id, id)),
    archivedOn: b.row.archived_on,
    closingSummary: (b.row.closing as { summary?: string } | null)?.summary ?? '',
  }));
  return needingAttention(items, q.attention);
}

// ── the case's own hash chain (全过程记录) ───────────────────────────────────────────────────────────────────────

const eventHash = (prev: string, e: { caseId: number; seq: number; at: string; actorId: number | null; actorName: string; kind: string; summary: string; payload: unknown }) =>
  createHash('sm3')
    .update(`${prev}\n${canonicalJson(e)}`)
    .digest('hex');

/**
 * Appends one step to the case timeline inside the caller's transaction, chained to the one before. A step moved in
 * from the old register is dated on the day the register gives (`at`); every other step when it is recorded.
 */
export async function appendEvent(trx: Transaction<DB>, ctx: Ctx, caseId: number, kind: string, summary: string, payload: unknown, at = new Date()): Promise<void> {
  const head = await repo.lockChain(trx, caseId);
  const seq = head.chain_length + 1;
  const body = { caseId, seq, at: at.toISOString(), actorId: ctx.actor.userId, actorName: ctx.actor.displayName, kind, summary, payload: plain(payload) };
  const hash = eventHash(head.chain_head, body);
  await repo.appendEventRow(trx, { ...body, orgUnitId: head.org_unit_id, at, prevHash: head.chain_head, hash });
}

export async function timeline(ctx: Ctx, id: number): Promise<TimelineEvent[]> {
  await bundleFor(ctx, id);
  return (await repo.eventsOf(ctx.db, id)).map((e) => ({ seq: e.seq, at: new Date(e.at).toISOString(), actorName: e.actor_name, kind: e.kind, summary: e.summary, hash: e.hash }));
}

export async function verifyChain(ctx: Ctx, id: number): Promise<ChainVerification> {
  const b = await bundleFor(ctx, id);
  const events = await repo.eventsOf(ctx.db, id);
  const problems: string[] = [];
  let prev = GENESIS;
  events.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push(`第 ${i + 1} 条记录缺失或顺序错误（序号 ${e.seq}）`);
    if (e.prev_hash !== prev) problems.push(`第 ${e.seq} 条记录的前序哈希与上一条不符`);
    const hash = eventHash(prev, {
      caseId: id,
      seq: e.seq,
      at: new Date(e.at).toISOString(),
      actorId: e.actor_id,
      actorName: e.actor_name,
      kind: e.kind,
      summary: e.summary,
      payload: e.payload,
    });
    if (hash !== e.hash) problems.push(`第 ${e.seq} 条记录（${e.summary}）内容被改动`);
    prev = e.hash;
  });
  if (b.row.chain_head !== prev || b.row.chain_length !== events.length) problems.push('案件记录的链头与全过程记录不一致（记录被删除或截断）');
  return { ok: problems.length === 0, length: events.length, head: b.row.chain_head, problems };
}

// ── one workflow step ──────────────────────────────────────────────────────────────────────────────────────────

type Plan = {
  changes: Record<string, unknown>;
  summary: string;
  payload: Record<string, unknown>;
  /** Inside the transaction before the case row is written (numbers); its changes are merged in. */
  prepare?: (trx: Transaction<DB>) => Promise<Record<string, unknown>>;
  /** Inside the transaction after the case row is written (child rows). */
  after?: (trx: Transaction<DB>) => Promise<void>;
};

async function step(ctx: Ctx, id: number, version: number, capability: Capability, kind: string, plan: (b: Bundle) => Promise<Plan> | Plan): Promise<CaseDetail> {
  const b = await bundleFor(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, capability, b.row.org_unit_id);
  if (b.row.version !== version) throw new AppError('VERSION_CONFLICT', undefined, { currentVersion: b.row.version });
  const p = await plan(b);
  await audited(ctx, async (trx) => {
    const extra = p.prepare ? await p.prepare(trx) : {};
    await updateVersioned(trx, 'enforcement_cases', id, version, { ...p.changes, ...extra });
    if (p.after) await p.after(trx);
    const payload = { ...p.payload, ...extra };
    await appendEvent(trx, ctx, id, kind, p.summary, payload);
    return {
      result: undefined,
      audit: {
        action: `enforcement.case.${kind}`,
        entityType: 'enforcement_case',
        entityId: id,
        orgUnitId: b.row.org_unit_id,
        before: { status: b.row.status },
        after: plain(payload),
      },
    };
  });
  return getCase(ctx, id);
}

const wrongState = (b: Bundle, action: string) => new AppError('ENFORCEMENT_STATE', `案件当前处于「${caseStatusLabels[b.row.status]}」环节，不能${action}`);
function requireStatus(b: Bundle, allowed: readonly CaseStatus[], action: string) {
  if (!allowed.includes(b.row.status)) throw wrongState(b, action);
}

async function officerFactsFor(ctx: Ctx, orgUnitId: number, userIds: readonly number[]): Promise<OfficerFacts[]> {
  const [rows, users] = await Promise.all([reg.officersOfUsers(ctx.db, orgUnitId, userIds), reg.usersByIds(ctx.db, userIds)]);
  const certs = await reg.certificatesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return userIds.map((uid) => {
    const row = rows.find((r) => r.user_id === uid);
    return row ? officerFacts(row, certs) : { id: uid, name: users.find((u) => u.id === uid)?.display_name ?? `#${uid}`, active: false, certificates: [] };
  });
}

async function requireOfficers(ctx: Ctx, orgUnitId: number, userIds: readonly number[], on: string, field: string) {
  const problem = officersProblem(await officerFactsFor(ctx, orgUnitId, userIds), on);
  if (problem) throw refuse(problem, field);
}

function checkAgainstPower(power: reg.PowerRow, p: { kinds: readonly PenaltyKind[]; fineAmount: number }) {
  const allowed = power.penalty_kinds as PenaltyKind[];
  const outside = p.kinds.filter((k) => !allowed.includes(k) && k !== 'warning');
  if (outside.length) throw refuse(`处罚种类超出权责清单「${power.name}」的规定（${power.law}${power.article}）`, 'kinds');
  if (p.kinds.includes('fine')) {
    if (p.fineAmount <= 0) throw invalid('选择了罚款，应填写罚款金额', 'fineAmount');
    const min = power.fine_min === null ? null : money(power.fine_min);
    const max = power.fine_max === null ? null : money(power.fine_max);
    if ((min !== null && p.fineAmount < min) || (max !== null && p.fineAmount > max)) {
      throw refuse(`罚款 ${p.fineAmount} 元超出${power.law}${power.article}规定的幅度（${min ?? 0}–${max ?? '不限'} 元），违反《行政处罚法》第四条、第三十四条`, 'fineAmount');
    }
  } else if (p.fineAmount > 0) throw invalid('未选择罚款种类却填写了罚款金额', 'fineAmount');
}

const penaltyOf = (x: { kinds: readonly PenaltyKind[]; fineAmount: number; confiscationValue?: number; otherPenalty?: string }): Penalty => {
  const other = x.kinds.includes('other') ? x.otherPenalty?.trim() : undefined;
  if (x.kinds.includes('other') && !other) throw invalid('选择了「其他行政处罚」，应写明处罚内容', 'otherPenalty');
  return { kinds: [...x.kinds], fineAmount: toCents(x.fineAmount) / 100, confiscationValue: toCents(x.confiscationValue ?? 0) / 100, ...(other ? { other } : {}) };
};

// ── create: a clue (普通程序) or an on-the-spot decision (简易程序) ─────────────────────────────────────────────

async function partyColumns(ctx: Ctx, input: ClueCreate | SimpleCaseCreate) {
  return {
    party_type: input.partyType,
    party_name: input.partyName.trim(),
    party_id_enc: input.partyIdNumber ? encryptPersonal(ctx.keys, input.partyIdNumber.toUpperCase()) : null,
    party_id_idx: input.partyIdNumber ? blindIndex(ctx.keys, input.partyIdNumber) : null,
    party_phone_enc: input.partyPhone ? encryptPersonal(ctx.keys, input.partyPhone) : null,
    party_address: input.partyAddress ?? '',
    party_representative: input.partyRepresentative ?? '',
    summary: input.summary,
    act_date: input.actDate,
    act_end_date: input.actEndDate ?? null,
    act_place: input.actPlace ?? '',
  };
}

async function powerForCase(ctx: Ctx, powerId: number) {
  const power = await reg.findPower(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), powerId);
  if (!power) throw new AppError('NOT_FOUND', '执法事项不存在', { field: 'powerId' });
  await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.write', power.org_unit_id);
  if (!power.active) throw refuse(`执法事项「${power.name}」已停用，不在本乡镇的权责清单内（《行政处罚法》第二十四条）`, 'powerId');
  return power;
}

/** A clue's columns, checked: a power in the user's scope, dates that make sense (the limitation is judged at 立案). */
async function clueValues(ctx: Ctx, input: ClueCreate) {
  const power = await powerForCase(ctx, input.powerId);
  notFuture(input.discoveredOn, '发现日期', 'discoveredOn');
  const limitation = limitationProblem({ actDate: input.actDate, actEndDate: input.actEndDate, fiveYears: power.five_year_limitation, discoveredOn: input.discoveredOn });
  if (limitation && !/追责期限/.test(limitation)) throw invalid(limitation, 'actDate');
  return { power, values: { ...(await partyColumns(ctx, input)), clue_source: input.clueSource ?? '', discovered_on: input.discoveredOn } };
}

export async function createClue(ctx: Ctx, input: ClueCreate): Promise<CaseDetail> {
  const { power, values } = await clueValues(ctx, input);
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertCase(trx, {
      ...values,
      org_unit_id: power.org_unit_id,
      body_id: power.body_id,
      power_id: power.id,
      procedure: 'ordinary',
      status: 'clue',
      five_year_limitation: power.five_year_limitation,
    });
    await appendEvent(trx, ctx, id, 'clue', `登记案件线索：${input.partyName}，${input.summary.slice(0, 60)}`, { ...input, partyIdNumber: undefined, partyPhone: undefined });
    return {
      result: id,
      audit: {
        action: 'enforcement.case.clue',
        entityType: 'enforcement_case',
        entityId: id,
        orgUnitId: power.org_unit_id,
        after: { powerId: power.id, partyName: input.partyName },
      },
    };
  });
  return getCase(ctx, id);
}

/** Corrects a clue before 立案 is requested; an ID number or phone left out is kept as it was. */
export const editClue = (ctx: Ctx, id: number, input: ClueUpdate) =>
  step(ctx, id, input.version, 'enforcement.write', 'clue_edit', async (b) => {
    requireStatus(b, ['clue'], '修改线索');
    const { power, values } = await clueValues(ctx, input);
    if (power.org_unit_id !== b.row.org_unit_id) throw invalid('执法事项应属于本案所在乡镇', 'powerId');
    const { party_id_enc, party_id_idx, party_phone_enc, ...rest } = values;
    const changes = {
      ...rest,
      power_id: power.id,
      body_id: power.body_id,
      five_year_limitation: power.five_year_limitation,
      ...(input.partyIdNumber ? { party_id_enc, party_id_idx } : {}),
      ...(input.partyPhone ? { party_phone_enc } : {}),
    };
    return {
      changes,
      summary: `修改线索：${input.partyName}，${input.summary.slice(0, 60)}`,
      payload: { ...input, partyIdNumber: undefined, partyPhone: undefined, version: undefined },
    };
  });

export async function createSimpleCase(ctx: Ctx, input: SimpleCaseCreate): Promise<CaseDetail> {
  const power = await powerForCase(ctx, input.powerId);
  notFuture(input.decidedOn, '决定日期', 'decidedOn');
  const penalty = penaltyOf({ kinds: input.kinds, fineAmount: input.fineAmount });
  const simple = simpleProcedureProblem({ partyType: input.partyType, kinds: penalty.kinds, fineAmount: penalty.fineAmount });
  if (simple) throw refuse(simple, 'fineAmount');
  checkAgainstPower(power, penalty);
  const limitation = limitationProblem({ actDate: input.actDate, actEndDate: input.actEndDate, fiveYears: power.five_year_limitation, discoveredOn: input.decidedOn });
  if (limitation) throw refuse(limitation.replace('不予立案', '不得给予行政处罚'), 'actDate');
  await requireOfficers(ctx, power.org_unit_id, input.officerIds, input.decidedOn, 'officerIds');
  if (input.paidOn) {
    if (!input.paymentMethod) throw invalid('请选择缴款方式', 'paymentMethod');
    if (input.paymentMethod === 'on_spot') {
      const p = onSpotCollectionProblem(penalty.fineAmount, input.hardToExecuteLater ?? false);
      if (p) throw refuse(p, 'paymentMethod');
    }
    notBefore(input.paidOn, input.decidedOn, '缴款日期不能早于决定日期', 'paidOn');
    notFuture(input.paidOn, '缴款日期', 'paidOn');
  }
  const body = await reg.findBodyById(ctx.db, power.body_id);
  const remedy = await remedyText(ctx, power.org_unit_id);
  const values = await partyColumns(ctx, input);
  const fine = penalty.fineAmount;
  const id = await audited(ctx, async (trx) => {
    const seq = await repo.nextNumber(trx, power.org_unit_id, Number(input.decidedOn.slice(0, 4)), 'decision');
    const number = caseNumber(body.number_prefix, 'decision', Number(input.decidedOn.slice(0, 4)), seq);
    const decision: DecisionInfo = {
      decidedOn: input.decidedOn,
      outcome: 'penalty',
      penalty,
      facts: input.facts,
      evidence: '现场检查笔录、现场照片',
      basis: input.basis,
      reasons: '违法事实确凿并有法定依据，依照《中华人民共和国行政处罚法》第五十一条当场作出行政处罚决定',
      performance: fine > 0 ? performanceText(fine) : '当场宣告警告。',
      remedy,
      approver: ctx.actor.displayName,
      onSpot: true,
    };
    const payments = input.paidOn && fine > 0 ? [{ paidOn: input.paidOn, amount: fine, surcharge: 0, method: input.paymentMethod, receipt: '', by: ctx.actor.displayName }] : [];
    const { id } = await repo.insertCase(trx, {
      ...values,
      org_unit_id: power.org_unit_id,
      body_id: power.body_id,
      power_id: power.id,
      procedure: 'simple',
      status: 'served',
      clue_source: '现场检查',
      discovered_on: input.decidedOn,
      five_year_limitation: power.five_year_limitation,
      investigator_ids: input.officerIds,
      decision: JSON.stringify(decision),
      decision_number: number,
      decided_on: input.decidedOn,
      outcome: 'penalty',
      fine_amount: fine,
      service: JSON.stringify({
        servedOn: input.decidedOn,
        method: 'on_spot',
        recipient: input.partyName,
        place: input.actPlace ?? '',
        electronicConsent: false,
        lateReason: '',
        receiptAttachmentId: null,
        by: ctx.actor.displayName,
      }),
      served_on: input.decidedOn,
      payment_due: fine > 0 ? paymentDeadline(input.decidedOn) : null,
      paid_amount: payments.length ? fine : 0,
      paid_on: payments.length ? (input.paidOn ?? null) : null,
      payments: JSON.stringify(payments),
    });
    await appendEvent(trx, ctx, id, 'simple_decision', `当场作出行政处罚决定 ${number}：${penaltyText(penalty)}；当场交付决定书`, {
      number,
      penalty,
      officerIds: input.officerIds,
      decidedOn: input.decidedOn,
    });
    if (payments.length) await appendEvent(trx, ctx, id, 'payment', `缴纳罚款 ${fine.toFixed(2)} 元`, payments[0]);
    return { result: id, audit: { action: 'enforcement.case.simple', entityType: 'enforcement_case', entityId: id, orgUnitId: power.org_unit_id, after: { number, penalty } } };
  });
  return getCase(ctx, id);
}

/** 复议、诉讼途径和期限 (art. 59(五)): the government above the town, 60 days; the court, six months. */
async function remedyText(ctx: Ctx, townId: number): Promise<string> {
  const gov = (await repo.unitWithParent(ctx.db, townId)).parent_name ?? '上一级';
  return `如不服本决定，可以在收到本决定书之日起六十日内向${gov}人民政府申请行政复议，或者在六个月内依法向${gov}人民法院提起行政诉讼。申请行政复议或者提起行政诉讼的，不停止本决定的执行（法律另有规定的除外）。`;
}

const performanceText = (fine: number) =>
  `当事人应当自收到本决定书之日起十五日内，将罚款人民币${fine.toFixed(2)}元缴至指定银行或者通过电子支付系统缴纳。到期不缴纳罚款的，本机关将每日按罚款数额的百分之三加处罚款（加处罚款的数额不超出罚款的数额），并依法申请人民法院强制执行。`;

// ── 立案 ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const requestFiling = (ctx: Ctx, id: number, input: FilingRequest) =>
  step(ctx, id, input.version, 'enforcement.write', 'filing_request', async (b) => {
    requireStatus(b, ['clue'], '提请立案');
    notFuture(input.requestedOn, '提请日期', 'requestedOn');
    notBefore(input.requestedOn, b.row.discovered_on, '提请日期不能早于发现日期', 'requestedOn');
    const limitation = limitationProblem({ actDate: b.row.act_date, actEndDate: b.row.act_end_date, fiveYears: b.row.five_year_limitation, discoveredOn: b.row.discovered_on });
    if (limitation) throw refuse(limitation, 'actDate');
    const ids = [...new Set(input.investigatorIds)];
    await requireOfficers(ctx, b.row.org_unit_id, ids, input.requestedOn, 'investigatorIds');
    const filing = {
      requestedOn: input.requestedOn,
      requestedBy: ctx.actor.displayName,
      opinion: input.opinion,
      approved: null,
      decidedOn: null,
      approver: null,
      approverOpinion: null,
    };
    return {
      changes: { status: 'filing', investigator_ids: ids, filing: JSON.stringify(filing) },
      summary: `提请立案审批（承办人员 ${ids.length} 名）`,
      payload: { requestedOn: input.requestedOn, investigatorIds: ids, opinion: input.opinion },
    };
  });

export const decideFiling = (ctx: Ctx, id: number, input: FilingDecision) =>
  step(ctx, id, input.version, 'enforcement.approve', input.approve ? 'filing_approve' : 'filing_refuse', async (b) => {
    requireStatus(b, ['filing'], '审批立案');
    notFuture(input.decidedOn, '审批日期', 'decidedOn');
    const filing = b.row.filing as { requestedOn: string };
    notBefore(input.decidedOn, filing.requestedOn, '审批日期不能早于提请日期', 'decidedOn');
    const updated = { ...filing, approved: input.approve, decidedOn: input.decidedOn, approver: ctx.actor.displayName, approverOpinion: input.opinion };
    if (!input.approve) {
      return {
        changes: { status: 'not_filed', filing: JSON.stringify(updated) },
        summary: `不予立案：${input.opinion}`,
        payload: { decidedOn: input.decidedOn, opinion: input.opinion },
      };
    }
    const limitation = limitationProblem({ actDate: b.row.act_date, actEndDate: b.row.act_end_date, fiveYears: b.row.five_year_limitation, discoveredOn: b.row.discovered_on });
    if (limitation) throw refuse(limitation, 'actDate');
    await requireOfficers(ctx, b.row.org_unit_id, b.row.investigator_ids, input.decidedOn, 'investigatorIds');
    const year = Number(input.decidedOn.slice(0, 4));
    return {
      changes: { status: 'investigating', filed_on: input.decidedOn, filing: JSON.stringify(updated) },
      prepare: async (trx) => ({ filing_number: caseNumber(b.body.number_prefix, 'filing', year, await repo.nextNumber(trx, b.row.org_unit_id, year, 'filing')) }),
      summary: `批准立案（${input.decidedOn}）：${input.opinion}`,
      payload: { decidedOn: input.decidedOn, opinion: input.opinion, decisionDeadline: decisionDeadline(input.decidedOn) },
    };
  });

export const extendDeadline = (ctx: Ctx, id: number, input: ExtendBody) =>
  step(ctx, id, input.version, 'enforcement.approve', 'extend', (b) => {
    requireStatus(b, ['investigating', 'reviewing', 'notified'], '延长办案期限');
    const current = decisionDeadline(b.row.filed_on as string, b.row.extended_to);
    if (input.extendedTo <= current) throw invalid(`延长后的期限应晚于当前期限 ${current}`, 'extendedTo');
    return { changes: { extended_to: input.extendedTo }, summary: `经负责人批准延长办案期限至 ${input.extendedTo}：${input.basis}`, payload: { ...input, version: undefined } };
  });

// ── 调查取证 ───────────────────────────────────────────────────────────────────────────────────────────────────

export const addEvidence = (ctx: Ctx, id: number, input: EvidenceCreate) =>
  step(ctx, id, input.version, 'enforcement.write', 'evidence', async (b) => {
    requireStatus(b, ['investigating', 'reviewing'], '收集证据');
    const at = new Date(input.collectedAt);
    if (Number.isNaN(at.getTime())) throw invalid('「取证时间」格式不正确', 'collectedAt');
    const on = shanghaiDate(at);
    if (at.getTime() > Date.now() + 5 * 60_000) throw invalid('「取证时间」不能晚于现在', 'collectedAt');
    notBefore(on, b.row.filed_on, '取证时间不能早于立案日期（立案前的材料作为线索登记）', 'collectedAt');
    await requireOfficers(ctx, b.row.org_unit_id, [...new Set(input.collectorIds)], on, 'collectorIds');
    let sha256: string | null = null;
    if (input.attachmentId) {
      const att = await repo.attachmentRow(ctx.db, input.attachmentId);
      if (!att || att.org_unit_id !== b.row.org_unit_id) throw new AppError('NOT_FOUND', '附件不存在', { field: 'attachmentId' });
      sha256 = att.sha256;
    }
    return {
      changes: {},
      after: async (trx) => {
        await repo.insertEvidence(trx, {
          caseId: id,
          orgUnitId: b.row.org_unit_id,
          kind: input.kind,
          title: input.title,
          description: input.description ?? '',
          collectedAt: at,
          place: input.place,
          collectorIds: [...new Set(input.collectorIds)],
          attachmentId: input.attachmentId ?? null,
          sha256,
          recordedBy: ctx.actor.userId,
        });
      },
      summary: `收集证据「${input.title}」（${input.place}）${sha256 ? `，文件 SHA-256 ${sha256.slice(0, 16)}…` : ''}`,
      payload: { ...input, version: undefined, sha256 },
    };
  });

export const conclude = (ctx: Ctx, id: number, input: ConcludeBody) =>
  step(ctx, id, input.version, 'enforcement.write', 'conclude', (b) => {
    requireStatus(b, ['investigating', 'reviewing'], '调查终结');
    if (preservationsOf(b).some((p) => !p.handledOn)) throw refuse('先行登记保存的证据尚未作出处理决定，不能调查终结（《行政处罚法》第五十六条）', 'preservations');
    notFuture(input.concludedOn, '调查终结日期', 'concludedOn');
    notBefore(input.concludedOn, b.row.filed_on, '调查终结日期不能早于立案日期', 'concludedOn');
    const penalty = penaltyOf(input);
    if (input.outcome === 'penalty') {
      if (penalty.kinds.length === 0) throw invalid('拟给予行政处罚的，应选择处罚种类', 'kinds');
      if (b.evidence.length === 0) throw refuse('尚无证据材料：违法事实不清、证据不足的，不得给予行政处罚（《行政处罚法》第四十条）', 'evidence');
      checkAgainstPower(b.power, penalty);
    } else if (penalty.kinds.length > 0 || penalty.fineAmount > 0) throw invalid('不予处罚、违法不成立或移送的，不应填写处罚种类和金额', 'kinds');
    const conclusion = {
      concludedOn: input.concludedOn,
      facts: input.facts,
      evidenceSummary: input.evidenceSummary,
      outcome: input.outcome,
      penalty,
      basis: input.basis,
      discretionReason: input.discretionReason ?? '',
      reviewConditions: [...new Set(input.reviewConditions)],
      complexOrMajor: input.complexOrMajor,
      by: ctx.actor.displayName,
      reviewsBefore: b.reviews.length,
    };
    return {
      changes: { status: 'reviewing', conclusion: JSON.stringify(conclusion) },
      summary: `${b.row.status === 'reviewing' ? '修改调查终结报告' : '调查终结'}：拟${input.outcome === 'penalty' ? penaltyText(penalty) : '不予处罚/移送'}${conclusion.reviewConditions.length ? '；须法制审核' : ''}${input.complexOrMajor ? '；须集体讨论' : ''}`,
      payload: conclusion,
    };
  });

// ── 法制审核、集体讨论 ─────────────────────────────────────────────────────────────────────────────────────────

export const legalReview = (ctx: Ctx, id: number, input: LegalReviewCreate) =>
  step(ctx, id, input.version, 'enforcement.review', 'legal_review', async (b) => {
    requireStatus(b, ['reviewing', 'notified'], '进行法制审核');
    const reviewer = reviewerProblem(ctx.actor.userId, b.row.investigator_ids) ?? (await legalReviewerProblem(ctx, b.row.org_unit_id, ctx.actor.userId));
    if (reviewer) throw refuse(reviewer);
    notFuture(input.reviewedOn, '审核日期', 'reviewedOn');
    notBefore(input.reviewedOn, conclusionOf(b)?.concludedOn, '审核日期不能早于调查终结日期', 'reviewedOn');
    return {
      changes: {},
      after: async (trx) => {
        await repo.insertReview(trx, {
          caseId: id,
          orgUnitId: b.row.org_unit_id,
          reviewerId: ctx.actor.userId,
          reviewerName: ctx.actor.displayName,
          reviewedOn: input.reviewedOn,
          opinion: input.opinion,
          checks: input.checks ?? {},
          comments: input.comments,
        });
      },
      summary: `法制审核意见：${{ agree: '同意', correct: '纠正', transfer: '移送' }[input.opinion]}（${ctx.actor.displayName}）`,
      payload: { ...input, version: undefined },
    };
  });

export const recordDiscussion = (ctx: Ctx, id: number, input: DiscussionCreate) =>
  step(ctx, id, input.version, 'enforcement.approve', 'discussion', (b) => {
    requireStatus(b, ['reviewing', 'notified'], '集体讨论');
    notFuture(input.discussedOn, '讨论日期', 'discussedOn');
    notBefore(input.discussedOn, conclusionOf(b)?.concludedOn, '讨论日期不能早于调查终结日期', 'discussedOn');
    const discussion = {
      discussedOn: input.discussedOn,
      attendees: input.attendees,
      conclusion: input.conclusion,
      minutes: input.minutes ?? '',
      recordedBy: ctx.actor.displayName,
    };
    return { changes: { discussion: JSON.stringify(discussion) }, summary: `负责人集体讨论（${input.attendees.length} 人）：${input.conclusion}`, payload: discussion };
  });

// ── 告知、陈述申辩、听证 ───────────────────────────────────────────────────────────────────────────────────────

export const notify = (ctx: Ctx, id: number, input: NoticeCreate) =>
  step(ctx, id, input.version, 'enforcement.write', 'notice', async (b) => {
    requireStatus(b, ['reviewing'], '事先告知');
    const conclusion = conclusionOf(b) as Conclusion;
    if (conclusion.outcome !== 'penalty') throw new AppError('ENFORCEMENT_STATE', '拟不予处罚、违法不成立或移送的案件无须事先告知，可直接作出决定');
    notFuture(input.servedOn, '告知书送达日期', 'servedOn');
    notBefore(input.servedOn, conclusion.concludedOn, '告知日期不能早于调查终结日期', 'servedOn');
    const cal = await loadWorkCalendar(ctx.db);
    const eligible = hearingEligible(b.row.party_type, conclusion.penalty, thresholds(b.body));
    const notice: NoticeInfo = {
      servedOn: input.servedOn,
      method: input.method,
      penalty: conclusion.penalty,
      facts: conclusion.facts,
      basis: conclusion.basis,
      hearingRight: eligible,
      hearingDeadline: eligible ? hearingRequestDeadline(cal, input.servedOn) : null,
      by: ctx.actor.displayName,
    };
    return {
      changes: { status: 'notified', notice: JSON.stringify(notice) },
      summary: `送达行政处罚事先告知书（${serviceMethodLabels[input.method]}）：拟${penaltyText(conclusion.penalty)}；告知陈述、申辩权${eligible ? `及听证权（${notice.hearingDeadline} 前提出）` : ''}`,
      payload: notice,
    };
  });

export const recordStatements = (ctx: Ctx, id: number, input: StatementsCreate) =>
  step(ctx, id, input.version, 'enforcement.write', 'statements', (b) => {
    requireStatus(b, ['notified'], '记录陈述申辩');
    notFuture(input.recordedOn, '记录日期', 'recordedOn');
    notBefore(input.recordedOn, noticeOf(b)?.servedOn, '记录日期不能早于告知日期', 'recordedOn');
    if (input.stated && !input.content?.trim()) throw invalid('当事人陈述申辩的，应记录其内容', 'content');
    if (input.stated && !input.reexamination?.trim()) throw refuse('对当事人提出的事实、理由和证据应当进行复核（《行政处罚法》第四十五条第一款）', 'reexamination');
    const prev = (b.row.statements as Record<string, unknown> | null) ?? {};
    const statements = {
      ...prev,
      recordedOn: input.recordedOn,
      stated: input.stated,
      content: input.content ?? '',
      reexamination: input.reexamination ?? '',
      adopted: input.adopted ?? false,
      by: ctx.actor.displayName,
    };
    return {
      changes: { statements: JSON.stringify(statements) },
      summary: input.stated ? `记录当事人陈述、申辩及复核意见（${input.adopted ? '予以采纳' : '不予采纳'}）` : '当事人放弃陈述、申辩',
      payload: statements,
    };
  });

export const requestHearing = (ctx: Ctx, id: number, input: { requestedOn: string; version: number }) =>
  step(ctx, id, input.version, 'enforcement.write', 'hearing_request', async (b) => {
    requireStatus(b, ['notified'], '受理听证申请');
    if (b.hearing) throw new AppError('ENFORCEMENT_STATE', '已登记听证申请');
    notFuture(input.requestedOn, '申请日期', 'requestedOn');
    const notice = noticeOf(b) as NoticeInfo;
    const problem = hearingRequestProblem(await loadWorkCalendar(ctx.db), { eligible: notice.hearingRight, noticeServedOn: notice.servedOn, requestedOn: input.requestedOn });
    if (problem) throw refuse(problem, 'requestedOn');
    return {
      changes: {},
      after: async (trx) => {
        await repo.insertHearing(trx, { caseId: id, orgUnitId: b.row.org_unit_id, requestedOn: input.requestedOn });
      },
      summary: `当事人要求听证（${input.requestedOn}），予以受理`,
      payload: { requestedOn: input.requestedOn },
    };
  });

export const waiveHearing = (ctx: Ctx, id: number, input: { waivedOn: string; version: number }) =>
  step(ctx, id, input.version, 'enforcement.write', 'hearing_waive', (b) => {
    requireStatus(b, ['notified'], '记录放弃听证');
    const notice = noticeOf(b) as NoticeInfo;
    if (!notice.hearingRight) throw refuse('拟作出的处罚不属于《行政处罚法》第六十三条规定的听证范围');
    if (b.hearing?.held_on) throw new AppError('ENFORCEMENT_STATE', '听证已经举行');
    notFuture(input.waivedOn, '放弃日期', 'waivedOn');
    notBefore(input.waivedOn, notice.servedOn, '放弃日期不能早于告知日期', 'waivedOn');
    const statements = { ...((b.row.statements as Record<string, unknown> | null) ?? {}), hearingWaived: true, hearingWaivedOn: input.waivedOn };
    return { changes: { statements: JSON.stringify(statements) }, summary: `当事人书面放弃听证（${input.waivedOn}）`, payload: { waivedOn: input.waivedOn } };
  });

export const scheduleHearing = (ctx: Ctx, id: number, input: HearingSchedule) =>
  step(ctx, id, input.version, 'enforcement.write', 'hearing_schedule', async (b) => {
    requireStatus(b, ['notified'], '安排听证');
    if (!b.hearing) throw new AppError('ENFORCEMENT_STATE', '当事人未要求听证');
    if (b.hearing.held_on || b.hearing.waived) throw new AppError('ENFORCEMENT_STATE', '听证已经结束');
    notFuture(input.notifiedOn, '通知日期', 'notifiedOn');
    notBefore(input.notifiedOn, b.hearing.requested_on, '通知日期不能早于听证申请日期', 'notifiedOn');
    const presider = await reg.userInUnitTree(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), input.presiderId);
    if (!presider) throw new AppError('NOT_FOUND', '所选主持人不存在', { field: 'presiderId' });
    const problem = hearingScheduleProblem(await loadWorkCalendar(ctx.db), {
      notifiedOn: input.notifiedOn,
      hearingOn: input.hearingOn,
      presiderId: input.presiderId,
      investigatorIds: b.row.investigator_ids,
    });
    if (problem) throw refuse(problem, /主持/.test(problem) ? 'presiderId' : 'hearingOn');
    const hearing = b.hearing;
    return {
      changes: {},
      after: async (trx) => {
        await updateVersioned(trx, 'enforcement_hearings', hearing.id, hearing.version, {
          notified_on: input.notifiedOn,
          hearing_on: input.hearingOn,
          place: input.place,
          presider_id: input.presiderId,
          presider_name: presider.display_name,
          public: input.public,
        });
      },
      summary: `通知听证：${input.hearingOn} 在${input.place}${input.public ? '公开' : '不公开'}举行，主持人 ${presider.display_name}`,
      payload: { ...input, version: undefined, presiderName: presider.display_name },
    };
  });

export const recordHearing = (ctx: Ctx, id: number, input: HearingRecord) =>
  step(ctx, id, input.version, 'enforcement.write', 'hearing_record', (b) => {
    requireStatus(b, ['notified'], '记录听证');
    const h = b.hearing;
    if (!h?.hearing_on) throw new AppError('ENFORCEMENT_STATE', '尚未安排听证');
    if (h.held_on || h.waived) throw new AppError('ENFORCEMENT_STATE', '听证已经结束');
    notFuture(input.heldOn, '举行日期', 'heldOn');
    notBefore(input.heldOn, h.hearing_on, '举行日期不能早于通知的听证日期', 'heldOn');
    const waived = !input.partyAttended;
    return {
      changes: {},
      after: async (trx) => {
        await updateVersioned(trx, 'enforcement_hearings', h.id, h.version, {
          held_on: waived ? null : input.heldOn,
          party_attended: input.partyAttended,
          minutes: input.minutes,
          waived,
        });
      },
      summary: waived ? '当事人无正当理由拒不出席听证，视为放弃听证权利（《行政处罚法》第六十四条第八项）' : `举行听证并制作听证笔录（${input.heldOn}）`,
      payload: { ...input, version: undefined, waived },
    };
  });

// ── 决定 ───────────────────────────────────────────────────────────────────────────────────────────────────────

export const decide = (ctx: Ctx, id: number, input: DecideBody) =>
  step(ctx, id, input.version, 'enforcement.approve', 'decision', async (b) => {
    requireStatus(b, ['reviewing', 'notified'], '作出决定');
    const conclusion = conclusionOf(b) as Conclusion;
    notFuture(input.decidedOn, '决定日期', 'decidedOn');
    notBefore(input.decidedOn, conclusion.concludedOn, '决定日期不能早于调查终结日期', 'decidedOn');
    const penalty = penaltyOf(input);
    if (input.outcome === 'penalty') {
      const unnotified = noticeProblem(await loadWorkCalendar(ctx.db), { ...factsOf(b), decidedOn: input.decidedOn });
      if (b.row.status !== 'notified' && unnotified) throw refuse(unnotified);
      if (penalty.kinds.length === 0) throw invalid('给予行政处罚的，应选择处罚种类', 'kinds');
      checkAgainstPower(b.power, penalty);
    } else if (penalty.kinds.length > 0 || penalty.fineAmount > 0) throw invalid('不予处罚、违法不成立或移送的，不应填写处罚种类和金额', 'kinds');
    const facts = factsOf(b);
    const cal = await loadWorkCalendar(ctx.db);
    const problems = [
      decisionDateProblem({ filedOn: b.row.filed_on as string, decidedOn: input.decidedOn, extendedTo: b.row.extended_to }),
      legalReviewProblem({ conditions: facts.reviewConditions, reviews: facts.reviews, outcome: input.outcome, hearingHeldOn: facts.hearingHeldOn }),
      discussionProblem(facts),
      input.outcome === 'penalty' ? noticeProblem(cal, { ...facts, decidedOn: input.decidedOn }) : null,
      input.outcome === 'penalty' ? heavierThanNoticeProblem((noticeOf(b) as NoticeInfo).penalty, penalty) : null,
    ];
    const problem = problems.find((p) => p !== null);
    if (problem) throw refuse(problem);
    const lastReview = facts.reviews.at(-1);
    if (lastReview && input.decidedOn < lastReview.reviewedOn) throw invalid('决定日期不能早于法制审核日期', 'decidedOn');
    const decision: DecisionInfo = {
      decidedOn: input.decidedOn,
      outcome: input.outcome,
      penalty,
      facts: conclusion.facts,
      evidence: conclusion.evidenceSummary,
      basis: conclusion.basis,
      reasons: input.reasons,
      performance: input.outcome === 'penalty' ? (penalty.fineAmount > 0 ? performanceText(penalty.fineAmount) : '本决定自送达之日起执行。') : '',
      remedy: input.outcome === 'transfer' ? '' : await remedyText(ctx, b.row.org_unit_id),
      approver: ctx.actor.displayName,
      onSpot: false,
    };
    const year = Number(input.decidedOn.slice(0, 4));
    return {
      changes: {
        status: 'decided',
        decision: JSON.stringify(decision),
        decided_on: input.decidedOn,
        outcome: input.outcome,
        fine_amount: penalty.fineAmount,
        confiscation_value: penalty.confiscationValue,
      },
      prepare:
        input.outcome === 'transfer'
          ? undefined
          : async (trx) => ({ decision_number: caseNumber(b.body.number_prefix, 'decision', year, await repo.nextNumber(trx, b.row.org_unit_id, year, 'decision')) }),
      summary: `负责人作出决定：${input.outcome === 'penalty' ? penaltyText(penalty) : { no_penalty: '不予行政处罚', not_established: '违法事实不能成立', transfer: '移送司法机关', penalty: '' }[input.outcome]}`,
      payload: { ...decision },
    };
  });

export const recordDecisionChange = (ctx: Ctx, id: number, input: DecisionChangeBody) =>
  step(ctx, id, input.version, 'enforcement.approve', 'decision_change', (b) => {
    requireStatus(b, ['decided', 'served', 'closed', 'archived'], '登记决定变更');
    if (b.row.decision_change) throw new AppError('ENFORCEMENT_STATE', '已登记决定变更');
    notFuture(input.changedOn, '变更/撤销日期', 'changedOn');
    notBefore(input.changedOn, b.row.decided_on, '变更日期不能早于决定日期', 'changedOn');
    const change = { changedOn: input.changedOn, kind: input.kind, authority: input.authority, reason: input.reason };
    const label = { changed: '变更', revoked: '撤销', illegal: '确认违法', void: '确认无效' }[input.kind];
    return { changes: { decision_change: JSON.stringify(change) }, summary: `行政处罚决定被${input.authority}${label}：${input.reason}`, payload: change };
  });

// ── 送达、执行、结案、归档 ─────────────────────────────────────────────────────────────────────────────────────

export const serve = (ctx: Ctx, id: number, input: ServeBody) =>
  step(ctx, id, input.version, 'enforcement.write', 'service', async (b) => {
    requireStatus(b, ['decided'], '送达决定书');
    if (b.row.outcome === 'transfer') throw new AppError('ENFORCEMENT_STATE', '移送司法机关的案件无决定书可送达，请登记移送后结案');
    notFuture(input.servedOn, '送达日期', 'servedOn');
    const problem = serviceProblem(await loadWorkCalendar(ctx.db), {
      decidedOn: b.row.decided_on as string,
      servedOn: input.servedOn,
      method: input.method,
      electronicConsent: input.electronicConsent ?? false,
      lateReason: input.lateReason,
    });
    if (problem) throw refuse(problem, /确认书/.test(problem) ? 'electronicConsent' : 'servedOn');
    if (input.receiptAttachmentId) {
      const att = await repo.attachmentRow(ctx.db, input.receiptAttachmentId);
      if (!att || att.org_unit_id !== b.row.org_unit_id) throw new AppError('NOT_FOUND', '附件不存在', { field: 'receiptAttachmentId' });
    }
    const service = {
      servedOn: input.servedOn,
      method: input.method,
      recipient: input.recipient,
      place: input.place ?? '',
      electronicConsent: input.electronicConsent ?? false,
      lateReason: input.lateReason ?? '',
      receiptAttachmentId: input.receiptAttachmentId ?? null,
      by: ctx.actor.displayName,
    };
    const fine = money(b.row.fine_amount);
    return {
      changes: {
        status: 'served',
        service: JSON.stringify(service),
        served_on: input.servedOn,
        payment_due: b.row.outcome === 'penalty' && fine > 0 ? paymentDeadline(input.servedOn) : null,
      },
      summary: `送达决定书（${serviceMethodLabels[input.method]}，受送达人 ${input.recipient}）${input.lateReason ? `；逾期原因：${input.lateReason}` : ''}`,
      payload: service,
    };
  });

export const recordPayment = (ctx: Ctx, id: number, input: PaymentCreate) =>
  step(ctx, id, input.version, 'enforcement.write', 'payment', (b) => {
    requireStatus(b, ['served'], '登记缴款');
    const fine = money(b.row.fine_amount);
    if (b.row.outcome !== 'penalty' || fine <= 0) throw new AppError('ENFORCEMENT_STATE', '本案没有需要缴纳的罚款');
    notFuture(input.paidOn, '缴款日期', 'paidOn');
    notBefore(input.paidOn, b.row.served_on, '缴款日期不能早于送达日期', 'paidOn');
    if (input.method === 'on_spot') {
      const p = onSpotCollectionProblem(fine, input.hardToExecuteLater ?? false);
      if (p) throw refuse(p, 'method');
    }
    const paidFine = toCents(money(b.row.paid_amount));
    // The surcharge as of this payment, counted as if all of it went to the fine (a late instalment stays late).
    const asIfFine = { paidOn: input.paidOn, amount: input.amount, surcharge: 0, daysUnderReview: input.daysUnderReview ?? 0 };
    const surcharge = toCents(surchargeDue(b, input.paidOn, [asIfFine]));
    const owedFine = toCents(fine) - paidFine;
    const owedSurcharge = surcharge - toCents(money(b.row.surcharge_paid));
    const amount = toCents(input.amount);
    if (amount > owedFine + owedSurcharge)
      throw invalid(`缴款金额超过应缴金额（罚款余额 ${(owedFine / 100).toFixed(2)} 元，加处罚款 ${(owedSurcharge / 100).toFixed(2)} 元）`, 'amount');
    const toFine = Math.min(amount, owedFine);
    const toSurcharge = amount - toFine;
    const entry = {
      paidOn: input.paidOn,
      amount: amount / 100,
      surcharge: toSurcharge / 100,
      method: input.method,
      receipt: input.receipt ?? '',
      by: ctx.actor.displayName,
      daysUnderReview: input.daysUnderReview ?? 0,
    };
    const fineSettled = paidFine + toFine >= toCents(fine);
    return {
      changes: {
        paid_amount: (paidFine + toFine) / 100,
        surcharge_paid: money(b.row.surcharge_paid) + toSurcharge / 100,
        paid_on: b.row.paid_on ?? (fineSettled ? input.paidOn : null),
        payments: JSON.stringify([...b.row.payments, entry]),
      },
      summary: `缴纳 ${(amount / 100).toFixed(2)} 元（罚款 ${(toFine / 100).toFixed(2)} 元${toSurcharge ? `，加处罚款 ${(toSurcharge / 100).toFixed(2)} 元` : ''}）`,
      payload: entry,
    };
  });

// ── 先行登记保存, 暂缓/分期, court enforcement ──────────────────────────────────────────────────────────────────

export const preserveEvidence = (ctx: Ctx, id: number, input: PreservationCreate) =>
  step(ctx, id, input.version, 'enforcement.write', 'preservation', async (b) => {
    requireStatus(b, ['investigating'], '先行登记保存证据');
    notFuture(input.approvedOn, '批准日期', 'approvedOn');
    notBefore(input.approvedOn, b.row.filed_on, '批准日期不能早于立案日期', 'approvedOn');
    const cal = await loadWorkCalendar(ctx.db);
    const all = preservationsOf(b);
    const entry: Preservation = {
      no: all.length + 1,
      approvedOn: input.approvedOn,
      approver: input.approver,
      items: input.items,
      place: input.place ?? '',
      due: preservationDeadline(cal, input.approvedOn),
      handledOn: null,
      handling: null,
      handlingNote: '',
      lateReason: '',
    };
    return {
      changes: { preservations: JSON.stringify([...all, entry]) },
      summary: `先行登记保存证据（第${entry.no}次，${input.approver}批准）：${input.items.slice(0, 80)}；应于 ${entry.due} 前作出处理决定`,
      payload: entry,
    };
  });

export const handlePreservation = (ctx: Ctx, id: number, input: PreservationHandle) =>
  step(ctx, id, input.version, 'enforcement.write', 'preservation_handled', async (b) => {
    const all = preservationsOf(b);
    const entry = all.find((p) => p.no === input.no);
    if (!entry) throw new AppError('NOT_FOUND', '没有这次先行登记保存', { field: 'no' });
    if (entry.handledOn) throw new AppError('ENFORCEMENT_STATE', `第${entry.no}次先行登记保存已于 ${entry.handledOn} 作出处理决定`);
    notFuture(input.handledOn, '处理决定日期', 'handledOn');
    const problem = preservationHandlingProblem(await loadWorkCalendar(ctx.db), { approvedOn: entry.approvedOn, handledOn: input.handledOn, lateReason: input.lateReason });
    if (problem) throw refuse(problem, /逾期/.test(problem) ? 'lateReason' : 'handledOn');
    const handled: Preservation = { ...entry, handledOn: input.handledOn, handling: input.handling, handlingNote: input.handlingNote ?? '', lateReason: input.lateReason ?? '' };
    return {
      changes: { preservations: JSON.stringify(all.map((p) => (p.no === input.no ? handled : p))) },
      summary: `先行登记保存处理决定（第${entry.no}次）：${preservationHandlingLabels[input.handling]}`,
      payload: handled,
    };
  });

export const approvePaymentPlan = (ctx: Ctx, id: number, input: PaymentPlanCreate) =>
  step(ctx, id, input.version, 'enforcement.approve', 'payment_plan', (b) => {
    requireStatus(b, ['served'], '批准暂缓或分期缴纳');
    const fine = money(b.row.fine_amount);
    const paid = money(b.row.paid_amount);
    if (b.row.outcome !== 'penalty' || paid >= fine) throw new AppError('ENFORCEMENT_STATE', '本案没有尚未缴纳的罚款');
    if (planOf(b)) throw new AppError('ENFORCEMENT_STATE', '本案已批准过暂缓或分期缴纳');
    notFuture(input.approvedOn, '批准日期', 'approvedOn');
    const plan: PaymentPlan = { kind: input.kind, appliedOn: input.appliedOn, approvedOn: input.approvedOn, reason: input.reason, instalments: input.instalments };
    const problem = paymentPlanProblem({ servedOn: b.row.served_on as string, paymentDue: b.row.payment_due as string, outstanding: fine - paid, plan });
    if (problem) throw refuse(problem, /申请日期/.test(problem) ? 'appliedOn' : /批准日期/.test(problem) ? 'approvedOn' : /理由|经济困难/.test(problem) ? 'reason' : 'instalments');
    const record = { ...plan, approver: ctx.actor.displayName, paidBefore: paid };
    const last = input.instalments.at(-1)?.dueOn;
    return {
      changes: { payment_plan: JSON.stringify(record) },
      summary: `批准${input.kind === 'defer' ? `暂缓缴纳罚款至 ${last}` : `分${input.instalments.length}期缴纳罚款，最后一期 ${last}`}（《行政处罚法》第六十六条）`,
      payload: record,
    };
  });

export const applyCourtEnforcement = (ctx: Ctx, id: number, input: CourtEnforcementCreate) =>
  step(ctx, id, input.version, 'enforcement.approve', 'court_enforcement', (b) => {
    requireStatus(b, ['served'], '申请人民法院强制执行');
    const owing = amountOwed({
      outcome: b.row.outcome,
      fineAmount: money(b.row.fine_amount),
      paidAmount: money(b.row.paid_amount),
      surchargeDue: surchargeDue(b, input.appliedOn),
      surchargePaid: money(b.row.surcharge_paid),
    });
    if (owing <= 0) throw new AppError('ENFORCEMENT_STATE', '罚款和加处罚款已缴清，无须申请强制执行');
    if (b.row.court_enforcement) throw new AppError('ENFORCEMENT_STATE', '本案已申请人民法院强制执行');
    notFuture(input.appliedOn, '申请日期', 'appliedOn');
    const problem = courtApplicationProblem({ servedOn: b.row.served_on as string, paymentDue: effectiveDue(b) as string, urgedOn: input.urgedOn, appliedOn: input.appliedOn });
    if (problem) throw refuse(problem, /催告/.test(problem) && !/十日后/.test(problem) ? 'urgedOn' : 'appliedOn');
    const record = { urgedOn: input.urgedOn, appliedOn: input.appliedOn, court: input.court, by: ctx.actor.displayName };
    return {
      changes: { court_enforcement: JSON.stringify(record) },
      summary: `申请${input.court}强制执行（催告书 ${input.urgedOn} 送达）`,
      payload: record,
    };
  });

export const close = (ctx: Ctx, id: number, input: CloseBody) =>
  step(ctx, id, input.version, 'enforcement.write', 'close', (b) => {
    const transfer = b.row.status === 'decided' && b.row.outcome === 'transfer';
    if (!transfer) requireStatus(b, ['served'], '结案');
    notFuture(input.closedOn, '结案日期', 'closedOn');
    notBefore(input.closedOn, b.row.paid_on ?? b.row.served_on ?? b.row.decided_on, '结案日期不能早于送达或缴款日期', 'closedOn');
    const fine = money(b.row.fine_amount);
    if (b.row.outcome === 'penalty' && fine > 0) {
      const due = surchargeDue(b, input.closedOn);
      const paid = money(b.row.paid_amount);
      const paidSurcharge = money(b.row.surcharge_paid);
      if (!b.row.court_enforcement && (toCents(paid) < toCents(fine) || toCents(paidSurcharge) < toCents(due))) {
        throw refuse(
          `罚款尚未缴清（罚款 ${fine.toFixed(2)} 元、加处罚款 ${due.toFixed(2)} 元，已缴 ${(paid + paidSurcharge).toFixed(2)} 元），不能结案；当事人逾期不履行的，依《行政处罚法》第七十二条加处罚款或申请人民法院强制执行`,
        );
      }
    }
    const closing = { closedOn: input.closedOn, summary: input.summary, by: ctx.actor.displayName, archivedBy: null, volume: null };
    return { changes: { status: 'closed', closing: JSON.stringify(closing), closed_on: input.closedOn }, summary: `结案：${input.summary.slice(0, 80)}`, payload: closing };
  });

export const archive = (ctx: Ctx, id: number, input: ArchiveBody) =>
  step(ctx, id, input.version, 'enforcement.write', 'archive', (b) => {
    requireStatus(b, ['closed'], '归档');
    notFuture(input.archivedOn, '归档日期', 'archivedOn');
    notBefore(input.archivedOn, b.row.closed_on, '归档日期不能早于结案日期', 'archivedOn');
    const closing = { ...(b.row.closing as Record<string, unknown>), archivedBy: ctx.actor.displayName, volume: input.volume ?? null };
    return {
      changes: { status: 'archived', archived_on: input.archivedOn, closing: JSON.stringify(closing) },
      summary: `立卷归档${input.volume ? `（案卷号 ${input.volume}）` : ''}`,
      payload: { archivedOn: input.archivedOn, volume: input.volume ?? null },
    };
  });

// ── 公示 ───────────────────────────────────────────────────────────────────────────────────────────────────────

function publishCapability(ctx: Ctx): Capability {
  return can(ctx.actor, 'enforcement.manage') ? 'enforcement.manage' : 'enforcement.write';
}

export const publish = (ctx: Ctx, id: number, input: { publishedOn: string; version: number }) =>
  step(ctx, id, input.version, publishCapability(ctx), 'publish', async (b) => {
    if (!b.row.decided_on || b.row.outcome !== 'penalty' || !b.row.decision_number) throw new AppError('ENFORCEMENT_STATE', '只有已作出的行政处罚决定可以公示');
    if (b.publication) throw new AppError('ENFORCEMENT_STATE', '该决定已经公示');
    notFuture(input.publishedOn, '公示日期', 'publishedOn');
    notBefore(input.publishedOn, b.row.decided_on, '公示日期不能早于决定日期', 'publishedOn');
    const due = publicationDeadline(await loadWorkCalendar(ctx.db), b.row.decided_on);
    const decision = decisionOf(b) as DecisionInfo;
    const person = b.row.party_type === 'person';
    const shownName = person ? maskNameForPublication(b.row.party_name) : b.row.party_name;
    const scrub = (text: string) => maskIdentifiersInText(person ? text.split(b.row.party_name).join(shownName) : text);
    const content = {
      decisionNumber: b.row.decision_number,
      bodyName: b.row.body_name,
      townName: b.row.org_unit_name,
      partyName: shownName,
      partyAddress: person ? addressToVillage(b.row.party_address) : b.row.party_address,
      facts: scrub(decision.facts),
      penalty: penaltyText(decision.penalty),
      basis: scrub(decision.basis),
      decidedOn: b.row.decided_on,
    };
    return {
      changes: {},
      after: async (trx) => {
        await repo.insertPublication(trx, { caseId: id, orgUnitId: b.row.org_unit_id, publishedOn: input.publishedOn, dueOn: due, content });
      },
      summary: `向社会公示行政处罚决定${input.publishedOn > due ? `（逾期：应于 ${due} 前公示）` : ''}`,
      payload: { publishedOn: input.publishedOn, dueOn: due, content },
    };
  });

export const withdrawPublication = (ctx: Ctx, id: number, input: { withdrawnOn: string; reason: string; version: number }) =>
  step(ctx, id, input.version, publishCapability(ctx), 'withdraw', async (b) => {
    const pub = b.publication;
    if (!pub) throw new AppError('ENFORCEMENT_STATE', '该决定尚未公示');
    if (pub.withdrawn_on) throw new AppError('ENFORCEMENT_STATE', '公示信息已经撤回');
    notFuture(input.withdrawnOn, '撤回日期', 'withdrawnOn');
    notBefore(input.withdrawnOn, pub.published_on, '撤回日期不能早于公示日期', 'withdrawnOn');
    const changedOn = (b.row.decision_change as { changedOn?: string } | null)?.changedOn;
    const due = changedOn ? withdrawalDeadline(await loadWorkCalendar(ctx.db), changedOn) : null;
    return {
      changes: {},
      after: async (trx) => {
        await updateVersioned(trx, 'enforcement_publications', pub.id, pub.version, { withdrawn_on: input.withdrawnOn, withdraw_reason: input.reason, withdraw_due: due });
      },
      summary: `撤回公示信息：${input.reason}${due && input.withdrawnOn > due ? `（逾期：应于 ${due} 前撤回）` : ''}`,
      payload: { withdrawnOn: input.withdrawnOn, reason: input.reason, due },
    };
  });

/** A step the timeline records that changes nothing else (document printed, case file exported). */
export async function recordOnTimeline(ctx: Ctx, id: number, kind: string, summary: string, payload: Record<string, unknown>): Promise<void> {
  const b = await bundleFor(ctx, id);
  await audited(ctx, async (trx) => {
    await appendEvent(trx, ctx, id, kind, summary, payload);
    return { result: undefined, audit: { action: `enforcement.case.${kind}`, entityType: 'enforcement_case', entityId: id, orgUnitId: b.row.org_unit_id, after: payload } };
  });
}

// ── historic cases (台账导入) ──────────────────────────────────────────────────────────────────────────────────

/** A closed penalty case from the town's old register, resolved to the platform's body, power and officers' users. */
export type HistoricCaseInput = HistoricCase & {
  bodyId: number;
  powerId: number;
  /** 案号: the decision's number, unique per body. */
  number: string;
  summary: string;
  partyName: string;
  partyIdNumber?: string;
  partyAddress?: string;
  remark: string;
};
export type HistoricCaseProblem = { index: number; field: keyof HistoricCaseInput; message: string };

/**
 * Checks historic cases by the domain's rules for them, with what they refer to: the power and its body in the
 * actor's write scope, the officers registered in that town, a 案号 no other case holds (a voided one included: the
 * number stays taken).
 */
export async function checkHistoricCases(ctx: Ctx, cases: readonly HistoricCaseInput[]): Promise<HistoricCaseProblem[]> {
  const scope = scopeOf(ctx.actor, 'enforcement.write');
  const [powers, officers, taken] = await Promise.all([
    reg.listPowers(ctx.db, scope),
    reg.listOfficers(ctx.db, scope),
    repo.casesWithDecisionNumbers(
      ctx.db,
      cases.map((c) => c.number),
    ),
  ]);
  const on = today();
  const numbers = new Map<string, number>();
  for (const c of cases) numbers.set(c.number, (numbers.get(c.number) ?? 0) + 1);
  return cases.flatMap((c, index) => {
    const problems: HistoricCaseProblem[] = historicCaseProblems(c, on).map((p) => ({ index, ...p }));
    const power = powers.find((p) => p.id === c.powerId);
    if (!power || power.body_id !== c.bodyId) problems.push({ index, field: 'powerId', message: '执法事项不存在、不属于该执法主体或不在您的管辖范围内' });
    const unknown = c.officerIds.filter((id) => !officers.some((o) => o.user_id === id && o.org_unit_id === power?.org_unit_id));
    if (power && unknown.length) problems.push({ index, field: 'officerIds', message: '执法人员应为本乡镇已登记的执法人员' });
    if (taken.some((t) => t.decision_number === c.number) || (numbers.get(c.number) ?? 0) > 1)
      problems.push({ index, field: 'number', message: `案号「${c.number}」已被其他案件使用（案号不能重复，已作废案件的案号也不再使用）` });
    return problems;
  });
}

const importedOn = (date: string) => new Date(`${date}T00:00:00+08:00`);

/**
 * Writes checked historic cases as closed (or archived) penalty cases marked imported, in one audited transaction:
 * each with its timeline of 立案, 决定, 结案 (归档) dated as in the register and saying 台账导入, and one audit entry.
 * A closed case's fine counts as executed (结案 requires it, art. 72 aside). A number of the body's own pattern
 * moves its counter on, so the platform never hands that number out again.
 */
export async function importHistoricCases(ctx: Ctx, cases: readonly HistoricCaseInput[], note: { filename: string }): Promise<number[]> {
  const problems = await checkHistoricCases(ctx, cases);
  const first = problems[0];
  if (first) throw new AppError('ENFORCEMENT_RULE', `第 ${first.index + 1} 件：${first.message}`, problems);
  const powers = await repo.powersByIds(ctx.db, [...new Set(cases.map((c) => c.powerId))]);
  const bodies = await Promise.all([...new Set(cases.map((c) => c.bodyId))].map((id) => reg.findBodyById(ctx.db, id)));
  const values = await Promise.all(
    cases.map((c) =>
      partyColumns(ctx, {
        powerId: c.powerId,
        partyType: c.partyType,
        partyName: c.partyName,
        partyIdNumber: c.partyIdNumber,
        partyAddress: c.partyAddress,
        summary: c.summary,
        actDate: c.filedOn ?? c.decidedOn,
        discoveredOn: c.filedOn ?? c.decidedOn,
      }),
    ),
  );
  return audited(ctx, async (trx) => {
    const ids: number[] = [];
    const audit = [];
    for (const [i, c] of cases.entries()) {
      const power = powers.find((p) => p.id === c.powerId) as reg.PowerRow;
      const body = bodies.find((b) => b.id === c.bodyId) as reg.BodyRow;
      const penalty: Penalty = { kinds: [...c.kinds], fineAmount: c.fineAmount, confiscationValue: c.confiscationValue };
      const decision: DecisionInfo = {
        decidedOn: c.decidedOn,
        outcome: 'penalty',
        penalty,
        facts: c.summary,
        evidence: '',
        basis: `${power.law}${power.article}`,
        reasons: '',
        performance: '',
        remedy: '',
        approver: '',
        onSpot: c.procedure === 'simple',
      };
      const summary = c.remark || '台账导入的历史案件';
      const { id } = await repo.insertCase(trx, {
        ...values[i],
        org_unit_id: power.org_unit_id,
        body_id: body.id,
        power_id: power.id,
        procedure: c.procedure,
        status: c.archivedOn ? 'archived' : 'closed',
        clue_source: '台账导入',
        discovered_on: c.filedOn ?? c.decidedOn,
        five_year_limitation: power.five_year_limitation,
        investigator_ids: [...new Set(c.officerIds)],
        filed_on: c.procedure === 'ordinary' ? c.filedOn : null,
        decision: JSON.stringify(decision),
        decision_number: c.number,
        decided_on: c.decidedOn,
        outcome: 'penalty',
        fine_amount: c.fineAmount,
        confiscation_value: c.confiscationValue,
        paid_amount: c.fineAmount,
        closing: JSON.stringify({ closedOn: c.closedOn, summary, by: ctx.actor.displayName, archivedBy: c.archivedOn ? ctx.actor.displayName : null, volume: null }),
        closed_on: c.closedOn,
        archived_on: c.archivedOn,
        imported: true,
      });
      const parsed = parseCaseNumber(body.number_prefix, c.number);
      if (parsed) await repo.raiseCounter(trx, power.org_unit_id, parsed.year, parsed.kind, parsed.seq);
      const source = { imported: true, filename: note.filename };
      if (c.procedure === 'ordinary' && c.filedOn) await appendEvent(trx, ctx, id, 'filing_approve', `台账导入：立案（${c.filedOn}）`, source, importedOn(c.filedOn));
      await appendEvent(
        trx,
        ctx,
        id,
        c.procedure === 'simple' ? 'simple_decision' : 'decision',
        `台账导入：${c.procedure === 'simple' ? '当场' : ''}作出行政处罚决定 ${c.number}：${penaltyText(penalty)}`,
        { ...source, number: c.number, penalty, officerIds: c.officerIds },
        importedOn(c.decidedOn),
      );
      await appendEvent(trx, ctx, id, 'close', `台账导入：结案${c.remark ? `（${c.remark.slice(0, 80)}）` : ''}`, source, importedOn(c.closedOn));
      if (c.archivedOn) await appendEvent(trx, ctx, id, 'archive', '台账导入：立卷归档', source, importedOn(c.archivedOn));
      ids.push(id);
      audit.push({
        action: 'enforcement.case_import',
        entityType: 'enforcement_case',
        entityId: id,
        orgUnitId: power.org_unit_id,
        after: { number: c.number, bodyId: body.id, powerId: power.id, decidedOn: c.decidedOn, closedOn: c.closedOn, filename: note.filename },
      });
    }
    return { result: ids, audit };
  });
}
