import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';
import { download, importFile, readWorkbook, rowsOf, toBuffer } from '../../test/ledger.ts';

// 学法活动台账 (sessions with their attendance) through the ledger engine.
let env: TestEnv;
let sifasuo: Session;
const KIND = 'study-sessions';

beforeAll(async () => {
  env = await createTestEnv();
  sifasuo = await login(env.app, 'sifasuo');
});
afterAll(async () => env?.close());

describe('the study sessions ledger', () => {
  it('template → filled → imported: sessions with attendance (accounts matched by name), then exported the same; no duplicates on re-import', async () => {
    const wb = await readWorkbook(await download(env.app, sifasuo, `/api/ledgers/${KIND}/template`));
    const ws = wb.getWorksheet('学法活动') as ExcelJS.Worksheet;
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['*组织单位', '*活动类型', '*学习主题', '*活动日期']);
    const shenhe = (await env.platform.db.selectFrom('users').select(['id', 'display_name']).where('username', '=', 'shenhe').executeTakeFirstOrThrow()) as {
      id: number;
      display_name: string;
    };
    ws.addRow(['四棵树镇', '党委中心组学法', '台账导入：学习民法典', '2023年6月8日', '会议室', '', '', '中华人民共和国民法典', `${shenhe.display_name}、没有账号的人`, '']);
    ws.addRow(['四棵树镇', '法治讲座', '台账导入：讲座', '2023/6/9', '会议室', '', '', '', '甲、乙', '']);
    const bad = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(bad.job.result).toMatchObject({ outcome: 'rejected', created: 0 });
    expect(bad.job.result?.problems).toEqual([{ sheet: '学法活动', row: 4, column: '主讲人', message: '讲法治课、法治讲座须填写主讲人' }]);

    ws.getCell('F4').value = '李律师';
    const file = await toBuffer(wb);
    const ok = await importFile(env.app, sifasuo, KIND, file);
    expect(ok.job.result).toMatchObject({ outcome: 'imported', rows: 2, created: 2, skipped: 0 });
    const list = (await sifasuo.request('GET', '/api/learning/sessions?year=2023&q=台账导入&pageSize=10')).body.items;
    const civil = list.find((s: { title: string }) => s.title === '台账导入：学习民法典');
    expect(civil).toMatchObject({ kind: 'center_group', heldOn: '2023-06-08', personTimes: 2, laws: ['中华人民共和国民法典'] });
    expect(civil.attendees.map((a: { userId: number | null; personName: string }) => [a.userId, a.personName])).toEqual([
      [shenhe.id, shenhe.display_name],
      [null, '没有账号的人'],
    ]);
    const again = await importFile(env.app, sifasuo, KIND, file);
    expect(again.job.result).toMatchObject({ created: 0, skipped: 2 });

    const exported = await readWorkbook(await download(env.app, sifasuo, `/api/ledgers/${KIND}/export?year=2023&q=台账导入`));
    const rows = rowsOf(exported.getWorksheet('学法活动') as ExcelJS.Worksheet, 3);
    expect(rows.find((r) => r.学习主题 === '台账导入：学习民法典')).toMatchObject({
      活动类型: '党委中心组学法',
      活动日期: '2023-06-08',
      参加人员: `${shenhe.display_name}、没有账号的人`,
      参加人次: '2',
    });
  });
});

describe('试卷 (export only)', () => {
  it('writes the papers list (how each was built, questions, points, use in tests), narrowed by the search; the bank’s readers only, audited', async () => {
    const exported = async (url: string) => (await readWorkbook(await download(env.app, sifasuo, url))).worksheets[0] as ExcelJS.Worksheet;
    const ws = await exported('/api/ledgers/learning-papers/export');
    expect(ws.getCell(1, 1).value).toBe('试卷');
    expect(rowsOf(ws, 3)).toEqual([
      { 试卷名称: '国家宪法日法律知识测试卷（随机组卷）', 组卷方式: '随机（种子 20241204）', 题数: '13', 总分: '100', 用于测试: '1' },
      { 试卷名称: '《中国共产党纪律处分条例》及法治基础知识测试卷', 组卷方式: '手工', 题数: '10', 总分: '100', 用于测试: '1' },
      { 试卷名称: '机关干部法律知识测试卷（随机组卷）', 组卷方式: '随机（种子 20240617）', 题数: '17', 总分: '100', 用于测试: '1' },
    ]);
    expect(ws.getCell(4, 3).value).toBe(13);
    const constitution = await exported(`/api/ledgers/learning-papers/export?q=${encodeURIComponent('宪法')}`);
    expect(rowsOf(constitution, 3).map((r) => r.试卷名称)).toEqual(['国家宪法日法律知识测试卷（随机组卷）']);
    expect(constitution.getCell(2, 1).value).toContain('条件：检索：宪法');
    const entry = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(entry.after).toMatchObject({ kind: 'learning-papers', filters: { q: '宪法' }, rows: 1 });
    // Papers hold the answers: a leader who reads the learning figures does not take them out.
    expect((await (await login(env.app, 'shuji')).request('GET', '/api/ledgers/learning-papers/export')).status).toBe(403);
  });
});
