import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearPeriod } from '../../../domain/reports/period.ts';
import type { Scope } from '../../platform/permissions.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { publicityIndicators } from './publicity.indicators.ts';

let env: TestEnv;
let admin: Session;
let coordinator: Session;
let cungb: Session;
let cungb2: Session;
let officer: Session;
let mediator: Session;
let leader: Session;
const ids = { town: 0, v1: 0, v2: 0, marriageLaw: 0, civilCode: 0, landLaw: 0 };

const event = (orgUnitId: number, extra: Record<string, unknown> = {}) => ({
  orgUnitId,
  kind: 'lecture',
  title: '普法讲座',
  heldOn: '2024-06-06',
  place: '村委会',
  organiser: '司法所',
  audience: 'villagers',
  materialsCount: 50,
  peopleReached: 40,
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnv();
  [admin, coordinator, cungb, cungb2, officer, mediator, leader] = await Promise.all(
    ['admin', 'sifasuo', 'cungb', 'cungb2', 'zhifa1', 'tiaojie', 'zhenzhang'].map((u) => login(env.app, u)),
  );
  ids.town = await unitId(env, '四棵树镇');
  ids.v1 = await unitId(env, '四棵树村');
  ids.v2 = await unitId(env, '吉尔格勒特村');
  const catalog = (await coordinator.request('GET', '/api/publicity/laws/catalog')).body.items as { id: number; shortTitle: string }[];
  const byShort = (s: string) => catalog.find((l) => l.shortTitle === s)?.id as number;
  ids.marriageLaw = byShort('婚姻法');
  ids.civilCode = byShort('民法典');
  ids.landLaw = byShort('土地管理法');
});
afterAll(async () => env?.close());

describe('the demo town’s 2024 publicity, as the report states it', () => {
  it('has the youth, rural and consultation figures', async () => {
    const res = await leader.request('GET', '/api/publicity/summary?year=2024');
    expect(res.status).toBe(200);
    const audience = (code: string) => res.body.byAudience.find((a: { audience: string }) => a.audience === code);
    expect(audience('students').materials).toBeGreaterThanOrEqual(500);
    expect(audience('students').people).toBeGreaterThanOrEqual(1000);
    expect(audience('villagers').materials).toBeGreaterThanOrEqual(1200);
    expect(res.body.consultationEvents).toBe(4);
    expect(res.body.consultationPeople).toBeGreaterThanOrEqual(80);
  });

  it('computes the same figures through the report indicators', async () => {
    const town = await env.platform.db.selectFrom('org_units').select('path').where('id', '=', ids.town).executeTakeFirstOrThrow();
    const scope: Scope = { capability: 'reports.read', paths: [town.path] };
    const value = async (id: string) => publicityIndicators.find((i) => i.id === id)?.compute(env.platform.db, scope, yearPeriod(2024));
    expect(await value('publicity.youth_materials')).toBeGreaterThanOrEqual(500);
    expect(await value('publicity.youth_students_reached')).toBeGreaterThanOrEqual(1000);
    expect(await value('publicity.rural_materials')).toBeGreaterThanOrEqual(1200);
    expect(await value('publicity.consultation_events')).toBe(4);
    expect(await value('publicity.consultation_people')).toBeGreaterThanOrEqual(80);
  });

  it('has the 开学第一课 at the town school with the court, on the 未成年人保护法', async () => {
    const res = await coordinator.request('GET', '/api/publicity/events?kind=first_lesson&year=2024');
    expect(res.body.items).toHaveLength(1);
    const lesson = res.body.items[0];
    expect(lesson).toMatchObject({ place: '四棵树镇中心学校', partner: '乌苏市人民法院', audience: 'students' });
    expect(lesson.laws.map((l: { shortTitle: string }) => l.shortTitle)).toContain('未成年人保护法');
  });

  it('groups the 3·15, 5·1 and 12·4 campaigns’ events, the 12·4 one as 国家宪法日 within the 宪法宣传周', async () => {
    const res = await coordinator.request('GET', '/api/publicity/campaigns?year=2024');
    const codes = res.body.items.map((c: { keyDate: string }) => c.keyDate);
    expect(codes).toEqual(expect.arrayContaining(['consumer_rights_day', 'labour_day', 'constitution_week']));
    expect(res.body.items.every((c: { totals: { events: number } }) => c.totals.events >= 1)).toBe(true);
    const dates = (await coordinator.request('GET', '/api/publicity/key-dates?year=2024')).body.items;
    const week = dates.find((d: { code: string }) => d.code === 'constitution_week');
    const day = dates.find((d: { code: string }) => d.code === 'constitution_day');
    expect([week.start, week.end, day.start]).toEqual(['2024-12-01', '2024-12-07', '2024-12-04']);
    expect(day.campaigns.map((c: { title: string }) => c.title)).toEqual(week.campaigns.map((c: { title: string }) => c.title));
    expect(week.campaigns).toHaveLength(1);
  });

  it('never presents 《婚姻法》 as law in force: no demo event warns', async () => {
    const res = await coordinator.request('GET', '/api/publicity/events?year=2024&pageSize=200');
    expect(res.body.total).toBeGreaterThanOrEqual(10);
    expect(res.body.items.flatMap((e: { lawWarnings: unknown[] }) => e.lawWarnings)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('《婚姻法》');
  });

  it('keeps the plan with its 谁执法谁普法 responsibility list', async () => {
    const res = await leader.request('GET', '/api/publicity/plans?year=2024');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].responsibilities.map((r: { body: string }) => r.body)).toEqual(expect.arrayContaining(['司法所', '综合执法大队', '镇中心学校']));
    expect(res.body.items[0].lawWarnings).toEqual([]);
  });
});

