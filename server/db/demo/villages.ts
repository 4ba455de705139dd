import type { HearingCreate, RuleVersionCreate } from '../../../domain/villages/contracts.ts';
import * as villages from '../../modules/villages/villages.service.ts';
import type { Ctx } from '../../platform/context.ts';
import type { DemoUnits } from './modules.ts';

/**
 * 四棵树镇's villages in 2024 (seed report 一(三)): one 全国民主法治示范村 (四棵树村) that passed its 2024 复核 and was
 * kept (保留); 集体议事制、村民自治章程与村规民约 adopted by the villagers' representatives; 民主听证 on matters villagers
 * care about; 村务、财务公开. Names, figures and texts are illustrative; the structure is the report's.
 */
const profiles: Record<
  string,
  { population: number; households: number; groupsCount: number; partySecretary: string; director: string; legalAdvisor: string; introduction: string }
> = {
  四棵树村: {
    population: 2860,
    households: 812,
    groupsCount: 6,
    partySecretary: '刘长青',
    director: '王振华',
    legalAdvisor: '陈律师（常年法律顾问）',
    introduction: '镇政府驻地村，以粮食、棉花种植和设施农业为主。2022年被命名为全国民主法治示范村，2024年通过复核。',
  },
  吉尔格勒特村: {
    population: 1935,
    households: 546,
    groupsCount: 4,
    partySecretary: '巴合提别克',
    director: '努尔兰',
    legalAdvisor: '陈律师（常年法律顾问）',
    introduction: '农牧结合村，哈萨克族、汉族等多民族聚居，草场面积较大。2023年获县市级民主法治示范村称号。',
  },
  夹河子村: { population: 1420, households: 401, groupsCount: 3, partySecretary: '周海林', director: '李建国', legalAdvisor: '', introduction: '以林果业和养殖业为主。' },
  黄渠村: { population: 1188, households: 352, groupsCount: 3, partySecretary: '马福成', director: '马福成', legalAdvisor: '', introduction: '' },
  高泉村: { population: 1650, households: 470, groupsCount: 4, partySecretary: '吐尔逊·买买提', director: '张立军', legalAdvisor: '', introduction: '' },
};

const compactV1 = `四棵树村村规民约（2019年）
一、遵守宪法、法律、法规和国家政策，维护社会稳定和民族团结。
二、爱护集体财产，不得侵占集体土地、机动地和公共设施。
三、依法使用宅基地，建房须经村民代表会议讨论并依法报批。
四、邻里之间互谅互让，发生纠纷先经村人民调解委员会调解。
五、保护生态环境，不乱倒垃圾，不焚烧秸秆。`;

const compactV2 = `四棵树村村规民约（2023年修订）
一、遵守宪法、法律、法规和国家政策，维护社会稳定和民族团结。
二、爱护集体财产，不得侵占集体土地、机动地和公共设施；集体土地承包依《农村土地承包法》经村民会议或村民代表会议决定。
三、依法使用宅基地，建房须经村民代表会议讨论并依法报批。
四、倡导婚事新办、丧事简办，抵制高价彩礼；婚姻家庭关系依《民法典》婚姻家庭编处理，男女平等，尊老爱幼。
五、邻里之间互谅互让，发生纠纷先经村人民调解委员会调解，调解不成的依法通过诉讼等途径解决。
六、保护生态环境，垃圾分类投放，不焚烧秸秆，不乱采滥挖。
七、本村规民约经村民代表会议通过，报四棵树镇人民政府备案后施行。`;

