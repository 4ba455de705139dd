import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type {
  Disclosure,
  DisclosureCreate,
  DisclosureUpdate,
  Hearing,
  HearingCreate,
  HearingUpdate,
  Honour,
  HonourCreate,
  HonourEnd,
  HonourName,
  HonourQuery,
  HonourRecommend,
  HonourUpdate,
  Inspection,
  InspectionConclude,
  InspectionCreate,
  InspectionItem,
  InspectionItemUpdate,
  InspectionQuery,
  InspectionSubmit,
  NextReview,
  RuleAdoption,
  RuleVersion,
  RuleVersionCreate,
  Village,
  VillageListQuery,
  VillageProfile,
  VillageProfileUpdate,
  VillageRule,
  VillageRuleCreate,
  VillageRuleQuery,
  VillageRuleUpdate,
  VillagesSummary,
} from '../../../domain/villages/contracts.ts';
import {
  type Adoption,
  adoptionProblem,
  checklistKind,
  checklistProgress,
  daysBetween,
  defaultReviewCycleYears,
  type HonourStatus,
  honourLevels,
  honourStatusLabels,
  honourTitle,
  honourTransitionProblem,
  inspectionConclusionLabels,
  REVIEW_REMINDER_DAYS,
  reminderState,
  reviewDueDate,
  reviewDueYear,
  statusAfterConclusion,
  submitProblem,
} from '../../../domain/villages/rules.ts';
import { uniquely, updateVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { listEntries, requireCode } from '../../platform/dictionary.service.ts';
import { coversParentOf, requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import { found, pageOf, updateAudited, voidAudited } from '../../platform/records.ts';
import * as repo from './villages.repository.ts';

const READ = 'villages.read';
const WRITE = 'villages.write';
const today = () => shanghaiDate(new Date());
const rule = (message: string, field: string) => new AppError('VILLAGES_RULE', message, { field });

/** The village (or community) must be in the actor's write scope; another village answers 404 as if absent. */
async function writableVillage(ctx: Ctx, orgUnitId: number) {
  const unit = await requireUnitInScope(ctx.db, ctx.actor, WRITE, orgUnitId);
  if (unit.kind !== 'village' && unit.kind !== 'community') throw rule('请选择村（社区）', 'orgUnitId');
  return unit;
}

/**
 * 推荐、命名、撤销/注销 and the 复核 conclusion come from the town (司法所 records what the county or the ministry
 * decided); a village cadre records the 申报 and the self-assessment only.
 */
async function requireTownLevel(ctx: Ctx, orgUnitId: number): Promise<void> {
  const unit = await repo.unitPath(ctx.db, orgUnitId);
  if (!coversParentOf(ctx.actor, WRITE, unit.path)) throw new AppError('FORBIDDEN', '推荐、命名、撤销注销和复核结论由乡镇（司法所）登记');
}

// ── Villages and profiles ─────────────────────────────────────────────────────────────────────────────────
const toProfile = (r: repo.VillageRow): VillageProfile => ({
  population: r.population,
  households: r.households,
  groupsCount: r.groups_count,
  partySecretary: r.party_secretary ?? '',
  director: r.director ?? '',
  legalAdvisor: r.legal_advisor ?? '',
  address: r.address ?? '',
  introduction: r.introduction ?? '',
  version: r.profile_version,
});

function nextReviewOf(h: repo.HonourRow, on: string, daysAhead: number): NextReview | null {
  const dueYear = reviewDueYear({ status: h.status, namedYear: h.named_year, reviewCycleYears: h.review_cycle_years, lastReviewYear: h.last_review_year });
  if (dueYear === null) return null;
  const dueOn = reviewDueDate(dueYear, h.review_due_override);
  return { honourId: h.id, level: h.level, dueYear, dueOn, daysLeft: daysBetween(on, dueOn), state: reminderState(dueOn, on, daysAhead) };
}

export async function listVillages(ctx: Ctx): Promise<Village[]> {
  const scope = scopeOf(ctx.actor, READ);
  const rows = await repo.listVillages(ctx.db, scope);
  const ids = rows.map((r) => r.org_unit_id);
  const [honours, counts] = await Promise.all([repo.honoursOf(ctx.db, scope, ids), repo.countsByVillage(ctx.db, ids)]);
  const on = today();
  return rows.map((r) => {
    const mine = honours.filter((h) => h.org_unit_id === r.org_unit_id);
    const reviews = mine.map((h) => nextReviewOf(h, on, REVIEW_REMINDER_DAYS)).filter((n): n is NextReview => n !== null);
    return {
      orgUnitId: r.org_unit_id,
      name: r.name,
      kind: r.kind,
      townName: r.town_name,
      profile: toProfile(r),
      honours: mine.map((h) => ({ id: h.id, level: h.level, status: h.status, namedYear: h.named_year })),
      nextReview: reviews.sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0] ?? null,
      counts: counts.get(r.org_unit_id) ?? { rules: 0, hearings: 0, disclosures: 0 },
    };
  });
}

export async function getVillage(ctx: Ctx, orgUnitId: number): Promise<Village> {
  const village = (await listVillages(ctx)).find((v) => v.orgUnitId === orgUnitId);
  if (!village) throw new AppError('NOT_FOUND', '村（社区）不存在');
  return village;
}

export async function saveProfile(ctx: Ctx, orgUnitId: number, input: VillageProfileUpdate): Promise<Village> {
  const before = await getVillage(ctx, orgUnitId);
  await writableVillage(ctx, orgUnitId);
  const values = {
    population: input.population,
    households: input.households,
    groups_count: input.groupsCount,
    party_secretary: input.partySecretary,
    director: input.director,
    legal_advisor: input.legalAdvisor,
    address: input.address,
    introduction: input.introduction,
  };
  const existing = await repo.findProfile(ctx.db, orgUnitId);
  if (existing && input.version === undefined) throw new AppError('VALIDATION_FAILED', '请填写「版本号」', [{ field: 'version', message: '请填写「版本号」' }]);
  await audited(ctx, async (trx) => {
    if (existing) await updateVersioned(trx, 'village_profiles', existing.id, input.version as number, values);
    else await uniquely(repo.insertProfile(trx, orgUnitId, Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined))), '该村的概况已由他人建立，请刷新后重试');
    return { result: undefined, audit: { action: 'village.profile', entityType: 'village', entityId: orgUnitId, orgUnitId, before: before.profile, after: input } };
  });
  return getVillage(ctx, orgUnitId);
}

