import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DictEntry, IdentifierKind, LedgerColumn } from '../../../domain/platform/ledger.ts';
import { maskIdCard, maskPhone } from '../../../domain/platform/masking.ts';
import type { AnyLedgerKind, ExportRow, ExportValue, ListExport } from './kind.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CREATOR = 'fazhi 法治乡镇工作平台';
/** Rows of the template that carry the drop-down lists (a ledger is filled well below this). */
const VALIDATED_ROWS = 5000;
const DICT_SHEET = '可选值';

const colLetter = (n: number): string => {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
};

const widthOf = (c: LedgerColumn) => c.width ?? Math.max(10, c.header.length * 2 + 2);
const importable = (kind: AnyLedgerKind) => kind.columns.filter((c) => !c.exportOnly);

/** The header a template writes: required columns marked with * (the import reads the header either way). */
const templateHeader = (c: LedgerColumn) => (c.required ? `*${c.header}` : c.header);

/**
 * The import template: Chinese headers in row 1 (required ones starred), one example row, every dictionary column a
 * drop-down list fed from a hidden sheet of allowed values (so lists longer than Excel's 255-character limit work).
 */
export async function templateWorkbook(kind: AnyLedgerKind, dictionaries: Record<string, DictEntry[]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  const ws = wb.addWorksheet(kind.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = importable(kind);
  const dictSheet = wb.addWorksheet(DICT_SHEET, { state: 'hidden' });
  const listRef = new Map<string, string>();
  let dictCol = 0;
  for (const name of [...new Set(columns.map((c) => c.dictionary).filter((d): d is string => Boolean(d)))]) {
    const entries = dictionaries[name] ?? [];
    if (entries.length === 0) continue;
    dictCol++;
    dictSheet.getCell(1, dictCol).value = name;
    entries.forEach((e, i) => {
      dictSheet.getCell(i + 2, dictCol).value = e.label;
    });
    listRef.set(name, `'${DICT_SHEET}'!$${colLetter(dictCol)}$2:$${colLetter(dictCol)}$${entries.length + 1}`);
  }
  columns.forEach((c, i) => {
    const col = i + 1;
    ws.getCell(1, col).value = templateHeader(c);
    ws.getColumn(col).width = widthOf(c);
    const example = kind.example[c.key];
    ws.getCell(2, col).value = c.type === 'date' && typeof example === 'string' ? dateCell(example) : (example ?? null);
    if (c.type === 'date') ws.getColumn(col).numFmt = 'yyyy-mm-dd';
    const ref = c.dictionary ? listRef.get(c.dictionary) : undefined;
    // A list column takes several values (顿号-separated): a drop-down would refuse them, so it only gets the hint.
    if (ref && c.type !== 'list') {
      // exceljs has range data validations (they are written as one sqref) but its typings lack them.
      (ws as unknown as { dataValidations: { add: (range: string, v: ExcelJS.DataValidation) => void } }).dataValidations.add(
        `${colLetter(col)}2:${colLetter(col)}${VALIDATED_ROWS}`,
        {
          type: 'list',
          allowBlank: !c.required,
          formulae: [ref],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: c.header,
          error: `请从下拉列表中选择「${c.header}」`,
        },
      );
    }
  });
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  ws.getRow(2).font = { color: { argb: 'FF808080' }, italic: true };
  ws.getCell(2, 1).note = '示例行：请按此格式填写，可直接覆盖或删除（原样保留的示例行不会被导入）';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A 'YYYY-MM-DD' business date as the Excel date of that day. */
const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function mask(value: ExportValue, kind: IdentifierKind): ExportValue {
  if (typeof value !== 'string' || value === '') return value;
  return kind === 'idCard' ? maskIdCard(value) : maskPhone(value);
}

/**
 * The export: a title row, the conditions, then the kind's columns with real types (dates as dates, numbers as
 * numbers). Identifiers are masked on rows the actor may not see them on. Streamed to the buffer as it is built.
 */
export async function exportWorkbook(kind: ListExport, rows: readonly ExportRow[], subtitle: string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = CREATOR;
  const columns = kind.columns.filter((c) => !c.importOnly);
  const ws = wb.addWorksheet(kind.sheet, { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = columns.map((c) => ({
    key: c.key,
    width: widthOf(c),
    style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : c.type === 'decimal' ? { numFmt: '0.00' } : {},
  }));
  ws.mergeCells(1, 1, 1, columns.length);
  const title = ws.getRow(1);
  title.getCell(1).value = kind.title;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center' };
  title.commit();
  ws.mergeCells(2, 1, 2, columns.length);
  ws.getRow(2).getCell(1).value = subtitle;
  ws.getRow(2).commit();
  const header = ws.getRow(3);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
  });
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();
  for (const r of rows) {
    ws.addRow(
      columns.map((c) => {
        let v = r.values[c.key] ?? null;
        if (c.identifier && !r.reveal) v = mask(v, c.identifier);
        if (c.type === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return dateCell(v);
        if (c.type === 'decimal' && typeof v === 'string' && v !== '') return Number(v);
        return v;
      }),
    ).commit();
  }
  ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

/** Good-rows-only mode: the rows that were not imported, as they were, with a last column saying why. */
export async function errorWorkbook(sheet: string, header: readonly string[], rows: readonly { row: number; cells: readonly unknown[]; problems: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = CREATOR;
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(['原行号', ...header, '错误说明']).font = { bold: true };
  for (const r of rows) ws.addRow([r.row, ...r.cells, r.problems]);
  const last = ws.getColumn(header.length + 2);
  last.width = 60;
  last.font = { color: { argb: 'FFCC0000' } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
