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
