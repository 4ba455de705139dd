/**
 * bench/run — the load and timing suite of issue 9, on a dataset made by bench/generate.
 *
 *   node bench/run.ts [--scale 1] [--duration 10] [--connections 50] [--only list,detail,…] [--no-browser] [--no-bundle]
 *
 * Starts the app (`node server/main.ts serve`) on the generated data dir (embedded PostgreSQL), or on DATABASE_URL,
 * logs in users of several roles and drives each endpoint with autocannon on loopback for a bounded time; a bare
 * Fastify + pg endpoint (bench/baseline.ts) runs the list query alone in the same run. Prints req/s, p50, p99,
 * errors, the ratio to the bare endpoint and the server's RSS; then cold start, the report batch of a city, bundle
 * sizes, the dashboard's first render in chromium and (when bench/ledger-import.ts exists) the ledger import.
 * Figures go to stdout and to bench/results/<timestamp>.json.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { benchDataDir, databaseUrlOf, type Manifest } from './common.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    'data-dir': { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    only: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    'no-bundle': { type: 'boolean', default: false },
    'no-batch': { type: 'boolean', default: false },
  },
});
const dataDir = path.resolve(args['data-dir'] ?? benchDataDir(Number(args.scale)));
const duration = Number(args.duration);
const connections = Number(args.connections);
const only = args.only ? new Set(args.only.split(',')) : null;
const manifest = JSON.parse(fs.readFileSync(path.join(dataDir, 'bench.json'), 'utf8')) as Manifest;
const node = process.execPath;
const loadavg = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const results: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  commit: git('describe', '--always', '--dirty'),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.release()}`,
  dataset: { scale: manifest.scale, rows: manifest.rows, generateRowsPerSecond: manifest.rowsPerSecond, cities: manifest.cities, towns: manifest.cities * manifest.townsPerCity },
  loadAverageAtStart: loadavg(),
};

function git(...a: string[]): string {
  try {
    return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

// Whatever happens to the suite, the app and the baseline it started do not outlive it.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = (pid: number | undefined): number => {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
};

const databaseUrl = () => databaseUrlOf(dataDir);

// ── the app under test ─────────────────────────────────────────────────────────────────────────────────────────
type App = { proc: ChildProcess; base: string; coldStartMs: number; stop: () => Promise<void> };
async function startApp(): Promise<App> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(node, [path.join(root, 'server/main.ts'), 'serve'], {
    cwd: root,
    // 50 connections share a handful of accounts: at the per-user API limit most requests would be 429s, measuring
    // the limiter rather than the endpoint (a real town's 50 users each have their own allowance).
    env: { ...process.env, FAZHI_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', FAZHI_DEMO: '0', FAZHI_API_RATE: '100000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(proc);
  let out = '';
  proc.stdout?.on('data', (d) => {
    out += d;
  });
  proc.stderr?.on('data', (d) => {
    out += d;
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`the app exited (${proc.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {}
    await sleep(25);
    if (performance.now() - t0 > 120_000) throw new Error(`the app did not answer within 120 s:\n${out}`);
  }
  const coldStartMs = Math.round(performance.now() - t0);
  return {
    proc,
    base,
    coldStartMs,
    stop: async () => {
      if (proc.exitCode !== null) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await Promise.race([exited, sleep(20_000)]);
    },
  };
}

type Session = { cookie: string; csrf: string };
async function login(base: string, username: string): Promise<Session> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: manifest.password }),
  });
  if (!r.ok) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const me = (await r.json()) as { csrfToken: string };
  return { cookie, csrf: me.csrfToken };
}
async function getJson<T>(base: string, s: Session, url: string): Promise<T> {
  const r = await fetch(base + url, { headers: { cookie: s.cookie } });
  if (!r.ok) throw new Error(`GET ${url}: ${r.status} ${(await r.text()).slice(0, 300)}`);
  return (await r.json()) as T;
}

// ── load ──────────────────────────────────────────────────────────────────────────────────────────────────────────
type Figure = { name: string; reqPerSec: number; p50: number; p99: number; errors: number; requests: number; connections: number; rssMb: number; ratio?: number; target?: string };
const figures: Figure[] = [];

async function load(
  name: string,
  base: string,
  opts: {
    session?: Session;
    path?: string;
    paths?: string[];
    connections?: number;
    method?: string;
    edit?: (i: number) => { path: string; body: (v: number) => string; version: number };
  },
  pid?: number,
  target?: string,
): Promise<Figure | null> {
  if (only && !only.has(name.split(' ')[0] as string)) return null;
  const c = opts.connections ?? connections;
  const headers: Record<string, string> = opts.session ? { cookie: opts.session.cookie, 'x-csrf-token': opts.session.csrf } : {};
  let i = 0;
  const requests: autocannon.Request[] = [];
  if (opts.paths) {
    const paths = opts.paths;
    requests.push({ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] as string }) });
  }
  const peak = { rss: rssMb(pid) };
  const sampler = setInterval(() => {
    peak.rss = Math.max(peak.rss, rssMb(pid));
  }, 250);
  const r = await autocannon({
    url: base + (opts.path ?? opts.paths?.[0] ?? '/'),
    connections: c,
    duration,
    headers,
    ...(requests.length > 0 ? { requests } : {}),
  });
  clearInterval(sampler);
  const f: Figure = {
    name,
    reqPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    requests: r.requests.total,
    connections: c,
    rssMb: peak.rss,
    target,
  };
  figures.push(f);
  console.log(
    `  ${name.padEnd(44)} ${String(f.reqPerSec).padStart(6)} req/s  p50 ${String(f.p50).padStart(5)} ms  p99 ${String(f.p99).padStart(5)} ms  errors ${f.errors}  RSS ${f.rssMb} MB`,
  );
  return f;
}

// ── the suite ────────────────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  console.log(`[bench] data ${dataDir} (scale ${manifest.scale}, ${manifest.rows} generated rows); load average ${loadavg()}`);
  // Built before the app starts: the app serves dist/web only when it exists at boot (the dashboard render needs it).
  if (!args['no-bundle']) results.bundle = bundleSizes();
  let app = await startApp();
  // The first start may still apply a new migration: take cold start from a second start on the settled data dir.
  await app.stop();
  app = await startApp();
  results.coldStartMs = app.coldStartMs;
  console.log(`[bench] cold start to first answer: ${app.coldStartMs} ms`);
  const { base } = app;
  const pid = app.proc.pid;
  const u = manifest.users;
  const [coord, leader, officer, mediator, supervisor] = await Promise.all([
    login(base, u.coordinator),
    login(base, u.leader),
    login(base, u.officer),
    login(base, u.mediator),
    login(base, u.citySupervisor),
  ]);
  const town = manifest.townId;
  const city = manifest.cityId;
  const towns = (await getJson<{ items: { id: number; kind: string; parentId: number | null }[] }>(base, supervisor, '/api/org/units')).items.filter(
    (x) => x.kind === 'town' && x.parentId === city,
  );
  const caseIds = (await getJson<{ items: { id: number }[] }>(base, officer, '/api/enforcement/cases?pageSize=100')).items.map((c) => c.id);
  const openDisputes = (await getJson<{ items: { id: number; version: number }[] }>(base, coord, '/api/mediation/disputes?status=registered&pageSize=100')).items;
  const townCases = (await getJson<{ total: number }>(base, officer, '/api/enforcement/cases?pageSize=20')).total;
  const cityCases = (await getJson<{ total: number }>(base, supervisor, '/api/enforcement/cases?pageSize=20')).total;
  const deepTown = Math.max(1, Math.ceil(townCases / 20) - 1);
  const deepCity = Math.max(1, Math.ceil(cityCases / 20) - 1);
  console.log(`[bench] town ${town}: ${townCases} cases; city ${city}: ${towns.length} towns, ${cityCases} cases; ${openDisputes.length} open disputes to edit`);

  // The baseline: bare Fastify + pg, the same list query, same database, same run.
  const basePort = await freePort();
  const baseline = spawn(node, [path.join(root, 'bench/baseline.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(basePort), DATABASE_URL: databaseUrl(), TOWN_ID: String(town) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(baseline);
  await new Promise((r) => baseline.stdout?.once('data', r));

  console.log(`[bench] load: ${connections} connections × ${duration} s per endpoint on loopback; load average ${loadavg()}`);
  const bare = await load('baseline (bare Fastify + pg, list query)', `http://127.0.0.1:${basePort}`, { path: '/cases' }, baseline.pid);
  baseline.kill('SIGTERM');
  const y = 2024;
  await load(
    'list cases, town, filtered, page 1',
    base,
    { session: officer, path: `/api/enforcement/cases?procedure=ordinary&year=${y}&page=1&pageSize=20` },
    pid,
    '≥50% of bare, p99 ≤ 100 ms',
  );
  await load('list cases, town, deep page', base, { session: officer, path: `/api/enforcement/cases?page=${deepTown}&pageSize=20` }, pid, '≥50% of bare, p99 ≤ 100 ms');
  await load(
    'list cases, city supervisor, page 1',
    base,
    { session: supervisor, path: '/api/enforcement/cases?status=closed&page=1&pageSize=20' },
    pid,
    '≥50% of bare, p99 ≤ 100 ms',
  );
  await load(
    'list cases, city supervisor, deep page',
    base,
    { session: supervisor, path: `/api/enforcement/cases?page=${deepCity}&pageSize=20` },
    pid,
    '≥50% of bare, p99 ≤ 100 ms',
  );
  await load('detail case', base, { session: officer, paths: caseIds.map((id) => `/api/enforcement/cases/${id}`) }, pid, '≥50% of bare, p99 ≤ 100 ms');
  await load('list disputes, town, page 1', base, { session: mediator, path: '/api/mediation/disputes?page=1&pageSize=20' }, pid, '≥50% of bare, p99 ≤ 100 ms');
  await load(
    'list disputes, city supervisor, filtered',
    base,
    { session: supervisor, path: `/api/mediation/disputes?year=${y}&status=succeeded&page=3&pageSize=20` },
    pid,
    '≥50% of bare, p99 ≤ 100 ms',
  );
  await load('dashboard town', base, { session: leader, path: `/api/reports/indicators?org=${town}&year=${y}` }, pid, 'p99 ≤ 150 ms');
  await load('dashboard city', base, { session: supervisor, path: `/api/reports/indicators?org=${city}&year=${y}` }, pid, 'p99 ≤ 500 ms');
  await load(
    'cross-town table (each town of the city in turn)',
    base,
    { session: supervisor, paths: towns.map((t) => `/api/reports/indicators?org=${t.id}&year=${y}`) },
    pid,
    'p99 ≤ 500 ms',
  );
  if (openDisputes.length > 0 && (!only || only.has('edit'))) await editLoop(base, coord, openDisputes, pid);
  await load('report docx, one town (1 connection)', base, { session: coord, connections: 1, path: `/api/reports/annual?org=${town}&year=${y}&format=docx` }, pid, 'p50 ≤ 300 ms');
  await load('report docx, one town', base, { session: coord, connections: 10, path: `/api/reports/annual?org=${town}&year=${y}&format=docx` }, pid);
  for (const f of figures) if (bare && f !== bare) f.ratio = Math.round((f.reqPerSec / bare.reqPerSec) * 100) / 100;

  // The whole cross-town table as a supervisor's browser loads it: every town and the city at once.
  if (!only || only.has('table')) {
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      await Promise.all([...towns.map((t) => t.id), city].map((id) => getJson(base, supervisor, `/api/reports/indicators?org=${id}&year=${y}`)));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    results.crossTownTableMs = { median: Math.round(times[2] as number), max: Math.round(times[4] as number), towns: towns.length };
    console.log(
      `[bench] whole cross-town table (${towns.length} towns + city, all at once): median ${Math.round(times[2] as number)} ms, worst of 5 ${Math.round(times[4] as number)} ms`,
    );
  }
  results.serverRssMb = rssMb(pid);

  if (!args['no-browser'])
    results.dashboardFirstRenderMs = await firstRender(base).catch((e: Error) => {
      console.log(`[bench] dashboard first render failed: ${e.message.split('\n')[0]}`);
      return `failed: ${e.message.split('\n')[0]}`;
    });

  // The report season: every town of the city through the CLI, on the running database.
  if (!args['no-batch']) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-batch-'));
    const t0 = performance.now();
    execFileSync(node, [path.join(root, 'server/main.ts'), 'report', '--year', String(y), '--towns-under', String(city), '--out', out], {
      cwd: root,
      env: { ...process.env, FAZHI_DATA_DIR: dataDir, DATABASE_URL: databaseUrl(), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const seconds = (performance.now() - t0) / 1000;
    const files = fs.readdirSync(out).length;
    fs.rmSync(out, { recursive: true, force: true });
    results.reportBatch = { towns: files, seconds: Math.round(seconds * 10) / 10, townsPerSecond: Math.round((files / seconds) * 10) / 10 };
    console.log(`[bench] report batch: ${files} towns of the city in ${seconds.toFixed(1)} s = ${(files / seconds).toFixed(1)} towns/s (process start included)`);
  }
  await app.stop();

  if (fs.existsSync(path.join(root, 'bench/ledger-import.ts'))) {
    try {
      const out = execFileSync(node, [path.join(root, 'bench/ledger-import.ts')], {
        cwd: root,
        env: { ...process.env, FAZHI_DATA_DIR: dataDir, BENCH_DATA_DIR: dataDir },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const num = (label: string) => Number(new RegExp(`${label}:\\s*([\\d.]+)`).exec(out)?.[1] ?? Number.NaN);
      results.ledgerImport = { rowsPerSecond: num('ledger-import rows/s'), peakRssMb: num('ledger-import peak RSS MB') };
      console.log(`[bench] ledger import: ${num('ledger-import rows/s')} rows/s, peak RSS ${num('ledger-import peak RSS MB')} MB`);
    } catch (e) {
      results.ledgerImport = `failed: ${(e as Error).message.split('\n')[0]}`;
    }
  } else results.ledgerImport = 'bench/ledger-import.ts not present';

  results.endpoints = figures;
  results.loadAverageAtEnd = loadavg();
  const dir = path.join(root, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  printSummary(bare);
  console.log(`[bench] figures written to ${path.relative(root, file)}; load average ${loadavg()}`);
}

/**
 * The edit: each worker is a clerk saving their own open dispute again and again, carrying the version the server
 * returned into the next save (autocannon builds a request before the previous answer is read, so it cannot).
 */
