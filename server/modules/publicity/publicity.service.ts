import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { addDays, shanghaiDate } from '../../../domain/platform/dates.ts';
import type {
  Campaign,
  CampaignCreate,
  CampaignQuery,
  CampaignUpdate,
  EventCreate,
  EventQuery,
  EventUpdate,
  KeyDateItem,
  Law,
  LawCheckBody,
  LawCheckResult,
  LawCreate,
  LawQuery,
  LawUpdate,
  Plan,
  PlanCreate,
  PlanQuery,
  PlanUpdate,
  PublicityEvent,
  PublicitySummary,
  Responsibility,
  ResponsibilityCreate,
  ResponsibilityUpdate,
} from '../../../domain/publicity/contracts.ts';
import { type CatalogLaw, checkLaws, isRepealedOn, KEY_DATE_REMINDER_DAYS, keyDateLabel, keyDateReminders, keyDates, summarise } from '../../../domain/publicity/rules.ts';
import { uniquely, updateVersioned, voidVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { listEntries, requireCode } from '../../platform/dictionary.service.ts';
import { can, requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import { found, pageOf, updateAudited, voidAudited } from '../../platform/records.ts';
import * as repo from './publicity.repository.ts';

const READ = 'publicity.read';
const WRITE = 'publicity.write';
const today = () => shanghaiDate(new Date());
const rule = (message: string, field: string) => new AppError('PUBLICITY_RULE', message, { field });

// ── Law catalog ───────────────────────────────────────────────────────────────────────────────────────────
const toCatalog = (r: repo.LawRow): CatalogLaw => ({
  id: r.id,
  title: r.title,
  shortTitle: r.short_title,
  aliases: r.aliases,
  effectiveOn: r.effective_on,
  repealedOn: r.repealed_on,
  replacedById: r.replaced_by_id,
});

const toLaw = (r: repo.LawRow, on = today()): Law => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  title: r.title,
  shortTitle: r.short_title,
  aliases: r.aliases,
  category: r.category,
  issuingBody: r.issuing_body,
  effectiveOn: r.effective_on,
  repealedOn: r.repealed_on,
  replacedById: r.replaced_by_id,
  replacedByTitle: r.replaced_by_title,
  note: r.note,
  inForce: !isRepealedOn({ repealedOn: r.repealed_on }, on) && (r.effective_on === null || r.effective_on <= on),
  version: r.version,
});

/** Who reads publicity reads the catalog; the administrator, who maintains the national catalog, does too. */
const lawScope = (ctx: Ctx) => (can(ctx.actor, READ) || !can(ctx.actor, 'dictionaries.manage') ? scopeOf(ctx.actor, READ) : scopeOf(ctx.actor, 'dictionaries.manage'));

const lawRow = (ctx: Ctx, id: number) => found(repo.findLaw(ctx.db, lawScope(ctx), id), '法律法规不存在');

export const getLaw = async (ctx: Ctx, id: number): Promise<Law> => toLaw(await lawRow(ctx, id));

export async function listLaws(ctx: Ctx, q: LawQuery): Promise<Page<Law>> {
  const on = today();
  return pageOf(repo.listLaws(ctx.db, lawScope(ctx), q, on), (rows) => rows.map((r) => toLaw(r, on)));
}

/** The whole visible catalog, for the repealed-law check. */
export async function catalog(ctx: Ctx): Promise<CatalogLaw[]> {
  return (await repo.allLaws(ctx.db, lawScope(ctx))).map(toCatalog);
}

export async function checkText(ctx: Ctx, input: LawCheckBody): Promise<LawCheckResult> {
  const result = checkLaws(await catalog(ctx), { text: input.text, lawIds: input.lawIds, asOf: input.asOf ?? today() });
  return { known: result.known.map((l) => ({ id: l.id, title: l.title, repealedOn: l.repealedOn })), unknown: result.unknown, warnings: result.warnings };
}

/** The national catalog (no unit) is maintained by the administrator; a town's own entries by those who write publicity there. */
async function requireLawWriter(ctx: Ctx, orgUnitId: number | null) {
  if (orgUnitId === null) {
    if (!can(ctx.actor, 'dictionaries.manage')) throw new AppError('FORBIDDEN', '全国通用法律法规目录由系统管理员维护');
    return;
  }
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, orgUnitId);
}

