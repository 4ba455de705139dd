import type {
  CounselSummary,
  Engagement,
  EngagementCreate,
  EngagementUpdate,
  Lawsuit,
  LawsuitAppeal,
  LawsuitConclude,
  LawsuitCreate,
  LawsuitHearing,
  LawsuitHearingCreate,
  LawsuitHearingUpdate,
  LawsuitPerformance,
  LawsuitQuery,
  LawsuitStats,
  LawsuitUpdate,
  Matter,
  MatterCreate,
  MatterQuery,
  MatterStatusChange,
  MatterUpdate,
} from '../../../domain/counsel/contracts.ts';
import {
  type Appearance,
  appealProblem,
  appearanceRates,
  caseOutcomeRates,
  headAppeared,
  type Instance,
  instanceLabels,
  instances,
  isCompletedLate,
  isMatterOverdue,
  matterKinds,
  matterTransitionProblem,
} from '../../../domain/counsel/rules.ts';
import type { Page } from '../../../domain/platform/contracts.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { updateVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import { found, pageOf, updateAudited } from '../../platform/records.ts';
import * as repo from './counsel.repository.ts';

const READ = 'counsel.read';
const WRITE = 'counsel.write';
const today = () => shanghaiDate(new Date());
const rule = (message: string, field: string) => new AppError('COUNSEL_RULE', message, { field });
const money = (v: string | null): string | null => (v === null ? null : Number(v).toFixed(2));

// ── Engagements ───────────────────────────────────────────────────────────────────────────────────────────
async function toEngagements(ctx: Ctx, rows: repo.EngagementRow[]): Promise<Engagement[]> {
  const on = today();
  const counts = await repo.matterCounts(
    ctx.db,
    scopeOf(ctx.actor, READ),
    rows.map((r) => r.id),
    on,
  );
  return rows.map((r) => ({
    id: r.id,
    orgUnitId: r.org_unit_id,
    unitName: r.unit_name,
    firm: r.firm,
    lawyers: r.lawyers,
    leadUserId: r.lead_user_id,
    leadUserName: r.lead_user_name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    scope: r.scope,
    fee: money(r.fee),
    contractNo: r.contract_no,
    active: r.starts_on <= on && on <= r.ends_on,
    matters: counts.get(r.id) ?? { total: 0, open: 0, overdue: 0 },
    version: r.version,
  }));
}

const engagementRow = (ctx: Ctx, id: number, field = 'id') => found(repo.findEngagement(ctx.db, scopeOf(ctx.actor, READ), id), '法律顾问聘用记录不存在', field);

export const getEngagement = async (ctx: Ctx, id: number): Promise<Engagement> => (await toEngagements(ctx, [await engagementRow(ctx, id)]))[0] as Engagement;

export async function listEngagements(ctx: Ctx): Promise<Engagement[]> {
  return toEngagements(ctx, await repo.listEngagements(ctx.db, scopeOf(ctx.actor, READ)));
}

async function checkEngagement(ctx: Ctx, e: { leadUserId?: number | null; startsOn: string; endsOn: string }) {
  if (e.endsOn < e.startsOn) throw rule('聘期结束不能早于聘期开始', 'endsOn');
  if (e.leadUserId) {
    if (!(await repo.userIsCounsel(ctx.db, e.leadUserId))) throw rule('所选账号不是法律顾问角色', 'leadUserId');
  }
}

