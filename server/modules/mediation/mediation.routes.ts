import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  AcceptBody,
  CloseBody,
  Committee,
  CommitteeCreate,
  CommitteeUpdate,
  Dispute,
  DisputeCreate,
  DisputeListItem,
  DisputeQuery,
  DisputeUpdate,
  FollowUpCreate,
  JudicialApply,
  JudicialResultBody,
  MemberCreate,
  MemberEnd,
  MemberUpdate,
  RefuseBody,
  Reminders,
  SessionCreate,
  SessionParams,
  Statistics,
  StatisticsQuery,
  TrainingCreate,
} from '../../../domain/mediation/contracts.ts';
import { IdParams, Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import { DOCX_MIME } from './agreement.document.ts';
import * as committees from './committee.service.ts';
import * as disputes from './dispute.service.ts';

const committeeTags = ['人民调解委员会'];
const tags = ['矛盾纠纷调解'];

function sendFile(reply: FastifyReply, mime: string, filename: string, buffer: Buffer) {
  reply.header('content-type', mime);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return reply.send(buffer);
}

/** People's mediation (人民调解), mounted at /api/mediation. */
export const mediationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/committees',
    { schema: { tags: committeeTags, summary: '人民调解委员会（在任人员）', response: { 200: Type.Object({ items: Type.Array(Committee) }) } } },
    async (req) => ({
      items: await committees.listCommittees(ctxOf(req)),
    }),
  );
  app.get('/committees/:id', { schema: { tags: committeeTags, summary: '调委会详情（含历任人员与培训记录）', params: IdParams, response: { 200: Committee } } }, async (req) =>
    committees.getCommittee(ctxOf(req), req.params.id),
  );
  app.post('/committees', { schema: { tags: committeeTags, summary: '设立人民调解委员会（委员三至九人）', body: CommitteeCreate, response: { 200: Committee } } }, async (req) =>
    committees.createCommittee(ctxOf(req), req.body),
  );
  app.patch(
    '/committees/:id',
    { schema: { tags: committeeTags, summary: '修改调委会（含换届：新任期起始日期）', params: IdParams, body: CommitteeUpdate, response: { 200: Committee } } },
    async (req) => committees.updateCommittee(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/committees/:id/members',
    { schema: { tags: committeeTags, summary: '增补委员或聘任调解员', params: IdParams, body: MemberCreate, response: { 200: Committee } } },
    async (req) => committees.addMember(ctxOf(req), req.params.id, req.body),
  );
  app.patch(
    '/committee-members/:id',
    { schema: { tags: committeeTags, summary: '修改人员信息', params: IdParams, body: MemberUpdate, response: { 200: Committee } } },
    async (req) => committees.updateMember(ctxOf(req), req.params.id, req.body),
  );
  app.post('/committee-members/:id/end', { schema: { tags: committeeTags, summary: '离任', params: IdParams, body: MemberEnd, response: { 200: Committee } } }, async (req) =>
    committees.endMember(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/committee-members/:id/trainings',
    { schema: { tags: committeeTags, summary: '登记业务培训', params: IdParams, body: TrainingCreate, response: { 200: Committee } } },
    async (req) => committees.addTraining(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/disputes',
    {
      schema: { tags, summary: '纠纷台账（可按状态、类型、发生地、超期、本周到期筛选，按当事人或编号检索）', querystring: DisputeQuery, response: { 200: Page(DisputeListItem) } },
    },
    async (req) => disputes.listDisputes(ctxOf(req), req.query),
  );
  app.get('/reminders', { schema: { tags, summary: '待办提醒：超期、本周到期、司法确认期限、调委会换届', response: { 200: Reminders } } }, async (req) =>
    disputes.reminders(ctxOf(req)),
  );
  app.get(
    '/statistics',
    { schema: { tags, summary: '统计：按调委会层级、发生地、类型、月份；调解成功率', querystring: StatisticsQuery, response: { 200: Statistics } } },
    async (req) => disputes.statistics(ctxOf(req), req.query),
  );
  app.post('/disputes', { schema: { tags, summary: '登记纠纷', body: DisputeCreate, response: { 200: Dispute } } }, async (req) => disputes.registerDispute(ctxOf(req), req.body));
  app.get('/disputes/:id', { schema: { tags, summary: '纠纷详情', params: IdParams, response: { 200: Dispute } } }, async (req) => disputes.getDispute(ctxOf(req), req.params.id));
  app.patch('/disputes/:id', { schema: { tags, summary: '修改登记信息（办结前）', params: IdParams, body: DisputeUpdate, response: { 200: Dispute } } }, async (req) =>
    disputes.updateDispute(ctxOf(req), req.params.id, req.body),
  );
  app.post('/disputes/:id/accept', { schema: { tags, summary: '受理并指定调解员', params: IdParams, body: AcceptBody, response: { 200: Dispute } } }, async (req) =>
    disputes.acceptDispute(ctxOf(req), req.params.id, req.body),
  );
  app.post('/disputes/:id/refuse', { schema: { tags, summary: '当事人明确拒绝调解（第十七条）', params: IdParams, body: RefuseBody, response: { 200: Dispute } } }, async (req) =>
    disputes.refuseDispute(ctxOf(req), req.params.id, req.body),
  );
  app.post('/disputes/:id/sessions', { schema: { tags, summary: '记录调解', params: IdParams, body: SessionCreate, response: { 200: Dispute } } }, async (req) =>
    disputes.recordSession(ctxOf(req), req.params.id, req.body),
  );
  app.patch(
    '/disputes/:id/sessions/:sessionId',
    { schema: { tags, summary: '修改调解记录（调解中）', params: SessionParams, body: SessionCreate, response: { 200: Dispute } } },
    async (req) => disputes.updateSession(ctxOf(req), req.params.id, req.params.sessionId, req.body),
  );
  app.post(
    '/disputes/:id/close',
    { schema: { tags, summary: '办结：调解成功（书面/口头协议）、调解不成或终止', params: IdParams, body: CloseBody, response: { 200: Dispute } } },
    async (req) => disputes.closeDispute(ctxOf(req), req.params.id, req.body),
  );
  app.post('/disputes/:id/follow-ups', { schema: { tags, summary: '回访', params: IdParams, body: FollowUpCreate, response: { 200: Dispute } } }, async (req) =>
    disputes.addFollowUp(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/disputes/:id/judicial',
    { schema: { tags, summary: '申请司法确认（协议生效之日起三十日内）', params: IdParams, body: JudicialApply, response: { 200: Dispute } } },
    async (req) => disputes.applyJudicial(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/disputes/:id/judicial/result',
    { schema: { tags, summary: '登记司法确认结果', params: IdParams, body: JudicialResultBody, response: { 200: Dispute } } },
    async (req) => disputes.recordJudicialResult(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/disputes/:id/void',
    { schema: { tags, summary: '作废（登记错误）', params: IdParams, body: VoidBody, response: { 200: Type.Object({ id: Type.Integer(), voided: Type.Literal(true) }) } } },
    async (req) => disputes.voidDispute(ctxOf(req), req.params.id, req.body),
  );
  app.get('/disputes/:id/agreement.docx', { schema: { tags, summary: '人民调解协议书（.docx，供签名）', params: IdParams } }, async (req, reply) => {
    const { filename, buffer } = await disputes.printAgreement(ctxOf(req), req.params.id);
    return sendFile(reply, DOCX_MIME, filename, buffer);
  });
};
