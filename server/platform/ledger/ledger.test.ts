import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_WITHOUT_RESULT } from '../../../domain/platform/ledger.ts';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';
import { download, importFile, readWorkbook, rowCount, rowsOf, toBuffer } from '../../test/ledger.ts';

// The engine, through one kind (普法活动台账): template, import with its checks, re-import, good-rows mode, export.
let env: TestEnv;
let sifasuo: Session;
let cungb: Session;
const KIND = 'publicity-events';

const count = (table: 'publicity_events' | 'audit_log') => rowCount(env, table);

/** A clerk's own sheet: headers in their words and order (全角/半角 mixed), a title row above. */
function clerkSheet(rows: unknown[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2023年普法活动');
  ws.addRow(['四棵树镇2023年普法宣传活动登记表']);
  ws.addRow(['日期', '单位', '活动主题', '形式', '活动地点', '主办单位', '宣传对象', '发放数量', '参与人数', '接受咨询(人次)', '备注']);
  for (const r of rows) ws.addRow(r);
  return { wb, ws };
}
const good = (title: string, date: unknown, unit = '四棵树镇') => [date, unit, title, '讲座', '镇政府会议室', '四棵树镇司法所', '村民', 30, 45, 3, '台账导入'];

beforeAll(async () => {
  env = await createTestEnv();
  [sifasuo, cungb] = await Promise.all(['sifasuo', 'cungb'].map((u) => login(env.app, u)));
});
afterAll(async () => env?.close());

describe('the ledger template', () => {
  it('has Chinese headers (required starred), one example row and drop-down lists fed from a hidden sheet', async () => {
    const wb = await readWorkbook(await download(env.app, sifasuo, `/api/ledgers/${KIND}/template`));
    const ws = wb.getWorksheet('普法活动') as ExcelJS.Worksheet;
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '*所属单位',
      '*活动名称',
      '*活动形式',
      '*活动日期',
      '*地点',
      '*组织单位',
      '协办单位',
      '*对象群体',
      '宣传资料',
      '发放数量（份）',
      '受众人数',
      '接受咨询（人次）',
      '活动情况',
    ]);
    expect(ws.getCell('B2').value).toBe('“宪法宣传周”集中宣传');
    expect(ws.getCell('D2').value).toEqual(new Date('2024-12-04T00:00:00Z'));
    expect(ws.rowCount).toBe(2);
    const lists = wb.getWorksheet('可选值') as ExcelJS.Worksheet;
    expect(lists.state).toBe('hidden');
    const validation = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(validation.C3).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'可选值'!\$[A-Z]\$2:\$[A-Z]\$\d+$/)] });
    const column = /'可选值'!\$([A-Z])\$2/.exec(String(validation.C3?.formulae[0]))?.[1] as string;
    expect(lists.getColumn(column).values).toEqual(expect.arrayContaining(['讲座', '法律咨询', '宣传日活动']));
    // A village cadre's drop-down of units holds their village only.
    const own = await readWorkbook(await download(env.app, cungb, `/api/ledgers/${KIND}/template`));
    const places = (own.getWorksheet('可选值') as ExcelJS.Worksheet).getColumn(1).values.filter(Boolean);
    expect(places).toEqual(['places', '四棵树村']);
  });

  it('filled in and imported: the example row is passed over, the rows land, and a second import adds nothing', async () => {
    const wb = await readWorkbook(await download(env.app, sifasuo, `/api/ledgers/${KIND}/template`));
    const ws = wb.getWorksheet('普法活动') as ExcelJS.Worksheet;
    ws.addRow(['四棵树镇', '模板导入的讲座', '讲座', new Date('2023-05-06T00:00:00Z'), '文化站', '四棵树镇司法所', '', '干部', '', 10, 20, 0, '']);
    const before = await count('publicity_events');
    const first = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(first.job.result).toMatchObject({ outcome: 'imported', rows: 1, created: 1, skipped: 0, failed: 0, problems: [] });
    expect(await count('publicity_events')).toBe(before + 1);
    const again = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(again.job.result).toMatchObject({ outcome: 'imported', rows: 1, created: 0, skipped: 1 });
    expect(await count('publicity_events')).toBe(before + 1);
  });
});

