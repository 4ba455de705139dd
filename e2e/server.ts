import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase } from '../server/db/client.ts';

/** The real `fazhi serve` in a child process, on a temp data dir (and a fresh database when TEST_DATABASE_URL is set). */
export type RunningServer = { url: string; output: () => string; process: ChildProcess };

export type ServerHome = { dataDir: string; env: NodeJS.ProcessEnv };

export async function prepareHome(): Promise<ServerHome> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, FAZHI_DATA_DIR: dataDir, PORT: String(await freePort()), LOG_LEVEL: 'warn', FAZHI_LOGIN_RATE: '1000', FAZHI_API_RATE: '100000' };
  delete env.FAZHI_ADMIN_PASSWORD;
  delete env.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL) env.DATABASE_URL = await ensureDatabase(process.env.TEST_DATABASE_URL, `fazhi_e2e_${randomBytes(4).toString('hex')}`);
  return { dataDir, env };
}

export async function startServer(home: ServerHome): Promise<RunningServer> {
  const child = spawn(process.execPath, ['server/main.ts', 'serve'], { env: home.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  const url = `http://127.0.0.1:${home.env.PORT}`;
  for (let i = 0; i < 600; i++) {
    if (out.includes('平台已启动')) return { url, output: () => out, process: child };
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start within 60 s:\n${out}`);
}

export async function stopServer(server: RunningServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  if (server.process.exitCode !== null) return server.process.exitCode;
  const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
  server.process.kill(signal);
  return exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}
