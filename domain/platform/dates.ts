/** Business dates are calendar days in Asia/Shanghai ('YYYY-MM-DD'); instants are UTC. */
const shanghai = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

export const shanghaiDate = (instant: Date): string => shanghai.format(instant);

/** Calendar arithmetic on 'YYYY-MM-DD' (no time zone involved: the date is taken as a UTC calendar day). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
