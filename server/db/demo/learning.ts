import type { AttendeeInput, PaperItem, QuestionCreate } from '../../../domain/learning/contracts.ts';
import { type OptionKey, optionKeys, type SessionKind } from '../../../domain/learning/rules.ts';
import * as attempts from '../../modules/learning/attempt.service.ts';
import * as bank from '../../modules/learning/bank.service.ts';
import * as exams from '../../modules/learning/exam.service.ts';
import * as sessions from '../../modules/learning/session.service.ts';
import { grantsOf } from '../../platform/auth.repository.ts';
import type { Ctx } from '../../platform/context.ts';
import type { DemoUnits } from './modules.ts';

/**
 * 学法用法 in 四棵树镇, 2024, as the seed report gives it: 党委中心组学法 5 次, 党政主要负责人讲法治课 2 次, 3 场镇村两级党员干部
 * 学习《中国共产党纪律处分条例》, 9 期行政执法培训 41 人次, 法律知识测试 3 次（线上线下相结合）. Everything goes through the
 * module's services, so every figure is counted from these records. Names of people without an account are illustrative.
 */

const TOWN = '四棵树镇';
const ENFORCEMENT = '综合执法大队';

type Who = { user: string } | { name: string; unit: string };
type DemoSession = {
  kind: SessionKind;
  heldOn: string;
  title: string;
  unit?: string;
  place: string;
  lecturer?: string;
  organiser: string;
  laws: string[];
  summary: string;
  who: Who[];
};

// Town leaders and cadres; people without an account go by name and unit.
const leaders: Who[] = [{ user: 'shuji' }, { user: 'zhenzhang' }, { user: 'sifasuo' }, { user: 'shenhe' }];
const otherLeaders: Who[] = [
  { name: '张建国', unit: TOWN },
  { name: '古丽巴哈尔', unit: TOWN },
  { name: '刘洋', unit: TOWN },
];
const villageCadres: Who[] = [
  { user: 'cungb' },
  { user: 'cungb2' },
  { name: '买买提·艾力', unit: '夹河子村' },
  { name: '王秀英', unit: '黄渠村' },
  { name: '马春花', unit: '高泉村' },
];
const officers: Who[] = [{ user: 'zhifa1' }, { user: 'zhifa2' }];
const auxiliaries: Who[] = [
  { name: '王磊', unit: ENFORCEMENT },
  { name: '阿依古丽·买买提', unit: ENFORCEMENT },
  { name: '陈晓东', unit: ENFORCEMENT },
];
// 9 trainings: five with five people and four with four — 41 person-times.
const bigTraining: Who[] = [...officers, { user: 'shenhe' }, auxiliaries[0] as Who, auxiliaries[1] as Who];
const smallTraining: Who[] = [...officers, auxiliaries[0] as Who, auxiliaries[2] as Who];

const centerGroup = (heldOn: string, title: string, laws: string[], summary: string): DemoSession => ({
  kind: 'center_group',
  heldOn,
  title,
  place: '镇政府三楼会议室',
  organiser: '镇党委',
  laws,
  summary,
  who: [...leaders, ...otherLeaders],
});
const training = (heldOn: string, title: string, laws: string[], big: boolean, lecturer = '李秀兰'): DemoSession => ({
  kind: 'enforcement_training',
  heldOn,
  title,
  unit: ENFORCEMENT,
  place: '综合执法大队会议室',
  lecturer,
  organiser: '综合执法大队',
  laws,
  summary: `行政执法培训：${title}`,
  who: big ? bigTraining : smallTraining,
});

