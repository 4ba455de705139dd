import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { strToU8, zipSync } from 'fflate';
import type { CaseDetail } from '../../../domain/enforcement/contracts.ts';
import { caseStatusLabels, type DocumentKind, documentAvailable, documentKindLabels, documentKinds, evidenceKindLabels } from '../../../domain/enforcement/rules.ts';
import { AppError } from '../../errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { openAttachment } from '../../platform/platform.service.ts';
import { getCase, recordOnTimeline, timeline, verifyChain } from './case.service.ts';
import { buildDocument, documentFilename } from './documents.ts';
import { findBodyById } from './enforcement.repository.ts';
import { toBody } from './enforcement.service.ts';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function render(ctx: Ctx, c: CaseDetail, kind: DocumentKind) {
  const problem = documentAvailable(c, kind);
  if (problem) throw new AppError('ENFORCEMENT_STATE', `不能制作《${documentKindLabels[kind]}》：${problem}`);
  const body = toBody(await findBodyById(ctx.db, c.bodyId));
  return { filename: documentFilename(c, kind), buffer: await buildDocument(c, body, kind) };
}

/** A document of the case, filled from its records; printing it is a step on the timeline (with the file's hash). */
export async function caseDocument(ctx: Ctx, id: number, kind: DocumentKind): Promise<{ filename: string; buffer: Buffer }> {
  const c = await getCase(ctx, id);
  const doc = await render(ctx, c, kind);
  await recordOnTimeline(ctx, id, 'document', `制作《${documentKindLabels[kind]}》（SHA-256 ${sha256(doc.buffer).slice(0, 16)}…）`, {
    kind,
    filename: doc.filename,
    sha256: sha256(doc.buffer),
  });
  return doc;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The whole case file (案卷) as one zip: an index (目录) with every item's SHA-256, the documents the case can
 * produce, the evidence files, and the timeline with its hash chain and the chain's verification.
 */
export async function exportCaseFile(ctx: Ctx, id: number): Promise<{ filename: string; buffer: Buffer }> {
  const c = await getCase(ctx, id);
  const files: Record<string, Uint8Array> = {};
  const index: string[] = [];
  const add = (path: string, data: Uint8Array, label: string) => {
    files[path] = data;
    index.push(`${String(index.length + 1).padStart(2, '0')}　${label}　${path}　SHA-256 ${sha256(data)}`);
  };
  for (const kind of documentKinds) {
    if (documentAvailable(c, kind)) continue;
    const doc = await render(ctx, c, kind);
    add(`文书/${doc.filename}`, doc.buffer, documentKindLabels[kind]);
  }
  for (const [i, e] of c.evidence.entries()) {
    if (!e.attachmentId) continue;
    const { attachment, stream } = await openAttachment(ctx, e.attachmentId);
    const data = await readAll(stream);
    if (e.sha256 && sha256(data) !== e.sha256) throw new AppError('INTERNAL', `证据「${e.title}」的文件与登记时的哈希不一致`);
    add(`证据/${String(i + 1).padStart(2, '0')}-${attachment.filename}`, data, `证据（${evidenceKindLabels[e.kind]}）：${e.title}`);
  }
  const events = await timeline(ctx, id);
  const verification = await verifyChain(ctx, id);
  add(
    '全过程记录.txt',
    strToU8(
      [
        `案件全过程记录（${c.decisionNumber ?? c.filingNumber ?? `案件${c.id}`}）`,
        `哈希链（SM3）校验：${verification.ok ? '通过' : `未通过：${verification.problems.join('；')}`}，共 ${verification.length} 条，链头 ${verification.head}`,
        '',
        ...events.map((e) => `${e.seq}. ${e.at}　${e.actorName}　${e.summary}　[${e.hash}]`),
      ].join('\n'),
    ),
    '全过程记录（时间线与哈希链）',
  );
  add('全过程记录.json', strToU8(JSON.stringify({ verification, events }, null, 2)), '全过程记录（机读）');
  const header = [
    `案卷目录`,
    `案件：${c.powerName}　当事人：${c.party.name}`,
    `立案编号：${c.filingNumber ?? '—'}　决定书文号：${c.decisionNumber ?? '—'}　状态：${caseStatusLabels[c.status]}`,
    `导出时间：${new Date().toISOString()}　导出人：${ctx.actor.displayName}`,
    '',
  ];
  files['00-目录.txt'] = strToU8([...header, ...index].join('\n'));
  const buffer = Buffer.from(zipSync(files, { level: 6 }));
  await recordOnTimeline(ctx, id, 'export', `导出案卷（${index.length} 项，SHA-256 ${sha256(buffer).slice(0, 16)}…）`, { items: index.length, sha256: sha256(buffer) });
  return { filename: `案卷-${c.decisionNumber ?? c.filingNumber ?? c.id}.zip`, buffer };
}