// ── Honours ───────────────────────────────────────────────────────────────────────────────────────────────
function toHonour(r: repo.HonourRow, on = today(), daysAhead = REVIEW_REMINDER_DAYS): Honour {
  return {
    id: r.id,
    orgUnitId: r.org_unit_id,
    villageName: r.village_name,
    level: r.level,
    title: honourTitle(r.level),
    status: r.status,
    declaredOn: r.declared_on,
    declarationNote: r.declaration_note,
    recommendedOn: r.recommended_on,
    recommendedBy: r.recommended_by,
    namedYear: r.named_year,
    namedOn: r.named_on,
    batch: r.batch,
    namingDocument: r.naming_document,
    reviewCycleYears: r.review_cycle_years,
    reviewDueOverride: r.review_due_override,
    lastReviewYear: r.last_review_year,
    endedOn: r.ended_on,
    endReason: r.end_reason,
    nextReview: nextReviewOf(r, on, daysAhead),
    version: r.version,
  };
}

const honourRow = (ctx: Ctx, id: number) => found(repo.findHonour(ctx.db, scopeOf(ctx.actor, READ), id), '称号记录不存在');

export const getHonour = async (ctx: Ctx, id: number): Promise<Honour> => toHonour(await honourRow(ctx, id));

export async function listHonours(ctx: Ctx, q: HonourQuery): Promise<Page<Honour>> {
  const page = await repo.listHonours(ctx.db, scopeOf(ctx.actor, READ), q);
  const on = today();
  return { ...page, items: page.items.map((r) => toHonour(r, on)) };
}

/** Named honours whose 复核 falls due within `daysAhead` days, or is overdue: the reminder list. */
export async function reviewReminders(ctx: Ctx, daysAhead = REVIEW_REMINDER_DAYS): Promise<Honour[]> {
  const on = today();
  const rows = await repo.allNamedHonours(ctx.db, scopeOf(ctx.actor, READ));
  return rows
    .map((r) => toHonour(r, on, daysAhead))
    .filter((h) => h.nextReview && h.nextReview.state !== 'later')
    .sort((a, b) => (a.nextReview?.dueOn ?? '').localeCompare(b.nextReview?.dueOn ?? ''));
}

