import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.ts';
import { rootUnits, townsUnder } from '../modules/org/org.repository.ts';
import { findUnitsByIdOrName } from '../modules/reports/reports.repository.ts';
import type { ReportFormat } from '../modules/reports/reports.service.ts';
import { exportByOrgYear } from '../modules/reports/reports.service.ts';
import type { Platform } from '../platform/context.ts';
import { operatorCtx } from './operator.ts';
import type { Progress } from './progress.ts';

const write = (file: string, body: unknown) => {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body, null, 2));
};

export async function reportToFile(p: Platform, org: string, year: number, format: ReportFormat, out: string): Promise<string> {
  const file = await exportByOrgYear(await operatorCtx(p, 'supervisor'), org, year, format);
  write(out, file.body);
  return out;
}

/** Every town under a city or county, one file each in `dir`, with a progress bar on the terminal. */
export async function reportsForTowns(p: Platform, under: string, year: number, format: ReportFormat, dir: string, progress?: Progress): Promise<string[]> {
  const ctx = await operatorCtx(p, 'supervisor');
  // A root unit, or (a province running one database) any city or county below it, by name or id.
  const named = await findUnitsByIdOrName(p.db, under);
  const parent = (await rootUnits(p.db)).find((r) => r.name === under || String(r.id) === under) ?? (named.length === 1 ? named[0] : undefined);
  const towns = await townsUnder(p.db, parent?.path ?? '/none/');
  if (towns.length === 0) throw new AppError('NOT_FOUND', `「${under}」下没有乡镇（须为市、县的名称或编号）`);
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  progress?.start(towns.length, '导出报告');
  for (const [i, town] of towns.entries()) {
    progress?.update(i, town.name);
    const file = await exportByOrgYear(ctx, String(town.id), year, format);
    const target = path.join(dir, file.filename.replace(/[/\\]/g, '_'));
    write(target, file.body);
    files.push(target);
  }
  progress?.update(towns.length);
  progress?.stop();
  return files;
}
