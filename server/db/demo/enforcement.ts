import type { CaseDetail, ClueCreate, ConcludeBody, PowerCreate, SimpleCaseCreate } from '../../../domain/enforcement/contracts.ts';
import type { PenaltyKind, ReviewCondition } from '../../../domain/enforcement/rules.ts';
import { defaultCutoffs, defaultFindingCategories, defaultScoringItems, findingCategoryKind } from '../../../domain/enforcement/rules.ts';
import type { Role } from '../../../domain/platform/roles.ts';
import * as cases from '../../modules/enforcement/case.service.ts';
import * as reg from '../../modules/enforcement/enforcement.repository.ts';
import * as svc from '../../modules/enforcement/enforcement.service.ts';
import * as reviews from '../../modules/enforcement/review.service.ts';
import type { Ctx } from '../../platform/context.ts';
import { createEntry } from '../../platform/dictionary.service.ts';
import type { DemoUnits } from './modules.ts';

/**
 * 四棵树镇's enforcement in 2024 as the seed report tells it: 行政执法办公室 and 综合执法大队 with 16 penalty powers
 * (delegated under 行政处罚法 art. 24), 2 full-time officers, 8 penalty cases all closed, and the monthly case-file
 * self-review with 乌苏市水利局执法大队: 16 reviews, 26 document problems found and corrected. Plus two open 2025
 * cases for the due/overdue views. Parties, numbers and addresses are illustrative.
 */

/** The demo users act as themselves, with the grants they hold, so every permission check runs as in use. */
async function as(ctx: Ctx, username: string): Promise<Ctx> {
  const user = await reg.userByName(ctx.db, username);
  const grants = (await reg.grantsOfUser(ctx.db, user.id)).map((g) => ({ role: g.role as Role, orgUnitId: g.org_unit_id, path: g.path }));
  return {
    ...ctx,
    actor: {
      userId: user.id,
      username: user.username,
      displayName: user.display_name,
      orgUnitId: user.org_unit_id,
      mustChangePassword: false,
      grants,
      sessionId: '',
      csrfToken: '',
    },
  };
}

const fine = (
  code: string,
  name: string,
  law: string,
  article: string,
  range: string,
  min: number | null,
  max: number | null,
  discretion: string,
  delegatedFrom: string,
  kinds: PenaltyKind[] = ['fine'],
) => ({ code, name, law, article, penaltyKinds: kinds, penaltyRange: range, fineMin: min, fineMax: max, discretion, delegatedFrom }) satisfies Omit<PowerCreate, 'bodyId'>;

