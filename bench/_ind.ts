import fs from 'node:fs';
import { yearPeriod } from '/work/wt-bench/domain/reports/period.ts';
import { kyselyFor } from '/work/wt-bench/server/db/client.ts';
import { indicators } from '/work/wt-bench/server/modules/reports/registry.ts';

const dir = process.argv[2] as string;
const s = JSON.parse(fs.readFileSync(`${dir}/pg-settings.json`, 'utf8'));
const db = kyselyFor(`postgres://fazhi:${s.password}@127.0.0.1:${s.port}/fazhi`);
const org = Number(process.argv[3]);
const u = await db.selectFrom('org_units').select('path').where('id', '=', org).executeTakeFirstOrThrow();
const scope = { capability: 'reports.read' as const, paths: [u.path] };
const period = yearPeriod(2024);
const rows: [string, number][] = [];
for (const i of indicators) {
  const t = performance.now();
  await i.compute(db, scope, period);
  rows.push([i.id, performance.now() - t]);
}
const t1 = performance.now();
await Promise.all(indicators.map((i) => i.compute(db, scope, period)));
console.log('all at once', (performance.now() - t1).toFixed(0));
rows.sort((a, b) => b[1] - a[1]);
console.log(
  rows
    .slice(0, 15)
    .map(([id, ms]) => `${ms.toFixed(0).padStart(6)} ${id}`)
    .join('\n'),
);
console.log('total', rows.reduce((s, r) => s + r[1], 0).toFixed(0), 'n', rows.length);
await db.destroy();