export const demoSessions: DemoSession[] = [
  centerGroup('2024-01-18', '学习习近平法治思想和党的二十大关于全面依法治国的部署', ['习近平法治思想'], '集体学习习近平法治思想的核心要义，研究年度法治政府建设重点工作。'),
  centerGroup('2024-03-21', '学习《中华人民共和国宪法》及宪法相关法', ['中华人民共和国宪法'], '学习宪法序言和总纲，讨论领导干部尊崇宪法、依宪履职。'),
  centerGroup('2024-05-16', '学习《中华人民共和国民法典》', ['中华人民共和国民法典'], '结合土地承包、婚姻家庭纠纷，学习民法典相关编章。'),
  centerGroup(
    '2024-08-22',
    '学习《中华人民共和国行政处罚法》《中华人民共和国行政复议法》',
    ['中华人民共和国行政处罚法', '中华人民共和国行政复议法'],
    '学习新修订的行政复议法，研究依法决策风险防范。',
  ),
  centerGroup(
    '2024-11-14',
    '学习《中华人民共和国反有组织犯罪法》和《信访工作条例》',
    ['中华人民共和国反有组织犯罪法', '信访工作条例'],
    '学习常态化扫黑除恶斗争的法治保障和信访工作法治化。',
  ),
  {
    kind: 'leader_lecture',
    heldOn: '2024-06-27',
    title: '党委书记讲法治课：习近平法治思想与基层依法治理',
    place: '镇政府一楼大会议室',
    lecturer: '王建军',
    organiser: '党政办公室',
    laws: ['习近平法治思想', '中华人民共和国宪法'],
    summary: '镇党委书记为镇村两级干部讲授法治课，解读法治乡镇建设任务。',
    who: [{ user: 'zhenzhang' }, { user: 'sifasuo' }, { user: 'shenhe' }, ...officers, ...otherLeaders, { user: 'tiaojie' }, ...villageCadres],
  },
  {
    kind: 'leader_lecture',
    heldOn: '2024-12-04',
    title: '镇长讲法治课：弘扬宪法精神 推进依法行政',
    place: '镇政府一楼大会议室',
    lecturer: '艾尔肯·吐尔逊',
    organiser: '党政办公室',
    laws: ['中华人民共和国宪法', '中华人民共和国行政处罚法'],
    summary: '国家宪法日，镇长讲授法治课，要求严格落实行政执法"三项制度"。',
    who: [{ user: 'shuji' }, { user: 'sifasuo' }, { user: 'shenhe' }, ...officers, ...otherLeaders, { user: 'guwen' }, ...villageCadres],
  },
  {
    kind: 'integrity',
    heldOn: '2024-04-25',
    title: '学习新修订的《中国共产党纪律处分条例》（镇机关专场）',
    place: '镇政府三楼会议室',
    organiser: '镇纪委',
    laws: ['中国共产党纪律处分条例'],
    summary: '党纪学习教育：镇机关党员干部逐章学习条例。',
    who: [...leaders, ...otherLeaders, ...officers, { user: 'tiaojie' }],
  },
  {
    kind: 'integrity',
    heldOn: '2024-06-13',
    title: '镇村两级党员干部学习《中国共产党纪律处分条例》',
    place: '镇政府一楼大会议室',
    organiser: '镇纪委',
    laws: ['中国共产党纪律处分条例'],
    summary: '村党支部书记、村委会主任与镇机关干部集中学习，签订廉洁承诺。',
    who: [{ user: 'shuji' }, { user: 'sifasuo' }, ...otherLeaders, ...villageCadres, { name: '张国庆', unit: '四棵树村' }],
  },
  {
    kind: 'integrity',
    heldOn: '2024-09-19',
    title: '以案促改：《中国共产党纪律处分条例》警示教育',
    place: '镇政府一楼大会议室',
    organiser: '镇纪委',
    laws: ['中国共产党纪律处分条例'],
    summary: '通报典型案例，开展警示教育，会后进行条例知识测试（线下）。',
    who: [...leaders, { user: 'zhenzhang' }, ...officers, ...villageCadres, { name: '张国庆', unit: '四棵树村' }].filter(
      (w, i, all) => all.findIndex((x) => JSON.stringify(x) === JSON.stringify(w)) === i,
    ),
  },
  training('2024-01-25', '《行政处罚法》重点条款解读', ['中华人民共和国行政处罚法'], true),
  training('2024-03-07', '行政执法"三项制度"实务', ['中华人民共和国行政处罚法'], false),
  training('2024-04-18', '执法文书规范制作（结合案卷自查发现的问题）', ['中华人民共和国行政处罚法'], true),
  training('2024-05-23', '水行政执法：《中华人民共和国水法》与河道管理', ['中华人民共和国水法', '中华人民共和国河道管理条例'], false, '乌苏市水利局执法大队'),
  training('2024-06-20', '执法全过程记录与执法记录仪使用', ['中华人民共和国行政处罚法'], true),
  training('2024-07-25', '重大执法决定法制审核程序', ['中华人民共和国行政处罚法'], false, '周文'),
  training('2024-09-05', '行政执法证据的收集与固定', ['中华人民共和国行政处罚法', '中华人民共和国行政强制法'], true),
  training('2024-10-24', '行政复议与行政诉讼应诉要点', ['中华人民共和国行政复议法', '中华人民共和国行政诉讼法'], false, '陈律师'),
  training('2024-11-28', '习近平法治思想与严格规范公正文明执法', ['习近平法治思想'], true),
  {
    kind: 'legal_lecture',
    heldOn: '2024-07-11',
    title: '法律顾问专题讲座：合同审查与依法决策',
    place: '镇政府三楼会议室',
    lecturer: '陈律师',
    organiser: '司法所',
    laws: ['中华人民共和国民法典'],
    summary: '常年法律顾问讲解合同审查要点和重大行政决策合法性审查。',
    who: [{ user: 'shuji' }, { user: 'zhenzhang' }, { user: 'sifasuo' }, { user: 'shenhe' }, ...otherLeaders],
  },
];