export const powers = [
  fine(
    'XZCF-001',
    '农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅',
    '《中华人民共和国土地管理法》',
    '第七十八条',
    '责令退还非法占用的土地，限期拆除在非法占用的土地上新建的房屋',
    null,
    null,
    '初次违法、主动退还并自行拆除的，依法从轻；拒不退还的，依法申请强制执行',
    '乌苏市自然资源局',
    ['other'],
  ),
  fine(
    'XZCF-002',
    '占用耕地建窑、建坟或者擅自在耕地上建房、挖砂、采石、采矿、取土等，破坏种植条件',
    '《中华人民共和国土地管理法》',
    '第七十五条',
    '责令限期改正或者治理，可以并处罚款',
    null,
    null,
    '破坏面积较小并及时恢复的，从轻；拒不治理的，从重',
    '乌苏市自然资源局',
    ['fine', 'other'],
  ),
  fine(
    'XZCF-003',
    '在乡、村庄规划区内未依法取得乡村建设规划许可证或者未按照许可证的规定进行建设',
    '《中华人民共和国城乡规划法》',
    '第六十五条',
    '责令停止建设、限期改正；逾期不改正的，可以拆除',
    null,
    null,
    '及时停止建设并补办手续的，依法可以不予处罚',
    '乌苏市住房和城乡建设局',
    ['other'],
  ),
  fine(
    'XZCF-004',
    '随意倾倒、抛撒、堆放或者焚烧生活垃圾',
    '《中华人民共和国固体废物污染环境防治法》',
    '第一百一十一条',
    '责令改正；单位处五万元以上五十万元以下罚款，个人处一百元以上五百元以下罚款',
    100,
    500000,
    '个人：初次且及时清理的 100–200 元；多次或数量较大的 300–500 元',
    '乌苏市住房和城乡建设局',
    ['warning', 'fine'],
  ),
  fine(
    'XZCF-005',
    '在人口集中地区和其他依法需要特殊保护的区域内露天焚烧秸秆、落叶等产生烟尘污染的物质',
    '《中华人民共和国大气污染防治法》',
    '第一百一十九条第一款',
    '责令改正，并可以处五百元以上二千元以下的罚款',
    500,
    2000,
    '面积 5 亩以下 500–1000 元；5 亩以上或引发投诉 1000–2000 元',
    '乌苏市生态环境局',
  ),
  fine(
    'XZCF-006',
    '在当地人民政府禁止的区域内露天烧烤食品或者为露天烧烤食品提供场地',
    '《中华人民共和国大气污染防治法》',
    '第一百一十八条第三款',
    '责令改正，没收烧烤工具和违法所得，并处五百元以上二万元以下的罚款',
    500,
    20000,
    '首次 500–2000 元；经劝阻仍不改正的 2000 元以上',
    '乌苏市生态环境局',
    ['fine', 'confiscate_property'],
  ),
  fine(
    'XZCF-007',
    '在河道、湖泊管理范围内建设妨碍行洪的建筑物、构筑物',
    '《中华人民共和国防洪法》',
    '第五十五条',
    '责令停止违法行为，排除阻碍或者采取其他补救措施，可以处五万元以下的罚款',
    0,
    50000,
    '及时自行拆除的，可以不予罚款；拒不拆除的 2 万元以上',
    '乌苏市水利局',
    ['fine', 'other'],
  ),
  fine(
    'XZCF-008',
    '在河道、湖泊管理范围内弃置、堆放阻碍行洪的物体或者种植阻碍行洪的林木及高秆作物',
    '《中华人民共和国防洪法》',
    '第五十六条',
    '责令停止违法行为，排除阻碍或者采取其他补救措施，可以处五万元以下的罚款',
    0,
    50000,
    '堆放 100 立方米以下 1 万元以下；100 立方米以上或汛期 1 万–5 万元',
    '乌苏市水利局',
    ['fine', 'other'],
  ),
  fine(
    'XZCF-009',
    '未经批准或者不按照河道主管机关的规定在河道管理范围内采砂、取土',
    '《中华人民共和国河道管理条例》',
    '第四十四条',
    '责令纠正违法行为、采取补救措施，可以并处警告、罚款、没收非法所得',
    null,
    null,
    '采砂量较小并及时回填的从轻',
    '乌苏市水利局',
    ['warning', 'fine', 'confiscate_income'],
  ),
  fine(
    'XZCF-010',
    '在禁止开垦坡度以上陡坡地开垦种植农作物',
    '《中华人民共和国水土保持法》',
    '第四十九条',
    '责令停止违法行为，采取退耕、恢复植被等补救措施；按开垦面积，可以对个人处每平方米二元以下、对单位处每平方米十元以下的罚款',
    0,
    null,
    '按开垦面积计算，及时退耕的从轻',
    '乌苏市水利局',
  ),
  fine(
    'XZCF-011',
    '森林防火期内未经批准擅自在森林防火区内野外用火',
    '《森林防火条例》',
    '第五十条',
    '责令停止违法行为，给予警告，对个人并处二百元以上三千元以下罚款，对单位并处一万元以上五万元以下罚款',
    200,
    50000,
    '未造成损失的个人 200–1000 元；造成火情的从重',
    '乌苏市林业和草原局',
    ['warning', 'fine'],
  ),
  fine(
    'XZCF-012',
    '草原防火期内未经批准在草原上野外用火或者未采取防火措施',
    '《草原防火条例》',
    '第四十四条',
    '责令停止违法行为，对个人并处二百元以上三千元以下罚款，对单位并处二千元以上二万元以下罚款',
    200,
    20000,
    '未造成损失的个人 200–1000 元',
    '乌苏市林业和草原局',
    ['warning', 'fine'],
  ),
  fine(
    'XZCF-013',
    '滥伐林木',
    '《中华人民共和国森林法》',
    '第七十六条第二款',
    '责令限期在原地或者异地补种滥伐株数一倍以上三倍以下的树木，可以处滥伐林木价值三倍以上五倍以下的罚款',
    0,
    null,
    '按滥伐林木价值的三至五倍，主动补种的按三倍',
    '乌苏市林业和草原局',
    ['fine', 'other'],
  ),
  fine(
    'XZCF-014',
    '随地吐痰、便溺，乱扔果皮、纸屑和烟头，乱倒垃圾等影响市容和环境卫生',
    '《城市市容和环境卫生管理条例》',
    '第三十四条',
    '责令纠正违法行为、采取补救措施外，可以并处警告、罚款',
    0,
    200,
    '初次且当场改正的给予警告',
    '乌苏市住房和城乡建设局',
    ['warning', 'fine'],
  ),
  fine(
    'XZCF-015',
    '擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施，影响市容',
    '《城市市容和环境卫生管理条例》',
    '第三十六条',
    '责令停止违法行为，限期清理、拆除或者采取其他补救措施，并可处以罚款',
    0,
    5000,
    '限期内自行清理的从轻',
    '乌苏市住房和城乡建设局',
    ['warning', 'fine', 'other'],
  ),
  fine(
    'XZCF-016',
    '占用、堵塞、封闭消防车通道，妨碍消防车通行',
    '《中华人民共和国消防法》',
    '第六十条',
    '单位处五千元以上五万元以下罚款；个人处警告或者五百元以下罚款',
    0,
    50000,
    '个人：初次且当场驶离的警告或 100 元以下',
    '乌苏市消防救援大队',
    ['warning', 'fine'],
  ),
];

