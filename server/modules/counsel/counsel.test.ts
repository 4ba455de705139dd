import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDate } from '../../../domain/platform/dates.ts';
import { yearPeriod } from '../../../domain/reports/period.ts';
import type { Scope } from '../../platform/permissions.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { counselIndicators } from './counsel.indicators.ts';

let env: TestEnv;
let guwen: Session;
let coordinator: Session;
let leader: Session;
let ducha: Session;
let cungb: Session;
let officer: Session;
const ids = { town: 0, v1: 0 };
const today = shanghaiDate(new Date());

const zhenzhang = { name: '艾尔肯·吐尔逊', position: '镇长', role: 'principal', identityProof: true };
const staff = { name: '马国强', position: '综合执法大队队长', role: 'staff', identityProof: true };
const lawyer = { name: '陈律师', position: '常年法律顾问', role: 'lawyer', identityProof: true };

const lawsuit = (extra: Record<string, unknown> = {}) => ({
  orgUnitId: ids.town,
  kind: 'litigation',
  caseNo: '（2025）新4202行初3号',
  cause: '不服政府信息公开答复',
  plaintiff: '某村民',
  defendant: '乌苏市四棵树镇人民政府',
  townRole: 'defendant',
  court: '乌苏市人民法院',
  filedOn: '2025-03-01',
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnv();
  [guwen, coordinator, leader, ducha, cungb, officer] = await Promise.all(['guwen', 'sifasuo', 'zhenzhang', 'ducha', 'cungb', 'zhifa1'].map((u) => login(env.app, u)));
  ids.town = await unitId(env, '四棵树镇');
  ids.v1 = await unitId(env, '四棵树村');
});
afterAll(async () => env?.close());

describe('the demo town: counsel and the lawsuit where the 镇长 appeared', () => {
  it('has the law firm engaged with 陈律师 (guwen) as the platform account', async () => {
    const res = await leader.request('GET', '/api/counsel/engagements');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ firm: '乌苏市明法律师事务所', leadUserName: '陈律师', fee: '72000.00' });
  });

  it('has contract reviews, a legality review and a project negotiation in 2024', async () => {
    const res = await ducha.request('GET', '/api/counsel/summary?year=2024');
    const kinds = Object.fromEntries(res.body.matters.map((m: { kind: string; total: number }) => [m.kind, m.total]));
    expect(kinds.contract_review).toBeGreaterThanOrEqual(2);
    expect(kinds.legality_review).toBeGreaterThanOrEqual(1);
    expect(kinds.negotiation).toBeGreaterThanOrEqual(1);
  });

  it('counts the 镇长’s appearance: 1/1 per hearing and per case in 2024', async () => {
    const res = await ducha.request('GET', '/api/counsel/lawsuits/stats?year=2024');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      hearings: { numerator: 1, denominator: 1, rate: 100 },
      cases: { numerator: 1, denominator: 1, rate: 100 },
      lost: { numerator: 0, denominator: 1, rate: 0 },
      lawsuits: 1,
    });
    const suit = (await ducha.request('GET', '/api/counsel/lawsuits?year=2024')).body.items[0];
    expect(suit.hearings[0].appearances[0]).toMatchObject({ name: '艾尔肯·吐尔逊', role: 'principal' });
    expect(suit.hearings[0].headAppeared).toBe(true);
  });

  it('gives the report the numerator and denominator through its indicators', async () => {
    const town = await env.platform.db.selectFrom('org_units').select('path').where('id', '=', ids.town).executeTakeFirstOrThrow();
    const scope: Scope = { capability: 'reports.read', paths: [town.path] };
    const value = (id: string) => counselIndicators.find((i) => i.id === id)?.compute(env.platform.db, scope, yearPeriod(2024));
    expect(await value('counsel.litigation_hearings')).toBe(1);
    expect(await value('counsel.litigation_hearings_head_appeared')).toBe(1);
    expect(await value('counsel.litigation_cases_head_appeared')).toBe(1);
    expect(await value('counsel.head_appearance_rate')).toBe(100);
    expect(await value('counsel.contract_reviews')).toBe(2);
    expect(await value('counsel.lawsuits_lost')).toBe(0);
  });

  it('flags the matter past its deadline', async () => {
    const res = await guwen.request('GET', '/api/counsel/matters?overdue=true');
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    expect(res.body.items.every((m: { overdue: boolean; deadline: string }) => m.overdue && m.deadline < today)).toBe(true);
  });
});

