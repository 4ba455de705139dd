/** The period an indicator covers: a calendar year of business dates ('YYYY-MM-DD', Asia/Shanghai). */
export type Period = { year: number; from: string; to: string };

export const yearPeriod = (year: number): Period => ({ year, from: `${year}-01-01`, to: `${year}-12-31` });

/** A date inside the period (inclusive at both ends). */
export const inPeriod = (date: string, p: Period): boolean => date >= p.from && date <= p.to;
