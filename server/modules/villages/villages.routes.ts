import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, Input, Page, VoidBody } from '../../../domain/platform/contracts.ts';
import {
  Disclosure,
  DisclosureCreate,
  DisclosureUpdate,
  Hearing,
  HearingCreate,
  HearingUpdate,
  Honour,
  HonourCreate,
  HonourEnd,
  HonourName,
  HonourQuery,
  HonourRecommend,
  HonourUpdate,
  Inspection,
  InspectionConclude,
  InspectionCreate,
  InspectionItemUpdate,
  InspectionQuery,
  InspectionSubmit,
  ReminderQuery,
  RuleAdoption,
  RuleVersionCreate,
  Village,
  VillageListQuery,
  VillageProfileUpdate,
  VillageRule,
  VillageRuleCreate,
  VillageRuleQuery,
  VillageRuleUpdate,
  VillagesSummary,
  YearQuery,
} from '../../../domain/villages/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './villages.service.ts';

const tags = ['民主法治村'];
const ItemParams = Input({ id: Type.Integer({ title: '编号', minimum: 1 }), itemId: Type.Integer({ title: '项目编号', minimum: 1 }) });
const VersionParams = Input({ id: Type.Integer({ title: '编号', minimum: 1 }), versionId: Type.Integer({ title: '版本编号', minimum: 1 }) });