export async function createHonour(ctx: Ctx, input: HonourCreate): Promise<Honour> {
  await writableVillage(ctx, input.orgUnitId);
  const thisYear = Number(today().slice(0, 4));
  if (input.stage === 'declared' && !input.declaredOn) throw rule('申报时请填写「申报日期」', 'declaredOn');
  if (input.stage === 'named') {
    if (!input.namedYear) throw rule('登记已获称号时请填写「命名年度」', 'namedYear');
    await requireTownLevel(ctx, input.orgUnitId);
  }
  if (input.namedYear && input.namedYear > thisYear) throw rule('命名年度不能晚于今年', 'namedYear');
  if (input.namedOn && input.namedYear && !input.namedOn.startsWith(String(input.namedYear))) throw rule('命名日期应在命名年度内', 'namedOn');
  if (input.declaredOn && input.declaredOn > today()) throw rule('申报日期不能晚于今天', 'declaredOn');
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(
      repo.insertHonour(trx, {
        orgUnitId: input.orgUnitId,
        level: input.level,
        status: input.stage,
        declaredOn: input.declaredOn ?? null,
        declarationNote: input.declarationNote ?? '',
        namedYear: input.stage === 'named' ? (input.namedYear ?? null) : null,
        namedOn: input.stage === 'named' ? (input.namedOn ?? null) : null,
        batch: input.batch ?? '',
        namingDocument: input.namingDocument ?? '',
        reviewCycleYears: input.reviewCycleYears ?? defaultReviewCycleYears[input.level],
      }),
      `该村已有在办或有效的${honourTitle(input.level)}称号`,
    );
    return { result: id, audit: { action: 'village.honour_create', entityType: 'village_honour', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getHonour(ctx, id);
}

export async function updateHonour(ctx: Ctx, id: number, input: HonourUpdate): Promise<Honour> {
  const before = toHonour(await honourRow(ctx, id));
  await writableVillage(ctx, before.orgUnitId);
  if (input.reviewCycleYears !== undefined || input.reviewDueOverride !== undefined) await requireTownLevel(ctx, before.orgUnitId);
  await audited(ctx, async (trx) => {
    const changes = {
      declaration_note: input.declarationNote,
      batch: input.batch,
      naming_document: input.namingDocument,
      review_cycle_years: input.reviewCycleYears,
      review_due_override: input.reviewDueOverride,
    };
    await updateVersioned(trx, 'village_honours', id, input.version, changes);
    return { result: undefined, audit: { action: 'village.honour_update', entityType: 'village_honour', entityId: id, orgUnitId: before.orgUnitId, before, after: input } };
  });
  return getHonour(ctx, id);
}

/** Moves an honour along its lifecycle, refusing (409) a step the lifecycle does not allow. */
async function transition(ctx: Ctx, id: number, to: HonourStatus, version: number, changes: Record<string, unknown>, audit: { action: string; after: unknown }): Promise<Honour> {
  const before = toHonour(await honourRow(ctx, id));
  await writableVillage(ctx, before.orgUnitId);
  await requireTownLevel(ctx, before.orgUnitId);
  const problem = honourTransitionProblem(before.status, to);
  if (problem) throw new AppError('VILLAGES_STATE', problem, { status: before.status });
  await updateAudited(
    ctx,
    'village_honours',
    id,
    version,
    { ...changes, status: to },
    { action: audit.action, entityType: 'village_honour', entityId: id, orgUnitId: before.orgUnitId, before, after: audit.after },
  );
  return getHonour(ctx, id);
}

export async function recommendHonour(ctx: Ctx, id: number, input: HonourRecommend): Promise<Honour> {
  const h = await honourRow(ctx, id);
  if (h.declared_on && input.recommendedOn < h.declared_on) throw rule(`推荐日期不能早于申报日期 ${h.declared_on}`, 'recommendedOn');
  return transition(
    ctx,
    id,
    'recommended',
    input.version,
    { recommended_on: input.recommendedOn, recommended_by: input.recommendedBy },
    { action: 'village.honour_recommend', after: input },
  );
}

export async function nameHonour(ctx: Ctx, id: number, input: HonourName): Promise<Honour> {
  const h = await honourRow(ctx, id);
  if (input.namedYear > Number(today().slice(0, 4))) throw rule('命名年度不能晚于今年', 'namedYear');
  if (h.declared_on && input.namedYear < Number(h.declared_on.slice(0, 4))) throw rule(`命名年度不能早于申报年度 ${h.declared_on.slice(0, 4)}`, 'namedYear');
  if (input.namedOn && !input.namedOn.startsWith(String(input.namedYear))) throw rule('命名日期应在命名年度内', 'namedOn');
  return transition(
    ctx,
    id,
    'named',
    input.version,
    { named_year: input.namedYear, named_on: input.namedOn ?? null, batch: input.batch ?? h.batch, naming_document: input.namingDocument ?? h.naming_document },
    { action: 'village.honour_name', after: input },
  );
}

export async function endHonour(ctx: Ctx, id: number, input: HonourEnd): Promise<Honour> {
  return transition(ctx, id, input.status, input.version, { ended_on: input.endedOn, end_reason: input.reason }, { action: `village.honour_${input.status}`, after: input });
}

// ── Inspections (复核) with the self-assessment checklist ─────────────────────────────────────────────────
const toItem = (r: repo.ItemRow): InspectionItem => ({
  id: r.id,
  partCode: r.part_code,
  partLabel: r.part_label,
  itemCode: r.item_code,
  itemLabel: r.item_label,
  result: r.result,
  evidence: r.evidence,
  attachmentIds: r.attachment_ids,
  note: r.note,
  version: r.version,
});

async function toInspections(ctx: Ctx, rows: repo.InspectionRow[]): Promise<Inspection[]> {
  const items = await repo.itemsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const mine = items.filter((i) => i.inspection_id === r.id).map(toItem);
    return {
      id: r.id,
      honourId: r.honour_id,
      orgUnitId: r.org_unit_id,
      villageName: r.village_name,
      level: r.level,
      year: r.year,
      status: r.status,
      selfSummary: r.self_summary,
      submittedOn: r.submitted_on,
      concludedOn: r.concluded_on,
      conclusion: r.conclusion,
      methods: r.methods as Inspection['methods'],
      inspector: r.inspector,
      conclusionNote: r.conclusion_note,
      progress: checklistProgress(mine.map((i) => ({ label: i.itemLabel, result: i.result, evidence: i.evidence, attachmentIds: i.attachmentIds }))),
      items: mine,
      version: r.version,
    };
  });
}

