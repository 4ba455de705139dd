// The whole test run, one command (`npm test`): what CI runs, on the embedded server by default or on
// TEST_DATABASE_URL. Installs Debian's chromium and CJK fonts first when missing (the e2e test drives them).
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const step = (title: string, command: string, args: string[]) => {
  const started = Date.now();
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`✗ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
};

function ensureBrowser(): void {
  const hasChromium = fs.existsSync('/usr/bin/chromium');
  const hasCjkFont = spawnSync('sh', ['-c', 'fc-list :lang=zh family | grep -q .']).status === 0;
  if (hasChromium && hasCjkFont) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log('▶ installing Debian packages: chromium fonts-noto-cjk');
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk`, { stdio: 'inherit' });
}

console.log(`node ${process.version} · database: ${process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'embedded PostgreSQL'}`);
ensureBrowser();
step('lint', 'biome', ['check', '.']);
step('typecheck', 'tsc', ['--noEmit', '-p', '.']);
step('unit and API tests', 'vitest', ['run']);
step('web build', 'vite', ['build', '--logLevel', 'warn']);
step('end-to-end (chromium)', 'node', ['--test', '--test-concurrency=1', 'e2e/*.spec.ts']);
