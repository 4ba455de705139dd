import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedServer, startEmbeddedServer } from './embedded.ts';

const TIMEOUT = 60_000;
let dir = '';
const started: EmbeddedServer[] = [];
const spawned: ChildProcess[] = [];
const messages: string[] = [];
const log = (m: string) => messages.push(m);

const pgDir = () => path.join(dir, 'pg');
const pidFile = () => path.join(pgDir(), 'postmaster.pid');
const pidInFile = () => Number(fs.readFileSync(pidFile(), 'utf8').split('\n')[0]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    // A zombie still answers signal 0; it is not running.
    return !/^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};
const waitFor = async (check: () => boolean, ms = 20_000) => {
  for (const until = Date.now() + ms; Date.now() < until; ) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
};

async function query(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function start(): Promise<EmbeddedServer> {
  const server = await startEmbeddedServer(dir, log);
  started.push(server);
  return server;
}
async function stop(server: EmbeddedServer) {
  await server.stop();
  started.splice(started.indexOf(server), 1);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-embedded-'));
});
afterAll(async () => {
  for (const s of [...started].reverse()) await s.stop().catch(() => {});
  for (const c of spawned) if (c.pid && alive(c.pid)) c.kill('SIGKILL');
  if (fs.existsSync(pidFile())) {
    const pid = pidInFile();
    if (alive(pid)) process.kill(pid, 'SIGINT');
    await waitFor(() => !alive(pid));
  }
  fs.rmSync(dir, { recursive: true, force: true });
}, TIMEOUT);

describe('startEmbeddedServer', () => {
  it(
    'initialises a fresh data dir and starts a server on 127.0.0.1 at a port of its own, with a password',
    async () => {
      const server = await start();
      const url = new URL(server.url);
      expect(url.hostname).toBe('127.0.0.1');
      expect(url.port).not.toBe('5432');
      expect(url.username).toBe('fazhi');
      expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      expect(await query(server.url, 'show listen_addresses')).toEqual([{ listen_addresses: '127.0.0.1' }]);
      const [{ server_version_num }] = (await query(server.url, 'show server_version_num')) as [{ server_version_num: string }];
      expect(Number(server_version_num)).toBeGreaterThanOrEqual(150000);
      // Settings (port, password) live beside the data, readable by the owner only.
      const settingsFile = path.join(dir, 'pg-settings.json');
      expect(fs.statSync(settingsFile).mode & 0o077).toBe(0);
      const settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
      expect(settings.port).toBe(Number(url.port));
      expect(decodeURIComponent(url.password)).toBe(settings.password);
      // The password is required.
      const wrong = new URL(server.url);
      wrong.password = 'not-the-password';
      await expect(query(wrong.toString(), 'select 1')).rejects.toThrow(/password/);
      await query(server.url, 'create table kept (v text); insert into kept values ($$四棵树$$)');
      await stop(server);
      expect(fs.existsSync(pidFile())).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'starts again on the same dir with the same port, password and data',
    async () => {
      const settings = fs.readFileSync(path.join(dir, 'pg-settings.json'), 'utf8');
      const server = await start();
      expect(fs.readFileSync(path.join(dir, 'pg-settings.json'), 'utf8')).toBe(settings);
      expect(await query(server.url, 'select v from kept')).toEqual([{ v: '四棵树' }]);
      await stop(server);
    },
    TIMEOUT,
  );

  it(
    'after the app was killed with -9, stops the postgres it left running and starts a new one that answers',
    async () => {
      // The app: a separate Node process that starts the server, then dies by SIGKILL with no chance to stop it.
      const script = `const { startEmbeddedServer } = await import(${JSON.stringify(path.resolve(import.meta.dirname, 'embedded.ts'))});
        const s = await startEmbeddedServer(${JSON.stringify(dir)}, () => {});
        process.stdout.write(JSON.stringify({ url: s.url }) + '\\n');
        setInterval(() => {}, 1000);`;
      const app = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
      spawned.push(app);
      let stderr = '';
      app.stderr?.on('data', (d) => {
        stderr += String(d);
      });
      const { url: leftoverUrl } = await new Promise<{ url: string }>((resolve, reject) => {
        app.stdout?.on('data', (d) => resolve(JSON.parse(String(d).split('\n')[0] as string)));
        app.on('exit', (code) => reject(new Error(`app exited early (${code}): ${stderr}`)));
      });
      expect(await query(leftoverUrl, 'select 1 as one')).toEqual([{ one: 1 }]);
      const leftover = pidInFile();
      app.kill('SIGKILL');
      expect(await waitFor(() => !alive(app.pid as number))).toBe(true);
      // Its postgres child lives on, still holding the data dir and the port.
      expect(alive(leftover)).toBe(true);
      expect(await query(leftoverUrl, 'select 1 as one')).toEqual([{ one: 1 }]);

      messages.length = 0;
      const server = await start();
      expect(alive(leftover)).toBe(false);
      expect(messages.join('\n')).toContain(`停止上次遗留的 PostgreSQL 进程 ${leftover}`);
      const fresh = pidInFile();
      expect(fresh).not.toBe(leftover);
      expect(alive(fresh)).toBe(true);
      expect(await query(server.url, 'select v from kept')).toEqual([{ v: '四棵树' }]);

      await stop(server);
      expect(alive(fresh)).toBe(false);
      expect(fs.existsSync(pidFile())).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'clears a stale postmaster.pid whose process is gone, and starts',
    async () => {
      const dead = spawnSync('true').pid as number;
      expect(alive(dead)).toBe(false);
      fs.writeFileSync(pidFile(), `${dead}\n${pgDir()}\n1700000000\n5432\n\n127.0.0.1\n`);
      const server = await start();
      expect(await query(server.url, 'select v from kept')).toEqual([{ v: '四棵树' }]);
      const pid = pidInFile();
      expect(pid).not.toBe(dead);
      expect(alive(pid)).toBe(true);
      await stop(server);
      expect(alive(pid)).toBe(false);
      expect(fs.existsSync(pidFile())).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'does not signal an unrelated process that reused the pid of a stale postmaster.pid (e.g. after a power cut)',
    async () => {
      const unrelated = spawn('sleep', ['120'], { stdio: 'ignore' });
      spawned.push(unrelated);
      const pid = unrelated.pid as number;
      expect(alive(pid)).toBe(true);
      fs.writeFileSync(pidFile(), `${pid}\n${pgDir()}\n1700000000\n5432\n\n127.0.0.1\n`);
      const server = await start();
      expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      expect(alive(pid)).toBe(true);
      await stop(server);
    },
    TIMEOUT,
  );
});
