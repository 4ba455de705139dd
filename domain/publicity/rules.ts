/**
 * Rules of the publicity module (普法, DOMAIN.md §8): the law catalog and the repealed-law warning, the key dates of
 * the publicity year, and the year's figures from the events.
 */
import { addDays } from '../platform/dates.ts';

// ── Law catalog and the repealed-law warning ──────────────────────────────────────────────────────────────
export const lawCategories = ['constitution', 'law', 'administrative_regulation', 'judicial_interpretation', 'local_regulation', 'party_regulation', 'other'] as const;
export type LawCategory = (typeof lawCategories)[number];
export const lawCategoryLabels: Record<LawCategory, string> = {
  constitution: '宪法',
  law: '法律',
  administrative_regulation: '行政法规',
  judicial_interpretation: '司法解释',
  local_regulation: '地方性法规',
  party_regulation: '党内法规',
  other: '其他',
};

export type CatalogLaw = {
  id: number;
  title: string;
  shortTitle: string;
  aliases: string[];
  effectiveOn: string | null;
  repealedOn: string | null;
  replacedById: number | null;
};

export type LawWarning = {
  lawId: number;
  /** The name as written (《婚姻法》) or the catalog title when the law was chosen from the list. */
  mentioned: string;
  title: string;
  repealedOn: string;
  replacedBy: { id: number; title: string; shortTitle: string } | null;
  message: string;
};

/** Every 《…》 (or <<…>>) in the text, in order, each once. */
export function findLawTitles(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/《([^《》\n]{1,60})》|<<([^<>\n]{1,60})>>/g)) {
    const name = (m[1] ?? m[2] ?? '').trim();
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * The key a name is matched on: without spaces, without the 中华人民共和国 prefix and without a trailing edition
 * note such as （2019修正）, so 《中华人民共和国婚姻法》, 《婚姻法》 and 《婚姻法（2001修正）》 are one law.
 */
export function lawKey(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/^中华人民共和国/, '')
    .replace(/[（(][^（）()]*[）)]$/, '')
    .replace(/^中华人民共和国/, '');
}

export function lawIndex(catalog: readonly CatalogLaw[]): Map<string, CatalogLaw> {
  const index = new Map<string, CatalogLaw>();
  for (const law of catalog) for (const name of [law.title, law.shortTitle, ...law.aliases]) if (name) index.set(lawKey(name), law);
  return index;
}

/** A law is repealed on a date when its repeal took effect on or before that date. */
export const isRepealedOn = (law: Pick<CatalogLaw, 'repealedOn'>, date: string): boolean => law.repealedOn !== null && law.repealedOn <= date;

function warningFor(law: CatalogLaw, mentioned: string, catalog: readonly CatalogLaw[]): LawWarning {
  const replacement = law.replacedById === null ? undefined : catalog.find((l) => l.id === law.replacedById);
  const shown = `《${law.shortTitle || lawKey(law.title)}》`;
  const message = replacement ? `${shown}已于 ${law.repealedOn} 废止，现行规定见《${replacement.shortTitle || lawKey(replacement.title)}》` : `${shown}已于 ${law.repealedOn} 废止`;
  return {
    lawId: law.id,
    mentioned,
    title: law.title,
    repealedOn: law.repealedOn as string,
    replacedBy: replacement ? { id: replacement.id, title: replacement.title, shortTitle: replacement.shortTitle } : null,
    message,
  };
}

export type LawCheck = { known: CatalogLaw[]; unknown: string[]; warnings: LawWarning[] };

/**
 * What an event (or any text) says about the law: the catalog laws chosen (`lawIds`) or named in 《…》 in the text,
 * the names the catalog does not know, and a warning for each law already repealed on `asOf` naming what replaced
 * it (民法典 art. 1260: 《婚姻法》《继承法》《合同法》… repealed on 2021-01-01).
 */
export function checkLaws(catalog: readonly CatalogLaw[], input: { text?: string; lawIds?: readonly number[]; asOf: string }): LawCheck {
  const index = lawIndex(catalog);
  const known: CatalogLaw[] = [];
  const unknown: string[] = [];
  const warnings: LawWarning[] = [];
  const take = (law: CatalogLaw, mentioned: string) => {
    if (known.some((k) => k.id === law.id)) return;
    known.push(law);
    if (isRepealedOn(law, input.asOf)) warnings.push(warningFor(law, mentioned, catalog));
  };
  for (const id of input.lawIds ?? []) {
    const law = catalog.find((l) => l.id === id);
    if (law) take(law, `《${law.shortTitle || lawKey(law.title)}》`);
  }
  for (const name of findLawTitles(input.text ?? '')) {
    // 《民法典·婚姻家庭编》 names a part of 《民法典》.
    const law = index.get(lawKey(name)) ?? index.get(lawKey(name.split(/[·・]/)[0] ?? ''));
    if (law) take(law, `《${name}》`);
    else if (!unknown.includes(name)) unknown.push(name);
  }
  return { known, unknown, warnings };
}

// ── Key dates of the publicity year ───────────────────────────────────────────────────────────────────────
export type KeyDateCode = 'consumer_rights_day' | 'national_security_day' | 'labour_day' | 'civil_code_month' | 'constitution_week' | 'constitution_day';
export type KeyDate = { code: KeyDateCode; name: string; start: string; end: string; basis: string };

