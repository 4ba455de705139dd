import { type Static, Type } from 'typebox';

/**
 * The pure half of the ledger (台账) import/export: how a clerk's headers, dates and cells are read. The server's
 * engine (server/platform/ledger) streams the workbook; every record kind declares its columns once with these types.
 */

export type LedgerCellType = 'text' | 'date' | 'integer' | 'decimal' | 'dict' | 'list';

/** How a personal identifier in a column is masked for users who may not see it. */
export type IdentifierKind = 'idCard' | 'phone';

export type LedgerColumn = {
  /** The record's field this column fills. */
  key: string;
  /** The Chinese header written in templates and exports. */
  header: string;
  /** Other headers clerks use for the same column (matched after normalisation). */
  aliases?: readonly string[];
  type: LedgerCellType;
  required?: boolean;
  /** For 'dict' and 'list': the dictionary whose labels are the allowed values (a drop-down in the template). */
  dictionary?: string;
  /** Maximum text length. */
  max?: number;
  width?: number;
  identifier?: IdentifierKind;
  /** Written on export, ignored on import (序号, computed counts). */
  exportOnly?: boolean;
  /** Read on import, not written on export (rare). */
  importOnly?: boolean;
};

/** A dictionary's allowed values: the label a clerk writes and the code stored. */
export type DictEntry = { code: string; label: string };

/** A domain vocabulary (its codes and Chinese labels) as a ledger dictionary. */
export const vocabularyEntries = <T extends string>(codes: readonly T[], labels: Record<T, string>): DictEntry[] => codes.map((code) => ({ code, label: labels[code] }));

/**
 * A cell as the streaming reader hands it over (exceljs' value shapes, narrowed): plain values, rich text, a
 * hyperlink's text, a formula with its cached result, or an Excel error.
 */
export type RawCell =
  | string
  | number
  | boolean
  | Date
  | null
  | undefined
  | { richText: { text: string }[] }
  | { text: unknown; hyperlink?: string }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string };

// ── headers ────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A header as compared: full-width forms folded to half-width (（）→ (), Ａ → A, full-width space), spaces and line
 * breaks removed, a leading required-mark * and a trailing colon dropped, Latin letters lower-cased.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^[*※]+/, '')
    .replace(/[:：]$/, '')
    .replace(/[【〔［[]/g, '(')
    .replace(/[】〕］\]]/g, ')')
    .toLowerCase();
}

/** Which column each header cell names, by normalised header or alias; headers naming no column are ignored. */
export function matchHeaders(cells: readonly string[], columns: readonly LedgerColumn[]): Map<string, number> {
  const byName = new Map<string, string>();
  for (const c of columns) {
    if (c.exportOnly) continue;
    for (const name of [c.header, ...(c.aliases ?? [])]) byName.set(normaliseHeader(name), c.key);
  }
  const found = new Map<string, number>();
  cells.forEach((cell, index) => {
    const key = cell ? byName.get(normaliseHeader(cell)) : undefined;
    if (key && !found.has(key)) found.set(key, index);
  });
  return found;
}

// ── dates ──────────────────────────────────────────────────────────────────────────────────────────────

const isoOf = (y: number, m: number, d: number): string | null => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
};

/** An Excel date serial (1900 system, with Lotus' phantom 1900-02-29) → 'YYYY-MM-DD'. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const day = Math.floor(serial);
  // Serials after 60 count the phantom leap day; Excel's day 0 is 1899-12-31, so day n is 1899-12-30 + n from there.
  const ms = Date.UTC(1899, 11, day > 60 ? 30 : 31) + day * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * A date as clerks write it — 2024-3-5, 2024/03/05, 2024.3.5, 2024年3月5日, 20240305, an Excel serial, or a Date
 * the reader made — as 'YYYY-MM-DD'; null when it is no real date.
 */
export function parseLedgerDate(value: string | number | Date): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // exceljs makes dates at UTC midnight; a time of day (rare in ledgers) does not move the day.
    return isoOf(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return excelSerialToDate(value);
  const text = value.normalize('NFKC').trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{4,5}(\.\d+)?$/.test(text)) return excelSerialToDate(Number(text));
  return null;
}

// ── cells ──────────────────────────────────────────────────────────────────────────────────────────────

/** How a formula cell is taken: its cached result (what the clerk saw in Excel); one with no result is refused. */
export const FORMULA_WITHOUT_RESULT = '单元格为公式且没有计算结果：请在 Excel 中打开并保存后再导入（导入时读取公式的计算结果）';

/** A cell reduced to a plain value, or the Chinese reason it cannot be read. */
export function plainCell(raw: RawCell): { value: string | number | boolean | Date | null } | { error: string } {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw !== 'object' || raw instanceof Date) return { value: typeof raw === 'string' ? raw.trim() || null : raw };
  if ('richText' in raw)
    return {
      value:
        raw.richText
          .map((r) => r.text)
          .join('')
          .trim() || null,
    };
  if ('error' in raw) return { error: `单元格为错误值 ${raw.error}，请修正后再导入` };
  if ('formula' in raw || 'sharedFormula' in raw) {
    const result = (raw as { result?: unknown }).result;
    if (result === undefined || result === null) return { error: FORMULA_WITHOUT_RESULT };
    if (typeof result === 'object' && result !== null && 'error' in result) return { error: `公式结果为错误值 ${(result as { error: string }).error}，请修正后再导入` };
    return plainCell(result as RawCell);
  }
  if ('text' in raw) return { value: String(raw.text).trim() || null };
  return { value: null };
}

export type Coerced = string | number | string[] | null;

