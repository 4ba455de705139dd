import ExcelJS from 'exceljs';
import { AppError } from '../../errors.ts';

/** One sheet: a bold header row and the rows under it, columns sized to their header. */
export type Sheet = { name: string; columns: { header: string; width?: number }[]; rows: (string | number | null)[][] };

export async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'fazhi 法治乡镇工作平台';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const r of s.rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    return '';
  }
  return String(v);
};

/** A data row of an uploaded sheet: its row number in Excel (for messages) and its cells by header. */
export type ReadRow = { row: number; cells: Record<string, string> };

/**
 * Reads the first sheet of an .xlsx sent as base64: the first row names the columns (the headers this
 * platform exports), blank rows are skipped. A file that is not a workbook, or lacks a required column, is a
 * 400 naming what is wrong.
 */
export async function readSheet(base64: string, required: string[]): Promise<ReadRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('LEARNING_IMPORT_INVALID', '文件不是有效的 Excel（.xlsx）工作簿', { field: 'content' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('LEARNING_IMPORT_INVALID', '工作簿中没有工作表', { field: 'content' });
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = cellText(cell.value).trim();
  });
  const missing = required.filter((h) => !headers.includes(h));
  if (missing.length) throw new AppError('LEARNING_IMPORT_INVALID', `缺少列：${missing.join('、')}（请使用导出的模板）`, { field: 'content' });
  const rows: ReadRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: Record<string, string> = {};
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const h = headers[col];
      if (h) cells[h] = cellText(cell.value).trim();
    });
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: n, cells });
  });
  if (rows.length === 0) throw new AppError('LEARNING_IMPORT_INVALID', '文件中没有数据行', { field: 'content' });
  if (rows.length > 2000) throw new AppError('LEARNING_IMPORT_INVALID', '一次最多导入 2000 行', { field: 'content' });
  return rows;
}

/** Row problems collected over the whole file, reported together (nothing is imported while any remain). */
export class RowProblems {
  readonly list: { row: number; message: string }[] = [];
  add(row: number, message: string) {
    this.list.push({ row, message });
  }
  throwIfAny() {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, 5).map((p) => `第 ${p.row} 行：${p.message}`);
    const more = this.list.length > 5 ? `等 ${this.list.length} 处` : '';
    throw new AppError('LEARNING_IMPORT_INVALID', `导入文件有错误，未导入任何数据：${shown.join('；')}${more}`, this.list);
  }
}
