/**
 * `npm run bench [-- --scale 0.05 …]`: generates the dataset when its data dir is missing, then runs the suite.
 * Every argument goes to bench/run.ts; --scale, --data-dir and --seed also to bench/generate.ts.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const args = process.argv.slice(2);
const forGenerate: string[] = [];
for (let i = 0; i < args.length; i++) if (['--scale', '--data-dir', '--seed'].includes(args[i] as string)) forGenerate.push(args[i] as string, args[i + 1] as string);
const started = performance.now();
const run = (file: string, a: string[]) => execFileSync(process.execPath, [path.join(import.meta.dirname, file), ...a], { stdio: 'inherit' });
run('generate.ts', forGenerate);
run(
  'run.ts',
  args.filter((a, i) => !(a === '--seed' || args[i - 1] === '--seed')),
);
console.log(`[bench] whole suite ${((performance.now() - started) / 60_000).toFixed(1)} min`);