export async function createEngagement(ctx: Ctx, input: EngagementCreate): Promise<Engagement> {
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, input.orgUnitId);
  await checkEngagement(ctx, input);
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertEngagement(trx, {
      org_unit_id: input.orgUnitId,
      firm: input.firm,
      lawyers: input.lawyers,
      lead_user_id: input.leadUserId ?? null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      scope: input.scope,
      fee: input.fee ?? null,
      contract_no: input.contractNo ?? '',
    });
    return { result: id, audit: { action: 'counsel.engagement_create', entityType: 'counsel_engagement', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getEngagement(ctx, id);
}

export async function updateEngagement(ctx: Ctx, id: number, input: EngagementUpdate): Promise<Engagement> {
  const before = await getEngagement(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, before.orgUnitId);
  await checkEngagement(ctx, { leadUserId: input.leadUserId, startsOn: input.startsOn ?? before.startsOn, endsOn: input.endsOn ?? before.endsOn });
  await updateAudited(
    ctx,
    'counsel_engagements',
    id,
    input.version,
    {
      firm: input.firm,
      lawyers: input.lawyers,
      lead_user_id: input.leadUserId,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      scope: input.scope,
      fee: input.fee,
      contract_no: input.contractNo,
    },
    { action: 'counsel.engagement_update', entityType: 'counsel_engagement', entityId: id, orgUnitId: before.orgUnitId, before, after: input },
  );
  return getEngagement(ctx, id);
}

// ── Matters ───────────────────────────────────────────────────────────────────────────────────────────────
function toMatter(r: repo.MatterRow, on = today()): Matter {
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    unitName: r.unit_name,
    engagementId: r.engagement_id,
    firm: r.firm,
    kind: r.kind,
    title: r.title,
    requester: r.requester,
    receivedOn: r.received_on,
    deadline: r.deadline,
    status: r.status,
    overdue: isMatterOverdue(r.status, r.deadline, on),
    completedLate: isCompletedLate(r.status, r.deadline, r.completed_on),
    completedOn: r.completed_on,
    counselName: r.counsel_name,
    amount: money(r.amount),
    description: r.description,
    opinion: r.opinion,
    cancelReason: r.cancel_reason,
    version: r.version,
  };
}

const matterRow = (ctx: Ctx, id: number) => found(repo.findMatter(ctx.db, scopeOf(ctx.actor, READ), id), '法律事务不存在');

export const getMatter = async (ctx: Ctx, id: number): Promise<Matter> => toMatter(await matterRow(ctx, id));

export async function listMatters(ctx: Ctx, q: MatterQuery): Promise<Page<Matter>> {
  const on = today();
  return pageOf(repo.listMatters(ctx.db, scopeOf(ctx.actor, READ), q, on), (rows) => rows.map((r) => toMatter(r, on)));
}

async function checkMatter(ctx: Ctx, m: { engagementId?: number | null; receivedOn: string; deadline: string }) {
  if (m.engagementId) await engagementRow(ctx, m.engagementId, 'engagementId');
  if (m.receivedOn > today()) throw rule('收到日期不能晚于今天', 'receivedOn');
  if (m.deadline < m.receivedOn) throw rule('办理期限不能早于收到日期', 'deadline');
}

export async function createMatter(ctx: Ctx, input: MatterCreate): Promise<Matter> {
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, input.orgUnitId);
  await checkMatter(ctx, input);
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertMatter(trx, {
      org_unit_id: input.orgUnitId,
      engagement_id: input.engagementId ?? null,
      kind: input.kind,
      title: input.title,
      requester: input.requester,
      received_on: input.receivedOn,
      deadline: input.deadline,
      status: 'pending',
      completed_on: null,
      counsel_name: input.counselName ?? '',
      amount: input.amount ?? null,
      description: input.description ?? '',
    });
    return { result: id, audit: { action: 'counsel.matter_create', entityType: 'counsel_matter', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getMatter(ctx, id);
}

export async function updateMatter(ctx: Ctx, id: number, input: MatterUpdate): Promise<Matter> {
  const before = toMatter(await matterRow(ctx, id));
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, before.orgUnitId);
  if (before.status === 'done' || before.status === 'cancelled') throw new AppError('COUNSEL_STATE', `事项已${before.status === 'done' ? '办结' : '撤回'}，不能再修改`);
  await checkMatter(ctx, {
    engagementId: input.engagementId,
    receivedOn: input.receivedOn ?? before.receivedOn,
    deadline: input.deadline ?? before.deadline,
  });
  await updateAudited(
    ctx,
    'counsel_matters',
    id,
    input.version,
    {
      engagement_id: input.engagementId,
      kind: input.kind,
      title: input.title,
      requester: input.requester,
      received_on: input.receivedOn,
      deadline: input.deadline,
      counsel_name: input.counselName,
      amount: input.amount,
      description: input.description,
      opinion: input.opinion,
    },
    { action: 'counsel.matter_update', entityType: 'counsel_matter', entityId: id, orgUnitId: before.orgUnitId, before, after: input },
  );
  return getMatter(ctx, id);
}

