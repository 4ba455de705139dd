import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';

/**
 * A village cadre of 四棵树村 (cungb) handles the disputes of their village and provably can neither read nor change a
 * dispute of 吉尔格勒特村 through any endpoint: every answer is the 404 of a dispute that does not exist.
 */
let env: TestEnv;
let cungb: Session;
let cungb2: Session;
let tiaojie: Session;
const ids = { v1: 0, v2: 0, town: 0 };
let theirs: { id: number; number: string; version: number; committeeId: number; partyName: string; status: string };
let theirsClosed: { id: number; version: number };
let mine: { id: number; version: number };

const snapshot = async (id: number) => {
  const row = await env.platform.db.selectFrom('disputes').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const parties = await env.platform.db.selectFrom('dispute_parties').selectAll().where('dispute_id', '=', id).execute();
  const sessions = await env.platform.db.selectFrom('dispute_sessions').selectAll().where('dispute_id', '=', id).execute();
  const followUps = await env.platform.db.selectFrom('dispute_follow_ups').selectAll().where('dispute_id', '=', id).execute();
  return JSON.stringify({ row, parties, sessions, followUps });
};

const party = (role: 'applicant' | 'respondent', name: string) => ({ kind: 'person', role, name, idNumber: '654202198001011234', phone: '13900000001' });

beforeAll(async () => {
  env = await createTestEnv();
  [cungb, cungb2, tiaojie] = await Promise.all(['cungb', 'cungb2', 'tiaojie'].map((u) => login(env.app, u)));
  ids.v1 = await unitId(env, '四棵树村');
  ids.v2 = await unitId(env, '吉尔格勒特村');
  ids.town = await unitId(env, '四棵树镇');
  // An open dispute at 吉尔格勒特村, registered by its own village cadre, and one of its closed ones with a written agreement.
  const reg = await cungb2.request('POST', '/api/mediation/disputes', {
    orgUnitId: ids.v2,
    registeredOn: '2026-01-05',
    source: 'application',
    typeCode: 'neighbourhood',
    summary: '吉尔格勒特村邻里纠纷（测试）',
    parties: [party('applicant', '别克波拉提'), party('respondent', '玛依拉')],
  });
  expect(reg.status).toBe(200);
  theirs = { id: reg.body.id, number: reg.body.number, version: reg.body.version, committeeId: reg.body.committeeId, partyName: '别克波拉提', status: reg.body.status };
  const closed = await env.platform.db
    .selectFrom('disputes')
    .select(['id', 'version'])
    .where('org_unit_id', '=', ids.v2)
    .where('status', '=', 'succeeded')
    .where('agreement_kind', '=', 'written')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  theirsClosed = closed;
  const own = await cungb.request('POST', '/api/mediation/disputes', {
    orgUnitId: ids.v1,
    registeredOn: '2026-01-06',
    source: 'application',
    typeCode: 'neighbourhood',
    summary: '四棵树村邻里纠纷（测试）',
    parties: [party('applicant', '王大山'), party('respondent', '李小河')],
  });
  expect(own.status).toBe(200);
  mine = own.body;
});
afterAll(async () => env?.close());

