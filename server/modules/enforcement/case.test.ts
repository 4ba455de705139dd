import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountOwed } from '../../../domain/enforcement/rules.ts';
import type { Role } from '../../../domain/platform/roles.ts';
import type { Ctx } from '../../platform/context.ts';
import { createTestEnv, login, PASSWORD, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import * as org from '../org/org.service.ts';

let env: TestEnv;
let officer: Session;
let officer2: Session;
let leader: Session;
let reviewer: Session;
let coordinator: Session;
let supervisor: Session;
let stranger: Session;
let admin: Session;
const ids = { town: 0, ma: 0, zhao: 0, shenhe: 0 };
const powers = new Map<string, number>();

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d6f0a20000000049454e44ae426082', 'hex');

type Res = { status: number; body: any };
const act = (s: Session, id: number, action: string, body: object) => s.request('POST', `/api/enforcement/cases/${id}/${action}`, body);
function ok(res: Res) {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
/** A refusal the law gives: 409 with the article in its Chinese message. */
function refused(res: Res, message: RegExp) {
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  expect(res.body.error.code).toBe('ENFORCEMENT_RULE');
  expect(res.body.error.message).toMatch(message);
}
const userId = async (username: string) => (await env.platform.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

async function clue(powerCode: string, extra: Record<string, unknown> = {}) {
  return ok(
    await officer.request('POST', '/api/enforcement/cases', {
      powerId: powers.get(powerCode),
      partyType: 'person',
      partyName: '孙大海',
      partyIdNumber: '654202198807071234',
      partyPhone: '13912345678',
      partyAddress: '乌苏市四棵树镇黄渠村3组8号',
      summary: '孙大海未经许可滥伐林木',
      actDate: '2025-05-30',
      actPlace: '黄渠村3组林地',
      clueSource: '护林员报告',
      discoveredOn: '2025-06-02',
      ...extra,
    }),
  );
}
async function filed(c: any, on = '2025-06-03') {
  const requested = ok(await act(officer, c.id, 'request-filing', { requestedOn: on, investigatorIds: [ids.ma, ids.zhao], opinion: '建议立案', version: c.version }));
  return ok(await act(leader, c.id, 'filing-decision', { approve: true, decidedOn: on, opinion: '同意立案', version: requested.version }));
}
async function evidence(c: any, at = '2025-06-04T10:00:00+08:00', attachmentId?: number) {
  return ok(
    await act(officer, c.id, 'evidence', {
      kind: 'inspection_record',
      title: '现场检查笔录',
      collectedAt: at,
      place: '现场',
      collectorIds: [ids.ma, ids.zhao],
      attachmentId,
      version: c.version,
    }),
  );
}
const noPenalty = (c: any, concludedOn: string) =>
  act(officer, c.id, 'conclude', {
    concludedOn,
    facts: '违法行为轻微并及时改正',
    evidenceSummary: '现场检查笔录',
    outcome: 'no_penalty',
    kinds: [],
    fineAmount: 0,
    basis: '《中华人民共和国行政处罚法》第三十三条第一款',
    reviewConditions: [],
    complexOrMajor: false,
    version: c.version,
  });

async function upload(s: Session, orgUnitId: number, data: Buffer) {
  const boundary = `----fazhi${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="orgUnitId"\r\n\r\n${orgUnitId}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="entityType"\r\n\r\nenforcement_case\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场照片.png"\r\nContent-Type: image/png\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/attachments',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  env = await createTestEnv();
  [officer, officer2, leader, reviewer, coordinator, supervisor, admin] = await Promise.all(
    ['zhifa1', 'zhifa2', 'shuji', 'shenhe', 'sifasuo', 'ducha', 'admin'].map((u) => login(env.app, u)),
  );
  ids.town = await unitId(env, '四棵树镇');
  ids.ma = await userId('zhifa1');
  ids.zhao = await userId('zhifa2');
  ids.shenhe = await userId('shenhe');
  for (const p of ok(await officer.request('GET', '/api/enforcement/powers')).items) powers.set(p.code, p.id);
  // Another town with its own officer, who must never see 四棵树镇's cases.
  const adminRow = await env.platform.db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['users.id', 'org_units.path', 'users.org_unit_id'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
  const ctx: Ctx = {
    ...env.platform,
    ip: '127.0.0.1',
    actor: {
      userId: adminRow.id,
      username: 'admin',
      displayName: '系统管理员',
      orgUnitId: adminRow.org_unit_id,
      mustChangePassword: false,
      grants: (['admin'] as Role[]).map((role) => ({ role, orgUnitId: adminRow.org_unit_id, path: adminRow.path })),
      sessionId: '',
      csrfToken: '',
    },
  };
  const other = await org.createUnit(ctx, { parentId: await unitId(env, '乌苏市'), kind: 'town', name: '白杨沟镇' });
  const { user } = await org.createUser(ctx, { username: 'byg_zhifa', displayName: '白杨沟执法员', orgUnitId: other.id }, { password: PASSWORD, mustChange: false });
  await org.grantRole(ctx, { userId: user.id, role: 'officer', orgUnitId: other.id });
  stranger = await login(env.app, 'byg_zhifa');
});
afterAll(async () => env?.close());

describe('简易程序 (arts 51, 52, 68)', () => {
  const simple = (extra: Record<string, unknown>) => ({
    powerId: powers.get('XZCF-016'),
    partyType: 'person',
    partyName: '钱多多',
    partyAddress: '乌苏市四棵树镇四棵树村2组1号',
    summary: '占用消防车通道',
    actDate: '2025-03-03',
    decidedOn: '2025-03-03',
    officerIds: [ids.ma, ids.zhao],
    kinds: ['fine'],
    fineAmount: 200,
    facts: '将车辆停放在消防车通道内',
    basis: '《中华人民共和国消防法》第六十条第二款',
    ...extra,
  });
  it('refuses a fine above 200 元 for a person and above 3000 元 for an organisation, and says to use the ordinary procedure', async () => {
    refused(await officer.request('POST', '/api/enforcement/cases/simple', simple({ fineAmount: 201 })), /第五十一条.*200 元.*请适用普通程序/);
    refused(
      await officer.request('POST', '/api/enforcement/cases/simple', simple({ partyType: 'organisation', partyName: '某某商贸有限公司', fineAmount: 3001 })),
      /第五十一条.*3000 元/,
    );
    refused(await officer.request('POST', '/api/enforcement/cases/simple', simple({ kinds: ['warning'], fineAmount: 0, officerIds: [ids.ma] })), /不得少于两人.*第四十二条/);
  });
  it('refuses on-the-spot collection above 100 元 (art. 68) and numbers the decision', async () => {
    refused(await officer.request('POST', '/api/enforcement/cases/simple', simple({ paymentMethod: 'on_spot', paidOn: '2025-03-03' })), /第六十八条/);
    const c = ok(await officer.request('POST', '/api/enforcement/cases/simple', simple({ partyType: 'organisation', partyName: '某某商贸有限公司', fineAmount: 3000 })));
    expect(c).toMatchObject({ procedure: 'simple', status: 'served', outcome: 'penalty', fineAmount: 3000 });
    expect(c.decisionNumber).toMatch(/^四镇综执罚〔2025〕\d+号$/);
    expect(c.agenda.deadlines.map((d: { label: string }) => d.label)).toContain('缴纳罚款');
  });
  it('owes nothing once paid on the spot: the page offers no court enforcement, and the server refuses it', async () => {
    const c = ok(await officer.request('POST', '/api/enforcement/cases/simple', simple({ fineAmount: 100, paymentMethod: 'on_spot', paidOn: '2025-03-03' })));
    expect(c).toMatchObject({ status: 'served', fineAmount: 100, paidAmount: 100 });
    expect(amountOwed(c)).toBe(0);
    const res = await act(leader, c.id, 'court-enforcement', { urgedOn: '2025-09-10', appliedOn: '2025-09-22', court: '乌苏市人民法院', version: c.version });
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([409, 'ENFORCEMENT_STATE', '罚款和加处罚款已缴清，无须申请强制执行']);
  });
});

describe('立案 (arts 36, 42)', () => {
  it('refuses 立案 past the two-year limitation, and past five years where the power says so', async () => {
    const old = await clue('XZCF-013', { actDate: '2023-05-30' });
    refused(
      await act(officer, old.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [ids.ma, ids.zhao], opinion: '建议立案', version: old.version }),
      /第三十六条规定的二年追责期限，不予立案/,
    );
    const five = ok(
      await coordinator.request('POST', '/api/enforcement/powers', {
        bodyId: (await env.platform.db.selectFrom('enforcement_bodies').select('id').executeTakeFirstOrThrow()).id,
        code: 'XZCF-T05',
        name: '销售不符合食品安全标准的食品（试）',
        law: '《中华人民共和国食品安全法》',
        article: '第一百二十四条',
        penaltyKinds: ['fine'],
        penaltyRange: '罚款',
        fiveYearLimitation: true,
      }),
    );
    powers.set('XZCF-T05', five.id);
    const within = await clue('XZCF-T05', { actDate: '2021-01-10' });
    ok(await act(officer, within.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [ids.ma, ids.zhao], opinion: '建议立案', version: within.version }));
    const beyond = await clue('XZCF-T05', { actDate: '2019-06-01' });
    refused(
      await act(officer, beyond.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [ids.ma, ids.zhao], opinion: '建议立案', version: beyond.version }),
      /五年追责期限/,
    );
  });
  it('needs two officers holding valid certificates, and only a leader approves', async () => {
    const c = await clue('XZCF-013');
    refused(await act(officer, c.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [ids.ma], opinion: '建议立案', version: c.version }), /不得少于两人/);
    refused(
      await act(officer, c.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [ids.ma, ids.shenhe], opinion: '建议立案', version: c.version }),
      /周文.*未持有有效的行政执法证件/,
    );
    const requested = ok(await act(officer, c.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [ids.ma, ids.zhao], opinion: '建议立案', version: c.version }));
    expect((await act(officer, c.id, 'filing-decision', { approve: true, decidedOn: '2025-06-03', opinion: '同意', version: requested.version })).status).toBe(403);
    const refusedFiling = ok(await act(leader, c.id, 'filing-decision', { approve: false, decidedOn: '2025-06-04', opinion: '不属于本机关管辖', version: requested.version }));
    expect(refusedFiling.status).toBe('not_filed');
    const late = await act(officer, c.id, 'evidence', {
      kind: 'inspection_record',
      title: 'x',
      collectedAt: '2025-06-04T10:00:00+08:00',
      place: 'x',
      collectorIds: [ids.ma, ids.zhao],
      version: refusedFiling.version,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('ENFORCEMENT_STATE');
  });
});

describe('an ordinary case from 线索 to 归档, refused at every illegal step', () => {
  let c: any;
  it('files the case and numbers it', async () => {
    c = await filed(await clue('XZCF-013'));
    expect(c.status).toBe('investigating');
    expect(c.filingNumber).toMatch(/^四镇综执立〔2025〕\d+号$/);
    expect(c.agenda.deadlines[0]).toMatchObject({ label: '作出处罚决定', due: '2025-09-01', article: '第六十条' });
    expect(c.party.idNumber).toBe('654***********1234'); // as the leader who approved sees it
    expect(ok(await officer.request('GET', `/api/enforcement/cases/${c.id}`)).party.idNumber).toBe('654202198807071234');
    const asSupervisor = ok(await supervisor.request('GET', `/api/enforcement/cases/${c.id}`));
    expect(asSupervisor.party.idNumber).toBe('654***********1234');
    expect(asSupervisor.party.phone).toBe('139****5678');
    const stored = await env.platform.db.selectFrom('enforcement_cases').select(['party_id_enc', 'party_phone_enc']).where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('654202198807071234');
    const readOnly = await act(supervisor, c.id, 'evidence', {
      kind: 'inspection_record',
      title: 'x',
      collectedAt: '2025-06-04T10:00:00+08:00',
      place: 'x',
      collectorIds: [ids.ma, ids.zhao],
      version: c.version,
    });
    expect(readOnly.status).toBe(403);
  });

  it('collects evidence with two certified officers, with the file’s hash', async () => {
    refused(
      await act(officer, c.id, 'evidence', {
        kind: 'inspection_record',
        title: '笔录',
        collectedAt: '2025-06-04T10:00:00+08:00',
        place: '现场',
        collectorIds: [ids.ma],
        version: c.version,
      }),
      /第四十二条/,
    );
    refused(
      await act(officer, c.id, 'conclude', {
        concludedOn: '2025-06-06',
        facts: 'x',
        evidenceSummary: 'x',
        outcome: 'penalty',
        kinds: ['fine'],
        fineAmount: 6000,
        basis: 'x',
        reviewConditions: [],
        complexOrMajor: false,
        version: c.version,
      }),
      /第四十条/,
    );
    const file = await upload(officer, ids.town, PNG);
    c = await evidence(c, '2025-06-04T10:00:00+08:00', file.id);
    expect(c.evidence[0]).toMatchObject({ sha256: createHash('sha256').update(PNG).digest('hex'), collectors: ['马国强', '赵海燕'], filename: '现场照片.png' });
  });

  it('concludes, and is refused a decision without notice, legal review, discussion and statements', async () => {
    c = ok(
      await act(officer, c.id, 'conclude', {
        concludedOn: '2025-06-06',
        facts: '孙大海于2025年5月30日未取得采伐许可证滥伐杨树30株，林木价值2000元（当事人电话13912345678）',
        evidenceSummary: '现场检查笔录、照片',
        outcome: 'penalty',
        kinds: ['fine'],
        fineAmount: 6000,
        basis: '《中华人民共和国森林法》第七十六条第二款',
        reviewConditions: ['major_rights'],
        complexOrMajor: true,
        version: c.version,
      }),
    );
    const decide = (decidedOn: string, fineAmount = 6000) =>
      act(leader, c.id, 'decision', { decidedOn, outcome: 'penalty', kinds: ['fine'], fineAmount, reasons: '按裁量基准', version: c.version });
    refused(await decide('2025-06-06'), /第四十四条、第六十二条/);
    c = ok(await act(officer, c.id, 'notice', { servedOn: '2025-06-09', method: 'direct', version: c.version }));
    expect(c.notice).toMatchObject({ hearingRight: true, hearingDeadline: '2025-06-16' });
    refused(await decide('2025-06-10'), /第五十八条.*未经法制审核/);

    // An officer who is also a reviewer may not review a case they investigate.
    ok(await admin.request('POST', '/api/org/role-assignments', { userId: ids.zhao, role: 'reviewer', orgUnitId: ids.town }));
    refused(await act(officer2, c.id, 'legal-review', { reviewedOn: '2025-06-10', opinion: 'agree', comments: '同意', version: c.version }), /不得是本案的调查人员/);
    // A reviewer new to the work since the 2021 law needs the 法律职业资格 (art. 58②).
    const newcomer = await userId('sifasuo');
    ok(await admin.request('POST', '/api/org/role-assignments', { userId: newcomer, role: 'reviewer', orgUnitId: ids.town }));
    const review = () => act(coordinator, c.id, 'legal-review', { reviewedOn: '2025-06-10', opinion: 'agree', comments: '同意', version: c.version });
    refused(await review(), /未登记为本乡镇的法制审核人员/);
    const entry = ok(await coordinator.request('POST', '/api/enforcement/legal-reviewers', { orgUnitId: ids.town, userId: newcomer, name: '司法所', startedOn: '2023-09-01' }));
    expect(entry.problem).toMatch(/第五十八条第二款/);
    refused(await review(), /法律职业资格.*第五十八条第二款/);
    ok(await coordinator.request('PATCH', `/api/enforcement/legal-reviewers/${entry.id}`, { active: false, version: entry.version }));
    refused(await review(), /不在法制审核岗位/);
    c = ok(await act(reviewer, c.id, 'legal-review', { reviewedOn: '2025-06-10', opinion: 'correct', comments: '裁量理由不充分', version: c.version }));
    refused(await decide('2025-06-10'), /纠正.*审核未通过/);
    c = ok(await act(reviewer, c.id, 'legal-review', { reviewedOn: '2025-06-11', opinion: 'agree', comments: '同意', version: c.version }));
    refused(await decide('2025-06-11'), /集体讨论.*第五十七条第二款/);
    c = ok(await act(leader, c.id, 'discussion', { discussedOn: '2025-06-11', attendees: ['王建军', '艾尔肯·吐尔逊', '李秀兰'], conclusion: '同意', version: c.version }));
    refused(await decide('2025-06-11'), /陈述、申辩.*第四十五条/);
    refused(await act(officer, c.id, 'statements', { recordedOn: '2025-06-11', stated: true, content: '请求从轻', version: c.version }), /复核.*第四十五条第一款/);
    c = ok(
      await act(officer, c.id, 'statements', { recordedOn: '2025-06-11', stated: true, content: '请求从轻', reexamination: '理由不成立', adopted: false, version: c.version }),
    );
    refused(await decide('2025-06-12'), /2025-06-16 前.*第六十四条第一项/);
  });

  it('takes a hearing request within 5 working days and notifies 7 working days ahead, presided by a non-investigator', async () => {
    refused(await act(officer, c.id, 'hearing-request', { requestedOn: '2025-06-17', version: c.version }), /五日内.*第六十四条第一项/);
    c = ok(await act(officer, c.id, 'hearing-request', { requestedOn: '2025-06-16', version: c.version }));
    const schedule = (hearingOn: string, presiderId: number) =>
      act(officer, c.id, 'hearing-schedule', { notifiedOn: '2025-06-17', hearingOn, place: '镇政府会议室', presiderId, public: true, version: c.version });
    refused(await schedule('2025-06-25', ids.shenhe), /七日前.*2025-06-26/);
    refused(await schedule('2025-06-26', ids.zhao), /非本案调查人员主持/);
    c = ok(await schedule('2025-06-26', ids.shenhe));
    refused(
      await act(leader, c.id, 'decision', { decidedOn: '2025-06-26', outcome: 'penalty', kinds: ['fine'], fineAmount: 6000, reasons: 'x', version: c.version }),
      /听证结束前不得/,
    );
    c = ok(await act(officer, c.id, 'hearing-record', { heldOn: '2025-06-26', partyAttended: true, minutes: '当事人到场陈述', version: c.version }));
    expect(c.hearing).toMatchObject({ heldOn: '2025-06-26', presiderName: '周文', waived: false });
  });

  it('decides only after a new legal review, never heavier than notified, and numbers the decision', async () => {
    const decide = (fineAmount: number) =>
      act(leader, c.id, 'decision', { decidedOn: '2025-06-27', outcome: 'penalty', kinds: ['fine'], fineAmount, reasons: '按裁量基准', version: c.version });
    refused(await decide(6000), /听证后须重新进行法制审核/);
    c = ok(await act(reviewer, c.id, 'legal-review', { reviewedOn: '2025-06-27', opinion: 'agree', comments: '听证后复审同意', version: c.version }));
    refused(await decide(8000), /第四十五条第二款/);
    expect(
      (await act(officer, c.id, 'decision', { decidedOn: '2025-06-27', outcome: 'penalty', kinds: ['fine'], fineAmount: 6000, reasons: 'x', version: c.version })).status,
    ).toBe(403);
    c = ok(await decide(6000));
    expect(c).toMatchObject({ status: 'decided', outcome: 'penalty', fineAmount: 6000 });
    expect(c.decisionNumber).toMatch(/^四镇综执罚〔2025〕\d+号$/);
    expect(c.agenda.deadlines.map((d: { label: string; due: string }) => [d.label, d.due])).toEqual([
      ['送达决定书', '2025-07-08'],
      ['公示处罚决定', '2025-07-08'],
    ]);
  });

  it('serves within 7 working days (or says why not), collects the fine with the 3 % surcharge, closes and archives', async () => {
    refused(await act(officer, c.id, 'service', { servedOn: '2025-07-09', method: 'direct', recipient: '孙大海', version: c.version }), /七日内.*第六十一条/);
    refused(await act(officer, c.id, 'service', { servedOn: '2025-07-01', method: 'electronic', recipient: '孙大海', version: c.version }), /第六十一条第二款/);
    c = ok(await act(officer, c.id, 'service', { servedOn: '2025-07-01', method: 'direct', recipient: '孙大海', place: '当事人住所', version: c.version }));
    expect(c.paymentDue).toBe('2025-07-16');
    refused(await act(officer, c.id, 'close', { closedOn: '2025-07-02', summary: '结案', version: c.version }), /尚未缴清.*第七十二条/);
    refused(await act(officer, c.id, 'payment', { paidOn: '2025-07-02', amount: 6000, method: 'on_spot', version: c.version }), /第六十八条/);
    c = ok(await act(officer, c.id, 'payment', { paidOn: '2025-07-18', amount: 6000, method: 'bank', receipt: 'P001', version: c.version }));
    expect(c).toMatchObject({ paidAmount: 6000, surchargeDue: 360, surchargePaid: 0 });
    refused(await act(officer, c.id, 'close', { closedOn: '2025-07-18', summary: '结案', version: c.version }), /加处罚款 360\.00 元/);
    expect((await act(officer, c.id, 'payment', { paidOn: '2025-07-19', amount: 400, method: 'bank', version: c.version })).status).toBe(400);
    c = ok(await act(officer, c.id, 'payment', { paidOn: '2025-07-19', amount: 360, method: 'bank', version: c.version }));
    expect((await act(officer, c.id, 'archive', { archivedOn: '2025-07-20', version: c.version })).body.error.code).toBe('ENFORCEMENT_STATE');
    c = ok(await act(officer, c.id, 'close', { closedOn: '2025-07-20', summary: '罚款及加处罚款已缴清', version: c.version }));
    c = ok(await act(officer, c.id, 'archive', { archivedOn: '2025-07-21', volume: '2025-普-9', version: c.version }));
    expect(c.status).toBe('archived');
  });

  it('publishes late (flagged), masks the party on the public page, and withdraws a revoked decision with its reason', async () => {
    c = ok(await act(coordinator, c.id, 'publish', { publishedOn: '2025-07-10', version: c.version }));
    expect(c.publication).toMatchObject({ dueOn: '2025-07-08', late: true });
    const portal = await env.app.inject({ method: 'GET', url: '/api/public/enforcement' });
    expect(portal.statusCode).toBe(200);
    const published = portal.json().decisions.find((d: { decisionNumber: string }) => d.decisionNumber === c.decisionNumber);
    expect(published).toMatchObject({ partyName: '孙某某', partyAddress: '乌苏市四棵树镇黄渠村', penalty: '罚款人民币6000.00元', withdrawnOn: null });
    expect(published.facts).toMatch(/^孙某某于2025年5月30日.*电话139\*{4}5678/);
    expect(portal.body).not.toMatch(/孙大海|654202198807071234|13912345678|3组8号/);
    c = ok(await act(leader, c.id, 'decision-change', { changedOn: '2025-08-01', kind: 'revoked', authority: '乌苏市人民政府', reason: '行政复议决定撤销', version: c.version }));
    expect(c.agenda.deadlines.map((d: { label: string; due: string }) => [d.label, d.due])).toEqual([['撤回公示信息', '2025-08-06']]);
    c = ok(await act(coordinator, c.id, 'withdraw', { withdrawnOn: '2025-08-04', reason: '原处罚决定已被行政复议撤销', version: c.version }));
    const after = (await env.app.inject({ method: 'GET', url: '/api/public/enforcement' })).json();
    expect(after.decisions.find((d: { decisionNumber: string }) => d.decisionNumber === c.decisionNumber)).toMatchObject({
      withdrawnOn: '2025-08-04',
      withdrawReason: '原处罚决定已被行政复议撤销',
      facts: '',
    });
  });

  it('records every step on the timeline, and its SM3 chain verifies until someone edits a row', async () => {
    const timeline = ok(await supervisor.request('GET', `/api/enforcement/cases/${c.id}/timeline`)).items;
    expect(timeline.map((e: { kind: string }) => e.kind)).toEqual(
      expect.arrayContaining([
        'clue',
        'filing_request',
        'filing_approve',
        'evidence',
        'conclude',
        'notice',
        'legal_review',
        'discussion',
        'statements',
        'hearing_request',
        'hearing_schedule',
        'hearing_record',
        'decision',
        'service',
        'payment',
        'close',
        'archive',
        'publish',
        'decision_change',
        'withdraw',
      ]),
    );
    expect(timeline.every((e: { actorName: string; at: string }) => e.actorName && e.at)).toBe(true);
    expect(ok(await supervisor.request('GET', `/api/enforcement/cases/${c.id}/verify`))).toMatchObject({ ok: true, length: timeline.length });
    await env.platform.db.updateTable('enforcement_case_events').set({ summary: '被篡改' }).where('case_id', '=', c.id).where('seq', '=', 3).execute();
    const broken = ok(await supervisor.request('GET', `/api/enforcement/cases/${c.id}/verify`));
    expect(broken.ok).toBe(false);
    expect(broken.problems.join()).toMatch(/第 3 条记录.*被改动/);
  });
});

describe('deadlines and ranges', () => {
  it('refuses a decision after 90 days unless the period was lawfully extended', async () => {
    let c = await filed(await clue('XZCF-013', { actDate: '2024-12-20', discoveredOn: '2025-01-03' }), '2025-01-06');
    c = ok(await noPenalty(c, '2025-01-20'));
    const decide = () => act(leader, c.id, 'decision', { decidedOn: '2025-04-07', outcome: 'no_penalty', kinds: [], fineAmount: 0, reasons: '轻微并及时改正', version: c.version });
    refused(await decide(), /第六十条.*九十日内（至 2025-04-06）/);
    c = ok(await act(leader, c.id, 'extend', { extendedTo: '2025-05-06', basis: '案情复杂，经负责人批准延长三十日', version: c.version }));
    c = ok(await decide());
    expect(c).toMatchObject({ status: 'decided', outcome: 'no_penalty' });
  });
  it('refuses a fine outside the powers list’s range', async () => {
    let c = await filed(await clue('XZCF-005', { summary: '露天焚烧秸秆' }));
    c = await evidence(c);
    refused(
      await act(officer, c.id, 'conclude', {
        concludedOn: '2025-06-05',
        facts: 'x',
        evidenceSummary: 'x',
        outcome: 'penalty',
        kinds: ['fine'],
        fineAmount: 3000,
        basis: 'x',
        reviewConditions: [],
        complexOrMajor: false,
        version: c.version,
      }),
      /超出.*幅度（500–2000 元）/,
    );
  });
});

describe('clue corrections, 先行登记保存, 暂缓/分期缴纳 and court enforcement (art. 56, art. 66, 行政强制法 arts 53–54)', () => {
  it('corrects a clue before 立案 is requested, keeping the ID number when it is left out', async () => {
    let c = await clue('XZCF-013');
    const edit = (extra: Record<string, unknown>) =>
      act(officer, c.id, 'clue', {
        powerId: powers.get('XZCF-005'),
        partyType: 'person',
        partyName: '孙大河',
        summary: '孙大河露天焚烧秸秆',
        actDate: '2025-05-30',
        discoveredOn: '2025-06-02',
        version: c.version,
        ...extra,
      });
    expect((await edit({ discoveredOn: '2099-01-01' })).status).toBe(400);
    c = ok(await edit({}));
    expect(c).toMatchObject({ party: { name: '孙大河', idNumber: '654202198807071234' }, summary: '孙大河露天焚烧秸秆', powerCode: 'XZCF-005' });
    expect(ok(await officer.request('GET', `/api/enforcement/cases/${c.id}/timeline`)).items.map((e: { kind: string }) => e.kind)).toContain('clue_edit');
    c = await filed(c);
    expect((await edit({})).body.error.code).toBe('ENFORCEMENT_STATE');
  });

  it('keeps preserved evidence under a 7-working-day decision and refuses to end the investigation before it', async () => {
    let c = await filed(await clue('XZCF-013', { summary: '非法收购滥伐的林木' }), '2025-06-03');
    c = await evidence(c);
    c = ok(await act(officer, c.id, 'preservation', { approvedOn: '2025-06-04', approver: '王建军', items: '杨木原木 12 根', place: '镇综合执法队仓库', version: c.version }));
    expect(c.preservations).toMatchObject([{ no: 1, due: '2025-06-13', handledOn: null }]);
    expect(c.agenda.deadlines).toContainEqual(expect.objectContaining({ label: '先行登记保存处理决定', due: '2025-06-13', article: '第五十六条' }));
    refused(await noPenalty(c, '2025-06-05'), /尚未作出处理决定.*第五十六条/);
    const handle = (handledOn: string, lateReason?: string) =>
      act(officer, c.id, 'preservation-handling', { no: 1, handledOn, handling: 'confiscate', handlingNote: '依法没收', lateReason, version: c.version });
    refused(await handle('2025-06-16'), /七日内.*2025-06-13.*第五十六条/);
    c = ok(await handle('2025-06-16', '鉴定意见于6月16日出具'));
    expect(c.preservations[0]).toMatchObject({ handledOn: '2025-06-16', handling: 'confiscate', lateReason: '鉴定意见于6月16日出具' });
    expect((await handle('2025-06-17')).body.error.code).toBe('ENFORCEMENT_STATE');
    c = ok(await noPenalty(c, '2025-06-17'));
    expect(c.status).toBe('reviewing');
  });

  it('approves payment by instalments (leader only), counts the surcharge from the instalment missed, and closes after applying to the court', async () => {
    const simple = {
      powerId: powers.get('XZCF-016'),
      partyType: 'organisation',
      partyName: '某某物流有限公司',
      partyAddress: '乌苏市四棵树镇四棵树村2组1号',
      summary: '占用消防车通道',
      actDate: '2025-03-03',
      decidedOn: '2025-03-03',
      officerIds: [ids.ma, ids.zhao],
      kinds: ['fine'],
      fineAmount: 3000,
      facts: '将货车停放在消防车通道内',
      basis: '《中华人民共和国消防法》第六十条第二款',
    };
    let c = ok(await officer.request('POST', '/api/enforcement/cases/simple', simple));
    expect(c.paymentDue).toBe('2025-03-18');
    const plan = {
      kind: 'instalments',
      appliedOn: '2025-03-10',
      approvedOn: '2025-03-11',
      reason: '企业资金周转困难',
      instalments: [
        { dueOn: '2025-04-10', amount: 1000 },
        { dueOn: '2025-05-10', amount: 2000 },
      ],
    };
    expect((await act(officer, c.id, 'payment-plan', { ...plan, version: c.version })).status).toBe(403);
    refused(
      await act(leader, c.id, 'payment-plan', {
        ...plan,
        instalments: [
          { dueOn: '2025-04-10', amount: 1000 },
          { dueOn: '2025-05-10', amount: 1000 },
        ],
        version: c.version,
      }),
      /应等于尚未缴纳的罚款 3000.00 元/,
    );
    c = ok(await act(leader, c.id, 'payment-plan', { ...plan, version: c.version }));
    expect(c.paymentDue).toBe('2025-04-10');
    expect(c.agenda.deadlines[0]).toMatchObject({ label: '缴纳罚款', due: '2025-04-10', article: '第六十六条' });
    c = ok(await act(officer, c.id, 'payment', { paidOn: '2025-04-09', amount: 1000, method: 'bank', version: c.version }));
    expect(c).toMatchObject({ paidAmount: 1000, paymentDue: '2025-05-10' });
    // the second instalment is 2 days late: 3 % of the fine (90 元) per day
    c = ok(await act(officer, c.id, 'payment', { paidOn: '2025-05-12', amount: 2000, method: 'bank', version: c.version }));
    expect(c).toMatchObject({ paidAmount: 3000, surchargeDue: 180, surchargePaid: 0 });
    // The fine is paid but not its surcharge: money still owed, so court enforcement stays open (page and server).
    expect(amountOwed(c)).toBe(180);
    refused(await act(officer, c.id, 'close', { closedOn: '2025-05-12', summary: '结案', version: c.version }), /加处罚款 180.00 元/);

    const apply = (urgedOn: string, appliedOn: string) => act(leader, c.id, 'court-enforcement', { urgedOn, appliedOn, court: '乌苏市人民法院', version: c.version });
    refused(await apply('2025-08-01', '2025-08-20'), /起诉期限（六个月）至 2025-09-03 届满.*第五十三条/);
    refused(await apply('2025-09-10', '2025-09-15'), /十日后.*最早 2025-09-20/);
    c = ok(await apply('2025-09-10', '2025-09-22'));
    expect(c.courtEnforcement).toMatchObject({ appliedOn: '2025-09-22', court: '乌苏市人民法院' });
    expect(c.agenda.next).toBe('结案');
    c = ok(await act(officer, c.id, 'close', { closedOn: '2025-09-23', summary: '加处罚款未缴纳，已申请人民法院强制执行', version: c.version }));
    expect(c.status).toBe('closed');
    const kinds = ok(await officer.request('GET', `/api/enforcement/cases/${c.id}/timeline`)).items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['payment_plan', 'court_enforcement', 'close']));
  });
});

describe('scope, input and versions', () => {
  it('answers 404 for another town’s case, as if absent, and lists none of them', async () => {
    const c = await clue('XZCF-013');
    for (const res of [
      await stranger.request('GET', `/api/enforcement/cases/${c.id}`),
      await act(stranger, c.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [1, 2], opinion: 'x', version: 1 }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect(ok(await stranger.request('GET', '/api/enforcement/cases')).total).toBe(0);
    expect((await stranger.request('GET', `/api/enforcement/cases/${c.id}/timeline`)).status).toBe(404);
  });
  it('refuses bad input with 400 naming the field in Chinese', async () => {
    const missing = await officer.request('POST', '/api/enforcement/cases', {
      powerId: powers.get('XZCF-013'),
      partyType: 'person',
      summary: 'x',
      actDate: '2025-01-01',
      discoveredOn: '2025-01-02',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('请填写「当事人」');
    const badDate = await officer.request('POST', '/api/enforcement/cases', {
      powerId: powers.get('XZCF-013'),
      partyType: 'person',
      partyName: 'x',
      summary: 'x',
      actDate: '2025/01/01',
      discoveredOn: '2025-01-02',
    });
    expect(badDate.status).toBe(400);
    const future = await officer.request('POST', '/api/enforcement/cases', {
      powerId: powers.get('XZCF-013'),
      partyType: 'person',
      partyName: 'x',
      summary: 'x',
      actDate: '2025-01-01',
      discoveredOn: '2099-01-02',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/不能晚于今天/);
    const c = await clue('XZCF-013');
    expect((await act(officer, c.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [], opinion: 'x', version: c.version })).status).toBe(400);
  });
  it('refuses a stale version with 409 and changes nothing', async () => {
    const c = await clue('XZCF-013');
    ok(await act(officer, c.id, 'request-filing', { requestedOn: '2025-06-03', investigatorIds: [ids.ma, ids.zhao], opinion: '建议立案', version: c.version }));
    const stale = await act(officer2, c.id, 'request-filing', { requestedOn: '2025-06-04', investigatorIds: [ids.ma, ids.zhao], opinion: '再次提请', version: c.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    const now = ok(await officer.request('GET', `/api/enforcement/cases/${c.id}`));
    expect(now.filing.requestedOn).toBe('2025-06-03');
  });
});

describe('decision numbers', () => {
  it('are gap-free and unique per town and year under concurrent decisions', async () => {
    const ready = [];
    for (let i = 0; i < 6; i++) {
      const c = await filed(await clue('XZCF-013', { partyName: `并发${i}` }), '2025-06-03');
      ready.push(ok(await noPenalty(c, '2025-06-05')));
    }
    const before = await env.platform.db.selectFrom('enforcement_counters').select('last_number').where('year', '=', 2025).where('kind', '=', 'decision').executeTakeFirstOrThrow();
    // One of them is sent twice: the loser must fail without burning a number.
    const requests = [...ready, ready[0]].map((c) =>
      act(leader, c.id, 'decision', { decidedOn: '2025-06-06', outcome: 'no_penalty', kinds: [], fineAmount: 0, reasons: '轻微并及时改正', version: c.version }),
    );
    const results = await Promise.all(requests);
    expect(results.filter((r) => r.status === 200)).toHaveLength(6);
    expect(results.filter((r) => r.status === 409)).toHaveLength(1);
    const numbers = results.filter((r) => r.status === 200).map((r) => Number(/〔2025〕(\d+)号/.exec(r.body.decisionNumber)?.[1]));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 6 }, (_, i) => before.last_number + 1 + i));
  });
});