type Ordinary = {
  power: string;
  clue: Omit<ClueCreate, 'powerId'>;
  requestedOn: string;
  filedOn: string;
  evidence: { kind: 'documentary' | 'audiovisual' | 'inspection_record' | 'party_statement' | 'witness'; title: string; at: string; place: string }[];
  conclude: Omit<ConcludeBody, 'version' | 'reviewConditions' | 'complexOrMajor'> & { reviewConditions?: ReviewCondition[]; complexOrMajor?: boolean };
  review?: string;
  discussedOn?: string;
  noticeOn?: string;
  statements?: { on: string; content?: string };
  hearing?: { requestedOn: string; notifiedOn: string; hearingOn: string; reviewOn: string };
  waiveOn?: string;
  decidedOn: string;
  servedOn: string;
  paidOn?: string;
  publishedOn?: string;
  closedOn: string;
  archivedOn: string;
};

type Evidence = Ordinary['evidence'][number];
/** Evidence collected at `at` (local time, yyyy-mm-ddThh:mm) and `place`. */
const evidence = (kind: Evidence['kind'], title: string, at: string, place: string): Evidence => ({ kind, title, at: `${at}:00+08:00`, place });
/** The party's statement (询问笔录), taken in the brigade's interview room. */
const statement = (who: string, at: string) => evidence('party_statement', `询问笔录（${who}）`, at, '四棵树镇综合执法大队询问室');
/** A resident of the town as a case's party: name and the address within 四棵树镇, with ID number and phone when known. */
const resident = (name: string, address: string, known: { idNumber?: string; phone?: string } = {}) => ({
  partyType: 'person' as const,
  partyName: name,
  partyIdNumber: known.idNumber,
  partyPhone: known.phone,
  partyAddress: `乌苏市四棵树镇${address}`,
});

