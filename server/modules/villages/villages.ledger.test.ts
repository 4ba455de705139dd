import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';
import { download, importFile, readWorkbook, rowsOf, toBuffer } from '../../test/ledger.ts';

// 民主听证台账 through the ledger engine, by a village cadre: their own village only.
let env: TestEnv;
let cungb: Session;
const KIND = 'village-hearings';
const count = async () =>
  Number(
    (
      await env.platform.db
        .selectFrom('village_hearings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  env = await createTestEnv();
  cungb = await login(env.app, 'cungb');
});
afterAll(async () => env?.close());

describe('the village hearings ledger', () => {
  it('template → filled → imported for the cadre’s own village; another village is refused and nothing written; re-import adds nothing', async () => {
    const wb = await readWorkbook(await download(env.app, cungb, `/api/ledgers/${KIND}/template`));
    const ws = wb.getWorksheet('民主听证') as ExcelJS.Worksheet;
    expect((wb.getWorksheet('可选值') as ExcelJS.Worksheet).getColumn(1).values.filter(Boolean)).toEqual(['places', '四棵树村']);
    ws.addRow(['四棵树村', '台账导入：道路硬化方案', '2023-8-1', '村委会', '王主任', '张三、李四', 30, '通过', '']);
    ws.addRow(['吉尔格勒特村', '台账导入：别村的事', '2023-8-2', '村委会', '赵主任', '', 12, '', '']);
    ws.addRow(['四棵树村', '台账导入：人数不对', '2023-8-3', '村委会', '王主任', '甲、乙、丙', 2, '', '']);
    const before = await count();
    const res = await importFile(env.app, cungb, KIND, await toBuffer(wb));
    expect(res.job.result).toMatchObject({ outcome: 'rejected', created: 0, failed: 2 });
    expect(res.job.result?.problems).toEqual([
      { sheet: '民主听证', row: 4, column: '村（社区）', message: '「吉尔格勒特村」不是您管辖范围内的单位' },
      { sheet: '民主听证', row: 5, column: '参加人数', message: '参加人数（2）不能少于已列出的参加人员（3 人）' },
    ]);
    expect(await count()).toBe(before);

    // Left blank, the two rows are passed over.
    for (const r of [4, 5]) for (let c = 1; c <= 9; c++) ws.getCell(r, c).value = null;
    const file = await toBuffer(wb);
    const ok = await importFile(env.app, cungb, KIND, file);
    expect(ok.job.result).toMatchObject({ outcome: 'imported', rows: 1, created: 1 });
    expect((await importFile(env.app, cungb, KIND, file)).job.result).toMatchObject({ created: 0, skipped: 1 });
    expect(await count()).toBe(before + 1);
    const rows = rowsOf((await readWorkbook(await download(env.app, cungb, `/api/ledgers/${KIND}/export?year=2023&q=台账导入`))).getWorksheet('民主听证') as ExcelJS.Worksheet, 3);
    expect(rows).toEqual([
      {
        '村（社区）': '四棵树村',
        听证事项: '台账导入：道路硬化方案',
        听证日期: '2023-08-01',
        地点: '村委会',
        主持人: '王主任',
        参加人员: '张三、李四',
        参加人数: '30',
        听证结果: '通过',
        听证记录: '',
      },
    ]);
  });
});
