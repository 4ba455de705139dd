import type {
  FileReview,
  FileReviewCreate,
  Finding,
  FindingQuery,
  RecheckBody,
  RectifyBody,
  Round,
  RoundCreate,
  Standard,
  StandardCreate,
  Stats,
  StatsQuery,
} from '../../../domain/enforcement/contracts.ts';
import {
  type CaseStatus,
  caseCountDate,
  caseStatuses,
  defaultFindingCategories,
  findingCategoryKind,
  percent,
  type ScoringItem,
  scoreFile,
  toCents,
} from '../../../domain/enforcement/rules.ts';
import type { Page } from '../../../domain/platform/contracts.ts';
import type { Capability } from '../../../domain/platform/roles.ts';
import { updateVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { listEntries, requireCode } from '../../platform/dictionary.service.ts';
import { can, requireUnitInScope, type Scope, scopeOf } from '../../platform/permissions.ts';
import * as caseRepo from './case.repository.ts';
import { listCases } from './case.service.ts';
import * as reg from './enforcement.repository.ts';
import * as repo from './review.repository.ts';

const invalid = (message: string, field: string) => new AppError('ENFORCEMENT_INVALID', message, { field });
const either = (ctx: Ctx, first: Capability, second: Capability): Capability => (can(ctx.actor, first) ? first : second);

const toStandard = (r: repo.StandardRow): Standard => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  name: r.name,
  items: r.items,
  excellentMin: r.excellent_min,
  passMin: r.pass_min,
  version: r.version,
});
const toRound = (r: repo.RoundRow): Round => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  standardId: r.standard_id,
  title: r.title,
  heldOn: r.held_on,
  partner: r.partner,
  reviewers: r.reviewers,
  summary: r.summary,
  fileReviews: Number(r.file_reviews ?? 0),
  findings: Number(r.findings ?? 0),
  corrected: Number(r.corrected ?? 0),
  version: r.version,
});
/** The categories in force: the dictionary once an admin defines it, else the defaults. */
async function categories(ctx: Ctx): Promise<{ code: string; label: string }[]> {
  const entries = await listEntries(ctx, { kind: findingCategoryKind, includeInactive: true });
  return entries.length > 0 ? entries : [...defaultFindingCategories];
}
const defaultLabel = (code: string) => defaultFindingCategories.find((c) => c.code === code)?.label;

const toFinding = (r: repo.FindingRow): Finding => ({
  id: r.id,
  fileReviewId: r.file_review_id,
  caseId: r.case_id,
  caseLabel: r.case_label,
  document: r.document,
  category: r.category,
  categoryLabel: r.category_label ?? defaultLabel(r.category) ?? r.category,
  description: r.description,
  assigneeName: r.assignee_name,
  dueOn: r.due_on,
  status: r.status,
  rectifiedOn: r.rectified_on,
  rectification: r.rectification,
  recheckedOn: r.rechecked_on,
  recheckedBy: r.rechecked_by,
  version: r.version,
});

// ── standards and rounds ───────────────────────────────────────────────────────────────────────────────────────

export async function listStandards(ctx: Ctx): Promise<Standard[]> {
  return (await repo.listStandards(ctx.db, scopeOf(ctx.actor, 'enforcement.read'))).map(toStandard);
}

