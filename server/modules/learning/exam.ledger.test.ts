import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_WITHOUT_RESULT } from '../../../domain/platform/ledger.ts';
import { createTestEnv, login, type Session, type TestEnv, unitId } from '../../test/helpers.ts';
import { download, importFile, readWorkbook, rowCount, rowsOf, toBuffer } from '../../test/ledger.ts';

// 线下考试成绩台账 through the ledger engine: the rules of recording offline scores on every row, one score a person.
let env: TestEnv;
let sifasuo: Session;
const KIND = 'exam-scores';
const SHEET = '线下考试成绩';
const MIXED = '台账测试：线上线下结合';
const ONLINE = '台账测试：纯线上';
let examId = 0;
let lastDay = '';
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

const count = (table: 'offline_scores' | 'exam_candidates' | 'audit_log') => rowCount(env, table);
const counts = () => Promise.all([count('offline_scores'), count('exam_candidates'), count('audit_log')]);

/** Open now, closing in three days: its last day is not today. */
async function publishedExam(title: string, mode: 'online' | 'mixed', paperId: number, town: number) {
  const closesAt = new Date(Date.now() + 3 * 24 * 60 * 60_000).toISOString();
  const created = await sifasuo.request('POST', '/api/learning/exams', {
    orgUnitId: town,
    title,
    paperId,
    mode,
    opensAt: new Date(Date.now() - 60 * 60_000).toISOString(),
    closesAt,
    timeLimitMinutes: 20,
    maxAttempts: 1,
    passScore: 60,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const published = await sifasuo.request('POST', `/api/learning/exams/${created.body.id}/publish`, { version: created.body.version });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return { id: created.body.id as number, lastDay: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(closesAt)) };
}

async function template() {
  const wb = await readWorkbook(await download(env.app, sifasuo, `/api/ledgers/${KIND}/template`));
  return { wb, ws: wb.getWorksheet(SHEET) as ExcelJS.Worksheet };
}
const results = async () =>
  new Map(((await sifasuo.request('GET', `/api/learning/exams/${examId}/results`)).body.items as { personName: string }[]).map((r) => [r.personName, r as Record<string, any>]));

beforeAll(async () => {
  env = await createTestEnv();
  sifasuo = await login(env.app, 'sifasuo');
  const town = await unitId(env, '四棵树镇');
  const question = await sifasuo.request('POST', '/api/learning/questions', {
    orgUnitId: town,
    type: 'judge',
    category: 'constitution',
    stem: '宪法是国家的根本法。',
    answer: ['A'],
  });
  const paper = await sifasuo.request('POST', '/api/learning/papers', { orgUnitId: town, title: '台账测试卷', items: [{ questionId: question.body.id, points: 100 }] });
  expect(paper.status, JSON.stringify(paper.body)).toBe(200);
  ({ id: examId, lastDay } = await publishedExam(MIXED, 'mixed', paper.body.id, town));
  await publishedExam(ONLINE, 'online', paper.body.id, town);
});
afterAll(async () => env?.close());

describe('the offline scores ledger', () => {
  it('has a template whose exams drop-down holds the published exams that take offline scores', async () => {
    const { wb, ws } = await template();
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['*考试名称', '*姓名', '单位', '*成绩', '考试日期', '备注']);
    const exams = (wb.getWorksheet('可选值') as ExcelJS.Worksheet).getColumn(1).values as unknown[];
    expect(exams).toContain(MIXED);
    expect(exams).not.toContain(ONLINE);
  });

  it('checks every row by the rules of offline scores and names sheet, row and column; nothing is written', async () => {
    const { wb, ws } = await template();
    const allowed = ((wb.getWorksheet('可选值') as ExcelJS.Worksheet).getColumn(1).values as unknown[]).slice(2).map(String);
    const rows = [
      [MIXED, '王秀英', '黄渠村', 88, '2024-12-05', ''],
      [ONLINE, '刘长青', '', 80, '', ''],
      [MIXED, '赵海燕', '', '九十', '', ''],
      [MIXED, '马春花', '不存在的村', 70, '', ''],
      [MIXED, '外单位的人', '乌苏市司法局', 70, '', ''],
      [MIXED, '', '', 70, '', ''],
      [MIXED, '马国强', '', 101, '', ''],
      [MIXED, '马国强', '', 60, '2024-13-01', ''],
      [MIXED, '王秀英', '黄渠村', 90, '', ''],
      [MIXED, '赵海燕', '综合执法大队', 90, '', ''],
      [MIXED, '赵海燕', '', 91, '', ''],
      [MIXED, '周文', '', '', '', ''],
    ];
    for (const r of rows) ws.addRow(r);
    ws.getCell('D14').value = { formula: 'SUM(40,50)' } as ExcelJS.CellFormulaValue;
    const before = await counts();
    const res = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(res.job.result).toMatchObject({ outcome: 'rejected', rows: 12, created: 0, updated: 0, failed: 10 });
    const list = allowed.length > 12 ? `${allowed.slice(0, 12).join('、')} 等` : allowed.join('、');
    expect(res.job.result?.problems).toEqual([
      { sheet: SHEET, row: 4, column: '考试名称', message: `「${ONLINE}」不在可选值中（${list}）` },
      { sheet: SHEET, row: 5, column: '成绩', message: '「九十」应为不小于 0 的数（可含 .5）' },
      { sheet: SHEET, row: 6, column: '单位', message: '单位「不存在的村」不存在或不在您的范围内' },
      { sheet: SHEET, row: 7, column: '单位', message: '单位「乌苏市司法局」不存在或不在您的范围内' },
      { sheet: SHEET, row: 8, column: '姓名', message: '不能为空' },
      { sheet: SHEET, row: 9, column: '成绩', message: '成绩 101 高于试卷总分 100 分' },
      { sheet: SHEET, row: 10, column: '考试日期', message: '「2024-13-01」不是有效日期，应为 2024-03-05、2024/3/5 或 2024年3月5日' },
      { sheet: SHEET, row: 11, column: '', message: '与第3行是同一条记录（重复）' },
      { sheet: SHEET, row: 13, column: '姓名', message: '「赵海燕」在文件中出现了不止一次' },
      { sheet: SHEET, row: 14, column: '成绩', message: FORMULA_WITHOUT_RESULT },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('matches names to candidates and accounts, adds people without one, changes a score already there; a re-import writes nothing', async () => {
    const liu = (await results()).get('刘长青');
    const first = await sifasuo.request('POST', `/api/learning/exams/${examId}/offline-scores`, { candidateId: liu?.candidateId, score: 55, satOn: '2024-12-05' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const { wb, ws } = await template();
    ws.addRow([MIXED, '王秀英', '黄渠村', 88, '2024-12-05', '']);
    ws.addRow([MIXED, '赵海燕', '', '90分', '2024/12/5', '补考']);
    ws.addRow([MIXED, '刘长青', '四棵树村', 75, '', '']);
    const file = await toBuffer(wb);
    const [scores, candidates] = await counts();
    const res = await importFile(env.app, sifasuo, KIND, file, { filename: '线下成绩.xlsx' });
    expect(res.job.result).toMatchObject({ outcome: 'imported', rows: 3, created: 2, updated: 1, skipped: 0, failed: 0 });
    expect((await counts()).slice(0, 2)).toEqual([scores + 2, candidates + 1]);
    const line = await results();
    expect(line.get('王秀英')).toMatchObject({ userId: null, orgUnitName: '黄渠村', score: 88, sittingMode: 'offline' });
    expect(line.get('赵海燕')).toMatchObject({ offline: { score: 90, satOn: '2024-12-05', note: '补考' }, sittingMode: 'offline' });
    // A row without a date is dated today while the exam runs, not on its last day still to come.
    expect(lastDay > today).toBe(true);
    expect(line.get('刘长青')).toMatchObject({ score: 75, offline: { satOn: today } });
    const audit = await env.platform.db.selectFrom('audit_log').select(['action', 'after']).orderBy('id', 'desc').limit(2).execute();
    expect(audit.map((a) => a.action)).toEqual(['ledger.import', 'exam.offline_import']);
    expect(audit[1]?.after).toMatchObject({ source: '台账导入：线下成绩.xlsx', created: 2, updated: 1 });

    const again = await importFile(env.app, sifasuo, KIND, file);
    expect(again.job.result).toMatchObject({ outcome: 'imported', created: 0, updated: 0, skipped: 3 });
    expect((await counts()).slice(0, 2)).toEqual([scores + 2, candidates + 1]);
  });

  it('good rows only: records those and hands the bad ones back with their reasons', async () => {
    const { wb, ws } = await template();
    ws.addRow([MIXED, '马国强', '', 92, '2024-12-06', '']);
    ws.addRow([MIXED, '周文', '', 120, '', '']);
    const res = await importFile(env.app, sifasuo, KIND, await toBuffer(wb), { mode: 'good' });
    expect(res.job.result).toMatchObject({ outcome: 'imported', rows: 2, created: 1, failed: 1 });
    const back = rowsOf((await readWorkbook(await download(env.app, sifasuo, res.job.result?.errorFile as string))).worksheets[0] as ExcelJS.Worksheet, 1);
    expect(back.map((r) => [r.原行号, r.姓名, r.错误说明])).toEqual([['4', '周文', '「成绩」成绩 120 高于试卷总分 100 分']]);
    expect((await results()).get('马国强')).toMatchObject({ offline: { score: 92, satOn: '2024-12-06' } });
  });

  it('exports the offline scores of the exams in scope with the filters, for readers too; the export imports back as nothing new', async () => {
    const url = `/api/ledgers/${KIND}/export?examId=${examId}`;
    const wb = await readWorkbook(await download(env.app, sifasuo, url));
    const ws = wb.getWorksheet(SHEET) as ExcelJS.Worksheet;
    expect(String(ws.getCell('A2').value)).toMatch(new RegExp(`共 4 条　条件：${MIXED}$`));
    const rows = rowsOf(ws, 3);
    expect(rows.map((r) => [r.考试名称, r.姓名, r.单位, r.成绩, r.考试日期, r.备注])).toEqual([
      [MIXED, '刘长青', '四棵树村', '75', today, ''],
      [MIXED, '王秀英', '黄渠村', '88', '2024-12-05', ''],
      [MIXED, '赵海燕', '综合执法大队', '90', '2024-12-05', '补考'],
      [MIXED, '马国强', '综合执法大队', '92', '2024-12-06', ''],
    ]);
    const back = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(back.job.result).toMatchObject({ outcome: 'imported', created: 0, updated: 0, skipped: 4 });

    // A supervisor reads the city's exams: the same rows; a year the exam is not in: none.
    const ducha = await login(env.app, 'ducha');
    expect(rowsOf((await readWorkbook(await download(env.app, ducha, url))).getWorksheet(SHEET) as ExcelJS.Worksheet, 3)).toEqual(rows);
    const none = await readWorkbook(await download(env.app, sifasuo, `${url}&year=2001`));
    expect(rowsOf(none.getWorksheet(SHEET) as ExcelJS.Worksheet, 3)).toEqual([]);
    // Neither the supervisor nor a village cadre may import; the cadre may not export either.
    expect((await importFile(env.app, ducha, KIND, await toBuffer(wb))).status).toBe(403);
    const cungb = await login(env.app, 'cungb');
    expect((await env.app.inject({ method: 'GET', url, headers: { cookie: cungb.cookie } })).statusCode).toBe(403);
  });
});
