import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMULA_WITHOUT_RESULT } from '../../../domain/platform/ledger.ts';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';
import { download, importFile, readWorkbook, rowCount, rowsOf, toBuffer } from '../../test/ledger.ts';

// 题库台账 through the ledger engine: the bank's own rules on every row, numbered rows updating, no duplicates.
let env: TestEnv;
let sifasuo: Session;
const KIND = 'questions';
const SHEET = '题库';
const options = ['选项A', '选项B', '选项C', '选项D', '选项E', '选项F', '选项G', '选项H'];
const CATEGORIES = '习近平法治思想、宪法、民法典、行政处罚法、其他行政法、党内法规、刑事法律、其他';

const count = (table: 'questions' | 'audit_log') => rowCount(env, table);

type Q = { id?: number | string; unit?: string; type?: string; category?: string; stem?: string; options?: unknown[]; answer?: string; explanation?: string; law?: string };
/** A row in the template's column order. */
const row = (q: Q): unknown[] => [
  q.id ?? '',
  q.unit ?? '四棵树镇',
  q.type ?? '单选题',
  q.category ?? '宪法',
  q.stem ?? '',
  ...Array.from({ length: 8 }, (_, i) => q.options?.[i] ?? ''),
  q.answer ?? 'B',
  q.explanation ?? '',
  q.law ?? '中华人民共和国宪法',
  '',
];
const single = (stem: string, more: Q = {}) => row({ stem, options: ['甲', '乙', '丙', '丁'], ...more });

async function template() {
  const wb = await readWorkbook(await download(env.app, sifasuo, `/api/ledgers/${KIND}/template`));
  return { wb, ws: wb.getWorksheet(SHEET) as ExcelJS.Worksheet };
}

beforeAll(async () => {
  env = await createTestEnv();
  sifasuo = await login(env.app, 'sifasuo');
});
afterAll(async () => env?.close());