type RuleSpec = { village: string; kind: string; title: string; versions: Omit<RuleVersionCreate, 'version'>[] };
const rules: RuleSpec[] = [
  {
    village: '四棵树村',
    kind: 'village_compact',
    title: '四棵树村村规民约',
    versions: [
      {
        content: compactV1,
        draftedBy: '村"两委"',
        draftedOn: '2019-02-20',
        changeNote: '首次制定',
        adoption: {
          adoptedBy: 'representatives_meeting',
          adoptedOn: '2019-03-10',
          expectedCount: 45,
          attendedCount: 41,
          votesFor: 39,
          votesAgainst: 1,
          votesAbstain: 1,
          filedOn: '2019-03-20',
        },
      },
      {
        content: compactV2,
        draftedBy: '村"两委"、村法律顾问陈律师',
        draftedOn: '2023-03-15',
        changeNote: '依据《民法典》和移风易俗要求修订：增加婚事新办、抵制高价彩礼，调整集体土地承包条款',
        adoption: {
          adoptedBy: 'representatives_meeting',
          adoptedOn: '2023-04-08',
          expectedCount: 45,
          attendedCount: 40,
          votesFor: 38,
          votesAgainst: 0,
          votesAbstain: 2,
          filedOn: '2023-04-15',
        },
      },
    ],
  },
  {
    village: '四棵树村',
    kind: 'autonomy_charter',
    title: '四棵树村村民自治章程',
    versions: [
      {
        content: '第一章 总则 …… 第二章 村民会议和村民代表会议 …… 第三章 村民委员会 …… 第四章 村务监督 …… 第五章 附则',
        draftedBy: '村民委员会',
        draftedOn: '2021-05-06',
        adoption: {
          adoptedBy: 'villagers_meeting',
          quorumBasis: 'households',
          adoptedOn: '2021-05-28',
          expectedCount: 812,
          attendedCount: 596,
          votesFor: 571,
          votesAgainst: 6,
          votesAbstain: 19,
          filedOn: '2021-06-08',
        },
      },
    ],
  },
  {
    village: '四棵树村',
    kind: 'deliberation',
    title: '四棵树村集体议事制度（"四议两公开"）',
    versions: [
      {
        content: '村级重大事项实行党支部会提议、"两委"会商议、党员大会审议、村民代表会议或村民会议决议，决议公开、实施结果公开。',
        draftedBy: '村党支部',
        draftedOn: '2022-02-10',
        adoption: {
          adoptedBy: 'representatives_meeting',
          adoptedOn: '2022-03-02',
          expectedCount: 45,
          attendedCount: 42,
          votesFor: 42,
          votesAgainst: 0,
          votesAbstain: 0,
          filedOn: '2022-03-10',
        },
      },
    ],
  },
  {
    village: '吉尔格勒特村',
    kind: 'village_compact',
    title: '吉尔格勒特村村规民约',
    versions: [
      {
        content: '一、遵纪守法，维护民族团结。二、合理利用草场，按核定载畜量放牧。三、倡导移风易俗，婚事新办。四、纠纷先调解。',
        draftedBy: '村"两委"',
        draftedOn: '2022-03-01',
        adoption: {
          adoptedBy: 'representatives_meeting',
          adoptedOn: '2022-03-25',
          expectedCount: 31,
          attendedCount: 27,
          votesFor: 26,
          votesAgainst: 0,
          votesAbstain: 1,
          filedOn: '2022-04-02',
        },
      },
    ],
  },
];

const hearings: (Omit<HearingCreate, 'orgUnitId'> & { village: string })[] = [
  {
    village: '四棵树村',
    topic: '村集体机动地承包方案',
    heldOn: '2024-03-26',
    place: '四棵树村村委会会议室',
    presidedBy: '刘长青',
    participants: ['王振华', '马文礼', '张桂芬', '李德明', '赵玉兰', '孙有财'],
    participantCount: 38,
    decision: '机动地260亩按公开竞价方式发包，承包期三年，底价每亩每年400元；竞价结果公示七日。',
    minutes: '村委会说明方案；村民代表、承包户代表发言12人次；对"本村户籍优先"意见进行了讨论，方案修改后举手表决通过。',
  },
  {
    village: '四棵树村',
    topic: '村道硬化工程"一事一议"筹资筹劳方案',
    heldOn: '2024-07-18',
    place: '四棵树村文化广场',
    presidedBy: '王振华',
    participants: ['刘长青', '马文礼', '李德明'],
    participantCount: 52,
    decision: '工程由镇政府统一招标，村民按户筹劳两个工日，困难户、五保户免除；资金使用情况每月公开。',
    minutes: '会前在公开栏公示方案七日；听证会上村民提出质量监督要求，决定由村务监督委员会全程监督。',
  },
  {
    village: '吉尔格勒特村',
    topic: '夏季草场轮牧与使用费调整',
    heldOn: '2024-05-09',
    place: '吉尔格勒特村村委会',
    presidedBy: '努尔兰',
    participants: ['巴合提别克', '叶尔兰', '古丽巴哈尔'],
    participantCount: 29,
    decision: '实行分区轮牧；草场使用费维持每亩每年3元不变，收入纳入村集体账户并按季度公开。',
    minutes: '牧户代表就划区方案提出意见，经讨论调整第三片区放牧时间。',
  },
];

