import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { parseDate } from './ledger.service.ts';

let env: TestEnv;
let tiaojie: Session;
let cungb: Session;
let town = 0;
const created: { id: number; number: string }[] = [];
/** Columns the import does not read (sessions, follow-ups, 司法确认 are not part of a ledger row). */
const EXPORT_ONLY = ['序号', '调解次数', '回访情况', '司法确认'];

const download = async (s: Session, url: string) => {
  const res = await env.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
const importFile = (s: Session, content: Buffer, filename = '台账.xlsx') => s.request('POST', '/api/mediation/disputes/import', { filename, content: content.toString('base64') });

async function sheetOf(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return { wb, ws: wb.getWorksheet('台账') as ExcelJS.Worksheet };
}

/** The ledger's rows as header → text, without the export-only columns. */
async function rowsOf(buffer: Buffer): Promise<Record<string, string>[]> {
  const { ws } = await sheetOf(buffer);
  const headers = (ws.getRow(3).values as unknown[]).map((v) => String(v ?? ''));
  const rows: Record<string, string>[] = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    const row: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h && !EXPORT_ONLY.includes(h)) row[h] = String(values[i] ?? '');
    });
    rows.push(row);
  }
  return rows;
}

const count = async (table: 'disputes' | 'audit_log' | 'dispute_parties') =>
  Number(
    (
      await env.platform.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

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

describe('the ledger (人民调解登记台账)', () => {
  it('exports with the filters applied, one row per dispute, title and conditions on top', async () => {
    const buffer = await download(tiaojie, '/api/mediation/disputes/export.xlsx?year=2023');
    const { ws, wb } = await sheetOf(buffer);
    expect(ws.getCell(1, 1).value).toBe('人民调解登记台账');
    expect(String(ws.getCell(2, 1).value)).toContain('共 6 件');
    expect(String(ws.getCell(2, 1).value)).toContain('2023年');
    expect(wb.getWorksheet('填写说明')).toBeTruthy();
    const rows = await rowsOf(buffer);
    expect(rows.map((r) => r.纠纷编号).sort()).toEqual(created.map((c) => c.number).sort());
    const written = rows.find((r) => r.纠纷编号 === created[0]?.number);
    expect(written).toMatchObject({
      状态: '调解成功',
      协议形式: '书面协议',
      申请方姓名或名称: '四棵树镇丰收农资店',
      其他当事人: '第三人甲',
      '涉及金额（元）': '3200',
      被申请方证件号码: '654202197101023311',
    });
    expect(rows.find((r) => r.纠纷编号 === created[1]?.number)).toMatchObject({ 状态: '调解不成', 告知的其他途径: '申请仲裁、向人民法院起诉' });
    expect(rows.find((r) => r.纠纷编号 === created[4]?.number)).toMatchObject({ 纠纷来源: '移交', 移交单位: '公安机关', 状态: '待受理' });
    const onlyFailed = await rowsOf(await download(tiaojie, '/api/mediation/disputes/export.xlsx?year=2023&status=failed'));
    expect(onlyFailed.map((r) => r.纠纷编号)).toEqual([created[1]?.number]);
  });

  it('round-trips: exported, voided, imported back — the same ledger again', async () => {
    const first = await download(tiaojie, '/api/mediation/disputes/export.xlsx?year=2023');
    for (const c of created) {
      const current = (await tiaojie.request('GET', `/api/mediation/disputes/${c.id}`)).body;
      expect((await tiaojie.request('POST', `/api/mediation/disputes/${c.id}/void`, { reason: '测试往返导入', version: current.version })).status).toBe(200);
    }
    expect((await tiaojie.request('GET', '/api/mediation/disputes?year=2023')).body.total).toBe(0);

    const res = await importFile(tiaojie, first);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created).toBe(6);
    expect([...res.body.numbers].sort()).toEqual(created.map((c) => c.number).sort());

    const again = await download(tiaojie, '/api/mediation/disputes/export.xlsx?year=2023');
    expect(await rowsOf(again)).toEqual(await rowsOf(first));
    // The states came back too, each written as one audited record.
    const list = (await tiaojie.request('GET', '/api/mediation/disputes?year=2023&pageSize=50')).body.items;
    expect(list.map((d: { status: string }) => d.status).sort()).toEqual(['failed', 'mediating', 'refused', 'registered', 'succeeded', 'succeeded']);
    const imported = await env.platform.db.selectFrom('audit_log').select(['after']).where('action', '=', 'mediation.dispute_import').execute();
    expect(imported).toHaveLength(6);
    expect(imported[0]?.after).toMatchObject({ filename: '台账.xlsx' });
    // The next registration of 2023 at that committee continues the numbering.
    const next = await tiaojie.request('POST', '/api/mediation/disputes', {
      orgUnitId: town,
      registeredOn: '2023-12-01',
      source: 'initiative',
      typeCode: 'other',
      summary: '续号',
      parties: [
        { kind: 'person', role: 'applicant', name: '甲' },
        { kind: 'person', role: 'respondent', name: '乙' },
      ],
    });
    expect(next.body.number).toBe('2023-0007');
  });

  it('refuses the same ledger twice: every number already exists, nothing is written', async () => {
    const file = await download(tiaojie, '/api/mediation/disputes/export.xlsx?year=2023');
    const [disputes, audit] = [await count('disputes'), await count('audit_log')];
    const res = await importFile(tiaojie, file);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MEDIATION_IMPORT_INVALID');
    expect(res.body.error.details).toHaveLength(7);
    expect(res.body.error.details.every((p: { column: string; message: string }) => p.column === '纠纷编号' && p.message.includes('已存在'))).toBe(true);
    expect([await count('disputes'), await count('audit_log')]).toEqual([disputes, audit]);
  });

  it('checks every row and lists the problems by row and column in Chinese; a bad row writes nothing at all', async () => {
    const { wb, ws } = await sheetOf(await download(tiaojie, '/api/mediation/disputes/export.xlsx?year=2023&pageSize=50'));
    const col = (header: string) => (ws.getRow(3).values as unknown[]).indexOf(header);
    // Fresh numbers, so only the planted problems remain.
    for (let r = 4; r <= ws.rowCount; r++) ws.getCell(r, col('纠纷编号')).value = '';
    ws.getCell(4, col('登记日期')).value = '2023-02-30';
    ws.getCell(5, col('纠纷类型')).value = '外星人纠纷';
    ws.getCell(6, col('申请方证件号码')).value = '654***********1234';
    ws.getCell(7, col('纠纷发生地')).value = '不存在村';
    const succeededRow = [4, 5, 6, 7, 8, 9, 10].find((r) => ws.getCell(r, col('状态')).value === '调解成功' && r > 7) as number;
    ws.getCell(succeededRow, col('协议内容')).value = '';
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const [disputes, parties, audit] = [await count('disputes'), await count('dispute_parties'), await count('audit_log')];
    const res = await importFile(tiaojie, buffer, '有错的台账.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^台账有 5 处错误，未导入任何数据。第4行「登记日期」：/);
    expect(res.body.error.details).toEqual([
      { row: 4, column: '登记日期', message: '「2023-02-30」不是有效日期，格式应为 2024-01-31' },
      { row: 5, column: '纠纷类型', message: '「外星人纠纷」不在纠纷类型字典中' },
      { row: 6, column: '申请方证件号码', message: '为脱敏值，不能导入：请由办理该纠纷的人员导出完整台账' },
      { row: 7, column: '纠纷发生地', message: '「不存在村」不是您管辖范围内的乡镇或村（社区）' },
      { row: succeededRow, column: '协议内容', message: '调解协议书应载明当事人达成调解协议的内容（《人民调解法》第二十九条）' },
    ]);
    expect([await count('disputes'), await count('dispute_parties'), await count('audit_log')]).toEqual([disputes, parties, audit]);
  });

  it('applies the rules of each step to imported histories (dates in order, a village cadre’s own village only)', async () => {
    const { wb, ws } = await sheetOf(await download(tiaojie, '/api/mediation/disputes/export.xlsx?year=2023&status=failed'));
    const col = (header: string) => (ws.getRow(3).values as unknown[]).indexOf(header);
    ws.getCell(4, col('纠纷编号')).value = '';
    ws.getCell(4, col('办结日期')).value = '2023-01-01';
    const res = await importFile(tiaojie, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ row: 4, column: '办结日期', message: '「办结日期」不能早于受理日期（2023-04-10）' }]);

    ws.getCell(4, col('办结日期')).value = '2023-04-20';
    const village = await importFile(cungb, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(village.status).toBe(400);
    expect(village.body.error.details[0]).toMatchObject({ row: 4, column: '纠纷发生地' });
    expect(village.body.error.details[0].message).toContain('不是您管辖范围内');
  });

  it('refuses what is not a ledger', async () => {
    const before = await count('disputes');
    const junk = await importFile(tiaojie, Buffer.from('this is not a workbook'));
    expect(junk.status).toBe(400);
    expect(junk.body.error.message).toContain('.xlsx');
    const template = await download(tiaojie, '/api/mediation/disputes/import-template.xlsx');
    const empty = await importFile(tiaojie, template);
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('没有数据行');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRow(['登记日期', '纠纷简要情况']);
    const missing = await importFile(tiaojie, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((p: { column: string }) => p.column)).toEqual(expect.arrayContaining(['纠纷发生地', '状态']));
    expect(await count('disputes')).toBe(before);
    // Readers may export, not import.
    const shuji = await login(env.app, 'shuji');
    expect((await importFile(shuji, template)).status).toBe(403);
  });
});

describe('parseDate', () => {
  it.each<[string, string | null]>([
    ['2024-01-31', '2024-01-31'],
    ['2024/1/5', '2024-01-05'],
    ['2024.12.1', '2024-12-01'],
    ['2024年3月8日', '2024-03-08'],
    ['2024-02-30', null],
    ['2023-02-29', null],
    ['2024-02-29', '2024-02-29'],
    ['31/01/2024', null],
    ['', null],
  ])('%s → %s', (text, date) => {
    expect(parseDate(text)).toBe(date);
  });
});
