// `npm run test:soak`: issue 10 §7 and §10 against the real `fazhi serve` on an embedded PostgreSQL, loopback only.
//   1. crash safety: SOAK_ROUNDS (20) rounds of a write loop killed with kill -9 — the app on even rounds, the embedded
//      postgres on odd ones — then a restart with no repair: every write that was acknowledged must be there;
//   2. SIGTERM in the middle of a slow request: the request completes and the process exits 0;
//   3. load: a mixed workload (list, detail, edit, dashboard, report) at 100 then 300 connections for SOAK_SECONDS
//      (30) each: zero errors, p97.5 ≤ 1 s for pages and ≤ 3 s for reports (autocannon has no p95; p97.5 is stricter),
//      resident memory sampled through each level and flat over the second half of a level of a minute or more.
// Every failure is printed and the exit code is 1. The full length asked for in issue 10 is SOAK_SECONDS=300.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 20);
const SECONDS = Number(process.env.SOAK_SECONDS ?? 30);
const LEVELS = (process.env.SOAK_CONNECTIONS ?? '100,300').split(',').map(Number);
const PASSWORD = 'Soak-Pass-2024';
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`${ok ? '  ✓' : '  ✗'} ${what}`);
  if (!ok) failures.push(what);
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });

type Server = { child: ChildProcess; url: string; exited: Promise<number | null> };
async function start(dataDir: string, port: number): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    FAZHI_DATA_DIR: dataDir,
    PORT: String(port),
    FAZHI_ADMIN_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
    FAZHI_API_RATE: '10000000',
    FAZHI_LOGIN_RATE: '100000',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['server/main.ts', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c;
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let i = 0; i < 1200; i++) {
    if (out.includes('平台已启动')) return { child, url: `http://127.0.0.1:${port}`, exited };
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) without manual repair being possible:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start in 120 s:\n${out}`);
}

async function signIn(url: string, username: string) {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' } };
}

const postgresPid = (dataDir: string): number => Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

async function crashSafety(dataDir: string, port: number): Promise<void> {
  console.log(`\n▶ crash safety: ${ROUNDS} rounds of kill -9 during a write loop`);
  const acknowledged: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const server = await start(dataDir, port);
    const admin = await signIn(server.url, 'admin');
    const root = ((await (await fetch(`${server.url}/api/org/units`, { headers: admin.headers })).json()) as { items: { id: number; parentId: number | null }[] }).items.find(
      (u) => u.parentId === null,
    );
    let writing = true;
    const loop = (async () => {
      for (let i = 0; writing; i++) {
        const name = `崩溃测试-${round}-${i}`;
        try {
          const res = await fetch(`${server.url}/api/org/units`, {
            method: 'POST',
            headers: admin.headers,
            body: JSON.stringify({ parentId: root?.id, kind: 'department', name }),
          });
          if (res.status === 200) acknowledged.push(name);
        } catch {
          return; // the process is gone: this write was never acknowledged
        }
      }
    })();
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
    const victim = round % 2 === 0 ? 'app' : 'postgres';
    process.kill(victim === 'app' ? (server.child.pid as number) : postgresPid(dataDir), 'SIGKILL');
    if (victim === 'postgres') {
      // The app outlives its database; stop it as an operator would before starting again.
      await new Promise((r) => setTimeout(r, 300));
      server.child.kill('SIGKILL');
    }
    writing = false;
    await Promise.race([loop, new Promise((r) => setTimeout(r, 5000))]);
    await server.exited;
    process.stdout.write(`  round ${round + 1}/${ROUNDS}: killed ${victim}, ${acknowledged.length} writes acknowledged so far\n`);
  }
  const server = await start(dataDir, port);
  const admin = await signIn(server.url, 'admin');
  const names = new Set(((await (await fetch(`${server.url}/api/org/units`, { headers: admin.headers })).json()) as { items: { name: string }[] }).items.map((u) => u.name));
  const lost = acknowledged.filter((n) => !names.has(n));
  check(acknowledged.length > ROUNDS, `${acknowledged.length} acknowledged writes over ${ROUNDS} kills`);
  check(lost.length === 0, `every acknowledged write present after restart without repair (lost: ${lost.slice(0, 5).join(', ') || 'none'})`);
  const verify = (await (await fetch(`${server.url}/api/audit/verify`, { headers: admin.headers })).json()) as { ok: boolean; problems: string[] };
  check(verify.ok, `audit chain intact after the kills ${verify.problems.slice(0, 2).join('; ')}`);
  server.child.kill('SIGTERM');
  await server.exited;
}

async function gracefulStop(dataDir: string, port: number): Promise<void> {
  console.log('\n▶ SIGTERM in the middle of a request');
  const server = await start(dataDir, port);
  const coordinator = await signIn(server.url, 'sifasuo');
  const reports = (await (await fetch(`${server.url}/api/reports/annual?org=3&year=2024&format=docx`, { headers: coordinator.headers })).arrayBuffer()).byteLength;
  // A year not asked for yet: its figures (~100 queries) are computed afresh, so the request is still being worked on
  // when the signal comes 10 ms later (a cached report would be answered before it). One request only: several at
  // once keep the event loop from reading the later ones before the signal, and Node resets a connection whose request
  // it has not read yet when the server closes.
  let signalledAt = 0;
  const slow = fetch(`${server.url}/api/reports/annual?org=3&year=2023&format=docx`, { headers: coordinator.headers }).then(
    async (r) => ({ status: r.status, bytes: (await r.arrayBuffer()).byteLength, after: signalledAt > 0 }),
    (e: unknown) => ({ status: 0, bytes: 0, after: true, error: String(e) }),
  );
  await new Promise((r) => setTimeout(r, 10));
  signalledAt = Date.now();
  server.child.kill('SIGTERM');
  const [answer, code] = await Promise.all([slow, server.exited]);
  const stoppedMs = Date.now() - signalledAt;
  check(reports > 0, 'a report export works before the stop');
  check(answer.status === 200 && answer.bytes > 0 && answer.after, `the request in flight at SIGTERM was answered in full after it (${answer.status}, ${answer.bytes} bytes)`);
  check(code === 0 && stoppedMs < 10_000, `the server exited 0 after SIGTERM, within 10 s (exit ${code}, ${stoppedMs} ms)`);
  check(!fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), 'the embedded PostgreSQL stopped with it');
}

const rss = (pid: number): number => {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(m?.[1]) / 1024);
};

async function load(dataDir: string, port: number): Promise<void> {
  console.log(`\n▶ load: ${LEVELS.join(' then ')} connections, ${SECONDS} s each (loopback)`);
  const server = await start(dataDir, port);
  const names = ['sifasuo', 'shuji', 'cungb', 'tiaojie', 'ducha'];
  // The village cadre and the mediator hold no reports.read: their dashboard is their own lists and alerts.
  const readsReports = new Set(['sifasuo', 'shuji', 'ducha']);
  const users = await Promise.all(names.map((u) => signIn(server.url, u)));
  const coordinator = users[0] as Awaited<ReturnType<typeof signIn>>;
  const disputes = ((await (await fetch(`${server.url}/api/mediation/disputes?pageSize=50`, { headers: coordinator.headers })).json()) as { items: { id: number }[] }).items;
  const town = ((await (await fetch(`${server.url}/api/org/units`, { headers: coordinator.headers })).json()) as { items: { id: number; name: string }[] }).items.find(
    (u) => u.name === '四棵树镇',
  );
  const pages = users.flatMap((u, i) => [
    { method: 'GET' as const, path: '/api/mediation/disputes?pageSize=20', headers: u.headers },
    { method: 'GET' as const, path: `/api/mediation/disputes/${disputes[i % disputes.length]?.id}`, headers: coordinator.headers },
    ...(readsReports.has(names[i] as string) ? [{ method: 'GET' as const, path: `/api/reports/indicators?org=${town?.id}&year=2024`, headers: u.headers }] : []),
    { method: 'GET' as const, path: '/api/reports/alerts', headers: u.headers },
    {
      method: 'POST' as const,
      path: '/api/org/meetings',
      headers: coordinator.headers,
      body: JSON.stringify({ orgUnitId: town?.id, kind: 'other', title: '压力测试会议', heldOn: '2024-05-01' }),
    },
  ]);
  const report = [{ method: 'GET' as const, path: `/api/reports/annual?org=${town?.id}&year=2024&format=json`, headers: coordinator.headers }];
  // Each request once before the load: a request that cannot succeed at all is named here, not just counted later.
  for (const req of [...pages, ...report]) {
    const res = await fetch(`${server.url}${req.path}`, { method: req.method, headers: req.headers, ...('body' in req ? { body: req.body } : {}) });
    check(res.ok, `preflight ${req.method} ${req.path} → ${res.status}${res.ok ? '' : ` ${(await res.text()).slice(0, 120)}`}`);
  }
  const pid = server.child.pid as number;
  for (const connections of LEVELS) {
    const before = rss(pid);
    const samples: number[] = [];
    const sampling = setInterval(() => samples.push(rss(pid)), (SECONDS * 1000) / 20);
    const run = (requests: typeof pages, conns: number) => autocannon({ url: server.url, connections: conns, duration: SECONDS, requests, timeout: 30 });
    const [p, r] = await Promise.all([run(pages, Math.max(1, Math.round(connections * 0.9))), run(report, Math.max(1, Math.round(connections * 0.1)))]);
    clearInterval(sampling);
    const after = rss(pid);
    console.log(`  RSS every ${SECONDS / 20} s (MiB): ${samples.join(' ')}`);
    const errors = (x: autocannon.Result) => x.errors + x.timeouts + x.non2xx;
    console.log(
      `  ${connections} connections: pages ${p.requests.total} req, p50 ${p.latency.p50} ms, p97.5 ${p.latency.p97_5} ms · reports ${r.requests.total} req, p50 ${r.latency.p50} ms, p97.5 ${r.latency.p97_5} ms · RSS ${before} → ${after} MiB`,
    );
    check(errors(p) === 0 && errors(r) === 0, `${connections}: zero errors (pages ${errors(p)}, reports ${errors(r)})`);
    check(p.latency.p97_5 <= 1000, `${connections}: pages p97.5 ${p.latency.p97_5} ms ≤ 1 s`);
    check(r.latency.p97_5 <= 3000, `${connections}: reports p97.5 ${r.latency.p97_5} ms ≤ 3 s`);
    // V8 sizes its heap to the load over the first minute (378 → 579 MiB in 50 s at 100 connections): flat means no
    // growth over the second half of a level long enough to have passed that.
    if (SECONDS >= 60) {
      const half = samples.slice(Math.floor(samples.length / 2));
      const [first, last] = [half[0] as number, half.at(-1) as number];
      const growth = (100 * (last - first)) / first;
      check(growth <= 5, `${connections}: memory flat over the second half (${first} → ${last} MiB, ${growth.toFixed(1)} % ≤ 5 %)`);
    } else console.log(`  (memory flatness is judged on levels of 60 s or more)`);
  }
  server.child.kill('SIGTERM');
  await server.exited;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-soak-'));
const started = Date.now();
try {
  const port = await freePort();
  await crashSafety(dataDir, port);
  await gracefulStop(dataDir, port);
  await load(dataDir, port);
} catch (err) {
  failures.push(String(err));
  console.error(err);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\n${failures.length === 0 ? '✓ soak passed' : `✗ soak failed: ${failures.length} problem(s)`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(failures.length === 0 ? 0 : 1);