describe('a village cadre of 四棵树村 and a dispute of 吉尔格勒特村', () => {
  it('handles disputes of their own village (the control: the same requests work there)', async () => {
    expect((await cungb.request('GET', `/api/mediation/disputes/${mine.id}`)).status).toBe(200);
    const committees = (await cungb.request('GET', '/api/mediation/committees')).body.items;
    const member = committees[0].members[0];
    const accepted = await cungb.request('POST', `/api/mediation/disputes/${mine.id}/accept`, { acceptedOn: '2026-01-06', mediatorIds: [member.id], version: mine.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('mediating');
  });

  it('gets 404 — as if absent — from every endpoint that reads or changes it, and the rows stay as they were', async () => {
    const before = await snapshot(theirs.id);
    const beforeClosed = await snapshot(theirsClosed.id);
    const v = theirs.version;
    const calls: [method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown][] = [
      ['GET', `/api/mediation/disputes/${theirs.id}`],
      ['PATCH', `/api/mediation/disputes/${theirs.id}`, { summary: '被改了', version: v }],
      ['POST', `/api/mediation/disputes/${theirs.id}/accept`, { acceptedOn: '2026-01-06', mediatorIds: [1], version: v }],
      ['POST', `/api/mediation/disputes/${theirs.id}/refuse`, { refusedOn: '2026-01-06', refusingParty: '玛依拉', reason: '不愿调解', version: v }],
      ['POST', `/api/mediation/disputes/${theirs.id}/sessions`, { heldOn: '2026-01-07', place: '村委会', mediators: ['某人'], record: '记录', version: v }],
      ['POST', `/api/mediation/disputes/${theirs.id}/close`, { closedOn: '2026-01-08', outcome: 'failed', otherChannels: ['litigation'], version: v }],
      ['POST', `/api/mediation/disputes/${theirs.id}/void`, { reason: '作废', version: v }],
      ['GET', `/api/mediation/disputes/${theirsClosed.id}`],
      ['GET', `/api/mediation/disputes/${theirsClosed.id}/agreement.docx`],
      ['POST', `/api/mediation/disputes/${theirsClosed.id}/follow-ups`, { followedOn: '2026-01-08', method: 'phone', performance: 'performed', version: theirsClosed.version }],
      ['POST', `/api/mediation/disputes/${theirsClosed.id}/judicial`, { appliedOn: '2026-01-08', court: '乌苏市人民法院', jointly: true, version: theirsClosed.version }],
      ['POST', `/api/mediation/disputes/${theirsClosed.id}/judicial/result`, { result: 'confirmed', resultOn: '2026-01-08', version: theirsClosed.version }],
      ['GET', `/api/mediation/committees/${theirs.committeeId}`],
      ['PATCH', `/api/mediation/committees/${theirs.committeeId}`, { name: '改名', version: 1 }],
      ['POST', `/api/mediation/committees/${theirs.committeeId}/members`, { name: '某人', gender: 'female', position: 'member', joinedOn: '2026-01-01' }],
    ];
    const absent = await cungb.request('GET', '/api/mediation/disputes/99999999');
    expect(absent.status).toBe(404);
    for (const [method, url, body] of calls) {
      const res = await cungb.request(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.error.code, url).toBe('NOT_FOUND');
      const text = JSON.stringify(res.body);
      expect(text, url).not.toContain('吉尔格勒特');
      expect(text, url).not.toContain(theirs.partyName);
    }
    expect(await snapshot(theirs.id)).toBe(before);
    expect(await snapshot(theirsClosed.id)).toBe(beforeClosed);
    const committee = await env.platform.db.selectFrom('mediation_committees').selectAll().where('id', '=', theirs.committeeId).executeTakeFirstOrThrow();
    expect(committee.name).toBe('吉尔格勒特村人民调解委员会');
    expect(committee.version).toBe(1);
  });

  it('cannot reach its members through the member endpoints either', async () => {
    const member = await env.platform.db.selectFrom('mediation_members').select(['id', 'version']).where('committee_id', '=', theirs.committeeId).executeTakeFirstOrThrow();
    for (const [url, body] of [
      [`/api/mediation/committee-members/${member.id}`, { name: '改名', version: member.version }],
      [`/api/mediation/committee-members/${member.id}/end`, { leftOn: '2026-01-01', reason: '离任', version: member.version }],
      [`/api/mediation/committee-members/${member.id}/trainings`, { trainedOn: '2026-01-01', title: '培训' }],
    ] as const) {
      const res = await cungb.request(url.endsWith(`${member.id}`) ? 'PATCH' : 'POST', url, body);
      expect([403, 404], url).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain('吉尔格勒特');
    }
    const row = await env.platform.db.selectFrom('mediation_members').selectAll().where('id', '=', member.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(member.version);
    expect(row.left_on).toBeNull();
  });

  it('never sees it in lists, searches, reminders, statistics or the exported ledger', async () => {
    const urls = [
      '/api/mediation/disputes?pageSize=200',
      `/api/mediation/disputes?pageSize=200&orgUnitId=${ids.v2}`,
      `/api/mediation/disputes?pageSize=200&committeeId=${theirs.committeeId}`,
      `/api/mediation/disputes?q=${encodeURIComponent(theirs.partyName)}`,
      `/api/mediation/disputes?q=${encodeURIComponent(theirs.number)}`,
      '/api/mediation/disputes?overdue=true',
      '/api/mediation/disputes?judicialDue=true',
      '/api/mediation/committees',
      '/api/mediation/reminders',
      '/api/mediation/statistics?year=2024',
      '/api/mediation/statistics?year=2026',
    ];
    for (const url of urls) {
      const res = await cungb.request('GET', url);
      const text = JSON.stringify(res.body);
      expect(text, url).not.toContain('吉尔格勒特');
      expect(text, url).not.toContain(theirs.partyName);
      expect(text, url).not.toMatch(new RegExp(`"orgUnitId":${ids.v2}\\b`));
    }
    const list = await cungb.request('GET', '/api/mediation/disputes?pageSize=200');
    expect(list.body.total).toBeGreaterThan(0);
    expect(list.body.items.every((d: { orgUnitId: number }) => d.orgUnitId === ids.v1)).toBe(true);
    // The village's own figures only: 2024's 11 disputes of 四棵树村, not the town's 65.
    const stats = await cungb.request('GET', '/api/mediation/statistics?year=2024');
    expect(stats.body.total.closed).toBeLessThan(65);
    expect(stats.body.byUnit.map((u: { label: string }) => u.label)).toEqual(['四棵树村']);
    const exported = await env.app.inject({ method: 'GET', url: '/api/ledgers/disputes/export', headers: { cookie: cungb.cookie } });
    expect(exported.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.getWorksheet('台账')?.eachRow((row) => {
      row.eachCell((c) => {
        cells.push(String(c.value));
      });
    });
    expect(cells.join('|')).not.toContain('吉尔格勒特');
    expect(cells.join('|')).toContain('四棵树村');
  });

  it('cannot register a dispute at the other village, nor send one of theirs to the other village’s committee', async () => {
    const count = async () =>
      Number(
        (
          await env.platform.db
            .selectFrom('disputes')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const body = {
      registeredOn: '2026-01-06',
      source: 'application',
      typeCode: 'neighbourhood',
      summary: '越权登记',
      parties: [party('applicant', '甲'), party('respondent', '乙')],
    };
    const other = await cungb.request('POST', '/api/mediation/disputes', { ...body, orgUnitId: ids.v2 });
    expect(other.status).toBe(404);
    const viaCommittee = await cungb.request('POST', '/api/mediation/disputes', { ...body, orgUnitId: ids.v1, committeeId: theirs.committeeId });
    expect(viaCommittee.status).toBe(400);
    expect(viaCommittee.body.error.details[0]).toMatchObject({ field: 'committeeId' });
    expect(viaCommittee.body.error.message).not.toContain('吉尔格勒特');
    expect(await count()).toBe(before);
  });

  it('while the town’s mediator sees and handles both villages', async () => {
    const res = await tiaojie.request('GET', `/api/mediation/disputes/${theirs.id}`);
    expect(res.status).toBe(200);
    expect(res.body.canWrite).toBe(true);
    expect((await tiaojie.request('GET', `/api/mediation/disputes/${mine.id}`)).status).toBe(200);
  });
});
