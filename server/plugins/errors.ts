import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, defaultMessage, type ErrorCode } from '../errors.ts';
import type { Platform } from '../platform/context.ts';

type AjvError = {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  parentSchema?: { title?: string; properties?: Record<string, { title?: string }> };
};

export type FieldProblem = { field: string; message: string };

/** A validation failure as a clerk reads it: the field's Chinese title and what is wrong with it. */
function describe(e: AjvError, context: string): FieldProblem {
  const missing = e.keyword === 'required' ? String(e.params.missingProperty) : null;
  const path = e.instancePath.split('/').filter(Boolean);
  const field = [...path, ...(missing ? [missing] : [])].join('.') || context;
  const label = (missing ? e.parentSchema?.properties?.[missing]?.title : e.parentSchema?.title) ?? field;
  const limit = e.params.limit;
  const messages: Record<string, string> = {
    required: `请填写「${label}」`,
    minLength: limit === 1 ? `「${label}」不能为空` : `「${label}」至少 ${limit} 个字符`,
    maxLength: `「${label}」不能超过 ${limit} 个字符`,
    minimum: `「${label}」不能小于 ${limit}`,
    maximum: `「${label}」不能大于 ${limit}`,
    minItems: `「${label}」至少 ${limit} 项`,
    maxItems: `「${label}」不能超过 ${limit} 项`,
    pattern: `「${label}」格式不正确`,
    format: `「${label}」格式不正确`,
    type: `「${label}」类型不正确`,
    enum: `「${label}」的取值不在允许范围内`,
    const: `「${label}」的取值不在允许范围内`,
    anyOf: `「${label}」的取值不在允许范围内`,
    additionalProperties: `不允许的字段「${String(e.params.additionalProperty)}」`,
  };
  return { field, message: messages[e.keyword] ?? `「${label}」不符合要求` };
}

function fastifyErrorCode(status: number): ErrorCode {
  const byStatus: Record<number, ErrorCode> = {
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_TYPE',
    429: 'RATE_LIMITED',
  };
  return byStatus[status] ?? 'BAD_REQUEST';
}

const pgMessages: Record<string, string> = {
  '23503': '引用的数据不存在或已被删除',
  '23514': '数据不符合约束条件',
  '22021': '内容包含不允许的字符',
  '22P05': '内容包含不允许的字符',
  '22001': '内容过长',
  '22008': '日期或时间不正确',
  '22003': '数值超出允许范围',
  '22P02': '数据格式不正确',
};

const send = (reply: FastifyReply, status: number, code: string, message: string, details: unknown = null) => reply.status(status).send({ error: { code, message, details } });

/** One error shape for every answer: {error:{code,message,details}}; no stack trace ever leaves the server. */
export function registerErrorHandling(app: FastifyInstance, platform: Platform, spa: boolean): void {
  app.setErrorHandler(async (err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.code === 'FORBIDDEN' || err.code === 'CSRF_REJECTED') {
        await platform.audit
          .record(
            platform.db,
            { actorId: req.actor?.userId ?? null, actorName: req.actor?.displayName ?? null, ip: req.ip },
            {
              action: 'access.denied',
              result: 'denied',
              after: { method: req.method, url: req.url, code: err.code },
            },
          )
          .catch((e: unknown) => req.log.error(e, 'audit of denied access failed'));
      }
      // A rule that names one field ({field}) answers in the same shape as schema validation: [{field, message}].
      const d = err.details as { field?: unknown } | null;
      const details = d && !Array.isArray(d) && typeof d.field === 'string' ? [{ ...d, message: err.message }] : err.details;
      return send(reply, err.status, err.code, err.message, details);
    }
    const fe = err as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      const anyOf = fe.validation.find((v) => v.keyword === 'anyOf');
      const problems = (anyOf ? [anyOf] : fe.validation).map((v) => describe(v, fe.validationContext ?? 'body'));
      return send(reply, 400, 'VALIDATION_FAILED', problems[0]?.message ?? defaultMessage('VALIDATION_FAILED'), problems);
    }
    // Backstops for what services should have caught: a clerk gets a 400 in words, not a 500.
    const pgCode = (err as { code?: string }).code;
    if (pgCode && pgMessages[pgCode]) {
      req.log.warn(err, 'database refused input');
      return send(reply, 400, 'BAD_REQUEST', pgMessages[pgCode]);
    }
    const status = fe.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = fastifyErrorCode(status);
      const message = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.name === 'SyntaxError' ? '请求内容不是有效的 JSON' : defaultMessage(code);
      return send(reply, status, code, message);
    }
    req.log.error(err);
    return send(reply, 500, 'INTERNAL', defaultMessage('INTERNAL'));
  });

  // Deep links of the web app (/org/users …) are routes of the browser's router: answer them with index.html.
  app.setNotFoundHandler((req, reply) => {
    if (spa && req.method === 'GET' && !req.url.startsWith('/api')) return reply.type('text/html').sendFile('index.html');
    return send(reply, 404, 'NOT_FOUND', `接口不存在：${req.method} ${req.url.split('?')[0]}`);
  });
}