async function checkLawFields(ctx: Ctx, id: number | null, v: { repealedOn?: string | null; replacedById?: number | null; effectiveOn?: string | null }) {
  if (v.replacedById) {
    if (v.replacedById === id) throw rule('不能由自身取代', 'replacedById');
    if (!v.repealedOn) throw rule('填写了「被何法取代」时须填写「废止日期」', 'repealedOn');
    await lawRow(ctx, v.replacedById);
  }
  if (v.repealedOn && v.effectiveOn && v.repealedOn < v.effectiveOn) throw rule('废止日期不能早于施行日期', 'repealedOn');
}

export async function createLaw(ctx: Ctx, input: LawCreate): Promise<Law> {
  await requireLawWriter(ctx, input.orgUnitId);
  await checkLawFields(ctx, null, input);
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(
      repo.insertLaw(trx, {
        org_unit_id: input.orgUnitId,
        title: input.title.trim(),
        short_title: input.shortTitle ?? '',
        aliases: input.aliases ?? [],
        category: input.category,
        issuing_body: input.issuingBody,
        effective_on: input.effectiveOn ?? null,
        repealed_on: input.repealedOn ?? null,
        replaced_by_id: input.replacedById ?? null,
        note: input.note ?? '',
      }),
      `法律法规库中已有《${input.title}》`,
    );
    return { result: id, audit: { action: 'publicity.law_create', entityType: 'publicity_law', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getLaw(ctx, id);
}

export async function updateLaw(ctx: Ctx, id: number, input: LawUpdate): Promise<Law> {
  const before = toLaw(await lawRow(ctx, id));
  await requireLawWriter(ctx, before.orgUnitId);
  await checkLawFields(ctx, id, {
    repealedOn: input.repealedOn === undefined ? before.repealedOn : input.repealedOn,
    replacedById: input.replacedById === undefined ? before.replacedById : input.replacedById,
    effectiveOn: input.effectiveOn === undefined ? before.effectiveOn : input.effectiveOn,
  });
  await audited(ctx, async (trx) => {
    await uniquely(
      updateVersioned(trx, 'publicity_laws', id, input.version, {
        title: input.title?.trim(),
        short_title: input.shortTitle,
        aliases: input.aliases,
        category: input.category,
        issuing_body: input.issuingBody,
        effective_on: input.effectiveOn,
        repealed_on: input.repealedOn,
        replaced_by_id: input.replacedById,
        note: input.note,
      }),
      `法律法规库中已有《${input.title}》`,
    );
    return { result: undefined, audit: { action: 'publicity.law_update', entityType: 'publicity_law', entityId: id, orgUnitId: before.orgUnitId, before, after: input } };
  });
  return getLaw(ctx, id);
}

/** Chosen laws must exist in the visible catalog. */
async function requireLaws(ctx: Ctx, ids: readonly number[] | undefined, field: string): Promise<CatalogLaw[]> {
  const all = await catalog(ctx);
  const missing = (ids ?? []).filter((id) => !all.some((l) => l.id === id));
  if (missing.length) throw rule(`所选法律法规不存在（编号 ${missing.join('、')}）`, field);
  return all;
}

const lawRefs = (all: readonly CatalogLaw[], ids: readonly number[]) =>
  ids
    .map((id) => all.find((l) => l.id === id))
    .filter((l): l is CatalogLaw => l !== undefined)
    .map((l) => ({ id: l.id, title: l.title, shortTitle: l.shortTitle, repealedOn: l.repealedOn }));

// ── Plans and the responsibility list ─────────────────────────────────────────────────────────────────────
async function toPlans(ctx: Ctx, rows: repo.PlanRow[]): Promise<Plan[]> {
  const [all, resp] = await Promise.all([
    catalog(ctx),
    repo.responsibilitiesOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((p) => {
    const mine: Responsibility[] = resp
      .filter((r) => r.plan_id === p.id)
      .map((r) => ({ id: r.id, planId: r.plan_id, body: r.body, unitId: r.unit_id, laws: lawRefs(all, r.law_ids), tasks: r.tasks, audience: r.audience, version: r.version }));
    const asOf = `${p.year}-01-01`;
    const warnings = checkLaws(all, {
      text: `${p.title}\n${p.content}\n${mine.map((r) => r.tasks).join('\n')}`,
      lawIds: mine.flatMap((r) => r.laws.map((l) => l.id)),
      asOf,
    }).warnings;
    return {
      id: p.id,
      orgUnitId: p.org_unit_id,
      unitName: p.unit_name,
      year: p.year,
      title: p.title,
      content: p.content,
      responsibilities: mine,
      lawWarnings: warnings,
      version: p.version,
    };
  });
}

const planRow = (ctx: Ctx, id: number) => found(repo.findPlan(ctx.db, scopeOf(ctx.actor, READ), id), '普法计划不存在');

export const getPlan = async (ctx: Ctx, id: number): Promise<Plan> => (await toPlans(ctx, [await planRow(ctx, id)]))[0] as Plan;

export async function listPlans(ctx: Ctx, q: PlanQuery): Promise<Plan[]> {
  return toPlans(ctx, await repo.listPlans(ctx.db, scopeOf(ctx.actor, READ), q));
}

export async function createPlan(ctx: Ctx, input: PlanCreate): Promise<Plan> {
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, input.orgUnitId);
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(repo.insertPlan(trx, { ...input, content: input.content ?? '' }), `该单位已有 ${input.year} 年度普法计划`);
    return { result: id, audit: { action: 'publicity.plan_create', entityType: 'publicity_plan', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getPlan(ctx, id);
}

export async function updatePlan(ctx: Ctx, id: number, input: PlanUpdate): Promise<Plan> {
  const before = await planRow(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, before.org_unit_id);
  await updateAudited(
    ctx,
    'publicity_plans',
    id,
    input.version,
    { title: input.title, content: input.content },
    {
      action: 'publicity.plan_update',
      entityType: 'publicity_plan',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: { title: before.title, content: before.content },
      after: input,
    },
  );
  return getPlan(ctx, id);
}

async function checkResponsibility(ctx: Ctx, input: { unitId?: number | null; lawIds?: number[] }) {
  if (input.unitId) await requireUnitInScope(ctx.db, ctx.actor, 'org.read', input.unitId);
  await requireLaws(ctx, input.lawIds, 'lawIds');
}

export async function addResponsibility(ctx: Ctx, planId: number, input: ResponsibilityCreate): Promise<Plan> {
  const plan = await planRow(ctx, planId);
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, plan.org_unit_id);
  await checkResponsibility(ctx, input);
  await audited(ctx, async (trx) => {
    const { id } = await repo.insertResponsibility(trx, {
      plan_id: planId,
      org_unit_id: plan.org_unit_id,
      body: input.body,
      unit_id: input.unitId ?? null,
      law_ids: input.lawIds,
      tasks: input.tasks ?? '',
      audience: input.audience ?? '',
    });
    return {
      result: id,
      audit: { action: 'publicity.responsibility_create', entityType: 'publicity_plan', entityId: planId, orgUnitId: plan.org_unit_id, after: { id, ...input } },
    };
  });
  return getPlan(ctx, planId);
}

async function responsibilityFor(ctx: Ctx, id: number) {
  const row = await repo.findResponsibility(ctx.db, id);
  const plan = row && (await repo.findPlan(ctx.db, scopeOf(ctx.actor, READ), row.plan_id));
  if (!row || !plan) throw new AppError('NOT_FOUND', '责任清单条目不存在');
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, plan.org_unit_id);
  return { row, plan };
}

export async function updateResponsibility(ctx: Ctx, id: number, input: ResponsibilityUpdate): Promise<Plan> {
  const { row, plan } = await responsibilityFor(ctx, id);
  await checkResponsibility(ctx, input);
  await updateAudited(
    ctx,
    'publicity_responsibilities',
    id,
    input.version,
    {
      body: input.body,
      unit_id: input.unitId,
      law_ids: input.lawIds,
      tasks: input.tasks,
      audience: input.audience,
    },
    { action: 'publicity.responsibility_update', entityType: 'publicity_plan', entityId: plan.id, orgUnitId: plan.org_unit_id, before: row, after: input },
  );
  return getPlan(ctx, plan.id);
}

export async function voidResponsibility(ctx: Ctx, id: number, input: VoidBody): Promise<Plan> {
  const { row, plan } = await responsibilityFor(ctx, id);
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'publicity_responsibilities', id, input.version, input.reason, ctx.actor.userId);
    return {
      result: undefined,
      audit: {
        action: 'publicity.responsibility_void',
        entityType: 'publicity_plan',
        entityId: plan.id,
        orgUnitId: plan.org_unit_id,
        before: row,
        after: { reason: input.reason },
      },
    };
  });
  return getPlan(ctx, plan.id);
}

