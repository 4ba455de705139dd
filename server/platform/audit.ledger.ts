import { Type } from 'typebox';
import { AuditQuery } from '../../domain/platform/contracts.ts';
import { shanghaiDateTime } from '../../domain/platform/dates.ts';
import { EVERY_ROW, type ListExport } from './ledger/kind.ts';
import { listAudit } from './platform.service.ts';

/** An Excel cell holds at most 32,767 characters; a longer record is cut with a note (the page shows it whole). */
const CELL_MAX = 32_000;

const resultLabels: Record<string, string> = { ok: '成功', denied: '拒绝', failed: '失败' };

const json = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > CELL_MAX ? `${text.slice(0, CELL_MAX)}…（已截断，完整内容请在系统中查看）` : text;
};

/** 审计日志: the audit page with its filters, newest first, each entry's before and after as the page expands them. */
export const auditLogList: ListExport = {
  id: 'audit-log',
  title: '审计日志',
  sheet: '审计日志',
  readCapability: 'audit.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 8 },
    { key: 'at', header: '时间', type: 'text', width: 20 },
    { key: 'actor', header: '操作人', type: 'text', width: 12 },
    { key: 'ip', header: 'IP', type: 'text', width: 16 },
    { key: 'action', header: '操作', type: 'text', width: 28 },
    { key: 'entity', header: '对象', type: 'text', width: 24 },
    { key: 'result', header: '结果', type: 'text', width: 8 },
    { key: 'before', header: '修改前', type: 'text', width: 50 },
    { key: 'after', header: '修改后', type: 'text', width: 50 },
  ],
  filters: Type.Omit(AuditQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const f = filters as Omit<AuditQuery, 'page' | 'pageSize'>;
    const page = await listAudit(ctx, { ...f, ...EVERY_ROW });
    const range = f.from || f.to ? `${f.from ?? '……'} 至 ${f.to ?? '……'}` : '';
    return {
      conditions: [f.action && `操作：${f.action}`, f.actor && `操作人：${f.actor}`, f.result && `结果：${resultLabels[f.result]}`, range].filter(Boolean) as string[],
      rows: page.items.map((e, i) => ({
        reveal: true,
        values: {
          seq: i + 1,
          at: shanghaiDateTime(new Date(e.at)),
          actor: e.actorName ?? '',
          ip: e.ip ?? '',
          action: e.action,
          entity: e.entityType ? `${e.entityType}${e.entityId ? ` #${e.entityId}` : ''}` : '',
          result: resultLabels[e.result] ?? e.result,
          before: json(e.before),
          after: json(e.after),
        },
      })),
    };
  },
};
