import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../domain/platform/dates.ts';
import { createTestEnv, login, type Session, type TestEnv } from '../test/helpers.ts';
import { download, readWorkbook, rowsOf } from '../test/ledger.ts';

// 审计日志 written out as the audit page lists it, with the page's filters (操作, 操作人, 结果, 日期范围).
let env: TestEnv;
let admin: Session;
let ducha: Session;
let shuji: Session;

const sheet = async (s: Session, query: string) =>
  (await readWorkbook(await download(env.app, s, `/api/ledgers/audit-log/export?${query}`))).getWorksheet('审计日志') as ExcelJS.Worksheet;

beforeAll(async () => {
  env = await createTestEnv();
  [admin, ducha, shuji] = await Promise.all(['admin', 'ducha', 'shuji'].map((u) => login(env.app, u)));
  // One entry with a before and an after: 王建军's title changed by the administrator.
  const user = (await admin.request('GET', '/api/org/users?q=shuji')).body.items[0];
  expect((await admin.request('PATCH', `/api/org/users/${user.id}`, { title: '镇党委书记（兼）', version: user.version })).status).toBe(200);
});
afterAll(async () => env?.close());

describe('审计日志 export', () => {
  it('holds what the page lists with its filters: time in Beijing time, actor, action, object, result, before and after', async () => {
    const today = shanghaiDate(new Date());
    const query = `action=user.update&actor=${encodeURIComponent('管理')}&result=ok&from=${today}&to=${today}`;
    const listed = (await admin.request('GET', `/api/audit?${query}&pageSize=200`)).body;
    expect(listed.total).toBeGreaterThan(0);
    const ws = await sheet(admin, query);
    expect(ws.getCell(1, 1).value).toBe('审计日志');
    expect(String(ws.getCell(2, 1).value)).toMatch(new RegExp(`共 ${listed.total} 条　条件：操作：user\\.update，操作人：管理，结果：成功，${today} 至 ${today}$`));
    const rows = rowsOf(ws, 3);
    expect(rows).toHaveLength(listed.total);
    const entry = listed.items[0];
    expect(rows[0]).toMatchObject({
      序号: '1',
      时间: expect.stringMatching(new RegExp(`^${today} \\d{2}:\\d{2}:\\d{2}$`)),
      操作人: entry.actorName,
      操作: 'user.update',
      对象: `${entry.entityType} #${entry.entityId}`,
      结果: '成功',
    });
    expect(JSON.parse(rows[0]?.修改后 ?? '')).toEqual(entry.after);
    expect(rows[0]?.修改后).toContain('镇党委书记（兼）');
    const audit = await env.platform.db.selectFrom('audit_log').selectAll().where('action', '=', 'ledger.export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ kind: 'audit-log', filters: { action: 'user.update', result: 'ok', from: today, to: today }, rows: listed.total });
  });

  it('the filters narrow it; a supervisor exports their scope; a role without audit.read is refused', async () => {
    const logins = rowsOf(await sheet(ducha, 'action=auth.login'), 3);
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((r) => r.操作 === 'auth.login')).toBe(true);
    expect(rowsOf(await sheet(ducha, 'action=no.such.action'), 3)).toEqual([]);
    expect((await shuji.request('GET', '/api/ledgers/audit-log/export')).status).toBe(403);
  });
});
