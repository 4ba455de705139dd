import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { yearPeriod } from '../../../domain/reports/period.ts';
import type { Scope } from '../../platform/permissions.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { villagesIndicators } from './villages.indicators.ts';

let env: TestEnv;
let coordinator: Session;
let cungb: Session;
let cungb2: Session;
let leader: Session;
let ducha: Session;
const ids = { town: 0, v1: 0, v2: 0, v3: 0 };
const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6f0a20000000049454e44ae426082', 'hex');

/** Uploads a small PNG through /api/attachments (multipart built by hand) and returns its id. */
async function upload(s: Session, orgUnitId: number): Promise<number> {
  const boundary = `----fazhi${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="orgUnitId"\r\n\r\n${orgUnitId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台账.png"\r\nContent-Type: image/png\r\n\r\n`),
    PNG,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expect(res.statusCode).toBe(200);
  return res.json().id;
}

const hearing = (orgUnitId: number, extra: Record<string, unknown> = {}) => ({
  orgUnitId,
  topic: '村集体资产出租方案',
  heldOn: '2024-06-01',
  presidedBy: '刘长青',
  participants: ['甲', '乙'],
  participantCount: 30,
  decision: '同意',
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, cungb, cungb2, leader, ducha] = await Promise.all(['sifasuo', 'cungb', 'cungb2', 'zhenzhang', 'ducha'].map((u) => login(env.app, u)));
  ids.town = await unitId(env, '四棵树镇');
  ids.v1 = await unitId(env, '四棵树村');
  ids.v2 = await unitId(env, '吉尔格勒特村');
  ids.v3 = await unitId(env, '夹河子村');
});
afterAll(async () => env?.close());

describe('the demo town’s 2024 figures', () => {
  it('has one national demonstration village, re-examined (复核) in 2024 and kept', async () => {
    const res = await ducha.request('GET', '/api/villages/summary?year=2024');
    expect(res.status).toBe(200);
    expect(res.body.namedByLevel.find((r: { level: string }) => r.level === 'national').count).toBe(1);
    expect(res.body.inspectionsInYear).toEqual([{ level: 'national', concluded: 1, retained: 1, revoked: 0, cancelled: 0, open: 0 }]);
    expect(res.body.hearings).toBeGreaterThanOrEqual(2);
    const honours = await ducha.request('GET', '/api/villages/honours?level=national');
    expect(honours.body.items).toHaveLength(1);
    expect(honours.body.items[0]).toMatchObject({ villageName: '四棵树村', status: 'named', namedYear: 2022, lastReviewYear: 2024, reviewCycleYears: 2 });
    expect(honours.body.items[0].nextReview).toMatchObject({ dueYear: 2026, dueOn: '2026-12-31' });
  });

  it('gives the report the same figure through its indicator, with the record behind it', async () => {
    const town = await env.platform.db.selectFrom('org_units').select('path').where('id', '=', ids.town).executeTakeFirstOrThrow();
    const scope: Scope = { capability: 'reports.read', paths: [town.path] };
    const indicator = villagesIndicators.find((i) => i.id === 'villages.national_demo_villages_reinspected');
    expect(await indicator?.compute(env.platform.db, scope, yearPeriod(2024))).toBe(1);
    expect(await indicator?.compute(env.platform.db, scope, yearPeriod(2023))).toBe(0);
    const records = await indicator?.records?.(env.platform.db, scope, yearPeriod(2024));
    expect(records?.[0]).toMatchObject({ entityType: 'village_inspection', title: '四棵树村 2024年度复核' });
    const inForce = villagesIndicators.find((i) => i.id === 'villages.national_demo_villages');
    expect(await inForce?.compute(env.platform.db, scope, yearPeriod(2024))).toBe(1);
    expect(await inForce?.compute(env.platform.db, scope, yearPeriod(2021))).toBe(0);
  });

  it('shows the 2024 复核 with its five-part self-assessment, each item with evidence', async () => {
    const res = await ducha.request('GET', '/api/villages/inspections?year=2024');
    expect(res.body.items).toHaveLength(1);
    const inspection = res.body.items[0];
    expect(inspection).toMatchObject({ villageName: '四棵树村', status: 'concluded', conclusion: 'retained' });
    expect([...new Set(inspection.items.map((i: { partLabel: string }) => i.partLabel))]).toEqual([
      '村级组织健全完善',
      '基层民主规范有序',
      '法治建设扎实推进',
      '经济社会和谐发展',
      '组织保障坚强有力',
    ]);
    expect(inspection.progress.withEvidence).toBe(inspection.progress.total);
  });

  it('keeps the village rules with their versions, the current one adopted by the 村民代表会议', async () => {
    const res = await ducha.request('GET', `/api/villages/rules?orgUnitId=${ids.v1}&kind=village_compact`);
    const compact = res.body.items[0];
    expect(compact.currentVersionNo).toBe(2);
    expect(compact.versions.map((v: { versionNo: number; adoptedBy: string }) => [v.versionNo, v.adoptedBy])).toEqual([
      [1, 'representatives_meeting'],
      [2, 'representatives_meeting'],
    ]);
    expect(compact.versions[1].content).not.toContain('《婚姻法》');
  });

  it('reminds of the 复核 due at the end of 2026 (or overdue, once past)', async () => {
    const res = await coordinator.request('GET', '/api/villages/honours/reminders?daysAhead=400');
    expect(res.status).toBe(200);
    const item = res.body.items.find((h: { villageName: string }) => h.villageName === '四棵树村');
    if (thisYear <= 2026) expect(item?.nextReview.dueOn).toBe('2026-12-31');
    const none = await coordinator.request('GET', '/api/villages/honours/reminders?daysAhead=0');
    expect(none.body.items.every((h: { nextReview: { state: string } }) => h.nextReview.state !== 'later')).toBe(true);
  });
});

