import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { yearPeriod } from '../../../domain/reports/period.ts';
import type { Scope } from '../../platform/permissions.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { learningIndicators } from './learning.indicators.ts';

let env: TestEnv;
let coordinator: Session;
let shuji: Session;
let zhifa1: Session;
let cungb: Session;
let ducha: Session;
let town = 0;
const users: Record<string, number> = {};

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, shuji, zhifa1, cungb, ducha] = await Promise.all(['sifasuo', 'shuji', 'zhifa1', 'cungb', 'ducha'].map((u) => login(env.app, u)));
  town = await unitId(env, '四棵树镇');
  for (const u of await env.platform.db.selectFrom('users').select(['id', 'username']).execute()) users[u.username] = u.id;
});
afterAll(async () => env?.close());

describe('the demo town has the seed report’s 2024 figures, counted from records', () => {
  it('5 中心组学法, 2 leader lectures, 3 discipline-rule sessions, 9 enforcement trainings with 41 person-times, 3 tests', async () => {
    const res = await ducha.request('GET', '/api/learning/stats?year=2024');
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.sessions.byKind).toMatchObject({ center_group: 5, leader_lecture: 2, integrity: 3, enforcement_training: 9 });
    expect(s.sessions.personTimesByKind.enforcement_training).toBe(41);
    expect(s.exams).toHaveLength(3);
    expect(s.exams.map((e: { mode: string }) => e.mode).sort()).toEqual(['mixed', 'offline', 'online']);
    // Every person-time is an attendance row: the totals agree with the rows listed on the sessions.
    const list = await coordinator.request('GET', '/api/learning/sessions?year=2024&kind=enforcement_training&pageSize=50');
    expect(list.body.total).toBe(9);
    expect(list.body.items.reduce((n: number, x: { attendees: unknown[] }) => n + x.attendees.length, 0)).toBe(41);
    expect(s.sessions.byKindMonth.center_group.reduce((a: number, b: number) => a + b, 0)).toBe(5);
  });

  it('names the lecturers of the two leader lectures', async () => {
    const res = await coordinator.request('GET', '/api/learning/sessions?year=2024&kind=leader_lecture');
    expect(res.body.items.map((x: { lecturer: string }) => x.lecturer).sort()).toEqual(['王建军', '艾尔肯·吐尔逊'].sort());
  });

  it('has the three tests with online and offline results in one list each', async () => {
    const { body } = await shuji.request('GET', '/api/learning/stats?year=2024');
    const byMode = Object.fromEntries(body.exams.map((e: { mode: string }) => [e.mode, e]));
    expect(byMode.online).toMatchObject({ online: 8, offline: 0 });
    expect(byMode.offline).toMatchObject({ online: 0, offline: 12 });
    expect(byMode.mixed).toMatchObject({ online: 6, offline: 6 });
    expect(body.examTotals).toMatchObject({ participants: 32, online: 14, offline: 18 });
    expect(body.examTotals.passRate).toBe(Math.floor((2000 * body.examTotals.passed + 32) / 64) / 10);
  });

  it('gives the annual report’s indicators the same figures', async () => {
    const path = (await env.platform.db.selectFrom('org_units').select('path').where('id', '=', town).executeTakeFirstOrThrow()).path;
    const scope: Scope = { capability: 'learning.read', paths: [path] };
    const values = Object.fromEntries(await Promise.all(learningIndicators.map(async (i) => [i.id, await i.compute(env.platform.db, scope, yearPeriod(2024))])));
    expect(values).toMatchObject({
      'learning.center_group_sessions': 5,
      'learning.leader_lectures': 2,
      'learning.discipline_study_sessions': 3,
      'learning.enforcement_trainings': 9,
      'learning.enforcement_training_person_times': 41,
      'learning.legal_tests': 3,
      'learning.legal_test_participants': 32,
    });
    const none = await learningIndicators[0]?.compute(env.platform.db, scope, yearPeriod(2023));
    expect(none).toBe(0);
    const records = await learningIndicators.find((i) => i.id === 'learning.leader_lectures')?.records?.(env.platform.db, scope, yearPeriod(2024));
    expect(records?.map((r) => r.detail).join()).toContain('主讲：王建军');
  });
});

