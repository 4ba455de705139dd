import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';
import { download, readWorkbook, rowsOf } from '../../test/ledger.ts';

// The org pages' exports (导出 Excel): 用户名册 and the leading group's meetings, tasks and members, each holding what
// its list shows with the page's filters, audited.
let env: TestEnv;
let admin: Session;
let sifasuo: Session;
let shuji: Session;
let groupId = 0;

const sheet = async (s: Session, url: string, name: string) => (await readWorkbook(await download(env.app, s, url))).getWorksheet(name) as ExcelJS.Worksheet;
const lastExport = () => env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();

beforeAll(async () => {
  env = await createTestEnv();
  [admin, sifasuo, shuji] = await Promise.all(['admin', 'sifasuo', 'shuji'].map((u) => login(env.app, u)));
  groupId = (await shuji.request('GET', '/api/org/leading-groups')).body.items[0].id;
});
afterAll(async () => env?.close());

describe('用户名册', () => {
  it('writes the users page with its filters: units, roles as labels, phones in full for who may read personal data; audited', async () => {
    const ws = await sheet(admin, '/api/ledgers/org-users/export?q=sifasuo', '用户');
    expect(ws.getCell(1, 1).value).toBe('用户名册');
    expect(String(ws.getCell(2, 1).value)).toMatch(/共 1 条　条件：检索：sifasuo$/);
    expect(rowsOf(ws, 3)).toEqual([
      {
        序号: '1',
        用户名: 'sifasuo',
        姓名: '李秀兰',
        所属单位: '司法所',
        职务: '司法所所长',
        手机号: '13909921234',
        角色: '法治办/司法所@四棵树镇',
        状态: '正常',
        最近登录: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      },
    ]);
    expect((await lastExport()).after).toMatchObject({ kind: 'org-users', filters: { q: 'sifasuo' }, rows: 1, rowsWithIdentifiers: 1 });

    const all = rowsOf(await sheet(admin, '/api/ledgers/org-users/export', '用户'), 3);
    const listed = (await admin.request('GET', '/api/org/users?pageSize=200')).body;
    expect(all).toHaveLength(listed.total);
    expect(all.find((r) => r.用户名 === 'shuji')).toMatchObject({ 姓名: '王建军', 角色: '镇领导@四棵树镇', 手机号: '' });
    // Only user administrators read the register, as only they open the users page.
    expect((await shuji.request('GET', '/api/ledgers/org-users/export')).status).toBe(403);
  });
});

describe('领导小组', () => {
  it("会议: the group's meetings with date cells, kind labels, attendees and decisions", async () => {
    const ws = await sheet(shuji, `/api/ledgers/org-meetings/export?leadingGroupId=${groupId}`, '会议');
    expect(ws.getCell(1, 1).value).toBe('领导小组会议');
    expect(String(ws.getCell(2, 1).value)).toMatch(/条件：四棵树镇依法治镇工作领导小组$/);
    const rows = rowsOf(ws, 3);
    const meeting = rows.find((r) => r.会议名称 === '关于调整依法治镇工作领导小组的专题会议');
    expect(meeting).toMatchObject({
      会议日期: '2024-03-12',
      类型: '专题会议',
      地点: '镇政府三楼会议室',
      主持人: '王建军',
      参会人数: '7',
      参会人员: '王建军、艾尔肯·吐尔逊、李秀兰、周文、马国强、刘长青、努尔兰',
      议定事项: expect.stringContaining('调整领导小组组成人员'),
    });
    expect(ws.getCell(3 + rows.indexOf(meeting as Record<string, string>) + 1, 2).value).toBeInstanceOf(Date);
    expect((await lastExport()).after).toMatchObject({ kind: 'org-meetings', filters: { leadingGroupId: groupId }, rows: rows.length });
  });

  it('重点任务: the year and status filters narrow it; owner, deadline and every progress note are written', async () => {
    const tasks = (await sifasuo.request('GET', `/api/org/tasks?leadingGroupId=${groupId}&year=2025&pageSize=50`)).body.items;
    const training = tasks.find((t: { title: string }) => t.title === '干部法治教育培训计划');
    expect((await sifasuo.request('POST', `/api/org/tasks/${training.id}/progress`, { notedOn: '2025-03-20', note: '已印发年度培训计划', version: training.version })).status).toBe(
      200,
    );

    const ws = await sheet(shuji, `/api/ledgers/org-tasks/export?leadingGroupId=${groupId}&year=2025`, '重点任务');
    expect(ws.getCell(1, 1).value).toBe('年度重点任务');
    expect(String(ws.getCell(2, 1).value)).toMatch(/共 3 条　条件：四棵树镇依法治镇工作领导小组，2025年$/);
    const rows = rowsOf(ws, 3);
    expect(rows.map((r) => r.工作要点).sort()).toEqual(['充实法治工作队伍', '创新普法宣传方式', '干部法治教育培训计划'].sort());
    expect(rows.find((r) => r.工作要点 === '干部法治教育培训计划')).toMatchObject({
      年度: '2025',
      '责任单位/责任人': '党政办公室 / 党政办公室',
      完成时限: '2025-06-30',
      状态: expect.stringMatching(/^推进中/),
      '进展（条）': '1',
      进展情况: expect.stringMatching(/^2025-03-20 已印发年度培训计划/),
    });

    const pending = rowsOf(await sheet(shuji, `/api/ledgers/org-tasks/export?leadingGroupId=${groupId}&year=2025&status=pending`, '重点任务'), 3);
    expect(pending.map((r) => r.工作要点).sort()).toEqual(['充实法治工作队伍', '创新普法宣传方式'].sort());
    expect((await lastExport()).after).toMatchObject({ kind: 'org-tasks', filters: { leadingGroupId: groupId, year: 2025, status: 'pending' }, rows: 2 });
  });

  it('成员: who served on the chosen day, 组长 first; another day gives the composition of then', async () => {
    const ws = await sheet(shuji, `/api/ledgers/org-members/export?leadingGroupId=${groupId}&asOf=2025-01-01`, '成员');
    expect(ws.getCell(1, 1).value).toBe('领导小组成员');
    expect(String(ws.getCell(2, 1).value)).toMatch(/条件：四棵树镇依法治镇工作领导小组，2025-01-01在任$/);
    const rows = rowsOf(ws, 3);
    expect(rows.slice(0, 4).map((r) => [r.姓名, r.小组职务])).toEqual([
      ['王建军', '组长'],
      ['艾尔肯·吐尔逊', '组长'],
      ['李秀兰', '副组长'],
      ['周文', '副组长'],
    ]);
    expect(rows[0]).toMatchObject({ 职务: '镇党委书记', 任职起始: '2024-03-13', 任职截止: '' });
    expect(rows.find((r) => r.姓名 === '刘长青')).toMatchObject({ 职务: '四棵树村主要负责人', 小组职务: '成员' });

    const before = rowsOf(await sheet(shuji, `/api/ledgers/org-members/export?leadingGroupId=${groupId}&asOf=2023-01-01`, '成员'), 3);
    expect(before.map((r) => r.姓名)).toEqual(['张志华', '阿不都热合曼', '李秀兰', '刘长青']);
    expect(before[0]).toMatchObject({ 职务: '原镇党委书记', 任职截止: '2024-03-12' });
    expect((await lastExport()).after).toMatchObject({ kind: 'org-members', filters: { leadingGroupId: groupId, asOf: '2023-01-01' }, rows: 4 });
  });
});