describe('a village cadre sees and edits only their own village', () => {
  it('lists only their village', async () => {
    expect((await cungb.request('GET', '/api/villages')).body.items.map((v: { name: string }) => v.name)).toEqual(['四棵树村']);
    expect((await cungb2.request('GET', '/api/villages')).body.items.map((v: { name: string }) => v.name)).toEqual(['吉尔格勒特村']);
    const hearings = await cungb.request('GET', '/api/villages/hearings?pageSize=200');
    expect(hearings.body.items.length).toBeGreaterThan(0);
    expect(hearings.body.items.every((h: { orgUnitId: number }) => h.orgUnitId === ids.v1)).toBe(true);
    const filtered = await cungb.request('GET', `/api/villages/hearings?orgUnitId=${ids.v2}`);
    expect(filtered.body).toMatchObject({ items: [], total: 0 });
  });

  it('records a hearing in their village and gets 404 for the other village', async () => {
    const mine = await cungb.request('POST', '/api/villages/hearings', hearing(ids.v1));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ villageName: '四棵树村', participantCount: 30, version: 1 });
    const theirs = await cungb.request('POST', '/api/villages/hearings', hearing(ids.v2));
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain('吉尔格勒特村');
  });

  it('cannot read or change a row of the other village: 404, and the row stays', async () => {
    const other = (await cungb2.request('GET', '/api/villages/hearings')).body.items[0];
    expect(other.orgUnitId).toBe(ids.v2);
    expect((await cungb.request('GET', `/api/villages/hearings/${other.id}`)).status).toBe(404);
    const patch = await cungb.request('PATCH', `/api/villages/hearings/${other.id}`, { topic: '被改了', version: other.version });
    expect(patch.status).toBe(404);
    expect(patch.body.error).toMatchObject({ code: 'NOT_FOUND', message: '民主听证记录不存在' });
    const voided = await cungb.request('POST', `/api/villages/hearings/${other.id}/void`, { reason: '测试', version: other.version });
    expect(voided.status).toBe(404);
    const row = await env.platform.db.selectFrom('village_hearings').selectAll().where('id', '=', other.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ topic: other.topic, version: other.version, voided_at: null });
    const profile = await cungb.request('PATCH', `/api/villages/units/${ids.v2}/profile`, { population: 1, version: 1 });
    expect(profile.status).toBe(404);
    const rule = (await cungb2.request('GET', '/api/villages/rules')).body.items[0];
    expect((await cungb.request('POST', `/api/villages/rules/${rule.id}/versions`, { content: 'x', draftedBy: 'x', version: rule.version })).status).toBe(404);
  });

  it('edits their own village’s profile with the version; a stale version is 409', async () => {
    const before = (await cungb.request('GET', `/api/villages/units/${ids.v1}`)).body;
    const ok = await cungb.request('PATCH', `/api/villages/units/${ids.v1}/profile`, { population: 2900, version: before.profile.version });
    expect(ok.status).toBe(200);
    expect(ok.body.profile).toMatchObject({ population: 2900, version: before.profile.version + 1 });
    const stale = await cungb.request('PATCH', `/api/villages/units/${ids.v1}/profile`, { population: 1, version: before.profile.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const missing = await cungb.request('PATCH', `/api/villages/units/${ids.v1}/profile`, { population: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('version');
  });

  it('leaders and supervisors read but do not write (403)', async () => {
    expect((await leader.request('GET', '/api/villages/hearings')).status).toBe(200);
    const res = await leader.request('POST', '/api/villages/hearings', hearing(ids.v1));
    expect(res.status).toBe(403);
    expect((await ducha.request('POST', '/api/villages/hearings', hearing(ids.v1))).status).toBe(403);
  });

  it('a user without the villages capability is refused', async () => {
    const guwen = await login(env.app, 'guwen');
    expect((await guwen.request('GET', '/api/villages')).status).toBe(403);
  });
});

describe('hearings: input and versions', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no topic', { topic: undefined }, 'topic', '请填写「听证事项」'],
    ['a bad date', { heldOn: '2024-6-1' }, 'heldOn', '「听证日期」格式不正确'],
    ['no participants counted', { participantCount: 0 }, 'participantCount', '「参加人数」不能小于 1'],
  ])('refuses %s with 400 naming the field', async (_name, extra, field, message) => {
    const res = await coordinator.request('POST', '/api/villages/hearings', hearing(ids.v1, extra));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({ field, message });
  });

  it('refuses fewer participants than named, and a date in the future', async () => {
    const few = await coordinator.request('POST', '/api/villages/hearings', hearing(ids.v1, { participants: ['甲', '乙', '丙'], participantCount: 2 }));
    expect(few.status).toBe(400);
    expect(few.body.error).toMatchObject({ code: 'VILLAGES_RULE', details: [{ field: 'participantCount' }] });
    const future = await coordinator.request('POST', '/api/villages/hearings', hearing(ids.v1, { heldOn: `${thisYear + 1}-01-01` }));
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].field).toBe('heldOn');
  });

  it('updates with the version; a stale version is 409 and the row is unchanged', async () => {
    const created = (await coordinator.request('POST', '/api/villages/hearings', hearing(ids.v3))).body;
    const ok = await coordinator.request('PATCH', `/api/villages/hearings/${created.id}`, { decision: '修改后的结果', version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ decision: '修改后的结果', version: 2 });
    const stale = await coordinator.request('PATCH', `/api/villages/hearings/${created.id}`, { decision: '又改', version: 1 });
    expect(stale.status).toBe(409);
    expect((await coordinator.request('GET', `/api/villages/hearings/${created.id}`)).body.decision).toBe('修改后的结果');
    const audit = await env.platform.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'village_hearing').where('entity_id', '=', String(created.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['village.hearing_create', 'village.hearing_update']);
  });
});

