import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_WITHOUT_RESULT } from '../../../domain/platform/ledger.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { download, importFile, readWorkbook, rowCount, rowsOf, toBuffer } from '../../test/ledger.ts';

// 行政处罚案件台账 through the ledger engine: a town's old register of closed penalty cases moved in, and the case
// list written out with its filters.
let env: TestEnv;
let zhifa: Session;
let shuji: Session;
const KIND = 'cases';
const EXPORT = `/api/ledgers/${KIND}/export`;
const SHEET = '案件台账';
const BODY = '四棵树镇综合执法大队';
const HEADERS = [
  '案号',
  '执法主体',
  '执法事项',
  '案由',
  '当事人',
  '当事人类型',
  '证件号码',
  '地址',
  '程序',
  '立案日期',
  '处罚决定日期',
  '处罚种类',
  '罚款金额（元）',
  '没收金额（元）',
  '结案日期',
  '归档日期',
  '执法人员',
  '备注',
] as const;
type Row = Partial<Record<(typeof HEADERS)[number], unknown>>;
/** Columns the import does not read. */
const EXPORT_ONLY = ['序号', '案件状态'];

/** A closed ordinary case of 2019 as a clerk's register holds it. */
const historic = (i: number, over: Row = {}): Row => ({
  案号: `四镇综执罚〔2019〕${i}号`,
  执法主体: BODY,
  执法事项: 'XZCF-016',
  案由: `占用消防车通道（历史案件${i}）`,
  当事人: `历史当事人${i}`,
  当事人类型: '公民',
  证件号码: '654202198807071234',
  地址: '乌苏市四棵树镇四棵树村2组',
  程序: '普通程序',
  立案日期: '2019-03-01',
  处罚决定日期: '2019-04-01',
  处罚种类: '警告、罚款',
  '罚款金额（元）': 300,
  结案日期: '2019-05-06',
  执法人员: '马国强、赵海燕',
  备注: '罚款已缴清',
  ...over,
});

