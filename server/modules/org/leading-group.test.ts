import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compositionProblem } from '../../../domain/org/rules.ts';
import type { DB } from '../../db/schema.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';

type Member = {
  id: number;
  personName: string;
  office: string;
  position: 'leader' | 'deputy_leader' | 'member';
  effectiveFrom: string;
  effectiveTo: string | null;
  changeReason: string;
  appointedByMeetingId: number | null;
  version: number;
};

let env: TestEnv;
let coordinator: Session;
let shuji: Session;
let admin: Session;
let groupId = 0;
let townId = 0;
let otherTownId = 0;
let v1 = 0;

const count = async (table: keyof DB): Promise<number> => {
  const r = await env.platform.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
};
const members = async (asOf?: string, group = groupId): Promise<Member[]> => {
  const res = await coordinator.request('GET', `/api/org/leading-groups/${group}/members${asOf ? `?asOf=${asOf}` : ''}`);
  expect(res.status).toBe(200);
  return res.body.items;
};
const names = (list: Member[], position?: Member['position']) => list.filter((m) => !position || m.position === position).map((m) => m.personName);
/** A group of its own for tests that would leave the demo group in a state later tests cannot build on. */
const scratchGroup = async (name: string): Promise<number> => {
  const g = await coordinator.request('POST', '/api/org/leading-groups', { orgUnitId: townId, name, establishedOn: '2022-01-01' });
  expect(g.status).toBe(200);
  for (const [personName, position] of [
    ['甲组长', 'leader'],
    ['乙组长', 'leader'],
    ['丙成员', 'member'],
  ]) {
    const m = await coordinator.request('POST', `/api/org/leading-groups/${g.body.id}/members`, { personName, office: '干部', position, effectiveFrom: '2022-01-01' });
    expect(m.status).toBe(200);
  }
  return g.body.id;
};
const byName = async (name: string, asOf: string) => (await members(asOf)).find((m) => m.personName === name) as Member;

beforeAll(async () => {
  env = await createTestEnv();
  [coordinator, shuji, admin] = await Promise.all(['sifasuo', 'shuji', 'admin'].map((u) => login(env.app, u)));
  townId = await unitId(env, '四棵树镇');
  v1 = await unitId(env, '四棵树村');
  groupId = (await coordinator.request('GET', '/api/org/leading-groups')).body.items[0].id;
  const other = await admin.request('POST', '/api/org/units', { parentId: await unitId(env, '乌苏市'), kind: 'town', name: '白杨沟镇' });
  otherTownId = other.body.id;
});
afterAll(async () => env?.close());

