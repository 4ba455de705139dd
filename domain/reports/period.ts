/** The period an indicator covers: a calendar year of business dates ('YYYY-MM-DD', Asia/Shanghai). */
export type Period = { year: number; from: string; to: string };

export const yearPeriod = (year: number): Period => ({ year, from: `${year}-01-01`, to: `${year}-12-31` });

/** A date inside the period (inclusive at both ends). */
export const inPeriod = (date: string, p: Period): boolean => date >= p.from && date <= p.to;

/** Month `m` (1–12) of a year as a period: the last day is the month's own (28–31). */
export function monthPeriod(year: number, m: number): Period {
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { year, from: `${year}-${mm}-01`, to: `${year}-${mm}-${last}` };
}

/** The twelve months of a year, January first. */
export const monthsOf = (year: number): Period[] => Array.from({ length: 12 }, (_, i) => monthPeriod(year, i + 1));
