import type { Kysely } from 'kysely';
import type { CalendarOverride, CalendarOverrideCreate, VoidBody } from '../../domain/platform/contracts.ts';
import { shanghaiDate } from '../../domain/platform/dates.ts';
import { addWorkingDays, packageKnowsThrough, type WorkCalendar, workCalendar } from '../../domain/platform/workdays.ts';
import { uniquely, voidVersioned } from '../db/rows.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import * as repo from './calendar.repository.ts';
import { audited, type Ctx } from './context.ts';
import { scopeOf } from './permissions.ts';

const toOverride = (r: repo.OverrideRow): CalendarOverride => ({ id: r.id, date: r.on_date, isWorkday: r.is_workday, name: r.name, version: r.version });

/**
 * Every list page with deadlines needs the calendar, and overrides change a few times a year: it is kept per database
 * handle for a minute, and dropped at once when this process records an override (another process sharing the
 * database sees the change within the minute).
 */
const KEEP_MS = 60_000;
const kept = new WeakMap<Kysely<DB>, { until: number; calendar: Promise<WorkCalendar> }>();

/** The working-day calendar every deadline uses: the package plus the admin's overrides. */
export function loadWorkCalendar(db: Kysely<DB>): Promise<WorkCalendar> {
  const hit = kept.get(db);
  if (hit && hit.until > Date.now()) return hit.calendar;
  const calendar = repo.listOverrides(db).then((rows) => workCalendar(rows.map(toOverride)));
  kept.set(db, { until: Date.now() + KEEP_MS, calendar });
  calendar.catch(() => kept.delete(db));
  return calendar;
}

export async function calendarInfo(ctx: Ctx) {
  const overrides = (await repo.listOverrides(ctx.db)).map(toOverride);
  const calendar = workCalendar(overrides);
  const year = Number(shanghaiDate(new Date()).slice(0, 4));
  return { knownThrough: packageKnowsThrough, overrides, unknownYears: [year, year + 1].filter((y) => !calendar.knowsYear(y)) };
}

export async function deadline(ctx: Ctx, from: string, workingDays: number) {
  const calendar = await loadWorkCalendar(ctx.db);
  const end = addWorkingDays(calendar, from, workingDays);
  return { from, workingDays, deadline: end, official: calendar.knowsYear(Number(end.slice(0, 4))) };
}

export async function addOverride(ctx: Ctx, input: CalendarOverrideCreate): Promise<CalendarOverride> {
  scopeOf(ctx.actor, 'dictionaries.manage');
  return forgetCalendar(
    ctx,
    audited(ctx, async (trx) => {
      const row = toOverride(await uniquely(repo.insertOverride(trx, input), `${input.date} 已有放假安排记录，请先作废原记录`));
      return { result: row, audit: { action: 'calendar.override', entityType: 'calendar', entityId: row.id, after: row } };
    }),
  );
}

async function forgetCalendar<T>(ctx: Ctx, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    kept.delete(ctx.db);
  }
}

export async function voidOverride(ctx: Ctx, id: number, input: VoidBody): Promise<CalendarOverride> {
  scopeOf(ctx.actor, 'dictionaries.manage');
  const before = await repo.findOverride(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', '该放假安排记录不存在');
  return forgetCalendar(
    ctx,
    audited(ctx, async (trx) => {
      const row = toOverride((await voidVersioned(trx, 'calendar_overrides', id, input.version, input.reason, ctx.actor.userId)) as repo.OverrideRow);
      return { result: row, audit: { action: 'calendar.override_void', entityType: 'calendar', entityId: id, before: toOverride(before), after: { reason: input.reason } } };
    }),
  );
}