// ── Campaigns and key dates ───────────────────────────────────────────────────────────────────────────────
async function toCampaigns(ctx: Ctx, rows: repo.CampaignRow[]): Promise<Campaign[]> {
  const totals = await repo.campaignTotals(
    ctx.db,
    scopeOf(ctx.actor, READ),
    rows.map((r) => r.id),
  );
  return rows.map((c) => ({
    id: c.id,
    orgUnitId: c.org_unit_id,
    unitName: c.unit_name,
    year: c.year,
    keyDate: c.key_date,
    keyDateLabel: c.key_date ? keyDateLabel(c.key_date) : null,
    title: c.title,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    theme: c.theme,
    description: c.description,
    totals: totals.get(c.id) ?? { events: 0, materials: 0, people: 0, consultations: 0 },
    version: c.version,
  }));
}

const campaignRow = (ctx: Ctx, id: number, field = 'id') => found(repo.findCampaign(ctx.db, scopeOf(ctx.actor, READ), id), '宣传活动不存在', field);

export const getCampaign = async (ctx: Ctx, id: number): Promise<Campaign> => (await toCampaigns(ctx, [await campaignRow(ctx, id)]))[0] as Campaign;

export async function listCampaigns(ctx: Ctx, q: CampaignQuery): Promise<Page<Campaign>> {
  return pageOf(repo.listCampaigns(ctx.db, scopeOf(ctx.actor, READ), q), (rows) => toCampaigns(ctx, rows));
}