describe('importing a clerk’s ledger', () => {
  it('reads header variants in any order and dates as 2023-3-5, 2023/03/05, 2023年3月5日 or an Excel serial; re-import creates no duplicates', async () => {
    const { wb } = clerkSheet([
      good('往返一', '2023-3-5'),
      good('往返二', '2023/03/05'),
      good('往返三', '2023年3月5日'),
      good('往返四', 44990), // Excel's serial for 2023-03-05
      good('往返五', new Date('2023-03-05T00:00:00Z')),
    ]);
    const file = await toBuffer(wb);
    const [events, audit] = [await count('publicity_events'), await count('audit_log')];
    const res = await importFile(env.app, sifasuo, KIND, file, { filename: '2023年普法台账.xlsx' });
    expect(res.status).toBe(202);
    expect(res.job).toMatchObject({ state: 'done', phase: 'end', percent: 100, rowsRead: 5 });
    expect(res.job.result).toMatchObject({ outcome: 'imported', rows: 5, created: 5, skipped: 0, failed: 0 });
    expect(await count('publicity_events')).toBe(events + 5);
    const list = (await sifasuo.request('GET', '/api/publicity/events?year=2023&q=往返&pageSize=50')).body.items;
    expect(list.map((e: { heldOn: string }) => e.heldOn)).toEqual(Array(5).fill('2023-03-05'));
    expect(list[0]).toMatchObject({ kind: 'lecture', audience: 'villagers', peopleReached: 45, materialsCount: 30, consultations: 3, unitName: '四棵树镇' });
    // Written through the module's service: its audit entry, and the import's own.
    const entries = await env.platform.db.selectFrom('audit_log').select(['action', 'after']).where('id', '>', 0).orderBy('id', 'desc').limit(2).execute();
    expect(entries.map((e) => e.action)).toEqual(['ledger.import', 'publicity.event_import']);
    expect(entries[0]?.after).toMatchObject({ kind: KIND, filename: '2023年普法台账.xlsx', rows: 5, created: 5 });
    expect(await count('audit_log')).toBe(audit + 2);

    const again = await importFile(env.app, sifasuo, KIND, file);
    expect(again.job.result).toMatchObject({ outcome: 'imported', created: 0, skipped: 5 });
    expect(await count('publicity_events')).toBe(events + 5);
  });

  it('checks every row first and lists each problem by sheet, row and column; nothing is written', async () => {
    const { wb, ws } = clerkSheet([
      good('好的一行', '2023-06-01'),
      [...good('类型不对', '2023-06-02').slice(0, 8), '很多人', 45, 3, ''],
      good('字典外', '2023-06-03').map((v, i) => (i === 3 ? '跳广场舞' : v)),
      good('缺必填', '2023-06-04').map((v, i) => (i === 4 ? '' : v)),
      good('日期不对', '2023-02-30'),
      good('别的村', '2023-06-05', '不存在村'),
      good('公式有结果', '2023-06-06'),
      good('公式无结果', '2023-06-07'),
      good('合并一', '2023-06-08'),
      good('合并二', '2023-06-08'),
      good('好的一行', '2023-06-01'),
    ]);
    ws.getCell('I9').value = { formula: 'SUM(40,5)', result: 45 } as ExcelJS.CellFormulaValue;
    ws.getCell('I10').value = { formula: 'SUM(40,5)' } as ExcelJS.CellFormulaValue;
    ws.mergeCells('F11:F12');
    const [events, audit] = [await count('publicity_events'), await count('audit_log')];
    const res = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(res.job.state).toBe('done');
    const result = res.job.result;
    expect(result).toMatchObject({ outcome: 'rejected', rows: 11, created: 0, failed: 9, errorFile: null });
    const sheet = '2023年普法活动';
    expect(result?.problems).toEqual([
      { sheet, row: 4, column: '受众人数', message: '「很多人」应为不小于 0 的整数' },
      { sheet, row: 5, column: '活动形式', message: '「跳广场舞」不在可选值中（讲座、法律咨询、宣传日活动、开学第一课、文艺演出、线上/短视频、其他）' },
      { sheet, row: 6, column: '地点', message: '不能为空' },
      { sheet, row: 7, column: '活动日期', message: '「2023-02-30」不是有效日期，应为 2024-03-05、2024/3/5 或 2024年3月5日' },
      { sheet, row: 8, column: '所属单位', message: '「不存在村」不是您管辖范围内的单位' },
      { sheet, row: 10, column: '受众人数', message: FORMULA_WITHOUT_RESULT },
      { sheet, row: 11, column: '组织单位', message: '为合并单元格（F11:F12）：请取消合并，并在每一行分别填写' },
      { sheet, row: 12, column: '组织单位', message: '为合并单元格（F11:F12）：请取消合并，并在每一行分别填写' },
      { sheet, row: 13, column: '', message: '与第3行是同一条记录（重复）' },
    ]);
    expect([await count('publicity_events'), await count('audit_log')]).toEqual([events, audit]);
  });

  it('good rows only: writes those, and hands the bad ones back as .xlsx with an error column', async () => {
    const { wb } = clerkSheet([good('只导好的一', '2023-07-01'), good('坏的', '2023-13-01'), good('只导好的二', '2023-07-02'), good('别的村的', '2023-07-03', '吉尔格勒特村')]);
    const events = await count('publicity_events');
    const res = await importFile(env.app, cungb, KIND, await toBuffer(wb), { mode: 'good' });
    // cungb's scope is 四棵树村: 四棵树镇 rows are outside it too.
    expect(res.job.result).toMatchObject({ outcome: 'imported', created: 0, failed: 4 });
    const own = clerkSheet([
      good('只导好的一', '2023-07-01', '四棵树村'),
      good('坏的', '2023-13-01', '四棵树村'),
      good('只导好的二', '2023-07-02', '四棵树村'),
      good('别的村的', '2023-07-03', '吉尔格勒特村'),
    ]);
    const ok = await importFile(env.app, cungb, KIND, await toBuffer(own.wb), { mode: 'good' });
    expect(ok.job.result).toMatchObject({ outcome: 'imported', rows: 4, created: 2, failed: 2, errorFile: `/api/ledgers/jobs/${ok.job.id}/errors.xlsx` });
    expect(await count('publicity_events')).toBe(events + 2);
    const back = await readWorkbook(await download(env.app, cungb, ok.job.result?.errorFile as string));
    const rows = rowsOf(back.worksheets[0] as ExcelJS.Worksheet, 1);
    expect(rows.map((r) => [r.原行号, r.活动名称, r.错误说明])).toEqual([
      ['4', '坏的', '「活动日期」「2023-13-01」不是有效日期，应为 2024-03-05、2024/3/5 或 2024年3月5日'],
      ['6', '别的村的', '「所属单位」「吉尔格勒特村」不是您管辖范围内的单位'],
    ]);
    // Someone else's job is not theirs to see.
    expect((await sifasuo.request('GET', `/api/ledgers/jobs/${ok.job.id}`)).body.error.code).toBe('LEDGER_JOB_NOT_FOUND');
  });

  it('refuses what is no ledger: a non-xlsx file, an .xls, an empty sheet, headers only, a missing required column', async () => {
    const events = await count('publicity_events');
    const junk = await importFile(env.app, sifasuo, KIND, Buffer.from('日期,单位\n2024-01-01,四棵树镇\n'), { filename: '台账.csv' });
    expect([junk.status, junk.body.error.code, junk.body.error.message]).toEqual([400, 'LEDGER_FILE_INVALID', '文件不是 Excel 工作簿：请上传 .xlsx 格式的台账']);
    const xls = await importFile(env.app, sifasuo, KIND, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(512)]), { filename: '台账.xls' });
    expect(xls.body.error.message).toBe('这是旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 格式后再导入');

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Sheet1');
    const none = await importFile(env.app, sifasuo, KIND, await toBuffer(empty));
    expect(none.job).toMatchObject({ state: 'failed', error: { code: 'LEDGER_EMPTY', message: '工作表「Sheet1」是空的：请在模板中填写后再导入' } });

    const template = await importFile(env.app, sifasuo, KIND, await download(env.app, sifasuo, `/api/ledgers/${KIND}/template`));
    expect(template.job.error).toMatchObject({ code: 'LEDGER_EMPTY', message: '工作表「普法活动」中没有数据行：请在表头下方逐行填写后再导入' });

    const { wb } = clerkSheet([]);
    (wb.worksheets[0] as ExcelJS.Worksheet).getRow(2).getCell(5).value = '备用';
    const missing = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(missing.job.error).toMatchObject({
      code: 'LEDGER_HEADER_MISSING',
      message: '台账缺少必填的列：地点',
      details: [{ sheet: '2023年普法活动', row: 2, column: '地点', message: '缺少此列' }],
    });
    expect(await count('publicity_events')).toBe(events);
    // Readers may export, not import.
    const ducha = await login(env.app, 'ducha');
    expect((await importFile(env.app, ducha, KIND, await toBuffer(wb))).status).toBe(403);
  });
});

describe('exporting a list', () => {
  it('writes what the list shows with its filters, dates as dates and numbers as numbers, and audits it', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/ledgers/${KIND}/export?year=2023&q=往返`, headers: { cookie: sifasuo.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('普法宣传活动台账_'));
    const ws = (await readWorkbook(res.rawPayload)).getWorksheet('普法活动') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('普法宣传活动台账');
    expect(String(ws.getCell('A2').value)).toMatch(/共 5 条　条件：2023年，检索：往返$/);
    expect(ws.getRow(3).getCell(4).value).toBe('活动日期');
    expect(ws.getCell('D4').value).toEqual(new Date('2023-03-05T00:00:00Z'));
    expect(ws.getCell('K4').value).toBe(45);
    expect(
      rowsOf(ws, 3)
        .map((r) => r.活动名称)
        .sort(),
    ).toEqual(['往返一', '往返二', '往返三', '往返四', '往返五'].sort());
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ kind: KIND, filters: { year: 2023, q: '往返' }, rows: 5 });
    // The exported ledger imports back as the same events: nothing new.
    const wb = await readWorkbook(res.rawPayload);
    const back = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(back.job.result).toMatchObject({ created: 0, skipped: 5 });
  });
});
