import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';
import { download, importFile, readWorkbook, rowsOf, toBuffer } from '../../test/ledger.ts';

// 法律顾问工作台账 through the ledger engine, by the town's legal counsel.
let env: TestEnv;
let guwen: Session;
let cungb: Session;
const KIND = 'counsel-matters';
const count = async () =>
  Number(
    (
      await env.platform.db
        .selectFrom('counsel_matters')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  env = await createTestEnv();
  [guwen, cungb] = await Promise.all([login(env.app, 'guwen'), login(env.app, 'cungb')]);
});
afterAll(async () => env?.close());

describe('the counsel matters ledger', () => {
  it('imports contract and legality reviews, refuses bad rows with nothing written, skips them on re-import, and exports them', async () => {
    const wb = await readWorkbook(await download(env.app, guwen, `/api/ledgers/${KIND}/template`));
    const ws = wb.getWorksheet('法律事务') as ExcelJS.Worksheet;
    ws.addRow(['四棵树镇', '合同审查', '台账导入：镇政府物业服务合同', '党政办', '2023/4/3', '2023年4月10日', '陈律师', 86000, '']);
    ws.addRow(['四棵树镇', '规范性文件审查', '台账导入：未知类型', '党政办', '2023-4-5', '2023-4-12', '', '', '']);
    ws.addRow(['四棵树镇', '重大决策合法性审查', '台账导入：期限早于收到', '党政办', '2023-4-5', '2023-4-1', '', '', '']);
    const before = await count();
    const res = await importFile(env.app, guwen, KIND, await toBuffer(wb));
    expect(res.job.result).toMatchObject({ outcome: 'rejected', created: 0, failed: 2 });
    expect(res.job.result?.problems.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual(['4:事务类型', '5:办理期限']);
    expect(res.job.result?.problems[1].message).toBe('办理期限不能早于收到日期');
    expect(await count()).toBe(before);

    for (const r of [4, 5]) for (let c = 1; c <= 9; c++) ws.getCell(r, c).value = null;
    const file = await toBuffer(wb);
    expect((await importFile(env.app, guwen, KIND, file)).job.result).toMatchObject({ outcome: 'imported', created: 1 });
    expect((await importFile(env.app, guwen, KIND, file)).job.result).toMatchObject({ created: 0, skipped: 1 });
    expect(await count()).toBe(before + 1);

    const rows = rowsOf((await readWorkbook(await download(env.app, guwen, `/api/ledgers/${KIND}/export?year=2023&q=台账导入`))).getWorksheet('法律事务') as ExcelJS.Worksheet, 3);
    expect(rows).toEqual([
      expect.objectContaining({
        所属单位: '四棵树镇',
        事务类型: '合同审查',
        事项名称: '台账导入：镇政府物业服务合同',
        收到日期: '2023-04-03',
        办理期限: '2023-04-10',
        '涉及金额（元）': '86000',
        办理状态: '待办理',
      }),
    ]);
    // a village cadre has no counsel rights: no import
    expect((await importFile(env.app, cungb, KIND, file)).status).toBe(403);
  });
});

describe('list exports of the counsel panels', () => {
  const exported = async (s: Session, url: string) => {
    const ws = (await readWorkbook(await download(env.app, s, url))).worksheets[0] as ExcelJS.Worksheet;
    const headers = (ws.getRow(3).values as unknown[]).map(String);
    return { ws, rows: rowsOf(ws, 3), cell: (row: number, header: string) => ws.getCell(3 + row, headers.indexOf(header)).value };
  };
  const lastExport = () => env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();

  it('行政诉讼案件台账: each case with its hearings and whether the 负责人 appeared, narrowed by status and search, audited', async () => {
    const all = await exported(guwen, '/api/ledgers/counsel-lawsuits/export');
    expect(all.ws.name).toBe('行政诉讼');
    expect(all.ws.getCell(1, 1).value).toBe('行政诉讼案件台账');
    expect(all.rows).toEqual([
      {
        案号: '（2024）新4202行初15号',
        类型: '行政诉讼',
        所属单位: '四棵树镇',
        案由: '不服责令限期拆除违法建筑决定',
        '原告（申请人）': '乌苏市某养殖专业合作社',
        '被告（被申请人）': '乌苏市四棵树镇人民政府',
        我方地位: '被告（被申请人）',
        '法院（复议机关）': '乌苏市人民法院',
        审级: '一审',
        立案日期: '2024-07-08',
        '状态/结果': '胜诉（驳回诉讼请求/维持）',
        裁判日期: '2024-09-26',
        生效裁判履行: '',
        '开庭（庭次）': '1',
        '负责人出庭（庭次）': '1',
        '负责人出庭（审级）': '1/1',
        出庭情况:
          '2024-08-20 一审：艾尔肯·吐尔逊（镇长·正职负责人）、马国强（综合执法大队队长·相应工作人员（受委托））、陈律师（常年法律顾问·律师/法律顾问（受委托））；负责人出庭：是',
        案情摘要: '原告在基本农田内违法搭建养殖棚舍，镇政府依法作出责令限期拆除决定，原告不服提起行政诉讼。',
      },
    ]);
    expect(all.cell(1, '立案日期')).toBeInstanceOf(Date);
    expect(all.cell(1, '负责人出庭（庭次）')).toBe(1);
    expect(await lastExport()).toMatchObject({ after: { kind: 'counsel-lawsuits', rows: 1 } });

    expect((await exported(guwen, `/api/ledgers/counsel-lawsuits/export?q=${encodeURIComponent('养殖')}`)).rows).toHaveLength(1);
    const pending = await exported(guwen, '/api/ledgers/counsel-lawsuits/export?status=pending&kind=litigation');
    expect(pending.rows).toEqual([]);
    expect(pending.ws.getCell(2, 1).value).toContain('条件：行政诉讼，审理中');
    expect((await cungb.request('GET', '/api/ledgers/counsel-lawsuits/export')).status).toBe(403);
  });

  it('法律顾问聘用台账: each engagement with its term, fee (a number) and how its matters stand', async () => {
    const all = await exported(guwen, '/api/ledgers/counsel-engagements/export');
    expect(all.ws.getCell(1, 1).value).toBe('法律顾问聘用台账');
    expect(all.rows).toHaveLength(1);
    expect(all.rows[0]).toMatchObject({
      聘请单位: '四棵树镇',
      律师事务所: '乌苏市明法律师事务所',
      顾问律师: '陈律师、王律师',
      平台账号: '陈律师',
      聘期开始: '2024-01-01',
      聘期结束: '2026-12-31',
      合同编号: 'SKS-FLGW-2024-01',
      '顾问费（元）': '72000',
    });
    expect(all.cell(1, '聘期结束')).toBeInstanceOf(Date);
    expect(all.cell(1, '顾问费（元）')).toBe(72000);
    expect(typeof all.cell(1, '法律事务（件）')).toBe('number');
    expect(await lastExport()).toMatchObject({ after: { kind: 'counsel-engagements', rows: 1 } });
    expect((await cungb.request('GET', '/api/ledgers/counsel-engagements/export')).status).toBe(403);
  });
});
