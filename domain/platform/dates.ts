/** Business dates are calendar days in Asia/Shanghai ('YYYY-MM-DD'); instants are UTC. */
const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const shanghaiDate = (instant: Date): string => shanghai.format(instant);
const shanghaiTime = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium' });
/** An instant as Beijing time, 2024-03-05 14:30:00. */
export const shanghaiDateTime = (instant: Date): string => shanghaiTime.format(instant);

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved: the date is taken as a UTC calendar day). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A period of months (民法典 arts 201–203): it ends on the corresponding day of the last month, or on that month's
 * last day when there is no corresponding day (08-31 + 6 months → 02-28/29).
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
