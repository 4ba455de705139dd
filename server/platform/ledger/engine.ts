import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import {
  type Coerced,
  coerceCell,
  type LedgerColumn,
  type LedgerImportMode,
  type LedgerImportResult,
  type LedgerProblem,
  matchHeaders,
  normaliseHeader,
  plainCell,
  type RawCell,
} from '../../../domain/platform/ledger.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../context.ts';
import { scopeOf } from '../permissions.ts';
import type { AnyLedgerKind, KindProblem, ListExport, RowValues } from './kind.ts';
import { type Merge, requireXlsx, type SheetRow, streamSheets } from './reader.ts';
import { errorWorkbook, exportWorkbook, templateWorkbook } from './workbook.ts';

/** Rows checked and written together: one query for existing keys, one audited transaction per chunk. */
export const CHUNK = 1000;
/** Problems listed in a result (the count says how many more there were). */
const LISTED = 500;
/** Rows kept for the error workbook of good-rows-only mode. */
const ERROR_ROWS = 20_000;
/** The header must sit within the first rows (a title and a subtitle may stand above it). */
const HEADER_SEARCH = 10;

export type Progress = { phase: 'check' | 'write' | 'end'; percent: number; rowsRead: number };
export type ImportOptions = { mode: LedgerImportMode; filename: string; onProgress?: (p: Progress) => void };
export type ImportOutcome = { result: Omit<LedgerImportResult, 'errorFile'>; errorFile: Buffer | null };

const textOf = (raw: RawCell): string => {
  const p = plainCell(raw);
  if ('error' in p || p.value === null) return '';
  return p.value instanceof Date ? p.value.toISOString().slice(0, 10) : String(p.value);
};

type Parsed = { row: number; cells: RawCell[]; record?: unknown; key?: string; problems: KindProblem[] };
type Layout = { sheet: string; headerRow: number; index: Map<string, number>; headers: string[] };

/**
 * One pass over the workbook: finds the sheet and its header row, coerces every data row by its columns' types, and
 * hands rows to `visit` in chunks. Blank rows and the template's untouched example row are passed over.
 */
async function pass(
  kind: AnyLedgerKind,
  file: string,
  dicts: Record<string, { code: string; label: string }[]>,
  prep: unknown,
  onBytes: (b: number) => void,
  visit: (chunk: Parsed[]) => Promise<void>,
) {
  const columns = kind.columns.filter((c) => !c.exportOnly);
  // The template's example row, as coerced values: left in place untouched, it is not imported.
  const sameAs = (raw: RawCell, c: LedgerColumn) => {
    const v = coerceCell(raw, { ...c, required: false }, c.dictionary ? dicts[c.dictionary] : undefined);
    return 'value' in v ? JSON.stringify(v.value) : `!${normaliseHeader(textOf(raw))}`;
  };
  const example = columns.map((c) => sameAs((kind.example[c.key] ?? null) as RawCell, c));
  let layout: Layout | undefined;
  let merges: Merge[] = [];
  let rowsRead = 0;
  const sheetsSeen: { name: string; rows: number }[] = [];
  for await (const sheet of streamSheets(file, onBytes)) {
    if (layout) continue;
    const seen = { name: sheet.name, rows: 0 };
    sheetsSeen.push(seen);
    let chunk: Parsed[] = [];
    let here: Layout | undefined;
    for await (const r of sheet.rows as AsyncIterable<SheetRow>) {
      if (r.cells.every((c) => textOf(c) === '')) continue;
      seen.rows++;
      if (!here) {
        if (r.row > HEADER_SEARCH) continue;
        const index = matchHeaders(r.cells.map(textOf), columns);
        if (index.size >= 2 && columns.some((c) => c.required && index.has(c.key))) {
          here = { sheet: sheet.name, headerRow: r.row, index, headers: r.cells.map(textOf) };
          const missing = columns.filter((c) => c.required && !index.has(c.key));
          if (missing.length)
            throw new AppError(
              'LEDGER_HEADER_MISSING',
              `台账缺少必填的列：${missing.map((c) => c.header).join('、')}`,
              missing.map((c) => ({ sheet: sheet.name, row: r.row, column: c.header, message: '缺少此列' })),
            );
        }
        continue;
      }
      const cells = columns.map((c) => {
        const at = here?.index.get(c.key);
        return at === undefined ? null : (r.cells[at] ?? null);
      });
      if (cells.every((c, i) => sameAs(c, columns[i] as LedgerColumn) === example[i])) continue;
      rowsRead++;
      chunk.push(parseRow(kind, columns, r.row, cells, dicts, prep));
      if (chunk.length >= CHUNK) {
        await visit(chunk);
        chunk = [];
      }
    }
    if (here) {
      if (chunk.length) await visit(chunk);
      layout = here;
      merges = sheet.merges;
    }
  }
  if (!layout) {
    const sheet = sheetsSeen[0];
    if (!sheet || sheetsSeen.every((s) => s.rows === 0)) throw new AppError('LEDGER_EMPTY', `工作表「${sheet?.name ?? ''}」是空的：请在模板中填写后再导入`);
    throw new AppError(
      'LEDGER_HEADER_MISSING',
      `未找到表头：台账前 ${HEADER_SEARCH} 行中应有「${columns
        .filter((c) => c.required)
        .map((c) => c.header)
        .slice(0, 3)
        .join('」「')}」等列`,
    );
  }
  return { layout, merges, rowsRead };
}

