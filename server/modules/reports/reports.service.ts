import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { checkReport, type RepealedLaw, type ReportProblem, repealedByCivilCode } from '../../../domain/reports/check.ts';
import type { AnnualReport, IndicatorRecord, IndicatorValue, ReportCreate, ReportUpdate } from '../../../domain/reports/contracts.ts';
import { yearPeriod } from '../../../domain/reports/period.ts';
import { defaultTemplate, type RenderedBlock, renderReport, reportText } from '../../../domain/reports/template.ts';
import { isoOrNull, uniquely, updateVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { requireUnitInScope, type Scope, scopeOf } from '../../platform/permissions.ts';
import { allLaws } from '../publicity/publicity.repository.ts';
import { indicators } from './registry.ts';
import { indicatorWorkbook, reportDocument, reportHtml } from './report.document.ts';
import * as repo from './reports.repository.ts';

/** The org unit a report is about, which the actor must be allowed to report on; figures cover its whole subtree. */
export async function reportScope(ctx: Ctx, org: string): Promise<{ unit: { id: number; name: string }; scope: Scope }> {
  const found = await repo.findUnitsByIdOrName(ctx.db, org.trim());
  if (found.length === 0) throw new AppError('NOT_FOUND', `单位「${org}」不存在`, { field: 'org' });
  if (found.length > 1) throw new AppError('BAD_REQUEST', `有多个单位名为「${org}」，请改用单位编号`, { field: 'org' });
  const unit = await requireUnitInScope(ctx.db, ctx.actor, 'reports.read', (found[0] as { id: number }).id);
  return { unit, scope: { capability: 'reports.read', paths: [unit.path] } };
}

const figureModules = [...new Set(indicators.map((i) => i.module))];

export async function indicatorValues(ctx: Ctx, org: string, year: number): Promise<IndicatorValue[]> {
  const { scope } = await reportScope(ctx, org);
  const versions = await repo.dataVersions(ctx.db);
  const byModule = await Promise.all(
    figureModules.map((m) => keptPerDataVersion(ctx.db, `figures|${m}|${scope.paths.join(',')}|${year}`, [m], () => computeFigures(ctx.db, scope, year, m), versions)),
  );
  const values = new Map(byModule.flat().map((v) => [v.id, v]));
  return indicators.map((i) => values.get(i.id) as IndicatorValue);
}

/** The indicators of a unit and year (of one module, or all), computed from the records (the plain queries, no cache). */
export function computeFigures(db: Ctx['db'], scope: Scope, year: number, module?: string): Promise<IndicatorValue[]> {
  const period = yearPeriod(year);
  return Promise.all(
    indicators
      .filter((i) => module === undefined || i.module === module)
      .map(async (i) => ({ id: i.id, label: i.label, unit: i.unit, module: i.module, value: await i.compute(db, scope, period) })),
  );
}

/**
 * Figures (and the alert list) are kept per data version (bench/RESULTS.md: a city's dashboard is ~100 queries, and
 * in report season many people open the same towns). Every business write is audited in its own transaction under
 * the audit chain's lock, which also moves its module's data version (repo.dataVersions): what was computed at a
 * version of the modules it reads is the plain queries' answer until the next write to them — a meeting recorded
 * does not recompute the mediation figures. The minute is part of the stamp because an online attempt left open
 * expires, and a deadline comes closer, with time, not with a write. Requests asking at once share one computation.
 * A few answers per question are kept (a request may read the version from just before another's write), the oldest
 * dropped first.
 */
type Answer = { version: number; minute: number; answer: Promise<unknown> };
const ANSWERS_PER_QUESTION = 4;
const QUESTIONS_KEPT = 2000;
const kept = new WeakMap<Ctx['db'], Map<string, Answer[]>>();
const older = (a: Answer, b: Answer) => a.version < b.version || (a.version === b.version && a.minute < b.minute);

export async function keptPerDataVersion<T>(db: Ctx['db'], what: string, modules: readonly string[], compute: () => Promise<T>, versions?: repo.DataVersions): Promise<T> {
  const version = (versions ?? (await repo.dataVersions(db))).of(modules);
  const minute = Math.floor(Date.now() / 60_000);
  const questions = kept.get(db) ?? new Map<string, Answer[]>();
  kept.set(db, questions);
  let answers = questions.get(what);
  if (!answers) {
    answers = [];
    questions.set(what, answers);
    if (questions.size > QUESTIONS_KEPT) questions.delete(questions.keys().next().value as string);
  }
  const found = answers.find((a) => a.version === version && a.minute === minute);
  if (found) return found.answer as Promise<T>;
  const entry: Answer = { version, minute, answer: compute() };
  const list = answers;
  entry.answer.catch(() => {
    if (list.includes(entry)) list.splice(list.indexOf(entry), 1);
  });
  list.push(entry);
  if (list.length > ANSWERS_PER_QUESTION) list.splice(list.indexOf(list.reduce((o, a) => (older(a, o) ? a : o))), 1);
  return entry.answer as Promise<T>;
}

export async function indicatorRecords(ctx: Ctx, id: string, org: string, year: number): Promise<{ indicator: IndicatorValue; items: IndicatorRecord[] }> {
  const indicator = indicators.find((i) => i.id === id);
  if (!indicator) throw new AppError('NOT_FOUND', `指标「${id}」不存在`);
  const { scope } = await reportScope(ctx, org);
  const period = yearPeriod(year);
  const [value, items] = await Promise.all([indicator.compute(ctx.db, scope, period), indicator.records ? indicator.records(ctx.db, scope, period) : Promise.resolve([])]);
  return { indicator: { id, label: indicator.label, unit: indicator.unit, module: indicator.module, value }, items };
}

// ── the annual report ────────────────────────────────────────────────────────────────────────────

const toReport = (r: repo.ReportRow): AnnualReport => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgName: r.org_name,
  year: r.year,
  status: r.status,
  template: r.template,
  narratives: r.narratives,
  approvedAt: isoOrNull(r.approved_at),
  publishedAt: isoOrNull(r.published_at),
  version: r.version,
});

