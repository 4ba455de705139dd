import type { Page, VoidBody } from '../../domain/platform/contracts.ts';
import { updateVersioned, type VersionedTable, voidVersioned } from '../db/rows.ts';
import { AppError } from '../errors.ts';
import type { AuditEntry } from './audit.ts';
import { audited, type Ctx } from './context.ts';

/**
 * What the business modules' services do alike with one record: read it in scope, page through rows, update or void
 * it under its version with one audit entry. Scope itself is decided in permissions.ts; these only carry it out.
 */

/** The row a scoped find answered, or 404: a record outside the actor's scope answers as if absent. */
export async function found<R>(row: Promise<R | undefined>, message: string, field?: string): Promise<R> {
  const r = await row;
  if (!r) throw new AppError('NOT_FOUND', message, field === undefined ? undefined : { field });
  return r;
}

/** A page of rows as records; `to` gets the whole page so that it can load what the rows need at once. */
export async function pageOf<R, T>(page: Promise<Page<R>>, to: (rows: R[]) => T[] | Promise<T[]>): Promise<Page<T>> {
  const p = await page;
  return { ...p, items: await to(p.items) };
}

/** Updates one row if the client saw its current version (else 409), with its audit entry, in one transaction. */
export function updateAudited(ctx: Ctx, table: VersionedTable, id: number, version: number, values: Record<string, unknown>, audit: AuditEntry): Promise<void> {
  return audited(ctx, async (trx) => {
    await updateVersioned(trx, table, id, version, values);
    return { result: undefined, audit };
  });
}

/** 作废: the row stays, marked void with reason and actor, and is audited; answers the record as it was, at its new version. */
export function voidAudited<T extends { version: number }>(
  ctx: Ctx,
  table: VersionedTable,
  id: number,
  before: T,
  input: VoidBody,
  audit: Required<Pick<AuditEntry, 'action' | 'entityType' | 'orgUnitId'>>,
): Promise<T> {
  return audited(ctx, async (trx) => {
    const row = await voidVersioned(trx, table, id, input.version, input.reason, ctx.actor.userId);
    return { result: { ...before, version: row.version as number }, audit: { ...audit, entityId: id, before, after: { reason: input.reason } } };
  });
}