describe('who may do what', () => {
  it('the counsel and the coordinator write; leaders and supervisors read; a village cadre and an officer see nothing', async () => {
    const body = { orgUnitId: ids.town, kind: 'consultation', title: '咨询', requester: '党政办公室', receivedOn: today, deadline: addDays(today, 3) };
    expect((await guwen.request('POST', '/api/counsel/matters', body)).status).toBe(200);
    expect((await coordinator.request('POST', '/api/counsel/matters', body)).status).toBe(200);
    expect((await leader.request('GET', '/api/counsel/matters')).status).toBe(200);
    expect((await leader.request('POST', '/api/counsel/matters', body)).status).toBe(403);
    expect((await ducha.request('POST', '/api/counsel/lawsuits', lawsuit())).status).toBe(403);
    expect((await cungb.request('GET', '/api/counsel/lawsuits')).status).toBe(403);
    expect((await officer.request('GET', '/api/counsel/matters')).status).toBe(403);
  });

  it('a unit outside the actor’s scope is 404, as if absent', async () => {
    const city = await unitId(env, '乌苏市司法局');
    const res = await guwen.request('POST', '/api/counsel/matters', {
      orgUnitId: city,
      kind: 'consultation',
      title: 'x',
      requester: 'x',
      receivedOn: today,
      deadline: today,
    });
    expect(res.status).toBe(404);
  });
});

describe('matters: overdue flag, opinion on completion, refusals', () => {
  let matter: { id: number; version: number };

  it('creates a matter; bad input is 400 naming the field', async () => {
    const bad = await guwen.request('POST', '/api/counsel/matters', { orgUnitId: ids.town, kind: 'gossip', title: 'x', requester: 'x', receivedOn: today, deadline: today });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('kind');
    const early = await guwen.request('POST', '/api/counsel/matters', {
      orgUnitId: ids.town,
      kind: 'contract_review',
      title: 'x',
      requester: 'x',
      receivedOn: today,
      deadline: addDays(today, -1),
    });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].field).toBe('deadline');
    const money = await guwen.request('POST', '/api/counsel/matters', {
      orgUnitId: ids.town,
      kind: 'contract_review',
      title: 'x',
      requester: 'x',
      receivedOn: today,
      deadline: today,
      amount: '12.345',
    });
    expect(money.status).toBe(400);
    expect(money.body.error.details[0].field).toBe('amount');
    const res = await guwen.request('POST', '/api/counsel/matters', {
      orgUnitId: ids.town,
      kind: 'contract_review',
      title: '垃圾清运服务合同审查',
      requester: '党政办公室',
      receivedOn: addDays(today, -10),
      deadline: addDays(today, -3),
      amount: '56000',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'pending', overdue: true, amount: '56000.00' });
    matter = res.body;
  });

  it('requires the written opinion to close the matter; a closed matter cannot move or change (409)', async () => {
    const noOpinion = await guwen.request('POST', `/api/counsel/matters/${matter.id}/status`, { status: 'done', completedOn: today, version: matter.version });
    expect(noOpinion.status).toBe(400);
    expect(noOpinion.body.error.details[0].field).toBe('opinion');
    const done = await guwen.request('POST', `/api/counsel/matters/${matter.id}/status`, {
      status: 'done',
      completedOn: today,
      opinion: '建议修改第5条违约责任。',
      version: matter.version,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', overdue: false, completedLate: true, opinion: '建议修改第5条违约责任。' });
    const back = await guwen.request('POST', `/api/counsel/matters/${matter.id}/status`, { status: 'in_progress', version: done.body.version });
    expect(back.status).toBe(409);
    expect(back.body.error).toMatchObject({ code: 'COUNSEL_STATE', message: '「已办结」的事项不能变更为「办理中」' });
    const edit = await guwen.request('PATCH', `/api/counsel/matters/${matter.id}`, { title: '改', version: done.body.version });
    expect(edit.status).toBe(409);
    const stale = await guwen.request('POST', `/api/counsel/matters/${matter.id}/status`, { status: 'cancelled', reason: 'x', version: matter.version });
    expect(stale.status).toBe(409);
  });
});