export async function createStandard(ctx: Ctx, input: StandardCreate): Promise<Standard> {
  await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.manage', input.orgUnitId);
  const codes = input.items.map((i) => i.code);
  if (new Set(codes).size !== codes.length) throw invalid('评查项目代码不能重复', 'items');
  const total = input.items.filter((i) => !i.veto).reduce((s, i) => s + i.points, 0);
  if (total !== 100) throw invalid(`非否决项分值合计应为 100 分（现为 ${total} 分）`, 'items');
  if (input.passMin > input.excellentMin) throw invalid('合格分数线不能高于优秀分数线', 'passMin');
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertStandard(trx, input);
    return { result: id, audit: { action: 'enforcement.standard.create', entityType: 'enforcement_standard', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return toStandard((await repo.findStandard(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id)) as repo.StandardRow);
}

export async function listRounds(ctx: Ctx): Promise<Round[]> {
  return (await repo.listRounds(ctx.db, scopeOf(ctx.actor, 'enforcement.read'))).map(toRound);
}

async function roundFor(ctx: Ctx, id: number) {
  const row = await repo.findRound(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '评查不存在');
  return row;
}

export async function createRound(ctx: Ctx, input: RoundCreate): Promise<Round> {
  await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.manage', input.orgUnitId);
  const standard = await repo.findStandard(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), input.standardId);
  if (!standard || standard.org_unit_id !== input.orgUnitId) throw new AppError('NOT_FOUND', '评查标准不存在', { field: 'standardId' });
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertRound(trx, input);
    return { result: id, audit: { action: 'enforcement.review_round.create', entityType: 'enforcement_review_round', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return toRound(await roundFor(ctx, id));
}

export async function listFileReviews(ctx: Ctx, roundId: number): Promise<FileReview[]> {
  await roundFor(ctx, roundId);
  const rows = await repo.fileReviewsOf(ctx.db, roundId);
  const findings = await repo.findingsOfReviews(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    caseId: r.case_id,
    caseLabel: r.case_label,
    reviewedOn: r.reviewed_on,
    reviewer: r.reviewer,
    deductions: r.deductions,
    vetoed: r.vetoed,
    total: r.total,
    grade: r.grade,
    comments: r.comments,
    findings: findings.filter((f) => f.file_review_id === r.id).map(toFinding),
    version: r.version,
  }));
}

/** One case file scored against the round's standard, with its findings (each with a rectification owner). */
export async function createFileReview(ctx: Ctx, roundId: number, input: FileReviewCreate): Promise<FileReview[]> {
  const round = await roundFor(ctx, roundId);
  await requireUnitInScope(ctx.db, ctx.actor, either(ctx, 'enforcement.review', 'enforcement.manage'), round.org_unit_id);
  const kase = await caseRepo.findCase(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), input.caseId);
  if (!kase || kase.org_unit_id !== round.org_unit_id) throw new AppError('NOT_FOUND', '案卷不存在', { field: 'caseId' });
  if (input.reviewedOn > new Date().toISOString().slice(0, 10)) throw invalid('「评查日期」不能晚于今天', 'reviewedOn');
  const standard = (await repo.findStandard(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), round.standard_id)) as repo.StandardRow;
  const score = scoreFile(standard.items as ScoringItem[], input.deductions ?? {}, input.vetoed ?? [], { excellent: standard.excellent_min, pass: standard.pass_min });
  if (score.problem) throw invalid(score.problem, 'deductions');
  const findings = input.findings ?? [];
  const dictionaryDefined = (await listEntries(ctx, { kind: findingCategoryKind, includeInactive: true })).length > 0;
  for (const [i, f] of findings.entries()) {
    if (dictionaryDefined) await requireCode(ctx, findingCategoryKind, f.category, `findings.${i}.category`, '问题类别');
    else if (!defaultLabel(f.category)) throw invalid(`「问题类别」的取值「${f.category}」不在字典中`, `findings.${i}.category`);
  }
  await audited(ctx, async (trx) => {
    const { id } = await repo.insertFileReview(trx, {
      roundId,
      caseId: input.caseId,
      orgUnitId: round.org_unit_id,
      reviewedOn: input.reviewedOn,
      reviewer: input.reviewer,
      deductions: input.deductions ?? {},
      vetoed: input.vetoed ?? [],
      total: score.total,
      grade: score.grade,
      comments: input.comments ?? '',
    });
    for (const f of findings) await repo.insertFinding(trx, { ...f, fileReviewId: id, caseId: input.caseId, orgUnitId: round.org_unit_id });
    return {
      result: id,
      audit: {
        action: 'enforcement.file_review.create',
        entityType: 'enforcement_review_round',
        entityId: roundId,
        orgUnitId: round.org_unit_id,
        after: { ...input, total: score.total, grade: score.grade },
      },
    };
  });
  return listFileReviews(ctx, roundId);
}

export async function listFindings(ctx: Ctx, q: FindingQuery): Promise<Page<Finding>> {
  const page = await repo.listFindings(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), q);
  return { ...page, items: page.items.map(toFinding) };
}

async function findingFor(ctx: Ctx, id: number, capability: Capability) {
  const row = await repo.findFinding(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '评查问题不存在');
  await requireUnitInScope(ctx.db, ctx.actor, capability, row.org_unit_id);
  return row;
}

export async function rectify(ctx: Ctx, id: number, input: RectifyBody): Promise<Finding> {
  const row = await findingFor(ctx, id, either(ctx, 'enforcement.write', 'enforcement.manage'));
  if (row.status === 'closed') throw new AppError('ENFORCEMENT_STATE', '该问题已复查销号');
  if (input.rectifiedOn > new Date().toISOString().slice(0, 10)) throw invalid('「整改日期」不能晚于今天', 'rectifiedOn');
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'enforcement_findings', id, input.version, { status: 'rectified', rectified_on: input.rectifiedOn, rectification: input.rectification });
    return {
      result: undefined,
      audit: { action: 'enforcement.finding.rectify', entityType: 'enforcement_finding', entityId: id, orgUnitId: row.org_unit_id, before: { status: row.status }, after: input },
    };
  });
  return toFinding((await repo.findFinding(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id)) as repo.FindingRow);
}

