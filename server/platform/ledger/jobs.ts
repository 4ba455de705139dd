import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { LedgerImportMode, LedgerJob } from '../../../domain/platform/ledger.ts';
import { AppError } from '../../errors.ts';
import type { Ctx } from '../context.ts';
import { importLedger } from './engine.ts';
import type { AnyLedgerKind } from './kind.ts';

/** A job is kept this long after it ends, for the page that polls it and the error workbook. */
const KEEP_MS = 60 * 60 * 1000;

type Held = LedgerJob & { userId: number; endedAt: number | null; errorFile: Buffer | null };
const jobs = new Map<string, Held>();

const view = (j: Held): LedgerJob => ({ id: j.id, kind: j.kind, state: j.state, phase: j.phase, percent: j.percent, rowsRead: j.rowsRead, result: j.result, error: j.error });

function sweep() {
  const now = Date.now();
  for (const [id, j] of jobs) if (j.endedAt && now - j.endedAt > KEEP_MS) jobs.delete(id);
}

/**
 * Runs an import in the background of this process and answers at once with the job, which the page polls for its
 * progress (phase, percent, rows read) and result. The uploaded file is deleted when the job ends.
 */
export function startImport(ctx: Ctx, kind: AnyLedgerKind, file: string, filename: string, mode: LedgerImportMode): LedgerJob {
  sweep();
  const job: Held = {
    id: randomUUID(),
    kind: kind.id,
    state: 'running',
    phase: 'check',
    percent: 0,
    rowsRead: 0,
    result: null,
    error: null,
    userId: ctx.actor.userId,
    endedAt: null,
    errorFile: null,
  };
  jobs.set(job.id, job);
  const done = importLedger(ctx, kind, file, {
    mode,
    filename,
    onProgress: (p) => {
      job.phase = p.phase;
      job.percent = p.percent;
      job.rowsRead = p.rowsRead;
    },
  });
  done
    .then(({ result, errorFile }) => {
      job.result = { ...result, errorFile: errorFile ? `/api/ledgers/jobs/${job.id}/errors.xlsx` : null };
      job.errorFile = errorFile;
      job.state = 'done';
      job.phase = 'end';
      job.percent = 100;
    })
    .catch((err: unknown) => {
      job.state = 'failed';
      job.error =
        err instanceof AppError
          ? { code: err.code, message: err.message, details: err.details }
          : { code: 'INTERNAL', message: '导入时发生系统错误，未完成的部分未写入，请联系管理员', details: null };
    })
    .finally(() => {
      job.endedAt = Date.now();
      fs.promises.rm(file, { force: true }).catch(() => {});
    });
  return view(job);
}

function held(ctx: Ctx, id: string): Held {
  const job = jobs.get(id);
  // Another user's job is as good as absent.
  if (!job || job.userId !== ctx.actor.userId) throw new AppError('LEDGER_JOB_NOT_FOUND');
  return job;
}

export const getJob = (ctx: Ctx, id: string): LedgerJob => view(held(ctx, id));

export function jobErrorFile(ctx: Ctx, id: string): Buffer {
  const file = held(ctx, id).errorFile;
  if (!file) throw new AppError('NOT_FOUND', '该导入没有需要退回的错误行');
  return file;
}

/** Waits for a job to end (tests and the CLI's in-process use). */
export async function settled(ctx: Ctx, id: string, pollMs = 20): Promise<LedgerJob> {
  for (;;) {
    const job = getJob(ctx, id);
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
