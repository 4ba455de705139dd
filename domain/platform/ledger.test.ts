import { describe, expect, it } from 'vitest';
import { coerceCell, excelSerialToDate, FORMULA_WITHOUT_RESULT, type LedgerColumn, matchHeaders, normaliseHeader, parseLedgerDate } from './ledger.ts';

describe('normaliseHeader', () => {
  it.each([
    ['涉及金额（元）', '涉及金额(元)'],
    ['*纠纷类型', '纠纷类型'],
    [' 登记\n日期：', '登记日期'],
    ['接受咨询　(人次)', '接受咨询(人次)'],
    ['ＩＤ号', 'id号'],
    ['【备注】', '(备注)'],
  ])('%s → %s', (header, normal) => {
    expect(normaliseHeader(header)).toBe(normal);
  });
});

describe('matchHeaders', () => {
  const columns: LedgerColumn[] = [
    { key: 'date', header: '活动日期', aliases: ['日期', '开展日期'], type: 'date', required: true },
    { key: 'people', header: '受众人数', aliases: ['参与人数'], type: 'integer' },
    { key: 'money', header: '涉及金额（元）', type: 'decimal' },
    { key: 'seq', header: '序号', type: 'integer', exportOnly: true },
  ];
  it('finds columns in any order by header or alias, full/half-width alike; export-only and unknown headers are ignored', () => {
    const found = matchHeaders(['序号', '备注', '参与人数', '*日期', '涉及金额(元)'], columns);
    expect([...found]).toEqual([
      ['people', 2],
      ['date', 3],
      ['money', 4],
    ]);
  });
  it('takes the first of two headers naming the same column', () => {
    expect(matchHeaders(['日期', '活动日期'], columns).get('date')).toBe(0);
  });
});

describe('parseLedgerDate', () => {
  it.each<[string | number | Date, string | null]>([
    ['2024-3-5', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['2024-03-05 14:30', '2024-03-05'],
    ['20240305', '2024-03-05'],
    [45356, '2024-03-05'],
    ['45356', '2024-03-05'],
    [new Date('2024-03-05T00:00:00Z'), '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2024-13-01', null],
    ['05/03/2024', null],
    ['明天', null],
    [0, null],
  ])('%s → %s', (value, date) => {
    expect(parseLedgerDate(value)).toBe(date);
  });
  it('counts Excel serials as Excel does, across its phantom 1900-02-29', () => {
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(44927)).toBe('2023-01-01');
    expect(excelSerialToDate(45356.75)).toBe('2024-03-05');
  });
});

describe('coerceCell', () => {
  const col = (over: Partial<LedgerColumn>): LedgerColumn => ({ key: 'k', header: '列', type: 'text', ...over });
  const dict = [
    { code: 'lecture', label: '讲座' },
    { code: 'online', label: '线上/短视频' },
  ];
  it('reads text, numbers, amounts and dates from what the reader hands over', () => {
    expect(coerceCell('  张三 ', col({}))).toEqual({ value: '张三' });
    expect(coerceCell({ richText: [{ text: '张' }, { text: '三' }] }, col({}))).toEqual({ value: '张三' });
    expect(coerceCell(12, col({ type: 'integer' }))).toEqual({ value: 12 });
    expect(coerceCell('1,200人', col({ type: 'integer' }))).toEqual({ value: 1200 });
    expect(coerceCell('1.5', col({ type: 'integer' }))).toEqual({ error: '「1.5」应为不小于 0 的整数' });
    expect(coerceCell(3200, col({ type: 'decimal' }))).toEqual({ value: '3200.00' });
    expect(coerceCell('3,200.5元', col({ type: 'decimal' }))).toEqual({ value: '3200.5' });
    expect(coerceCell('三千', col({ type: 'decimal' }))).toEqual({ error: '「三千」不是有效金额' });
    expect(coerceCell(45356, col({ type: 'date' }))).toEqual({ value: '2024-03-05' });
    expect(coerceCell('2024-02-30', col({ type: 'date' }))).toEqual({ error: '「2024-02-30」不是有效日期，应为 2024-03-05、2024/3/5 或 2024年3月5日' });
    expect(coerceCell('很长的文字', col({ max: 3 }))).toEqual({ error: '不能超过 3 个字符' });
  });
  it('maps dictionary labels (or codes) to codes, lists split on 、，;', () => {
    expect(coerceCell('讲座', col({ type: 'dict' }), dict)).toEqual({ value: 'lecture' });
    expect(coerceCell('online', col({ type: 'dict' }), dict)).toEqual({ value: 'online' });
    expect(coerceCell('跳舞', col({ type: 'dict' }), dict)).toEqual({ error: '「跳舞」不在可选值中（讲座、线上/短视频）' });
    expect(coerceCell('讲座、线上/短视频', col({ type: 'list', dictionary: 'd' }), dict)).toEqual({ value: ['lecture', 'online'] });
    expect(coerceCell('甲，乙; 丙', col({ type: 'list' }))).toEqual({ value: ['甲', '乙', '丙'] });
  });
  it('takes a formula’s cached result and refuses one without, or an error value', () => {
    expect(coerceCell({ formula: 'SUM(A1:A3)', result: 45 }, col({ type: 'integer' }))).toEqual({ value: 45 });
    expect(coerceCell({ sharedFormula: 'B2', result: '讲座' }, col({ type: 'dict' }), dict)).toEqual({ value: 'lecture' });
    expect(coerceCell({ formula: 'SUM(A1:A3)' }, col({ type: 'integer' }))).toEqual({ error: FORMULA_WITHOUT_RESULT });
    expect(coerceCell({ formula: '1/0', result: { error: '#DIV/0!' } }, col({ type: 'integer' }))).toEqual({ error: '公式结果为错误值 #DIV/0!，请修正后再导入' });
    expect(coerceCell({ error: '#N/A' }, col({}))).toEqual({ error: '单元格为错误值 #N/A，请修正后再导入' });
  });
  it('empty is null — or 不能为空 when required', () => {
    expect(coerceCell(null, col({}))).toEqual({ value: null });
    expect(coerceCell('  ', col({ required: true }))).toEqual({ error: '不能为空' });
    expect(coerceCell(undefined, col({ type: 'list' }))).toEqual({ value: [] });
  });
});
