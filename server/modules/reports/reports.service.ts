import type { IndicatorRecord, IndicatorValue } from '../../../domain/reports/contracts.ts';
import { yearPeriod } from '../../../domain/reports/period.ts';
import { AppError } from '../../errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { requireUnitInScope, type Scope } from '../../platform/permissions.ts';
import { indicators } from './registry.ts';
import * as repo from './reports.repository.ts';

/** The org unit a report is about, which the actor must be allowed to report on; figures cover its whole subtree. */
async function reportScope(ctx: Ctx, org: string): Promise<{ unit: { id: number; name: string }; scope: Scope }> {
  const found = await repo.findUnitsByIdOrName(ctx.db, org.trim());
  if (found.length === 0) throw new AppError('NOT_FOUND', `单位「${org}」不存在`, { field: 'org' });
  if (found.length > 1) throw new AppError('BAD_REQUEST', `有多个单位名为「${org}」，请改用单位编号`, { field: 'org' });
  const unit = await requireUnitInScope(ctx.db, ctx.actor, 'reports.read', (found[0] as { id: number }).id);
  return { unit, scope: { capability: 'reports.read', paths: [unit.path] } };
}

export async function indicatorValues(ctx: Ctx, org: string, year: number): Promise<IndicatorValue[]> {
  const { scope } = await reportScope(ctx, org);
  const period = yearPeriod(year);
  return Promise.all(indicators.map(async (i) => ({ id: i.id, label: i.label, unit: i.unit, module: i.module, value: await i.compute(ctx.db, scope, period) })));
}

export async function indicatorRecords(ctx: Ctx, id: string, org: string, year: number): Promise<{ indicator: IndicatorValue; items: IndicatorRecord[] }> {
  const indicator = indicators.find((i) => i.id === id);
  if (!indicator) throw new AppError('NOT_FOUND', `指标「${id}」不存在`);
  const { scope } = await reportScope(ctx, org);
  const period = yearPeriod(year);
  const [value, items] = await Promise.all([indicator.compute(ctx.db, scope, period), indicator.records ? indicator.records(ctx.db, scope, period) : Promise.resolve([])]);
  return { indicator: { id, label: indicator.label, unit: indicator.unit, module: indicator.module, value }, items };
}
