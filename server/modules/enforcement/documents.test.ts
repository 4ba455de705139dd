import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKindLabels, documentKinds } from '../../../domain/enforcement/rules.ts';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';

let env: TestEnv;
let officer: Session;
let supervisor: Session;
let caseId = 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-docs-'));

const get = async (s: Session, url: string) => {
  const res = await env.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, json: () => res.json() };
};
const documentXml = (docx: Buffer) => strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml'] as Uint8Array);
const text = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

beforeAll(async () => {
  env = await createTestEnv();
  [officer, supervisor] = await Promise.all(['zhifa1', 'ducha'].map((u) => login(env.app, u)));
  // The demo's hearing case: 李红梅, 滥伐林木, fined 6000 元 after a hearing.
  const list = (await officer.request('GET', `/api/enforcement/cases?q=${encodeURIComponent('李红梅')}`)).body;
  caseId = list.items[0].id;
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('case documents (.docx, GB/T 9704-2012)', () => {
  it('fills the decision with every content art. 59 requires', async () => {
    const res = await get(officer, `/api/enforcement/cases/${caseId}/documents/decision`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/wordprocessingml/);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('行政处罚决定书-四镇综执罚〔2024〕');
    const xml = documentXml(res.raw);
    const t = text(xml);
    for (const required of [
      '行政处罚决定书',
      '当事人：李红梅',
      '654202198211206626',
      '住所（地址）：乌苏市四棵树镇四棵树村6组15号',
      '违法事实和证据',
      '伐桩检尺记录',
      '《中华人民共和国森林法》第五十六条第一款、第七十六条第二款',
      '罚款人民币6000.00元',
      '十五日内',
      '百分之三',
      '六十日内向乌苏市人民政府申请行政复议',
      '六个月内依法向乌苏市人民法院提起行政诉讼',
      '四棵树镇综合执法大队',
      '2024年9月27日',
      '（印章）',
    ]) {
      expect(t).toContain(required);
    }
    // 3号仿宋 body (32 half-points), 2号小标宋 title (44), A4 with 37 mm top and 28 mm left margins, page numbers.
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[\s\S]*?<w:sz w:val="44"\/>/);
    expect(xml).toMatch(/<w:sz w:val="32"\/>/);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="209[78]"/);
    expect(xml).toMatch(/w:left="158[67]"/);
    expect(xml).toMatch(/w:line="579" w:lineRule="exact"/);
    const files = unzipSync(new Uint8Array(res.raw));
    expect(Object.keys(files).filter((f) => f.startsWith('word/footer'))).toHaveLength(2);
    expect(strFromU8(files['word/settings.xml'] as Uint8Array)).toContain('evenAndOddHeaders');
  });

  it('shows the party’s ID number masked to a supervisor', async () => {
    const res = await get(supervisor, `/api/enforcement/cases/${caseId}/documents/decision`);
    expect(text(documentXml(res.raw))).toContain('654***********6626');
  });

  it('opens every document in LibreOffice (converted to PDF), and page 1 renders', async () => {
    const files: string[] = [];
    for (const kind of documentKinds) {
      const res = await get(officer, `/api/enforcement/cases/${caseId}/documents/${kind}`);
      expect(res.status, `${kind}: ${res.status}`).toBe(200);
      const file = path.join(dir, `${kind}.docx`);
      fs.writeFileSync(file, res.raw);
      files.push(file);
    }
    const profile = path.join(dir, 'lo-profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 180_000 });
    for (const kind of documentKinds) {
      const pdf = path.join(dir, `${kind}.pdf`);
      expect(fs.existsSync(pdf), `${documentKindLabels[kind]} was not converted`).toBe(true);
      expect(fs.statSync(pdf).size).toBeGreaterThan(1000);
      expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', path.join(dir, 'decision.pdf'), path.join(dir, 'decision')]);
    const png = fs.readdirSync(dir).find((f) => f.startsWith('decision') && f.endsWith('.png'));
    expect(png).toBeDefined();
    expect(fs.statSync(path.join(dir, png as string)).size).toBeGreaterThan(2000);
    if (process.env.FAZHI_KEEP_DOCS) for (const f of fs.readdirSync(dir)) if (/\.(png|pdf)$/.test(f)) fs.copyFileSync(path.join(dir, f), path.join(process.env.FAZHI_KEEP_DOCS, f));
  }, 240_000);

  it('refuses a document the case cannot produce yet', async () => {
    const open = (await officer.request('GET', `/api/enforcement/cases?q=${encodeURIComponent('马福祥')}`)).body.items[0];
    const res = await get(officer, `/api/enforcement/cases/${open.id}/documents/decision`);
    expect(res.status).toBe(409);
    expect(res.json().error.message).toMatch(/不能制作《行政处罚决定书》/);
  });
});

describe('the case file (案卷) export', () => {
  it('is one zip with an index, the documents, the timeline with its verified chain, and is itself on the timeline', async () => {
    const res = await get(officer, `/api/enforcement/cases/${caseId}/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(res.raw));
    const names = Object.keys(files);
    expect(names).toContain('00-目录.txt');
    expect(names).toContain('全过程记录.txt');
    expect(names.filter((n) => n.startsWith('文书/') && n.endsWith('.docx'))).toHaveLength(6);
    const index = strFromU8(files['00-目录.txt'] as Uint8Array);
    expect(index).toMatch(/行政处罚决定书.*SHA-256 [0-9a-f]{64}/);
    expect(strFromU8(files['全过程记录.txt'] as Uint8Array)).toMatch(/哈希链（SM3）校验：通过/);
    const timeline = (await officer.request('GET', `/api/enforcement/cases/${caseId}/timeline`)).body.items;
    expect(timeline.at(-1).kind).toBe('export');
    expect(timeline.some((e: { kind: string; summary: string }) => e.kind === 'document' && /行政处罚决定书/.test(e.summary))).toBe(true);
    expect((await officer.request('GET', `/api/enforcement/cases/${caseId}/verify`)).body.ok).toBe(true);
  });
});