describe('the demo group and its history', () => {
  it('is the town’s 依法治镇工作领导小组 with its office at 司法所', async () => {
    const res = await coordinator.request('GET', '/api/org/leading-groups');
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ name: '四棵树镇依法治镇工作领导小组', orgUnitId: townId, orgUnitName: '四棵树镇', establishedOn: '2021-04-06', office: '司法所' });
  });

  it('on 2024-01-01 had the old co-leaders 张志华 and 阿不都热合曼', async () => {
    const list = await members('2024-01-01');
    expect(names(list, 'leader')).toEqual(['张志华', '阿不都热合曼']);
    expect(names(list)).toEqual(['张志华', '阿不都热合曼', '李秀兰', '刘长青']);
    expect(list.every((m) => m.effectiveFrom === '2021-04-06' && m.effectiveTo === '2024-03-12')).toBe(true);
  });

  it('on 2024-06-01 has 王建军 and 艾尔肯·吐尔逊 as two 组长, with deputies and members', async () => {
    const list = await members('2024-06-01');
    expect(names(list, 'leader')).toEqual(['王建军', '艾尔肯·吐尔逊']);
    expect(names(list, 'deputy_leader')).toEqual(['李秀兰', '周文']);
    expect(names(list, 'member')).toEqual(expect.arrayContaining(['马国强', '刘长青', '努尔兰']));
    expect(list).toHaveLength(12);
    expect(list.every((m) => m.effectiveFrom === '2024-03-13' && m.effectiveTo === null)).toBe(true);
    expect(names(list)).not.toContain('张志华');
  });

  it('changes over between 2024-03-12 and 2024-03-13, the day after the 专题会议', async () => {
    expect(names(await members('2024-03-12'), 'leader')).toEqual(['张志华', '阿不都热合曼']);
    expect(names(await members('2024-03-13'), 'leader')).toEqual(['王建军', '艾尔肯·吐尔逊']);
  });

  it('lists the whole history without asOf, the old terms ended with the reason and the new ones tied to the meeting', async () => {
    const all = await members();
    expect(all).toHaveLength(16);
    expect(names(all, 'leader')).toEqual(['张志华', '阿不都热合曼', '王建军', '艾尔肯·吐尔逊']);
    const old = all.filter((m) => m.effectiveFrom === '2021-04-06');
    expect(old.every((m) => m.changeReason === '人事变动，调整领导小组为双组长架构')).toBe(true);
    const meeting = (await coordinator.request('GET', `/api/org/meetings?leadingGroupId=${groupId}`)).body.items.find((m: { kind: string }) => m.kind === 'special');
    expect(meeting).toMatchObject({ title: '关于调整依法治镇工作领导小组的专题会议', heldOn: '2024-03-12', host: '王建军' });
    expect(meeting.attendees).toEqual(expect.arrayContaining(['王建军', '艾尔肯·吐尔逊', '李秀兰']));
    expect(meeting.minutes).toContain('双组长');
    const fresh = all.filter((m) => m.effectiveFrom === '2024-03-13');
    expect(fresh.every((m) => m.appointedByMeetingId === meeting.id)).toBe(true);
  });

  it('refuses an asOf that is not a date, naming the field', async () => {
    const res = await coordinator.request('GET', `/api/org/leading-groups/${groupId}/members?asOf=2024-6-1`);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({ field: 'asOf', message: '「查询日期」格式不正确' });
  });
});