describe('honours: 申报 → 推荐 → 命名, refusals in Chinese', () => {
  let honour: { id: number; version: number; status: string };

  it('a village cadre declares for their own village, but the town recommends and names', async () => {
    const declared = await cungb2.request('POST', '/api/villages/honours', { orgUnitId: ids.v2, level: 'prefecture', stage: 'declared', declaredOn: '2024-03-01' });
    expect(declared.status).toBe(200);
    honour = declared.body;
    expect(honour.status).toBe('declared');
    const byCadre = await cungb2.request('POST', `/api/villages/honours/${honour.id}/recommend`, { recommendedOn: '2024-04-01', recommendedBy: '镇政府', version: honour.version });
    expect(byCadre.status).toBe(403);
    expect(byCadre.body.error.message).toContain('乡镇');
    const namedByCadre = await cungb2.request('POST', '/api/villages/honours', { orgUnitId: ids.v2, level: 'region', stage: 'named', namedYear: 2023 });
    expect(namedByCadre.status).toBe(403);
  });

  it('refuses to name a declared honour before it is recommended (409)', async () => {
    const res = await coordinator.request('POST', `/api/villages/honours/${honour.id}/name`, { namedYear: 2024, version: honour.version });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'VILLAGES_STATE', message: '「已申报」的称号只能变更为「已推荐」或「未获命名」，不能直接变更为「已命名」' });
  });

  it('recommends, names; a second live honour of the same level is refused', async () => {
    const rec = await coordinator.request('POST', `/api/villages/honours/${honour.id}/recommend`, {
      recommendedOn: '2024-04-01',
      recommendedBy: '四棵树镇人民政府',
      version: honour.version,
    });
    expect(rec.status).toBe(200);
    const stale = await coordinator.request('POST', `/api/villages/honours/${honour.id}/name`, { namedYear: 2024, version: honour.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const named = await coordinator.request('POST', `/api/villages/honours/${honour.id}/name`, { namedYear: 2024, batch: '第三批', version: rec.body.version });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ status: 'named', namedYear: 2024, reviewCycleYears: null, nextReview: null });
    const again = await cungb2.request('POST', '/api/villages/honours', { orgUnitId: ids.v2, level: 'prefecture', stage: 'declared', declaredOn: '2024-05-01' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE');
  });

  it('needs the year named when registering an honour already held', async () => {
    const res = await coordinator.request('POST', '/api/villages/honours', { orgUnitId: ids.v3, level: 'region', stage: 'named' });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe('namedYear');
  });
});

