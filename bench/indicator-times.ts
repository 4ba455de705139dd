/**
 * Where a dashboard's time goes: each indicator of the registry computed alone (slowest first), then all at once
 * as the dashboard asks for them. Needs the dataset's PostgreSQL running (e.g. the app started on the data dir).
 *
 *   node bench/indicator-times.ts <data dir> <org unit id> [year]
 */
import { yearPeriod } from '../domain/reports/period.ts';
import { kyselyFor } from '../server/db/client.ts';
import { indicators } from '../server/modules/reports/registry.ts';
import { databaseUrlOf } from './common.ts';

const [dir, org, year] = process.argv.slice(2);
if (!dir || !org) throw new Error('usage: node bench/indicator-times.ts <data dir> <org unit id> [year]');
const db = kyselyFor(databaseUrlOf(dir));
const unit = await db.selectFrom('org_units').select('path').where('id', '=', Number(org)).executeTakeFirstOrThrow();
const scope = { capability: 'reports.read' as const, paths: [unit.path] };
const period = yearPeriod(Number(year ?? 2024));
const alone: [string, number][] = [];
for (const i of indicators) {
  const t = performance.now();
  await i.compute(db, scope, period);
  alone.push([i.id, performance.now() - t]);
}
alone.sort((a, b) => b[1] - a[1]);
for (const [id, ms] of alone.slice(0, 15)) console.log(`${ms.toFixed(0).padStart(6)} ms  ${id}`);
console.log(
  `${alone
    .reduce((s, r) => s + r[1], 0)
    .toFixed(0)
    .padStart(6)} ms  all ${alone.length}, one after another`,
);
const t = performance.now();
await Promise.all(indicators.map((i) => i.compute(db, scope, period)));
console.log(`${(performance.now() - t).toFixed(0).padStart(6)} ms  all at once (as the dashboard asks)`);
await db.destroy();
