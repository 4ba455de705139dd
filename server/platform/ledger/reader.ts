import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { RawCell } from '../../../domain/platform/ledger.ts';
import { AppError } from '../../errors.ts';

export type SheetRow = { row: number; cells: RawCell[] };
export type Merge = { ref: string; top: number; left: number; bottom: number; right: number };
export type StreamedSheet = { name: string; rows: AsyncIterable<SheetRow> /** filled once `rows` is consumed */; merges: Merge[] };

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Refuses, before any parsing, a file that is not an .xlsx workbook (an .xls, a CSV, a PDF renamed …). */
export async function requireXlsx(file: string): Promise<void> {
  const fd = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(4);
  try {
    await fd.read(head, 0, 4, 0);
  } finally {
    await fd.close();
  }
  if (head.equals(OLE)) throw new AppError('LEDGER_FILE_INVALID', '这是旧版 Excel（.xls）文件：请在 Excel 中“另存为” .xlsx 格式后再导入');
  if (!head.equals(ZIP)) throw new AppError('LEDGER_FILE_INVALID', '文件不是 Excel 工作簿：请上传 .xlsx 格式的台账');
}

const decodeColumn = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const decodeRef = (ref: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  return m ? { col: decodeColumn(m[1] as string), row: Number(m[2]) } : null;
};

/**
 * The worksheet's XML passes through unchanged while its <mergeCell ref="…"/> elements (written after the rows) are
 * noted: exceljs' streaming reader skips them, and a merged cell in a ledger hides values from every row but the first.
 */
async function* noteMerges(chunks: AsyncIterable<Buffer>, merges: Merge[]): AsyncGenerator<Buffer> {
  let carry = '';
  const pattern = /<mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/g;
  for await (const chunk of chunks) {
    yield chunk;
    const text = carry + chunk.toString('latin1');
    let end = 0;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const a = decodeRef(m[1] as string);
      const b = decodeRef(m[2] as string);
      if (a && b) merges.push({ ref: `${m[1]}:${m[2]}`, top: a.row, left: a.col, bottom: b.row, right: b.col });
      end = pattern.lastIndex;
    }
    carry = text.slice(Math.max(end, text.length - 80));
  }
}

const unreadable = (err: unknown) =>
  err instanceof AppError
    ? err
    : new AppError('LEDGER_FILE_INVALID', '文件已损坏或不是有效的 .xlsx 工作簿，无法读取', { reason: err instanceof Error ? err.message : String(err) });

/**
 * Streams an .xlsx: sheet after sheet, row after row (exceljs' WorkbookReader, shared strings cached, styles ignored —
 * so dates arrive as Excel serials, which the ledger's date parser reads). `onBytes` reports how far into the file the
 * reader is, for progress. Only one sheet's rows may be consumed at a time, in order.
 */
export async function* streamSheets(file: string, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<StreamedSheet> {
  await requireXlsx(file);
  const input = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  let bytes = 0;
  input.on('data', (c) => {
    bytes += c.length;
    onBytes(bytes);
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
  try {
    for await (const ws of reader) {
      const merges: Merge[] = [];
      const sheet = ws as unknown as { name: string; iterator: AsyncIterable<Buffer> } & AsyncIterable<{ number: number; values: RawCell[] }>;
      sheet.iterator = noteMerges(sheet.iterator, merges);
      yield {
        name: sheet.name,
        merges,
        rows: (async function* () {
          try {
            for await (const row of sheet) yield { row: row.number, cells: (row.values as RawCell[]).slice(1) };
          } catch (err) {
            throw unreadable(err);
          }
        })(),
      };
    }
  } catch (err) {
    throw unreadable(err);
  } finally {
    input.destroy();
  }
}
