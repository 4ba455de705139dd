/**
 * Where an endpoint's time goes: starts the app on a generated dataset with V8's CPU profiler, drives one URL with
 * autocannon, stops the app and prints the functions with the most self time.
 *   node bench/profile.ts <username> <url path> [seconds] [data dir]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { benchDataDir, type Manifest } from './common.ts';

const [username, url, seconds = '10', dir = benchDataDir(1)] = process.argv.slice(2);
if (!username || !url) throw new Error('usage: node bench/profile.ts <username> <url path> [seconds] [data dir]');
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'bench.json'), 'utf8')) as Manifest;
const root = path.resolve(import.meta.dirname, '..');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-prof-'));
const port = 3900 + Math.floor(Math.random() * 90);
const app = spawn(
  process.execPath,
  [...(process.env.PROFILE_PRELOAD ? ['--import', process.env.PROFILE_PRELOAD] : []), '--cpu-prof', `--cpu-prof-dir=${out}`, path.join(root, 'server/main.ts'), 'serve'],
  {
    cwd: root,
    env: { ...process.env, FAZHI_DATA_DIR: dir, PORT: String(port), LOG_LEVEL: 'warn', FAZHI_DEMO: '0', FAZHI_API_RATE: '100000000' },
    stdio: 'inherit',
  },
);
const base = `http://127.0.0.1:${port}`;
for (;;) {
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {}
  await sleep(50);
}
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username, password: manifest.password }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
const r = await autocannon({ url: base + url, connections: Number(process.env.PROFILE_CONNECTIONS ?? 50), duration: Number(seconds), headers: { cookie } });
console.log(`${r.requests.average} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
app.kill('SIGTERM');
await new Promise((res) => app.once('exit', res));
const file = fs.readdirSync(out).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
const profile = JSON.parse(fs.readFileSync(path.join(out, file), 'utf8')) as { nodes: Node[]; samples: number[] };
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (const id of profile.samples) {
  const f = byId.get(id)?.callFrame;
  if (!f) continue;
  const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '~/').replace(root, '')}:${f.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + 1);
}
const total = profile.samples.length;
for (const [k, n] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * n) / total).toFixed(1).padStart(5)} %  ${k}`);
console.log(`profile: ${path.join(out, file)}`);
