import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Page, VoidBody } from '../../../domain/platform/contracts.ts';
import {
  Campaign,
  CampaignCreate,
  CampaignQuery,
  CampaignUpdate,
  CatalogEntry,
  EventCreate,
  EventQuery,
  EventUpdate,
  KeyDateItem,
  KeyDatesQuery,
  Law,
  LawCheckBody,
  LawCheckResult,
  LawCreate,
  LawQuery,
  LawUpdate,
  Plan,
  PlanCreate,
  PlanQuery,
  PlanUpdate,
  PublicityEvent,
  PublicitySummary,
  ResponsibilityCreate,
  ResponsibilityUpdate,
  YearQuery,
} from '../../../domain/publicity/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './publicity.service.ts';

const tags = ['普法宣传'];

export const publicityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/laws', { schema: { tags, summary: '法律法规库', querystring: LawQuery, response: { 200: Page(Law) } } }, async (req) => svc.listLaws(ctxOf(req), req.query));
  app.get('/laws/catalog', { schema: { tags, summary: '完整目录（用于已废止法律提示）', response: { 200: Type.Object({ items: Type.Array(CatalogEntry) }) } } }, async (req) => ({
    items: await svc.catalog(ctxOf(req)),
  }));
  app.post('/laws/check', { schema: { tags, summary: '检查文本中《》所列法律及所选法律是否已废止', body: LawCheckBody, response: { 200: LawCheckResult } } }, async (req) =>
    svc.checkText(ctxOf(req), req.body),
  );
  app.get('/laws/:id', { schema: { tags, summary: '法律法规详情', params: IdParams, response: { 200: Law } } }, async (req) => svc.getLaw(ctxOf(req), req.params.id));
  app.post('/laws', { schema: { tags, summary: '新增法律法规', body: LawCreate, response: { 200: Law } } }, async (req) => svc.createLaw(ctxOf(req), req.body));
  app.patch('/laws/:id', { schema: { tags, summary: '修改法律法规（含废止、被何法取代）', params: IdParams, body: LawUpdate, response: { 200: Law } } }, async (req) =>
    svc.updateLaw(ctxOf(req), req.params.id, req.body),
  );

  app.get('/plans', { schema: { tags, summary: '年度普法计划与责任清单', querystring: PlanQuery, response: { 200: Type.Object({ items: Type.Array(Plan) }) } } }, async (req) => ({
    items: await svc.listPlans(ctxOf(req), req.query),
  }));
  app.get('/plans/:id', { schema: { tags, summary: '普法计划详情', params: IdParams, response: { 200: Plan } } }, async (req) => svc.getPlan(ctxOf(req), req.params.id));
  app.post('/plans', { schema: { tags, summary: '制定年度普法计划', body: PlanCreate, response: { 200: Plan } } }, async (req) => svc.createPlan(ctxOf(req), req.body));
  app.patch('/plans/:id', { schema: { tags, summary: '修改普法计划', params: IdParams, body: PlanUpdate, response: { 200: Plan } } }, async (req) =>
    svc.updatePlan(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/plans/:id/responsibilities',
    { schema: { tags, summary: '新增责任清单条目（谁执法谁普法）', params: IdParams, body: ResponsibilityCreate, response: { 200: Plan } } },
    async (req) => svc.addResponsibility(ctxOf(req), req.params.id, req.body),
  );
  app.patch('/responsibilities/:id', { schema: { tags, summary: '修改责任清单条目', params: IdParams, body: ResponsibilityUpdate, response: { 200: Plan } } }, async (req) =>
    svc.updateResponsibility(ctxOf(req), req.params.id, req.body),
  );
  app.post('/responsibilities/:id/void', { schema: { tags, summary: '作废责任清单条目', params: IdParams, body: VoidBody, response: { 200: Plan } } }, async (req) =>
    svc.voidResponsibility(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/key-dates',
    { schema: { tags, summary: '宣传节点与提醒', querystring: KeyDatesQuery, response: { 200: Type.Object({ year: Type.Integer(), items: Type.Array(KeyDateItem) }) } } },
    async (req) => svc.listKeyDates(ctxOf(req), req.query.year, req.query.daysAhead),
  );
  app.get('/campaigns', { schema: { tags, summary: '主题宣传活动', querystring: CampaignQuery, response: { 200: Page(Campaign) } } }, async (req) =>
    svc.listCampaigns(ctxOf(req), req.query),
  );
  app.get('/campaigns/:id', { schema: { tags, summary: '主题宣传活动详情', params: IdParams, response: { 200: Campaign } } }, async (req) =>
    svc.getCampaign(ctxOf(req), req.params.id),
  );
  app.post('/campaigns', { schema: { tags, summary: '新建主题宣传活动', body: CampaignCreate, response: { 200: Campaign } } }, async (req) =>
    svc.createCampaign(ctxOf(req), req.body),
  );
  app.patch('/campaigns/:id', { schema: { tags, summary: '修改主题宣传活动', params: IdParams, body: CampaignUpdate, response: { 200: Campaign } } }, async (req) =>
    svc.updateCampaign(ctxOf(req), req.params.id, req.body),
  );

  app.get('/events', { schema: { tags, summary: '普法活动', querystring: EventQuery, response: { 200: Page(PublicityEvent) } } }, async (req) =>
    svc.listEvents(ctxOf(req), req.query),
  );
  app.get('/events/:id', { schema: { tags, summary: '普法活动详情', params: IdParams, response: { 200: PublicityEvent } } }, async (req) =>
    svc.getEvent(ctxOf(req), req.params.id),
  );
  app.post('/events', { schema: { tags, summary: '登记普法活动', body: EventCreate, response: { 200: PublicityEvent } } }, async (req) => svc.createEvent(ctxOf(req), req.body));
  app.patch('/events/:id', { schema: { tags, summary: '修改普法活动', params: IdParams, body: EventUpdate, response: { 200: PublicityEvent } } }, async (req) =>
    svc.updateEvent(ctxOf(req), req.params.id, req.body),
  );
  app.post('/events/:id/void', { schema: { tags, summary: '作废普法活动', params: IdParams, body: VoidBody, response: { 200: PublicityEvent } } }, async (req) =>
    svc.voidEvent(ctxOf(req), req.params.id, req.body),
  );

  app.get('/summary', { schema: { tags, summary: '年度普法数字', querystring: YearQuery, response: { 200: PublicitySummary } } }, async (req) =>
    svc.summary(ctxOf(req), req.query.year),
  );
};