/** A campaign runs within its year and, when tied to a key date, around it (within 30 days of it). */
function checkCampaign(c: { keyDate?: string | null; startsOn: string; endsOn: string }) {
  if (c.endsOn < c.startsOn) throw rule('结束日期不能早于开始日期', 'endsOn');
  if (c.startsOn.slice(0, 4) !== c.endsOn.slice(0, 4)) throw rule('宣传活动应在同一年度内', 'endsOn');
  if (c.keyDate) {
    const k = keyDates(Number(c.startsOn.slice(0, 4))).find((d) => d.code === c.keyDate);
    if (!k) throw rule(`${c.startsOn.slice(0, 4)} 年没有「${keyDateLabel(c.keyDate)}」这一节点`, 'keyDate');
    if (c.endsOn < addDays(k.start, -30) || c.startsOn > addDays(k.end, 30))
      throw rule(`活动时间应在「${k.name}」（${k.start}${k.end === k.start ? '' : ` 至 ${k.end}`}）前后`, 'startsOn');
  }
}

export async function createCampaign(ctx: Ctx, input: CampaignCreate): Promise<Campaign> {
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, input.orgUnitId);
  checkCampaign(input);
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertCampaign(trx, {
      org_unit_id: input.orgUnitId,
      year: Number(input.startsOn.slice(0, 4)),
      key_date: input.keyDate ?? null,
      title: input.title,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      theme: input.theme ?? '',
      description: input.description ?? '',
    });
    return { result: id, audit: { action: 'publicity.campaign_create', entityType: 'publicity_campaign', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getCampaign(ctx, id);
}

export async function updateCampaign(ctx: Ctx, id: number, input: CampaignUpdate): Promise<Campaign> {
  const before = await campaignRow(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, before.org_unit_id);
  const next = { keyDate: input.keyDate === undefined ? before.key_date : input.keyDate, startsOn: input.startsOn ?? before.starts_on, endsOn: input.endsOn ?? before.ends_on };
  checkCampaign(next);
  await updateAudited(
    ctx,
    'publicity_campaigns',
    id,
    input.version,
    {
      year: Number(next.startsOn.slice(0, 4)),
      key_date: input.keyDate,
      title: input.title,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      theme: input.theme,
      description: input.description,
    },
    { action: 'publicity.campaign_update', entityType: 'publicity_campaign', entityId: id, orgUnitId: before.org_unit_id, before, after: input },
  );
  return getCampaign(ctx, id);
}

/** The year's key dates with where today stands (reminders ahead of each) and the campaigns held for each. */
export async function listKeyDates(ctx: Ctx, year?: number, daysAhead = KEY_DATE_REMINDER_DAYS): Promise<{ year: number; items: KeyDateItem[] }> {
  const on = today();
  const y = year ?? Number(on.slice(0, 4));
  const campaigns = await toCampaigns(ctx, await repo.campaignsOfYear(ctx.db, scopeOf(ctx.actor, READ), y));
  return {
    year: y,
    items: keyDateReminders(y, on, daysAhead).map((k) => ({
      ...k,
      // Held for this date, or running over it (the 宪法宣传周's campaign also covers 12·4).
      campaigns: campaigns
        .filter((c) => c.keyDate === k.code || (c.startsOn <= k.start && k.start <= c.endsOn))
        .map((c) => ({ id: c.id, title: c.title, unitName: c.unitName, events: c.totals.events })),
    })),
  };
}

// ── Events ────────────────────────────────────────────────────────────────────────────────────────────────
function toEvent(r: repo.EventRow, all: readonly CatalogLaw[]): PublicityEvent {
  const check = checkLaws(all, { text: `${r.title}\n${r.materials}\n${r.summary}`, lawIds: r.law_ids, asOf: r.held_on });
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    unitName: r.unit_name,
    campaignId: r.campaign_id,
    campaignTitle: r.campaign_title,
    kind: r.kind,
    kindLabel: r.kind_label ?? r.kind,
    title: r.title,
    heldOn: r.held_on,
    place: r.place,
    organiser: r.organiser,
    partner: r.partner,
    audience: r.audience,
    audienceLabel: r.audience_label ?? r.audience,
    laws: lawRefs(all, r.law_ids),
    materials: r.materials,
    materialsCount: r.materials_count,
    peopleReached: r.people_reached,
    consultations: r.consultations,
    summary: r.summary,
    lawWarnings: check.warnings,
    unknownLaws: check.unknown,
    version: r.version,
  };
}