describe('the repealed-law warning', () => {
  it('warns when an event names 《婚姻法》 and names the 民法典 as its replacement', async () => {
    const res = await coordinator.request('POST', '/api/publicity/events', event(ids.town, { title: '《婚姻法》知识讲座', lawIds: [ids.landLaw] }));
    expect(res.status).toBe(200);
    expect(res.body.lawWarnings).toEqual([
      {
        lawId: ids.marriageLaw,
        mentioned: '《婚姻法》',
        title: '中华人民共和国婚姻法',
        repealedOn: '2021-01-01',
        replacedBy: { id: ids.civilCode, title: '中华人民共和国民法典', shortTitle: '民法典' },
        message: '《婚姻法》已于 2021-01-01 废止，现行规定见《民法典》',
      },
    ]);
  });

  it('warns when the repealed law is chosen from the catalog', async () => {
    const res = await coordinator.request('POST', '/api/publicity/events', event(ids.town, { lawIds: [ids.marriageLaw] }));
    expect(res.body.lawWarnings.map((w: { message: string }) => w.message)).toEqual(['《婚姻法》已于 2021-01-01 废止，现行规定见《民法典》']);
  });

  it('does not warn for an event held before the repeal', async () => {
    const res = await coordinator.request('POST', '/api/publicity/events', event(ids.town, { heldOn: '2020-05-20', summary: '宣讲《婚姻法》' }));
    expect(res.body.lawWarnings).toEqual([]);
  });

  it('checks any text through the API', async () => {
    const res = await cungb.request('POST', '/api/publicity/laws/check', { text: '宣传《继承法》《中华人民共和国土地管理法》和《某某办法》', asOf: '2024-01-01' });
    expect(res.status).toBe(200);
    expect(res.body.warnings.map((w: { message: string }) => w.message)).toEqual(['《继承法》已于 2021-01-01 废止，现行规定见《民法典》']);
    expect(res.body.unknown).toEqual(['某某办法']);
  });
});

describe('scope and permissions (谁执法谁普法)', () => {
  it('a village cadre records events of their village, and gets 404 for the other village', async () => {
    const mine = await cungb.request('POST', '/api/publicity/events', event(ids.v1));
    expect(mine.status).toBe(200);
    expect((await cungb.request('POST', '/api/publicity/events', event(ids.v2))).status).toBe(404);
    const theirs = (await cungb2.request('GET', '/api/publicity/events?pageSize=200')).body.items.find((e: { orgUnitId: number }) => e.orgUnitId === ids.v2);
    expect(theirs).toBeTruthy();
    expect((await cungb.request('GET', `/api/publicity/events/${theirs.id}`)).status).toBe(404);
    const patch = await cungb.request('PATCH', `/api/publicity/events/${theirs.id}`, { title: '被改了', version: theirs.version });
    expect(patch.status).toBe(404);
    expect((await cungb.request('POST', `/api/publicity/events/${theirs.id}/void`, { reason: 'x', version: theirs.version })).status).toBe(404);
    const row = await env.platform.db.selectFrom('publicity_events').selectAll().where('id', '=', theirs.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: theirs.title, version: theirs.version, voided_at: null });
    const list = (await cungb.request('GET', '/api/publicity/events?pageSize=200')).body.items;
    expect(list.every((e: { orgUnitId: number }) => e.orgUnitId === ids.v1)).toBe(true);
  });

  it('an enforcement officer publicises the law they enforce; a mediator and a leader only read', async () => {
    expect((await officer.request('POST', '/api/publicity/events', event(ids.town, { title: '以案释法：土地违法', lawIds: [ids.landLaw] }))).status).toBe(200);
    expect((await mediator.request('GET', '/api/publicity/events')).status).toBe(200);
    expect((await mediator.request('POST', '/api/publicity/events', event(ids.town))).status).toBe(403);
    expect((await leader.request('POST', '/api/publicity/events', event(ids.town))).status).toBe(403);
  });
});

