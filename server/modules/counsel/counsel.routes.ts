import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  CounselSummary,
  Engagement,
  EngagementCreate,
  EngagementUpdate,
  HearingIdParams,
  Lawsuit,
  LawsuitAppeal,
  LawsuitConclude,
  LawsuitCreate,
  LawsuitHearingCreate,
  LawsuitHearingUpdate,
  LawsuitPerformance,
  LawsuitQuery,
  LawsuitStats,
  LawsuitUpdate,
  Matter,
  MatterCreate,
  MatterQuery,
  MatterStatusChange,
  MatterUpdate,
  YearQuery,
} from '../../../domain/counsel/contracts.ts';
import { IdParams, Page } from '../../../domain/platform/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './counsel.service.ts';

const tags = ['法律顾问与行政应诉'];

export const counselRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/engagements', { schema: { tags, summary: '法律顾问聘用', response: { 200: Type.Object({ items: Type.Array(Engagement) }) } } }, async (req) => ({
    items: await svc.listEngagements(ctxOf(req)),
  }));
  app.get('/engagements/:id', { schema: { tags, summary: '聘用详情', params: IdParams, response: { 200: Engagement } } }, async (req) =>
    svc.getEngagement(ctxOf(req), req.params.id),
  );
  app.post('/engagements', { schema: { tags, summary: '登记法律顾问聘用', body: EngagementCreate, response: { 200: Engagement } } }, async (req) =>
    svc.createEngagement(ctxOf(req), req.body),
  );
  app.patch('/engagements/:id', { schema: { tags, summary: '修改聘用信息', params: IdParams, body: EngagementUpdate, response: { 200: Engagement } } }, async (req) =>
    svc.updateEngagement(ctxOf(req), req.params.id, req.body),
  );

  app.get('/matters', { schema: { tags, summary: '法律事务（合同审查、合法性审查、项目洽谈、咨询）', querystring: MatterQuery, response: { 200: Page(Matter) } } }, async (req) =>
    svc.listMatters(ctxOf(req), req.query),
  );
  app.get('/matters/:id', { schema: { tags, summary: '法律事务详情', params: IdParams, response: { 200: Matter } } }, async (req) => svc.getMatter(ctxOf(req), req.params.id));
  app.post('/matters', { schema: { tags, summary: '登记法律事务', body: MatterCreate, response: { 200: Matter } } }, async (req) => svc.createMatter(ctxOf(req), req.body));
  app.patch('/matters/:id', { schema: { tags, summary: '修改法律事务', params: IdParams, body: MatterUpdate, response: { 200: Matter } } }, async (req) =>
    svc.updateMatter(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/matters/:id/status',
    { schema: { tags, summary: '开始办理、办结（出具法律意见）或撤回', params: IdParams, body: MatterStatusChange, response: { 200: Matter } } },
    async (req) => svc.changeMatterStatus(ctxOf(req), req.params.id, req.body),
  );

  app.get('/lawsuits', { schema: { tags, summary: '行政诉讼与行政复议', querystring: LawsuitQuery, response: { 200: Page(Lawsuit) } } }, async (req) =>
    svc.listLawsuits(ctxOf(req), req.query),
  );
  app.get('/lawsuits/stats', { schema: { tags, summary: '负责人出庭应诉率、败诉率（分子分母）', querystring: YearQuery, response: { 200: LawsuitStats } } }, async (req) =>
    svc.lawsuitStats(ctxOf(req), req.query.year),
  );
  app.get('/lawsuits/:id', { schema: { tags, summary: '案件详情与开庭记录', params: IdParams, response: { 200: Lawsuit } } }, async (req) =>
    svc.getLawsuit(ctxOf(req), req.params.id),
  );
  app.post('/lawsuits', { schema: { tags, summary: '登记案件', body: LawsuitCreate, response: { 200: Lawsuit } } }, async (req) => svc.createLawsuit(ctxOf(req), req.body));
  app.patch('/lawsuits/:id', { schema: { tags, summary: '修改案件信息', params: IdParams, body: LawsuitUpdate, response: { 200: Lawsuit } } }, async (req) =>
    svc.updateLawsuit(ctxOf(req), req.params.id, req.body),
  );
  app.post('/lawsuits/:id/hearings', { schema: { tags, summary: '登记开庭及出庭人员', params: IdParams, body: LawsuitHearingCreate, response: { 200: Lawsuit } } }, async (req) =>
    svc.addHearing(ctxOf(req), req.params.id, req.body),
  );
  app.patch(
    '/lawsuits/:id/hearings/:hearingId',
    { schema: { tags, summary: '修改开庭记录', params: HearingIdParams, body: LawsuitHearingUpdate, response: { 200: Lawsuit } } },
    async (req) => svc.updateHearing(ctxOf(req), req.params.id, req.params.hearingId, req.body),
  );
  app.post('/lawsuits/:id/conclude', { schema: { tags, summary: '登记裁判结果', params: IdParams, body: LawsuitConclude, response: { 200: Lawsuit } } }, async (req) =>
    svc.concludeLawsuit(ctxOf(req), req.params.id, req.body),
  );
  app.post('/lawsuits/:id/appeal', { schema: { tags, summary: '登记上诉或再审', params: IdParams, body: LawsuitAppeal, response: { 200: Lawsuit } } }, async (req) =>
    svc.appealLawsuit(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/lawsuits/:id/performance',
    { schema: { tags, summary: '登记生效裁判履行情况', params: IdParams, body: LawsuitPerformance, response: { 200: Lawsuit } } },
    async (req) => svc.recordPerformance(ctxOf(req), req.params.id, req.body),
  );

  app.get('/summary', { schema: { tags, summary: '年度数字', querystring: YearQuery, response: { 200: CounselSummary } } }, async (req) => svc.summary(ctxOf(req), req.query.year));
};