const eventRow = (ctx: Ctx, id: number) => found(repo.findEvent(ctx.db, scopeOf(ctx.actor, READ), id), '普法活动不存在');

export const getEvent = async (ctx: Ctx, id: number): Promise<PublicityEvent> => toEvent(await eventRow(ctx, id), await catalog(ctx));

export async function listEvents(ctx: Ctx, q: EventQuery): Promise<Page<PublicityEvent>> {
  const [page, all] = await Promise.all([repo.listEvents(ctx.db, scopeOf(ctx.actor, READ), q), catalog(ctx)]);
  return { ...page, items: page.items.map((r) => toEvent(r, all)) };
}

async function checkEvent(ctx: Ctx, e: { campaignId?: number | null; kind?: string; audience?: string; heldOn?: string; lawIds?: number[] }, heldOn: string) {
  if (e.kind) await requireCode(ctx, 'publicity.event_kind', e.kind, 'kind', '活动形式');
  if (e.audience) await requireCode(ctx, 'publicity.audience', e.audience, 'audience', '对象群体');
  if (e.heldOn && e.heldOn > today()) throw rule('活动日期不能晚于今天（请在活动后登记）', 'heldOn');
  if (e.campaignId) {
    const c = await campaignRow(ctx, e.campaignId, 'campaignId');
    if (heldOn < c.starts_on || heldOn > c.ends_on) throw rule(`活动日期应在「${c.title}」期间（${c.starts_on} 至 ${c.ends_on}）`, 'heldOn');
  }
  await requireLaws(ctx, e.lawIds, 'lawIds');
}

/** An event as its row: what the clerk left out of the optional fields is stored empty. */
const eventColumns = (input: EventCreate) => ({
  org_unit_id: input.orgUnitId,
  campaign_id: input.campaignId ?? null,
  kind: input.kind,
  title: input.title,
  held_on: input.heldOn,
  place: input.place,
  organiser: input.organiser,
  partner: input.partner ?? '',
  audience: input.audience,
  law_ids: input.lawIds ?? [],
  materials: input.materials ?? '',
  materials_count: input.materialsCount,
  people_reached: input.peopleReached,
  consultations: input.consultations ?? 0,
  summary: input.summary ?? '',
});