const inspectionRow = (ctx: Ctx, id: number) => found(repo.findInspection(ctx.db, scopeOf(ctx.actor, READ), id), '复核记录不存在');

export const getInspection = async (ctx: Ctx, id: number): Promise<Inspection> => (await toInspections(ctx, [await inspectionRow(ctx, id)]))[0] as Inspection;

export async function listInspections(ctx: Ctx, q: InspectionQuery): Promise<Page<Inspection>> {
  return pageOf(repo.listInspections(ctx.db, scopeOf(ctx.actor, READ), q), (rows) => toInspections(ctx, rows));
}

/** The checklist as configured today (parts, then each part's items), copied into the inspection so later edits of the dictionary leave it as it was. */
async function checklistSnapshot(ctx: Ctx) {
  const parts = await listEntries(ctx, { kind: 'villages.standard_part' });
  const items: { partCode: string; partLabel: string; itemCode: string; itemLabel: string; sortOrder: number }[] = [];
  for (const part of parts) {
    const entries = await listEntries(ctx, { kind: checklistKind(part.code) });
    // A part without items is assessed as a whole.
    for (const e of entries.length ? entries : [{ code: part.code, label: part.label }]) {
      items.push({ partCode: part.code, partLabel: part.label, itemCode: e.code, itemLabel: e.label, sortOrder: items.length + 1 });
    }
  }
  return items;
}

export async function createInspection(ctx: Ctx, honourId: number, input: InspectionCreate): Promise<Inspection> {
  const honour = await honourRow(ctx, honourId);
  await writableVillage(ctx, honour.org_unit_id);
  if (honour.status !== 'named') throw new AppError('VILLAGES_STATE', `只有已命名的称号才能复核（当前：${honourStatusLabels[honour.status]}）`);
  if (honour.named_year !== null && input.year <= honour.named_year) throw rule(`复核年度应晚于命名年度 ${honour.named_year}`, 'year');
  if (input.year > Number(today().slice(0, 4)) + 1) throw rule('复核年度过远', 'year');
  const open = await repo.openInspectionOf(ctx.db, honourId);
  if (open) throw new AppError('VILLAGES_STATE', `${open.year} 年度的复核尚未出结论，不能另行开始复核`);
  const items = await checklistSnapshot(ctx);
  if (items.length === 0) throw rule('自评清单为空：请管理员在数据字典中配置「建设指导标准」', 'year');
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(repo.insertInspection(trx, { honourId, orgUnitId: honour.org_unit_id, year: input.year }), `该称号已有 ${input.year} 年度的复核记录`);
    await repo.insertItems(trx, id, honour.org_unit_id, items);
    return {
      result: id,
      audit: {
        action: 'village.inspection_create',
        entityType: 'village_inspection',
        entityId: id,
        orgUnitId: honour.org_unit_id,
        after: { honourId, year: input.year, items: items.length },
      },
    };
  });
  return getInspection(ctx, id);
}

export async function updateItem(ctx: Ctx, inspectionId: number, itemId: number, input: InspectionItemUpdate): Promise<Inspection> {
  const inspection = await inspectionRow(ctx, inspectionId);
  await writableVillage(ctx, inspection.org_unit_id);
  const item = await repo.findItem(ctx.db, inspectionId, itemId);
  if (!item) throw new AppError('NOT_FOUND', '自评项目不存在');
  if (inspection.status !== 'self_assessment') throw new AppError('VILLAGES_STATE', '自评已提交，不能再修改');
  if (input.attachmentIds?.length) {
    const unique = [...new Set(input.attachmentIds)];
    const found = await repo.attachmentsOfUnit(ctx.db, inspection.org_unit_id, unique);
    if (found.length !== unique.length) throw rule('佐证附件不存在或不属于本村', 'attachmentIds');
  }
  await audited(ctx, async (trx) => {
    const after = await updateVersioned(trx, 'village_inspection_items', itemId, input.version, {
      result: input.result,
      evidence: input.evidence,
      attachment_ids: input.attachmentIds ? [...new Set(input.attachmentIds)] : undefined,
      note: input.note,
    });
    return {
      result: undefined,
      audit: {
        action: 'village.inspection_item',
        entityType: 'village_inspection',
        entityId: inspectionId,
        orgUnitId: inspection.org_unit_id,
        before: toItem(item),
        after: toItem(after as repo.ItemRow),
      },
    };
  });
  return getInspection(ctx, inspectionId);
}