type Q = Omit<QuestionCreate, 'orgUnitId'>;
const single = (category: string, stem: string, options: string[], answer: string, law: string, article: string, explanation: string): Q => ({
  type: 'single',
  category,
  stem,
  options,
  answer: [answer as OptionKey],
  law,
  article,
  explanation,
});
const multiple = (category: string, stem: string, options: string[], answer: string, law: string, article: string, explanation: string): Q => ({
  type: 'multiple',
  category,
  stem,
  options,
  answer: answer.split('') as OptionKey[],
  law,
  article,
  explanation,
});
const judge = (category: string, stem: string, right: boolean, law: string, article: string, explanation: string): Q => ({
  type: 'judge',
  category,
  stem,
  answer: [right ? 'A' : 'B'],
  law,
  article,
  explanation,
});

export const demoQuestions: Q[] = [
  single(
    'constitution',
    '《中华人民共和国宪法》规定，中华人民共和国的一切权力属于（  ）。',
    ['人民', '全国人民代表大会', '国务院', '中国共产党'],
    'A',
    '中华人民共和国宪法',
    '第二条',
    '宪法第二条第一款：中华人民共和国的一切权力属于人民。',
  ),
  single(
    'constitution',
    '国家宪法日是每年的（  ）。',
    ['3月15日', '12月4日', '10月1日', '7月1日'],
    'B',
    '全国人大常委会关于设立国家宪法日的决定',
    '',
    '2014年全国人大常委会决定将12月4日设立为国家宪法日。',
  ),
  judge('constitution', '宪法是国家的根本法，具有最高的法律效力。', true, '中华人民共和国宪法', '序言', '宪法序言：本宪法……是国家的根本法，具有最高的法律效力。'),
  single(
    'constitution',
    '中华人民共和国年满（  ）周岁的公民，除依法被剥夺政治权利的人外，都有选举权和被选举权。',
    ['十六', '十八', '二十', '二十二'],
    'B',
    '中华人民共和国宪法',
    '第三十四条',
    '宪法第三十四条。',
  ),
  single(
    'civil_code',
    '《中华人民共和国民法典》自（  ）起施行。',
    ['2020年5月28日', '2021年1月1日', '2021年5月1日', '2020年1月1日'],
    'B',
    '中华人民共和国民法典',
    '第一千二百六十条',
    '民法典第一千二百六十条：本法自2021年1月1日起施行。',
  ),
  single(
    'civil_code',
    '（  ）周岁以上的未成年人，以自己的劳动收入为主要生活来源的，视为完全民事行为能力人。',
    ['十四', '十五', '十六', '十七'],
    'C',
    '中华人民共和国民法典',
    '第十八条',
    '民法典第十八条第二款。',
  ),
  judge(
    'civil_code',
    '向人民法院请求保护民事权利的诉讼时效期间为三年，法律另有规定的，依照其规定。',
    true,
    '中华人民共和国民法典',
    '第一百八十八条',
    '民法典第一百八十八条第一款。',
  ),
  multiple(
    'civil_code',
    '夫妻在婚姻关系存续期间所得的下列财产，属于夫妻共同财产的有（  ）。',
    ['工资、奖金、劳务报酬', '生产、经营、投资的收益', '一方因受到人身损害获得的赔偿或者补偿', '继承或者受赠的财产（遗嘱或赠与合同确定只归一方的除外）'],
    'ABD',
    '中华人民共和国民法典',
    '第一千零六十二条',
    '民法典第一千零六十二条；因人身损害获得的赔偿或者补偿为一方个人财产（第一千零六十三条）。',
  ),
  judge('civil_code', '居住权可以转让、继承。', false, '中华人民共和国民法典', '第三百六十九条', '民法典第三百六十九条：居住权不得转让、继承。'),
  single(
    'admin_penalty',
    '违法行为在（  ）内未被发现的，不再给予行政处罚（法律另有规定的除外）。',
    ['一年', '二年', '三年', '五年'],
    'B',
    '中华人民共和国行政处罚法',
    '第三十六条',
    '行政处罚法第三十六条：二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，延长至五年。',
  ),
  single(
    'admin_penalty',
    '当事人应当自收到行政处罚决定书之日起（  ）内，到指定的银行或者通过电子支付系统缴纳罚款。',
    ['七日', '十日', '十五日', '三十日'],
    'C',
    '中华人民共和国行政处罚法',
    '第六十七条',
    '行政处罚法第六十七条第三款。',
  ),
  single(
    'admin_penalty',
    '行政处罚由违法行为发生地的（  ）以上地方人民政府具有行政处罚权的行政机关管辖，法律、行政法规、部门规章另有规定的，从其规定。',
    ['乡镇级', '县级', '设区的市级', '省级'],
    'B',
    '中华人民共和国行政处罚法',
    '第二十二条',
    '行政处罚法第二十二条；经省级决定，可以交由乡镇人民政府、街道办事处行使（第二十四条）。',
  ),
  multiple(
    'admin_penalty',
    '下列属于《行政处罚法》规定的行政处罚种类的有（  ）。',
    ['警告、通报批评', '罚款、没收违法所得、没收非法财物', '行政拘留', '记过'],
    'ABC',
    '中华人民共和国行政处罚法',
    '第九条',
    '行政处罚法第九条；记过属于政务处分，不是行政处罚。',
  ),
  judge(
    'admin_penalty',
    '行政机关在作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利。',
    true,
    '中华人民共和国行政处罚法',
    '第四十四条',
    '行政处罚法第四十四条。',
  ),
  judge('admin_penalty', '对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。', true, '中华人民共和国行政处罚法', '第二十九条', '行政处罚法第二十九条（一事不再罚）。'),
  judge(
    'admin_penalty',
    '行政机关拟作出没收较大数额违法所得的行政处罚决定，无须告知当事人有要求听证的权利。',
    false,
    '中华人民共和国行政处罚法',
    '第六十三条',
    '行政处罚法第六十三条：没收较大数额违法所得、没收较大价值非法财物的，应当告知当事人有要求听证的权利。',
  ),
  multiple(
    'admin_penalty',
    '行政执法"三项制度"是指（  ）。',
    ['行政执法公示制度', '执法全过程记录制度', '重大执法决定法制审核制度', '行政执法责任追究制度'],
    'ABC',
    '国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见',
    '国办发〔2018〕118号',
    '三项制度：行政执法公示、执法全过程记录、重大执法决定法制审核。',
  ),
  single(
    'party_rules',
    '2023年12月修订的《中国共产党纪律处分条例》自（  ）起施行。',
    ['2024年1月1日', '2023年12月19日', '2024年3月1日', '2024年7月1日'],
    'A',
    '中国共产党纪律处分条例',
    '第一百五十八条',
    '条例由中共中央于2023年12月19日发布，自2024年1月1日起施行。',
  ),
  multiple(
    'party_rules',
    '对党员的纪律处分种类有（  ）。',
    ['警告', '严重警告', '撤销党内职务', '留党察看', '开除党籍'],
    'ABCDE',
    '中国共产党纪律处分条例',
    '第八条',
    '条例第八条规定了五种纪律处分。',
  ),
  judge('xi_rule_of_law', '全面依法治国是国家治理的一场深刻革命。', true, '', '', '党的十九大报告：全面依法治国是国家治理的一场深刻革命。'),
  single(
    'xi_rule_of_law',
    '2020年11月召开的（  ）明确了习近平法治思想在全面依法治国中的指导地位。',
    ['中央全面依法治国工作会议', '党的十九届四中全会', '全国人大常委会会议', '全国政法工作会议'],
    'A',
    '',
    '',
    '中央全面依法治国工作会议于2020年11月16日至17日召开，明确了习近平法治思想在全面依法治国中的指导地位。',
  ),
  multiple(
    'constitution',
    '根据宪法，中华人民共和国公民有（  ）的义务。',
    ['维护国家统一和全国各民族团结', '遵守宪法和法律', '依照法律纳税', '依照法律服兵役和参加民兵组织'],
    'ABCD',
    '中华人民共和国宪法',
    '第五十二条至第五十六条',
    '宪法第五十二条、第五十三条、第五十五条、第五十六条。',
  ),
  single(
    'criminal_law',
    '《中华人民共和国反有组织犯罪法》自（  ）起施行。',
    ['2022年5月1日', '2022年1月1日', '2021年12月24日', '2023年1月1日'],
    'A',
    '中华人民共和国反有组织犯罪法',
    '第七十七条',
    '该法于2021年12月24日通过，自2022年5月1日起施行。',
  ),
];

