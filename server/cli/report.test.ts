import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/helpers.ts';
import { reportsForTowns, reportToFile } from './report.ts';

let env: TestEnv;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-cli-report-'));
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('fazhi report writes one town’s report, and one per town under a city with progress', async () => {
  const out = await reportToFile(env.platform, '四棵树镇', 2024, 'html', path.join(dir, 'one', 'report.html'));
  expect(fs.readFileSync(out, 'utf8')).toContain('调解成功率93.8%');
  const seen: string[] = [];
  const files = await reportsForTowns(env.platform, '乌苏市', 2024, 'docx', path.join(dir, 'all'), {
    start: (total, what) => seen.push(`${what} ${total}`),
    update: (done, detail) => seen.push(`${done} ${detail ?? ''}`),
    stop: () => seen.push('stop'),
  });
  expect(files.map((f) => path.basename(f))).toEqual(['2024年度乌苏市四棵树镇法治政府建设情况报告.docx']);
  expect(
    fs
      .readFileSync(files[0] as string)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  expect(seen).toEqual(['导出报告 1', '0 四棵树镇', '1 ', 'stop']);
  // Audited under the console operator's name, with no user id (no user row stands behind the console).
  const audited = await env.platform.db.selectFrom('audit_log').select(['actor_id', 'actor_name']).where('action', '=', 'report.export').execute();
  expect(audited).toHaveLength(2);
  expect(audited[0]).toEqual({ actor_id: null, actor_name: expect.stringMatching(/^命令行 \(/) });
  await expect(reportsForTowns(env.platform, '不存在市', 2024, 'docx', dir)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/下没有乡镇/) });
});