describe('复核 with the self-assessment checklist', () => {
  let inspectionId = 0;
  let national: { id: number };

  it('starts a 复核 from the configured checklist (five parts by default)', async () => {
    national = (await coordinator.request('GET', '/api/villages/honours?level=national')).body.items[0];
    const bad = await coordinator.request('POST', `/api/villages/honours/${national.id}/inspections`, { year: 2022 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('year');
    const res = await cungb.request('POST', `/api/villages/honours/${national.id}/inspections`, { year: thisYear });
    expect(res.status).toBe(200);
    inspectionId = res.body.id;
    expect(res.body.status).toBe('self_assessment');
    expect(new Set(res.body.items.map((i: { partCode: string }) => i.partCode)).size).toBe(5);
    const twice = await coordinator.request('POST', `/api/villages/honours/${national.id}/inspections`, { year: thisYear + 1 });
    expect(twice.status).toBe(409);
  });

  it('refuses to submit before every item is assessed with evidence', async () => {
    const inspection = (await cungb.request('GET', `/api/villages/inspections/${inspectionId}`)).body;
    const res = await cungb.request('POST', `/api/villages/inspections/${inspectionId}/submit`, { submittedOn: shanghaiDate(new Date()), version: inspection.version });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^尚有 \d+ 项未自评/);
    expect(res.body.error.details[0].field).toBe('items');
  });

  it('takes evidence only from the village’s own files; the other village cannot touch the checklist', async () => {
    const inspection = (await cungb.request('GET', `/api/villages/inspections/${inspectionId}`)).body;
    const item = inspection.items[0];
    const theirFile = await upload(cungb2, ids.v2);
    const foreign = await cungb.request('PATCH', `/api/villages/inspections/${inspectionId}/items/${item.id}`, {
      result: 'met',
      attachmentIds: [theirFile],
      version: item.version,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details[0].field).toBe('attachmentIds');
    expect((await cungb2.request('PATCH', `/api/villages/inspections/${inspectionId}/items/${item.id}`, { result: 'met', version: item.version })).status).toBe(404);
    const myFile = await upload(cungb, ids.v1);
    const ok = await cungb.request('PATCH', `/api/villages/inspections/${inspectionId}/items/${item.id}`, { result: 'met', attachmentIds: [myFile], version: item.version });
    expect(ok.status).toBe(200);
    expect(ok.body.items[0]).toMatchObject({ result: 'met', attachmentIds: [myFile], version: item.version + 1 });
    const stale = await cungb.request('PATCH', `/api/villages/inspections/${inspectionId}/items/${item.id}`, { result: 'partly', version: item.version });
    expect(stale.status).toBe(409);
  });

  it('submits, and only the town records the conclusion; 保留 moves the next 复核 on', async () => {
    let inspection = (await cungb.request('GET', `/api/villages/inspections/${inspectionId}`)).body;
    for (const item of inspection.items.slice(1)) {
      const res = await cungb.request('PATCH', `/api/villages/inspections/${inspectionId}/items/${item.id}`, { result: 'met', evidence: '见台账', version: item.version });
      expect(res.status).toBe(200);
      inspection = res.body;
    }
    const early = await coordinator.request('POST', `/api/villages/inspections/${inspectionId}/conclude`, {
      conclusion: 'retained',
      concludedOn: shanghaiDate(new Date()),
      methods: ['document_review'],
      version: inspection.version,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe('村里的自评尚未提交，不能登记复核结论');
    const submitted = await cungb.request('POST', `/api/villages/inspections/${inspectionId}/submit`, { submittedOn: shanghaiDate(new Date()), version: inspection.version });
    expect(submitted.status).toBe(200);
    const locked = await cungb.request('PATCH', `/api/villages/inspections/${inspectionId}/items/${inspection.items[1].id}`, {
      result: 'not_met',
      version: inspection.items[1].version,
    });
    expect(locked.status).toBe(409);
    const conclusion = { conclusion: 'retained', concludedOn: shanghaiDate(new Date()), methods: ['document_review', 'site_check'], version: submitted.body.version };
    expect((await cungb.request('POST', `/api/villages/inspections/${inspectionId}/conclude`, conclusion)).status).toBe(403);
    const noMethod = await coordinator.request('POST', `/api/villages/inspections/${inspectionId}/conclude`, { ...conclusion, methods: [] });
    expect(noMethod.status).toBe(400);
    expect(noMethod.body.error.details[0].field).toBe('methods');
    const done = await coordinator.request('POST', `/api/villages/inspections/${inspectionId}/conclude`, conclusion);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'concluded', conclusion: 'retained' });
    const honour = (await coordinator.request('GET', `/api/villages/honours/${national.id}`)).body;
    expect(honour).toMatchObject({ status: 'named', lastReviewYear: thisYear });
    expect(honour.nextReview.dueYear).toBe(thisYear + 2);
  });
});

describe('village rules with versions adopted by a quorate meeting', () => {
  let rule: { id: number; version: number };

  it('creates a rule; an unknown kind is refused naming the field', async () => {
    const bad = await cungb.request('POST', '/api/villages/rules', { orgUnitId: ids.v1, kind: 'nonsense', title: '制度' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'kind' });
    const res = await cungb.request('POST', '/api/villages/rules', { orgUnitId: ids.v1, kind: 'finance', title: '四棵树村财务管理制度' });
    expect(res.status).toBe(200);
    rule = res.body;
    expect(res.body).toMatchObject({ kindLabel: '财务管理制度', currentVersionNo: null, versions: [] });
  });

  it('refuses an adoption by a meeting without quorum, naming the field', async () => {
    const res = await cungb.request('POST', `/api/villages/rules/${rule.id}/versions`, {
      content: '第一条 ……',
      draftedBy: '村委会',
      adoption: { adoptedBy: 'representatives_meeting', adoptedOn: '2024-05-01', expectedCount: 45, attendedCount: 20, votesFor: 20, votesAgainst: 0, votesAbstain: 0 },
      version: rule.version,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VILLAGES_RULE', details: [{ field: 'adoption.attendedCount' }] });
    expect(res.body.error.message).toContain('三分之二');
  });

  it('numbers versions; a draft is adopted later, once', async () => {
    const draft = await cungb.request('POST', `/api/villages/rules/${rule.id}/versions`, {
      content: '第一条 ……',
      draftedBy: '村委会',
      draftedOn: '2024-04-01',
      version: rule.version,
    });
    expect(draft.status).toBe(200);
    const stale = await cungb.request('POST', `/api/villages/rules/${rule.id}/versions`, { content: '另一稿', draftedBy: '村委会', version: rule.version });
    expect(stale.status).toBe(409);
    const v = draft.body.versions[0];
    expect(v).toMatchObject({ versionNo: 1, adopted: false });
    const adoption = {
      adoptedBy: 'villagers_meeting',
      quorumBasis: 'households',
      adoptedOn: '2024-05-01',
      expectedCount: 812,
      attendedCount: 560,
      votesFor: 540,
      votesAgainst: 5,
      votesAbstain: 15,
    };
    const adopted = await cungb.request('POST', `/api/villages/rules/${rule.id}/versions/${v.id}/adopt`, { ...adoption, version: v.version });
    expect(adopted.status).toBe(200);
    expect(adopted.body).toMatchObject({ currentVersionNo: 1, currentAdoptedOn: '2024-05-01' });
    const twice = await cungb.request('POST', `/api/villages/rules/${rule.id}/versions/${v.id}/adopt`, { ...adoption, version: v.version + 1 });
    expect(twice.status).toBe(409);
    const second = await cungb.request('POST', `/api/villages/rules/${rule.id}/versions`, { content: '第二稿', draftedBy: '村委会', version: adopted.body.version });
    expect(second.body.versions.map((x: { versionNo: number }) => x.versionNo)).toEqual([1, 2]);
    expect(second.body.currentVersionNo).toBe(1);
  });
});

describe('村务公开', () => {
  it('records a disclosure with a kind from the dictionary', async () => {
    const ok = await cungb.request('POST', '/api/villages/disclosures', {
      orgUnitId: ids.v1,
      kind: 'finance',
      title: '第四季度财务收支',
      publishedOn: '2024-12-30',
      channel: '村务公开栏',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.kindLabel).toBe('财务公开');
    const bad = await cungb.request('POST', '/api/villages/disclosures', { orgUnitId: ids.v1, kind: 'finance', title: 'x', publishedOn: '2024-12-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toEqual({ field: 'channel', message: '请填写「公开地点/方式」' });
    const other = await cungb.request('POST', '/api/villages/disclosures', { orgUnitId: ids.v2, kind: 'finance', title: 'x', publishedOn: '2024-12-30', channel: '公开栏' });
    expect(other.status).toBe(404);
  });
});