function parseRow(
  kind: AnyLedgerKind,
  columns: readonly LedgerColumn[],
  row: number,
  cells: RawCell[],
  dicts: Record<string, { code: string; label: string }[]>,
  prep: unknown,
): Parsed {
  const values: RowValues = {};
  const problems: KindProblem[] = [];
  columns.forEach((c, i) => {
    const r = coerceCell(cells[i], c, c.dictionary ? dicts[c.dictionary] : undefined);
    if ('error' in r) problems.push({ column: c.key, message: r.error });
    else values[c.key] = r.value as Coerced;
  });
  if (problems.length) return { row, cells, problems };
  const made = kind.toRecord(values, prep);
  if ('problems' in made) return { row, cells, problems: made.problems };
  return { row, cells, record: made.record, key: createHash('sha1').update(kind.key(made.record)).digest('base64'), problems: [] };
}

/**
 * Imports a ledger file (.xlsx on disk) of one kind, streaming it twice: first every row is checked (types,
 * dictionaries, scope, the module's rules, duplicates in the file, records already there), then — when every row
 * passed, or in mode 'good' for the rows that did — the rows are written in chunks through the module's service.
 * Records already present (same natural key) are skipped, so importing the same file again writes nothing.
 */
export async function importLedger(ctx: Ctx, kind: AnyLedgerKind, file: string, opts: ImportOptions): Promise<ImportOutcome> {
  scopeOf(ctx.actor, kind.writeCapability);
  await requireXlsx(file);
  const size = Math.max(1, (await fs.promises.stat(file)).size);
  const [dicts, prep] = await Promise.all([kind.dictionaries(ctx), kind.prepare(ctx)]);
  const columns = kind.columns.filter((c) => !c.exportOnly);
  const headerOf = (key?: string) => (key ? (columns.find((c) => c.key === key)?.header ?? key) : '');
  const report = (phase: Progress['phase'], from: number, span: number, rowsRead: number) => (bytes: number) =>
    opts.onProgress?.({ phase, percent: Math.min(99, Math.floor(from + (span * bytes) / size)), rowsRead });

  const keys = new Map<string, number>();
  const bad = new Map<number, string[]>();
  const skipped = new Set<number>();
  const problems: LedgerProblem[] = [];
  let problemCount = 0;
  let sheetName = '';
  const fail = (row: number, p: KindProblem) => {
    problemCount++;
    if (problems.length < LISTED) problems.push({ sheet: sheetName, row, column: headerOf(p.column), message: p.message });
    const list = bad.get(row) ?? [];
    list.push(p.column ? `「${headerOf(p.column)}」${p.message}` : p.message);
    bad.set(row, list);
  };

  // ── pass 1: check every row ────────────────────────────────────────────────
  let rowsRead = 0;
  const checkSpan = opts.mode === 'all' ? 50 : 45;
  // Every row, as read and checked, goes to a spill file (JSON lines): writing replays it instead of parsing the XML
  // again, and memory stays bounded by a chunk whatever the ledger's size.
  const spill = path.join(os.tmpdir(), `fazhi-ledger-${randomUUID()}.jsonl`);
  const out = fs.createWriteStream(spill);
  try {
    const first = await pass(
      kind,
      file,
      dicts,
      prep,
      (b) => report('check', 0, checkSpan, rowsRead)(b),
      async (chunk) => {
        rowsRead += chunk.length;
        const lines = chunk.map((p) => JSON.stringify({ r: p.row, c: p.cells.map(textOf), d: p.record ?? null } satisfies Spilled)).join('\n');
        if (!out.write(`${lines}\n`)) await once(out, 'drain');
        const fresh: Parsed[] = [];
        for (const p of chunk) {
          for (const problem of p.problems) fail(p.row, problem);
          if (!p.key) continue;
          const earlier = keys.get(p.key);
          if (earlier !== undefined) fail(p.row, { message: `与第${earlier}行是同一条记录（重复）` });
          else {
            keys.set(p.key, p.row);
            fresh.push(p);
          }
        }
        const there = await kind.existing(
          ctx,
          prep,
          fresh.map((p) => p.record),
        );
        const toCheck = fresh.filter((p) => {
          if (!there.has(kind.key(p.record))) return true;
          skipped.add(p.row);
          return false;
        });
        if (kind.check) {
          for (const p of await kind.check(
            ctx,
            prep,
            toCheck.map((t) => t.record),
          ))
            fail(toCheck[p.index]?.row ?? 0, p);
        }
      },
    );
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    sheetName = first.layout.sheet;
    for (const p of problems) p.sheet = sheetName;
    // A merged range: its hidden cells read as empty, so the merge itself is the problem to report there.
    const merges = first.merges.filter((m) => m.bottom > first.layout.headerRow);
    const columnAt = (key: string) => (first.layout.index.get(key) ?? -1) + 1;
    const hidden = (p: LedgerProblem) => {
      const key = columns.find((c) => c.header === p.column)?.key;
      return merges.some(
        (m) => p.row >= m.top && p.row <= m.bottom && key && columnAt(key) >= m.left && columnAt(key) <= m.right && !(p.row === m.top && columnAt(key) === m.left),
      );
    };
    const shown = problems.filter((p) => !hidden(p));
    problemCount -= problems.length - shown.length;
    problems.splice(0, problems.length, ...shown);
    for (const m of merges) {
      const at = [...first.layout.index].find(([, i]) => i + 1 >= m.left && i + 1 <= m.right)?.[0];
      for (let row = Math.max(m.top, first.layout.headerRow + 1); row <= m.bottom; row++) {
        skipped.delete(row);
        fail(row, { column: at, message: `为合并单元格（${m.ref}）：请取消合并，并在每一行分别填写` });
      }
    }
    if (rowsRead === 0) throw new AppError('LEDGER_EMPTY', `工作表「${sheetName}」中没有数据行：请在表头下方逐行填写后再导入`);
    problems.sort((a, b) => a.row - b.row);
    const failed = bad.size;
    const base = { kind: kind.id, mode: opts.mode, rows: rowsRead, skipped: skipped.size, failed, problems, moreProblems: problemCount - problems.length };
    if (opts.mode === 'all' && failed > 0) {
      opts.onProgress?.({ phase: 'end', percent: 100, rowsRead });
      return { result: { ...base, outcome: 'rejected', created: 0, updated: 0 }, errorFile: null };
    }

    // ── pass 2: write the rows that passed, from the spill of pass 1 ────────────
    let created = 0;
    let updated = 0;
    let written = 0;
    const errorRows: { row: number; cells: unknown[]; problems: string }[] = [];
    await readSpill(spill, async (chunk) => {
      const good: Spilled[] = [];
      for (const p of chunk) {
        const why = bad.get(p.r);
        if (why) {
          if (errorRows.length < ERROR_ROWS) errorRows.push({ row: p.r, cells: p.c, problems: why.join('；') });
        } else if (!skipped.has(p.r) && p.d !== null) good.push(p);
      }
      // Pass 1 already skipped the records present then. (A second import of the same file running at the very same
      // time could still race this one: the module's own uniqueness, where it has one, is the last guard.)
      const records = good.map((p) => p.d);
      if (records.length) {
        const done = await kind.write(ctx, prep, records, { filename: opts.filename });
        created += Array.isArray(done) ? done.length : done.created.length;
        updated += Array.isArray(done) ? 0 : done.updated.length;
      }
      written += chunk.length;
      opts.onProgress?.({ phase: 'write', percent: Math.min(99, Math.floor(checkSpan + ((99 - checkSpan) * written) / rowsRead)), rowsRead });
    });
    await audited(ctx, async () => ({
      result: undefined,
      audit: {
        action: 'ledger.import',
        entityType: kind.id,
        after: { kind: kind.id, filename: opts.filename, mode: opts.mode, rows: rowsRead, created, updated, skipped: skipped.size, failed },
      },
    }));
    opts.onProgress?.({ phase: 'end', percent: 100, rowsRead });
    const errorFile = errorRows.length
      ? await errorWorkbook(
          sheetName,
          columns.map((c) => c.header),
          errorRows,
        )
      : null;
    return { result: { ...base, skipped: skipped.size, outcome: 'imported', created, updated }, errorFile };
  } finally {
    out.destroy();
    await fs.promises.rm(spill, { force: true });
  }
}