/** A register as a clerk keeps it: the header in row 1, one case a row. */
function register(rows: Row[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow([...HEADERS]);
  for (const r of rows) ws.addRow(HEADERS.map((h) => r[h] ?? null));
  return { wb, ws, col: (h: (typeof HEADERS)[number]) => HEADERS.indexOf(h) + 1 };
}

const count = (table: 'enforcement_cases' | 'enforcement_case_events' | 'audit_log') => rowCount(env, table);
const counts = () => Promise.all([count('enforcement_cases'), count('enforcement_case_events'), count('audit_log')]);

async function indicator(year: number, id: string): Promise<number> {
  const res = await shuji.request('GET', `/api/reports/indicators?org=${encodeURIComponent('四棵树镇')}&year=${year}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.find((i: { id: string }) => i.id === id).value;
}

beforeAll(async () => {
  env = await createTestEnv();
  [zhifa, shuji] = await Promise.all(['zhifa1', 'shuji'].map((u) => login(env.app, u)));
  // The city's own enforcement body: outside a town officer's scope.
  await env.platform.db
    .insertInto('enforcement_bodies')
    .values({
      org_unit_id: await unitId(env, '乌苏市'),
      name: '乌苏市城市管理综合执法局',
      number_prefix: '乌城执',
      large_fine_person: 5000,
      large_fine_organisation: 50000,
      large_confiscation: 50000,
    })
    .execute();
});
afterAll(async () => env?.close());

describe('importing the old case register', () => {
  it('writes closed cases dated as in the register, marked 台账导入, counted in their year; a second import adds nothing', async () => {
    const [cases, closed] = [await indicator(2019, 'enforcement.penalty_cases'), await indicator(2019, 'enforcement.penalty_cases_closed')];
    const { wb } = register([
      historic(1, { 执法主体: '四棵树镇' }),
      historic(2, { 当事人: '四棵树镇某某商贸有限公司', 当事人类型: '法人或其他组织', 证件号码: '91654202MA7XB81234', 地址: '', 处罚种类: '罚款', '罚款金额（元）': '5,000元' }),
      historic(3, { 程序: '简易程序', 立案日期: '', 处罚决定日期: '2019年6月3日', 处罚种类: '罚款', '罚款金额（元）': 200, 结案日期: '2019/6/3', 归档日期: '2019-12-20' }),
    ]);
    const file = await toBuffer(wb);
    const res = await importFile(env.app, zhifa, KIND, file, { filename: '2019年行政处罚案件台账.xlsx' });
    expect(res.job.result?.problems).toEqual([]);
    expect(res.job.result).toMatchObject({ outcome: 'imported', rows: 3, created: 3, skipped: 0, failed: 0 });

    // The indicators of 2019 count them: penalty cases and closed ones.
    expect(await indicator(2019, 'enforcement.penalty_cases')).toBe(cases + 3);
    expect(await indicator(2019, 'enforcement.penalty_cases_closed')).toBe(closed + 3);

    // The case list shows them, closed or archived, with no deadline to chase.
    const list = (await zhifa.request('GET', '/api/enforcement/cases?year=2019&pageSize=50')).body.items;
    expect(list.map((c: { decisionNumber: string; status: string }) => [c.decisionNumber, c.status]).sort()).toEqual([
      ['四镇综执罚〔2019〕1号', 'closed'],
      ['四镇综执罚〔2019〕2号', 'closed'],
      ['四镇综执罚〔2019〕3号', 'archived'],
    ]);
    expect(list.every((c: { imported: boolean; agenda: { deadlines: unknown[] } }) => c.imported && c.agenda.deadlines.length === 0)).toBe(true);
    expect((await zhifa.request('GET', '/api/enforcement/cases?attention=overdue&pageSize=200')).body.items.some((c: { imported: boolean }) => c.imported)).toBe(false);

    // The detail page: the penalty, the party, the officers, the dates.
    const second = list.find((c: { decisionNumber: string }) => c.decisionNumber === '四镇综执罚〔2019〕2号');
    const detail = (await zhifa.request('GET', `/api/enforcement/cases/${second.id}`)).body;
    expect(detail).toMatchObject({
      procedure: 'ordinary',
      status: 'closed',
      outcome: 'penalty',
      bodyName: BODY,
      powerCode: 'XZCF-016',
      filedOn: '2019-03-01',
      decidedOn: '2019-04-01',
      closedOn: '2019-05-06',
      fineAmount: 5000,
      paidAmount: 5000,
      imported: true,
      party: { type: 'organisation', name: '四棵树镇某某商贸有限公司', idNumber: '91654202MA7XB81234' },
      decision: { penalty: { kinds: ['fine'], fineAmount: 5000, confiscationValue: 0 } },
      closing: { closedOn: '2019-05-06', summary: '罚款已缴清' },
    });
    expect(detail.investigators.map((i: { name: string }) => i.name)).toEqual(['马国强', '赵海燕']);

    // Its timeline: 立案, 决定, 结案, each on its day and saying 台账导入, on an intact hash chain.
    const events = (await zhifa.request('GET', `/api/enforcement/cases/${second.id}/timeline`)).body.items;
    expect(events.map((e: { at: string; summary: string }) => [e.at, e.summary])).toEqual([
      ['2019-02-28T16:00:00.000Z', '台账导入：立案（2019-03-01）'],
      ['2019-03-31T16:00:00.000Z', '台账导入：作出行政处罚决定 四镇综执罚〔2019〕2号：罚款人民币5000.00元'],
      ['2019-05-05T16:00:00.000Z', '台账导入：结案（罚款已缴清）'],
    ]);
    expect((await zhifa.request('GET', `/api/enforcement/cases/${second.id}/verify`)).body).toMatchObject({ ok: true, length: 3 });
    // Its documents are on paper: the platform fills none.
    const doc = await zhifa.request('GET', `/api/enforcement/cases/${second.id}/documents/decision`);
    expect([doc.status, doc.body.error.message]).toEqual([409, '不能制作《行政处罚决定书》：台账导入的历史案件，文书以原纸质案卷为准']);

    // Written through the case service: one audit entry per case, and the import's own. The counter moved past 3.
    const audit = await env.platform.db.selectFrom('audit_log').select(['after']).where('action', '=', 'enforcement.case_import').execute();
    expect(audit).toHaveLength(3);
    expect(audit[0]?.after).toMatchObject({ filename: '2019年行政处罚案件台账.xlsx' });
    const counter = await env.platform.db
      .selectFrom('enforcement_counters')
      .select('last_number')
      .where('year', '=', 2019)
      .where('kind', '=', 'decision')
      .executeTakeFirstOrThrow();
    expect(counter.last_number).toBe(3);

    const before = await counts();
    const again = await importFile(env.app, zhifa, KIND, file);
    expect(again.job.result).toMatchObject({ outcome: 'imported', rows: 3, created: 0, updated: 0, skipped: 3, failed: 0 });
    expect(await counts()).toEqual([before[0], before[1], before[2] + 1]); // the ledger.import entry only
  });

  it('checks every row and lists each problem by row and column in Chinese; a bad row writes nothing at all', async () => {
    const { wb, ws, col } = register([
      historic(11, { '罚款金额（元）': '两千' }),
      historic(12, { 当事人类型: '外星人' }),
      historic(13, { 案由: '' }),
      historic(14, { 执法主体: '乌苏市城市管理综合执法局' }),
      historic(15),
      historic(16),
      historic(17, { 结案日期: '2019-03-31' }),
      historic(18, { 执法人员: '马国强、张飞' }),
      historic(19, { 执法事项: 'XZCF-999' }),
      historic(20, { 处罚种类: '罚款、罚酒三杯' }),
      historic(21, { 证件号码: '654***********1234' }),
      historic(22, { 程序: '简易程序', 立案日期: '', '罚款金额（元）': 500 }),
      historic(23, { 处罚决定日期: '2019-02-30' }),
      historic(24),
      historic(25),
    ]);
    ws.getCell(6, col('罚款金额（元）')).value = { formula: 'SUM(100,200)', result: 300 } as ExcelJS.CellFormulaValue;
    ws.getCell(7, col('罚款金额（元）')).value = { formula: 'SUM(100,200)' } as ExcelJS.CellFormulaValue;
    ws.mergeCells(15, col('当事人'), 16, col('当事人'));
    const before = await counts();
    const res = await importFile(env.app, zhifa, KIND, await toBuffer(wb));
    expect(res.job.result).toMatchObject({ outcome: 'rejected', rows: 15, created: 0, failed: 14 });
    expect(res.job.result?.problems.map(({ sheet, ...p }) => p)).toEqual([
      { row: 2, column: '罚款金额（元）', message: '「两千」不是有效金额' },
      { row: 3, column: '当事人类型', message: '「外星人」不在可选值中（公民、法人或其他组织）' },
      { row: 4, column: '案由', message: '不能为空' },
      { row: 5, column: '执法主体', message: '「乌苏市城市管理综合执法局」不是您管辖范围内的执法主体' },
      { row: 7, column: '罚款金额（元）', message: FORMULA_WITHOUT_RESULT },
      { row: 8, column: '结案日期', message: '结案日期不能早于处罚决定日期' },
      { row: 9, column: '执法人员', message: '「张飞」不是「四棵树镇」已登记的执法人员' },
      { row: 10, column: '执法事项', message: `「XZCF-999」不在「${BODY}」的权责清单中` },
      { row: 11, column: '处罚种类', message: expect.stringMatching(/^「罚酒三杯」不是处罚种类（可选：警告；通报批评；罚款；.*；其他行政处罚）$/) },
      { row: 12, column: '证件号码', message: '为脱敏值，不能导入：请由办理案件的人员导出完整台账' },
      { row: 13, column: '罚款金额（元）', message: expect.stringMatching(/^对公民罚款 500 元超过《行政处罚法》第五十一条规定的当场处罚限额（200 元）/) },
      { row: 14, column: '处罚决定日期', message: '「2019-02-30」不是有效日期，应为 2024-03-05、2024/3/5 或 2024年3月5日' },
      { row: 15, column: '当事人', message: '为合并单元格（E15:E16）：请取消合并，并在每一行分别填写' },
      { row: 16, column: '当事人', message: '为合并单元格（E15:E16）：请取消合并，并在每一行分别填写' },
    ]);
    expect(res.job.result?.problems.every((p) => p.sheet === SHEET)).toBe(true);
    expect(await counts()).toEqual(before);
  });

  it('refuses what is no register: a non-xlsx file, an empty sheet, a missing required column; readers may not import', async () => {
    const before = await counts();
    const csv = await importFile(env.app, zhifa, KIND, Buffer.from('案号,当事人\n四镇综执罚〔2019〕1号,张三\n'), { filename: '台账.csv' });
    expect([csv.status, csv.body.error.code, csv.body.error.message]).toEqual([400, 'LEDGER_FILE_INVALID', '文件不是 Excel 工作簿：请上传 .xlsx 格式的台账']);

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    const none = await importFile(env.app, zhifa, KIND, await toBuffer(empty));
    expect(none.job).toMatchObject({ state: 'failed', error: { code: 'LEDGER_EMPTY', message: '工作表「Sheet1」是空的：请在模板中填写后再导入' } });
    const template = await importFile(env.app, zhifa, KIND, await download(env.app, zhifa, `/api/ledgers/${KIND}/template`));
    expect(template.job.error).toMatchObject({ code: 'LEDGER_EMPTY', message: `工作表「${SHEET}」中没有数据行：请在表头下方逐行填写后再导入` });

    const { wb, ws } = register([historic(31)]);
    ws.spliceColumns(HEADERS.indexOf('结案日期') + 1, 1);
    const missing = await importFile(env.app, zhifa, KIND, await toBuffer(wb));
    expect(missing.job.error).toMatchObject({
      code: 'LEDGER_HEADER_MISSING',
      message: '台账缺少必填的列：结案日期',
      details: [{ sheet: SHEET, row: 1, column: '结案日期', message: '缺少此列' }],
    });
    expect(await counts()).toEqual(before);
    expect((await importFile(env.app, shuji, KIND, await toBuffer(wb))).status).toBe(403);
    expect(await count('enforcement_cases')).toBe(before[0]);
  });
});

describe('exporting the case list', () => {
  it('writes what the list shows with its filters; identifiers in full only for those who may see them; it imports back as nothing new', async () => {
    const mine = await download(env.app, zhifa, `${EXPORT}?year=2019`);
    const ws = (await readWorkbook(mine)).getWorksheet(SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell(1, 1).value).toBe('行政处罚案件台账');
    expect(String(ws.getCell(2, 1).value)).toMatch(/共 3 条　条件：2019年$/);
    const rows = rowsOf(ws, 3, EXPORT_ONLY);
    expect(rows.map((r) => r.案号).sort()).toEqual(['四镇综执罚〔2019〕1号', '四镇综执罚〔2019〕2号', '四镇综执罚〔2019〕3号']);
    expect(rows.find((r) => r.案号 === '四镇综执罚〔2019〕1号')).toMatchObject({
      执法主体: BODY,
      执法事项: expect.stringMatching(/^XZCF-016 占用、堵塞、封闭消防车通道/),
      证件号码: '654202198807071234',
      程序: '普通程序',
      立案日期: '2019-03-01',
      处罚种类: '警告、罚款',
      '罚款金额（元）': '300',
      执法人员: '马国强、赵海燕',
    });
    const back = await importFile(env.app, zhifa, KIND, mine);
    expect(back.job.result).toMatchObject({ outcome: 'imported', rows: 3, created: 0, skipped: 3, failed: 0 });

    // A leader reads the list, not the parties' ID numbers; the filter keeps the on-the-spot case only.
    const theirs = await download(env.app, shuji, `${EXPORT}?year=2019&procedure=simple`);
    const ws2 = (await readWorkbook(theirs)).getWorksheet(SHEET) as ExcelJS.Worksheet;
    expect(String(ws2.getCell(2, 1).value)).toMatch(/共 1 条　条件：2019年，简易程序$/);
    const simple = rowsOf(ws2, 3, EXPORT_ONLY);
    expect(simple).toHaveLength(1);
    expect(simple[0]).toMatchObject({ 案号: '四镇综执罚〔2019〕3号', 证件号码: '654***********1234', 归档日期: '2019-12-20', 程序: '简易程序' });
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ kind: KIND, filters: { year: 2019, procedure: 'simple' }, rows: 1, rowsWithIdentifiers: 0 });
  });
});

describe('执法人员名册 (export only)', () => {
  it('writes the officers page as a table with the certificate valid today, audited, and offers no import', async () => {
    const ws = (await readWorkbook(await download(env.app, shuji, '/api/ledgers/enforcement-officers/export'))).getWorksheet('执法人员') as ExcelJS.Worksheet;
    expect(ws.getCell(1, 1).value).toBe('执法人员名册');
    const rows = rowsOf(ws, 3);
    expect(rows.map((r) => r.姓名)).toEqual(['马国强', '赵海燕']);
    expect(rows[0]).toMatchObject({ 执法主体: BODY, 专兼职: '专职', 有效执法证号: '65420224001', 有效期至: '2029-01-09', 状态: '持证在岗' });
    expect(rows[0]?.全部执法证件).toContain('65420219001（新疆维吾尔自治区人民政府，2019-01-10 至 2024-01-09）');
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ kind: 'enforcement-officers', rows: 2 });
    expect((await zhifa.request('GET', '/api/ledgers')).body.items).toContainEqual({ id: 'enforcement-officers', title: '执法人员名册', canImport: false });
    expect((await zhifa.request('GET', '/api/ledgers/enforcement-officers/template')).status).toBe(404);
  });
});

/** The newest ledger.export audit entry. */
const lastExport = () => env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();

describe('行政处罚权责清单, 案卷评查台账, 法制审核人员名册 (export only)', () => {
  it('writes the powers page: code, legal basis, penalty kinds as labels, fine range as numbers, audited', async () => {
    const ws = (await readWorkbook(await download(env.app, zhifa, '/api/ledgers/enforcement-powers/export'))).getWorksheet('权责清单') as ExcelJS.Worksheet;
    expect(ws.getCell(1, 1).value).toBe('行政处罚权责清单');
    const rows = rowsOf(ws, 3);
    const powers = (await zhifa.request('GET', '/api/enforcement/powers')).body.items;
    expect(rows.map((r) => r.编码)).toEqual(powers.map((p: { code: string }) => p.code));
    expect(rows[0]).toMatchObject({
      序号: '1',
      编码: 'XZCF-001',
      处罚事项: '农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅',
      法律依据: '《中华人民共和国土地管理法》第七十八条',
      处罚种类: '其他行政处罚',
      原实施部门: '乌苏市自然资源局',
      状态: '启用',
    });
    const withFine = powers.findIndex((p: { fineMax: number | null }) => p.fineMax !== null);
    expect(typeof ws.getCell(4 + withFine, 8).value).toBe('number'); // 罚款上限（元） is a number cell
    expect(rows[withFine]?.处罚种类).toContain('罚款');
    expect((await lastExport()).after).toMatchObject({ kind: 'enforcement-powers', rows: powers.length, rowsWithIdentifiers: 0 });
    // A counsel reads no enforcement records: the export is refused as the list is.
    const guwen = await login(env.app, 'guwen');
    expect((await guwen.request('GET', '/api/ledgers/enforcement-powers/export')).status).toBe(403);
  });

  it('writes the reviews page: one row a round, newest first, with its files, findings and corrections counted', async () => {
    const ws = (await readWorkbook(await download(env.app, shuji, '/api/ledgers/enforcement-reviews/export'))).getWorksheet('案卷评查') as ExcelJS.Worksheet;
    expect(ws.getCell(1, 1).value).toBe('案卷评查台账');
    const rows = rowsOf(ws, 3);
    const rounds = (await shuji.request('GET', '/api/enforcement/review-rounds')).body.items;
    expect(rows).toHaveLength(rounds.length);
    const may = rows.find((r) => r.日期 === '2024-05-28');
    const round = rounds.find((r: { heldOn: string }) => r.heldOn === '2024-05-28');
    expect(may).toMatchObject({
      评查: '5月行政执法案卷自查（与乌苏市水利局执法大队联合）',
      联合单位: '乌苏市水利局执法大队',
      评查人员: '周文（镇法制审核员）、乌苏市水利局执法大队案卷评查人员',
      '案卷（份）': String(round.fileReviews),
      '发现问题（处）': String(round.findings),
      '已纠正（处）': String(round.corrected),
      评查小结: '建立月度案卷自查机制后的首次评查',
    });
    expect(ws.getCell(3 + rows.indexOf(may as Record<string, string>) + 1, 3).value).toBeInstanceOf(Date);
    expect((await lastExport()).after).toMatchObject({ kind: 'enforcement-reviews', rows: rounds.length });
  });

  it("writes the legal reviewers card with each one's qualification and whether they may review", async () => {
    const ws = (await readWorkbook(await download(env.app, zhifa, '/api/ledgers/enforcement-legal-reviewers/export'))).getWorksheet('法制审核人员') as ExcelJS.Worksheet;
    expect(ws.getCell(1, 1).value).toBe('法制审核人员名册');
    expect(rowsOf(ws, 3)).toEqual([{ 序号: '1', 姓名: '周文', 首次从事法制审核: '2022-03-01', 法律职业资格证书编号: 'A20206542021234', 状态: '可以审核' }]);
    expect((await lastExport()).after).toMatchObject({ kind: 'enforcement-legal-reviewers', rows: 1 });
  });
});