describe('restructuring and membership rules', () => {
  const newList = [
    { personName: '王建军', office: '镇党委书记', position: 'leader' },
    { personName: '李秀兰', office: '司法所所长', position: 'deputy_leader' },
    { personName: '马国强', office: '综合执法大队队长', position: 'member' },
  ];

  it('refuses a restructure with no 组长 and changes nothing', async () => {
    const [rows, audits] = [await count('leading_group_members'), await count('audit_log')];
    const res = await coordinator.request('POST', `/api/org/leading-groups/${groupId}/restructure`, {
      effectiveOn: '2025-01-01',
      reason: '换届',
      members: newList.map((m) => ({ ...m, position: m.position === 'leader' ? 'deputy_leader' : m.position, effectiveFrom: '2025-01-01' })),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'LEADING_GROUP_RULE', message: '领导小组至少应有一名组长', details: [{ field: 'members', message: '领导小组至少应有一名组长' }] });
    expect(await count('leading_group_members')).toBe(rows);
    expect(await count('audit_log')).toBe(audits);
    expect(names(await members('2024-06-01'), 'leader')).toEqual(['王建军', '艾尔肯·吐尔逊']);
  });

  it('refuses a restructure dated before a later change', async () => {
    const rows = await count('leading_group_members');
    const res = await coordinator.request('POST', `/api/org/leading-groups/${groupId}/restructure`, {
      effectiveOn: '2023-06-01',
      reason: '补录',
      members: newList.map((m) => ({ ...m, effectiveFrom: '2023-06-01' })),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'LEADING_GROUP_RULE', message: '该日期当天或之后已有成员变动，不能在此插入调整' });
    expect(await count('leading_group_members')).toBe(rows);
    expect(names(await members('2024-01-01'))).toEqual(['张志华', '阿不都热合曼', '李秀兰', '刘长青']);
  });

  it('refuses a restructure on or before the establishment date', async () => {
    const res = await coordinator.request('POST', `/api/org/leading-groups/${groupId}/restructure`, {
      effectiveOn: '2021-04-06',
      reason: '补录',
      members: newList.map((m) => ({ ...m, effectiveFrom: '2021-04-06' })),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('LEADING_GROUP_RULE');
  });

  it('a second restructure on the same effective date never leaves two rosters in force', async () => {
    const g = await scratchGroup('同日调整测试小组');
    const restructure = () =>
      coordinator.request('POST', `/api/org/leading-groups/${g}/restructure`, {
        effectiveOn: '2024-03-13',
        reason: '重复提交',
        members: newList.map((m) => ({ ...m, effectiveFrom: '2024-03-13' })),
      });
    expect((await restructure()).status).toBe(200);
    expect(names(await members('2024-03-13', g))).toEqual(['王建军', '李秀兰', '马国强']);
    await restructure();
    const list = await members('2024-03-13', g);
    expect(compositionProblem(list)).toBeNull();
    expect(new Set(names(list)).size).toBe(list.length);
  });

  it('refuses a member whose term starts before the group was established', async () => {
    const rows = await count('leading_group_members');
    const res = await coordinator.request('POST', `/api/org/leading-groups/${groupId}/members`, {
      personName: '早来者',
      office: '干部',
      position: 'member',
      effectiveFrom: '2021-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'LEADING_GROUP_RULE',
      message: '任职起始日期不能早于小组成立日期 2021-04-06',
      details: [{ field: 'effectiveFrom', message: '任职起始日期不能早于小组成立日期 2021-04-06' }],
    });
    expect(await count('leading_group_members')).toBe(rows);
  });

  it('adds a member from a date on, keeping earlier dates as they were', async () => {
    const res = await coordinator.request('POST', `/api/org/leading-groups/${groupId}/members`, {
      personName: '古丽娜尔',
      office: '镇人民调解委员会调解员',
      position: 'member',
      effectiveFrom: '2024-07-01',
      representsOrgUnitId: await unitId(env, '司法所'),
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ personName: '古丽娜尔', effectiveFrom: '2024-07-01', effectiveTo: null, version: 1 });
    expect(names(await members('2024-07-01'))).toContain('古丽娜尔');
    expect(names(await members('2024-06-30'))).not.toContain('古丽娜尔');
  });

  it('does not let the group exceed three 组长 by adding members one by one', async () => {
    const g = await scratchGroup('组长人数测试小组');
    const add = (personName: string) =>
      coordinator.request('POST', `/api/org/leading-groups/${g}/members`, { personName, office: '副书记', position: 'leader', effectiveFrom: '2024-08-01' });
    expect((await add('第三组长')).status).toBe(200);
    const fourth = await add('第四组长');
    expect(fourth.status).toBe(400);
    expect(fourth.body.error.code).toBe('LEADING_GROUP_RULE');
    expect(compositionProblem(await members('2024-08-01', g))).toBeNull();
  });

  it('ends a term with the version; a stale version is 409 and the term stays open', async () => {
    const ma = await byName('马国强', '2024-06-01');
    const stale = await coordinator.request('POST', `/api/org/leading-group-members/${ma.id}/end`, {
      effectiveTo: '2024-09-30',
      changeReason: '工作调动',
      version: ma.version + 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await byName('马国强', '2024-06-01')).effectiveTo).toBeNull();
    const before = await coordinator.request('POST', `/api/org/leading-group-members/${ma.id}/end`, { effectiveTo: '2024-03-01', changeReason: '工作调动', version: ma.version });
    expect(before.status).toBe(400);
    expect(before.body.error.message).toBe('任职截止日期不能早于起始日期 2024-03-13');
    const ended = await coordinator.request('POST', `/api/org/leading-group-members/${ma.id}/end`, { effectiveTo: '2024-09-30', changeReason: '工作调动', version: ma.version });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ effectiveTo: '2024-09-30', changeReason: '工作调动', version: ma.version + 1 });
    expect(names(await members('2024-09-30'))).toContain('马国强');
    expect(names(await members('2024-10-01'))).not.toContain('马国强');
  });

  it('ends one co-leader, but refuses to end the only leader left', async () => {
    const aierken = await byName('艾尔肯·吐尔逊', '2024-06-01');
    const first = await coordinator.request('POST', `/api/org/leading-group-members/${aierken.id}/end`, {
      effectiveTo: '2024-10-31',
      changeReason: '调任',
      version: aierken.version,
    });
    expect(first.status).toBe(200);
    const wang = await byName('王建军', '2024-06-01');
    const audits = await count('audit_log');
    const last = await coordinator.request('POST', `/api/org/leading-group-members/${wang.id}/end`, { effectiveTo: '2024-11-30', changeReason: '调任', version: wang.version });
    expect(last.status).toBe(400);
    expect(last.body.error).toMatchObject({ code: 'LEADING_GROUP_RULE', message: '结束后小组将没有组长：请先任命新组长，或使用「调整领导小组」' });
    expect((await byName('王建军', '2024-12-01')).effectiveTo).toBeNull();
    expect(await count('audit_log')).toBe(audits);
  });

  it('restructures after personnel changes: the old terms end the day before, history on earlier dates is unchanged', async () => {
    const on0601 = names(await members('2024-06-01'));
    const res = await coordinator.request('POST', `/api/org/leading-groups/${groupId}/restructure`, {
      effectiveOn: '2025-01-01',
      reason: '2025 年人事调整',
      members: newList.map((m) => ({ ...m, effectiveFrom: '2025-01-01' })),
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    expect(names(await members('2025-01-01'))).toEqual(['王建军', '李秀兰', '马国强']);
    expect(names(await members('2024-06-01'))).toEqual(on0601);
    const wangOld = (await members('2024-12-31')).find((m) => m.personName === '王建军' && m.effectiveFrom === '2024-03-13');
    expect(wangOld).toMatchObject({ effectiveTo: '2024-12-31', changeReason: '2025 年人事调整' });
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ action: 'leading_group.restructure', entity_id: String(groupId), actor_name: '李秀兰' });
    expect((entry.before as Member[]).map((m) => m.personName)).toContain('王建军');
  });

  it('refuses a group at a village', async () => {
    const res = await coordinator.request('POST', '/api/org/leading-groups', { orgUnitId: v1, name: '村领导小组', establishedOn: '2024-01-01' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'LEADING_GROUP_RULE', message: '依法治镇工作领导小组应设在乡镇' });
  });

  it('updates the group with the version; a stale version is 409', async () => {
    const group = (await coordinator.request('GET', '/api/org/leading-groups')).body.items[0];
    const ok = await coordinator.request('PATCH', `/api/org/leading-groups/${groupId}`, { office: '司法所（法治办）', version: group.version });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ office: '司法所（法治办）', version: group.version + 1 });
    const stale = await coordinator.request('PATCH', `/api/org/leading-groups/${groupId}`, { office: '别处', version: group.version });
    expect(stale.status).toBe(409);
    expect((await coordinator.request('GET', '/api/org/leading-groups')).body.items[0].office).toBe('司法所（法治办）');
  });
});