type Spilled = { r: number; c: string[]; d: any };

/** Replays a spill file in chunks of CHUNK rows. */
async function readSpill(file: string, visit: (chunk: Spilled[]) => Promise<void>) {
  let chunk: Spilled[] = [];
  for await (const line of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line) continue;
    chunk.push(JSON.parse(line) as Spilled);
    if (chunk.length >= CHUNK) {
      await visit(chunk);
      chunk = [];
    }
  }
  if (chunk.length) await visit(chunk);
}

export async function ledgerTemplate(ctx: Ctx, kind: AnyLedgerKind): Promise<{ filename: string; buffer: Buffer }> {
  scopeOf(ctx.actor, kind.writeCapability);
  return { filename: `${kind.title}_导入模板.xlsx`, buffer: await templateWorkbook(kind, await kind.dictionaries(ctx)) };
}

/**
 * What the list shows with these filters, as .xlsx. Personal identifiers are masked on rows the actor may not see
 * them on; the export is audited (who took which rows out, with identifiers or not).
 */
export async function exportList(ctx: Ctx, kind: ListExport, filters: Record<string, unknown>): Promise<{ filename: string; buffer: Buffer; rows: number }> {
  scopeOf(ctx.actor, kind.readCapability);
  const { rows, conditions } = await kind.exportRows(ctx, filters);
  const date = shanghaiDate(new Date());
  const subtitle = `导出：${ctx.actor.displayName}　${date}　共 ${rows.length} 条${conditions.length ? `　条件：${conditions.join('，')}` : ''}`;
  const buffer = await exportWorkbook(kind, rows, subtitle);
  const hasIdentifiers = kind.columns.some((c) => c.identifier);
  await audited(ctx, async () => ({
    result: undefined,
    audit: {
      action: 'ledger.export',
      entityType: kind.id,
      after: { kind: kind.id, filters, rows: rows.length, rowsWithIdentifiers: hasIdentifiers ? rows.filter((r) => r.reveal).length : 0 },
    },
  }));
  return { filename: `${kind.title}_${date}.xlsx`, buffer, rows: rows.length };
}