async function reportFor(ctx: Ctx, id: number): Promise<repo.ReportRow> {
  const row = await repo.findReport(ctx.db, scopeOf(ctx.actor, 'reports.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '报告不存在');
  return row;
}

export async function listReports(ctx: Ctx, org?: string, year?: number): Promise<AnnualReport[]> {
  const orgUnitId = org ? (await reportScope(ctx, org)).unit.id : undefined;
  return (await repo.listReports(ctx.db, scopeOf(ctx.actor, 'reports.read'), { orgUnitId, year })).map(toReport);
}

/** A new draft; what the town wrote last year about problems and plans comes over as a starting point. */
export async function createReport(ctx: Ctx, input: ReportCreate): Promise<ReportPreviewT> {
  const { unit } = await reportScope(ctx, input.org);
  await requireUnitInScope(ctx.db, ctx.actor, 'reports.write', unit.id);
  if (await repo.findReportOf(ctx.db, unit.id, input.year)) throw new AppError('DUPLICATE', `${unit.name}${input.year}年度报告已存在`, { field: 'year' });
  const last = await repo.findReportOf(ctx.db, unit.id, input.year - 1);
  const narratives = last ? carriedOver(last.narratives) : {};
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(
      repo.insertReport(trx, { orgUnitId: unit.id, year: input.year, template: last?.template ?? defaultTemplate, narratives }),
      '该年度报告已存在',
      'year',
    );
    return {
      result: id,
      audit: { action: 'report.create', entityType: 'annual_report', entityId: id, orgUnitId: unit.id, after: { year: input.year, carriedOverFrom: last?.id ?? null } },
    };
  });
  return preview(ctx, id);
}

/** Last year's plans become this year's reference; the rest starts empty. */
function carriedOver(narratives: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(narratives).filter(([k]) => ['intro', 'problems', 'first_responsibility'].includes(k)));
}

async function figuresFor(ctx: Ctx, row: repo.ReportRow): Promise<IndicatorValue[]> {
  return indicatorValues(ctx, String(row.org_unit_id), row.year);
}

export type ReportPreviewT = { report: AnnualReport; blocks: RenderedBlock[]; problems: ReportProblem[]; figures: IndicatorValue[] };

/** The draft rendered from live records, with its 体检 result. */
export async function preview(ctx: Ctx, id: number): Promise<ReportPreviewT> {
  const row = await reportFor(ctx, id);
  // Once signed off the report is what the leader approved, even if records change afterwards.
  const frozen = row.status === 'draft' ? null : await repo.approvedContent(ctx.db, id);
  const { blocks, figures } = frozen ?? (await rendered(ctx, row));
  const values = Object.fromEntries(figures.map((f) => [f.id, f.value]));
  return { report: toReport(row), blocks, problems: checkReport(reportText(blocks), values, await repealedLaws(ctx)), figures };
}

