import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';

let env: TestEnv;
let coordinator: Session;
let leader: Session;
let cadre: Session;
let reportId: number;
beforeAll(async () => {
  env = await createTestEnv();
  coordinator = await login(env.app, 'sifasuo');
  leader = await login(env.app, 'shuji');
  cadre = await login(env.app, 'cungb');
});
afterAll(async () => env?.close());

const text = (blocks: { segments: { text: string }[] }[]) => blocks.map((b) => b.segments.map((s) => s.text).join('')).join('\n');

describe('the annual report', () => {
  it('a coordinator creates the draft; its figures come from the records', async () => {
    const res = await coordinator.request('POST', '/api/reports/annual', { org: '四棵树镇', year: 2024 });
    expect(res.status).toBe(200);
    reportId = res.body.report.id;
    expect(res.body.report).toMatchObject({ orgName: '四棵树镇', year: 2024, status: 'draft' });
    const body = text(res.body.blocks);
    expect(body.split('\n')[0]).toBe('2024年度乌苏市四棵树镇法治政府建设情况报告');
    expect(body).toContain('由2名组长');
    const figure = res.body.blocks.flatMap((b: { segments: { figure?: string }[] }) => b.segments).find((s: { figure?: string }) => s.figure === 'org.leading_group_co_leaders');
    expect(figure).toEqual({ text: '2', figure: 'org.leading_group_co_leaders' });
    expect((await coordinator.request('POST', '/api/reports/annual', { org: '四棵树镇', year: 2024 })).status).toBe(409);
  });

  it('keeps the narratives the town writes, and its 体检 finds a repealed law', async () => {
    const res = await coordinator.request('PATCH', `/api/reports/annual/${reportId}`, {
      narratives: { publicity: '重点宣传《中华人民共和国土地管理法》《婚姻法》等法律法规。', problems: '一是部分干部法治意识有待加强。\n二是法治工作队伍力量薄弱。' },
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(text(res.body.blocks)).toContain('二是法治工作队伍力量薄弱。');
    expect(res.body.problems).toEqual([expect.objectContaining({ kind: 'law', excerpt: '《婚姻法》' })]);
    expect((await coordinator.request('PATCH', `/api/reports/annual/${reportId}`, { narratives: {}, version: 1 })).status).toBe(409);
  });

  it('a leader cannot approve a draft that contradicts the records, and can once it is fixed', async () => {
    const refused = await leader.request('POST', `/api/reports/annual/${reportId}/approve`, { version: 2 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('REPORT_HAS_PROBLEMS');
    expect(refused.body.error.message).toContain('《婚姻法》已于 2021-01-01 废止');
    expect((await coordinator.request('POST', `/api/reports/annual/${reportId}/approve`, { version: 2 })).status).toBe(403);
    await coordinator.request('PATCH', `/api/reports/annual/${reportId}`, { narratives: { publicity: '重点宣传《中华人民共和国民法典》婚姻家庭编等法律法规。' }, version: 2 });
    const approved = await leader.request('POST', `/api/reports/annual/${reportId}/approve`, { version: 3 });
    expect(approved.status).toBe(200);
    expect(approved.body.report.status).toBe('approved');
    expect((await coordinator.request('PATCH', `/api/reports/annual/${reportId}`, { narratives: {}, version: 4 })).body.error.code).toBe('REPORT_RULE');
    expect((await coordinator.request('POST', `/api/reports/annual/${reportId}/return`, { version: 4, reason: '再核对' })).status).toBe(403);
    const returned = await leader.request('POST', `/api/reports/annual/${reportId}/return`, { version: 4, reason: '再核对一遍执法数据' });
    expect(returned.body.report.status).toBe('draft');
    expect((await leader.request('POST', `/api/reports/annual/${reportId}/approve`, { version: 5 })).body.report.status).toBe('approved');
    const published = await coordinator.request('POST', `/api/reports/annual/${reportId}/publish`, { version: 6 });
    expect(published.body.report.status).toBe('published');
    expect((await leader.request('POST', `/api/reports/annual/${reportId}/return`, { version: 7, reason: '晚了' })).body.error.message).toBe('报告已公开，不能退回');
  });

  it('exports a .docx in 公文 format that LibreOffice opens', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/reports/annual/${reportId}/docx`, headers: { cookie: coordinator.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('2024年度乌苏市四棵树镇法治政府建设情况报告.docx'));
    // Page setup and fonts as GB/T 9704 has them: A4, 37/28/35/26 mm margins, 小标宋 title, 仿宋 body, 黑体/楷体 headings.
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const xml = strFromU8(files['word/document.xml'] as Uint8Array);
    const footers = Object.keys(files).filter((f) => /^word\/footer\d+\.xml$/.test(f));
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(strFromU8(files[f] as Uint8Array)).toMatch(/w:eastAsia="宋体"[\s\S]*PAGE/);
    expect(xml).toContain('<w:footerReference w:type="even"');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    for (const font of ['方正小标宋简体', '仿宋_GB2312', '黑体', '楷体_GB2312']) expect(xml).toContain(`w:eastAsia="${font}"`);
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('<w:sz w:val="32"/>');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-report-'));
    try {
      fs.writeFileSync(path.join(dir, 'report.docx'), res.rawPayload);
      execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, path.join(dir, 'report.docx')], { stdio: 'ignore', timeout: 120_000 });
      const pdf = path.join(dir, 'report.pdf');
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
      const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      // The 22-character title wraps at 二号 size; pdftotext also spaces digits from CJK.
      expect(pdfText.replace(/\s+/g, '')).toContain('2024年度乌苏市四棵树镇法治政府建设情况报告');
      expect(pdfText).toMatch(/—\s*1\s*—/);
      expect(pdfText).toContain('四棵树镇人民政府');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const audit = await env.platform.db.selectFrom('audit_log').select('action').where('action', '=', 'report.export').execute();
    expect(audit).toHaveLength(1);
  });

  it('checks pasted text against the records', async () => {
    const res = await coordinator.request('POST', '/api/reports/check', { org: '四棵树镇', year: 2024, text: '持续推动民主法治示范村创建与复验工作。' });
    expect(res.body.problems).toEqual([expect.objectContaining({ kind: 'term', excerpt: '复验' })]);
  });

  it('a village cadre sees no town report', async () => {
    expect((await cadre.request('GET', `/api/reports/annual/${reportId}`)).status).toBe(403);
  });
});

describe('the report of an org and year in every format', () => {
  const get = (query: string) => env.app.inject({ method: 'GET', url: `/api/reports/annual?${query}`, headers: { cookie: coordinator.cookie } });

  it('json: the rendered report with its figures', async () => {
    const res = await get(`org=${encodeURIComponent('四棵树镇')}&year=2024&format=json`);
    expect(res.statusCode).toBe(200);
    expect(text(res.json().blocks)).toContain('调解成功率93.8%');
  });

  it('html: a print-friendly page with the statistics table', async () => {
    const res = await get(`org=${encodeURIComponent('四棵树镇')}&year=2024&format=html`);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<h1>2024年度乌苏市四棵树镇法治政府建设情况报告</h1>');
    expect(res.body).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(res.body).toMatch(/<td>调解成功率<\/td><td>93\.8%<\/td>/);
  });

  it('xlsx: the indicator table a supervisor collects', async () => {
    const res = await get(`org=${encodeURIComponent('四棵树镇')}&year=2024&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('主要指标')?.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === 'mediation.success_rate')?.slice(1)).toEqual(['mediation.success_rate', '调解成功率', 93.8, '%']);
  });

  it('docx for a year without a draft: the figures in the default wording, and the appendix table', async () => {
    const res = await get(`org=${encodeURIComponent('四棵树镇')}&year=2023&format=docx`);
    expect(res.statusCode).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml'] as Uint8Array);
    expect(xml).toContain('2023年度乌苏市四棵树镇法治政府建设情况报告');
    expect(xml).toContain('主要指标统计表');
  });

  it('asks for org and year when a format is given', async () => {
    const res = await get('format=docx');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('导出报告须指定「单位」和「年度」');
  });
});
