import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { LedgerImportMode, LedgerJob, LedgerKindInfo } from '../../../domain/platform/ledger.ts';
import { AppError } from '../../errors.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { can, scopeOf } from '../permissions.ts';
import { exportList, ledgerTemplate } from './engine.ts';
import { getJob, jobErrorFile, startImport } from './jobs.ts';
import { ledgerKinds, listExports } from './kinds.ts';
import { requireXlsx } from './reader.ts';
import { XLSX_MIME } from './workbook.ts';

const tags = ['台账导入导出'];

function sendXlsx(reply: FastifyReply, filename: string, buffer: Buffer) {
  reply.header('content-type', XLSX_MIME);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return reply.send(buffer);
}

/** Ledgers (台账) of every kind, mounted at /api/ledgers: template, import (a polled job), export with the list's filters. */
export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { tags, summary: '可用的台账种类', response: { 200: Type.Object({ items: Type.Array(LedgerKindInfo) }) } } }, async (req) => {
    const ctx = ctxOf(req);
    return {
      items: listExports
        .filter((k) => can(ctx.actor, k.readCapability))
        .map((k) => ({ id: k.id, title: k.title, canImport: ledgerKinds.some((l) => l.id === k.id && can(ctx.actor, l.writeCapability)) })),
    };
  });
  app.get(
    '/jobs/:id',
    { schema: { tags, summary: '导入任务的进度与结果（轮询）', params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 200: LedgerJob } } },
    async (req) => getJob(ctxOf(req), req.params.id),
  );
  app.get(
    '/jobs/:id/errors.xlsx',
    { schema: { tags, summary: '“只导入无误的行”时退回的错误行（带错误说明列）', params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (req, reply) => sendXlsx(reply, '未导入的行_错误说明.xlsx', jobErrorFile(ctxOf(req), req.params.id)),
  );

  for (const kind of listExports) {
    app.get(`/${kind.id}/export`, { schema: { tags, summary: `${kind.title}：按列表筛选条件导出（.xlsx）`, querystring: kind.filters } }, async (req, reply) => {
      const { filename, buffer } = await exportList(ctxOf(req), kind, req.query as Record<string, unknown>);
      return sendXlsx(reply, filename, buffer);
    });
  }
  for (const kind of ledgerKinds) {
    app.get(`/${kind.id}/template`, { schema: { tags, summary: `${kind.title}：导入模板（.xlsx，含下拉选项与示例行）` } }, async (req, reply) => {
      const { filename, buffer } = await ledgerTemplate(ctxOf(req), kind);
      return sendXlsx(reply, filename, buffer);
    });
    app.post(
      `/${kind.id}/import`,
      {
        schema: {
          tags,
          summary: `${kind.title}：导入（multipart，字段 file）；立即返回任务，轮询 /api/ledgers/jobs/{id}`,
          querystring: Type.Object({ mode: Type.Optional(LedgerImportMode) }),
          response: { 202: LedgerJob },
        },
      },
      async (req, reply) => {
        const ctx = ctxOf(req);
        scopeOf(ctx.actor, kind.writeCapability);
        const file = await req.file({ limits: { fileSize: app.platform.config.maxUploadBytes, files: 1 } });
        if (!file) throw new AppError('VALIDATION_FAILED', '请选择要导入的台账文件', [{ field: 'file', message: '请选择要导入的台账文件' }]);
        const tmp = path.join(os.tmpdir(), `fazhi-ledger-${randomUUID()}.xlsx`);
        try {
          await pipeline(file.file, fs.createWriteStream(tmp));
          if (file.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${Math.round(app.platform.config.maxUploadBytes / 1024 / 1024)} MB，请分批导入`);
          await requireXlsx(tmp);
          const job = startImport(ctx, kind, tmp, file.filename.slice(0, 200), req.query.mode ?? 'all');
          return reply.code(202).send(job);
        } catch (err) {
          await fs.promises.rm(tmp, { force: true });
          throw err;
        }
      },
    );
  }
};
