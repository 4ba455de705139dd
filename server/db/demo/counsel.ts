import type { MatterCreate } from '../../../domain/counsel/contracts.ts';
import { addDays, shanghaiDate } from '../../../domain/platform/dates.ts';
import * as counsel from '../../modules/counsel/counsel.service.ts';
import type { Ctx } from '../../platform/context.ts';
import type { DemoUnits } from './modules.ts';

/**
 * 四棵树镇's legal counsel (seed report 二(一)2): a law firm retained as 常年法律顾问 (陈律师 = demo user guwen) taking part
 * in project negotiations and contract reviews, a legality review of a major decision, and one administrative lawsuit
 * where the 镇长 appeared in court (负责人出庭应诉). Firm, parties and case number are illustrative. Two matters are
 * dated from today so the overdue flag has something to show.
 */
const TOWN = '四棵树镇';

type DoneMatter = Omit<MatterCreate, 'orgUnitId' | 'engagementId'> & { completedOn: string; opinion: string };
const done2024: DoneMatter[] = [
  {
    kind: 'legality_review',
    title: '《关于调整镇区农贸市场摊位费收取标准的决定（草案）》合法性审查',
    requester: '党政办公室',
    receivedOn: '2024-03-01',
    deadline: '2024-03-08',
    completedOn: '2024-03-06',
    counselName: '陈律师',
    opinion: '草案制定主体适格；收费项目有依据，但调整标准前应进行成本测算并听取经营户意见，建议补充公开征求意见程序后提交镇党委会议集体讨论。',
  },
  {
    kind: 'consultation',
    title: '四棵树村机动地公开竞价发包程序咨询',
    requester: '四棵树村民委员会',
    receivedOn: '2024-03-12',
    deadline: '2024-03-15',
    completedOn: '2024-03-13',
    counselName: '陈律师',
    opinion: '机动地发包方案应经村民会议三分之二以上成员或三分之二以上村民代表同意，并报镇政府批准；竞价结果应公示。',
  },
  {
    kind: 'negotiation',
    title: '设施农业光伏一体化项目投资洽谈',
    requester: '党政办公室',
    receivedOn: '2024-05-06',
    deadline: '2024-06-30',
    completedOn: '2024-06-25',
    counselName: '陈律师',
    amount: '12000000.00',
    opinion: '参与三轮洽谈；提示土地性质须为设施农业用地、不得占用永久基本农田，投资协议应明确违约责任和退出机制，已出具书面意见。',
  },
  {
    kind: 'contract_review',
    title: '四棵树村村道硬化工程施工合同审查',
    requester: '党政办公室',
    receivedOn: '2024-06-10',
    deadline: '2024-06-17',
    completedOn: '2024-06-14',
    counselName: '陈律师',
    amount: '860000.00',
    opinion: '建议明确工程质量保修期、进度款支付节点与竣工结算审计条款，增加农民工工资专户条款。',
  },
  {
    kind: 'contract_review',
    title: '镇区供暖设施维护服务合同审查',
    requester: '党政办公室',
    receivedOn: '2024-09-03',
    deadline: '2024-09-10',
    completedOn: '2024-09-12',
    counselName: '王律师',
    amount: '185000.00',
    opinion: '服务标准与考核办法不明确，建议附服务质量考核细则；违约金比例过高部分可能不被支持，建议调整。',
  },
];

export async function loadCounselDemo(ctx: Ctx, units: DemoUnits): Promise<void> {
  const town = units.get(TOWN) as number;
  const guwen = await ctx.db.selectFrom('users').select('id').where('username', '=', 'guwen').executeTakeFirst();
  const engagement = await counsel.createEngagement(ctx, {
    orgUnitId: town,
    firm: '乌苏市明法律师事务所',
    lawyers: ['陈律师', '王律师'],
    leadUserId: guwen?.id ?? null,
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
    scope: '重大决策合法性审查、合同审查、重大项目洽谈、行政诉讼和行政复议代理、法律咨询、参与矛盾纠纷化解和"法律服务进村"',
    fee: '72000.00',
    contractNo: 'SKS-FLGW-2024-01',
  });

  for (const { completedOn, opinion, ...m } of done2024) {
    const matter = await counsel.createMatter(ctx, { ...m, orgUnitId: town, engagementId: engagement.id });
    await counsel.changeMatterStatus(ctx, matter.id, { status: 'done', completedOn, opinion, version: matter.version });
  }
  const today = shanghaiDate(new Date());
  const late = await counsel.createMatter(ctx, {
    orgUnitId: town,
    engagementId: engagement.id,
    kind: 'contract_review',
    title: '镇农贸市场摊位租赁合同（范本）审查',
    requester: '党政办公室',
    receivedOn: addDays(today, -19),
    deadline: addDays(today, -9),
    counselName: '陈律师',
  });
  await counsel.changeMatterStatus(ctx, late.id, { status: 'in_progress', version: late.version });
  await counsel.createMatter(ctx, {
    orgUnitId: town,
    engagementId: engagement.id,
    kind: 'legality_review',
    title: '《四棵树镇农村人居环境整治奖补办法（征求意见稿）》合法性审查',
    requester: '党政办公室',
    receivedOn: addDays(today, -2),
    deadline: addDays(today, 5),
    counselName: '陈律师',
  });

  // One administrative lawsuit: the 镇长 appeared at the hearing (负责人出庭应诉), the town won at first instance.
  let suit = await counsel.createLawsuit(ctx, {
    orgUnitId: town,
    kind: 'litigation',
    caseNo: '（2024）新4202行初15号',
    cause: '不服责令限期拆除违法建筑决定',
    plaintiff: '乌苏市某养殖专业合作社',
    defendant: '乌苏市四棵树镇人民政府',
    townRole: 'defendant',
    court: '乌苏市人民法院',
    filedOn: '2024-07-08',
    engagementId: engagement.id,
    summary: '原告在基本农田内违法搭建养殖棚舍，镇政府依法作出责令限期拆除决定，原告不服提起行政诉讼。',
  });
  suit = await counsel.addHearing(ctx, suit.id, {
    heldOn: '2024-08-20',
    place: '乌苏市人民法院第二审判庭',
    appearances: [
      { name: '艾尔肯·吐尔逊', position: '镇长', role: 'principal', identityProof: true },
      { name: '马国强', position: '综合执法大队队长', role: 'staff', identityProof: true },
      { name: '陈律师', position: '常年法律顾问', role: 'lawyer', identityProof: true },
    ],
    note: '镇长出庭应诉并就争议的实质性解决发表意见，表示将依法协助原告另行选址。',
  });
  await counsel.concludeLawsuit(ctx, suit.id, { outcome: 'won', outcomeOn: '2024-09-26', version: suit.version });
}
