import { type Kysely, sql } from 'kysely';

// Frozen in time: never import app code here.
const versioned = sql.raw(`
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      voided_at timestamptz,
      voided_by integer,
      void_reason text`);

const dictionary: [kind: string, code: string, label: string][] = [
  ['publicity.event_kind', 'lecture', '讲座'],
  ['publicity.event_kind', 'consultation', '法律咨询'],
  ['publicity.event_kind', 'theme_day', '宣传日活动'],
  ['publicity.event_kind', 'first_lesson', '开学第一课'],
  ['publicity.event_kind', 'performance', '文艺演出'],
  ['publicity.event_kind', 'online', '线上/短视频'],
  ['publicity.event_kind', 'other', '其他'],
  ['publicity.audience', 'students', '学生'],
  ['publicity.audience', 'villagers', '村民'],
  ['publicity.audience', 'cadres', '干部'],
  ['publicity.audience', 'enterprises', '企业'],
  ['publicity.audience', 'public', '社会公众'],
  ['publicity.audience', 'other', '其他'],
];

type SeedLaw = { title: string; short: string; category: string; body: string; effective: string | null; repealed?: string; replacedBy?: string; note?: string };
const NPC = '全国人民代表大会';
const NPCSC = '全国人民代表大会常务委员会';
const CIVIL_CODE_REPEAL = '《民法典》第一千二百六十条：自2021年1月1日起废止';

