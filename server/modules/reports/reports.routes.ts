import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { IdParams, Text, Version } from '../../../domain/platform/contracts.ts';
import {
  Alert,
  CheckTextBody,
  IndicatorParams,
  IndicatorRecord,
  IndicatorsQuery,
  IndicatorValue,
  Monthly,
  OrgQuery,
  ReportCreate,
  ReportListQuery,
  ReportPreview,
  ReportProblem,
  ReportUpdate,
  VillageComparison,
  YearsWithData,
} from '../../../domain/reports/contracts.ts';
import { AppError } from '../../errors.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { alerts } from './alerts.service.ts';
import * as dashboard from './dashboard.service.ts';
import * as svc from './reports.service.ts';

const tags = ['指标与报告'];

function sendExport(reply: FastifyReply, file: Awaited<ReturnType<typeof svc.exportReport>>) {
  if (file.contentType.startsWith('application/json')) return file.body;
  reply.header('content-type', file.contentType);
  if (!file.contentType.startsWith('text/html')) reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  return reply.send(file.body);
}

export const reportsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/indicators',
    { schema: { tags, summary: '某单位某年度的全部指标（由记录实时计算）', querystring: IndicatorsQuery, response: { 200: Type.Array(IndicatorValue) } } },
    async (req) => svc.indicatorValues(ctxOf(req), req.query.org, req.query.year),
  );
  app.get(
    '/indicators/:id/records',
    {
      schema: {
        tags,
        summary: '指标背后的记录（下钻）',
        params: IndicatorParams,
        querystring: IndicatorsQuery,
        response: { 200: Type.Object({ indicator: IndicatorValue, items: Type.Array(IndicatorRecord) }) },
      },
    },
    async (req) => svc.indicatorRecords(ctxOf(req), req.params.id, req.query.org, req.query.year),
  );

  app.get(
    '/years',
    { schema: { tags, summary: '某单位有业务记录的年度（最近的在前）；驾驶舱默认打开最近一年', querystring: OrgQuery, response: { 200: YearsWithData } } },
    async (req) => dashboard.yearsWithData(ctxOf(req), req.query.org),
  );
  app.get(
    '/monthly',
    { schema: { tags, summary: '驾驶舱月度图表：各月的立案、调解、学法、普法、听证（市县为所辖各镇之和）', querystring: IndicatorsQuery, response: { 200: Monthly } } },
    async (req) => dashboard.monthly(ctxOf(req), req.query.org, req.query.year),
  );
  app.get(
    '/villages',
    { schema: { tags, summary: '各村对比：某镇所辖村（社区）的年度指标、村规民约与示范村称号', querystring: IndicatorsQuery, response: { 200: VillageComparison } } },
    async (req) => dashboard.villagesCompared(ctxOf(req), req.query.org, req.query.year),
  );

  app.get(
    '/alerts',
    { schema: { tags, summary: '驾驶舱提醒：临近或超过期限的事项（按可见范围）', response: { 200: Type.Object({ items: Type.Array(Alert) }) } } },
    async (req) => ({
      items: await alerts(ctxOf(req)),
    }),
  );

  const reportTags = ['年度法治政府建设情况报告'];
  // The public portal (no login): reports a town has published, as they were signed off.
  app.get(
    '/public/annual',
    {
      config: { public: true },
      schema: {
        tags: reportTags,
        summary: '公开：已向社会公开的年度报告',
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({ id: Type.Integer(), orgName: Type.String(), year: Type.Integer(), publishedAt: Type.Union([Type.String(), Type.Null()]) })),
          }),
        },
      },
    },
    async () => ({ items: await svc.publishedReports(app.platform.db) }),
  );
  app.get('/public/annual/:id', { config: { public: true }, schema: { tags: reportTags, summary: '公开：一份已公开的报告（网页）', params: IdParams } }, async (req, reply) =>
    reply.type('text/html; charset=utf-8').send(await svc.publishedReportHtml(app.platform.db, req.params.id)),
  );
  const VersionBody = Type.Object({ version: Version }, { additionalProperties: false });
  app.get(
    '/annual',
    { schema: { tags: reportTags, summary: '年度报告列表；带 format（及 org、year）时返回该报告：json | html | docx | xlsx', querystring: ReportListQuery } },
    async (req, reply) => {
      const { org, year, format } = req.query;
      if (!format) return { items: await svc.listReports(ctxOf(req), org, year) };
      if (!org || !year)
        throw new AppError('VALIDATION_FAILED', '导出报告须指定「单位」和「年度」', [{ field: org ? 'year' : 'org', message: '导出报告须指定「单位」和「年度」' }]);
      return sendExport(reply, await svc.exportByOrgYear(ctxOf(req), org, year, format));
    },
  );
  app.post('/annual', { schema: { tags: reportTags, summary: '新建年度报告草稿（沿用上年的叙述与模板）', body: ReportCreate, response: { 200: ReportPreview } } }, async (req) =>
    svc.createReport(ctxOf(req), req.body),
  );
  app.get('/annual/:id', { schema: { tags: reportTags, summary: '报告预览（数字由记录实时计算）与报告体检', params: IdParams, response: { 200: ReportPreview } } }, async (req) =>
    svc.preview(ctxOf(req), req.params.id),
  );
  app.patch('/annual/:id', { schema: { tags: reportTags, summary: '修改叙述段或模板', params: IdParams, body: ReportUpdate, response: { 200: ReportPreview } } }, async (req) =>
    svc.updateReport(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/annual/:id/approve',
    { schema: { tags: reportTags, summary: '镇领导审定（体检有与记录不符之处时拒绝）', params: IdParams, body: VersionBody, response: { 200: ReportPreview } } },
    async (req) => svc.approveReport(ctxOf(req), req.params.id, req.body.version),
  );
  app.post(
    '/annual/:id/return',
    {
      schema: {
        tags: reportTags,
        summary: '镇领导退回已审定的报告（回到草稿）',
        params: IdParams,
        body: Type.Object({ version: Version, reason: Text('退回原因', 500) }, { additionalProperties: false }),
        response: { 200: ReportPreview },
      },
    },
    async (req) => svc.returnReport(ctxOf(req), req.params.id, req.body.version, req.body.reason),
  );
  app.post(
    '/annual/:id/publish',
    { schema: { tags: reportTags, summary: '标记已向社会公开', params: IdParams, body: VersionBody, response: { 200: ReportPreview } } },
    async (req) => svc.publishReport(ctxOf(req), req.params.id, req.body.version),
  );
  app.get('/annual/:id/docx', { schema: { tags: reportTags, summary: '导出 Word（公文格式，GB/T 9704-2012，附主要指标统计表）', params: IdParams } }, async (req, reply) =>
    sendExport(reply, await svc.exportReport(ctxOf(req), req.params.id, 'docx')),
  );
  app.post(
    '/check',
    { schema: { tags: reportTags, summary: '报告体检：检查粘贴的文字', body: CheckTextBody, response: { 200: Type.Object({ problems: Type.Array(ReportProblem) }) } } },
    async (req) => ({
      problems: await svc.checkText(ctxOf(req), req.body.org, req.body.year, req.body.text),
    }),
  );
};
