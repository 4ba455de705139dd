import type { Monthly, VillageComparison, YearsWithData } from '../../../domain/reports/contracts.ts';
import { monthsOf, yearPeriod } from '../../../domain/reports/period.ts';
import { type HonourLevel, honourLevelLabels } from '../../../domain/villages/rules.ts';
import { AppError } from '../../errors.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Scope } from '../../platform/permissions.ts';
import type { Indicator } from './indicator.ts';
import { indicators } from './registry.ts';
import * as repo from './reports.repository.ts';
import { reportScope } from './reports.service.ts';

/**
 * The 驾驶舱's monthly charts: indicators counted by the date of each record, so that the registry's own code,
 * run on each month, gives figures that add up to the year's.
 */
export const monthlyIndicatorIds = [
  'enforcement.penalty_cases',
  'mediation.disputes',
  'mediation.disputes_resolved',
  'learning.study_sessions',
  'publicity.events',
  'villages.democratic_hearings',
] as const;

/** What a town's villages are compared on (figures of the year, each over the village's own records). */
export const villageIndicatorIds = [
  'mediation.disputes',
  'mediation.disputes_resolved',
  'mediation.success_rate',
  'villages.democratic_hearings',
  'villages.disclosures',
  'publicity.events',
] as const;

function registered(ids: readonly string[]): Indicator[] {
  return ids.map((id) => {
    const found = indicators.find((i) => i.id === id);
    // A programming error, not a user's: the lists above name registry ids.
    if (!found) throw new AppError('INTERNAL', `指标「${id}」不在指标库中`);
    return found;
  });
}

/**
 * Which years the org (with everything under it) has records for, and the one the dashboard opens on: the latest
 * year with records in at least half as many modules as its busiest year — so a case or dispute still open from
 * this year does not move a town off its last full year, while a town at work this year opens on this year.
 */
export async function yearsWithData(ctx: Ctx, org: string): Promise<YearsWithData> {
  const { scope } = await reportScope(ctx, org);
  return latestWorkingYear(await repo.modulesByYear(ctx.db, scope.paths[0] as string));
}

export function latestWorkingYear(rows: readonly { year: number; module: string }[]): YearsWithData {
  const modules = new Map<number, number>();
  for (const r of rows) modules.set(r.year, (modules.get(r.year) ?? 0) + 1);
  const years = [...modules.keys()].sort((a, b) => b - a);
  const busiest = Math.max(0, ...modules.values());
  return { years, latest: years.find((y) => (modules.get(y) ?? 0) * 2 >= busiest) ?? null };
}

/** Month by month for the year, over the org's whole subtree (a city's months are the sums over its towns). */
export async function monthly(ctx: Ctx, org: string, year: number): Promise<Monthly> {
  const { unit, scope } = await reportScope(ctx, org);
  const months = monthsOf(year);
  const series = await Promise.all(
    registered(monthlyIndicatorIds).map(async (i) => {
      const values = await Promise.all(months.map(async (m) => (await i.compute(ctx.db, scope, m)) ?? 0));
      return { id: i.id, label: i.label, unit: i.unit, module: i.module, values, total: values.reduce((a, b) => a + b, 0) };
    }),
  );
  return { year, orgName: unit.name, series };
}

/** A town's villages side by side for the year: figures from the registry over each village, rules and honours. */
export async function villagesCompared(ctx: Ctx, org: string, year: number): Promise<VillageComparison> {
  const { unit, scope } = await reportScope(ctx, org);
  const period = yearPeriod(year);
  const villages = await repo.villagesUnder(ctx.db, scope.paths[0] as string);
  const ids = villages.map((v) => v.id);
  const columns = registered(villageIndicatorIds);
  const [rules, honours, values] = await Promise.all([
    repo.rulesAdoptedBy(ctx.db, ids, period.to),
    repo.honoursInForceOf(ctx.db, ids, period.to),
    Promise.all(
      villages.map(async (v) => {
        const own: Scope = { capability: scope.capability, paths: [v.path] };
        return Object.fromEntries(await Promise.all(columns.map(async (i) => [i.id, await i.compute(ctx.db, own, period)] as const)));
      }),
    ),
  ]);
  return {
    year,
    orgName: unit.name,
    columns: columns.map((i) => ({ id: i.id, label: i.label, unit: i.unit })),
    rows: villages.map((v, n) => {
      const r = rules.find((x) => x.org_unit_id === v.id);
      return {
        orgUnitId: v.id,
        name: v.name,
        values: values[n] ?? {},
        rulesAdopted: Number(r?.rules ?? 0),
        lastRuleAdoptedOn: (r?.last_adopted_on as string | null | undefined) ?? null,
        honours: honours
          .filter((h) => h.org_unit_id === v.id)
          .map((h) => ({ level: h.level, label: h.level === 'national' ? '全国' : `${honourLevelLabels[h.level as HonourLevel]}级`, namedYear: h.named_year })),
      };
    }),
  };
}