async function editLoop(base: string, s: Session, disputes: { id: number; version: number }[], pid: number | undefined) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  const end = performance.now() + duration * 1000;
  let peak = rssMb(pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 250);
  await Promise.all(
    disputes.slice(0, connections).map(async (d) => {
      let version = d.version;
      while (performance.now() < end) {
        const t0 = performance.now();
        const r = await fetch(`${base}/api/mediation/disputes/${d.id}`, {
          method: 'PATCH',
          headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ summary: `基准测试修改 ${version}`, version }),
        });
        const text = await r.text();
        latencies.push(performance.now() - t0);
        if (r.ok) version = (JSON.parse(text) as { version: number }).version;
        else {
          errors++;
          firstError ||= `${r.status} ${text.slice(0, 200)}`;
        }
      }
    }),
  );
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  const f: Figure = {
    name: 'edit dispute (versioned PATCH, own record per clerk)',
    reqPerSec: Math.round(latencies.length / duration),
    p50: at(0.5),
    p99: at(0.99),
    errors,
    requests: latencies.length,
    connections: Math.min(connections, disputes.length),
    rssMb: peak,
    target: 'zero errors',
  };
  figures.push(f);
  console.log(
    `  ${f.name.padEnd(44)} ${String(f.reqPerSec).padStart(6)} req/s  p50 ${String(f.p50).padStart(5)} ms  p99 ${String(f.p99).padStart(5)} ms  errors ${f.errors}  RSS ${f.rssMb} MB${firstError ? `  first error: ${firstError}` : ''}`,
  );
}