type DemoExam = {
  title: string;
  mode: 'online' | 'offline' | 'mixed';
  opensAt: string;
  closesAt: string;
  timeLimitMinutes: number;
  maxAttempts: number;
  partialCredit: boolean;
  extraNames: { name: string; unit: string }[];
  /** username → how many questions (from the first) they get wrong, per attempt */
  online: Record<string, number[]>;
  /** username or name → offline score */
  offline: Record<string, number>;
  satOn: string;
};

const villageNames = [
  { name: '买买提·艾力', unit: '夹河子村' },
  { name: '王秀英', unit: '黄渠村' },
  { name: '马春花', unit: '高泉村' },
  { name: '张国庆', unit: '四棵树村' },
];

export const demoExams: DemoExam[] = [
  {
    title: '2024年上半年机关干部法律知识测试（线上）',
    mode: 'online',
    opensAt: '2024-06-17T09:00:00+08:00',
    closesAt: '2024-06-21T18:00:00+08:00',
    timeLimitMinutes: 30,
    maxAttempts: 2,
    partialCredit: false,
    extraNames: [],
    online: { shuji: [1], zhenzhang: [2], sifasuo: [0], zhifa1: [9, 3], zhifa2: [4], shenhe: [1], tiaojie: [6], cungb: [10] },
    offline: {},
    satOn: '2024-06-21',
  },
  {
    title: '2024年《中国共产党纪律处分条例》知识测试（线下）',
    mode: 'offline',
    opensAt: '2024-09-19T15:30:00+08:00',
    closesAt: '2024-09-19T17:00:00+08:00',
    timeLimitMinutes: 60,
    maxAttempts: 1,
    partialCredit: false,
    extraNames: villageNames,
    online: {},
    offline: { shuji: 95, zhenzhang: 90, sifasuo: 100, zhifa1: 85, zhifa2: 80, shenhe: 90, cungb: 75, cungb2: 70, 买买提·艾力: 65, 王秀英: 55, 马春花: 80, 张国庆: 70 },
    satOn: '2024-09-19',
  },
  {
    title: '2024年"12·4"国家宪法日法律知识测试（线上线下）',
    mode: 'mixed',
    opensAt: '2024-12-02T09:00:00+08:00',
    closesAt: '2024-12-06T18:00:00+08:00',
    timeLimitMinutes: 40,
    maxAttempts: 1,
    partialCredit: true,
    extraNames: villageNames,
    online: { shuji: [0], zhenzhang: [1], sifasuo: [2], zhifa1: [3], zhifa2: [2], shenhe: [1] },
    offline: { cungb: 80, cungb2: 72, 买买提·艾力: 68, 王秀英: 60, 马春花: 86, 张国庆: 58 },
    satOn: '2024-12-05',
  },
];