/** 开始办理、办结 (with the counsel's written opinion) or 撤回; any other step is refused with 409. */
export async function changeMatterStatus(ctx: Ctx, id: number, input: MatterStatusChange): Promise<Matter> {
  const before = toMatter(await matterRow(ctx, id));
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, before.orgUnitId);
  const problem = matterTransitionProblem(before.status, input.status);
  if (problem) throw new AppError('COUNSEL_STATE', problem, { status: before.status });
  const changes: Record<string, unknown> = { status: input.status };
  if (input.status === 'done') {
    const opinion = (input.opinion ?? before.opinion).trim();
    if (!opinion) throw rule('办结时须填写法律意见', 'opinion');
    if (!input.completedOn) throw rule('请填写「办结日期」', 'completedOn');
    if (input.completedOn < before.receivedOn) throw rule(`办结日期不能早于收到日期 ${before.receivedOn}`, 'completedOn');
    if (input.completedOn > today()) throw rule('办结日期不能晚于今天', 'completedOn');
    Object.assign(changes, { opinion, completed_on: input.completedOn });
  } else if (input.opinion !== undefined) changes.opinion = input.opinion;
  if (input.status === 'cancelled') {
    if (!input.reason?.trim()) throw rule('请填写撤回原因', 'reason');
    changes.cancel_reason = input.reason.trim();
  }
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'counsel_matters', id, input.version, changes);
    return {
      result: undefined,
      audit: { action: `counsel.matter_${input.status}`, entityType: 'counsel_matter', entityId: id, orgUnitId: before.orgUnitId, before: { status: before.status }, after: input },
    };
  });
  return getMatter(ctx, id);
}

// ── Lawsuits and hearings ─────────────────────────────────────────────────────────────────────────────────
function toHearing(r: repo.HearingRow): LawsuitHearing {
  const appearances = r.appearances as Appearance[];
  const head = headAppeared(appearances);
  return {
    id: r.id,
    lawsuitId: r.lawsuit_id,
    instance: r.instance,
    heldOn: r.held_on,
    place: r.place,
    appearances,
    headAppeared: head,
    absenceReason: r.absence_reason,
    absenceNote: r.absence_note,
    unexplainedAbsence: !head && r.absence_reason === null,
    note: r.note,
    version: r.version,
  };
}

async function toLawsuits(ctx: Ctx, rows: repo.LawsuitRow[]): Promise<Lawsuit[]> {
  const hearings = await repo.hearingsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const mine = hearings.filter((h) => h.lawsuit_id === r.id).map(toHearing);
    // Per case, whatever the kind: the report's rates (stats) count 行政诉讼 only.
    const rates = appearanceRates(mine.map((h) => ({ lawsuitId: r.id, kind: 'litigation', instance: h.instance, appearances: h.appearances })));
    return {
      id: r.id,
      orgUnitId: r.org_unit_id,
      unitName: r.unit_name,
      kind: r.kind,
      caseNo: r.case_no,
      cause: r.cause,
      plaintiff: r.plaintiff,
      defendant: r.defendant,
      townRole: r.town_role,
      court: r.court,
      instance: r.instance,
      filedOn: r.filed_on,
      status: r.status,
      outcome: r.outcome,
      outcomeOn: r.outcome_on,
      judgmentPerformed: r.judgment_performed,
      performedOn: r.performed_on,
      performanceNote: r.performance_note,
      engagementId: r.engagement_id,
      summary: r.summary,
      hearings: mine,
      headAppearance: { hearings: rates.hearings, cases: rates.cases },
      version: r.version,
    };
  });
}

const lawsuitRow = (ctx: Ctx, id: number) => found(repo.findLawsuit(ctx.db, scopeOf(ctx.actor, READ), id), '诉讼（复议）案件不存在');

