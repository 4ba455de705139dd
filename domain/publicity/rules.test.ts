import { describe, expect, it } from 'vitest';
import { type CatalogLaw, checkLaws, findLawTitles, isRepealedOn, type KeyDateCode, keyDateReminders, keyDates, lawKey, summarise } from './rules.ts';

const law = (id: number, title: string, shortTitle: string, repealedOn: string | null = null, replacedById: number | null = null, aliases: string[] = []): CatalogLaw => ({
  id,
  title,
  shortTitle,
  aliases,
  effectiveOn: null,
  repealedOn,
  replacedById,
});
const catalog: CatalogLaw[] = [
  law(1, '中华人民共和国民法典', '民法典'),
  law(2, '中华人民共和国婚姻法', '婚姻法', '2021-01-01', 1),
  law(3, '中华人民共和国继承法', '继承法', '2021-01-01', 1),
  law(4, '中华人民共和国合同法', '合同法', '2021-01-01', 1),
  law(5, '中华人民共和国物权法', '物权法', '2021-01-01', 1),
  law(6, '中华人民共和国土地管理法', '土地管理法'),
  law(7, '中华人民共和国未成年人保护法', '未成年人保护法', null, null, ['未保法']),
  law(8, '某地方条例', '', '2020-06-30'),
];

describe('findLawTitles', () => {
  it.each<[string, string[]]>([
    ['宣传《婚姻法》《土地管理法》', ['婚姻法', '土地管理法']],
    ['重复《婚姻法》和《婚姻法》只算一次', ['婚姻法']],
    ['ASCII <<合同法>> also counts', ['合同法']],
    ['没有书名号的婚姻法不算', []],
    ['《》 empty brackets are nothing', []],
    ['《中华人民共和国民法典》婚姻家庭编', ['中华人民共和国民法典']],
    ['跨行《婚姻\n法》不算', []],
  ])('%s', (text, expected) => {
    expect(findLawTitles(text)).toEqual(expected);
  });
});

describe('lawKey (one law, however it is written)', () => {
  it.each<[string, string]>([
    ['中华人民共和国婚姻法', '婚姻法'],
    ['婚姻法', '婚姻法'],
    ['中华人民共和国 土地管理法', '土地管理法'],
    ['中华人民共和国土地管理法（2019修正）', '土地管理法'],
    ['土地管理法(2019年修正)', '土地管理法'],
  ])('%s → %s', (name, key) => {
    expect(lawKey(name)).toBe(key);
  });
});

describe('checkLaws: the repealed-law warning names the replacement', () => {
  it.each<[string, { text?: string; lawIds?: number[]; asOf: string }, string[]]>([
    ['《婚姻法》 mentioned in 2024', { text: '重点宣传《婚姻法》等法律', asOf: '2024-06-01' }, ['《婚姻法》已于 2021-01-01 废止，现行规定见《民法典》']],
    ['full title mentioned', { text: '《中华人民共和国婚姻法》', asOf: '2024-06-01' }, ['《婚姻法》已于 2021-01-01 废止，现行规定见《民法典》']],
    ['chosen from the list', { lawIds: [3], asOf: '2024-06-01' }, ['《继承法》已于 2021-01-01 废止，现行规定见《民法典》']],
    ['chosen and mentioned: one warning', { text: '《婚姻法》', lawIds: [2], asOf: '2024-06-01' }, ['《婚姻法》已于 2021-01-01 废止，现行规定见《民法典》']],
    [
      'several repealed laws',
      { text: '《合同法》《物权法》', asOf: '2021-01-01' },
      ['《合同法》已于 2021-01-01 废止，现行规定见《民法典》', '《物权法》已于 2021-01-01 废止，现行规定见《民法典》'],
    ],
    ['on the eve of the repeal the law was in force', { text: '《婚姻法》', asOf: '2020-12-31' }, []],
    ['the current law warns of nothing', { text: '《民法典》婚姻家庭编和《土地管理法》', asOf: '2024-06-01' }, []],
    ['a part of the 民法典', { text: '《民法典·婚姻家庭编》', asOf: '2024-06-01' }, []],
    ['a repealed law without a successor', { text: '《某地方条例》', asOf: '2024-01-01' }, ['《某地方条例》已于 2020-06-30 废止']],
    ['an alias', { text: '《未保法》', asOf: '2024-01-01' }, []],
  ])('%s', (_name, input, messages) => {
    expect(checkLaws(catalog, input).warnings.map((w) => w.message)).toEqual(messages);
  });

  it('tells what replaced the repealed law and how it was written', () => {
    const [w] = checkLaws(catalog, { text: '宣传《婚姻法》', asOf: '2024-06-01' }).warnings;
    expect(w).toEqual({
      lawId: 2,
      mentioned: '《婚姻法》',
      title: '中华人民共和国婚姻法',
      repealedOn: '2021-01-01',
      replacedBy: { id: 1, title: '中华人民共和国民法典', shortTitle: '民法典' },
      message: '《婚姻法》已于 2021-01-01 废止，现行规定见《民法典》',
    });
  });

  it('lists the names the catalog does not know, and the known laws once each', () => {
    const r = checkLaws(catalog, { text: '《中国共产党纪律处分条例》《土地管理法》《中华人民共和国土地管理法》', lawIds: [6], asOf: '2024-01-01' });
    expect(r.unknown).toEqual(['中国共产党纪律处分条例']);
    expect(r.known.map((l) => l.id)).toEqual([6]);
  });

  it.each<[string | null, string, boolean]>([
    [null, '2030-01-01', false],
    ['2021-01-01', '2020-12-31', false],
    ['2021-01-01', '2021-01-01', true],
    ['2021-01-01', '2024-01-01', true],
  ])('repealed on %s, asked on %s → %s', (repealedOn, date, expected) => {
    expect(isRepealedOn({ repealedOn }, date)).toBe(expected);
  });
});

