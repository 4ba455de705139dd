import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import {
  ArchiveBody,
  Body,
  BodyCreate,
  BodyUpdate,
  CaseDetail,
  CaseListItem,
  CaseQuery,
  CertificateCreate,
  ChainVerification,
  CloseBody,
  ClueCreate,
  ClueUpdate,
  ConcludeBody,
  CourtEnforcementCreate,
  DecideBody,
  DecisionChangeBody,
  DiscussionCreate,
  DocumentParams,
  EvidenceCreate,
  ExtendBody,
  FileReview,
  FileReviewCreate,
  FilingDecision,
  FilingRequest,
  Finding,
  FindingQuery,
  HearingRecord,
  HearingRequestCreate,
  HearingSchedule,
  HearingWaiveBody,
  LegalReviewCreate,
  LegalReviewer,
  LegalReviewerCreate,
  LegalReviewerUpdate,
  NoticeCreate,
  Officer,
  OfficerCreate,
  OfficerUpdate,
  PaymentCreate,
  PaymentPlanCreate,
  Power,
  PowerCreate,
  PowerUpdate,
  PreservationCreate,
  PreservationHandle,
  PublicEnforcement,
  PublishBody,
  RecheckBody,
  RectifyBody,
  Round,
  RoundCreate,
  ServeBody,
  SimpleCaseCreate,
  Standard,
  StandardCreate,
  StatementsCreate,
  Stats,
  StatsQuery,
  TimelineEvent,
  WithdrawBody,
} from '../../../domain/enforcement/contracts.ts';
import { IdParams, Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as cases from './case.service.ts';
import { caseDocument, exportCaseFile } from './case-file.service.ts';
import * as svc from './enforcement.service.ts';
import * as reviews from './review.service.ts';

const Items = <T extends Parameters<typeof Type.Array>[0]>(t: T) => Type.Object({ items: Type.Array(t) });

const download = (reply: FastifyReply, file: { filename: string; buffer: Buffer }, mime: string) =>
  reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'no-store')
    .send(file.buffer);