const disclosures = [
  { village: '四棵树村', kind: 'finance', title: '2024年第一季度村级财务收支', period: '2024年第一季度', publishedOn: '2024-04-08', channel: '村务公开栏、村民微信群' },
  { village: '四棵树村', kind: 'finance', title: '2024年第二季度村级财务收支', period: '2024年第二季度', publishedOn: '2024-07-05', channel: '村务公开栏、村民微信群' },
  { village: '四棵树村', kind: 'village_affairs', title: '机动地竞价发包结果', period: '2024年', publishedOn: '2024-04-12', channel: '村务公开栏' },
  { village: '四棵树村', kind: 'village_affairs', title: '村道硬化工程筹劳及资金使用情况', period: '2024年8月', publishedOn: '2024-09-02', channel: '村务公开栏、村民微信群' },
  { village: '四棵树村', kind: 'finance', title: '2024年第三季度村级财务收支', period: '2024年第三季度', publishedOn: '2024-10-08', channel: '村务公开栏、村民微信群' },
  { village: '吉尔格勒特村', kind: 'village_affairs', title: '夏季草场轮牧分区及使用费', period: '2024年', publishedOn: '2024-05-15', channel: '村务公开栏' },
  { village: '吉尔格勒特村', kind: 'finance', title: '2024年上半年村级财务收支', period: '2024年上半年', publishedOn: '2024-07-10', channel: '村务公开栏' },
];

/** Evidence for the 2024 复核 self-assessment, per standard part (the 台账 the village keeps). */
const evidenceByPart: Record<string, string> = {
  organisation: '村"两委"班子名单、村务监督委员会及人民调解委员会组成文件、工作记录',
  democracy: '村民代表会议记录（2023—2024年）、"四议两公开"台账、村务财务公开照片、民主听证记录',
  rule_of_law: '村规民约（2023年修订）及村民代表会议表决记录、镇政府备案回执；普法活动台账；"法律明白人"名册；调解卷宗',
  development: '村集体经济收入台账、派出所出具的治安情况说明、文明家庭评选记录',
  support: '创建工作方案及分工、经费使用记录、"一村一档"创建档案目录',
};

export async function loadVillagesDemo(ctx: Ctx, units: DemoUnits): Promise<void> {
  const unit = (name: string) => units.get(name) as number;
  for (const [name, p] of Object.entries(profiles)) await villages.saveProfile(ctx, unit(name), { ...p, address: `乌苏市四棵树镇${name}` });

  // 四棵树村: 申报 → 推荐 → 命名 (2022), then the 2024 复核 with the five-part self-assessment → 保留.
  const sishu = unit('四棵树村');
  let national = await villages.createHonour(ctx, {
    orgUnitId: sishu,
    level: 'national',
    stage: 'declared',
    declaredOn: '2022-03-18',
    declarationNote: '已获自治区级民主法治示范村称号，按规定申报全国民主法治示范村。',
  });
  national = await villages.recommendHonour(ctx, national.id, { recommendedOn: '2022-04-22', recommendedBy: '四棵树镇人民政府（司法所）', version: national.version });
  national = await villages.nameHonour(ctx, national.id, { namedYear: 2022, batch: '第九批', version: national.version });
  let inspection = await villages.createInspection(ctx, national.id, { year: 2024 });
  for (const item of inspection.items) {
    inspection = await villages.updateItem(ctx, inspection.id, item.id, { result: 'met', evidence: evidenceByPart[item.partCode] ?? '见创建档案', version: item.version });
  }
  inspection = await villages.submitInspection(ctx, inspection.id, {
    submittedOn: '2024-09-20',
    selfSummary: '对照建设指导标准五个部分逐项自评，各项均达标；2023年修订村规民约并报镇政府备案，2024年开展民主听证2次。',
    version: inspection.version,
  });
  await villages.concludeInspection(ctx, inspection.id, {
    conclusion: 'retained',
    concludedOn: '2024-11-15',
    methods: ['document_review', 'site_check', 'social_survey'],
    inspector: '自治区司法厅、民政厅（报司法部、民政部）',
    conclusionNote: '经书面审查、实地抽查和社会调查，符合建设指导标准，保留称号。',
    version: inspection.version,
  });

  await villages.createHonour(ctx, { orgUnitId: unit('吉尔格勒特村'), level: 'county', stage: 'named', namedYear: 2023, namingDocument: '乌苏市司法局、民政局命名' });
  await villages.createHonour(ctx, {
    orgUnitId: unit('夹河子村'),
    level: 'county',
    stage: 'declared',
    declaredOn: '2024-10-12',
    declarationNote: '2024年申报县市级民主法治示范村。',
  });

  for (const r of rules) {
    let rule = await villages.createRule(ctx, { orgUnitId: unit(r.village), kind: r.kind, title: r.title });
    for (const v of r.versions) rule = await villages.addRuleVersion(ctx, rule.id, { ...v, version: rule.version });
  }
  for (const { village, ...h } of hearings) await villages.createHearing(ctx, { ...h, orgUnitId: unit(village) });
  for (const { village, ...d } of disclosures) await villages.createDisclosure(ctx, { ...d, orgUnitId: unit(village), content: `${d.title}（详见公开栏）` });
}