export async function loadEnforcementDemo(ctx: Ctx, units: DemoUnits): Promise<void> {
  const townId = units.get('四棵树镇') as number;
  const body = await svc.createBody(ctx, {
    orgUnitId: townId,
    name: '四棵树镇综合执法大队',
    officeName: '四棵树镇行政执法办公室',
    delegationBasis: '依据《中华人民共和国行政处罚法》第二十四条及自治区关于赋予乡镇（街道）部分行政处罚权的决定，以四棵树镇人民政府名义行使 16 项行政处罚权',
    numberPrefix: '四镇综执',
    address: '乌苏市四棵树镇人民路 1 号',
    phone: '0992-8511001',
  });
  const userId = async (username: string) => (await reg.userByName(ctx.db, username)).id;
  const [ma, zhao] = [await userId('zhifa1'), await userId('zhifa2')];
  const m1 = await svc.createOfficer(ctx, { bodyId: body.id, userId: ma, name: '马国强', post: '综合执法大队队长', fullTime: true });
  await svc.addCertificate(ctx, m1.id, { number: '65420219001', issuer: '新疆维吾尔自治区人民政府', validFrom: '2019-01-10', validUntil: '2024-01-09' });
  await svc.addCertificate(ctx, m1.id, { number: '65420224001', issuer: '新疆维吾尔自治区人民政府', validFrom: '2024-01-10', validUntil: '2029-01-09' });
  const m2 = await svc.createOfficer(ctx, { bodyId: body.id, userId: zhao, name: '赵海燕', post: '综合执法大队队员', fullTime: true });
  await svc.addCertificate(ctx, m2.id, { number: '65420223017', issuer: '新疆维吾尔自治区人民政府', validFrom: '2023-05-20', validUntil: '2028-05-19' });
  // 周文 has reviewed since 2022, so art. 58② asks for his 法律职业资格 (A证).
  await svc.createLegalReviewer(ctx, { orgUnitId: body.orgUnitId, userId: await userId('shenhe'), name: '周文', startedOn: '2022-03-01', qualificationNumber: 'A20206542021234' });
  const powerIds = new Map<string, number>();
  for (const p of powers) powerIds.set(p.code, (await svc.createPower(ctx, { ...p, bodyId: body.id })).id);

  const officer = await as(ctx, 'zhifa1');
  const leader = await as(ctx, 'shuji');
  const reviewer = await as(ctx, 'shenhe');
  const investigators = [ma, zhao];

  // 简易程序: on-the-spot decisions (art. 51) — three of the eight.
  const simpleCases: Omit<SimpleCaseCreate, 'officerIds'>[] = [
    {
      powerId: powerIds.get('XZCF-014') as number,
      ...resident('刘永福', '夹河子村4组12号'),
      summary: '在镇区人民路公共场所乱倒生活垃圾',
      actDate: '2024-04-16',
      actPlace: '四棵树镇人民路农贸市场东侧',
      decidedOn: '2024-04-16',
      kinds: ['warning'],
      fineAmount: 0,
      facts: '于2024年4月16日在四棵树镇人民路农贸市场东侧公共场所倾倒生活垃圾一袋，经执法人员指出后当场清理',
      basis: '《城市市容和环境卫生管理条例》第三十四条',
    },
    {
      powerId: powerIds.get('XZCF-004') as number,
      ...resident('陈国华', '黄渠村2组7号', { idNumber: '654202197806153217' }),
      summary: '在黄渠村村道旁随意倾倒生活垃圾',
      actDate: '2024-06-05',
      actPlace: '黄渠村村道2公里处',
      decidedOn: '2024-06-05',
      kinds: ['fine'],
      fineAmount: 200,
      facts: '于2024年6月5日驾驶三轮车在黄渠村村道旁倾倒生活垃圾约0.5立方米',
      basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条第一款第一项、第三款',
      paymentMethod: 'bank',
      paidOn: '2024-06-12',
    },
    {
      powerId: powerIds.get('XZCF-016') as number,
      ...resident('阿依古丽·买买提', '四棵树村1组3号'),
      summary: '私家车长时间停放于镇卫生院消防车通道',
      actDate: '2024-09-10',
      actPlace: '四棵树镇卫生院消防车通道',
      decidedOn: '2024-09-10',
      kinds: ['fine'],
      fineAmount: 100,
      facts: '于2024年9月10日将小型汽车停放在四棵树镇卫生院消防车通道内，妨碍消防车通行',
      basis: '《中华人民共和国消防法》第六十条第二款',
      paymentMethod: 'on_spot',
      paidOn: '2024-09-10',
    },
  ];
  const closeDates = ['2024-04-17', '2024-06-13', '2024-09-11'];
  const runSimple = async (i: number): Promise<CaseDetail> => {
    const c = await cases.createSimpleCase(officer, { ...(simpleCases[i] as Omit<SimpleCaseCreate, 'officerIds'>), officerIds: investigators });
    const closed = await cases.close(officer, c.id, {
      closedOn: closeDates[i] as string,
      summary: '当场处罚决定已执行完毕，已报四棵树镇人民政府备案（《行政处罚法》第五十二条）',
      version: c.version,
    });
    return cases.archive(officer, c.id, { archivedOn: closeDates[i] as string, volume: `2024-简-${i + 1}`, version: closed.version });
  };

  const ordinary: Ordinary[] = [
    {
      power: 'XZCF-005',
      clue: {
        ...resident('张建国', '吉尔格勒特村3组21号', { idNumber: '654202196805214519', phone: '13899621455' }),
        summary: '在吉尔格勒特村耕地内露天焚烧玉米秸秆',
        actDate: '2024-03-22',
        actPlace: '吉尔格勒特村3组耕地',
        clueSource: '群众举报（12345热线）',
        discoveredOn: '2024-03-22',
      },
      requestedOn: '2024-03-25',
      filedOn: '2024-03-25',
      evidence: [
        evidence('inspection_record', '现场检查笔录', '2024-03-25T10:30', '吉尔格勒特村3组耕地'),
        evidence('audiovisual', '现场照片6张', '2024-03-25T10:40', '吉尔格勒特村3组耕地'),
        statement('张建国', '2024-03-26T15:00'),
      ],
      conclude: {
        concludedOn: '2024-04-01',
        facts: '于2024年3月22日在吉尔格勒特村3组自家承包耕地内露天焚烧玉米秸秆约3亩，产生烟尘污染',
        evidenceSummary: '现场检查笔录、现场照片、询问笔录',
        outcome: 'penalty',
        kinds: ['fine'],
        fineAmount: 800,
        basis: '《中华人民共和国大气污染防治法》第七十七条、第一百一十九条第一款',
        discretionReason: '焚烧面积 5 亩以下，初次违法，按裁量基准处 800 元',
      },
      noticeOn: '2024-04-02',
      statements: { on: '2024-04-03' },
      decidedOn: '2024-04-08',
      servedOn: '2024-04-09',
      paidOn: '2024-04-18',
      publishedOn: '2024-04-12',
      closedOn: '2024-04-22',
      archivedOn: '2024-04-26',
    },
    {
      power: 'XZCF-001',
      clue: {
        ...resident('王志强', '高泉村5组9号', { idNumber: '654202197902118835' }),
        summary: '未经批准在高泉村集体土地上新建住宅',
        actDate: '2024-04-10',
        actEndDate: '2024-05-06',
        actPlace: '高泉村5组村道北侧',
        clueSource: '卫片执法检查',
        discoveredOn: '2024-05-06',
      },
      requestedOn: '2024-05-07',
      filedOn: '2024-05-08',
      evidence: [
        evidence('inspection_record', '现场勘验笔录及测绘图', '2024-05-09T11:00', '高泉村5组村道北侧'),
        evidence('documentary', '高泉村村民委员会证明、宅基地审批档案查询结果', '2024-05-13T10:00', '高泉村村民委员会'),
        statement('王志强', '2024-05-14T16:00'),
      ],
      conclude: {
        concludedOn: '2024-05-24',
        facts: '于2024年4月10日至5月6日未经批准占用高泉村集体土地182平方米新建住宅一处，已建至一层圈梁',
        evidenceSummary: '现场勘验笔录及测绘图、村委会证明、宅基地审批档案查询结果、询问笔录',
        outcome: 'penalty',
        kinds: ['other'],
        fineAmount: 0,
        otherPenalty: '责令退还非法占用的182平方米土地，限期十五日内拆除在非法占用的土地上新建的房屋',
        basis: '《中华人民共和国土地管理法》第六十二条、第七十八条第一款',
        discretionReason: '责令退还非法占用的土地，限期十五日内拆除新建房屋',
        reviewConditions: ['major_rights'],
        complexOrMajor: true,
      },
      review: '2024-05-27',
      discussedOn: '2024-05-28',
      noticeOn: '2024-05-29',
      statements: { on: '2024-05-31', content: '当事人称建房系为儿子结婚所用，请求宽限拆除期限' },
      decidedOn: '2024-06-05',
      servedOn: '2024-06-06',
      publishedOn: '2024-06-13',
      closedOn: '2024-06-28',
      archivedOn: '2024-07-03',
    },
    {
      power: 'XZCF-008',
      clue: {
        partyType: 'organisation',
        partyName: '乌苏市鑫源砂石有限公司',
        partyIdNumber: '91654202MA78E3KP2U',
        partyRepresentative: '孙海涛',
        partyAddress: '乌苏市四棵树镇工业园区8号',
        summary: '在四棵树河河道管理范围内堆放砂石料阻碍行洪',
        actDate: '2024-06-20',
        actEndDate: '2024-07-08',
        actPlace: '四棵树河K12+300段左岸',
        clueSource: '乌苏市水利局河湖巡查移交',
        discoveredOn: '2024-07-08',
      },
      requestedOn: '2024-07-09',
      filedOn: '2024-07-09',
      evidence: [
        evidence('inspection_record', '现场检查笔录、无人机航拍视频', '2024-07-10T10:00', '四棵树河K12+300段左岸'),
        evidence('documentary', '河道管理范围划界图（乌苏市水利局）', '2024-07-11T11:00', '乌苏市水利局'),
        statement('公司委托代理人', '2024-07-12T15:30'),
      ],
      conclude: {
        concludedOn: '2024-07-19',
        facts: '自2024年6月20日起在四棵树河K12+300段左岸河道管理范围内堆放砂石料约1200立方米，阻碍行洪，正值主汛期',
        evidenceSummary: '现场检查笔录、无人机航拍视频、河道管理范围划界图、询问笔录',
        outcome: 'penalty',
        kinds: ['fine'],
        fineAmount: 30000,
        basis: '《中华人民共和国防洪法》第二十二条第二款、第五十六条第一项',
        discretionReason: '堆放量 100 立方米以上且在汛期，按裁量基准处 3 万元，并责令 5 日内清除',
        reviewConditions: ['public_interest'],
      },
      review: '2024-07-22',
      noticeOn: '2024-07-23',
      statements: { on: '2024-07-25', content: '公司称已开始清运，请求从轻处罚' },
      decidedOn: '2024-08-01',
      servedOn: '2024-08-02',
      paidOn: '2024-08-14',
      publishedOn: '2024-08-08',
      closedOn: '2024-08-20',
      archivedOn: '2024-08-26',
    },
    {
      power: 'XZCF-013',
      clue: {
        ...resident('李红梅', '四棵树村6组15号', { idNumber: '654202198211206626', phone: '13565421877' }),
        summary: '未取得采伐许可证采伐自家林地杨树',
        actDate: '2024-08-12',
        actPlace: '四棵树村6组林地',
        clueSource: '护林员报告',
        discoveredOn: '2024-08-13',
      },
      requestedOn: '2024-08-14',
      filedOn: '2024-08-15',
      evidence: [
        evidence('inspection_record', '现场勘验笔录、伐桩检尺记录', '2024-08-16T10:00', '四棵树村6组林地'),
        evidence('documentary', '林木价格鉴定意见', '2024-08-22T10:00', '乌苏市林业和草原局'),
        evidence('witness', '证人证言（护林员）', '2024-08-16T15:00', '四棵树村村民委员会'),
      ],
      conclude: {
        concludedOn: '2024-08-29',
        facts: '于2024年8月12日未取得林木采伐许可证，擅自采伐其承包林地内杨树42株，立木蓄积12.6立方米，林木价值2000元',
        evidenceSummary: '现场勘验笔录、伐桩检尺记录、林木价格鉴定意见、护林员证言',
        outcome: 'penalty',
        kinds: ['fine'],
        fineAmount: 6000,
        basis: '《中华人民共和国森林法》第五十六条第一款、第七十六条第二款',
        discretionReason: '按滥伐林木价值的三倍处罚款 6000 元，并责令补种 84 株',
        reviewConditions: ['major_rights'],
      },
      review: '2024-09-02',
      noticeOn: '2024-09-03',
      statements: { on: '2024-09-04', content: '当事人称不知道采伐自家林木也需办证，愿意补种' },
      hearing: { requestedOn: '2024-09-06', notifiedOn: '2024-09-09', hearingOn: '2024-09-23', reviewOn: '2024-09-25' },
      decidedOn: '2024-09-27',
      servedOn: '2024-10-08',
      paidOn: '2024-10-21',
      publishedOn: '2024-10-10',
      closedOn: '2024-10-25',
      archivedOn: '2024-10-31',
    },
    {
      power: 'XZCF-003',
      clue: {
        ...resident('赵明', '夹河子村1组2号'),
        summary: '未取得乡村建设规划许可证建设彩钢棚',
        actDate: '2024-10-14',
        actPlace: '夹河子村1组',
        clueSource: '日常巡查',
        discoveredOn: '2024-10-15',
      },
      requestedOn: '2024-10-16',
      filedOn: '2024-10-16',
      evidence: [
        evidence('inspection_record', '现场检查笔录、照片', '2024-10-17T11:00', '夹河子村1组'),
        evidence('documentary', '当事人自行拆除后的复查记录', '2024-10-24T10:00', '夹河子村1组'),
      ],
      conclude: {
        concludedOn: '2024-10-28',
        facts: '于2024年10月14日未取得乡村建设规划许可证在自家院外搭建彩钢棚约20平方米，经责令后已于10月23日自行拆除',
        evidenceSummary: '现场检查笔录及照片、复查记录',
        outcome: 'no_penalty',
        kinds: [],
        fineAmount: 0,
        basis: '《中华人民共和国城乡规划法》第四十一条、第六十五条，《中华人民共和国行政处罚法》第三十三条第一款',
        discretionReason: '违法行为轻微并及时改正，没有造成危害后果，依法不予行政处罚，已对当事人进行教育',
      },
      decidedOn: '2024-10-30',
      servedOn: '2024-10-31',
      closedOn: '2024-11-04',
      archivedOn: '2024-11-08',
    },
  ];

  // In the order the decisions were made, so that the numbers run with the dates.
  const closedCases: CaseDetail[] = [];
  for (const [kind, i] of [
    ['ordinary', 0],
    ['simple', 0],
    ['ordinary', 1],
    ['simple', 1],
    ['ordinary', 2],
    ['simple', 2],
    ['ordinary', 3],
    ['ordinary', 4],
  ] as const) {
    closedCases.push(kind === 'simple' ? await runSimple(i) : await runOrdinary(ordinary[i] as Ordinary));
  }

  async function runOrdinary(o: Ordinary): Promise<CaseDetail> {
    let c = await cases.createClue(officer, { ...o.clue, powerId: powerIds.get(o.power) as number });
    c = await cases.requestFiling(officer, c.id, {
      requestedOn: o.requestedOn,
      investigatorIds: investigators,
      opinion: '经初步核查，涉嫌违法事实基本清楚，属于本机关管辖，建议立案调查',
      version: c.version,
    });
    c = await cases.decideFiling(leader, c.id, { approve: true, decidedOn: o.filedOn, opinion: '同意立案，由马国强、赵海燕承办', version: c.version });
    for (const e of o.evidence) {
      c = await cases.addEvidence(officer, c.id, { kind: e.kind, title: e.title, collectedAt: e.at, place: e.place, collectorIds: investigators, version: c.version });
    }
    c = await cases.conclude(officer, c.id, {
      ...o.conclude,
      reviewConditions: o.conclude.reviewConditions ?? [],
      complexOrMajor: o.conclude.complexOrMajor ?? false,
      version: c.version,
    });
    const legalReview = async (on: string) =>
      cases.legalReview(reviewer, c.id, {
        reviewedOn: on,
        opinion: 'agree',
        checks: { subject: true, procedure: true, facts: true, law: true, authority: true, documents: true, crime: false },
        comments: '主体合法，事实清楚，证据确实充分，程序合法，适用依据正确，裁量适当，同意承办机构意见',
        version: c.version,
      });
    if (o.review) c = await legalReview(o.review);
    if (o.discussedOn) {
      c = await cases.recordDiscussion(leader, c.id, {
        discussedOn: o.discussedOn,
        attendees: ['王建军', '艾尔肯·吐尔逊', '李秀兰', '周文'],
        conclusion: '同意承办机构的处理意见',
        minutes: '镇党政班子成员集体讨论，认为违法事实清楚，同意责令退还土地、限期拆除',
        version: c.version,
      });
    }
    if (o.noticeOn) {
      c = await cases.notify(officer, c.id, { servedOn: o.noticeOn, method: 'direct', version: c.version });
      if (o.statements) {
        const stated = Boolean(o.statements.content);
        c = await cases.recordStatements(officer, c.id, {
          recordedOn: o.statements.on,
          stated,
          content: o.statements.content,
          reexamination: stated ? '经复核，当事人提出的理由不影响违法事实的认定，已在裁量中予以考虑' : undefined,
          adopted: false,
          version: c.version,
        });
      }
      if (o.hearing) {
        c = await cases.requestHearing(officer, c.id, { requestedOn: o.hearing.requestedOn, version: c.version });
        c = await cases.scheduleHearing(officer, c.id, {
          notifiedOn: o.hearing.notifiedOn,
          hearingOn: o.hearing.hearingOn,
          place: '四棵树镇人民政府二楼会议室',
          presiderId: reviewer.actor.userId,
          public: true,
          version: c.version,
        });
        c = await cases.recordHearing(officer, c.id, {
          heldOn: o.hearing.hearingOn,
          partyAttended: true,
          minutes: '当事人到场陈述申辩，对违法事实无异议，请求从轻处罚。',
          version: c.version,
        });
        c = await legalReview(o.hearing.reviewOn);
      } else if (c.notice?.hearingRight) {
        c = await cases.waiveHearing(officer, c.id, { waivedOn: o.statements?.on ?? o.noticeOn, version: c.version });
      }
    }
    const p = o.conclude;
    c = await cases.decide(leader, c.id, {
      decidedOn: o.decidedOn,
      outcome: p.outcome,
      kinds: p.kinds,
      fineAmount: p.fineAmount,
      otherPenalty: p.otherPenalty,
      reasons: p.discretionReason ?? '',
      version: c.version,
    });
    c = await cases.serve(officer, c.id, { servedOn: o.servedOn, method: 'direct', recipient: o.clue.partyName, place: o.clue.partyAddress, version: c.version });
    if (o.publishedOn) c = await cases.publish(await as(ctx, 'sifasuo'), c.id, { publishedOn: o.publishedOn, version: c.version });
    if (o.paidOn)
      c = await cases.recordPayment(officer, c.id, {
        paidOn: o.paidOn,
        amount: p.fineAmount,
        method: 'bank',
        receipt: `新疆非税收入票据 ${o.paidOn.replaceAll('-', '')}`,
        version: c.version,
      });
    c = await cases.close(officer, c.id, {
      closedOn: o.closedOn,
      summary: p.outcome === 'penalty' ? '处罚决定已履行完毕' : '不予处罚决定已送达，当事人已接受教育',
      version: c.version,
    });
    return cases.archive(officer, c.id, { archivedOn: o.archivedOn, volume: `2024-普-${c.filingNumber?.match(/(\d+)号/)?.[1] ?? c.id}`, version: c.version });
  }

  // Two open 2025 cases: one past its 90 days without a decision, one whose fine is unpaid past 15 days.
  let open = await cases.createClue(officer, {
    powerId: powerIds.get('XZCF-011') as number,
    ...resident('马福祥', '高泉村2组11号'),
    summary: '森林防火期内在林区边缘野外烧荒',
    actDate: '2025-04-02',
    actPlace: '高泉村2组林区边缘',
    clueSource: '护林员报告',
    discoveredOn: '2025-04-02',
  });
  open = await cases.requestFiling(officer, open.id, { requestedOn: '2025-04-03', investigatorIds: investigators, opinion: '建议立案调查', version: open.version });
  open = await cases.decideFiling(leader, open.id, { approve: true, decidedOn: '2025-04-03', opinion: '同意立案', version: open.version });
  await cases.addEvidence(officer, open.id, {
    kind: 'inspection_record',
    title: '现场检查笔录',
    collectedAt: '2025-04-03T11:00:00+08:00',
    place: '高泉村2组林区边缘',
    collectorIds: investigators,
    version: open.version,
  });

  let unpaid = await cases.createClue(officer, {
    powerId: powerIds.get('XZCF-012') as number,
    ...resident('努尔江·吐尔洪', '吉尔格勒特村7组4号'),
    summary: '草原防火期内在草场野外用火',
    actDate: '2025-05-06',
    actPlace: '吉尔格勒特村7组夏牧场',
    clueSource: '草原管护员报告',
    discoveredOn: '2025-05-06',
  });
  unpaid = await cases.requestFiling(officer, unpaid.id, { requestedOn: '2025-05-07', investigatorIds: investigators, opinion: '建议立案调查', version: unpaid.version });
  unpaid = await cases.decideFiling(leader, unpaid.id, { approve: true, decidedOn: '2025-05-07', opinion: '同意立案', version: unpaid.version });
  unpaid = await cases.addEvidence(officer, unpaid.id, {
    kind: 'inspection_record',
    title: '现场检查笔录及照片',
    collectedAt: '2025-05-08T10:00:00+08:00',
    place: '吉尔格勒特村7组夏牧场',
    collectorIds: investigators,
    version: unpaid.version,
  });
  unpaid = await cases.conclude(officer, unpaid.id, {
    concludedOn: '2025-05-12',
    facts: '于2025年5月6日草原防火期内未经批准在夏牧场野外生火取暖，未采取防火措施',
    evidenceSummary: '现场检查笔录及照片、询问笔录',
    outcome: 'penalty',
    kinds: ['fine'],
    fineAmount: 500,
    basis: '《草原防火条例》第四十四条',
    reviewConditions: [],
    complexOrMajor: false,
    version: unpaid.version,
  });
  unpaid = await cases.notify(officer, unpaid.id, { servedOn: '2025-05-13', method: 'direct', version: unpaid.version });
  unpaid = await cases.recordStatements(officer, unpaid.id, { recordedOn: '2025-05-14', stated: false, version: unpaid.version });
  unpaid = await cases.decide(leader, unpaid.id, {
    decidedOn: '2025-05-19',
    outcome: 'penalty',
    kinds: ['fine'],
    fineAmount: 500,
    reasons: '未造成损失，按裁量基准处 500 元',
    version: unpaid.version,
  });
  unpaid = await cases.serve(officer, unpaid.id, { servedOn: '2025-05-20', method: 'direct', recipient: '努尔江·吐尔洪', version: unpaid.version });
  await cases.publish(await as(ctx, 'sifasuo'), unpaid.id, { publishedOn: '2025-05-23', version: unpaid.version });

  // 案卷评查: the finding categories as a configurable list, then the monthly self-review with 乌苏市水利局执法大队, May–December 2024, two files a month.
  for (const [i, c] of defaultFindingCategories.entries()) await createEntry(ctx, { kind: findingCategoryKind, code: c.code, label: c.label, sortOrder: i + 1 });
  const standard = await reviews.createStandard(ctx, {
    orgUnitId: townId,
    name: '四棵树镇行政处罚案卷评查标准（百分制）',
    items: defaultScoringItems,
    excellentMin: defaultCutoffs.excellent,
    passMin: defaultCutoffs.pass,
  });
  const documentsFound = [
    ['立案审批表', '案件来源栏未填写具体举报方式'],
    ['现场检查笔录', '检查人员未注明执法证件号码'],
    ['询问笔录', '未逐页由当事人签名确认'],
    ['行政处罚事先告知书', '未写明陈述申辩的期限'],
    ['行政处罚决定书', '法律依据未引用到款、项'],
    ['送达回证', '送达方式栏勾选与实际不符'],
    ['结案报告', '执行情况未附缴款票据号'],
    ['卷内目录', '页码与实际页数不一致'],
    ['行政处罚决定书', '履行期限表述不规范'],
    ['法制审核意见书', '审核人员签名日期空缺'],
    ['证据材料', '照片未注明拍摄时间、地点和拍摄人'],
    ['送达回证', '受送达人签收日期书写不清'],
    ['行政处罚事先告知书', '文号格式不统一'],
  ];
  const perReview = [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1];
  const months = ['2024-05-28', '2024-06-27', '2024-07-29', '2024-08-28', '2024-09-26', '2024-10-29', '2024-11-27', '2024-12-26'];
  const files = closedCases.map((c) => c.id);
  const closedOn = new Map(closedCases.map((c) => [c.id, c.closedOn as string]));
  const reviewedCount = new Map<number, number>();
  let review = 0;
  let found = 0;
  for (const [i, heldOn] of months.entries()) {
    const round = await reviews.createRound(ctx, {
      orgUnitId: townId,
      standardId: standard.id,
      title: `${Number(heldOn.slice(5, 7))}月行政执法案卷自查（与乌苏市水利局执法大队联合）`,
      heldOn,
      partner: '乌苏市水利局执法大队',
      reviewers: '周文（镇法制审核员）、乌苏市水利局执法大队案卷评查人员',
      summary: i === 0 ? '建立月度案卷自查机制后的首次评查' : '',
    });
    // Files closed by the round's date, least reviewed first; each of the eight files is reviewed twice.
    const due = files
      .filter((id) => (closedOn.get(id) as string) <= heldOn && (reviewedCount.get(id) ?? 0) < 2)
      .sort((a, b) => (reviewedCount.get(a) ?? 0) - (reviewedCount.get(b) ?? 0) || a - b);
    for (const caseId of due.slice(0, 2)) {
      const n = perReview[review] ?? 0;
      const findings = Array.from({ length: n }, (_, k) => {
        const [document, description] = documentsFound[(found + k) % documentsFound.length] as [string, string];
        return { document, category: 'document', description, assigneeId: ma, assigneeName: '马国强', dueOn: `${heldOn.slice(0, 8)}30` };
      });
      await reviews.createFileReview(reviewer, round.id, {
        caseId,
        reviewedOn: heldOn,
        reviewer: '周文、水利局执法大队评查组',
        deductions: { forms: Math.min(8, n * 2), binding: n > 1 ? 2 : 0 },
        comments: n ? `发现文书不规范问题 ${n} 处，已交办整改` : '',
        findings,
      });
      reviewedCount.set(caseId, (reviewedCount.get(caseId) ?? 0) + 1);
      review++;
      found += n;
    }
  }
  const openFindings = await reviews.listFindings(reviewer, { pageSize: 200 });
  for (const f of openFindings.items) {
    const rectifiedOn = f.dueOn ?? '2024-12-30';
    const fixed = await reviews.rectify(officer, f.id, { rectifiedOn, rectification: '已按评查意见补正文书并重新归档', version: f.version });
    await reviews.recheck(reviewer, f.id, { recheckedOn: rectifiedOn, passed: true, recheckedBy: '周文', note: '复查合格，予以销号', version: fixed.version });
  }
}