describe('a lawsuit: hearings, who counts as 负责人, rates per hearing and per case', () => {
  let suit: { id: number; version: number };

  it('records a hearing attended only by a subordinate organ’s head on the town’s behalf: no 负责人, flagged', async () => {
    suit = (await guwen.request('POST', '/api/counsel/lawsuits', lawsuit())).body;
    const res = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, {
      heldOn: '2025-04-10',
      appearances: [{ name: '某站长', position: '镇农业服务站站长', role: 'subordinate_organ_head', identityProof: true }, lawyer],
    });
    expect(res.status).toBe(200);
    expect(res.body.hearings[0]).toMatchObject({ headAppeared: false, unexplainedAbsence: true, instance: 'first' });
    expect(res.body.headAppearance).toEqual({ hearings: { numerator: 0, denominator: 1, rate: 0 }, cases: { numerator: 0, denominator: 1, rate: 0 } });
    suit = res.body;
  });

  it('a head without identity proof does not count; the 镇长 with it does (art 6)', async () => {
    const noProof = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, { heldOn: '2025-05-10', appearances: [{ ...zhenzhang, identityProof: false }] });
    expect(noProof.body.hearings[1].headAppeared).toBe(false);
    const res = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, { heldOn: '2025-06-10', appearances: [zhenzhang, staff] });
    expect(res.body.hearings[2].headAppeared).toBe(true);
    // Per hearing one of three; per case (first instance) the duty is met once a head appeared.
    expect(res.body.headAppearance).toEqual({ hearings: { numerator: 1, denominator: 3, rate: 33.3 }, cases: { numerator: 1, denominator: 1, rate: 100 } });
    suit = res.body;
  });

  it('refuses a reason for absence when the head appeared, a hearing before filing, or at a level not reached', async () => {
    const reason = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, { heldOn: '2025-06-11', appearances: [zhenzhang], absenceReason: 'accident' });
    expect(reason.status).toBe(400);
    expect(reason.body.error.details[0].field).toBe('absenceReason');
    const before = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, { heldOn: '2025-01-01', appearances: [staff] });
    expect(before.body.error.details[0].field).toBe('heldOn');
    const level = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, { heldOn: '2025-06-12', instance: 'second', appearances: [staff] });
    expect(level.status).toBe(400);
    expect(level.body.error.details[0].field).toBe('instance');
    const role = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, { heldOn: '2025-06-12', appearances: [{ ...staff, role: 'mayor' }] });
    expect(role.status).toBe(400);
    expect(role.body.error.details[0].field).toBe('appearances.0.role');
  });

  it('concludes (lost), refuses further hearings, goes to appeal; the second instance is a duty of its own', async () => {
    const current = (await guwen.request('GET', `/api/counsel/lawsuits/${suit.id}`)).body;
    const stale = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/conclude`, { outcome: 'lost', outcomeOn: '2025-07-01', version: current.version - 1 });
    expect(stale.status).toBe(409);
    const lost = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/conclude`, { outcome: 'lost', outcomeOn: '2025-07-01', version: current.version });
    expect(lost.status).toBe(200);
    const late = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, { heldOn: '2025-07-05', appearances: [staff] });
    expect(late.status).toBe(409);
    const again = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/conclude`, { outcome: 'won', outcomeOn: '2025-07-02', version: lost.body.version });
    expect(again.status).toBe(409);
    const appeal = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/appeal`, {
      instance: 'second',
      filedOn: '2025-07-20',
      court: '塔城地区中级人民法院',
      version: lost.body.version,
    });
    expect(appeal.status).toBe(200);
    expect(appeal.body).toMatchObject({ status: 'pending', instance: 'second', outcome: null, court: '塔城地区中级人民法院' });
    const down = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/appeal`, { instance: 'second', filedOn: '2025-07-21', version: appeal.body.version });
    expect(down.status).toBe(409);
    const second = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/hearings`, { heldOn: '2025-09-01', appearances: [lawyer] });
    expect(second.body.hearings[3].instance).toBe('second');
    expect(second.body.headAppearance.cases).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    const stats = (await ducha.request('GET', '/api/counsel/lawsuits/stats?year=2025')).body;
    expect(stats.byInstance).toEqual([
      { instance: 'first', hearings: { numerator: 1, denominator: 3, rate: 33.3 }, cases: { numerator: 1, denominator: 1, rate: 100 } },
      { instance: 'second', hearings: { numerator: 0, denominator: 1, rate: 0 }, cases: { numerator: 0, denominator: 1, rate: 0 } },
    ]);
  });

  it('records whether the final judgment was performed', async () => {
    const current = (await guwen.request('GET', `/api/counsel/lawsuits/${suit.id}`)).body;
    const early = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/performance`, { judgmentPerformed: true, version: current.version });
    expect(early.status).toBe(409);
    const done = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/conclude`, { outcome: 'lost', outcomeOn: '2025-10-15', version: current.version });
    const performed = await guwen.request('POST', `/api/counsel/lawsuits/${suit.id}/performance`, {
      judgmentPerformed: true,
      performedOn: '2025-11-01',
      version: done.body.version,
    });
    expect(performed.status).toBe(200);
    expect(performed.body).toMatchObject({ judgmentPerformed: true, performedOn: '2025-11-01' });
    const stats = (await ducha.request('GET', '/api/counsel/lawsuits/stats?year=2025')).body;
    expect(stats.lost).toEqual({ numerator: 1, denominator: 1, rate: 100 });
    expect(stats.performed).toEqual({ numerator: 1, denominator: 1, rate: 100 });
  });

  it('a reconsideration is not counted in the 出庭 rates', async () => {
    const before = (await ducha.request('GET', '/api/counsel/lawsuits/stats?year=2025')).body;
    const rec = (await guwen.request('POST', '/api/counsel/lawsuits', lawsuit({ kind: 'reconsideration', caseNo: '乌政复〔2025〕2号', court: '乌苏市人民政府' }))).body;
    await guwen.request('POST', `/api/counsel/lawsuits/${rec.id}/hearings`, { heldOn: '2025-05-01', appearances: [staff] });
    const after = (await ducha.request('GET', '/api/counsel/lawsuits/stats?year=2025')).body;
    expect(after.hearings).toEqual(before.hearings);
    expect(after.reconsiderations).toBe(1);
  });
});