describe('keyDates: 国家宪法日 (12·4) is a day inside the 宪法宣传周 (12-1..12-7)', () => {
  const byCode = (year: number) => Object.fromEntries(keyDates(year).map((k) => [k.code, [k.start, k.end]])) as Partial<Record<KeyDateCode, [string, string]>>;

  it('2024: every date of the issue', () => {
    expect(byCode(2024)).toEqual({
      consumer_rights_day: ['2024-03-15', '2024-03-15'],
      national_security_day: ['2024-04-15', '2024-04-15'],
      labour_day: ['2024-05-01', '2024-05-01'],
      civil_code_month: ['2024-05-01', '2024-05-31'],
      constitution_week: ['2024-12-01', '2024-12-07'],
      constitution_day: ['2024-12-04', '2024-12-04'],
    });
  });

  it('the day and the week are two entries, the day within the week', () => {
    const [week, day] = [keyDates(2024).find((k) => k.code === 'constitution_week'), keyDates(2024).find((k) => k.code === 'constitution_day')];
    expect(week?.name).toBe('宪法宣传周');
    expect(day?.name).toBe('12·4 国家宪法日');
    expect((day?.start ?? '') >= (week?.start ?? '') && (day?.end ?? '') <= (week?.end ?? '')).toBe(true);
  });

  it.each<[number, KeyDateCode[]]>([
    [2013, ['consumer_rights_day', 'labour_day']],
    [2014, ['consumer_rights_day', 'labour_day', 'constitution_day']],
    [2016, ['consumer_rights_day', 'national_security_day', 'labour_day', 'constitution_day']],
    [2018, ['consumer_rights_day', 'national_security_day', 'labour_day', 'constitution_week', 'constitution_day']],
    [2020, ['consumer_rights_day', 'national_security_day', 'labour_day', 'constitution_week', 'constitution_day']],
    [2021, ['consumer_rights_day', 'national_security_day', 'labour_day', 'civil_code_month', 'constitution_week', 'constitution_day']],
  ])('%i has %j (each from the year it began)', (year, codes) => {
    expect(keyDates(year).map((k) => k.code)).toEqual(codes);
  });

  it.each<[number, string]>([
    [2021, '第1个民法典宣传月'],
    [2023, '第3个民法典宣传月'],
    [2024, '第4个民法典宣传月'],
    [2025, '第5个民法典宣传月'],
  ])('%i: %s', (year, name) => {
    expect(keyDates(year).find((k) => k.code === 'civil_code_month')?.name).toBe(name);
  });
});

describe('keyDateReminders', () => {
  const states = (today: string, days = 30) => Object.fromEntries(keyDateReminders(2024, today, days).map((r) => [r.code, [r.state, r.daysUntil]]));

  it.each<[string, KeyDateCode, [string, number]]>([
    ['2024-02-01', 'consumer_rights_day', ['later', 43]],
    ['2024-02-14', 'consumer_rights_day', ['upcoming', 30]],
    ['2024-03-15', 'consumer_rights_day', ['ongoing', 0]],
    ['2024-03-16', 'consumer_rights_day', ['past', -1]],
    ['2024-05-20', 'civil_code_month', ['ongoing', -19]],
    ['2024-11-20', 'constitution_week', ['upcoming', 11]],
    ['2024-12-02', 'constitution_week', ['ongoing', -1]],
    ['2024-12-02', 'constitution_day', ['upcoming', 2]],
    ['2024-12-08', 'constitution_week', ['past', -7]],
  ])('on %s, %s is %j', (today, code, expected) => {
    expect(states(today)[code]).toEqual(expected);
  });
});

describe('summarise (the report figures)', () => {
  const e = (kind: string, audience: string, materialsCount: number, peopleReached: number, consultations = 0) => ({
    kind,
    audience,
    materialsCount,
    peopleReached,
    consultations,
  });
  it('adds up per audience and counts the 法律咨询 days', () => {
    const s = summarise([
      e('first_lesson', 'students', 520, 1036),
      e('lecture', 'villagers', 320, 210),
      e('consultation', 'villagers', 8, 21, 21),
      e('consultation', 'villagers', 6, 18, 18),
      e('theme_day', 'public', 260, 310, 12),
    ]);
    expect(s).toMatchObject({ events: 5, materials: 1114, people: 1595, consultations: 51, consultationEvents: 2, consultationPeople: 39 });
    expect(s.byAudience).toEqual([
      { audience: 'students', events: 1, materials: 520, people: 1036, consultations: 0 },
      { audience: 'villagers', events: 3, materials: 334, people: 249, consultations: 39 },
      { audience: 'public', events: 1, materials: 260, people: 310, consultations: 12 },
    ]);
    expect(summarise([])).toMatchObject({ events: 0, byKind: [], byAudience: [], consultationEvents: 0 });
  });
});
