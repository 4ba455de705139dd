import type { EventCreate } from '../../../domain/publicity/contracts.ts';
import * as publicity from '../../modules/publicity/publicity.service.ts';
import type { Ctx } from '../../platform/context.ts';
import type { DemoUnits } from './modules.ts';

/**
 * 四棵树镇's 2024 普法 (seed report 二(一)3–5): 开学第一课 at the town school with court staff (500余份《未成年人保护法》
 * materials, 1000余 students), rural publicity on the 土地管理法, 农村土地承包法 and the 民法典's 婚姻家庭编 (1200余份 —
 * the report's 《婚姻法》 was repealed by 民法典 art. 1260 on 2021-01-01 and is not presented as law in force here),
 * 4 legal-consultation days with 80余 people, and the 3·15, 5·1 and 12·4 campaigns. Places and texts are illustrative;
 * the figures are the report's.
 */
const TOWN = '四棵树镇';
const SFS = '四棵树镇司法所';

type EventSpec = Omit<EventCreate, 'orgUnitId' | 'lawIds' | 'campaignId'> & { unit: string; laws: string[]; campaign?: string };

const campaigns = [
  {
    key: '315',
    keyDate: 'consumer_rights_day',
    title: '2024年"3·15"国际消费者权益日普法宣传',
    startsOn: '2024-03-11',
    endsOn: '2024-03-17',
    theme: '诚信消费 依法维权',
  },
  { key: '51', keyDate: 'labour_day', title: '2024年"5·1"劳动节劳动法律宣传', startsOn: '2024-04-26', endsOn: '2024-05-06', theme: '依法维护劳动者合法权益' },
  { key: 'civil_code', keyDate: 'civil_code_month', title: '2024年民法典宣传月（第四个）', startsOn: '2024-05-01', endsOn: '2024-05-31', theme: '民法典与百姓生活同行' },
  {
    key: '124',
    keyDate: 'constitution_week',
    title: '2024年"12·4"国家宪法日暨宪法宣传周',
    startsOn: '2024-12-01',
    endsOn: '2024-12-07',
    theme: '大力弘扬宪法精神，推进中国式现代化',
  },
] as const;

const events: EventSpec[] = [
  {
    unit: TOWN,
    campaign: '315',
    kind: 'theme_day',
    title: '"3·15"消费者权益保护法宣传',
    heldOn: '2024-03-15',
    place: '四棵树镇农贸市场',
    organiser: SFS,
    partner: '四棵树市场监管所',
    audience: 'public',
    laws: ['消费者权益保护法'],
    materials: '消费维权宣传折页、宣传袋',
    materialsCount: 260,
    peopleReached: 310,
    consultations: 12,
    summary: '设立咨询台，现场讲解七日无理由退货、假一赔三等规定，受理消费咨询12人次。',
  },
  {
    unit: TOWN,
    campaign: '51',
    kind: 'lecture',
    title: '劳动法律法规进企业、进工地',
    heldOn: '2024-04-30',
    place: '镇区建筑工地及棉花加工企业',
    organiser: SFS,
    partner: '镇劳动保障所',
    audience: 'enterprises',
    laws: ['劳动法', '劳动合同法'],
    materials: '劳动合同、工资支付宣传资料',
    materialsCount: 180,
    peopleReached: 150,
    consultations: 9,
    summary: '讲解签订书面劳动合同、工资支付和工伤认定，提示农民工依法维权途径。',
  },
  {
    unit: '四棵树村',
    kind: 'lecture',
    title: '土地法律知识进村入户',
    heldOn: '2024-04-18',
    place: '四棵树村文化活动室',
    organiser: SFS,
    partner: '镇自然资源所',
    audience: 'villagers',
    laws: ['土地管理法', '农村土地承包法'],
    materials: '土地承包、宅基地法律宣传资料',
    materialsCount: 320,
    peopleReached: 210,
    summary: '结合本村机动地发包，讲解土地承包经营权流转和宅基地审批规定。',
  },
  {
    unit: '吉尔格勒特村',
    campaign: 'civil_code',
    kind: 'lecture',
    title: '民法典婚姻家庭编宣讲',
    heldOn: '2024-05-21',
    place: '吉尔格勒特村村委会',
    organiser: SFS,
    partner: '镇妇联',
    audience: 'villagers',
    laws: ['民法典'],
    materials: '《民法典》婚姻家庭编、继承编宣传手册（双语）',
    materialsCount: 280,
    peopleReached: 160,
    summary: '以案释法讲解婚姻自由、彩礼返还、家庭暴力和遗嘱继承，用哈汉双语宣讲。',
  },
  {
    unit: '夹河子村',
    kind: 'lecture',
    title: '农村土地承包与宅基地政策宣讲',
    heldOn: '2024-07-11',
    place: '夹河子村村委会',
    organiser: SFS,
    audience: 'villagers',
    laws: ['农村土地承包法', '土地管理法'],
    materials: '土地承包法律宣传资料、宣传品',
    materialsCount: 260,
    peopleReached: 140,
  },
  {
    unit: '高泉村',
    kind: 'lecture',
    title: '法律进乡村巡回宣讲',
    heldOn: '2024-10-16',
    place: '高泉村文化广场',
    organiser: SFS,
    partner: '常年法律顾问陈律师',
    audience: 'villagers',
    laws: ['民法典', '土地管理法'],
    materials: '民法典、土地管理法宣传资料',
    materialsCount: 190,
    peopleReached: 120,
  },
  ...(
    [
      ['四棵树村', '2024-03-05', 21],
      ['吉尔格勒特村', '2024-06-18', 18],
      ['夹河子村', '2024-09-10', 20],
      ['高泉村', '2024-11-20', 24],
    ] as const
  ).map(
    ([unit, heldOn, people], i): EventSpec => ({
      unit,
      kind: 'consultation',
      title: `"法律服务进村"法律咨询日（第${i + 1}次）`,
      heldOn,
      place: `${unit}村委会`,
      organiser: SFS,
      partner: '常年法律顾问陈律师',
      audience: 'villagers',
      laws: ['民法典', '农村土地承包法'],
      materials: '法律咨询便民卡',
      materialsCount: [8, 6, 10, 6][i] as number,
      peopleReached: people,
      consultations: people,
      summary: '现场解答土地承包、婚姻家庭、劳务费追讨等法律问题。',
    }),
  ),
  {
    unit: TOWN,
    kind: 'first_lesson',
    title: '"开学第一课"法治教育',
    heldOn: '2024-09-02',
    place: '四棵树镇中心学校',
    organiser: '四棵树镇中心学校、司法所',
    partner: '乌苏市人民法院',
    audience: 'students',
    laws: ['未成年人保护法', '预防未成年人犯罪法'],
    materials: '《未成年人保护法》宣传资料',
    materialsCount: 520,
    peopleReached: 1036,
    summary: '法院干警以身边案例讲解《未成年人保护法》《预防未成年人犯罪法》，提示校园欺凌、网络沉迷的防范与求助途径。',
  },
  {
    unit: '四棵树村',
    campaign: '124',
    kind: 'theme_day',
    title: '"12·4"宪法宣传进村',
    heldOn: '2024-12-04',
    place: '四棵树村文化广场',
    organiser: SFS,
    audience: 'villagers',
    laws: ['宪法'],
    materials: '宪法读本、宣传折页',
    materialsCount: 150,
    peopleReached: 180,
  },
  {
    unit: TOWN,
    campaign: '124',
    kind: 'lecture',
    title: '机关干部宪法学习暨宪法宣誓',
    heldOn: '2024-12-04',
    place: '镇政府三楼会议室',
    organiser: '党政办公室',
    audience: 'cadres',
    laws: ['宪法'],
    materials: '',
    materialsCount: 0,
    peopleReached: 46,
  },
];

