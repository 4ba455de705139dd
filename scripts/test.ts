// The whole test run, one command (`npm test`): what CI runs, on the embedded server by default or on
// TEST_DATABASE_URL. Installs the Debian packages the tests drive first when missing.
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

/** What the tests drive: Debian's chromium with CJK fonts (e2e), LibreOffice (opens generated .docx), poppler (PDF → PNG). */
function ensureDebianPackages(): void {
  const has = (cmd: string) => spawnSync('sh', ['-c', cmd]).status === 0;
  const missing = [
    ...(fs.existsSync('/usr/bin/chromium') ? [] : ['chromium']),
    ...(has('fc-list :lang=zh family | grep -q .') ? [] : ['fonts-noto-cjk']),
    ...(has('command -v soffice') ? [] : ['libreoffice-writer-nogui']),
    ...(has('command -v pdftoppm') ? [] : ['poppler-utils']),
  ];
  if (missing.length === 0) return;
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  console.log(`▶ installing Debian packages: ${missing.join(' ')}`);
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`, { stdio: 'inherit' });
}

console.log(`node ${process.version} · database: ${process.env.TEST_DATABASE_URL ? 'TEST_DATABASE_URL' : 'embedded PostgreSQL'}`);
ensureDebianPackages();
step('lint', 'biome', ['check', '.']);
step('typecheck', 'tsc', ['--noEmit', '-p', '.']);
step('unit and API tests', 'vitest', ['run']);
step('web build', 'vite', ['build', '--logLevel', 'warn']);
step('end-to-end (chromium)', 'node', ['--test', '--test-concurrency=1', 'e2e/*.spec.ts']);