describe('events: input and versions', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['no title', { title: undefined }, 'title'],
    ['a negative count', { materialsCount: -1 }, 'materialsCount'],
    ['a bad date', { heldOn: '2024/06/06' }, 'heldOn'],
    ['a kind outside the dictionary', { kind: 'karaoke' }, 'kind'],
    ['an audience outside the dictionary', { audience: 'aliens' }, 'audience'],
    ['a law not in the catalog', { lawIds: [999999] }, 'lawIds'],
  ])('refuses %s with 400 naming the field', async (_name, extra, field) => {
    const res = await coordinator.request('POST', '/api/publicity/events', event(ids.town, extra));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe(field);
  });

  it('keeps an event inside its campaign’s dates', async () => {
    const campaign = (await coordinator.request('GET', '/api/publicity/campaigns?keyDate=consumer_rights_day')).body.items[0];
    const res = await coordinator.request('POST', '/api/publicity/events', event(ids.town, { campaignId: campaign.id, heldOn: '2024-06-06' }));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('heldOn');
    expect(res.body.error.message).toContain('2024-03-11 至 2024-03-17');
  });

  it('updates with the version; a stale version is 409 and the row is unchanged', async () => {
    const created = (await coordinator.request('POST', '/api/publicity/events', event(ids.town))).body;
    const ok = await coordinator.request('PATCH', `/api/publicity/events/${created.id}`, { peopleReached: 55, version: created.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ peopleReached: 55, version: created.version + 1 });
    const stale = await coordinator.request('PATCH', `/api/publicity/events/${created.id}`, { peopleReached: 1, version: created.version });
    expect(stale.status).toBe(409);
    expect((await coordinator.request('GET', `/api/publicity/events/${created.id}`)).body.peopleReached).toBe(55);
  });

  it('refuses a campaign tied to a key date but held months away from it', async () => {
    const res = await coordinator.request('POST', '/api/publicity/campaigns', {
      orgUnitId: ids.town,
      keyDate: 'constitution_day',
      title: '宪法日',
      startsOn: '2024-06-01',
      endsOn: '2024-06-05',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('startsOn');
  });
});

describe('the law catalog', () => {
  it('the national catalog is the administrator’s; a town adds its own entries', async () => {
    const marriage = (await coordinator.request('GET', `/api/publicity/laws/${ids.marriageLaw}`)).body;
    expect(marriage).toMatchObject({ repealedOn: '2021-01-01', replacedByTitle: '中华人民共和国民法典', inForce: false, orgUnitId: null });
    expect((await coordinator.request('PATCH', `/api/publicity/laws/${ids.marriageLaw}`, { note: 'x', version: marriage.version })).status).toBe(403);
    const byAdmin = await admin.request('PATCH', `/api/publicity/laws/${ids.marriageLaw}`, { aliases: ['老婚姻法'], version: marriage.version });
    expect(byAdmin.status).toBe(200);
    const local = await coordinator.request('POST', '/api/publicity/laws', {
      orgUnitId: ids.town,
      title: '新疆维吾尔自治区实施《中华人民共和国村民委员会组织法》办法',
      category: 'local_regulation',
      issuingBody: '新疆维吾尔自治区人民代表大会常务委员会',
    });
    expect(local.status).toBe(200);
    const dup = await coordinator.request('POST', '/api/publicity/laws', { orgUnitId: ids.town, title: '中华人民共和国民法典', category: 'law', issuingBody: 'x' });
    expect(dup.status).toBe(409);
    const noDate = await coordinator.request('POST', '/api/publicity/laws', {
      orgUnitId: ids.town,
      title: '某旧办法',
      category: 'other',
      issuingBody: 'x',
      replacedById: ids.civilCode,
    });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details[0].field).toBe('repealedOn');
    expect((await cungb.request('POST', '/api/publicity/laws', { orgUnitId: ids.town, title: '村里加的', category: 'other', issuingBody: 'x' })).status).toBe(404);
  });

  it('filters repealed laws', async () => {
    const res = await coordinator.request('GET', '/api/publicity/laws?status=repealed&pageSize=50');
    expect(res.body.items.map((l: { shortTitle: string }) => l.shortTitle)).toEqual(
      expect.arrayContaining(['婚姻法', '继承法', '合同法', '物权法', '民法通则', '收养法', '担保法', '侵权责任法', '民法总则']),
    );
    expect(res.body.items.every((l: { replacedByTitle: string }) => l.replacedByTitle === '中华人民共和国民法典')).toBe(true);
  });
});

describe('plans', () => {
  it('one plan per unit and year; the responsibility list names the laws', async () => {
    const plan = (await coordinator.request('GET', '/api/publicity/plans?year=2024')).body.items[0];
    const dup = await coordinator.request('POST', '/api/publicity/plans', { orgUnitId: ids.town, year: 2024, title: '重复' });
    expect(dup.status).toBe(409);
    const added = await coordinator.request('POST', `/api/publicity/plans/${plan.id}/responsibilities`, { body: '镇卫生院', lawIds: [ids.marriageLaw], tasks: '宣传' });
    expect(added.status).toBe(200);
    expect(added.body.lawWarnings.map((w: { message: string }) => w.message)).toContain('《婚姻法》已于 2021-01-01 废止，现行规定见《民法典》');
    expect((await cungb.request('POST', `/api/publicity/plans/${plan.id}/responsibilities`, { body: 'x', lawIds: [] })).status).toBe(404);
  });
});