const plan = {
  title: '四棵树镇2024年普法依法治理工作计划',
  content:
    '深入学习宣传习近平法治思想，突出宪法、民法典和与群众生产生活密切相关的法律法规；落实"谁执法谁普法"普法责任制；抓住"3·15""5·1"、民法典宣传月、"12·4"国家宪法日和宪法宣传周等节点开展主题宣传；开展青少年法治教育和"法律服务进村"法律咨询活动。',
  responsibilities: [
    {
      body: '司法所',
      unit: '司法所',
      laws: ['宪法', '民法典', '人民调解法', '村民委员会组织法'],
      tasks: '统筹全镇普法；组织宪法宣传周、民法典宣传月；法律咨询日进村',
      audience: '全镇群众',
    },
    { body: '综合执法大队', unit: '综合执法大队', laws: ['行政处罚法', '土地管理法'], tasks: '执法过程中以案释法，执法文书说理', audience: '行政相对人、村民' },
    { body: '镇中心学校', unit: '镇中心学校', laws: ['未成年人保护法', '预防未成年人犯罪法'], tasks: '"开学第一课"、法治副校长进校园', audience: '学生、家长' },
    { body: '党政办公室', unit: '党政办公室', laws: ['宪法', '纪律处分条例'], tasks: '党委中心组学法、机关干部学法', audience: '干部' },
    { body: '四棵树市场监管所', unit: null, laws: ['消费者权益保护法'], tasks: '"3·15"消费维权宣传', audience: '经营者、消费者' },
    { body: '四棵树派出所', unit: null, laws: ['治安管理处罚法', '反电信网络诈骗法', '反有组织犯罪法'], tasks: '防范电信网络诈骗、扫黑除恶宣传', audience: '群众' },
  ],
};

export async function loadPublicityDemo(ctx: Ctx, units: DemoUnits): Promise<void> {
  const unit = (name: string) => units.get(name) as number;
  const catalog = await publicity.catalog(ctx);
  const lawId = (short: string) => {
    const law = catalog.find((l) => l.shortTitle === short);
    if (!law) throw new Error(`demo: law ${short} not in the catalog`);
    return law.id;
  };

  let p = await publicity.createPlan(ctx, { orgUnitId: unit(TOWN), year: 2024, title: plan.title, content: plan.content });
  for (const r of plan.responsibilities) {
    p = await publicity.addResponsibility(ctx, p.id, { body: r.body, unitId: r.unit ? unit(r.unit) : null, lawIds: r.laws.map(lawId), tasks: r.tasks, audience: r.audience });
  }

  const campaignIds = new Map<string, number>();
  for (const { key, ...c } of campaigns) campaignIds.set(key, (await publicity.createCampaign(ctx, { orgUnitId: unit(TOWN), ...c })).id);
  for (const { unit: u, laws, campaign, ...e } of events) {
    await publicity.createEvent(ctx, { ...e, orgUnitId: unit(u), lawIds: laws.map(lawId), campaignId: campaign ? campaignIds.get(campaign) : undefined });
  }
}