describe('meetings', () => {
  it('creates and updates a meeting; a stale version is 409 and the row is unchanged', async () => {
    const created = await coordinator.request('POST', '/api/org/meetings', {
      orgUnitId: townId,
      leadingGroupId: groupId,
      kind: 'plenary',
      title: '2024 年度依法治镇工作推进会',
      heldOn: '2024-07-15',
      place: '镇政府会议室',
      host: '王建军',
      attendees: ['王建军', '李秀兰'],
      minutes: '听取上半年工作汇报',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ kind: 'plenary', heldOn: '2024-07-15', attendees: ['王建军', '李秀兰'], version: 1 });
    const id = created.body.id;
    const updated = await coordinator.request('PATCH', `/api/org/meetings/${id}`, { heldOn: '2024-07-16', attendees: ['王建军', '李秀兰', '周文'], version: 1 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ heldOn: '2024-07-16', attendees: ['王建军', '李秀兰', '周文'], title: '2024 年度依法治镇工作推进会', version: 2 });
    const stale = await coordinator.request('PATCH', `/api/org/meetings/${id}`, { title: '迟到的修改', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const row = await env.platform.db.selectFrom('meetings').select(['title', 'held_on', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: '2024 年度依法治镇工作推进会', held_on: '2024-07-16', version: 2 });
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'meeting.update').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(entry.before).toMatchObject({ heldOn: '2024-07-15', version: 1 });
    expect(entry.after).toMatchObject({ heldOn: '2024-07-16', version: 2 });
  });

  it('refuses a meeting of a village tied to the town’s group', async () => {
    const res = await coordinator.request('POST', '/api/org/meetings', { orgUnitId: v1, leadingGroupId: groupId, kind: 'other', title: '村会', heldOn: '2024-05-01' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'LEADING_GROUP_RULE', message: '会议所属单位与领导小组不一致' });
  });

  it.each<[string, object, string, string]>([
    ['no title', { kind: 'special', heldOn: '2024-05-01' }, 'title', '请填写「会议名称」'],
    ['a date that is not a date', { kind: 'special', title: '会', heldOn: '2024/05/01' }, 'heldOn', '「会议日期」格式不正确'],
    ['an unknown kind', { kind: 'party', title: '会', heldOn: '2024-05-01' }, 'kind', '「会议类型」的取值不在允许范围内'],
    ['an empty attendee', { kind: 'special', title: '会', heldOn: '2024-05-01', attendees: [''] }, 'attendees.0', '「参会人」不能为空'],
  ])('refuses %s with 400 naming the field', async (_name, body, field, message) => {
    const res = await coordinator.request('POST', '/api/org/meetings', { orgUnitId: townId, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0]).toEqual({ field, message });
  });
});

describe('tasks (年度工作要点/责任清单)', () => {
  let taskId = 0;

  it('creates a task, pending and not overdue before its deadline', async () => {
    const res = await coordinator.request('POST', '/api/org/tasks', {
      leadingGroupId: groupId,
      year: 2099,
      title: '行政执法案卷评查',
      deadline: '2099-12-31',
      ownerUnitId: await unitId(env, '综合执法大队'),
      ownerName: '综合执法大队',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '行政执法案卷评查', status: 'pending', overdue: false, orgUnitId: townId, version: 1, progress: [] });
    taskId = res.body.id;
  });

  it('records progress with a status change and bumps the version; a stale version is 409 and adds nothing', async () => {
    const res = await coordinator.request('POST', `/api/org/tasks/${taskId}/progress`, { notedOn: '2024-08-01', note: '已完成一季度案卷自查', status: 'in_progress', version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'in_progress', version: 2 });
    expect(res.body.progress).toEqual([{ id: expect.any(Number), notedOn: '2024-08-01', note: '已完成一季度案卷自查', notedBy: '李秀兰' }]);
    const rows = await count('task_progress');
    const stale = await coordinator.request('POST', `/api/org/tasks/${taskId}/progress`, { notedOn: '2024-08-02', note: '重复登记', status: 'done', version: 1 });
    expect(stale.status).toBe(409);
    expect(await count('task_progress')).toBe(rows);
    const row = await env.platform.db.selectFrom('group_tasks').select(['status', 'version']).where('id', '=', taskId).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'in_progress', version: 2 });
  });

  it('updates a task with the version; a stale version is 409 and the row is unchanged', async () => {
    const ok = await coordinator.request('PATCH', `/api/org/tasks/${taskId}`, { deadline: '2099-11-30', version: 2 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ deadline: '2099-11-30', version: 3, progress: [expect.objectContaining({ note: '已完成一季度案卷自查' })] });
    const stale = await coordinator.request('PATCH', `/api/org/tasks/${taskId}`, { title: '改名', version: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await env.platform.db.selectFrom('group_tasks').select('title').where('id', '=', taskId).executeTakeFirstOrThrow()).title).toBe('行政执法案卷评查');
  });

  it('flags a pending task whose deadline has passed as overdue, and a done one as not', async () => {
    const late = await coordinator.request('POST', '/api/org/tasks', { leadingGroupId: groupId, year: 2024, title: '逾期未办', deadline: '2024-01-31' });
    expect(late.body).toMatchObject({ status: 'pending', overdue: true });
    const done = await coordinator.request('POST', '/api/org/tasks', { leadingGroupId: groupId, year: 2024, title: '已办结', deadline: '2024-01-31', status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    const list = await coordinator.request('GET', '/api/org/tasks?year=2024&status=pending');
    expect(list.body.items.map((t: { title: string }) => t.title)).toEqual(['逾期未办']);
    expect(list.body.items[0].overdue).toBe(true);
  });

  it('lists the demo town’s tasks of 2024 as done', async () => {
    const list = await coordinator.request('GET', `/api/org/tasks?year=2024&status=done&leadingGroupId=${groupId}`);
    expect(list.body.items.map((t: { title: string }) => t.title)).toEqual(expect.arrayContaining(['党委中心组集体学法', '党政主要负责人讲法治课', '民主法治示范村复核']));
    expect(list.body.items.every((t: { overdue: boolean }) => !t.overdue)).toBe(true);
  });

  it('refuses an owner unit outside the coordinator’s town, on create and on update', async () => {
    const create = await coordinator.request('POST', '/api/org/tasks', {
      leadingGroupId: groupId,
      year: 2024,
      title: '别镇的事',
      deadline: '2024-12-31',
      ownerUnitId: otherTownId,
    });
    expect(create.status).toBe(404);
    const update = await coordinator.request('PATCH', `/api/org/tasks/${taskId}`, { ownerUnitId: otherTownId, version: 3 });
    expect(update.status).toBe(404);
    expect((await env.platform.db.selectFrom('group_tasks').select('owner_unit_id').where('id', '=', taskId).executeTakeFirstOrThrow()).owner_unit_id).not.toBe(otherTownId);
  });

  it('answers an owner unit that does not exist as bad input, not as a server error', async () => {
    const task = (await coordinator.request('GET', '/api/org/tasks?year=2099')).body.items[0];
    const res = await coordinator.request('PATCH', `/api/org/tasks/${task.id}`, { ownerUnitId: 999999, version: task.version });
    expect([400, 404]).toContain(res.status);
  });

  it.each<[string, object, string, string]>([
    ['a year before 2000', { year: 1999, title: '旧事', deadline: '1999-12-31' }, 'year', '「年度」不能小于 2000'],
    ['no deadline', { year: 2024, title: '无期限' }, 'deadline', '请填写「完成时限」'],
    ['an unknown status', { year: 2024, title: '怪状态', deadline: '2024-12-31', status: 'paused' }, 'status', '「状态」的取值不在允许范围内'],
  ])('refuses %s with 400 naming the field', async (_name, body, field, message) => {
    const res = await coordinator.request('POST', '/api/org/tasks', { leadingGroupId: groupId, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toEqual({ field, message });
  });
});

describe('who may write', () => {
  it.each<[string, 'POST' | 'PATCH', () => string, () => object]>([
    ['add a member', 'POST', () => `/api/org/leading-groups/${groupId}/members`, () => ({ personName: '书记加的', office: 'x', position: 'member', effectiveFrom: '2024-05-01' })],
    [
      'restructure',
      'POST',
      () => `/api/org/leading-groups/${groupId}/restructure`,
      () => ({ effectiveOn: '2026-01-01', reason: 'x', members: [{ personName: '甲', office: 'x', position: 'leader', effectiveFrom: '2026-01-01' }] }),
    ],
    ['change the group', 'PATCH', () => `/api/org/leading-groups/${groupId}`, () => ({ name: '书记改名', version: 99 })],
    ['record a meeting', 'POST', () => '/api/org/meetings', () => ({ orgUnitId: townId, kind: 'special', title: '书记的会', heldOn: '2024-05-01' })],
    ['create a task', 'POST', () => '/api/org/tasks', () => ({ leadingGroupId: groupId, year: 2024, title: '书记的任务', deadline: '2024-12-31' })],
  ])('a leader (镇党委书记) may read but not %s: 403, nothing changes', async (_what, method, url, body) => {
    const tables = ['leading_group_members', 'meetings', 'group_tasks'] as const;
    const before = await Promise.all(tables.map(count));
    const res = await shuji.request(method, url(), body());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect((await shuji.request('GET', `/api/org/leading-groups/${groupId}/members?asOf=2024-06-01`)).status).toBe(200);
  });

  it('a leader may not record task progress either', async () => {
    const task = (await shuji.request('GET', '/api/org/tasks?year=2099')).body.items[0];
    const res = await shuji.request('POST', `/api/org/tasks/${task.id}/progress`, { notedOn: '2024-09-01', note: '书记登记', version: task.version });
    expect(res.status).toBe(403);
    expect((await shuji.request('GET', '/api/org/tasks?year=2099')).body.items[0].progress).toHaveLength(task.progress.length);
  });
});

describe('updates take only the fields of the contract', () => {
  it('a meeting cannot be moved to a unit outside the coordinator’s scope, nor voided, through extra body fields', async () => {
    const m = (await coordinator.request('POST', '/api/org/meetings', { orgUnitId: townId, kind: 'other', title: '留在本镇', heldOn: '2024-09-01' })).body;
    await coordinator.request('PATCH', `/api/org/meetings/${m.id}`, { version: 1, title: '挪走', org_unit_id: otherTownId, voided_at: '2024-09-02T00:00:00Z' });
    const row = await env.platform.db.selectFrom('meetings').select(['org_unit_id', 'voided_at']).where('id', '=', m.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ org_unit_id: townId, voided_at: null });
  });

  it('a leading group cannot be moved to another town through an extra body field', async () => {
    const g = (await coordinator.request('POST', '/api/org/leading-groups', { orgUnitId: townId, name: '测试小组', establishedOn: '2024-01-01' })).body;
    await coordinator.request('PATCH', `/api/org/leading-groups/${g.id}`, { version: g.version, org_unit_id: otherTownId });
    const row = await env.platform.db.selectFrom('leading_groups').select('org_unit_id').where('id', '=', g.id).executeTakeFirstOrThrow();
    expect(row.org_unit_id).toBe(townId);
  });

  it('a task cannot be moved to another town through an extra body field', async () => {
    const t = (await coordinator.request('POST', '/api/org/tasks', { leadingGroupId: groupId, year: 2024, title: '不许挪', deadline: '2024-12-31' })).body;
    await coordinator.request('PATCH', `/api/org/tasks/${t.id}`, { version: t.version, org_unit_id: otherTownId });
    const row = await env.platform.db.selectFrom('group_tasks').select('org_unit_id').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(row.org_unit_id).toBe(townId);
  });

  it('a member referring to a unit that does not exist is bad input, and nothing is half-written', async () => {
    const rows = await count('leading_group_members');
    const res = await coordinator.request('POST', `/api/org/leading-groups/${groupId}/members`, {
      personName: '无名',
      office: '代表',
      position: 'member',
      effectiveFrom: '2025-02-01',
      representsOrgUnitId: 999999,
    });
    expect([400, 404]).toContain(res.status);
    expect(await count('leading_group_members')).toBe(rows);
  });
});