export const getLawsuit = async (ctx: Ctx, id: number): Promise<Lawsuit> => (await toLawsuits(ctx, [await lawsuitRow(ctx, id)]))[0] as Lawsuit;

export async function listLawsuits(ctx: Ctx, q: LawsuitQuery): Promise<Page<Lawsuit>> {
  return pageOf(repo.listLawsuits(ctx.db, scopeOf(ctx.actor, READ), q), (rows) => toLawsuits(ctx, rows));
}

export async function createLawsuit(ctx: Ctx, input: LawsuitCreate): Promise<Lawsuit> {
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, input.orgUnitId);
  if (input.engagementId) await engagementRow(ctx, input.engagementId, 'engagementId');
  if (input.filedOn > today()) throw rule('立案日期不能晚于今天', 'filedOn');
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertLawsuit(trx, {
      org_unit_id: input.orgUnitId,
      kind: input.kind,
      case_no: input.caseNo,
      cause: input.cause,
      plaintiff: input.plaintiff,
      defendant: input.defendant,
      town_role: input.townRole,
      court: input.court,
      instance: input.instance ?? 'first',
      filed_on: input.filedOn,
      status: 'pending',
      outcome: null,
      outcome_on: null,
      judgment_performed: null,
      performed_on: null,
      engagement_id: input.engagementId ?? null,
      summary: input.summary ?? '',
    });
    return { result: id, audit: { action: 'counsel.lawsuit_create', entityType: 'lawsuit', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getLawsuit(ctx, id);
}

async function writableLawsuit(ctx: Ctx, id: number) {
  const row = await lawsuitRow(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, row.org_unit_id);
  return row;
}

export async function updateLawsuit(ctx: Ctx, id: number, input: LawsuitUpdate): Promise<Lawsuit> {
  const before = await writableLawsuit(ctx, id);
  if (input.engagementId) await engagementRow(ctx, input.engagementId, 'engagementId');
  if (input.filedOn && input.filedOn > today()) throw rule('立案日期不能晚于今天', 'filedOn');
  await updateAudited(
    ctx,
    'lawsuits',
    id,
    input.version,
    {
      kind: input.kind,
      case_no: input.caseNo,
      cause: input.cause,
      plaintiff: input.plaintiff,
      defendant: input.defendant,
      town_role: input.townRole,
      court: input.court,
      filed_on: input.filedOn,
      engagement_id: input.engagementId,
      summary: input.summary,
    },
    { action: 'counsel.lawsuit_update', entityType: 'lawsuit', entityId: id, orgUnitId: before.org_unit_id, before, after: input },
  );
  return getLawsuit(ctx, id);
}

function checkHearing(lawsuit: repo.LawsuitRow, h: { instance: Instance; heldOn: string; appearances: Appearance[]; absenceReason: string | null }) {
  if (instances.indexOf(h.instance) > instances.indexOf(lawsuit.instance)) throw rule(`案件尚未进入${instanceLabels[h.instance]}`, 'instance');
  if (h.heldOn < lawsuit.filed_on) throw rule(`开庭日期不能早于立案日期 ${lawsuit.filed_on}`, 'heldOn');
  if (h.heldOn > today()) throw rule('开庭日期不能晚于今天（请在开庭后登记）', 'heldOn');
  if (headAppeared(h.appearances) && h.absenceReason) throw rule('负责人已出庭，无需填写未出庭事由', 'absenceReason');
}

/** Records one hearing: who appeared for the town and in what capacity; whether a 负责人 appeared follows from that. */
export async function addHearing(ctx: Ctx, lawsuitId: number, input: LawsuitHearingCreate): Promise<Lawsuit> {
  const lawsuit = await writableLawsuit(ctx, lawsuitId);
  if (lawsuit.status === 'concluded') throw new AppError('COUNSEL_STATE', '案件已结案：如有上诉或再审，请先登记上诉（再审）');
  const instance = input.instance ?? lawsuit.instance;
  checkHearing(lawsuit, { instance, heldOn: input.heldOn, appearances: input.appearances, absenceReason: input.absenceReason ?? null });
  await audited(ctx, async (trx) => {
    const { id } = await repo.insertHearing(trx, {
      lawsuit_id: lawsuitId,
      org_unit_id: lawsuit.org_unit_id,
      instance,
      held_on: input.heldOn,
      place: input.place ?? '',
      appearances: JSON.stringify(input.appearances),
      head_appeared: headAppeared(input.appearances),
      absence_reason: input.absenceReason ?? null,
      absence_note: input.absenceNote ?? '',
      note: input.note ?? '',
    });
    // The case's version moves too: a hearing changes what the case shows.
    await updateVersioned(trx, 'lawsuits', lawsuitId, lawsuit.version, {});
    return {
      result: undefined,
      audit: {
        action: 'counsel.hearing_create',
        entityType: 'lawsuit',
        entityId: lawsuitId,
        orgUnitId: lawsuit.org_unit_id,
        after: { hearingId: id, ...input, instance, headAppeared: headAppeared(input.appearances) },
      },
    };
  });
  return getLawsuit(ctx, lawsuitId);
}

export async function updateHearing(ctx: Ctx, lawsuitId: number, hearingId: number, input: LawsuitHearingUpdate): Promise<Lawsuit> {
  const lawsuit = await writableLawsuit(ctx, lawsuitId);
  const row = await repo.findHearing(ctx.db, lawsuitId, hearingId);
  if (!row) throw new AppError('NOT_FOUND', '开庭记录不存在');
  const before = toHearing(row);
  const next = {
    instance: input.instance ?? before.instance,
    heldOn: input.heldOn ?? before.heldOn,
    appearances: input.appearances ?? before.appearances,
    absenceReason: input.absenceReason === undefined ? before.absenceReason : input.absenceReason,
  };
  checkHearing(lawsuit, next);
  await updateAudited(
    ctx,
    'lawsuit_hearings',
    hearingId,
    input.version,
    {
      instance: input.instance,
      held_on: input.heldOn,
      place: input.place,
      appearances: input.appearances ? JSON.stringify(input.appearances) : undefined,
      head_appeared: headAppeared(next.appearances),
      absence_reason: input.absenceReason,
      absence_note: input.absenceNote,
      note: input.note,
    },
    { action: 'counsel.hearing_update', entityType: 'lawsuit', entityId: lawsuitId, orgUnitId: lawsuit.org_unit_id, before, after: input },
  );
  return getLawsuit(ctx, lawsuitId);
}

export async function concludeLawsuit(ctx: Ctx, id: number, input: LawsuitConclude): Promise<Lawsuit> {
  const before = await writableLawsuit(ctx, id);
  if (before.status === 'concluded') throw new AppError('COUNSEL_STATE', '案件已结案');
  if (input.outcomeOn < before.filed_on) throw rule(`裁判日期不能早于立案日期 ${before.filed_on}`, 'outcomeOn');
  if (input.outcomeOn > today()) throw rule('裁判日期不能晚于今天', 'outcomeOn');
  if (input.performedOn && input.performedOn < input.outcomeOn) throw rule('履行日期不能早于裁判日期', 'performedOn');
  if (input.performedOn && input.judgmentPerformed !== true) throw rule('填写履行日期时请选择「已履行」', 'judgmentPerformed');
  await updateAudited(
    ctx,
    'lawsuits',
    id,
    input.version,
    {
      status: 'concluded',
      outcome: input.outcome,
      outcome_on: input.outcomeOn,
      judgment_performed: input.judgmentPerformed ?? null,
      performed_on: input.performedOn ?? null,
      performance_note: input.performanceNote,
    },
    { action: 'counsel.lawsuit_conclude', entityType: 'lawsuit', entityId: id, orgUnitId: before.org_unit_id, before: { status: before.status }, after: input },
  );
  return getLawsuit(ctx, id);
}

/** 上诉 / 再审: the concluded case goes up a level and is pending again; the earlier outcome stays in the audit trail. */
export async function appealLawsuit(ctx: Ctx, id: number, input: LawsuitAppeal): Promise<Lawsuit> {
  const before = await writableLawsuit(ctx, id);
  if (before.status !== 'concluded') throw new AppError('COUNSEL_STATE', `案件尚在${instanceLabels[before.instance]}审理中，结案后才能登记上诉或再审`);
  const problem = appealProblem(before.instance, input.instance);
  if (problem) throw new AppError('COUNSEL_STATE', problem);
  if (before.outcome_on && input.filedOn < before.outcome_on) throw rule(`立案日期不能早于原裁判日期 ${before.outcome_on}`, 'filedOn');
  if (input.filedOn > today()) throw rule('立案日期不能晚于今天', 'filedOn');
  await updateAudited(
    ctx,
    'lawsuits',
    id,
    input.version,
    {
      status: 'pending',
      instance: input.instance,
      court: input.court,
      case_no: input.caseNo,
      outcome: null,
      outcome_on: null,
      judgment_performed: null,
      performed_on: null,
    },
    {
      action: 'counsel.lawsuit_appeal',
      entityType: 'lawsuit',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: { instance: before.instance, outcome: before.outcome, outcomeOn: before.outcome_on, court: before.court, caseNo: before.case_no },
      after: input,
    },
  );
  return getLawsuit(ctx, id);
}

export async function recordPerformance(ctx: Ctx, id: number, input: LawsuitPerformance): Promise<Lawsuit> {
  const before = await writableLawsuit(ctx, id);
  if (before.status !== 'concluded') throw new AppError('COUNSEL_STATE', '案件尚未结案，没有需要履行的生效裁判');
  if (input.performedOn && before.outcome_on && input.performedOn < before.outcome_on) throw rule('履行日期不能早于裁判日期', 'performedOn');
  if (input.performedOn && !input.judgmentPerformed) throw rule('填写履行日期时请选择「已履行」', 'judgmentPerformed');
  await updateAudited(
    ctx,
    'lawsuits',
    id,
    input.version,
    {
      judgment_performed: input.judgmentPerformed,
      performed_on: input.performedOn ?? null,
      performance_note: input.performanceNote,
    },
    {
      action: 'counsel.lawsuit_performance',
      entityType: 'lawsuit',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: { judgmentPerformed: before.judgment_performed },
      after: input,
    },
  );
  return getLawsuit(ctx, id);
}

// ── The year's figures ────────────────────────────────────────────────────────────────────────────────────
export async function lawsuitStats(ctx: Ctx, year: number): Promise<LawsuitStats> {
  const scope = scopeOf(ctx.actor, READ);
  const [hearings, cases] = await Promise.all([repo.hearingsOfYear(ctx.db, scope, year), repo.lawsuitsOfYear(ctx.db, scope, year)]);
  const rates = appearanceRates(hearings.map((h) => ({ lawsuitId: h.lawsuit_id, kind: h.kind, instance: h.instance, appearances: h.appearances as Appearance[] })));
  const concludedInYear = cases.filter((c) => c.outcome_on?.startsWith(String(year)));
  const outcomes = caseOutcomeRates(concludedInYear.map((c) => ({ kind: c.kind, status: c.status, outcome: c.outcome, judgmentPerformed: c.judgment_performed })));
  return {
    year,
    hearings: rates.hearings,
    cases: rates.cases,
    byInstance: rates.byInstance,
    lost: outcomes.lost,
    performed: outcomes.performed,
    lawsuits: cases.filter((c) => c.kind === 'litigation').length,
    reconsiderations: cases.filter((c) => c.kind === 'reconsideration').length,
  };
}

export async function summary(ctx: Ctx, year: number): Promise<CounselSummary> {
  const on = today();
  const matters = await repo.mattersOfYear(ctx.db, scopeOf(ctx.actor, READ), year);
  return {
    year,
    matters: matterKinds.map((kind) => {
      const mine = matters.filter((m) => m.kind === kind);
      return {
        kind,
        total: mine.length,
        done: mine.filter((m) => m.status === 'done').length,
        overdue: mine.filter((m) => isMatterOverdue(m.status, m.deadline, on)).length,
      };
    }),
    lawsuits: await lawsuitStats(ctx, year),
  };
}