export const enforcementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const reg = ['行政执法：主体、人员、权责清单'];
  app.get('/bodies', { schema: { tags: reg, summary: '执法主体', response: { 200: Items(Body) } } }, async (req) => ({ items: await svc.listBodies(ctxOf(req)) }));
  app.post('/bodies', { schema: { tags: reg, summary: '登记执法主体', body: BodyCreate, response: { 200: Body } } }, async (req) => svc.createBody(ctxOf(req), req.body));
  app.patch('/bodies/:id', { schema: { tags: reg, summary: '修改执法主体', params: IdParams, body: BodyUpdate, response: { 200: Body } } }, async (req) =>
    svc.updateBody(ctxOf(req), req.params.id, req.body),
  );
  app.get('/officers', { schema: { tags: reg, summary: '执法人员及执法证件（到期前30日提醒）', response: { 200: Items(Officer) } } }, async (req) => ({
    items: await svc.listOfficers(ctxOf(req)),
  }));
  app.post('/officers', { schema: { tags: reg, summary: '登记执法人员', body: OfficerCreate, response: { 200: Officer } } }, async (req) =>
    svc.createOfficer(ctxOf(req), req.body),
  );
  app.patch('/officers/:id', { schema: { tags: reg, summary: '修改执法人员', params: IdParams, body: OfficerUpdate, response: { 200: Officer } } }, async (req) =>
    svc.updateOfficer(ctxOf(req), req.params.id, req.body),
  );
  app.get('/legal-reviewers', { schema: { tags: reg, summary: '法制审核人员（初次从事的须取得法律职业资格）', response: { 200: Items(LegalReviewer) } } }, async (req) => ({
    items: await svc.listLegalReviewers(ctxOf(req)),
  }));
  app.post('/legal-reviewers', { schema: { tags: reg, summary: '登记法制审核人员', body: LegalReviewerCreate, response: { 200: LegalReviewer } } }, async (req) =>
    svc.createLegalReviewer(ctxOf(req), req.body),
  );
  app.patch(
    '/legal-reviewers/:id',
    { schema: { tags: reg, summary: '修改法制审核人员', params: IdParams, body: LegalReviewerUpdate, response: { 200: LegalReviewer } } },
    async (req) => svc.updateLegalReviewer(ctxOf(req), req.params.id, req.body),
  );
  app.post('/officers/:id/certificates', { schema: { tags: reg, summary: '登记执法证件', params: IdParams, body: CertificateCreate, response: { 200: Officer } } }, async (req) =>
    svc.addCertificate(ctxOf(req), req.params.id, req.body),
  );
  app.post('/certificates/:id/void', { schema: { tags: reg, summary: '作废执法证件', params: IdParams, body: VoidBody, response: { 200: Officer } } }, async (req) =>
    svc.voidCertificate(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/staff',
    {
      schema: {
        tags: reg,
        summary: '本镇执法相关人员（领导、法治办、执法人员、法制审核员）',
        response: { 200: Items(Type.Object({ userId: Type.Integer(), name: Type.String(), roles: Type.Array(Type.String()) })) },
      },
    },
    async (req) => ({ items: await svc.listStaff(ctxOf(req)) }),
  );
  app.get('/powers', { schema: { tags: reg, summary: '权责清单（行政处罚事项）', response: { 200: Items(Power) } } }, async (req) => ({ items: await svc.listPowers(ctxOf(req)) }));
  app.post('/powers', { schema: { tags: reg, summary: '新增处罚事项', body: PowerCreate, response: { 200: Power } } }, async (req) => svc.createPower(ctxOf(req), req.body));
  app.patch('/powers/:id', { schema: { tags: reg, summary: '修改处罚事项', params: IdParams, body: PowerUpdate, response: { 200: Power } } }, async (req) =>
    svc.updatePower(ctxOf(req), req.params.id, req.body),
  );

  const tags = ['行政执法：案件'];
  app.get(
    '/cases',
    { schema: { tags, summary: '案件列表（attention：due 将到期 / overdue 已逾期 / blocked 受阻）', querystring: CaseQuery, response: { 200: Page(CaseListItem) } } },
    async (req) => cases.listCases(ctxOf(req), req.query),
  );
  app.get('/cases/:id', { schema: { tags, summary: '案件详情', params: IdParams, response: { 200: CaseDetail } } }, async (req) => cases.getCase(ctxOf(req), req.params.id));
  app.post('/cases', { schema: { tags, summary: '登记案件线索（普通程序）', body: ClueCreate, response: { 200: CaseDetail } } }, async (req) =>
    cases.createClue(ctxOf(req), req.body),
  );
  app.post('/cases/simple', { schema: { tags, summary: '当场处罚（简易程序）', body: SimpleCaseCreate, response: { 200: CaseDetail } } }, async (req) =>
    cases.createSimpleCase(ctxOf(req), req.body),
  );

  const action = <S extends Parameters<typeof Type.Object>[0]>(
    path: string,
    summary: string,
    body: ReturnType<typeof Type.Object<S>>,
    run: (ctx: ReturnType<typeof ctxOf>, id: number, b: any) => Promise<unknown>,
  ) =>
    app.post(
      `/cases/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body, response: { 200: CaseDetail } } },
      async (req) => run(ctxOf(req), req.params.id, req.body) as Promise<CaseDetail>,
    );
  action('clue', '修改线索（提请立案前）', ClueUpdate, cases.editClue);
  action('request-filing', '提请立案审批', FilingRequest, cases.requestFiling);
  action('filing-decision', '审批立案（负责人）', FilingDecision, cases.decideFiling);
  action('extend', '延长办案期限（负责人）', ExtendBody, cases.extendDeadline);
  action('evidence', '登记证据（先通过 /api/attachments 上传文件）', EvidenceCreate, cases.addEvidence);
  action('conclude', '调查终结', ConcludeBody, cases.conclude);
  action('legal-review', '法制审核', LegalReviewCreate, cases.legalReview);
  action('discussion', '负责人集体讨论', DiscussionCreate, cases.recordDiscussion);
  action('notice', '送达事先告知书', NoticeCreate, cases.notify);
  action('statements', '记录陈述申辩及复核', StatementsCreate, cases.recordStatements);
  action('hearing-request', '受理听证申请', HearingRequestCreate, cases.requestHearing);
  action('hearing-waive', '当事人放弃听证', HearingWaiveBody, cases.waiveHearing);
  action('hearing-schedule', '安排听证并通知', HearingSchedule, cases.scheduleHearing);
  action('hearing-record', '记录听证', HearingRecord, cases.recordHearing);
  action('decision', '作出决定（负责人）', DecideBody, cases.decide);
  action('service', '送达决定书', ServeBody, cases.serve);
  action('preservation', '先行登记保存证据（负责人批准）', PreservationCreate, cases.preserveEvidence);
  action('preservation-handling', '先行登记保存处理决定', PreservationHandle, cases.handlePreservation);
  action('payment', '登记缴款', PaymentCreate, cases.recordPayment);
  action('payment-plan', '批准暂缓或分期缴纳罚款', PaymentPlanCreate, cases.approvePaymentPlan);
  action('court-enforcement', '申请人民法院强制执行', CourtEnforcementCreate, cases.applyCourtEnforcement);
  action('close', '结案', CloseBody, cases.close);
  action('archive', '归档', ArchiveBody, cases.archive);
  action('decision-change', '登记决定被变更、撤销', DecisionChangeBody, cases.recordDecisionChange);
  action('publish', '公示处罚决定', PublishBody, cases.publish);
  action('withdraw', '撤回公示信息', WithdrawBody, cases.withdrawPublication);

  app.get('/cases/:id/timeline', { schema: { tags, summary: '全过程记录', params: IdParams, response: { 200: Items(TimelineEvent) } } }, async (req) => ({
    items: await cases.timeline(ctxOf(req), req.params.id),
  }));
  app.get('/cases/:id/verify', { schema: { tags, summary: '校验案件哈希链（SM3）', params: IdParams, response: { 200: ChainVerification } } }, async (req) =>
    cases.verifyChain(ctxOf(req), req.params.id),
  );
  app.get('/cases/:id/documents/:kind', { schema: { tags, summary: '生成文书（.docx，GB/T 9704）', params: DocumentParams } }, async (req, reply) =>
    download(reply, await caseDocument(ctxOf(req), req.params.id, req.params.kind), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  );
  app.get('/cases/:id/export', { schema: { tags, summary: '导出案卷（zip：目录、文书、证据、全过程记录）', params: IdParams } }, async (req, reply) =>
    download(reply, await exportCaseFile(ctxOf(req), req.params.id), 'application/zip'),
  );

  const rtags = ['行政执法：案卷评查与统计'];
  app.get('/review-standards', { schema: { tags: rtags, summary: '评查标准', response: { 200: Items(Standard) } } }, async (req) => ({
    items: await reviews.listStandards(ctxOf(req)),
  }));
  app.post('/review-standards', { schema: { tags: rtags, summary: '新增评查标准', body: StandardCreate, response: { 200: Standard } } }, async (req) =>
    reviews.createStandard(ctxOf(req), req.body),
  );
  app.get('/review-rounds', { schema: { tags: rtags, summary: '评查（如月度案卷自查）', response: { 200: Items(Round) } } }, async (req) => ({
    items: await reviews.listRounds(ctxOf(req)),
  }));
  app.post('/review-rounds', { schema: { tags: rtags, summary: '新增评查', body: RoundCreate, response: { 200: Round } } }, async (req) =>
    reviews.createRound(ctxOf(req), req.body),
  );
  app.get(
    '/review-rounds/:id/file-reviews',
    { schema: { tags: rtags, summary: '本次评查的案卷评分与问题', params: IdParams, response: { 200: Items(FileReview) } } },
    async (req) => ({
      items: await reviews.listFileReviews(ctxOf(req), req.params.id),
    }),
  );
  app.post(
    '/review-rounds/:id/file-reviews',
    { schema: { tags: rtags, summary: '评查一本案卷（评分、问题、整改责任人）', params: IdParams, body: FileReviewCreate, response: { 200: Items(FileReview) } } },
    async (req) => ({ items: await reviews.createFileReview(ctxOf(req), req.params.id, req.body) }),
  );
  app.get('/findings', { schema: { tags: rtags, summary: '评查发现的问题', querystring: FindingQuery, response: { 200: Page(Finding) } } }, async (req) =>
    reviews.listFindings(ctxOf(req), req.query),
  );
  app.post('/findings/:id/rectify', { schema: { tags: rtags, summary: '登记整改', params: IdParams, body: RectifyBody, response: { 200: Finding } } }, async (req) =>
    reviews.rectify(ctxOf(req), req.params.id, req.body),
  );
  app.post('/findings/:id/recheck', { schema: { tags: rtags, summary: '复查（通过则销号）', params: IdParams, body: RecheckBody, response: { 200: Finding } } }, async (req) =>
    reviews.recheck(ctxOf(req), req.params.id, req.body),
  );
  app.get('/stats', { schema: { tags: rtags, summary: '执法统计', querystring: StatsQuery, response: { 200: Stats } } }, async (req) => reviews.stats(ctxOf(req), req.query));
};

/** 公示: no login (body, officers with certificate numbers, powers, published decisions with personal data masked). */
export const publicEnforcementRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { config: { public: true }, schema: { tags: ['公开：行政执法公示'], summary: '行政执法公示（无需登录）', response: { 200: PublicEnforcement } } }, async () =>
    svc.publicPortal(app.platform.db),
  );
};