/** Login page JS = the entry script and what index.html preloads; route chunks = every other script, gzip -9. */
function bundleSizes() {
  const dist = path.join(root, 'dist/web');
  // Built on every run (BENCH_BUILD=0 reuses dist/web): sizes from an older build would belong to another commit.
  if (!fs.existsSync(path.join(dist, 'index.html')) || process.env.BENCH_BUILD !== '0') {
    console.log('[bench] building the web app (vite build) …');
    execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] as string));
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length;
  const all = fs
    .readdirSync(path.join(dist, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const loginKb = Math.round([...initial].reduce((s, f) => s + gz(f), 0) / 1024);
  const routes = all.filter((f) => !initial.has(f)).map((f) => ({ file: f, kb: Math.round(gz(f) / 1024) }));
  routes.sort((a, b) => b.kb - a.kb);
  const largest = routes[0] ?? { file: '-', kb: 0 };
  console.log(`[bench] web bundle (gzip): login page JS ${loginKb} KB (${initial.size} files); largest route chunk ${largest.kb} KB (${largest.file})`);
  return { loginPageJsKb: loginKb, initialFiles: [...initial], largestRouteChunk: largest, routeChunks: routes.length };
}

/** Time from navigation to the first indicator tile of the dashboard, logged in, in Debian's chromium. */
async function firstRender(base: string): Promise<number> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ baseURL: base, locale: 'zh-CN' });
    const r = await context.request.post('/api/auth/login', { data: { username: manifest.users.leader, password: manifest.password } });
    if (!r.ok()) throw new Error(`login ${r.status()}`);
    // The JS a visitor of the login page downloads (entry, preloads and the page's lazy chunk), gzip -9.
    const anon = await browser.newContext({ baseURL: base, locale: 'zh-CN' });
    const loginPage = await anon.newPage();
    const scripts: Promise<number>[] = [];
    loginPage.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push(r.body().then((b) => zlib.gzipSync(b, { level: 9 }).length));
    });
    await loginPage.goto('/login');
    await loginPage.locator('input').first().waitFor({ timeout: 30_000 });
    await loginPage.waitForLoadState('networkidle');
    const sizes = await Promise.all(scripts);
    results.loginPageJsLoadedKb = { kb: Math.round(sizes.reduce((a, b) => a + b, 0) / 1024), files: sizes.length };
    console.log(`[bench] login page in chromium loads ${sizes.length} JS files, ${Math.round(sizes.reduce((a, b) => a + b, 0) / 1024)} KB gzip`);
    await anon.close();
    const page = await context.newPage();
    // A warm-up visit fills the HTTP cache as a daily user's browser would have it; the second visit is measured.
    await page.goto('/reports/dashboard');
    await page.locator('[data-indicator]').first().waitFor({ timeout: 30_000 });
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const t0 = performance.now();
      await page.goto('/reports/dashboard');
      await page.locator('[data-indicator]').first().waitFor({ timeout: 30_000 });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = Math.round(times[1] as number);
    console.log(`[bench] dashboard first render in chromium: ${ms} ms (median of 3, after one warm-up)`);
    return ms;
  } finally {
    await browser.close();
  }
}

function printSummary(bare: Figure | null) {
  console.log('\n| endpoint | conn | req/s | p50 ms | p99 ms | errors | × bare | RSS MB | target |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const f of figures)
    console.log(`| ${f.name} | ${f.connections} | ${f.reqPerSec} | ${f.p50} | ${f.p99} | ${f.errors} | ${f === bare ? '1' : (f.ratio ?? '-')} | ${f.rssMb} | ${f.target ?? ''} |`);
  const other = { ...results };
  delete other.endpoints;
  console.log(`\n${JSON.stringify(other, null, 2)}`);
}

await main();