/** The laws the seed report names, those its campaigns and responsibility list need, and the laws 民法典 art. 1260 repealed. */
const laws: SeedLaw[] = [
  { title: '中华人民共和国宪法', short: '宪法', category: 'constitution', body: NPC, effective: '1982-12-04', note: '2018年3月11日第五次修正' },
  {
    title: '中华人民共和国民法典',
    short: '民法典',
    category: 'law',
    body: NPC,
    effective: '2021-01-01',
    note: '2020年5月28日通过。第一千二百六十条：婚姻法、继承法、民法通则、收养法、担保法、合同法、物权法、侵权责任法、民法总则同时废止',
  },
  { title: '中华人民共和国未成年人保护法', short: '未成年人保护法', category: 'law', body: NPCSC, effective: '1992-01-01', note: '2020年修订，2021年6月1日起施行' },
  { title: '中华人民共和国预防未成年人犯罪法', short: '预防未成年人犯罪法', category: 'law', body: NPCSC, effective: '1999-11-01', note: '2020年修订，2021年6月1日起施行' },
  { title: '中华人民共和国土地管理法', short: '土地管理法', category: 'law', body: NPCSC, effective: '1987-01-01', note: '2019年修正，2020年1月1日起施行' },
  { title: '中华人民共和国农村土地承包法', short: '农村土地承包法', category: 'law', body: NPCSC, effective: '2003-03-01', note: '2018年修正，2019年1月1日起施行' },
  { title: '中华人民共和国消费者权益保护法', short: '消费者权益保护法', category: 'law', body: NPCSC, effective: '1994-01-01', note: '2013年修正，2014年3月15日起施行' },
  { title: '中华人民共和国劳动法', short: '劳动法', category: 'law', body: NPCSC, effective: '1995-01-01' },
  { title: '中华人民共和国劳动合同法', short: '劳动合同法', category: 'law', body: NPCSC, effective: '2008-01-01' },
  { title: '中华人民共和国国家安全法', short: '国家安全法', category: 'law', body: NPCSC, effective: '2015-07-01', note: '第十四条：每年4月15日为全民国家安全教育日' },
  { title: '中华人民共和国行政处罚法', short: '行政处罚法', category: 'law', body: NPC, effective: '1996-10-01', note: '2021年1月22日修订，2021年7月15日起施行' },
  { title: '中华人民共和国行政诉讼法', short: '行政诉讼法', category: 'law', body: NPC, effective: '1990-10-01', note: '2017年6月27日修正' },
  { title: '中华人民共和国行政复议法', short: '行政复议法', category: 'law', body: NPCSC, effective: '1999-10-01', note: '2023年修订，2024年1月1日起施行' },
  { title: '中华人民共和国人民调解法', short: '人民调解法', category: 'law', body: NPCSC, effective: '2011-01-01' },
  { title: '中华人民共和国村民委员会组织法', short: '村民委员会组织法', category: 'law', body: NPCSC, effective: '1998-11-04', note: '2018年12月29日修正' },
  { title: '中华人民共和国反有组织犯罪法', short: '反有组织犯罪法', category: 'law', body: NPCSC, effective: '2022-05-01' },
  { title: '中华人民共和国反电信网络诈骗法', short: '反电信网络诈骗法', category: 'law', body: NPCSC, effective: '2022-12-01' },
  { title: '中华人民共和国治安管理处罚法', short: '治安管理处罚法', category: 'law', body: NPCSC, effective: '2006-03-01' },
  { title: '中国共产党纪律处分条例', short: '纪律处分条例', category: 'party_regulation', body: '中共中央', effective: '2024-01-01', note: '2023年12月修订' },
  {
    title: '中华人民共和国婚姻法',
    short: '婚姻法',
    category: 'law',
    body: NPC,
    effective: '1981-01-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
  {
    title: '中华人民共和国继承法',
    short: '继承法',
    category: 'law',
    body: NPC,
    effective: '1985-10-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
  {
    title: '中华人民共和国民法通则',
    short: '民法通则',
    category: 'law',
    body: NPC,
    effective: '1987-01-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
  {
    title: '中华人民共和国收养法',
    short: '收养法',
    category: 'law',
    body: NPCSC,
    effective: '1992-04-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
  {
    title: '中华人民共和国担保法',
    short: '担保法',
    category: 'law',
    body: NPCSC,
    effective: '1995-10-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
  {
    title: '中华人民共和国合同法',
    short: '合同法',
    category: 'law',
    body: NPC,
    effective: '1999-10-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
  {
    title: '中华人民共和国物权法',
    short: '物权法',
    category: 'law',
    body: NPC,
    effective: '2007-10-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
  {
    title: '中华人民共和国侵权责任法',
    short: '侵权责任法',
    category: 'law',
    body: NPCSC,
    effective: '2010-07-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
  {
    title: '中华人民共和国民法总则',
    short: '民法总则',
    category: 'law',
    body: NPC,
    effective: '2017-10-01',
    repealed: '2021-01-01',
    replacedBy: '中华人民共和国民法典',
    note: CIVIL_CODE_REPEAL,
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table publicity_laws (
      id integer generated by default as identity primary key,
      org_unit_id integer references org_units(id),
      title text not null,
      short_title text not null default '',
      aliases text[] not null default '{}',
      category text not null check (category in ('constitution','law','administrative_regulation','judicial_interpretation','local_regulation','party_regulation','other')),
      issuing_body text not null,
      effective_on date,
      repealed_on date,
      replaced_by_id integer references publicity_laws(id),
      note text not null default '',
      ${versioned},
      check (replaced_by_id is null or repealed_on is not null),
      check (replaced_by_id is null or replaced_by_id <> id)
    );
    create unique index publicity_laws_title on publicity_laws (title) where voided_at is null;

    create table publicity_plans (
      id integer generated by default as identity primary key,
      org_unit_id integer not null references org_units(id),
      year integer not null check (year between 2000 and 2100),
      title text not null,
      content text not null default '',
      ${versioned}
    );
    create unique index publicity_plans_year on publicity_plans (org_unit_id, year) where voided_at is null;

    create table publicity_responsibilities (
      id integer generated by default as identity primary key,
      plan_id integer not null references publicity_plans(id),
      org_unit_id integer not null references org_units(id),
      body text not null,
      unit_id integer references org_units(id),
      law_ids integer[] not null default '{}',
      tasks text not null default '',
      audience text not null default '',
      ${versioned}
    );
    create index publicity_responsibilities_plan on publicity_responsibilities (plan_id);

    create table publicity_campaigns (
      id integer generated by default as identity primary key,
      org_unit_id integer not null references org_units(id),
      year integer not null check (year between 2000 and 2100),
      key_date text,
      title text not null,
      starts_on date not null,
      ends_on date not null,
      theme text not null default '',
      description text not null default '',
      ${versioned},
      check (ends_on >= starts_on)
    );
    create index publicity_campaigns_org on publicity_campaigns (org_unit_id, year);

    create table publicity_events (
      id integer generated by default as identity primary key,
      org_unit_id integer not null references org_units(id),
      campaign_id integer references publicity_campaigns(id),
      kind text not null,
      title text not null,
      held_on date not null,
      place text not null,
      organiser text not null,
      partner text not null default '',
      audience text not null,
      law_ids integer[] not null default '{}',
      materials text not null default '',
      materials_count integer not null default 0 check (materials_count >= 0),
      people_reached integer not null default 0 check (people_reached >= 0),
      consultations integer not null default 0 check (consultations >= 0),
      summary text not null default '',
      ${versioned}
    );
    create index publicity_events_org on publicity_events (org_unit_id, held_on);
    create index publicity_events_campaign on publicity_events (campaign_id);
  `.execute(db);

  for (const [i, [kind, code, label]] of dictionary.entries()) {
    await sql`insert into dictionaries (kind, code, label, sort_order) values (${kind}, ${code}, ${label}, ${(i + 1) * 10}) on conflict (kind, code) do nothing`.execute(db);
  }
  for (const l of laws) {
    await sql`
      insert into publicity_laws (title, short_title, category, issuing_body, effective_on, repealed_on, replaced_by_id, note)
      values (${l.title}, ${l.short}, ${l.category}, ${l.body}, ${l.effective}, ${l.repealed ?? null},
              (select id from publicity_laws where title = ${l.replacedBy ?? ''} and voided_at is null), ${l.note ?? ''})
    `.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table publicity_events, publicity_campaigns, publicity_responsibilities, publicity_plans, publicity_laws cascade`.execute(db);
  await sql`delete from dictionaries where kind like 'publicity.%'`.execute(db);
}
