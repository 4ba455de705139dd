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