const splitList = (text: string) =>
  text
    .split(/[、,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const display = (v: string | number | boolean | Date) => (v instanceof Date ? (parseLedgerDate(v) ?? '') : String(v));

// Normalised once per dictionary: a ledger of 100,000 rows looks its values up millions of times.
const lookups = new WeakMap<readonly DictEntry[], Map<string, DictEntry>>();

/** A dictionary value by label or code, full/half-width and spacing ignored (labels win over codes). */
export function findEntry(entries: readonly DictEntry[], text: string): DictEntry | undefined {
  let map = lookups.get(entries);
  if (!map) {
    map = new Map();
    for (const e of entries) if (!map.has(normaliseHeader(e.code))) map.set(normaliseHeader(e.code), e);
    for (const e of entries) map.set(normaliseHeader(e.label), e);
    lookups.set(entries, map);
  }
  return map.get(normaliseHeader(text));
}

const allowed = (entries: readonly DictEntry[]) => {
  const labels = entries.map((e) => e.label);
  return labels.length > 12 ? `${labels.slice(0, 12).join('、')} 等` : labels.join('、');
};

/**
 * One cell as its column's type: text (trimmed, bounded), date, integer ≥ 0, decimal (元, 2 places), a dictionary
 * code, or a list of codes/names. Empty is null (the caller decides whether the column is required).
 */
export function coerceCell(raw: RawCell, column: LedgerColumn, dictionary: readonly DictEntry[] = []): { value: Coerced } | { error: string } {
  const plain = plainCell(raw);
  if ('error' in plain) return plain;
  const v = plain.value;
  if (v === null || v === '') return column.required ? { error: '不能为空' } : { value: column.type === 'list' ? [] : null };
  switch (column.type) {
    case 'text': {
      const text = display(v);
      if (column.max && text.length > column.max) return { error: `不能超过 ${column.max} 个字符` };
      return { value: text };
    }
    case 'date': {
      const d = typeof v === 'boolean' ? null : parseLedgerDate(v);
      return d ? { value: d } : { error: `「${display(v)}」不是有效日期，应为 2024-03-05、2024/3/5 或 2024年3月5日` };
    }
    case 'integer': {
      const n =
        typeof v === 'number'
          ? v
          : Number(
              display(v)
                .normalize('NFKC')
                .replace(/[,，\s人次份件]/g, ''),
            );
      return Number.isInteger(n) && n >= 0 && n <= 2_147_483_647 ? { value: n } : { error: `「${display(v)}」应为不小于 0 的整数` };
    }
    case 'decimal': {
      const text =
        typeof v === 'number'
          ? v.toFixed(2)
          : display(v)
              .normalize('NFKC')
              .replace(/[,，元\s]/g, '');
      return /^\d{1,12}(\.\d{1,2})?$/.test(text) ? { value: text } : { error: `「${display(v)}」不是有效金额` };
    }
    case 'dict': {
      const e = findEntry(dictionary, display(v));
      return e ? { value: e.code } : { error: `「${display(v)}」不在可选值中（${allowed(dictionary)}）` };
    }
    case 'list': {
      const items = splitList(display(v));
      if (!column.dictionary) return { value: items };
      const codes: string[] = [];
      for (const item of items) {
        const e = findEntry(dictionary, item);
        if (!e) return { error: `「${item}」不在可选值中（${allowed(dictionary)}）` };
        codes.push(e.code);
      }
      return { value: codes };
    }
  }
}

// ── contracts ──────────────────────────────────────────────────────────────────────────────────────────

export const LedgerProblem = Type.Object({
  sheet: Type.String({ title: '工作表' }),
  row: Type.Integer({ title: '行' }),
  column: Type.String({ title: '列' }),
  message: Type.String({ title: '问题' }),
});
export type LedgerProblem = Static<typeof LedgerProblem>;

export const LedgerImportMode = Type.Union([Type.Literal('all'), Type.Literal('good')], { title: '导入方式：all 全部通过才写入；good 只导入无误的行' });
export type LedgerImportMode = Static<typeof LedgerImportMode>;

export const LedgerImportResult = Type.Object({
  kind: Type.String(),
  mode: LedgerImportMode,
  /** 'imported': rows written; 'rejected': problems found, nothing written (mode all). */
  outcome: Type.Union([Type.Literal('imported'), Type.Literal('rejected')]),
  rows: Type.Integer({ title: '数据行' }),
  created: Type.Integer({ title: '新增' }),
  /** Rows naming a record already there with other values (a question by its 编号, a person's score): changed in place. */
  updated: Type.Integer({ title: '更新' }),
  skipped: Type.Integer({ title: '已存在（未重复导入）' }),
  failed: Type.Integer({ title: '有错误的行' }),
  problems: Type.Array(LedgerProblem),
  /** Problems beyond those listed (the list is capped). */
  moreProblems: Type.Integer(),
  /** Mode good with bad rows: the bad rows with an error column, to download. */
  errorFile: Type.Union([Type.String(), Type.Null()]),
});
export type LedgerImportResult = Static<typeof LedgerImportResult>;

export const LedgerJob = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  state: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  phase: Type.Union([Type.Literal('check'), Type.Literal('write'), Type.Literal('end')], { title: 'check 检查中；write 写入中' }),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
  rowsRead: Type.Integer(),
  result: Type.Union([LedgerImportResult, Type.Null()]),
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() }), Type.Null()]),
});
export type LedgerJob = Static<typeof LedgerJob>;

export const LedgerKindInfo = Type.Object({ id: Type.String(), title: Type.String(), canImport: Type.Boolean() });
export type LedgerKindInfo = Static<typeof LedgerKindInfo>;