async function asUser(ctx: Ctx, username: string): Promise<Ctx> {
  const u = await ctx.db.selectFrom('users').select(['id', 'display_name', 'org_unit_id']).where('username', '=', username).executeTakeFirstOrThrow();
  return { ...ctx, actor: { ...ctx.actor, userId: u.id, username, displayName: u.display_name, orgUnitId: u.org_unit_id, grants: await grantsOf(ctx.db, u.id) } };
}

/** The answers of someone who gets the first `wrong` questions wrong (a multiple choice: one right option short). */
function answersWith(items: PaperItem[], wrong: number): { itemId: number; choice: OptionKey[] }[] {
  return items.map((it, i) => {
    const answer = it.answer as OptionKey[];
    if (i >= wrong) return { itemId: it.id, choice: answer };
    if (it.type === 'multiple') return { itemId: it.id, choice: answer.slice(0, -1) };
    const keys = optionKeys.slice(0, it.options.length);
    return { itemId: it.id, choice: [keys.find((k) => !answer.includes(k)) as OptionKey] };
  });
}

export async function loadLearningDemo(ctx: Ctx, units: DemoUnits): Promise<void> {
  const unit = (name: string) => units.get(name) as number;
  const accounts = await ctx.db.selectFrom('users').select(['id', 'username', 'display_name']).execute();
  const userIds = new Map(accounts.map((u) => [u.username, u.id]));
  const displayName = new Map(accounts.map((u) => [u.username, u.display_name]));
  const person = (w: Who): AttendeeInput => ('user' in w ? { userId: userIds.get(w.user) as number } : { personName: w.name, orgUnitId: unit(w.unit) });

  for (const s of demoSessions) {
    await sessions.createSession(ctx, {
      orgUnitId: unit(s.unit ?? TOWN),
      kind: s.kind,
      title: s.title,
      heldOn: s.heldOn,
      place: s.place,
      lecturer: s.lecturer,
      lecturerUserId: s.lecturer === '王建军' ? userIds.get('shuji') : s.lecturer === '艾尔肯·吐尔逊' ? userIds.get('zhenzhang') : undefined,
      organiser: s.organiser,
      laws: s.laws,
      summary: s.summary,
      attendees: s.who.map(person),
    });
  }

  const town = unit(TOWN);
  const ids = await bank.createQuestions(ctx, town, demoQuestions);

  const papers = [
    await bank.drawRandomPaper(ctx, {
      orgUnitId: town,
      title: '机关干部法律知识测试卷（随机组卷）',
      seed: 20240617,
      rules: [
        { type: 'single', count: 8, points: 5 },
        { type: 'multiple', count: 4, points: 10 },
        { type: 'judge', count: 5, points: 4 },
      ],
    }),
    await bank.createPaper(ctx, {
      orgUnitId: town,
      title: '《中国共产党纪律处分条例》及法治基础知识测试卷',
      items: [17, 18, 20, 19, 0, 1, 2, 9, 13, 15].map((i) => ({ questionId: ids[i] as number, points: 10 })),
    }),
    await bank.drawRandomPaper(ctx, {
      orgUnitId: town,
      title: '国家宪法日法律知识测试卷（随机组卷）',
      seed: 20241204,
      rules: [
        { type: 'single', category: 'constitution', count: 3, points: 10 },
        { type: 'multiple', category: 'constitution', count: 1, points: 10 },
        { type: 'single', count: 4, points: 10 },
        { type: 'judge', count: 5, points: 4 },
      ],
    }),
  ];

  for (const [i, e] of demoExams.entries()) {
    const paper = papers[i] as Awaited<ReturnType<typeof bank.getPaper>>;
    const exam = await exams.createExam(ctx, {
      orgUnitId: town,
      title: e.title,
      paperId: paper.id,
      mode: e.mode,
      opensAt: e.opensAt,
      closesAt: e.closesAt,
      timeLimitMinutes: e.timeLimitMinutes,
      maxAttempts: e.maxAttempts,
      passScore: 60,
      partialCredit: e.partialCredit,
      description: e.mode === 'offline' ? '纪律处分条例警示教育会后闭卷笔试' : '登录平台在线作答，时间到自动交卷',
    });
    await exams.publishExam(ctx, exam.id, exam.version);
    if (e.extraNames.length) await exams.addCandidates(ctx, exam.id, { names: e.extraNames.map((n) => ({ personName: n.name, orgUnitId: unit(n.unit) })) });

    const items = (await bank.getPaper(ctx, paper.id)).items ?? [];
    const opens = new Date(e.opensAt).getTime();
    let minute = 60;
    for (const [username, wrongs] of Object.entries(e.online)) {
      const me = await asUser(ctx, username);
      for (const wrong of wrongs) {
        const started = new Date(opens + minute * 60_000);
        const attempt = await attempts.startAttempt(me, exam.id, started);
        await attempts.submitAttempt(me, attempt.id, { answers: answersWith(items, wrong), version: attempt.version }, new Date(started.getTime() + 18 * 60_000));
        minute += 47;
      }
    }
    // The paper sheets of the offline sitting, entered as one batch (as an imported 成绩表 would be).
    const lines = Object.entries(e.offline).map(([who, score], i) => ({ row: i + 2, name: displayName.get(who) ?? who, score: String(score), satOn: e.satOn }));
    if (lines.length) await exams.recordOfflineScores(ctx, exam.id, lines, '演示数据：线下考试成绩表');
  }
}
