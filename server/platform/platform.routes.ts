import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Attachment,
  AuditEntry,
  AuditQuery,
  AuditVerification,
  CalendarInfo,
  CalendarOverride,
  CalendarOverrideCreate,
  ChangePasswordBody,
  Deadline,
  DeadlineQuery,
  DictionaryCreate,
  DictionaryEntry,
  DictionaryQuery,
  DictionaryUpdate,
  Health,
  IdParams,
  LoginBody,
  Me,
  Page,
  SecurityPolicy,
  SecurityPolicyUpdate,
  Text,
  TotpCode,
  TotpDisable,
  TotpEnrolment,
  VoidBody,
} from '../../domain/platform/contracts.ts';
import { AppError } from '../errors.ts';
import { behindTls, clearSessionCookie, ctxOf, setSessionCookie } from '../plugins/auth.ts';
import * as auth from './auth.service.ts';
import * as calendar from './calendar.service.ts';
import * as dictionaries from './dictionary.service.ts';
import * as svc from './platform.service.ts';
import * as totp from './totp.ts';

const version = process.env.npm_package_version ?? '0.1.0';

export const platformRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/health', { config: { public: true }, schema: { tags: ['平台'], summary: '健康检查', response: { 200: Health } } }, async () => {
    await app.platform.db.selectFrom('org_units').select('id').limit(1).execute();
    return { status: 'ok' as const, db: app.platform.dbKind, version };
  });

  const authTags = ['登录与会话'];
  app.post(
    '/auth/login',
    // Per client IP, on top of the per-account lock: guessing across many accounts from one place is slowed too.
    {
      config: { public: true, rateLimit: { max: app.platform.config.loginPerMinute, timeWindow: 60_000 } },
      schema: { tags: authTags, summary: '登录（设置 HttpOnly 会话 Cookie）', body: LoginBody, response: { 200: Me } },
    },
    async (req, reply) => {
      const { token, actor } = await auth.login(app.platform, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookie(reply, token, behindTls(req, app.platform.config));
      return svc.meOf(app.platform, actor);
    },
  );
  app.post('/auth/logout', { config: { beforePasswordChange: true }, schema: { tags: authTags, summary: '退出登录' } }, async (req, reply) => {
    await auth.logout(ctxOf(req));
    clearSessionCookie(reply);
    return { ok: true };
  });
  app.get('/auth/me', { config: { beforePasswordChange: true }, schema: { tags: authTags, summary: '当前用户、角色、权限与 CSRF 令牌', response: { 200: Me } } }, async (req) =>
    svc.meOf(app.platform, ctxOf(req).actor),
  );
  app.post('/auth/password', { config: { beforePasswordChange: true }, schema: { tags: authTags, summary: '修改密码', body: ChangePasswordBody } }, async (req) => {
    await auth.changePassword(ctxOf(req), req.body);
    return { ok: true };
  });

  // Second factor: reachable while enrolment is still owed (beforePasswordChange), like the password change.
  const gate = { beforePasswordChange: true };
  app.post('/auth/totp/enrol', { config: gate, schema: { tags: authTags, summary: '生成动态验证码密钥（otpauth:// 二维码）', response: { 200: TotpEnrolment } } }, async (req) =>
    totp.beginEnrolment(ctxOf(req)),
  );
  app.post('/auth/totp/confirm', { config: gate, schema: { tags: authTags, summary: '输入验证器上的验证码，启用动态验证码', body: TotpCode } }, async (req) => {
    await totp.confirmEnrolment(ctxOf(req), req.body.code);
    return { ok: true };
  });
  app.post('/auth/totp/disable', { config: gate, schema: { tags: authTags, summary: '关闭动态验证码（须输入密码）', body: TotpDisable } }, async (req) => {
    await totp.disableTotp(ctxOf(req), req.body.password);
    return { ok: true };
  });
  app.get('/auth/security-policy', { schema: { tags: authTags, summary: '安全策略', response: { 200: SecurityPolicy } } }, async () => {
    const p = await totp.securityPolicy(app.platform.db);
    return { totpRequiredForAdmins: p.totp_required_for_admins, version: p.version };
  });
  app.patch(
    '/auth/security-policy',
    { schema: { tags: authTags, summary: '修改安全策略（系统管理员）', body: SecurityPolicyUpdate, response: { 200: SecurityPolicy } } },
    async (req) => totp.setPolicy(ctxOf(req), req.body),
  );

  const auditTags = ['审计日志'];
  app.get('/audit', { schema: { tags: auditTags, summary: '审计日志（可见范围内）', querystring: AuditQuery, response: { 200: Page(AuditEntry) } } }, async (req) =>
    svc.listAudit(ctxOf(req), req.query),
  );
  app.get('/audit/verify', { schema: { tags: auditTags, summary: '校验审计日志哈希链与外部链头', response: { 200: AuditVerification } } }, async (req) =>
    svc.verifyAudit(ctxOf(req)),
  );

  const fileTags = ['附件'];
  app.post('/attachments', { schema: { tags: fileTags, summary: '上传附件（multipart：orgUnitId, entityType, entityId, file）', response: { 200: Attachment } } }, async (req) => {
    const ctx = ctxOf(req);
    const file = await req.file({ limits: { fileSize: app.platform.config.maxUploadBytes, files: 1 } });
    if (!file) throw new AppError('VALIDATION_FAILED', '请选择要上传的文件', [{ field: 'file', message: '请选择要上传的文件' }]);
    const field = (name: string) => {
      const f = file.fields[name];
      const value = f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : '';
      return value || null;
    };
    const orgUnitId = Number(field('orgUnitId'));
    if (!Number.isInteger(orgUnitId) || orgUnitId < 1) {
      throw new AppError('VALIDATION_FAILED', '请填写「所属单位」（须放在文件字段之前）', [{ field: 'orgUnitId', message: '请填写「所属单位」' }]);
    }
    return svc.storeAttachment(ctx, {
      stream: file.file,
      filename: file.filename.slice(0, 200),
      mime: file.mimetype,
      orgUnitId,
      entityType: field('entityType'),
      entityId: field('entityId'),
      truncated: () => file.file.truncated,
    });
  });
  app.get(
    '/attachments',
    {
      schema: {
        tags: fileTags,
        summary: '某条记录的附件',
        querystring: Type.Object({ entityType: Text('对象类型', 64), entityId: Text('对象编号', 64) }),
        response: { 200: Type.Object({ items: Type.Array(Attachment) }) },
      },
    },
    async (req) => ({ items: await svc.listAttachments(ctxOf(req), req.query.entityType, req.query.entityId) }),
  );
  app.get('/attachments/:id', { schema: { tags: fileTags, summary: '下载附件', params: IdParams } }, async (req, reply) => {
    const { attachment, stream } = await svc.openAttachment(ctxOf(req), req.params.id);
    reply.header('content-type', attachment.mime);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`);
    reply.header('x-content-sha256', attachment.sha256);
    return reply.send(stream);
  });

  const dictTags = ['数据字典'];
  app.get(
    '/dictionaries',
    { schema: { tags: dictTags, summary: '某类字典的取值', querystring: DictionaryQuery, response: { 200: Type.Object({ items: Type.Array(DictionaryEntry) }) } } },
    async (req) => ({
      items: await dictionaries.listEntries(ctxOf(req), req.query),
    }),
  );
  app.post('/dictionaries', { schema: { tags: dictTags, summary: '新增字典项', body: DictionaryCreate, response: { 200: DictionaryEntry } } }, async (req) =>
    dictionaries.createEntry(ctxOf(req), req.body),
  );
  app.patch(
    '/dictionaries/:id',
    { schema: { tags: dictTags, summary: '修改或停用字典项', params: IdParams, body: DictionaryUpdate, response: { 200: DictionaryEntry } } },
    async (req) => dictionaries.updateEntry(ctxOf(req), req.params.id, req.body),
  );

  const calendarTags = ['工作日历'];
  app.get('/calendar', { schema: { tags: calendarTags, summary: '工作日历：已知年份与管理员录入的放假安排', response: { 200: CalendarInfo } } }, async (req) =>
    calendar.calendarInfo(ctxOf(req)),
  );
  app.get(
    '/calendar/deadline',
    { schema: { tags: calendarTags, summary: '从某日起 N 个工作日的期限（开始之日不计入）', querystring: DeadlineQuery, response: { 200: Deadline } } },
    async (req) => calendar.deadline(ctxOf(req), req.query.from, req.query.workingDays),
  );
  app.post(
    '/calendar/overrides',
    { schema: { tags: calendarTags, summary: '录入官方放假安排（某日放假或调休上班）', body: CalendarOverrideCreate, response: { 200: CalendarOverride } } },
    async (req) => calendar.addOverride(ctxOf(req), req.body),
  );
  app.post(
    '/calendar/overrides/:id/void',
    { schema: { tags: calendarTags, summary: '作废一条放假安排', params: IdParams, body: VoidBody, response: { 200: CalendarOverride } } },
    async (req) => calendar.voidOverride(ctxOf(req), req.params.id, req.body),
  );
};
