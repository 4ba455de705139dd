import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';
import { download, readWorkbook, rowsOf } from '../../test/ledger.ts';

// The publicity pages' 导出 Excel: key dates, the 普法责任清单 and the law library, as the pages list them.
let env: TestEnv;
let sifasuo: Session;
let guwen: Session;

beforeAll(async () => {
  env = await createTestEnv();
  [sifasuo, guwen] = await Promise.all([login(env.app, 'sifasuo'), login(env.app, 'guwen')]);
});
afterAll(async () => env?.close());

const exported = async (s: Session, url: string) => {
  const ws = (await readWorkbook(await download(env.app, s, url))).worksheets[0] as ExcelJS.Worksheet;
  const headers = (ws.getRow(3).values as unknown[]).map(String);
  return { ws, rows: rowsOf(ws, 3), cell: (row: number, header: string) => ws.getCell(3 + row, headers.indexOf(header)).value };
};
const lastExport = () => env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();

describe('publicity list exports', () => {
  it('普法重要时间节点: the year’s key dates with the campaigns held for each, for the year asked', async () => {
    const y2024 = await exported(sifasuo, '/api/ledgers/publicity-key-dates/export?year=2024');
    expect(y2024.ws.getCell(1, 1).value).toBe('普法重要时间节点');
    expect(y2024.ws.getCell(2, 1).value).toContain('条件：2024年');
    expect(y2024.rows.map((r) => r.宣传节点)).toEqual(['3·15 国际消费者权益日', '4·15 全民国家安全教育日', '5·1 国际劳动节', '第4个民法典宣传月', '宪法宣传周', '12·4 国家宪法日']);
    expect(y2024.rows[4]).toEqual({
      宣传节点: '宪法宣传周',
      开始日期: '2024-12-01',
      结束日期: '2024-12-07',
      依据: '2018年起每年12月1日至7日',
      状态: '已过',
      主题宣传活动: '2024年"12·4"国家宪法日暨宪法宣传周（四棵树镇，2 场）',
      活动场次: '2',
    });
    expect(y2024.rows[1]).toMatchObject({ 主题宣传活动: '', 活动场次: '0' });
    expect(y2024.cell(5, '开始日期')).toBeInstanceOf(Date);
    expect(y2024.cell(5, '活动场次')).toBe(2);
    // Another year: its own dates, and none of 2024's campaigns.
    const y2023 = await exported(sifasuo, '/api/ledgers/publicity-key-dates/export?year=2023');
    expect(y2023.rows[0]).toMatchObject({ 开始日期: '2023-03-15', 主题宣传活动: '' });
    expect(await lastExport()).toMatchObject({ after: { kind: 'publicity-key-dates', filters: { year: 2023 }, rows: 6 } });
  });

  it('普法责任清单: each responsible body of the year’s plans with its laws, narrowed by year', async () => {
    const y2024 = await exported(sifasuo, '/api/ledgers/publicity-plans/export?year=2024');
    expect(y2024.ws.getCell(1, 1).value).toBe('普法责任清单');
    expect(y2024.ws.getCell(2, 1).value).toContain('条件：2024年');
    expect(y2024.rows.map((r) => r.责任单位)).toEqual(['司法所', '综合执法大队', '镇中心学校', '党政办公室', '四棵树市场监管所', '四棵树派出所']);
    expect(y2024.rows[1]).toEqual({
      年度: '2024',
      普法计划: '四棵树镇2024年普法依法治理工作计划',
      所属单位: '四棵树镇',
      责任单位: '综合执法大队',
      负责宣传的法律法规: '《中华人民共和国行政处罚法》、《中华人民共和国土地管理法》',
      普法任务: '执法过程中以案释法，执法文书说理',
      普法对象: '行政相对人、村民',
    });
    expect(y2024.cell(1, '年度')).toBe(2024);
    expect((await exported(sifasuo, '/api/ledgers/publicity-plans/export?year=2023')).rows).toEqual([]);
    expect(await lastExport()).toMatchObject({ after: { kind: 'publicity-plans', filters: { year: 2023 }, rows: 0 } });
  });

  it('法律法规库: each law with its status (in force, or repealed and by what), narrowed by status and search; no export without publicity.read', async () => {
    const all = await exported(sifasuo, '/api/ledgers/publicity-laws/export');
    expect(all.ws.getCell(1, 1).value).toBe('法律法规库');
    expect(all.rows).toHaveLength(28);
    expect(all.rows[0]).toEqual({
      名称: '中华人民共和国宪法',
      简称: '宪法',
      类别: '宪法',
      制定机关: '全国人民代表大会',
      施行日期: '1982-12-04',
      效力: '现行有效',
      废止日期: '',
      由何法取代: '',
      来源: '全国目录',
      备注: '2018年3月11日第五次修正',
    });
    expect(all.cell(1, '施行日期')).toBeInstanceOf(Date);
    const repealed = await exported(sifasuo, '/api/ledgers/publicity-laws/export?status=repealed');
    expect(repealed.rows).toHaveLength(9);
    expect(repealed.rows.every((r) => r.效力 === '已废止' && r.废止日期 === '2021-01-01' && r.由何法取代 === '中华人民共和国民法典')).toBe(true);
    expect(repealed.rows.map((r) => r.简称)).toContain('婚姻法');
    expect(repealed.ws.getCell(2, 1).value).toContain('条件：已废止');
    const marriage = await exported(sifasuo, `/api/ledgers/publicity-laws/export?status=in_force&q=${encodeURIComponent('婚姻')}`);
    expect(marriage.rows).toEqual([]);
    expect(await lastExport()).toMatchObject({ after: { kind: 'publicity-laws', filters: { status: 'in_force', q: '婚姻' }, rows: 0 } });
    expect((await guwen.request('GET', '/api/ledgers/publicity-laws/export')).status).toBe(403);
  });
});