describe('study sessions and attendance', () => {
  let created: { id: number; version: number; attendees: { id: number; personName: string }[] };

  it('records a session with attendees by account and by name; person-times are the rows', async () => {
    const village = await unitId(env, '夹河子村');
    const res = await coordinator.request('POST', '/api/learning/sessions', {
      orgUnitId: town,
      kind: 'enforcement_training',
      title: '执法培训（测试）',
      heldOn: '2025-03-05',
      laws: ['中华人民共和国行政处罚法'],
      attendees: [{ userId: users.zhifa1 }, { userId: users.zhifa2 }, { personName: '王磊' }, { personName: '艾力', orgUnitId: village }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    created = res.body;
    expect(res.body.personTimes).toBe(4);
    expect(res.body.attendees.map((a: { personName: string; orgUnitName: string }) => `${a.personName}@${a.orgUnitName}`)).toEqual([
      '马国强@综合执法大队',
      '赵海燕@综合执法大队',
      '王磊@四棵树镇',
      '艾力@夹河子村',
    ]);
    const audit = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'study_session.create').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.entity_id).toBe(String(res.body.id));
  });

  it('replaces the attendance list: removed rows are voided (kept), the others keep their rows', async () => {
    const res = await coordinator.request('PATCH', `/api/learning/sessions/${created.id}`, {
      version: created.version,
      attendees: [{ userId: users.zhifa1 }, { personName: '王磊' }, { userId: users.shenhe }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.personTimes).toBe(3);
    expect(res.body.version).toBe(created.version + 1);
    const kept = created.attendees.find((a) => a.personName === '马国强');
    expect(res.body.attendees.find((a: { personName: string }) => a.personName === '马国强').id).toBe(kept?.id);
    const rows = await env.platform.db.selectFrom('attendances').selectAll().where('session_id', '=', created.id).execute();
    expect(rows).toHaveLength(5);
    expect(
      rows
        .filter((r) => r.voided_at !== null)
        .map((r) => r.person_name)
        .sort(),
    ).toEqual(['艾力', '赵海燕'].sort());
    created = res.body;
  });

  it('refuses a stale version (409) and changes nothing', async () => {
    const stale = await coordinator.request('PATCH', `/api/learning/sessions/${created.id}`, { version: created.version - 1, title: '改名' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await coordinator.request('GET', `/api/learning/sessions/${created.id}`)).body.title).toBe('执法培训（测试）');
  });

  it.each([
    [{ kind: 'center_group', heldOn: '2025-01-01' }, 'title', '请填写「学习主题」'],
    [{ kind: 'center_group', title: '学', heldOn: '2025-1-1' }, 'heldOn', '「活动日期」格式不正确'],
    [{ kind: 'leader_lecture', title: '讲法治课', heldOn: '2025-01-01' }, 'lecturer', '讲法治课、法治讲座须填写主讲人'],
    [{ kind: 'center_group', title: '学', heldOn: '2025-01-01', attendees: [{ userId: 1 }, { userId: 1 }] }, 'attendees.1', '重复登记'],
    [{ kind: 'center_group', title: '学', heldOn: '2025-01-01', attendees: [{ orgUnitId: 1 }] }, 'attendees.0.personName', '请选择账号或填写姓名'],
    [{ kind: 'center_group', title: '学', heldOn: '2025-01-01', attendees: [{ userId: 999999 }] }, 'attendees.0.userId', '所选人员不存在'],
    [{ kind: 'meeting', title: '学', heldOn: '2025-01-01' }, 'kind', '「活动类型」的取值不在允许范围内'],
  ])('refuses %j (field %s)', async (body, field, message) => {
    const attendees = (body as { attendees?: { userId?: number }[] }).attendees?.map((a) => (a.userId === 1 ? { userId: users.zhifa1 } : a));
    const res = await coordinator.request('POST', '/api/learning/sessions', { orgUnitId: town, ...body, ...(attendees ? { attendees } : {}) });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body.error.details[0].field).toBe(field);
    expect(res.body.error.message).toContain(message);
  });

  it('fills in the lecturer from the account of a leader lecture', async () => {
    const res = await coordinator.request('POST', '/api/learning/sessions', {
      orgUnitId: town,
      kind: 'leader_lecture',
      title: '讲法治课',
      heldOn: '2025-06-01',
      lecturerUserId: users.shuji,
    });
    expect(res.body).toMatchObject({ lecturer: '王建军', lecturerUserId: users.shuji, personTimes: 0 });
  });

  it('voids a session: it leaves the lists and the figures, stays in the database', async () => {
    const before = (await ducha.request('GET', '/api/learning/stats?year=2025')).body.sessions.byKind.enforcement_training;
    const res = await coordinator.request('POST', `/api/learning/sessions/${created.id}/void`, { reason: '重复登记', version: created.version });
    expect(res.status).toBe(200);
    expect((await ducha.request('GET', '/api/learning/stats?year=2025')).body.sessions.byKind.enforcement_training).toBe(before - 1);
    expect((await coordinator.request('GET', `/api/learning/sessions/${created.id}`)).status).toBe(404);
    const row = await env.platform.db.selectFrom('study_sessions').selectAll().where('id', '=', created.id).executeTakeFirstOrThrow();
    expect(row.void_reason).toBe('重复登记');
  });

  it('lets only learning.write record, learning.read read; a cadre neither', async () => {
    const body = { orgUnitId: town, kind: 'other', title: '自学', heldOn: '2025-01-01' };
    expect((await shuji.request('POST', '/api/learning/sessions', body)).status).toBe(403);
    expect((await ducha.request('POST', '/api/learning/sessions', body)).status).toBe(403);
    expect((await shuji.request('GET', '/api/learning/sessions')).status).toBe(200);
    expect((await ducha.request('GET', '/api/learning/sessions')).body.total).toBeGreaterThanOrEqual(20);
    expect((await cungb.request('GET', '/api/learning/sessions')).status).toBe(403);
    expect((await cungb.request('GET', '/api/learning/people')).status).toBe(403);
  });

  it('lists the people the coordinator may pick (accounts in scope)', async () => {
    const res = await coordinator.request('GET', '/api/learning/people?q=马');
    expect(res.body.items.map((p: { displayName: string }) => p.displayName)).toContain('马国强');
    const all = (await coordinator.request('GET', '/api/learning/people')).body.items.map((p: { displayName: string }) => p.displayName);
    expect(all).toContain('刘长青');
    expect(all).not.toContain('孙立新');
  });
});

describe('签到码: attendees sign themselves in on the day', () => {
  it('opens a sign-in only on the day, shows the code to the organiser alone, and counts each person once', async () => {
    const today = shanghaiDate(new Date());
    const session = (await coordinator.request('POST', '/api/learning/sessions', { orgUnitId: town, kind: 'center_group', title: '中心组学法（签到）', heldOn: today })).body;
    const past = (await coordinator.request('POST', '/api/learning/sessions', { orgUnitId: town, kind: 'center_group', title: '往日学法', heldOn: '2025-03-05' })).body;
    const refused = await coordinator.request('POST', `/api/learning/sessions/${past.id}/sign-in`, { minutes: 30, version: past.version });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/只能在活动当天（2025-03-05）开启/);
    expect((await zhifa1.request('POST', `/api/learning/sessions/${session.id}/sign-in`, { minutes: 30, version: session.version })).status).toBe(403);

    const opened = await coordinator.request('POST', `/api/learning/sessions/${session.id}/sign-in`, { minutes: 30, version: session.version });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const code: string = opened.body.signIn.code;
    expect(code).toMatch(/^\d{6}$/);
    // others who read the session do not see the code
    expect((await shuji.request('GET', `/api/learning/sessions/${session.id}`)).body.signIn).toBeNull();

    const wrong = code === '000000' ? '000001' : '000000';
    const bad = await zhifa1.request('POST', '/api/learning/my/sign-in', { code: wrong });
    expect(bad.status).toBe(404);
    expect(bad.body.error.message).toMatch(/签到码无效或已过期/);
    expect((await zhifa1.request('POST', '/api/learning/my/sign-in', { code: '12ab' })).status).toBe(400);
    expect((await zhifa1.request('POST', '/api/learning/my/sign-in', { code })).body).toMatchObject({ sessionId: session.id, alreadySigned: false });
    expect((await zhifa1.request('POST', '/api/learning/my/sign-in', { code })).body).toMatchObject({ alreadySigned: true });
    expect((await cungb.request('POST', '/api/learning/my/sign-in', { code })).body.alreadySigned).toBe(false);
    // the city supervisor is not of this town's line
    expect((await ducha.request('POST', '/api/learning/my/sign-in', { code })).status).toBe(404);

    const after = (await coordinator.request('GET', `/api/learning/sessions/${session.id}`)).body;
    expect(after.personTimes).toBe(2);
    expect(after.attendees.map((a: { personName: string }) => a.personName)).toEqual(['马国强', '刘长青']);
    const closed = await coordinator.request('POST', `/api/learning/sessions/${session.id}/sign-in/close`, { version: after.version });
    expect(closed.body.signIn).toBeNull();
    expect((await shuji.request('POST', '/api/learning/my/sign-in', { code })).status).toBe(404);
    const audit = await env.platform.db.selectFrom('audit_log').select('action').where('entity_id', '=', String(session.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['study_session.sign_in_open', 'study_session.sign_in', 'study_session.sign_in_close']));
  });
});

describe('learning records', () => {
  it('shows a cadre their own sessions and results without learning.read', async () => {
    const res = await zhifa1.request('GET', '/api/learning/my/record?year=2024');
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('马国强');
    expect(res.body.sessionsByKind.enforcement_training).toBe(9);
    expect(res.body.exams).toHaveLength(3);
    const online = res.body.exams.find((e: { mode: string }) => e.mode === 'online');
    // Two attempts in the demo: 50 then 85; the best counts.
    expect(online).toMatchObject({ score: 85, sittingMode: 'online', passed: true });
    const village = await cungb.request('GET', '/api/learning/my/record?year=2024');
    expect(village.body.exams.find((e: { mode: string }) => e.mode === 'offline')).toMatchObject({ score: 75, sittingMode: 'offline' });
  });

  it('shows someone else’s record only with learning.read over their unit', async () => {
    expect((await zhifa1.request('GET', `/api/learning/people/${users.cungb}/record`)).status).toBe(403);
    const res = await shuji.request('GET', `/api/learning/people/${users.cungb}/record?year=2024`);
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('刘长青');
    expect((await shuji.request('GET', `/api/learning/people/${users.ducha}/record`)).status).toBe(404);
  });
});

describe('statistics', () => {
  it('counts per unit and per person, people without an account included', async () => {
    const { body } = await ducha.request('GET', '/api/learning/stats?year=2024');
    const unit = (name: string) => body.units.find((u: { orgUnitName: string }) => u.orgUnitName === name);
    expect(unit('综合执法大队').personTimes).toBeGreaterThanOrEqual(41);
    expect(unit('黄渠村')).toMatchObject({ candidates: 2, participants: 2 });
    const person = (name: string) => body.people.find((p: { personName: string }) => p.personName === name);
    expect(person('王磊')).toMatchObject({ userId: null, personTimesByKind: { enforcement_training: 9 } });
    expect(person('马国强')).toMatchObject({ examsExpected: 3, examsSat: 3, examsPassed: 3 });
    expect(person('古丽娜尔')).toMatchObject({ examsExpected: 3, examsSat: 1 });
  });

  it('narrows to one unit in scope, and refuses a unit outside it', async () => {
    const enforcement = await unitId(env, '综合执法大队');
    const { body } = await coordinator.request('GET', `/api/learning/stats?year=2024&orgUnitId=${enforcement}`);
    expect(body.sessions.byKind).toMatchObject({ enforcement_training: 9, center_group: 0 });
    expect(body.exams).toHaveLength(0);
    const bureau = await unitId(env, '乌苏市司法局');
    expect((await coordinator.request('GET', `/api/learning/stats?year=2024&orgUnitId=${bureau}`)).status).toBe(404);
    expect((await zhifa1.request('GET', '/api/learning/stats?year=2024')).status).toBe(403);
  });

  it('exports the figures to .xlsx, audited as learning.export', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/learning/stats.xlsx?year=2024', headers: { cookie: shuji.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['学法活动', '法律知识测试', '按单位', '按人员']);
    const sheet = wb.getWorksheet('学法活动') as ExcelJS.Worksheet;
    const row = (label: string) => {
      let found: unknown[] = [];
      sheet.eachRow((r) => {
        if (r.getCell(1).value === label) found = (r.values as unknown[]).slice(1);
      });
      return found;
    };
    expect(row('行政执法培训').slice(-2)).toEqual([9, 41]);
    expect(row('党委中心组学法').at(-2)).toBe(5);
    const audit = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'learning.export').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(audit.actor_name).toBe('王建军');
    expect(audit.after).toMatchObject({ year: 2024 });
  });
});
