import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Attachment, AuditEntry, AuditQuery, Me, Page } from '../../domain/platform/contracts.ts';
import { fileTypeProblem } from '../../domain/platform/files.ts';
import { capabilities, hasCapability } from '../../domain/platform/roles.ts';
import { AppError } from '../errors.ts';
import { type Actor, audited, type Ctx, type Platform } from './context.ts';
import { requireUnitInScope, scopeOf } from './permissions.ts';
import * as repo from './platform.repository.ts';

export async function meOf(p: Platform, actor: Actor): Promise<Me> {
  const names = new Map(
    (
      await repo.unitNames(
        p.db,
        actor.grants.map((g) => g.orgUnitId),
      )
    ).map((u) => [u.id, u.name]),
  );
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      orgUnitId: actor.orgUnitId,
      mustChangePassword: actor.mustChangePassword,
      mustEnrolTotp: actor.mustEnrolTotp ?? false,
      totpEnabled: actor.totpEnabled ?? false,
    },
    grants: actor.grants.map((g) => ({ role: g.role, orgUnitId: g.orgUnitId, orgUnitName: names.get(g.orgUnitId) ?? '' })),
    capabilities: capabilities.filter((c) => hasCapability(actor.grants, c)),
    csrfToken: actor.csrfToken,
  };
}

export async function listAudit(ctx: Ctx, q: AuditQuery): Promise<Page<AuditEntry>> {
  const page = await repo.listAudit(ctx.db, scopeOf(ctx.actor, 'audit.read'), q);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      ip: r.ip,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      orgUnitId: r.org_unit_id,
      result: r.result,
      before: r.before,
      after: r.after,
    })),
  };
}

export async function verifyAudit(ctx: Ctx) {
  scopeOf(ctx.actor, 'audit.read');
  const result = await ctx.audit.verify(ctx.db);
  return { ok: result.ok, checked: result.checked, lastId: result.lastId, problems: result.problems };
}

const toAttachment = (r: Awaited<ReturnType<typeof repo.insertAttachment>>): Attachment => ({
  id: r.id,
  sha256: r.sha256,
  size: r.size,
  mime: r.mime,
  filename: r.filename,
  orgUnitId: r.org_unit_id,
  entityType: r.entity_type,
  entityId: r.entity_id,
  uploadedAt: new Date(r.uploaded_at).toISOString(),
});

const blobPath = (p: Platform, sha256: string) => path.join(p.config.dataDir, 'attachments', sha256.slice(0, 2), sha256);

/**
 * Stores an upload by its SHA-256 under the data dir (one copy per content, however often attached) after
 * checking size and that its first bytes match the declared type.
 */
export async function storeAttachment(
  ctx: Ctx,
  input: { stream: Readable; filename: string; mime: string; orgUnitId: number; entityType: string | null; entityId: string | null; truncated: () => boolean },
): Promise<Attachment> {
  await requireUnitInScope(ctx.db, ctx.actor, 'attachments.write', input.orgUnitId);
  const dir = path.join(ctx.config.dataDir, 'attachments');
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `upload-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  try {
    await pipeline(
      input.stream,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      fs.createWriteStream(tmp),
    );
    if (input.truncated()) throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${Math.round(ctx.config.maxUploadBytes / 1024 / 1024)} MB 上限`);
    if (size === 0) throw new AppError('BAD_REQUEST', '文件为空');
    const problem = fileTypeProblem(input.mime, head);
    if (problem) throw new AppError('UNSUPPORTED_TYPE', problem);
    const sha256 = hash.digest('hex');
    const target = blobPath(ctx, sha256);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (fs.existsSync(target)) fs.rmSync(tmp);
    else fs.renameSync(tmp, target);
    return await audited(ctx, async (trx) => {
      const row = toAttachment(
        await repo.insertAttachment(trx, {
          sha256,
          size,
          mime: input.mime,
          filename: input.filename,
          orgUnitId: input.orgUnitId,
          entityType: input.entityType,
          entityId: input.entityId,
          uploadedBy: ctx.actor.userId,
        }),
      );
      return { result: row, audit: { action: 'attachment.upload', entityType: 'attachment', entityId: row.id, orgUnitId: row.orgUnitId, after: row } };
    });
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export async function openAttachment(ctx: Ctx, id: number) {
  const row = await repo.findAttachment(ctx.db, scopeOf(ctx.actor, 'org.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '附件不存在');
  const file = blobPath(ctx, row.sha256);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', '附件文件缺失，请联系管理员从备份恢复');
  return { attachment: toAttachment(row), stream: fs.createReadStream(file) };
}

export async function listAttachments(ctx: Ctx, entityType: string, entityId: string): Promise<Attachment[]> {
  return (await repo.listAttachments(ctx.db, scopeOf(ctx.actor, 'org.read'), entityType, entityId)).map(toAttachment);
}
