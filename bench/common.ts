import fs from 'node:fs';
import path from 'node:path';

/** Every generated account's password (the demo accounts' too: the generator loads the demo with it). */
export const BENCH_PASSWORD = 'Bench-Pass-2026';

/** Where a dataset of a given scale lives: bench/data for the full province, bench/data-<scale> for quick runs. */
export const benchDataDir = (scale: number): string => path.resolve(import.meta.dirname, scale === 1 ? 'data' : `data-${scale}`);

export type Manifest = {
  generatedAt: string;
  seed: number;
  scale: number;
  cities: number;
  townsPerCity: number;
  years: number[];
  rows: number;
  rowsPerSecond: number;
  provinceId: number;
  cityId: number;
  townId: number;
  password: string;
  users: Record<'coordinator' | 'leader' | 'officer' | 'mediator' | 'citySupervisor' | 'otherTownCoordinator', string>;
};

/** The URL of a dataset's PostgreSQL: DATABASE_URL, or the embedded server's settings kept in the data dir. */
export function databaseUrlOf(dataDir: string): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const s = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg-settings.json'), 'utf8')) as { port: number; password: string };
  return `postgres://fazhi:${encodeURIComponent(s.password)}@127.0.0.1:${s.port}/fazhi`;
}