export async function submitInspection(ctx: Ctx, id: number, input: InspectionSubmit): Promise<Inspection> {
  const inspection = await getInspection(ctx, id);
  await writableVillage(ctx, inspection.orgUnitId);
  if (inspection.status !== 'self_assessment') throw new AppError('VILLAGES_STATE', '自评已提交，不能重复提交');
  const problem = submitProblem(inspection.items.map((i) => ({ label: i.itemLabel, result: i.result, evidence: i.evidence, attachmentIds: i.attachmentIds })));
  if (problem) throw rule(problem, 'items');
  if (input.submittedOn > today()) throw rule('提交日期不能晚于今天', 'submittedOn');
  await updateAudited(
    ctx,
    'village_inspections',
    id,
    input.version,
    { status: 'submitted', submitted_on: input.submittedOn, self_summary: input.selfSummary },
    {
      action: 'village.inspection_submit',
      entityType: 'village_inspection',
      entityId: id,
      orgUnitId: inspection.orgUnitId,
      after: { ...input, progress: inspection.progress },
    },
  );
  return getInspection(ctx, id);
}

/** Records the 复核 conclusion; 撤销/注销 end the honour, 保留 keeps it named until the next review. */
export async function concludeInspection(ctx: Ctx, id: number, input: InspectionConclude): Promise<Inspection> {
  const inspection = await inspectionRow(ctx, id);
  await writableVillage(ctx, inspection.org_unit_id);
  await requireTownLevel(ctx, inspection.org_unit_id);
  if (inspection.status === 'self_assessment') throw new AppError('VILLAGES_STATE', '村里的自评尚未提交，不能登记复核结论');
  if (inspection.status === 'concluded') throw new AppError('VILLAGES_STATE', '该复核已有结论');
  if (inspection.submitted_on && input.concludedOn < inspection.submitted_on) throw rule(`结论日期不能早于自评提交日期 ${inspection.submitted_on}`, 'concludedOn');
  if (input.concludedOn > today()) throw rule('结论日期不能晚于今天', 'concludedOn');
  const honour = await honourRow(ctx, inspection.honour_id);
  const to = statusAfterConclusion[input.conclusion];
  if (to !== honour.status) {
    const problem = honourTransitionProblem(honour.status, to);
    if (problem) throw new AppError('VILLAGES_STATE', problem);
  }
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'village_inspections', id, input.version, {
      status: 'concluded',
      conclusion: input.conclusion,
      concluded_on: input.concludedOn,
      methods: input.methods,
      inspector: input.inspector,
      conclusion_note: input.conclusionNote,
    });
    const ending = input.conclusion !== 'retained';
    await updateVersioned(trx, 'village_honours', honour.id, honour.version, {
      status: to,
      last_review_year: Math.max(inspection.year, honour.last_review_year ?? 0),
      review_due_override: null,
      ...(ending
        ? { ended_on: input.concludedOn, end_reason: `${inspection.year}年度复核结论：${inspectionConclusionLabels[input.conclusion]}。${input.conclusionNote ?? ''}`.trim() }
        : {}),
    });
    return {
      result: undefined,
      audit: {
        action: 'village.inspection_conclude',
        entityType: 'village_inspection',
        entityId: id,
        orgUnitId: inspection.org_unit_id,
        before: { honourStatus: honour.status },
        after: input,
      },
    };
  });
  return getInspection(ctx, id);
}

// ── Village rules with versions ───────────────────────────────────────────────────────────────────────────
const toVersion = (r: repo.RuleVersionRow): RuleVersion => ({
  id: r.id,
  ruleId: r.rule_id,
  versionNo: r.version_no,
  content: r.content,
  draftedBy: r.drafted_by,
  draftedOn: r.drafted_on,
  changeNote: r.change_note,
  adopted: r.adopted_on !== null,
  adoptedBy: r.adopted_by,
  adoptedOn: r.adopted_on,
  quorumBasis: r.quorum_basis,
  expectedCount: r.expected_count,
  attendedCount: r.attended_count,
  votesFor: r.votes_for,
  votesAgainst: r.votes_against,
  votesAbstain: r.votes_abstain,
  filedOn: r.filed_on,
  version: r.version,
});

async function toRules(ctx: Ctx, rows: repo.RuleRow[]): Promise<VillageRule[]> {
  const versions = (
    await repo.versionsOf(
      ctx.db,
      rows.map((r) => r.id),
    )
  ).map(toVersion);
  return rows.map((r) => {
    const mine = versions.filter((v) => v.ruleId === r.id);
    const current = mine.filter((v) => v.adopted).at(-1);
    return {
      id: r.id,
      orgUnitId: r.org_unit_id,
      villageName: r.village_name,
      kind: r.kind,
      kindLabel: r.kind_label ?? r.kind,
      title: r.title,
      currentVersionNo: current?.versionNo ?? null,
      currentAdoptedOn: current?.adoptedOn ?? null,
      versions: mine,
      version: r.version,
    };
  });
}