export const villagesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { tags, summary: '村（社区）列表与概况', response: { 200: Type.Object({ items: Type.Array(Village) }) } } }, async (req) => ({
    items: await svc.listVillages(ctxOf(req)),
  }));
  app.get('/summary', { schema: { tags, summary: '年度数字（示范村、复核、听证、村规民约、公开）', querystring: YearQuery, response: { 200: VillagesSummary } } }, async (req) =>
    svc.summary(ctxOf(req), req.query.year),
  );
  app.get('/units/:id', { schema: { tags, summary: '某村概况', params: IdParams, response: { 200: Village } } }, async (req) => svc.getVillage(ctxOf(req), req.params.id));
  app.patch('/units/:id/profile', { schema: { tags, summary: '保存村情概况', params: IdParams, body: VillageProfileUpdate, response: { 200: Village } } }, async (req) =>
    svc.saveProfile(ctxOf(req), req.params.id, req.body),
  );

  app.get('/honours', { schema: { tags, summary: '民主法治示范村称号', querystring: HonourQuery, response: { 200: Page(Honour) } } }, async (req) =>
    svc.listHonours(ctxOf(req), req.query),
  );
  app.get(
    '/honours/reminders',
    { schema: { tags, summary: '复核即将到期或已逾期的称号', querystring: ReminderQuery, response: { 200: Type.Object({ items: Type.Array(Honour) }) } } },
    async (req) => ({ items: await svc.reviewReminders(ctxOf(req), req.query.daysAhead) }),
  );
  app.get('/honours/:id', { schema: { tags, summary: '称号详情', params: IdParams, response: { 200: Honour } } }, async (req) => svc.getHonour(ctxOf(req), req.params.id));
  app.post('/honours', { schema: { tags, summary: '申报或登记称号', body: HonourCreate, response: { 200: Honour } } }, async (req) => svc.createHonour(ctxOf(req), req.body));
  app.patch('/honours/:id', { schema: { tags, summary: '修改称号信息', params: IdParams, body: HonourUpdate, response: { 200: Honour } } }, async (req) =>
    svc.updateHonour(ctxOf(req), req.params.id, req.body),
  );
  app.post('/honours/:id/recommend', { schema: { tags, summary: '推荐', params: IdParams, body: HonourRecommend, response: { 200: Honour } } }, async (req) =>
    svc.recommendHonour(ctxOf(req), req.params.id, req.body),
  );
  app.post('/honours/:id/name', { schema: { tags, summary: '命名', params: IdParams, body: HonourName, response: { 200: Honour } } }, async (req) =>
    svc.nameHonour(ctxOf(req), req.params.id, req.body),
  );
  app.post('/honours/:id/end', { schema: { tags, summary: '未获命名、撤销或注销', params: IdParams, body: HonourEnd, response: { 200: Honour } } }, async (req) =>
    svc.endHonour(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/honours/:id/inspections',
    { schema: { tags, summary: '开始复核（按指导标准生成自评清单）', params: IdParams, body: InspectionCreate, response: { 200: Inspection } } },
    async (req) => svc.createInspection(ctxOf(req), req.params.id, req.body),
  );

  app.get('/inspections', { schema: { tags, summary: '复核记录', querystring: InspectionQuery, response: { 200: Page(Inspection) } } }, async (req) =>
    svc.listInspections(ctxOf(req), req.query),
  );
  app.get('/inspections/:id', { schema: { tags, summary: '复核详情与自评清单', params: IdParams, response: { 200: Inspection } } }, async (req) =>
    svc.getInspection(ctxOf(req), req.params.id),
  );
  app.patch(
    '/inspections/:id/items/:itemId',
    { schema: { tags, summary: '自评一项（结果、佐证材料）', params: ItemParams, body: InspectionItemUpdate, response: { 200: Inspection } } },
    async (req) => svc.updateItem(ctxOf(req), req.params.id, req.params.itemId, req.body),
  );
  app.post('/inspections/:id/submit', { schema: { tags, summary: '提交自评', params: IdParams, body: InspectionSubmit, response: { 200: Inspection } } }, async (req) =>
    svc.submitInspection(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/inspections/:id/conclude',
    { schema: { tags, summary: '登记复核结论（保留/撤销/注销）', params: IdParams, body: InspectionConclude, response: { 200: Inspection } } },
    async (req) => svc.concludeInspection(ctxOf(req), req.params.id, req.body),
  );

  app.get('/rules', { schema: { tags, summary: '村规民约、自治章程等制度', querystring: VillageRuleQuery, response: { 200: Page(VillageRule) } } }, async (req) =>
    svc.listRules(ctxOf(req), req.query),
  );
  app.get('/rules/:id', { schema: { tags, summary: '制度及其各版本', params: IdParams, response: { 200: VillageRule } } }, async (req) => svc.getRule(ctxOf(req), req.params.id));
  app.post('/rules', { schema: { tags, summary: '新建制度', body: VillageRuleCreate, response: { 200: VillageRule } } }, async (req) => svc.createRule(ctxOf(req), req.body));
  app.patch('/rules/:id', { schema: { tags, summary: '修改制度名称或类别', params: IdParams, body: VillageRuleUpdate, response: { 200: VillageRule } } }, async (req) =>
    svc.updateRule(ctxOf(req), req.params.id, req.body),
  );
  app.post('/rules/:id/void', { schema: { tags, summary: '作废制度', params: IdParams, body: VoidBody, response: { 200: VillageRule } } }, async (req) =>
    svc.voidRule(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/rules/:id/versions',
    { schema: { tags, summary: '新增版本（可同时登记通过的会议）', params: IdParams, body: RuleVersionCreate, response: { 200: VillageRule } } },
    async (req) => svc.addRuleVersion(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/rules/:id/versions/:versionId/adopt',
    { schema: { tags, summary: '登记村民会议/村民代表会议表决通过', params: VersionParams, body: RuleAdoption, response: { 200: VillageRule } } },
    async (req) => svc.adoptRuleVersion(ctxOf(req), req.params.id, req.params.versionId, req.body),
  );

  app.get('/hearings', { schema: { tags, summary: '民主听证', querystring: VillageListQuery, response: { 200: Page(Hearing) } } }, async (req) =>
    svc.listHearings(ctxOf(req), req.query),
  );
  app.get('/hearings/:id', { schema: { tags, summary: '听证详情', params: IdParams, response: { 200: Hearing } } }, async (req) => svc.getHearing(ctxOf(req), req.params.id));
  app.post('/hearings', { schema: { tags, summary: '登记民主听证', body: HearingCreate, response: { 200: Hearing } } }, async (req) => svc.createHearing(ctxOf(req), req.body));
  app.patch('/hearings/:id', { schema: { tags, summary: '修改民主听证', params: IdParams, body: HearingUpdate, response: { 200: Hearing } } }, async (req) =>
    svc.updateHearing(ctxOf(req), req.params.id, req.body),
  );
  app.post('/hearings/:id/void', { schema: { tags, summary: '作废民主听证', params: IdParams, body: VoidBody, response: { 200: Hearing } } }, async (req) =>
    svc.voidHearing(ctxOf(req), req.params.id, req.body),
  );

  app.get('/disclosures', { schema: { tags, summary: '村务/财务公开', querystring: VillageListQuery, response: { 200: Page(Disclosure) } } }, async (req) =>
    svc.listDisclosures(ctxOf(req), req.query),
  );
  app.post('/disclosures', { schema: { tags, summary: '登记公开', body: DisclosureCreate, response: { 200: Disclosure } } }, async (req) =>
    svc.createDisclosure(ctxOf(req), req.body),
  );
  app.patch('/disclosures/:id', { schema: { tags, summary: '修改公开记录', params: IdParams, body: DisclosureUpdate, response: { 200: Disclosure } } }, async (req) =>
    svc.updateDisclosure(ctxOf(req), req.params.id, req.body),
  );
  app.post('/disclosures/:id/void', { schema: { tags, summary: '作废公开记录', params: IdParams, body: VoidBody, response: { 200: Disclosure } } }, async (req) =>
    svc.voidDisclosure(ctxOf(req), req.params.id, req.body),
  );
};