export async function recheck(ctx: Ctx, id: number, input: RecheckBody): Promise<Finding> {
  const row = await findingFor(ctx, id, either(ctx, 'enforcement.review', 'enforcement.manage'));
  if (row.status !== 'rectified') throw new AppError('ENFORCEMENT_STATE', row.status === 'closed' ? '该问题已复查销号' : '尚未整改，不能复查');
  if (row.rectified_on && input.recheckedOn < row.rectified_on) throw invalid('复查日期不能早于整改日期', 'recheckedOn');
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'enforcement_findings', id, input.version, {
      status: input.passed ? 'closed' : 'open',
      rechecked_on: input.recheckedOn,
      rechecked_by: input.recheckedBy,
      ...(input.passed ? {} : { rectification: `${row.rectification}\n【复查未通过 ${input.recheckedOn}】${input.note ?? ''}` }),
    });
    return {
      result: undefined,
      audit: { action: 'enforcement.finding.recheck', entityType: 'enforcement_finding', entityId: id, orgUnitId: row.org_unit_id, before: { status: row.status }, after: input },
    };
  });
  return toFinding((await repo.findFinding(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id)) as repo.FindingRow);
}

// ── statistics (leader, supervisor) ────────────────────────────────────────────────────────────────────────────

export async function stats(ctx: Ctx, q: StatsQuery): Promise<Stats> {
  let scope: Scope = scopeOf(ctx.actor, 'enforcement.read');
  if (q.orgUnitId) {
    const unit = await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.read', q.orgUnitId);
    scope = { capability: 'enforcement.read', paths: [unit.path] };
  }
  const year = String(q.year);
  const inYear = (d: string | null) => d?.startsWith(year) ?? false;
  const all = await repo.casesForStats(ctx.db, scope);
  const cases = all.filter((c) => inYear(caseCountDate(c)));
  const closed = cases.filter((c) => c.closed_on !== null && c.closed_on <= `${year}-12-31`);
  const penalties = all.filter((c) => c.outcome === 'penalty' && inYear(c.decided_on));
  const cents = (xs: typeof all, pick: (c: (typeof all)[number]) => string) => xs.reduce((s, c) => s + toCents(Number(pick(c))), 0) / 100;
  const overduePage = await listCases(ctx, { attention: 'overdue', pageSize: 200 });
  const ids = new Set(all.map((c) => c.id));
  const overdue = overduePage.items.filter((i) => ids.has(i.id)).length;
  const byPower = new Map<number, { powerId: number; code: string; name: string; count: number }>();
  for (const c of cases) {
    const entry = byPower.get(c.power_id) ?? { powerId: c.power_id, code: c.code, name: c.name, count: 0 };
    entry.count++;
    byPower.set(c.power_id, entry);
  }
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const reviews = await repo.reviewFigures(ctx.db, scope, q.year);
  const findings = reviews.filter((r) => r.finding_id !== null);
  const labels = await categories(ctx);
  const byCategory = new Map<string, number>();
  for (const f of findings) byCategory.set(f.category as string, (byCategory.get(f.category as string) ?? 0) + 1);
  const [powers, officers] = await Promise.all([reg.listPowers(ctx.db, scope), reg.listOfficers(ctx.db, scope)]);
  return {
    year: q.year,
    cases: cases.length,
    simple: cases.filter((c) => c.procedure === 'simple').length,
    ordinary: cases.filter((c) => c.procedure === 'ordinary').length,
    closed: closed.length,
    closureRate: percent(closed.length, cases.length),
    finesImposed: cents(penalties, (c) => c.fine_amount),
    finesCollected: cents(penalties, (c) => c.paid_amount),
    surchargesCollected: cents(penalties, (c) => c.surcharge_paid),
    overdue,
    byStatus: caseStatuses.map((status: CaseStatus) => ({ status, count: cases.filter((c) => c.status === status).length })).filter((s) => s.count > 0),
    byPower: [...byPower.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    byMonth: months.map((month) => ({
      month,
      filed: cases.filter((c) => (c.filed_on ?? c.decided_on ?? '').startsWith(month)).length,
      decided: all.filter((c) => c.decided_on?.startsWith(month)).length,
      closed: all.filter((c) => c.closed_on?.startsWith(month)).length,
    })),
    powers: powers.filter((p) => p.active).length,
    officers: officers.filter((o) => o.active).length,
    reviews: new Set(reviews.map((r) => r.review_id)).size,
    findings: findings.length,
    corrected: findings.filter((f) => f.status === 'closed').length,
    byCategory: [...byCategory.entries()].map(([category, count]) => ({ category, label: labels.find((c) => c.code === category)?.label ?? category, count })),
  };
}
