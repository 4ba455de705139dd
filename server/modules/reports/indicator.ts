import type { Kysely } from 'kysely';
import type { IndicatorRecord } from '../../../domain/reports/contracts.ts';
import type { Period } from '../../../domain/reports/period.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../platform/permissions.ts';

/**
 * One indicator of the registry: what it is (id, Chinese label, unit), how it is computed from records for the
 * org units in `scope` and a period, and which records lie behind the figure. Each module declares its own in
 * server/modules/<module>/<module>.indicators.ts, with its queries in its repository.
 */
export type Indicator = {
  id: string;
  label: string;
  unit: string;
  module: string;
  compute: (db: Kysely<DB>, scope: Scope, period: Period) => Promise<number | null>;
  records?: (db: Kysely<DB>, scope: Scope, period: Period) => Promise<IndicatorRecord[]>;
};

type Compute<T> = (db: Kysely<DB>, scope: Scope, period: Period) => Promise<T>;

/**
 * Several indicators read the same rows (cases of the period, tests and their results, study sessions); the
 * dashboard asks for all of them at once. Callers asking while one query runs share it; nothing is kept after it
 * settles, so no figure is ever stale.
 */
export function sharedWhileRunning<T>(compute: Compute<T>): Compute<T> {
  const running = new WeakMap<Kysely<DB>, Map<string, Promise<T>>>();
  return (db, scope, period) => {
    const byKey = running.get(db) ?? new Map<string, Promise<T>>();
    running.set(db, byKey);
    const key = `${scope.capability}|${scope.paths.join(',')}|${period.from}|${period.to}`;
    const found = byKey.get(key);
    if (found) return found;
    const started = compute(db, scope, period).finally(() => byKey.delete(key));
    byKey.set(key, started);
    return started;
  };
}
