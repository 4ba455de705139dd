/** Business dates travel as 'YYYY-MM-DD' (Asia/Shanghai); instants as ISO strings shown in Asia/Shanghai time. */
import dayjs, { type Dayjs } from 'dayjs';

const TIME_ZONE = 'Asia/Shanghai';

const instantParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  return Object.fromEntries(instantParts.formatToParts(date).map((p) => [p.type, p.value]));
}

/** '2024-03-05 14:07:09' in Beijing time, whatever the browser's own zone. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const p = partsOf(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** Today's date in the township (a browser abroad or on UTC would otherwise be a day off around midnight). */
export function todayString(): string {
  const p = partsOf(new Date());
  return `${p.year}-${p.month}-${p.day}`;
}

export const toDateString = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

export const toDayjs = (s: string | null | undefined): Dayjs | undefined => (s ? dayjs(s) : undefined);

/** '2024-01-01 至 今' — a period whose end may still be open. */
export const formatPeriod = (from: string, to: string | null): string => `${from} 至 ${to ?? '今'}`;
