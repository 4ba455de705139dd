import { pathInScope, scopePathsFor } from '../../../domain/platform/roles.ts';
import type { Actor, Ctx } from '../../platform/context.ts';
import { blindIndex, decryptPersonal, encryptPersonal } from '../../platform/crypto.ts';

/**
 * Who handles a dispute or a committee: actors with mediation.write over its org unit. They see parties' and
 * mediators' identifiers in full; everyone else who may read the record sees them masked.
 */
export function handlerOf(actor: Actor): (path: string) => boolean {
  const paths = scopePathsFor(actor.grants, 'mediation.write');
  return (path) => pathInScope(path, paths);
}

export function reveal(ctx: Ctx, sealed: string | null, mask: (v: string) => string, unmasked: boolean): string | null {
  if (!sealed) return null;
  const value = decryptPersonal(ctx.keys, sealed);
  return unmasked ? value : mask(value);
}

/** Ciphertext and blind index of an identifier (both null when absent). */
export function seal(ctx: Ctx, value: string | undefined | null): { enc: string | null; idx: string | null } {
  const v = value?.trim();
  return v ? { enc: encryptPersonal(ctx.keys, v), idx: blindIndex(ctx.keys, v) } : { enc: null, idx: null };
}