describe('the question bank ledger', () => {
  it('has a template with Chinese headers, an example row and drop-downs of units, types and categories', async () => {
    const { wb, ws } = await template();
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['编号', '*所属单位', '*题型', '*类别', '*题干', ...options, '*答案', '解析', '法律依据', '条款']);
    expect(ws.getCell('E2').value).toBe('违法行为在几年内未被发现的，不再给予行政处罚？');
    const lists = wb.getWorksheet('可选值') as ExcelJS.Worksheet;
    const column = (n: number) => (lists.getColumn(n).values as unknown[]).filter(Boolean);
    expect(column(1)).toEqual(expect.arrayContaining(['places', '四棵树镇', '四棵树村', '司法所']));
    expect(column(1)).not.toContain('乌苏市司法局');
    expect(column(2)).toEqual(['learning.question_type', '单选题', '多选题', '判断题']);
    expect(column(3)).toEqual(['learning.question_category', ...CATEGORIES.split('、')]);
  });

  it('checks every row by the bank’s rules and names sheet, row and column; nothing is written', async () => {
    const { wb, ws } = await template();
    const rows = [
      single('台账导入：宪法规定的国家根本任务？', { type: '单选' }),
      single('题型不对', { type: '填空题' }),
      single('类别不对', { category: '刑法' }),
      single(''),
      single('别的单位的题', { unit: '乌苏市司法局' }),
      single('只有一个答案的多选题', { type: '多选题', answer: 'A' }),
      single('公式无结果'),
      single('编号不存在', { id: 99999 }),
      row({ stem: '选项中间空一个', options: ['甲', '', '丙'], answer: 'A' }),
      single('答案不在选项中', { answer: 'E' }),
      single('台账导入：宪法规定的国家根本任务？', { type: '单选' }),
      single('合并一', { explanation: '合并的解析' }),
      single('合并二'),
      row({ type: '判断', category: '其他', stem: '台账导入：村民委员会是基层群众性自治组织。', answer: '对', law: '中华人民共和国村民委员会组织法' }),
    ];
    for (const r of rows) ws.addRow(r);
    ws.getCell('E9').value = { formula: 'CONCAT("公式","无结果")' } as ExcelJS.CellFormulaValue;
    ws.mergeCells('O14:O15');
    const [questions, audit] = [await count('questions'), await count('audit_log')];
    const res = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    expect(res.job.state).toBe('done');
    expect(res.job.result).toMatchObject({ outcome: 'rejected', rows: 14, created: 0, updated: 0, failed: 12, errorFile: null });
    const merged = '为合并单元格（O14:O15）：请取消合并，并在每一行分别填写';
    expect(res.job.result?.problems).toEqual([
      { sheet: SHEET, row: 4, column: '题型', message: '「填空题」不在可选值中（单选题、多选题、判断题）' },
      { sheet: SHEET, row: 5, column: '类别', message: `「刑法」不在可选值中（${CATEGORIES}）` },
      { sheet: SHEET, row: 6, column: '题干', message: '不能为空' },
      { sheet: SHEET, row: 7, column: '所属单位', message: '「乌苏市司法局」不是您管辖范围内的单位' },
      { sheet: SHEET, row: 8, column: '答案', message: '多选题至少有两个正确答案' },
      { sheet: SHEET, row: 9, column: '题干', message: FORMULA_WITHOUT_RESULT },
      { sheet: SHEET, row: 10, column: '编号', message: '编号 99999 的题目不存在或不在您的范围内（新题请留空编号）' },
      { sheet: SHEET, row: 11, column: '选项B', message: '选项内容不能为空' },
      { sheet: SHEET, row: 12, column: '答案', message: '正确答案须在选项 A、B、C、D 之中' },
      { sheet: SHEET, row: 13, column: '', message: '与第3行是同一条记录（重复）' },
      { sheet: SHEET, row: 14, column: '解析', message: merged },
      { sheet: SHEET, row: 15, column: '解析', message: merged },
    ]);
    expect([await count('questions'), await count('audit_log')]).toEqual([questions, audit]);

    // Good rows only: the two good questions land, the bad rows come back with their reasons.
    const good = await importFile(env.app, sifasuo, KIND, await toBuffer(wb), { mode: 'good' });
    expect(good.job.result).toMatchObject({ outcome: 'imported', rows: 14, created: 2, updated: 0, failed: 12 });
    expect(await count('questions')).toBe(questions + 2);
    const back = rowsOf((await readWorkbook(await download(env.app, sifasuo, good.job.result?.errorFile as string))).worksheets[0] as ExcelJS.Worksheet, 1);
    expect(back).toHaveLength(12);
    expect(back.slice(0, 2).map((r) => [r.原行号, r.题干, r.错误说明])).toEqual([
      ['4', '题型不对', '「题型」「填空题」不在可选值中（单选题、多选题、判断题）'],
      ['5', '类别不对', `「类别」「刑法」不在可选值中（${CATEGORIES}）`],
    ]);
    const list = (await sifasuo.request('GET', '/api/learning/questions?q=台账导入&pageSize=10')).body.items;
    expect(list.map((q: { type: string; category: string; options: string[]; answer: string[] }) => [q.type, q.category, q.options, q.answer])).toEqual([
      ['single', 'constitution', ['甲', '乙', '丙', '丁'], ['B']],
      ['judge', 'other', ['正确', '错误'], ['A']],
    ]);

    // The same questions again (spacing and full-width letters aside): nothing new.
    const again = await template();
    again.ws.addRow(single('台账导入： 宪法规定的国家根本任务？'));
    again.ws.addRow(row({ type: '判断题', category: '其他', stem: '台账导入：村民委员会是基层群众性自治组织。', answer: '正确' }));
    const twice = await importFile(env.app, sifasuo, KIND, await toBuffer(again.wb));
    expect(twice.job.result).toMatchObject({ outcome: 'imported', rows: 2, created: 0, updated: 0, skipped: 2 });
    expect(await count('questions')).toBe(questions + 2);
  });

  it('exports the bank with the list’s filters; sent back, numbered rows update and new rows create, once', async () => {
    const res = await env.app.inject({ method: 'GET', url: `/api/ledgers/${KIND}/export?category=constitution&q=台账导入`, headers: { cookie: sifasuo.cookie } });
    expect(res.statusCode).toBe(200);
    const wb = await readWorkbook(res.rawPayload);
    const ws = wb.getWorksheet(SHEET) as ExcelJS.Worksheet;
    expect(String(ws.getCell('A2').value)).toMatch(/共 1 条　条件：宪法，检索：台账导入$/);
    const exported = rowsOf(ws, 3);
    const id = (await sifasuo.request('GET', '/api/learning/questions?q=台账导入&type=single')).body.items[0].id;
    expect(exported).toEqual([
      {
        编号: String(id),
        所属单位: '四棵树镇',
        题型: '单选题',
        类别: '宪法',
        题干: '台账导入：宪法规定的国家根本任务？',
        选项A: '甲',
        选项B: '乙',
        选项C: '丙',
        选项D: '丁',
        选项E: '',
        选项F: '',
        选项G: '',
        选项H: '',
        答案: 'B',
        解析: '',
        法律依据: '中华人民共和国宪法',
        条款: '',
      },
    ]);
    // Filters narrow the export: only true/false questions.
    const judges = rowsOf((await readWorkbook(await download(env.app, sifasuo, `/api/ledgers/${KIND}/export?type=judge`))).getWorksheet(SHEET) as ExcelJS.Worksheet, 3);
    expect(judges.length).toBeGreaterThan(0);
    expect(new Set(judges.map((r) => r.题型))).toEqual(new Set(['判断题']));

    ws.getCell('O4').value = '导入时修改的解析';
    ws.addRow(row({ type: '判断题', category: '宪法', stem: '台账导入：国家尊重和保障人权。', answer: '正确' }));
    const file = await toBuffer(wb);
    const questions = await count('questions');
    const first = await importFile(env.app, sifasuo, KIND, file);
    expect(first.job.result).toMatchObject({ outcome: 'imported', rows: 2, created: 1, updated: 1, skipped: 0 });
    expect(await count('questions')).toBe(questions + 1);
    const edited = (await sifasuo.request('GET', '/api/learning/questions?q=台账导入&pageSize=10')).body.items;
    expect(edited.find((q: { id: number }) => q.id === id)).toMatchObject({ explanation: '导入时修改的解析', version: 2 });
    expect(edited.find((q: { stem: string }) => q.stem === '台账导入：国家尊重和保障人权。')).toMatchObject({ type: 'judge', category: 'constitution', answer: ['A'] });
    const again = await importFile(env.app, sifasuo, KIND, file);
    expect(again.job.result).toMatchObject({ outcome: 'imported', created: 0, updated: 0, skipped: 2 });

    // A numbered row may not take another question's place, nor move it to another unit.
    const other = edited.find((q: { stem: string }) => q.stem.startsWith('台账导入：村民委员会')).id;
    ws.getCell('E4').value = '台账导入：国家尊重和保障人权。';
    ws.getCell('C4').value = '判断题';
    ws.getCell('N4').value = '正确';
    ws.getCell('A5').value = other;
    ws.getCell('B5').value = '四棵树村';
    const refused = await importFile(env.app, sifasuo, KIND, await toBuffer(wb));
    const added = edited.find((q: { stem: string }) => q.stem === '台账导入：国家尊重和保障人权。').id;
    expect(refused.job.result?.problems).toEqual([
      { sheet: SHEET, row: 4, column: '题干', message: `与编号 ${added} 的题目相同（同一单位、题型与题干）` },
      { sheet: SHEET, row: 5, column: '所属单位', message: `编号 ${other} 的题目属于「四棵树镇」，不能改到其他单位` },
    ]);
  });

  it('is for those who write the tests: readers and village cadres get neither the template, the export nor the import', async () => {
    const [ducha, cungb] = await Promise.all([login(env.app, 'ducha'), login(env.app, 'cungb')]);
    const { wb } = await template();
    for (const who of [ducha, cungb]) {
      for (const url of [`/api/ledgers/${KIND}/template`, `/api/ledgers/${KIND}/export`]) {
        expect((await env.app.inject({ method: 'GET', url, headers: { cookie: who.cookie } })).statusCode).toBe(403);
      }
      expect((await importFile(env.app, who, KIND, await toBuffer(wb))).status).toBe(403);
    }
    const junk = await importFile(env.app, sifasuo, KIND, Buffer.from('not a workbook'), { filename: '题库.xlsx' });
    expect([junk.status, junk.body.error.code]).toEqual([400, 'LEDGER_FILE_INVALID']);
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('题库');
    expect((await importFile(env.app, sifasuo, KIND, await toBuffer(empty))).job).toMatchObject({
      state: 'failed',
      error: { code: 'LEDGER_EMPTY', message: '工作表「题库」是空的：请在模板中填写后再导入' },
    });
  });
});
