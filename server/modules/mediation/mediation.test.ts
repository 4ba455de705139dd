import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../../domain/platform/dates.ts';
import { yearPeriod } from '../../../domain/reports/period.ts';
import { scopeOf } from '../../platform/permissions.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { mediationIndicators } from './mediation.indicators.ts';

let env: TestEnv;
let tiaojie: Session;
let sifasuo: Session;
let shuji: Session;
let cungb: Session;
const ids = { town: 0, v1: 0, v2: 0 };
const today = shanghaiDate(new Date());

const person = (role: 'applicant' | 'respondent', name: string, idNumber: string, phone: string) => ({ kind: 'person', role, name, gender: 'male', idNumber, phone });
const registration = (over: Record<string, unknown> = {}) => ({
  orgUnitId: ids.v1,
  registeredOn: addDays(today, -10),
  source: 'application',
  typeCode: 'house_homestead',
  summary: '阿布都与马建军因宅基地界址发生纠纷（测试）',
  amount: '1500.50',
  parties: [person('applicant', '阿布都·测试', '65420219800101123X', '13912345678'), person('respondent', '马建军·测试', '654202198502022345', '15899998888')],
  ...over,
});

async function register(s: Session = tiaojie, over: Record<string, unknown> = {}) {
  const res = await s.request('POST', '/api/mediation/disputes', registration(over));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function mediatorsOf(committeeId: number): Promise<{ id: number; name: string }[]> {
  return (await tiaojie.request('GET', `/api/mediation/committees/${committeeId}`)).body.members;
}

async function accepted(over: Record<string, unknown> = {}) {
  const d = await register(tiaojie, over);
  const [m] = await mediatorsOf(d.committeeId);
  const res = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/accept`, { acceptedOn: d.registeredOn, mediatorIds: [m?.id], version: d.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The text of one file inside a .docx/.xlsx (a zip), read through its central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  const entries = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    if (zip.toString('utf8', p + 46, p + 46 + nameLen) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  throw new Error(`${name} not in zip`);
}

beforeAll(async () => {
  env = await createTestEnv();
  [tiaojie, sifasuo, shuji, cungb] = await Promise.all(['tiaojie', 'sifasuo', 'shuji', 'cungb'].map((u) => login(env.app, u)));
  ids.town = await unitId(env, '四棵树镇');
  ids.v1 = await unitId(env, '四棵树村');
  ids.v2 = await unitId(env, '吉尔格勒特村');
});
afterAll(async () => env?.close());

describe('the demo town’s 2024 figures, computed from the records', () => {
  it('65 disputes mediated, 61 successful: 93.8 % (the report’s "93%" was truncated)', async () => {
    const res = await shuji.request('GET', '/api/mediation/statistics?year=2024');
    expect(res.status).toBe(200);
    expect(res.body.total).toMatchObject({ registered: 65, closed: 65, succeeded: 61, rate: 93.8 });
    expect(res.body.total.failed + res.body.total.terminated).toBe(4);
    const sum = (rows: { closed: number; succeeded: number }[]) => rows.reduce((a, r) => [a[0] + r.closed, a[1] + r.succeeded], [0, 0]);
    for (const key of ['byLevel', 'byUnit', 'byType', 'byMonth'] as const) expect(sum(res.body[key]), key).toEqual([65, 61]);
    expect(res.body.byMonth).toHaveLength(12);
    expect(res.body.byMonth.every((m: { registered: number }) => m.registered > 0)).toBe(true);
    expect(res.body.byLevel.map((l: { label: string }) => l.label)).toEqual(['镇级人民调解委员会', '村级人民调解委员会']);
    expect(res.body.byUnit.map((u: { label: string }) => u.label)).toEqual(['四棵树镇', '四棵树村', '吉尔格勒特村', '夹河子村', '黄渠村', '高泉村']);
    expect(res.body.byType.length).toBeGreaterThanOrEqual(8);
  });

  it('the same figures straight from the disputes table (no stored totals)', async () => {
    const rows = await env.platform.db
      .selectFrom('disputes')
      .select(['status'])
      .where('closed_on', '>=', '2024-01-01')
      .where('closed_on', '<=', '2024-12-31')
      .where('voided_at', 'is', null)
      .execute();
    expect(rows).toHaveLength(65);
    expect(rows.filter((r) => r.status === 'succeeded')).toHaveLength(61);
  });

  it('as indicators for the annual report, with the records behind them', async () => {
    const scope = scopeOf({ grants: [{ role: 'supervisor', orgUnitId: 1, path: '/' }] } as never, 'mediation.read');
    const values = Object.fromEntries(await Promise.all(mediationIndicators.map(async (i) => [i.id, await i.compute(env.platform.db, scope, yearPeriod(2024))])));
    expect(values).toMatchObject({ 'mediation.disputes': 65, 'mediation.disputes_resolved': 61, 'mediation.success_rate': 93.8, 'mediation.committees': 6 });
    const records = await mediationIndicators.find((i) => i.id === 'mediation.disputes_resolved')?.records?.(env.platform.db, scope, yearPeriod(2024));
    expect(records).toHaveLength(61);
    expect(records?.[0]).toMatchObject({ entityType: 'dispute' });
  });

  it('committees at town and village level, 3–9 members each, with women members and training records', async () => {
    const res = await sifasuo.request('GET', '/api/mediation/committees');
    expect(res.body.items).toHaveLength(6);
    for (const c of res.body.items) {
      expect(c.memberCount).toBeGreaterThanOrEqual(3);
      expect(c.memberCount).toBeLessThanOrEqual(9);
      expect(c.womenCount).toBeGreaterThan(0);
      expect(c.warnings).toEqual([]);
    }
    expect(res.body.items.map((c: { level: string }) => c.level).sort()).toEqual(['town', 'village', 'village', 'village', 'village', 'village']);
    const town = res.body.items.find((c: { level: string }) => c.level === 'town');
    expect(town.termStart).toBe('2024-03-01');
    expect(town.termEnd).toBe('2027-02-28');
    expect(town.members.find((m: { name: string }) => m.name === '古丽娜尔').trainings[0].title).toContain('业务培训');
  });

  it('open disputes for the overdue and due-this-week views and reminders', async () => {
    const overdue = await tiaojie.request('GET', '/api/mediation/disputes?overdue=true');
    expect(overdue.body.total).toBe(3);
    expect(overdue.body.items.every((d: { overdue: boolean; dueOn: string }) => d.overdue && d.dueOn < today)).toBe(true);
    const week = await tiaojie.request('GET', '/api/mediation/disputes?dueThisWeek=true');
    expect(week.body.total).toBe(1);
    expect(week.body.items[0].dueThisWeek).toBe(true);
    const judicial = await tiaojie.request('GET', '/api/mediation/disputes?judicialDue=true');
    expect(judicial.body.total).toBe(1);
    expect(judicial.body.items[0].judicial.window).toBe('closing');
    const reminders = await tiaojie.request('GET', '/api/mediation/reminders');
    expect(reminders.body).toMatchObject({ overdue: 3, dueThisWeek: 1, judicialDue: 1 });
  });
});

describe('a dispute from intake to 司法确认', () => {
  it('registers, accepts, records a session, closes with a written agreement, prints it, follows up and records 司法确认', async () => {
    const d = await register();
    expect(d).toMatchObject({ status: 'registered', orgUnitName: '四棵树村', committeeName: '四棵树村人民调解委员会', amount: '1500.50', canWrite: true });
    expect(d.number).toMatch(new RegExp(`^${today.slice(0, 4)}-\\d{4}$`));
    const [m1, m2] = await mediatorsOf(d.committeeId);
    const a = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/accept`, { acceptedOn: addDays(today, -9), mediatorIds: [m1?.id, m2?.id], version: d.version });
    expect(a.body).toMatchObject({ status: 'mediating', acceptedOn: addDays(today, -9), dueOn: addDays(today, 21) });
    expect(a.body.mediators.map((m: { name: string }) => m.name)).toEqual([m1?.name, m2?.name]);
    const s = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/sessions`, {
      heldOn: addDays(today, -8),
      place: '四棵树村村委会',
      mediators: [m1?.name],
      attendees: ['阿布都·测试', '马建军·测试'],
      record: '听取双方陈述，释法明理。',
      version: a.body.version,
    });
    expect(s.status).toBe(200);
    expect(s.body.sessions).toHaveLength(1);
    const c = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/close`, {
      closedOn: addDays(today, -7),
      outcome: 'succeeded',
      agreementKind: 'written',
      facts: '马建军翻建院墙超出原界址约0.5米。',
      responsibilities: '马建军应承担主要责任。',
      terms: '一、马建军将院墙后移0.5米；\n二、费用由马建军承担。',
      performanceMethod: '自行拆除重建',
      performanceDeadline: '协议签订后三十日内',
      version: s.body.version,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body).toMatchObject({ status: 'succeeded', closedOn: addDays(today, -7), agreement: { kind: 'written', effectiveOn: addDays(today, -7) } });
    expect(c.body.judicial.deadline >= addDays(today, 23)).toBe(true);

    const docx = await env.app.inject({ method: 'GET', url: `/api/mediation/disputes/${d.id}/agreement.docx`, headers: { cookie: tiaojie.cookie } });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(decodeURIComponent(String(docx.headers['content-disposition']))).toContain(`人民调解协议书_${d.number}.docx`);
    const xml = zipEntry(docx.rawPayload, 'word/document.xml');
    for (const text of [
      '人民调解协议书',
      '当事人的基本情况',
      '65420219800101123X',
      '马建军翻建院墙',
      '各方当事人的责任',
      '马建军将院墙后移',
      '协议签订后三十日内',
      '签名、盖章或按指印',
      '人民调解员（签名）',
      '四棵树村人民调解委员会（印章）',
    ]) {
      expect(xml, text).toContain(text);
    }

    const f = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/follow-ups`, {
      followedOn: addDays(today, -2),
      method: 'visit',
      performance: 'performed',
      note: '院墙已后移',
      version: c.body.version,
    });
    expect(f.body.followUps).toHaveLength(1);
    const j = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/judicial`, {
      appliedOn: addDays(today, -1),
      court: '乌苏市人民法院',
      jointly: true,
      version: f.body.version,
    });
    expect(j.body.judicial).toMatchObject({ appliedOn: addDays(today, -1), result: 'pending' });
    const r = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/judicial/result`, { result: 'confirmed', resultOn: today, version: j.body.version });
    expect(r.body.judicial).toMatchObject({ result: 'confirmed', resultOn: today });

    const trail = await env.platform.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'dispute')
      .where('entity_id', '=', String(d.id))
      .orderBy('id')
      .execute();
    expect(trail.map((t) => t.action)).toEqual([
      'mediation.dispute_register',
      'mediation.dispute_accept',
      'mediation.dispute_session',
      'mediation.dispute_close',
      'mediation.agreement_print',
      'mediation.dispute_follow_up',
      'mediation.dispute_judicial_apply',
      'mediation.dispute_judicial_result',
    ]);
    // The trail names the parties but never carries their identifiers.
    expect(JSON.stringify(trail)).not.toContain('65420219800101123X');
    expect(JSON.stringify(trail)).not.toContain('13912345678');
  });

  it('a refusal is kept with its reason, and the dispute can then not be mediated (art 17)', async () => {
    const d = await register();
    const r = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/refuse`, {
      refusedOn: addDays(today, -9),
      refusingParty: '马建军·测试',
      reason: '表示将直接向法院起诉',
      version: d.version,
    });
    expect(r.body).toMatchObject({ status: 'refused', refusingParty: '马建军·测试', refusalReason: '表示将直接向法院起诉' });
    for (const [url, body] of [
      ['accept', { acceptedOn: today, mediatorIds: [1], version: r.body.version }],
      ['sessions', { heldOn: today, place: '村委会', mediators: ['某人'], record: '记录', version: r.body.version }],
      ['close', { closedOn: today, outcome: 'succeeded', agreementKind: 'oral', terms: '和解', version: r.body.version }],
    ] as const) {
      const res = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/${url}`, body);
      expect(res.status, url).toBe(409);
      expect(res.body.error.code).toBe('MEDIATION_RULE');
      expect(res.body.error.message).toContain('《人民调解法》第十七条');
    }
  });
});

describe('refused steps answer 409 and cite the article', () => {
  it('closing as 调解不成 without telling the parties of other channels (art 26)', async () => {
    const d = await accepted();
    const res = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/close`, { closedOn: today, outcome: 'failed', version: d.version });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('《人民调解法》第二十六条');
    expect(res.body.error.details[0].field).toBe('otherChannels');
    const ok = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/close`, { closedOn: today, outcome: 'failed', otherChannels: ['litigation'], version: d.version });
    expect(ok.body).toMatchObject({ status: 'failed', otherChannels: ['litigation'], agreement: null });
    const follow = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/follow-ups`, {
      followedOn: today,
      method: 'phone',
      performance: 'performed',
      version: ok.body.version,
    });
    expect(follow.status).toBe(409);
    expect(follow.body.error.message).toContain('第三十一条');
  });

  it('an oral agreement without its recorded content (art 28), and 司法确认 of an oral agreement', async () => {
    const d = await accepted();
    const bare = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/close`, { closedOn: today, outcome: 'succeeded', agreementKind: 'oral', version: d.version });
    expect(bare.status).toBe(409);
    expect(bare.body.error.message).toContain('第二十八条');
    const oral = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/close`, {
      closedOn: today,
      outcome: 'succeeded',
      agreementKind: 'oral',
      terms: '双方互相道歉',
      version: d.version,
    });
    expect(oral.status).toBe(200);
    const j = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/judicial`, { appliedOn: today, court: '乌苏市人民法院', jointly: true, version: oral.body.version });
    expect(j.status).toBe(409);
    expect(j.body.error.message).toContain('第三十三条');
    const doc = await env.app.inject({ method: 'GET', url: `/api/mediation/disputes/${d.id}/agreement.docx`, headers: { cookie: tiaojie.cookie } });
    expect(doc.statusCode).toBe(409);
  });

  it('司法确认 after the 30 days, or applied for by one party alone (art 33)', async () => {
    const d = await accepted({ registeredOn: addDays(today, -60) });
    const closed = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/close`, {
      closedOn: addDays(today, -45),
      outcome: 'succeeded',
      agreementKind: 'written',
      terms: '赔偿1000元',
      version: d.version,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.judicial.window).toBe('closed');
    const late = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/judicial`, {
      appliedOn: addDays(today, -5),
      court: '乌苏市人民法院',
      jointly: true,
      version: closed.body.version,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/三十日.*第三十三条/);
    const alone = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/judicial`, {
      appliedOn: addDays(today, -40),
      court: '乌苏市人民法院',
      jointly: false,
      version: closed.body.version,
    });
    expect(alone.status).toBe(409);
    expect(alone.body.error.details[0].field).toBe('jointly');
    const inTime = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/judicial`, {
      appliedOn: addDays(today, -40),
      court: '乌苏市人民法院',
      jointly: true,
      version: closed.body.version,
    });
    expect(inTime.status).toBe(200);
    const twice = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/judicial`, {
      appliedOn: addDays(today, -39),
      court: '乌苏市人民法院',
      jointly: true,
      version: inTime.body.version,
    });
    expect(twice.status).toBe(409);
  });

  it('steps out of order: a session before acceptance, accepting twice, editing after closing', async () => {
    const d = await register();
    const early = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/sessions`, {
      heldOn: today,
      place: '村委会',
      mediators: ['某人'],
      record: '记录',
      version: d.version,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('请先受理');
    const [m] = await mediatorsOf(d.committeeId);
    const a = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/accept`, { acceptedOn: today, mediatorIds: [m?.id], version: d.version });
    const again = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/accept`, { acceptedOn: today, mediatorIds: [m?.id], version: a.body.version });
    expect(again.status).toBe(409);
    const c = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/close`, {
      closedOn: today,
      outcome: 'terminated',
      otherChannels: ['administrative'],
      version: a.body.version,
    });
    const edit = await tiaojie.request('PATCH', `/api/mediation/disputes/${d.id}`, { summary: '改', version: c.body.version });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('第二十七条');
  });

  it('a session record is corrected while mediating, and stands once the dispute is closed', async () => {
    const d = await register();
    const [m] = await mediatorsOf(d.committeeId);
    const a = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/accept`, { acceptedOn: today, mediatorIds: [m?.id], version: d.version });
    const body = { heldOn: today, place: '村委会', mediators: ['张调解'], record: '双方同意协商', version: a.body.version };
    const s = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/sessions`, body);
    const sessionId = s.body.sessions[0].id;
    const fixed = await tiaojie.request('PATCH', `/api/mediation/disputes/${d.id}/sessions/${sessionId}`, {
      ...body,
      record: '双方同意协商，约定三日内答复',
      version: s.body.version,
    });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.sessions).toHaveLength(1);
    expect(fixed.body.sessions[0].record).toBe('双方同意协商，约定三日内答复');
    const stale = await tiaojie.request('PATCH', `/api/mediation/disputes/${d.id}/sessions/${sessionId}`, { ...body, version: s.body.version });
    expect(stale.status).toBe(409);
    expect((await tiaojie.request('PATCH', `/api/mediation/disputes/${d.id}/sessions/999999`, { ...body, version: fixed.body.version })).status).toBe(404);
    const c = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/close`, {
      closedOn: today,
      outcome: 'terminated',
      otherChannels: ['administrative'],
      version: fixed.body.version,
    });
    const late = await tiaojie.request('PATCH', `/api/mediation/disputes/${d.id}/sessions/${sessionId}`, { ...body, version: c.body.version });
    expect(late.status).toBe(409);
    const audit = await env.platform.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(d.id)).execute();
    expect(audit.map((x) => x.action)).toContain('mediation.dispute_session_edit');
  });

  it('committee composition: 3 to 9 委员, one director (art 8); a missing woman member is a warning', async () => {
    const list = (await sifasuo.request('GET', '/api/mediation/committees')).body.items;
    const town = list.find((c: { level: string }) => c.level === 'town');
    const members = (n: number, gender = 'male') =>
      Array.from({ length: n }, (_, i) => ({ name: `委员${i + 1}`, gender, position: i === 0 ? 'director' : 'member', joinedOn: '2026-01-01' }));
    const dept = await unitId(env, '司法所');
    const notAVillage = await sifasuo.request('POST', '/api/mediation/committees', { orgUnitId: dept, name: '司法所调委会', termStart: '2026-01-01', members: members(3) });
    expect(notAVillage.status).toBe(400);
    const twice = await sifasuo.request('POST', '/api/mediation/committees', { orgUnitId: ids.v1, name: '第二个调委会', termStart: '2026-01-01', members: members(3, 'female') });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('DUPLICATE');

    // A ninth 委员 joins the town's committee (5 委员 + a hired mediator), then a tenth is refused.
    let c = town;
    for (let i = 0; c.memberCount < 9; i++) {
      const res = await sifasuo.request('POST', `/api/mediation/committees/${town.id}/members`, { name: `新委员${i}`, gender: 'male', position: 'member', joinedOn: '2026-01-01' });
      expect(res.status).toBe(200);
      c = res.body;
    }
    const tenth = await sifasuo.request('POST', `/api/mediation/committees/${town.id}/members`, { name: '第十人', gender: 'male', position: 'member', joinedOn: '2026-01-01' });
    expect(tenth.status).toBe(409);
    expect(tenth.body.error.message).toContain('三至九人');
    expect(tenth.body.error.message).toContain('《人民调解法》第八条');
    // A hired mediator (聘任调解员) is not a 委员: still allowed.
    const hired = await sifasuo.request('POST', `/api/mediation/committees/${town.id}/members`, { name: '聘任甲', gender: 'female', position: 'mediator', joinedOn: '2026-01-01' });
    expect(hired.status).toBe(200);
    const secondDirector = await sifasuo.request('PATCH', `/api/mediation/committee-members/${hired.body.members.at(-1).id}`, { position: 'director', version: 1 });
    expect(secondDirector.status).toBe(409);

    // A village committee of three: nobody may leave before a successor joins.
    const gaoquan = list.find((x: { orgUnitName: string }) => x.orgUnitName === '高泉村');
    expect(gaoquan.memberCount).toBe(3);
    const leaving = gaoquan.members[2];
    const end = await sifasuo.request('POST', `/api/mediation/committee-members/${leaving.id}/end`, { leftOn: today, reason: '外出务工', version: leaving.version });
    expect(end.status).toBe(409);
    expect(end.body.error.message).toContain('请先增补委员');
    const add = await sifasuo.request('POST', `/api/mediation/committees/${gaoquan.id}/members`, { name: '接任者', gender: 'male', position: 'member', joinedOn: today });
    expect(add.body.memberCount).toBe(4);
    const endNow = await sifasuo.request('POST', `/api/mediation/committee-members/${leaving.id}/end`, {
      leftOn: addDays(today, -1),
      reason: '外出务工',
      version: leaving.version,
    });
    expect(endNow.status).toBe(200);
    expect(endNow.body.memberCount).toBe(3);
    expect(endNow.body.members.find((x: { id: number }) => x.id === leaving.id).leftOn).toBe(addDays(today, -1));

    // The woman member leaves: the committee may stand, with the warning of art 8.
    const woman = endNow.body.members.find(
      (x: { gender: string; leftOn: string | null; position: string }) => x.gender === 'female' && x.leftOn === null && x.position !== 'mediator',
    );
    await sifasuo.request('POST', `/api/mediation/committees/${gaoquan.id}/members`, { name: '接任者二', gender: 'male', position: 'member', joinedOn: today });
    const noWomen = await sifasuo.request('POST', `/api/mediation/committee-members/${woman.id}/end`, { leftOn: addDays(today, -1), reason: '调离', version: woman.version });
    expect(noWomen.status).toBe(200);
    expect(noWomen.body.warnings).toContain('人民调解委员会应当有妇女成员（《人民调解法》第八条）');
    // Only the coordinator keeps committees.
    expect((await tiaojie.request('POST', `/api/mediation/committees/${gaoquan.id}/members`, { name: '某', gender: 'male', position: 'member', joinedOn: today })).status).toBe(
      403,
    );
  });

  it('a term (换届) is three years', async () => {
    const c = (await sifasuo.request('GET', '/api/mediation/committees')).body.items.find((x: { orgUnitName: string }) => x.orgUnitName === '夹河子村');
    expect(c).toMatchObject({ termStart: '2023-12-25', termEnd: '2026-12-24' });
    const renewed = await sifasuo.request('PATCH', `/api/mediation/committees/${c.id}`, { termStart: '2026-11-20', version: c.version });
    expect(renewed.body).toMatchObject({ termStart: '2026-11-20', termEnd: '2029-11-19', termStatus: 'current' });
  });
});

describe('bad input: 400 naming the field', () => {
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['no parties', { parties: [] }, 'parties', /当事人/],
    ['one party', { parties: [person('applicant', '甲', '654202198001011234', '13900000000')] }, 'parties', /当事人/],
    [
      'a malformed ID number',
      { parties: [person('applicant', '甲', '12345', '13900000000'), person('respondent', '乙', '654202198001011234', '13900000000')] },
      'parties.0.idNumber',
      /证件号码/,
    ],
    [
      'a credit code for a person',
      { parties: [person('applicant', '甲', '91654202MA7XXXXX1A', '13900000000'), person('respondent', '乙', '654202198001011234', '13900000001')] },
      'parties.0.idNumber',
      /身份证/,
    ],
    [
      'a malformed phone',
      { parties: [person('applicant', '甲', '654202198001011234', '12345'), person('respondent', '乙', '654202198001011234', '13900000000')] },
      'parties.0.phone',
      /联系电话/,
    ],
    ['a type not in the dictionary', { typeCode: 'no_such_type' }, 'typeCode', /纠纷类型/],
    ['a date in the future', { registeredOn: addDays(today, 3) }, 'registeredOn', /不能晚于今天/],
    ['a malformed date', { registeredOn: '2024-13-45x' }, 'registeredOn', /登记日期/],
    ['a bad amount', { amount: '12.345' }, 'amount', /涉及金额/],
    ['a referral without its sender', { source: 'referral' }, 'referralFrom', /移交单位/],
    ['an unknown field', { secret: 'x' }, '', /./],
  ])('%s', async (_name, over, field, message) => {
    const before = await env.platform.db
      .selectFrom('disputes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await tiaojie.request('POST', '/api/mediation/disputes', registration(over));
    if (field === '') {
      // Extra fields are stripped (strict bodies), never stored.
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain('secret');
      return;
    }
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.details[0].field).toBe(field);
    expect(res.body.error.message).toMatch(message);
    const after = await env.platform.db
      .selectFrom('disputes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('an acceptance dated before the registration, or with a mediator from another committee', async () => {
    const d = await register();
    const [m] = await mediatorsOf(d.committeeId);
    const early = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/accept`, { acceptedOn: addDays(d.registeredOn, -1), mediatorIds: [m?.id], version: d.version });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].field).toBe('acceptedOn');
    const other = (await tiaojie.request('GET', '/api/mediation/committees')).body.items.find((c: { orgUnitName: string }) => c.orgUnitName === '高泉村');
    const stranger = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/accept`, { acceptedOn: today, mediatorIds: [other.members[0].id], version: d.version });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.details[0].field).toBe('mediatorIds');
    expect(stranger.body.error.message).toContain('第十三条');
  });
});

describe('optimistic versions', () => {
  it('a stale version is refused with 409 and the newer change stays', async () => {
    const d = await register();
    const first = await tiaojie.request('PATCH', `/api/mediation/disputes/${d.id}`, { summary: '第一次修改', version: d.version });
    expect(first.status).toBe(200);
    const stale = await cungb.request('PATCH', `/api/mediation/disputes/${d.id}`, { summary: '覆盖', version: d.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await tiaojie.request('GET', `/api/mediation/disputes/${d.id}`)).body.summary).toBe('第一次修改');
    const [m] = await mediatorsOf(d.committeeId);
    const staleAccept = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/accept`, { acceptedOn: today, mediatorIds: [m?.id], version: d.version });
    expect(staleAccept.status).toBe(409);
    expect(staleAccept.body.error.code).toBe('VERSION_CONFLICT');
  });

  it('a voided dispute leaves lists and figures but stays in the database', async () => {
    const d = await register(tiaojie, { registeredOn: '2024-06-01' });
    const before = (await shuji.request('GET', '/api/mediation/statistics?year=2024')).body.total.registered;
    expect(before).toBe(66);
    const v = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/void`, { reason: '重复登记', version: d.version });
    expect(v.status).toBe(200);
    expect((await shuji.request('GET', '/api/mediation/statistics?year=2024')).body.total.registered).toBe(65);
    expect((await tiaojie.request('GET', `/api/mediation/disputes/${d.id}`)).status).toBe(404);
    const row = await env.platform.db.selectFrom('disputes').select(['void_reason']).where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.void_reason).toBe('重复登记');
  });
});

describe('personal identifiers', () => {
  it('are stored encrypted, searchable by exact number, and unmasked only for those who handle the dispute', async () => {
    const d = await register(tiaojie, {
      parties: [person('applicant', '加密测试甲', '654202199001011111', '13712340000'), person('respondent', '加密测试乙', '654202199001012222', '13712349999')],
    });
    const raw = await env.platform.db.selectFrom('dispute_parties').selectAll().where('dispute_id', '=', d.id).execute();
    expect(JSON.stringify(raw)).not.toContain('654202199001011111');
    expect(JSON.stringify(raw)).not.toContain('13712340000');
    expect(raw[0]?.id_number_enc).toMatch(/^v1\./);

    const handler = (await tiaojie.request('GET', `/api/mediation/disputes/${d.id}`)).body;
    expect(handler.parties[0]).toMatchObject({ idNumber: '654202199001011111', phone: '13712340000' });
    const village = (await cungb.request('GET', `/api/mediation/disputes/${d.id}`)).body;
    expect(village.canWrite).toBe(true);
    expect(village.parties[0]).toMatchObject({ idNumber: '654202199001011111' });
    for (const reader of [shuji, await login(env.app, 'ducha')]) {
      const seen = await reader.request('GET', `/api/mediation/disputes/${d.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.canWrite).toBe(false);
      expect(seen.body.parties[0]).toMatchObject({ idNumber: '654***********1111', phone: '137****0000' });
      expect(JSON.stringify(seen.body)).not.toContain('654202199001011111');
      // Readers may look, not act.
      const act = await reader.request('PATCH', `/api/mediation/disputes/${d.id}`, { summary: 'x', version: d.version });
      expect(act.status).toBe(403);
    }
    // Exact search by ID number or phone (blind index), and by part of a name.
    for (const q of ['654202199001011111', '13712349999', '加密测试']) {
      const found = await tiaojie.request('GET', `/api/mediation/disputes?q=${encodeURIComponent(q)}`);
      expect(
        found.body.items.map((x: { id: number }) => x.id),
        q,
      ).toContain(d.id);
    }
    // No agreement yet, so no 协议书 to print, for anyone.
    const unsigned = await env.app.inject({ method: 'GET', url: `/api/mediation/disputes/${d.id}/agreement.docx`, headers: { cookie: shuji.cookie } });
    expect(unsigned.statusCode).toBe(409);
  });

  it('are masked in a reader’s export; the export is audited', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/ledgers/disputes/export?year=2024', headers: { cookie: shuji.cookie } });
    expect(res.statusCode).toBe(200);
    const sheet = zipEntry(res.rawPayload, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain('人民调解登记台账');
    expect(sheet).toMatch(/654\*{11}\d{3}[\dX]/);
    expect(sheet).not.toMatch(/654202(19|20)\d{9}[\dX]/);
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.actor_name).toBe('王建军');
    expect(entry.after).toMatchObject({ kind: 'disputes', filters: { year: 2024 }, rows: 65, rowsWithIdentifiers: 0 });
  });
});