async function rendered(ctx: Ctx, row: repo.ReportRow): Promise<{ blocks: RenderedBlock[]; figures: IndicatorValue[] }> {
  const figures = await figuresFor(ctx, row);
  const parent = (await repo.unitName(ctx.db, row.org_parent_id))?.name ?? '';
  return {
    figures,
    blocks: renderReport(row.template, { org: row.org_name, parent, year: row.year, figures: new Map(figures.map((f) => [f.id, f])), narratives: row.narratives }),
  };
}

export async function updateReport(ctx: Ctx, id: number, input: ReportUpdate): Promise<ReportPreviewT> {
  const row = await reportFor(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'reports.write', row.org_unit_id);
  if (row.status !== 'draft') throw new AppError('REPORT_RULE', '报告已审定，不能再修改；如需修改请由镇领导退回');
  if (input.template?.some((b) => (b.kind === 'narrative' ? !b.id : !b.text)))
    throw new AppError('VALIDATION_FAILED', '模板中的叙述段须有编号，其他段落须有文字', { field: 'template' });
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'annual_reports', id, input.version, {
      narratives: input.narratives ? JSON.stringify(input.narratives) : undefined,
      template: input.template ? JSON.stringify(input.template) : undefined,
    });
    return {
      result: undefined,
      audit: {
        action: 'report.update',
        entityType: 'annual_report',
        entityId: id,
        orgUnitId: row.org_unit_id,
        before: { narratives: row.narratives },
        after: { narratives: input.narratives, templateChanged: input.template !== undefined },
      },
    };
  });
  return preview(ctx, id);
}

/** A leader signs off; a draft whose text contradicts the records (figures, rates, repealed laws) is refused. */
export async function approveReport(ctx: Ctx, id: number, version: number): Promise<ReportPreviewT> {
  const current = await preview(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'reports.approve', current.report.orgUnitId);
  if (current.report.status !== 'draft') throw new AppError('REPORT_RULE', '只有草稿可以审定');
  const blocking = current.problems.filter((p) => p.kind !== 'term');
  if (blocking.length > 0) throw new AppError('REPORT_HAS_PROBLEMS', `报告体检发现 ${blocking.length} 处与记录不符：${blocking[0]?.message}`, blocking);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'annual_reports', id, version, { status: 'approved', approved_by: ctx.actor.userId, approved_at: new Date() });
    await repo.insertVersion(trx, {
      reportId: id,
      orgUnitId: current.report.orgUnitId,
      approvedBy: ctx.actor.userId,
      content: { blocks: current.blocks, figures: current.figures },
    });
    return {
      result: undefined,
      audit: { action: 'report.approve', entityType: 'annual_report', entityId: id, orgUnitId: current.report.orgUnitId, after: { figures: current.figures } },
    };
  });
  return preview(ctx, id);
}

/** A leader sends an approved (not yet published) report back to draft, with the reason kept in the audit trail. */
export async function returnReport(ctx: Ctx, id: number, version: number, reason: string): Promise<ReportPreviewT> {
  const row = await reportFor(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'reports.approve', row.org_unit_id);
  if (row.status !== 'approved') throw new AppError('REPORT_RULE', row.status === 'published' ? '报告已公开，不能退回' : '只有已审定的报告可以退回');
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'annual_reports', id, version, { status: 'draft', approved_by: null, approved_at: null });
    return { result: undefined, audit: { action: 'report.return', entityType: 'annual_report', entityId: id, orgUnitId: row.org_unit_id, after: { reason } } };
  });
  return preview(ctx, id);
}

export async function publishReport(ctx: Ctx, id: number, version: number): Promise<ReportPreviewT> {
  const row = await reportFor(ctx, id);
  await requireUnitInScope(ctx.db, ctx.actor, 'reports.write', row.org_unit_id);
  if (row.status !== 'approved') throw new AppError('REPORT_RULE', '报告须经镇领导审定后才能公开');
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'annual_reports', id, version, { status: 'published', published_at: new Date() });
    return { result: undefined, audit: { action: 'report.publish', entityType: 'annual_report', entityId: id, orgUnitId: row.org_unit_id } };
  });
  return preview(ctx, id);
}

export type ReportFormat = 'json' | 'html' | 'docx' | 'xlsx';

/**
 * The report of an org and year in one format: the town's own draft when it has one, else the default template
 * with no narrative (figures only). The export is audited.
 */
