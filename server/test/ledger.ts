import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import type { LedgerJob } from '../../domain/platform/ledger.ts';
import type { DB } from '../db/schema.ts';
import type { Session, TestEnv } from './helpers.ts';

/** Test helpers for ledgers: download a file, upload a workbook and wait for its import job, read a sheet back. */

export async function download(app: FastifyInstance, s: Session, url: string): Promise<Buffer> {
  const res = await app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode} ${res.body}`);
  return res.rawPayload;
}

/** How many rows a table holds now (an import that is refused must leave every count as it was). */
export async function rowCount(env: TestEnv, table: keyof DB): Promise<number> {
  const { n } = await env.platform.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** Uploads as multipart (field `file`); answers the HTTP status and, when accepted, the job once it has ended. */
export async function importFile(
  app: FastifyInstance,
  s: Session,
  kind: string,
  data: Buffer,
  opts: { mode?: 'all' | 'good'; filename?: string } = {},
): Promise<{ status: number; body: any; job: LedgerJob }> {
  const boundary = `----fazhi${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${opts.filename ?? '台账.xlsx'}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: `/api/ledgers/${kind}/import?mode=${opts.mode ?? 'all'}`,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  const body = res.json();
  if (res.statusCode !== 202) return { status: res.statusCode, body, job: body };
  let job = body as LedgerJob;
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 25));
    job = (await s.request('GET', `/api/ledgers/jobs/${job.id}`)).body;
  }
  return { status: res.statusCode, body, job };
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

export const toBuffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** A sheet's rows from `headerRow` on, as header → displayed text (dates as YYYY-MM-DD). */
export function rowsOf(ws: ExcelJS.Worksheet, headerRow: number, skip: readonly string[] = []): Record<string, string>[] {
  const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => String(v ?? ''));
  const rows: Record<string, string>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    const row: Record<string, string> = {};
    headers.forEach((h, i) => {
      const v = values[i];
      if (h && !skip.includes(h)) row[h] = v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '');
    });
    rows.push(row);
  }
  return rows;
}