export async function createEvent(ctx: Ctx, input: EventCreate): Promise<PublicityEvent> {
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, input.orgUnitId);
  await checkEvent(ctx, input, input.heldOn);
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertEvent(trx, eventColumns(input));
    return { result: id, audit: { action: 'publicity.event_create', entityType: 'publicity_event', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getEvent(ctx, id);
}

export async function updateEvent(ctx: Ctx, id: number, input: EventUpdate): Promise<PublicityEvent> {
  const before = await eventRow(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, before.org_unit_id);
  const campaignId = input.campaignId === undefined ? before.campaign_id : input.campaignId;
  await checkEvent(ctx, { ...input, campaignId }, input.heldOn ?? before.held_on);
  await updateAudited(
    ctx,
    'publicity_events',
    id,
    input.version,
    {
      campaign_id: input.campaignId,
      kind: input.kind,
      title: input.title,
      held_on: input.heldOn,
      place: input.place,
      organiser: input.organiser,
      partner: input.partner,
      audience: input.audience,
      law_ids: input.lawIds,
      materials: input.materials,
      materials_count: input.materialsCount,
      people_reached: input.peopleReached,
      consultations: input.consultations,
      summary: input.summary,
    },
    { action: 'publicity.event_update', entityType: 'publicity_event', entityId: id, orgUnitId: before.org_unit_id, before, after: input },
  );
  return getEvent(ctx, id);
}

export async function voidEvent(ctx: Ctx, id: number, input: VoidBody): Promise<PublicityEvent> {
  const row = await eventRow(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, WRITE, row.org_unit_id);
  const before = toEvent(row, await catalog(ctx));
  return voidAudited(ctx, 'publicity_events', id, before, input, { action: 'publicity.event_void', entityType: 'publicity_event', orgUnitId: before.orgUnitId });
}

/**
 * Events from a ledger (台账) import, already checked row by row by the ledger (dictionaries, units in the actor's
 * write scope, no future dates): the scope is checked again here, then one insert and one audit entry per chunk.
 */
export async function importEvents(ctx: Ctx, inputs: readonly EventCreate[], note: { filename: string }): Promise<number[]> {
  const scope = scopeOf(ctx.actor, WRITE);
  const unitIds = [...new Set(inputs.map((i) => i.orgUnitId))];
  const inScope = await repo.unitIdsInScope(ctx.db, scope, unitIds);
  if (inScope.length !== unitIds.length) throw new AppError('FORBIDDEN', '台账中有不在您管辖范围内的单位');
  const late = inputs.find((i) => i.heldOn > today());
  if (late) throw rule('活动日期不能晚于今天（请在活动后登记）', 'heldOn');
  return audited(ctx, async (trx) => {
    const ids = await repo.insertEvents(trx, inputs.map(eventColumns));
    return { result: ids, audit: { action: 'publicity.event_import', entityType: 'publicity_event', after: { filename: note.filename, count: ids.length, ids } } };
  });
}

// ── The year's figures ────────────────────────────────────────────────────────────────────────────────────
export async function summary(ctx: Ctx, year: number): Promise<PublicitySummary> {
  const scope = scopeOf(ctx.actor, READ);
  const [rows, kinds, audiences, campaigns] = await Promise.all([
    repo.eventsOfYear(ctx.db, scope, year),
    listEntries(ctx, { kind: 'publicity.event_kind', includeInactive: true }),
    listEntries(ctx, { kind: 'publicity.audience', includeInactive: true }),
    repo.campaignsOfYear(ctx.db, scope, year),
  ]);
  const s = summarise(
    rows.map((r) => ({ kind: r.kind, audience: r.audience, materialsCount: r.materials_count, peopleReached: r.people_reached, consultations: r.consultations })),
  );
  const label = (list: { code: string; label: string }[], code: string) => list.find((e) => e.code === code)?.label ?? code;
  return {
    year,
    events: s.events,
    materials: s.materials,
    people: s.people,
    consultations: s.consultations,
    consultationEvents: s.consultationEvents,
    consultationPeople: s.consultationPeople,
    byKind: s.byKind.map((k) => ({ ...k, label: label(kinds, k.kind) })),
    byAudience: s.byAudience.map((a) => ({ ...a, label: label(audiences, a.audience) })),
    campaigns: campaigns.length,
  };
}