const ruleRow = (ctx: Ctx, id: number) => found(repo.findRule(ctx.db, scopeOf(ctx.actor, READ), id), '村规民约/制度不存在');

export const getRule = async (ctx: Ctx, id: number): Promise<VillageRule> => (await toRules(ctx, [await ruleRow(ctx, id)]))[0] as VillageRule;

export async function listRules(ctx: Ctx, q: VillageRuleQuery): Promise<Page<VillageRule>> {
  return pageOf(repo.listRules(ctx.db, scopeOf(ctx.actor, READ), q), (rows) => toRules(ctx, rows));
}

export async function createRule(ctx: Ctx, input: VillageRuleCreate): Promise<VillageRule> {
  await writableVillage(ctx, input.orgUnitId);
  await requireCode(ctx, 'villages.rule_kind', input.kind, 'kind', '制度类别');
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertRule(trx, input);
    return { result: id, audit: { action: 'village.rule_create', entityType: 'village_rule', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getRule(ctx, id);
}

export async function updateRule(ctx: Ctx, id: number, input: VillageRuleUpdate): Promise<VillageRule> {
  const before = await ruleRow(ctx, id);
  await writableVillage(ctx, before.org_unit_id);
  if (input.kind) await requireCode(ctx, 'villages.rule_kind', input.kind, 'kind', '制度类别');
  await updateAudited(
    ctx,
    'village_rules',
    id,
    input.version,
    { kind: input.kind, title: input.title },
    {
      action: 'village.rule_update',
      entityType: 'village_rule',
      entityId: id,
      orgUnitId: before.org_unit_id,
      before: { kind: before.kind, title: before.title },
      after: input,
    },
  );
  return getRule(ctx, id);
}

/** The adoption's numbers against the quorum and majority rules; the error names the field under `prefix`. */
function checkAdoption(a: Omit<RuleAdoption, 'version'>, draftedOn: string | null | undefined, prefix: string) {
  const adoption: Adoption = {
    body: a.adoptedBy,
    quorumBasis: a.quorumBasis,
    expectedCount: a.expectedCount,
    attendedCount: a.attendedCount,
    votesFor: a.votesFor,
    votesAgainst: a.votesAgainst,
    votesAbstain: a.votesAbstain,
  };
  const problem = adoptionProblem(adoption);
  if (problem) throw rule(problem.message, `${prefix}${problem.field}`);
  if (a.adoptedOn > today()) throw rule('通过日期不能晚于今天', `${prefix}adoptedOn`);
  if (draftedOn && a.adoptedOn < draftedOn) throw rule(`通过日期不能早于起草日期 ${draftedOn}`, `${prefix}adoptedOn`);
  if (a.filedOn && a.filedOn < a.adoptedOn) throw rule('备案日期不能早于通过日期', `${prefix}filedOn`);
}

const adoptionColumns = (a: Omit<RuleAdoption, 'version'>) => ({
  adopted_by: a.adoptedBy,
  adopted_on: a.adoptedOn,
  quorum_basis: a.adoptedBy === 'villagers_meeting' ? (a.quorumBasis ?? 'villagers') : null,
  expected_count: a.expectedCount,
  attended_count: a.attendedCount,
  votes_for: a.votesFor,
  votes_against: a.votesAgainst,
  votes_abstain: a.votesAbstain,
  filed_on: a.filedOn ?? null,
});

export async function addRuleVersion(ctx: Ctx, ruleId: number, input: RuleVersionCreate): Promise<VillageRule> {
  const r = await ruleRow(ctx, ruleId);
  await writableVillage(ctx, r.org_unit_id);
  if (input.draftedOn && input.draftedOn > today()) throw rule('起草日期不能晚于今天', 'draftedOn');
  if (input.adoption) checkAdoption(input.adoption, input.draftedOn, 'adoption.');
  await audited(ctx, async (trx) => {
    // Bumping the rule's version first serialises two clerks adding a version at the same time.
    await updateVersioned(trx, 'village_rules', ruleId, input.version, {});
    const versionNo = await repo.nextVersionNo(trx, ruleId);
    const row = await repo.insertRuleVersion(trx, {
      rule_id: ruleId,
      org_unit_id: r.org_unit_id,
      version_no: versionNo,
      content: input.content,
      drafted_by: input.draftedBy,
      drafted_on: input.draftedOn ?? null,
      change_note: input.changeNote ?? '',
      ...(input.adoption
        ? adoptionColumns(input.adoption)
        : {
            adopted_by: null,
            adopted_on: null,
            quorum_basis: null,
            expected_count: null,
            attended_count: null,
            votes_for: null,
            votes_against: null,
            votes_abstain: null,
            filed_on: null,
          }),
    });
    return { result: undefined, audit: { action: 'village.rule_version', entityType: 'village_rule', entityId: ruleId, orgUnitId: r.org_unit_id, after: toVersion(row) } };
  });
  return getRule(ctx, ruleId);
}

export async function adoptRuleVersion(ctx: Ctx, ruleId: number, versionId: number, input: RuleAdoption): Promise<VillageRule> {
  const r = await ruleRow(ctx, ruleId);
  await writableVillage(ctx, r.org_unit_id);
  const v = await repo.findRuleVersion(ctx.db, ruleId, versionId);
  if (!v) throw new AppError('NOT_FOUND', '该版本不存在');
  if (v.adopted_on) throw new AppError('VILLAGES_STATE', `第 ${v.version_no} 版已于 ${v.adopted_on} 通过，不能重复表决`);
  checkAdoption(input, v.drafted_on, '');
  await audited(ctx, async (trx) => {
    const after = await updateVersioned(trx, 'village_rule_versions', versionId, input.version, adoptionColumns(input));
    return {
      result: undefined,
      audit: { action: 'village.rule_adopt', entityType: 'village_rule', entityId: ruleId, orgUnitId: r.org_unit_id, after: toVersion(after as repo.RuleVersionRow) },
    };
  });
  return getRule(ctx, ruleId);
}

export async function voidRule(ctx: Ctx, id: number, input: VoidBody): Promise<VillageRule> {
  const before = await getRule(ctx, id);
  await writableVillage(ctx, before.orgUnitId);
  return voidAudited(ctx, 'village_rules', id, before, input, { action: 'village.rule_void', entityType: 'village_rule', orgUnitId: before.orgUnitId });
}

// ── 民主听证 ─────────────────────────────────────────────────────────────────────────────────────────────
const toHearing = (r: repo.HearingRow): Hearing => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  villageName: r.village_name,
  topic: r.topic,
  heldOn: r.held_on,
  place: r.place,
  presidedBy: r.presided_by,
  participants: r.participants,
  participantCount: r.participant_count,
  decision: r.decision,
  minutes: r.minutes,
  version: r.version,
});

