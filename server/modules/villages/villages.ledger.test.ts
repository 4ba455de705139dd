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

describe('list exports of the villages panels', () => {
  let sifasuo: Session;
  beforeAll(async () => {
    sifasuo = await login(env.app, 'sifasuo');
  });
  const exported = async (s: Session, url: string) => {
    const ws = (await readWorkbook(await download(env.app, s, url))).worksheets[0] as ExcelJS.Worksheet;
    const headers = (ws.getRow(3).values as unknown[]).map(String);
    return { ws, rows: rowsOf(ws, 3), cell: (row: number, header: string) => ws.getCell(3 + row, headers.indexOf(header)).value };
  };
  const lastExport = () => env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();

  it('民主法治示范村台账: honours with their 复核 (last, next, each re-inspection), narrowed by status, the cadre’s own village only, audited', async () => {
    const all = await exported(sifasuo, '/api/ledgers/village-honours/export');
    expect(all.ws.name).toBe('示范村');
    expect(all.ws.getCell(1, 1).value).toBe('民主法治示范村台账');
    expect(all.rows.map((r) => r['村（社区）'])).toEqual(['四棵树村', '吉尔格勒特村', '夹河子村']);
    expect(all.rows[0]).toMatchObject({
      称号: '全国民主法治示范村（社区）',
      状态: '已命名',
      申报日期: '2022-03-18',
      命名年度: '2022',
      命名批次: '第九批',
      '上次复核（年度）': '2024',
      复核记录: '2024年度已出结论（保留，2024-11-15）',
    });
    expect(all.cell(1, '申报日期')).toBeInstanceOf(Date);
    expect(all.cell(1, '命名年度')).toBe(2022);
    expect(all.rows[1]).toMatchObject({ 称号: '县市级民主法治示范村（社区）', 复核提醒: '未设复核周期', 下次复核: '' });
    expect(await lastExport()).toMatchObject({ after: { kind: 'village-honours', rows: 3 } });

    const declared = await exported(sifasuo, '/api/ledgers/village-honours/export?status=declared');
    expect(declared.rows).toEqual([expect.objectContaining({ '村（社区）': '夹河子村', 状态: '已申报', 申报日期: '2024-10-12' })]);
    expect(declared.ws.getCell(2, 1).value).toContain('条件：已申报');
    expect((await exported(cungb, '/api/ledgers/village-honours/export')).rows.map((r) => r['村（社区）'])).toEqual(['四棵树村']);
  });

  it('村规民约台账: each rule with the version in force and its adoption, narrowed by kind', async () => {
    const all = await exported(sifasuo, '/api/ledgers/village-rules/export');
    expect(all.ws.getCell(1, 1).value).toBe('村规民约台账');
    expect(all.rows.map((r) => r.名称)).toEqual(['四棵树村村规民约', '四棵树村村民自治章程', '四棵树村集体议事制度（"四议两公开"）', '吉尔格勒特村村规民约']);
    expect(all.rows[0]).toEqual({
      '村（社区）': '四棵树村',
      类别: '村规民约',
      名称: '四棵树村村规民约',
      现行版本: '2',
      通过日期: '2023-04-08',
      通过会议: '村民代表会议',
      应到人数: '45',
      实到人数: '40',
      赞成: '38',
      反对: '0',
      弃权: '2',
      报乡镇备案日期: '2023-04-15',
      版本数: '2',
    });
    expect(all.cell(1, '通过日期')).toBeInstanceOf(Date);
    expect(all.cell(1, '赞成')).toBe(38);
    const compacts = await exported(sifasuo, '/api/ledgers/village-rules/export?kind=village_compact');
    expect(compacts.rows.map((r) => r['村（社区）'])).toEqual(['四棵树村', '吉尔格勒特村']);
    expect(compacts.ws.getCell(2, 1).value).toContain('条件：村规民约');
    expect(await lastExport()).toMatchObject({ after: { kind: 'village-rules', filters: { kind: 'village_compact' }, rows: 2 } });
  });

  it('村务财务公开台账: what was published, when and where, narrowed by the search', async () => {
    const all = await exported(sifasuo, '/api/ledgers/village-disclosures/export?year=2024');
    expect(all.ws.getCell(1, 1).value).toBe('村务财务公开台账');
    expect(all.rows).toHaveLength(7);
    expect(all.rows[0]).toEqual({
      公开日期: '2024-10-08',
      '村（社区）': '四棵树村',
      类别: '财务公开',
      公开事项: '2024年第三季度村级财务收支',
      所属期间: '2024年第三季度',
      '公开地点/方式': '村务公开栏、村民微信群',
      公开内容: '2024年第三季度村级财务收支（详见公开栏）',
    });
    expect(all.cell(1, '公开日期')).toBeInstanceOf(Date);
    const third = await exported(sifasuo, `/api/ledgers/village-disclosures/export?q=${encodeURIComponent('第三季度')}`);
    expect(third.rows.map((r) => r.公开事项)).toEqual(['2024年第三季度村级财务收支']);
    expect(third.ws.getCell(2, 1).value).toContain('检索：第三季度');
    expect((await exported(sifasuo, '/api/ledgers/village-disclosures/export?year=2023')).rows).toEqual([]);
    expect(await lastExport()).toMatchObject({ after: { kind: 'village-disclosures', rows: 0 } });
  });
});
