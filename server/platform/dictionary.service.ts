import type { DictionaryCreate, DictionaryEntry, DictionaryQuery, DictionaryUpdate } from '../../domain/platform/contracts.ts';
import { uniquely, updateVersioned } from '../db/rows.ts';
import { AppError } from '../errors.ts';
import { audited, type Ctx } from './context.ts';
import * as repo from './dictionary.repository.ts';
import { scopeOf } from './permissions.ts';

const toEntry = (r: repo.EntryRow): DictionaryEntry => ({ id: r.id, kind: r.kind, code: r.code, label: r.label, sortOrder: r.sort_order, active: r.active, version: r.version });

export async function listEntries(ctx: Ctx, q: DictionaryQuery): Promise<DictionaryEntry[]> {
  return (await repo.listEntries(ctx.db, q.kind, q.includeInactive ?? false)).map(toEntry);
}

/** For module services: a code must be an active entry of its dictionary; the error names the field in Chinese. */
export async function requireCode(ctx: Ctx, kind: string, code: string, field: string, title: string): Promise<DictionaryEntry> {
  const row = await repo.findEntry(ctx.db, kind, code);
  if (!row?.active) throw new AppError('VALIDATION_FAILED', `「${title}」的取值「${code}」不在字典中`, [{ field, message: `「${title}」的取值不在字典中` }]);
  return toEntry(row);
}

export async function createEntry(ctx: Ctx, input: DictionaryCreate): Promise<DictionaryEntry> {
  scopeOf(ctx.actor, 'dictionaries.manage');
  return audited(ctx, async (trx) => {
    const row = toEntry(await uniquely(repo.insertEntry(trx, input), `字典「${input.kind}」中已有代码「${input.code}」`));
    return { result: row, audit: { action: 'dictionary.create', entityType: 'dictionary', entityId: row.id, after: row } };
  });
}

export async function updateEntry(ctx: Ctx, id: number, input: DictionaryUpdate): Promise<DictionaryEntry> {
  scopeOf(ctx.actor, 'dictionaries.manage');
  const before = await repo.findEntryById(ctx.db, id);
  if (!before) throw new AppError('NOT_FOUND', '字典项不存在');
  return audited(ctx, async (trx) => {
    const row = toEntry(
      (await updateVersioned(trx, 'dictionaries', id, input.version, { label: input.label, sort_order: input.sortOrder, active: input.active })) as repo.EntryRow,
    );
    return { result: row, audit: { action: 'dictionary.update', entityType: 'dictionary', entityId: id, before: toEntry(before), after: row } };
  });
}