const hearingRow = (ctx: Ctx, id: number) => found(repo.findHearing(ctx.db, scopeOf(ctx.actor, READ), id), '民主听证记录不存在');

export const getHearing = async (ctx: Ctx, id: number): Promise<Hearing> => toHearing(await hearingRow(ctx, id));

export async function listHearings(ctx: Ctx, q: VillageListQuery): Promise<Page<Hearing>> {
  return pageOf(repo.listHearings(ctx.db, scopeOf(ctx.actor, READ), q), (rows) => rows.map(toHearing));
}

function checkHearing(h: { heldOn?: string; participants?: string[]; participantCount?: number }) {
  if (h.heldOn && h.heldOn > today()) throw rule('听证日期不能晚于今天（请在听证后登记）', 'heldOn');
  if (h.participants && h.participantCount !== undefined && h.participants.length > h.participantCount) {
    throw rule(`参加人数（${h.participantCount}）不能少于已列出的参加人员（${h.participants.length} 人）`, 'participantCount');
  }
}

export async function createHearing(ctx: Ctx, input: HearingCreate): Promise<Hearing> {
  await writableVillage(ctx, input.orgUnitId);
  checkHearing(input);
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertHearing(trx, input);
    return { result: id, audit: { action: 'village.hearing_create', entityType: 'village_hearing', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getHearing(ctx, id);
}

export async function updateHearing(ctx: Ctx, id: number, input: HearingUpdate): Promise<Hearing> {
  const before = toHearing(await hearingRow(ctx, id));
  await writableVillage(ctx, before.orgUnitId);
  checkHearing({ heldOn: input.heldOn, participants: input.participants ?? before.participants, participantCount: input.participantCount ?? before.participantCount });
  await updateAudited(
    ctx,
    'village_hearings',
    id,
    input.version,
    {
      topic: input.topic,
      held_on: input.heldOn,
      place: input.place,
      presided_by: input.presidedBy,
      participants: input.participants,
      participant_count: input.participantCount,
      decision: input.decision,
      minutes: input.minutes,
    },
    { action: 'village.hearing_update', entityType: 'village_hearing', entityId: id, orgUnitId: before.orgUnitId, before, after: input },
  );
  return getHearing(ctx, id);
}

export async function voidHearing(ctx: Ctx, id: number, input: VoidBody): Promise<Hearing> {
  const before = toHearing(await hearingRow(ctx, id));
  await writableVillage(ctx, before.orgUnitId);
  return voidAudited(ctx, 'village_hearings', id, before, input, { action: 'village.hearing_void', entityType: 'village_hearing', orgUnitId: before.orgUnitId });
}

// ── 村务/财务公开 ────────────────────────────────────────────────────────────────────────────────────────
const toDisclosure = (r: repo.DisclosureRow): Disclosure => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  villageName: r.village_name,
  kind: r.kind,
  kindLabel: r.kind_label ?? r.kind,
  title: r.title,
  content: r.content,
  period: r.period,
  publishedOn: r.published_on,
  channel: r.channel,
  version: r.version,
});

