import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { download, importFile, readWorkbook, rowCount, rowsOf, toBuffer } from '../../test/ledger.ts';

// 人民调解登记台账 through the ledger engine: a row is a dispute's whole history, checked by the dispute's own rules.
let env: TestEnv;
let tiaojie: Session;
let cungb: Session;
let town = 0;
const created: { id: number; number: string }[] = [];
/** Columns the import does not read (sessions, follow-ups, 司法确认 are not part of a ledger row). */
const EXPORT_ONLY = ['序号', '调解次数', '回访情况', '司法确认'];
const EXPORT = '/api/ledgers/disputes/export';

const sheetOf = async (buffer: Buffer) => {
  const wb = await readWorkbook(buffer);
  return { wb, ws: wb.getWorksheet('台账') as ExcelJS.Worksheet };
};
const ledgerRows = async (buffer: Buffer) => rowsOf((await sheetOf(buffer)).ws, 3, EXPORT_ONLY);

const count = (table: 'disputes' | 'audit_log' | 'dispute_parties') => rowCount(env, table);

beforeAll(async () => {
  env = await createTestEnv();
  [tiaojie, cungb] = await Promise.all(['tiaojie', 'cungb'].map((u) => login(env.app, u)));
  town = await unitId(env, '四棵树镇');
  // Five disputes of 2023 at the town, in every state a ledger row can hold.
  const committee = (await tiaojie.request('GET', '/api/mediation/committees')).body.items.find((c: { level: string }) => c.level === 'town');
  const [m1, m2] = committee.members;
  const base = (i: number, over: Record<string, unknown> = {}) => ({
    orgUnitId: town,
    registeredOn: `2023-0${i + 3}-10`,
    source: 'application',
    typeCode: ['neighbourhood', 'contract', 'labour', 'damages', 'traffic'][i],
    summary: `二〇二三年纠纷${i + 1}：双方因琐事发生争执。`,
    parties: [
      { kind: 'person', role: 'applicant', name: `申请人${i + 1}`, idNumber: `65420219700${i + 1}0112${i}X`.slice(0, 18), phone: `1390992000${i}` },
      { kind: 'person', role: 'respondent', name: `被申请人${i + 1}`, idNumber: `65420219710${i + 1}0233${i}1`.slice(0, 18), phone: `1589952000${i}` },
    ],
    ...over,
  });
  const steps = async (d: { id: number; version: number; registeredOn: string }, path: string, body: Record<string, unknown>) => {
    const res = await tiaojie.request('POST', `/api/mediation/disputes/${d.id}/${path}`, { ...body, version: d.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const reg = async (body: Record<string, unknown>) => {
    const res = await tiaojie.request('POST', '/api/mediation/disputes', body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  // 1: written agreement, two mediators, an amount, a third party and an organisation.
  let d = await reg(
    base(0, {
      amount: '3200.00',
      parties: [
        { kind: 'organisation', role: 'applicant', name: '四棵树镇丰收农资店' },
        { kind: 'person', role: 'respondent', name: '被申请人1', idNumber: '654202197101023311', phone: '15899520001' },
        { kind: 'person', role: 'other', name: '第三人甲' },
      ],
    }),
  );
  d = await steps(d, 'accept', { acceptedOn: '2023-03-11', mediatorIds: [m1.id, m2.id] });
  d = await steps(d, 'sessions', { heldOn: '2023-03-12', place: '调解室', mediators: [m1.name], record: '调解' });
  d = await steps(d, 'close', { closedOn: '2023-03-13', outcome: 'succeeded', agreementKind: 'written', terms: '甲方赔偿乙方3200元', performanceDeadline: '十日内' });
  created.push(d);
  // 2: 调解不成, two channels told.
  d = await reg(base(1, { amount: '800.00' }));
  d = await steps(d, 'accept', { acceptedOn: '2023-04-10', mediatorIds: [m1.id] });
  d = await steps(d, 'close', { closedOn: '2023-04-20', outcome: 'failed', otherChannels: ['arbitration', 'litigation'] });
  created.push(d);
  // 3: a party refused.
  d = await reg(base(2));
  d = await steps(d, 'refuse', { refusedOn: '2023-05-11', refusingParty: '被申请人3', reason: '已向法院起诉' });
  created.push(d);
  // 4: still in mediation; 5: registered by referral from the police, not yet accepted; 6: an oral agreement.
  d = await reg(base(3));
  d = await steps(d, 'accept', { acceptedOn: '2023-06-12', mediatorIds: [m2.id] });
  created.push(d);
  created.push(await reg(base(4, { source: 'referral', referralFrom: 'police' })));
  d = await reg(base(5, { registeredOn: '2023-09-01', typeCode: 'marriage_family' }));
  d = await steps(d, 'accept', { acceptedOn: '2023-09-01', mediatorIds: [m1.id] });
  d = await steps(d, 'close', { closedOn: '2023-09-02', outcome: 'succeeded', agreementKind: 'oral', terms: '双方和好' });
  created.push(d);
});
afterAll(async () => env?.close());

describe('the disputes ledger', () => {
  it('exports with the filters applied: title, conditions, one row per dispute, dates as dates', async () => {
    const buffer = await download(env.app, tiaojie, `${EXPORT}?year=2023`);
    const { ws } = await sheetOf(buffer);
    expect(ws.getCell(1, 1).value).toBe('人民调解登记台账');
    expect(String(ws.getCell(2, 1).value)).toMatch(/共 6 条　条件：2023年$/);
    expect(ws.getCell(4, 3).value).toBeInstanceOf(Date);
    const rows = await ledgerRows(buffer);
    expect(rows.map((r) => r.纠纷编号).sort()).toEqual(created.map((c) => c.number).sort());
    expect(rows.find((r) => r.纠纷编号 === created[0]?.number)).toMatchObject({
      状态: '调解成功',
      协议形式: '书面协议',
      申请方姓名或名称: '四棵树镇丰收农资店',
      其他当事人: '第三人甲',
      '涉及金额（元）': '3200',
      被申请方证件号码: '654202197101023311',
    });
    expect(rows.find((r) => r.纠纷编号 === created[1]?.number)).toMatchObject({ 状态: '调解不成', 告知的其他途径: '申请仲裁、向人民法院起诉' });
    expect(rows.find((r) => r.纠纷编号 === created[4]?.number)).toMatchObject({ 纠纷来源: '移交', 移交单位: '公安机关', 状态: '待受理' });
    const onlyFailed = await ledgerRows(await download(env.app, tiaojie, `${EXPORT}?year=2023&status=failed`));
    expect(onlyFailed.map((r) => r.纠纷编号)).toEqual([created[1]?.number]);
  });

  it('round-trips: exported, voided, imported back — the same ledger again; importing it once more adds nothing', async () => {
    const first = await download(env.app, tiaojie, `${EXPORT}?year=2023`);
    for (const c of created) {
      const current = (await tiaojie.request('GET', `/api/mediation/disputes/${c.id}`)).body;
      expect((await tiaojie.request('POST', `/api/mediation/disputes/${c.id}/void`, { reason: '测试往返导入', version: current.version })).status).toBe(200);
    }
    expect((await tiaojie.request('GET', '/api/mediation/disputes?year=2023')).body.total).toBe(0);

    const res = await importFile(env.app, tiaojie, 'disputes', first);
    expect(res.job.result?.problems).toEqual([]);
    expect(res.job.result).toMatchObject({ outcome: 'imported', rows: 6, created: 6, skipped: 0, failed: 0 });
    const again = await download(env.app, tiaojie, `${EXPORT}?year=2023`);
    expect(await ledgerRows(again)).toEqual(await ledgerRows(first));
    const list = (await tiaojie.request('GET', '/api/mediation/disputes?year=2023&pageSize=50')).body.items;
    expect(list.map((d: { status: string }) => d.status).sort()).toEqual(['failed', 'mediating', 'refused', 'registered', 'succeeded', 'succeeded']);
    // Each dispute written as one audited record by the module's service, and the import itself.
    const imported = await env.platform.db.selectFrom('audit_log').select(['after']).where('action', '=', 'mediation.dispute_import').execute();
    expect(imported).toHaveLength(6);
    expect(imported[0]?.after).toMatchObject({ filename: '台账.xlsx' });

    const [disputes, audit] = [await count('disputes'), await count('audit_log')];
    const twice = await importFile(env.app, tiaojie, 'disputes', again);
    expect(twice.job.result).toMatchObject({ outcome: 'imported', rows: 6, created: 0, skipped: 6 });
    expect(await count('disputes')).toBe(disputes);
    expect(await count('audit_log')).toBe(audit + 1); // the ledger.import entry only
  });

  it('checks every row and lists the problems by row and column in Chinese; a bad row writes nothing at all', async () => {
    const { wb, ws } = await sheetOf(await download(env.app, tiaojie, `${EXPORT}?year=2023`));
    const col = (header: string) => (ws.getRow(3).values as unknown[]).indexOf(header);
    // Fresh numbers and summaries, so only the planted problems remain (the rows are not those already there).
    for (let r = 4; r <= ws.rowCount; r++) {
      ws.getCell(r, col('纠纷编号')).value = '';
      ws.getCell(r, col('纠纷简要情况')).value = `新的纠纷${r}`;
    }
    ws.getCell(4, col('登记日期')).value = '2023-02-30';
    ws.getCell(5, col('纠纷类型')).value = '外星人纠纷';
    ws.getCell(6, col('申请方证件号码')).value = '654***********1234';
    ws.getCell(7, col('纠纷发生地')).value = '不存在村';
    const succeededRow = [8, 9, 10].find((r) => ws.getCell(r, col('状态')).value === '调解成功') as number;
    ws.getCell(succeededRow, col('协议内容')).value = '';
    const [disputes, parties, audit] = [await count('disputes'), await count('dispute_parties'), await count('audit_log')];
    const res = await importFile(env.app, tiaojie, 'disputes', await toBuffer(wb), { filename: '有错的台账.xlsx' });
    expect(res.job.result).toMatchObject({ outcome: 'rejected', created: 0, failed: 5 });
    const problems = res.job.result?.problems.map(({ sheet, ...p }) => p);
    expect(problems).toEqual([
      { row: 4, column: '登记日期', message: '「2023-02-30」不是有效日期，应为 2024-03-05、2024/3/5 或 2024年3月5日' },
      { row: 5, column: '纠纷类型', message: expect.stringMatching(/^「外星人纠纷」不在可选值中（婚姻家庭、邻里、.* 等）$/) },
      { row: 6, column: '申请方证件号码', message: '为脱敏值，不能导入：请由办理该纠纷的人员导出完整台账' },
      { row: 7, column: '纠纷发生地', message: '「不存在村」不是您管辖范围内的单位' },
      { row: succeededRow, column: '协议内容', message: '调解协议书应载明当事人达成调解协议的内容（《人民调解法》第二十九条）' },
    ]);
    expect(res.job.result?.problems.every((p) => p.sheet === '台账')).toBe(true);
    expect([await count('disputes'), await count('dispute_parties'), await count('audit_log')]).toEqual([disputes, parties, audit]);
  });

  it('applies the rules of each step (dates in order); a village cadre cannot import into another village', async () => {
    const { wb, ws } = await sheetOf(await download(env.app, tiaojie, `${EXPORT}?year=2023&status=failed`));
    const col = (header: string) => (ws.getRow(3).values as unknown[]).indexOf(header);
    ws.getCell(4, col('纠纷编号')).value = '';
    ws.getCell(4, col('纠纷简要情况')).value = '另一件纠纷';
    ws.getCell(4, col('办结日期')).value = '2023-01-01';
    const res = await importFile(env.app, tiaojie, 'disputes', await toBuffer(wb));
    expect(res.job.result?.problems).toEqual([{ sheet: '台账', row: 4, column: '办结日期', message: '「办结日期」不能早于受理日期（2023-04-10）' }]);

    ws.getCell(4, col('办结日期')).value = '2023-04-20';
    ws.getCell(4, col('纠纷发生地')).value = '吉尔格勒特村';
    ws.getCell(4, col('调解委员会')).value = '';
    ws.getCell(4, col('调解员')).value = '';
    const before = await count('disputes');
    const village = await importFile(env.app, cungb, 'disputes', await toBuffer(wb));
    expect(village.job.result?.problems).toEqual([{ sheet: '台账', row: 4, column: '纠纷发生地', message: '「吉尔格勒特村」不是您管辖范围内的单位' }]);
    expect(await count('disputes')).toBe(before);
  });

  it('masks identifiers in a reader’s export and audits it', async () => {
    const shuji = await login(env.app, 'shuji');
    const rows = await ledgerRows(await download(env.app, shuji, `${EXPORT}?year=2023&status=failed`));
    expect(rows[0]?.申请方证件号码).toMatch(/^654\*{11}\d{3}[\dX]$/);
    expect(rows[0]?.申请方联系电话).toMatch(/^139\*{4}\d{4}$/);
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ kind: 'disputes', filters: { year: 2023, status: 'failed' }, rows: 1, rowsWithIdentifiers: 0 });
    // Readers may export, not import; the template is for those who may.
    expect((await env.app.inject({ method: 'GET', url: '/api/ledgers/disputes/template', headers: { cookie: shuji.cookie } })).statusCode).toBe(403);
  });

  it('has a template with drop-downs for source, type and status, and its example row is not imported', async () => {
    const template = await download(env.app, tiaojie, '/api/ledgers/disputes/template');
    const wb = await readWorkbook(template);
    const ws = wb.getWorksheet('台账') as ExcelJS.Worksheet;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    expect(headers).toEqual(expect.arrayContaining(['*登记日期', '*纠纷发生地', '*纠纷类型', '申请方证件号码']));
    expect(headers).not.toContain('序号');
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const typeCol = String.fromCharCode(64 + headers.indexOf('*纠纷类型'));
    expect(validations[`${typeCol}2`]?.type).toBe('list');
    const res = await importFile(env.app, tiaojie, 'disputes', template);
    expect(res.job.error).toMatchObject({ code: 'LEDGER_EMPTY' });
  });
});

describe('人民调解委员会名册 (export only)', () => {
  it("writes each committee's serving members with term, labels and trainings; phones in full only for its handlers; audited", async () => {
    const sheet = async (s: Session) => (await readWorkbook(await download(env.app, s, '/api/ledgers/mediation-committees/export'))).getWorksheet('调委会') as ExcelJS.Worksheet;
    const ws = await sheet(tiaojie);
    expect(ws.getCell(1, 1).value).toBe('人民调解委员会名册');
    const rows = rowsOf(ws, 3);
    const committees = (await tiaojie.request('GET', '/api/mediation/committees')).body.items;
    expect(rows).toHaveLength(committees.reduce((n: number, c: { members: unknown[] }) => n + c.members.length, 0));
    const director = rows.find((r) => r.姓名 === '李秀兰');
    expect(director).toMatchObject({
      人民调解委员会: '四棵树镇人民调解委员会',
      层级: '镇级',
      本届任期起: '2024-03-01',
      本届任期至: expect.stringMatching(/^2027-0[23]-\d\d$/),
      办公地点: '四棵树镇综治中心一楼调解室',
      职务: '主任',
      性别: '女',
      民族: '汉族',
      工作单位及职务: '司法所所长',
      联系电话: '13909921234',
    });
    expect(rows.find((r) => r.姓名 === '古丽娜尔')?.培训).toBe('2024-04-18 乌苏市人民调解员业务培训（《人民调解法》与调解协议制作）（8学时）');
    expect(rows.find((r) => r.姓名 === '陈律师')?.职务).toBe('聘任调解员');
    expect((await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow()).after).toMatchObject({
      kind: 'mediation-committees',
      rows: rows.length,
      rowsWithIdentifiers: rows.length,
    });

    // A leader reads the committees but handles none: every phone masked. A village cadre sees their village's only.
    const leader = rowsOf(await sheet(await login(env.app, 'shuji')), 3);
    expect(leader).toHaveLength(rows.length);
    expect(leader.find((r) => r.姓名 === '李秀兰')?.联系电话).toBe('139****1234');
    expect(leader.every((r) => r.联系电话.includes('****'))).toBe(true);
    const village = rowsOf(await sheet(cungb), 3);
    expect(new Set(village.map((r) => r.人民调解委员会))).toEqual(new Set(['四棵树村人民调解委员会']));
    expect(village.find((r) => r.姓名 === '刘长青')).toMatchObject({ 联系电话: '13999521101', 层级: '村级', 培训: '2024-06-12 婚姻家庭与邻里纠纷调解实务（4学时）' });
  });
});
