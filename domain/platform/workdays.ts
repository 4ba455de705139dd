import chineseDays from 'chinese-days';
import { addDays } from './dates.ts';

/**
 * Working days (工作日) per the State Council's yearly 放假安排, with 调休 (weekend days made working days).
 * The maintained calendar package knows the years through `packageKnowsThrough`; for later years an admin enters
 * the official arrangement as overrides (date → working or not), which also win over the package.
 */
export type CalendarOverride = { date: string; isWorkday: boolean; name: string };

export const packageKnowsThrough = 2026;

export type WorkCalendar = {
  isWorkday: (date: string) => boolean;
  /** Years for which the calendar is official (package or overrides); outside them only weekends are known. */
  knowsYear: (year: number) => boolean;
  holidayName: (date: string) => string | null;
};

export function workCalendar(overrides: readonly CalendarOverride[]): WorkCalendar {
  const byDate = new Map(overrides.map((o) => [o.date, o]));
  const overriddenYears = new Set(overrides.map((o) => Number(o.date.slice(0, 4))));
  const knowsYear = (year: number) => year <= packageKnowsThrough || overriddenYears.has(year);
  return {
    knowsYear,
    isWorkday: (date) => {
      const o = byDate.get(date);
      if (o) return o.isWorkday;
      if (knowsYear(Number(date.slice(0, 4)))) return chineseDays.isWorkday(date);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
    holidayName: (date) => {
      const o = byDate.get(date);
      if (o) return o.name || null;
      const name = chineseDays.getDayDetail(date).name;
      return /,/.test(name) ? (name.split(',')[1] ?? null) : null;
    },
  };
}

/**
 * The last day of a period of `n` working days that starts the day after `from` (行政处罚法 art. 85: 期间以工作日计,
 * 开始之日不计入). n = 0 gives `from` itself.
 */
export function addWorkingDays(calendar: WorkCalendar, from: string, n: number): string {
  let date = from;
  for (let counted = 0; counted < n; ) {
    date = addDays(date, 1);
    if (calendar.isWorkday(date)) counted++;
  }
  return date;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  let count = 0;
  for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) if (calendar.isWorkday(date)) count++;
  return count;
}