const disclosureRow = (ctx: Ctx, id: number) => found(repo.findDisclosure(ctx.db, scopeOf(ctx.actor, READ), id), '公开记录不存在');

export const getDisclosure = async (ctx: Ctx, id: number): Promise<Disclosure> => toDisclosure(await disclosureRow(ctx, id));

export async function listDisclosures(ctx: Ctx, q: VillageListQuery): Promise<Page<Disclosure>> {
  return pageOf(repo.listDisclosures(ctx.db, scopeOf(ctx.actor, READ), q), (rows) => rows.map(toDisclosure));
}

export async function createDisclosure(ctx: Ctx, input: DisclosureCreate): Promise<Disclosure> {
  await writableVillage(ctx, input.orgUnitId);
  await requireCode(ctx, 'villages.disclosure_kind', input.kind, 'kind', '公开类别');
  if (input.publishedOn > today()) throw rule('公开日期不能晚于今天', 'publishedOn');
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertDisclosure(trx, input);
    return { result: id, audit: { action: 'village.disclosure_create', entityType: 'village_disclosure', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return getDisclosure(ctx, id);
}

export async function updateDisclosure(ctx: Ctx, id: number, input: DisclosureUpdate): Promise<Disclosure> {
  const before = toDisclosure(await disclosureRow(ctx, id));
  await writableVillage(ctx, before.orgUnitId);
  if (input.kind) await requireCode(ctx, 'villages.disclosure_kind', input.kind, 'kind', '公开类别');
  if (input.publishedOn && input.publishedOn > today()) throw rule('公开日期不能晚于今天', 'publishedOn');
  await updateAudited(
    ctx,
    'village_disclosures',
    id,
    input.version,
    {
      kind: input.kind,
      title: input.title,
      content: input.content,
      period: input.period,
      published_on: input.publishedOn,
      channel: input.channel,
    },
    { action: 'village.disclosure_update', entityType: 'village_disclosure', entityId: id, orgUnitId: before.orgUnitId, before, after: input },
  );
  return getDisclosure(ctx, id);
}

export async function voidDisclosure(ctx: Ctx, id: number, input: VoidBody): Promise<Disclosure> {
  const before = toDisclosure(await disclosureRow(ctx, id));
  await writableVillage(ctx, before.orgUnitId);
  return voidAudited(ctx, 'village_disclosures', id, before, input, { action: 'village.disclosure_void', entityType: 'village_disclosure', orgUnitId: before.orgUnitId });
}

// ── Figures for the annual report ─────────────────────────────────────────────────────────────────────────
/** The year's figures, each computed from the records: honours in force at the year's end by level, 复核 concluded in the year, hearings, rules, disclosures. */
export async function summary(ctx: Ctx, year: number): Promise<VillagesSummary> {
  const scope = scopeOf(ctx.actor, READ);
  const villages = await repo.listVillages(ctx.db, scope);
  const honours = await repo.honoursOf(
    ctx.db,
    scope,
    villages.map((v) => v.org_unit_id),
  );
  const yearEnd = `${year}-12-31`;
  // In force at the year's end: named by then and not ended by then.
  const inForce = honours.filter((h) => h.named_year !== null && h.named_year <= year && (h.status === 'named' || (h.ended_on !== null && h.ended_on > yearEnd)));
  const inspections = await repo.inspectionsInYear(ctx.db, scope, year);
  const figures = await repo.yearFigures(ctx.db, scope, year);
  return {
    year,
    namedByLevel: honourLevels.map((level) => ({ level, count: inForce.filter((h) => h.level === level).length })),
    inspectionsInYear: honourLevels
      .map((level) => {
        const mine = inspections.filter((i) => i.level === level);
        const done = mine.filter((i) => i.status === 'concluded');
        return {
          level,
          concluded: done.length,
          retained: done.filter((i) => i.conclusion === 'retained').length,
          revoked: done.filter((i) => i.conclusion === 'revoked').length,
          cancelled: done.filter((i) => i.conclusion === 'cancelled').length,
          open: mine.length - done.length,
        };
      })
      .filter((row) => row.concluded + row.open > 0),
    rulesAdoptedInYear: figures.rulesAdopted,
    hearings: figures.hearings,
    hearingParticipants: figures.hearingParticipants,
    disclosures: figures.disclosures,
    villages: villages.length,
    villagesWithRules: figures.villagesWithRules,
  };
}
