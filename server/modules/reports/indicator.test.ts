import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { yearPeriod } from '../../../domain/reports/period.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../platform/permissions.ts';
import { sharedWhileRunning } from './indicator.ts';

const db = {} as Kysely<DB>;
const town: Scope = { capability: 'reports.read', paths: ['/1/3/'] };

it('indicators asking at once share one query, and a later ask runs it again (nothing stale is kept)', async () => {
  let runs = 0;
  const rows = sharedWhileRunning(async () => {
    runs++;
    await new Promise((r) => setTimeout(r, 5));
    return runs;
  });
  const [a, b] = await Promise.all([rows(db, town, yearPeriod(2024)), rows(db, town, yearPeriod(2024))]);
  expect([a, b, runs]).toEqual([1, 1, 1]);
  // Another period or scope is another query.
  await Promise.all([rows(db, town, yearPeriod(2023)), rows(db, { ...town, paths: ['/1/4/'] }, yearPeriod(2024))]);
  expect(runs).toBe(3);
  expect(await rows(db, town, yearPeriod(2024))).toBe(4);
});
