import type { TObject } from 'typebox';
import type { Coerced, DictEntry, LedgerColumn } from '../../../domain/platform/ledger.ts';
import type { Capability } from '../../../domain/platform/roles.ts';
import type { Ctx } from '../context.ts';

/** A data row's cells, coerced to their columns' types, by column key. */
export type RowValues = Record<string, Coerced>;

/** A problem a kind finds in one row; `column` is a column key (the engine shows its Chinese header). */
export type KindProblem = { column?: string; message: string };
export type RowProblem = KindProblem & { row: number };

/** An exported cell: dates as 'YYYY-MM-DD' (written as real Excel dates), numbers as numbers. */
export type ExportValue = string | number | null;
export type Written = { created: number[]; updated: number[] };

/** The page asked of a list's own service for its export: every row, up to a cap no town's list comes near. */
export const EVERY_ROW = { page: 1, pageSize: 50_000 } as const;

export type ExportRow = { values: Record<string, ExportValue> /** the actor may see this row's personal identifiers */; reveal: boolean };

/**
 * A list page's export (导出 Excel): what the list shows with its filters, every row in scope, as an .xlsx with Chinese
 * headers and real column types, identifiers masked on rows the actor may not see them on, audited. Declared once in
 * its module (`<module>.ledger.ts`); a ledger kind is one that can also be imported.
 */
export type ListExport = {
  id: string;
  /** 人民调解登记台账, 执法人员名册 … (titles and file names). */
  title: string;
  sheet: string;
  /** Who may export: the list's read capability. */
  readCapability: Capability;
  columns: readonly LedgerColumn[];
  /** The list's filters (the list page's own query, without paging). */
  filters: TObject;
  /** What the list shows with these filters, every row, in scope, and the conditions in words for the title. */
  exportRows: (ctx: Ctx, filters: Record<string, unknown>) => Promise<{ rows: ExportRow[]; conditions: string[] }>;
};

/**
 * One record kind's ledger, declared once in its module (`<module>.ledger.ts`): its export, and for import the
 * template's example, how a row becomes the module's own input (checked by the module's contracts and rules), how it
 * is written (through the module's service, audited, in scope), and its natural key for de-duplication.
 */
export type LedgerKind<R = unknown, P = unknown> = ListExport & {
  /** Who may import (the list's write capability). */
  writeCapability: Capability;
  /** The template's example row, by column key, as a clerk would write it. */
  example: Record<string, string | number>;
  /** Allowed values per dictionary name used by the columns (drop-downs in the template, checks on import). */
  dictionaries: (ctx: Ctx) => Promise<Record<string, DictEntry[]>>;
  /** What rows refer to (places in the actor's write scope, committees …), loaded once per import. */
  prepare: (ctx: Ctx) => Promise<P>;
  /** A row as the module's input, or its problems. Pure given `prep`. */
  toRecord: (values: RowValues, prep: P) => { record: R } | { problems: KindProblem[] };
  /** The natural key: two rows with the same key are the same record (re-imports create nothing twice). */
  key: (record: R) => string;
  /** Which of these records already exist (not voided): they are skipped, not written again. */
  existing: (ctx: Ctx, prep: P, records: readonly R[]) => Promise<Set<string>>;
  /** Rules needing the database or the whole batch, by the module's own checks; `index` into `records`. */
  check?: (ctx: Ctx, prep: P, records: readonly R[]) => Promise<(KindProblem & { index: number })[]>;
  /**
   * Writes a chunk of checked records through the module's service (audited); returns the ids created — or, for a
   * kind whose rows may also change a record they name (a question by its 编号, a person's one score), those created
   * and those updated.
   */
  write: (ctx: Ctx, prep: P, records: readonly R[], note: { filename: string }) => Promise<number[] | Written>;
};

// The registry holds kinds of every record type.
export type AnyLedgerKind = LedgerKind<any, any>;