const keyDateLabels: Record<KeyDateCode, string> = {
  consumer_rights_day: '3·15 国际消费者权益日',
  national_security_day: '4·15 全民国家安全教育日',
  labour_day: '5·1 国际劳动节',
  civil_code_month: '民法典宣传月',
  constitution_week: '宪法宣传周',
  constitution_day: '12·4 国家宪法日',
};
export const keyDateCodes = Object.keys(keyDateLabels) as KeyDateCode[];
export const keyDateLabel = (code: string): string => keyDateLabels[code as KeyDateCode] ?? code;

/**
 * The year's key dates (DOMAIN.md §8), in calendar order. 12·4 国家宪法日 (from 2014) and the 宪法宣传周 of 1–7
 * December (from 2018) are two things: the day lies inside the week. 4·15 from 2016 (国家安全法 art 14, 2015); the
 * 民法典宣传月 every May from 2021 (2024 was the fourth).
 */
export function keyDates(year: number): KeyDate[] {
  const d = (md: string) => `${year}-${md}`;
  const out: KeyDate[] = [
    { code: 'consumer_rights_day', name: keyDateLabels.consumer_rights_day, start: d('03-15'), end: d('03-15'), basis: '国际消费者联盟组织1983年确定（非法定节日）' },
  ];
  if (year >= 2016) out.push({ code: 'national_security_day', name: keyDateLabels.national_security_day, start: d('04-15'), end: d('04-15'), basis: '《国家安全法》第十四条' });
  out.push({ code: 'labour_day', name: keyDateLabels.labour_day, start: d('05-01'), end: d('05-01'), basis: '法定节日' });
  if (year >= 2021) {
    out.push({
      code: 'civil_code_month',
      name: `第${year - 2020}个${keyDateLabels.civil_code_month}`,
      start: d('05-01'),
      end: d('05-31'),
      basis: '中宣部、司法部、全国普法办年度方案',
    });
  }
  if (year >= 2018) out.push({ code: 'constitution_week', name: keyDateLabels.constitution_week, start: d('12-01'), end: d('12-07'), basis: '2018年起每年12月1日至7日' });
  if (year >= 2014) out.push({ code: 'constitution_day', name: keyDateLabels.constitution_day, start: d('12-04'), end: d('12-04'), basis: '全国人大常委会2014年11月1日决定设立' });
  return out;
}

export type KeyDateReminder = KeyDate & { daysUntil: number; state: 'upcoming' | 'ongoing' | 'past' | 'later' };

/** Default days of warning before a key date. */
export const KEY_DATE_REMINDER_DAYS = 30;

const dayDiff = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Where `today` stands to each key date of `year`: ongoing, upcoming within `daysAhead` days, past, or later. */
export function keyDateReminders(year: number, today: string, daysAhead = KEY_DATE_REMINDER_DAYS): KeyDateReminder[] {
  return keyDates(year).map((k) => {
    const state = today > k.end ? 'past' : today >= k.start ? 'ongoing' : today >= addDays(k.start, -daysAhead) ? 'upcoming' : 'later';
    return { ...k, daysUntil: dayDiff(today, k.start), state };
  });
}

// ── Events and the year's figures ─────────────────────────────────────────────────────────────────────────
/** Event kinds and audience groups are dictionaries (`publicity.event_kind`, `publicity.audience`); these are their defaults. */
export const defaultEventKinds = [
  { code: 'lecture', label: '讲座' },
  { code: 'consultation', label: '法律咨询' },
  { code: 'theme_day', label: '宣传日活动' },
  { code: 'first_lesson', label: '开学第一课' },
  { code: 'performance', label: '文艺演出' },
  { code: 'online', label: '线上/短视频' },
  { code: 'other', label: '其他' },
] as const;
export const defaultAudiences = [
  { code: 'students', label: '学生' },
  { code: 'villagers', label: '村民' },
  { code: 'cadres', label: '干部' },
  { code: 'enterprises', label: '企业' },
  { code: 'public', label: '社会公众' },
  { code: 'other', label: '其他' },
] as const;
/** The kind whose events count as 法律咨询活动 in the report. */
export const CONSULTATION_KIND = 'consultation';

export type EventFigures = { kind: string; audience: string; materialsCount: number; peopleReached: number; consultations: number };
export type Totals = { events: number; materials: number; people: number; consultations: number };
export type PublicitySummaryFigures = Totals & {
  byKind: (Totals & { kind: string })[];
  byAudience: (Totals & { audience: string })[];
  consultationEvents: number;
  consultationPeople: number;
};

const totalsOf = (events: readonly EventFigures[]): Totals => ({
  events: events.length,
  materials: events.reduce((s, e) => s + e.materialsCount, 0),
  people: events.reduce((s, e) => s + e.peopleReached, 0),
  consultations: events.reduce((s, e) => s + e.consultations, 0),
});

/** The year's figures as the report states them: per kind and per audience, and the 法律咨询 days and people. */
export function summarise(events: readonly EventFigures[]): PublicitySummaryFigures {
  const kinds = [...new Set(events.map((e) => e.kind))];
  const audiences = [...new Set(events.map((e) => e.audience))];
  const consultationDays = events.filter((e) => e.kind === CONSULTATION_KIND);
  return {
    ...totalsOf(events),
    byKind: kinds.map((kind) => ({ kind, ...totalsOf(events.filter((e) => e.kind === kind)) })),
    byAudience: audiences.map((audience) => ({ audience, ...totalsOf(events.filter((e) => e.audience === audience)) })),
    consultationEvents: consultationDays.length,
    consultationPeople: consultationDays.reduce((s, e) => s + e.consultations, 0),
  };
}
