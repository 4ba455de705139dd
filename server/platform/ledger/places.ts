import type { Kysely } from 'kysely';
import { type DictEntry, normaliseHeader } from '../../../domain/platform/ledger.ts';
import type { Capability } from '../../../domain/platform/roles.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../context.ts';
import { scopeFilter, scopeOf } from '../permissions.ts';
import type { KindProblem } from './kind.ts';

export type Place = { id: number; name: string; path: string; kind: string };

/** The units a ledger row may name (by name): those in the actor's scope for writing this kind. */
export function placesInScope(db: Kysely<DB>, actor: Actor, capability: Capability, kinds: readonly string[] = ['town', 'village', 'community']): Promise<Place[]> {
  return db
    .selectFrom('org_units')
    .select(['id', 'name', 'path', 'kind'])
    .where('voided_at', 'is', null)
    .where('kind', 'in', [...kinds] as never[])
    .where(scopeFilter('org_units.id', scopeOf(actor, capability)))
    .orderBy('path')
    .execute();
}

export const placeEntries = (places: readonly Place[]): DictEntry[] => places.map((p) => ({ code: String(p.id), label: p.name }));

/**
 * A unit named in a ledger: one in the actor's scope, or the problem — a village cadre naming another village is told
 * it is outside their scope (the row is refused, never written elsewhere).
 */
const byName = new WeakMap<readonly Place[], Map<string, Place[]>>();

export function resolvePlace(places: readonly Place[], name: string, column: string): { place: Place } | { problem: KindProblem } {
  let names = byName.get(places);
  if (!names) {
    names = new Map();
    for (const p of places) names.set(normaliseHeader(p.name), [...(names.get(normaliseHeader(p.name)) ?? []), p]);
    byName.set(places, names);
  }
  const matches = names.get(normaliseHeader(name)) ?? [];
  if (matches.length === 1) return { place: matches[0] as Place };
  if (matches.length > 1) return { problem: { column, message: `「${name}」有重名单位，请联系管理员` } };
  return { problem: { column, message: `「${name}」不是您管辖范围内的单位` } };
}