export async function exportByOrgYear(ctx: Ctx, org: string, year: number, format: ReportFormat) {
  const { unit } = await reportScope(ctx, org);
  const row = await repo.findReportOf(ctx.db, unit.id, year);
  if (row) return exportReport(ctx, row.id, format);
  const figures = await indicatorValues(ctx, String(unit.id), year);
  const parent = (await repo.unitName(ctx.db, (await repo.findUnitsByIdOrName(ctx.db, String(unit.id)))[0]?.parent_id ?? null))?.name ?? '';
  const blocks = renderReport(defaultTemplate, { org: unit.name, parent, year, figures: new Map(figures.map((f) => [f.id, f])), narratives: {} });
  return renderAs(ctx, { report: null, blocks, problems: [], figures }, { orgUnitId: unit.id, orgName: unit.name, year, approvedAt: null }, format);
}

/** The report as a .docx in 公文 format (or json, html, xlsx); the export is audited. */
export async function exportReport(ctx: Ctx, id: number, format: ReportFormat = 'docx') {
  const p = await preview(ctx, id);
  return renderAs(ctx, p, p.report, format);
}

async function renderAs(
  ctx: Ctx,
  p: { report: AnnualReport | null; blocks: RenderedBlock[]; problems: ReportProblem[]; figures: IndicatorValue[] },
  about: { orgUnitId: number; orgName: string; year: number; approvedAt: string | null },
  format: ReportFormat,
): Promise<{ filename: string; contentType: string; body: Buffer | string | ReportPreviewT | object }> {
  const sign = { org: about.orgName, date: shanghaiDate(new Date(about.approvedAt ?? Date.now())) };
  const title =
    p.blocks
      .find((b) => b.kind === 'title')
      ?.segments.map((s) => s.text)
      .join('') ?? `${about.year}年度法治政府建设情况报告`;
  await ctx.audit.record(
    ctx.db,
    { actorId: ctx.actor.userId, actorName: ctx.actor.displayName, ip: ctx.ip },
    {
      action: 'report.export',
      entityType: 'annual_report',
      entityId: p.report?.id,
      orgUnitId: about.orgUnitId,
      after: { format, year: about.year, status: p.report?.status ?? 'template' },
    },
  );
  if (format === 'docx')
    return {
      filename: `${title}.docx`,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      body: await reportDocument(p.blocks, sign, p.figures),
    };
  if (format === 'xlsx')
    return { filename: `${title}（指标）.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await indicatorWorkbook(title, p.figures) };
  if (format === 'html') return { filename: `${title}.html`, contentType: 'text/html; charset=utf-8', body: reportHtml(p.blocks, sign, p.figures) };
  return { filename: `${title}.json`, contentType: 'application/json; charset=utf-8', body: p };
}

/** The public portal: published reports, and one of them as a print-friendly page of what was signed off. */
export async function publishedReports(db: Ctx['db']) {
  return (await repo.publishedReports(db)).map((r) => ({ id: r.id, orgName: r.org_name, year: r.year, publishedAt: isoOrNull(r.published_at) }));
}

export async function publishedReportHtml(db: Ctx['db'], id: number): Promise<string> {
  const report = (await repo.publishedReports(db)).find((r) => r.id === id);
  const content = report ? await repo.approvedContent(db, id) : null;
  if (!report || !content) throw new AppError('NOT_FOUND', '该报告未公开');
  const date = report.published_at ? shanghaiDate(new Date(report.published_at)) : shanghaiDate(new Date());
  return reportHtml(content.blocks, { org: report.org_name, date }, content.figures);
}

/** Repealed laws the check knows: the law catalog (national part and the town's own), or 民法典 art. 1260's list without one. */
async function repealedLaws(ctx: Ctx): Promise<RepealedLaw[]> {
  const catalog = (await allLaws(ctx.db, scopeOf(ctx.actor, 'reports.read')))
    .filter((l) => l.repealed_on !== null)
    .map((l) => ({ name: l.title, repealedOn: l.repealed_on as string, replacedBy: l.replaced_by_title }));
  return catalog.length > 0 ? catalog : repealedByCivilCode;
}

/** 报告体检 on any text a town pastes, against the records of an org and year. */
export async function checkText(ctx: Ctx, org: string, year: number, text: string): Promise<ReportProblem[]> {
  const values = Object.fromEntries((await indicatorValues(ctx, org, year)).map((f) => [f.id, f.value]));
  return checkReport(text, values, await repealedLaws(ctx));
}
