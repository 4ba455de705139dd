import type { Committee, MemberCreate, PartyInput } from '../../../domain/mediation/contracts.ts';
import { type CloseOutcome, type OtherChannel, weekOf } from '../../../domain/mediation/rules.ts';
import { addDays, shanghaiDate } from '../../../domain/platform/dates.ts';
import * as committees from '../../modules/mediation/committee.service.ts';
import * as disputes from '../../modules/mediation/dispute.service.ts';
import type { Ctx } from '../../platform/context.ts';
import type { DemoUnits } from './modules.ts';

/**
 * 四棵树镇's people's mediation in 2024 (seed report 二(一)5): 镇村两级人民调解委员会, 65 disputes mediated of which 61
 * succeeded (61/65 = 93.8 %). Names, places and stories are illustrative; the counts are the report's. A few disputes
 * of 2025 and of the current weeks are still open, so the overdue and due-this-week views have something to show.
 */
const TOWN = '四棵树镇';
const VILLAGES = ['四棵树村', '吉尔格勒特村', '夹河子村', '黄渠村', '高泉村'];

type Member = Omit<MemberCreate, 'joinedOn'>;
const m = (name: string, gender: 'female' | 'male', position: MemberCreate['position'], title: string, phone: string, ethnicity = ''): Member => ({
  name,
  gender,
  position,
  title,
  phone,
  ethnicity,
});

/**
 * A committee named after its unit (at a village's 村委会 unless `address` says otherwise), every member joining when
 * its first term began; `renewedOn`: re-elected (换届, members 连选连任) on that day, starting a new three-year term.
 */
const committee = (unit: string, termStart: string, members: Member[], more: { renewedOn?: string; address?: string } = {}) => ({
  unit,
  name: `${unit}人民调解委员会`,
  termStart,
  renewedOn: more.renewedOn,
  address: more.address ?? `${unit}村委会`,
  members: members.map((x): MemberCreate => ({ ...x, joinedOn: termStart })),
});

const committeeSpecs = [
  committee(
    TOWN,
    '2021-03-01',
    [
      m('李秀兰', 'female', 'director', '司法所所长', '13909921234', '汉族'),
      m('哈力木拉提', 'male', 'deputy_director', '综治中心主任', '13899520011', '哈萨克族'),
      m('古丽娜尔', 'female', 'member', '司法所专职调解员', '13565420032', '维吾尔族'),
      m('王德福', 'male', 'member', '镇派出所民警', '13709921105', '汉族'),
      m('阿依古丽', 'female', 'member', '镇妇联主席', '15199520218', '维吾尔族'),
      m('陈律师', 'male', 'mediator', '常年法律顾问（聘任调解员）', '13809921888', '汉族'),
    ],
    { renewedOn: '2024-03-01', address: '四棵树镇综治中心一楼调解室' },
  ),
  committee('四棵树村', '2023-12-26', [
    m('刘长青', 'male', 'director', '村党支部书记', '13999521101'),
    m('张桂芬', 'female', 'member', '村妇联主席', '13999521102'),
    m('马文礼', 'male', 'member', '村民小组长', '13999521103'),
    m('赵玉兰', 'female', 'mediator', '退休教师（聘任调解员）', '13999521104'),
  ]),
  committee('吉尔格勒特村', '2023-12-20', [
    m('努尔兰', 'male', 'director', '村委会主任', '13999522201', '哈萨克族'),
    m('古丽巴哈尔', 'female', 'deputy_director', '村妇联主席', '13999522202', '哈萨克族'),
    m('叶尔波拉提', 'male', 'member', '村民小组长', '13999522203', '哈萨克族'),
    m('李建华', 'male', 'member', '村民代表', '13999522204', '汉族'),
  ]),
  committee('夹河子村', '2023-12-25', [
    m('吐尔逊江', 'male', 'director', '村党支部书记', '13999523301', '维吾尔族'),
    m('王春梅', 'female', 'member', '村妇联主席', '13999523302', '汉族'),
    m('周海', 'male', 'member', '村民小组长', '13999523303', '汉族'),
  ]),
  committee(
    '黄渠村',
    '2021-12-28',
    [
      m('杨国庆', 'male', 'director', '村委会主任', '13999524401', '回族'),
      m('马秀英', 'female', 'member', '村妇联主席', '13999524402', '回族'),
      m('孙志刚', 'male', 'member', '村民代表', '13999524403', '汉族'),
      m('何丽', 'female', 'member', '村会计', '13999524404', '汉族'),
      m('布尔兰', 'male', 'member', '村民小组长', '13999524405', '哈萨克族'),
    ],
    { renewedOn: '2024-12-28' },
  ),
  committee(
    '高泉村',
    '2021-12-30',
    [
      m('热合曼', 'male', 'director', '村党支部书记', '13999525501', '维吾尔族'),
      m('帕提古丽', 'female', 'member', '村妇联主席', '13999525502', '维吾尔族'),
      m('田永福', 'male', 'member', '村民小组长', '13999525503', '汉族'),
    ],
    { renewedOn: '2024-12-30' },
  ),
];

const trainings = [
  { member: '古丽娜尔', trainedOn: '2024-04-18', title: '乌苏市人民调解员业务培训（《人民调解法》与调解协议制作）', hours: 8, organiser: '乌苏市司法局' },
  { member: '哈力木拉提', trainedOn: '2024-04-18', title: '乌苏市人民调解员业务培训（《人民调解法》与调解协议制作）', hours: 8, organiser: '乌苏市司法局' },
  { member: '刘长青', trainedOn: '2024-06-12', title: '婚姻家庭与邻里纠纷调解实务', hours: 4, organiser: '四棵树镇司法所' },
  { member: '努尔兰', trainedOn: '2024-06-12', title: '婚姻家庭与邻里纠纷调解实务', hours: 4, organiser: '四棵树镇司法所' },
  { member: '杨国庆', trainedOn: '2024-09-20', title: '土地承包经营纠纷调解培训', hours: 6, organiser: '乌苏市司法局' },
];

type Story = { type: string; summary: string; facts: string; responsibilities: string; terms: string; method: string; deadline: string; amount?: number; orgA?: string };
const stories: Story[] = [
  {
    type: 'neighbourhood',
    summary: '{a}与{b}系邻居，因{b}家排水沟改道致雨水流入{a}院内发生争执，双方多次争吵。',
    facts: '{b}于雨季前自行改建排水沟，雨水流入{a}院内，{a}要求恢复原状，双方发生争执。',
    responsibilities: '{b}改建排水沟未与邻居协商，应承担主要责任；{a}处理方式欠妥，亦有一定责任。',
    terms: '一、{b}于协议签订后十日内将排水沟恢复原走向；\n二、{a}对{b}的施工予以配合；\n三、双方今后互谅互让，和睦相处。',
    method: '{b}自行施工恢复，村调委会现场查看',
    deadline: '协议签订后十日内',
  },
  {
    type: 'marriage_family',
    summary: '{a}与{b}系夫妻，因家庭琐事及子女上学费用分担问题发生矛盾，{a}申请调解。',
    facts: '双方婚后育有一子，因子女上学费用及家务分担长期争吵，{a}回娘家居住。',
    responsibilities: '双方沟通方式不当，均有责任。',
    terms: '一、双方共同承担子女教育费用；\n二、{b}每月按时将务工收入交家庭共同使用；\n三、双方互相尊重，不得以言语相伤害。',
    method: '双方自觉履行，调委会回访督促',
    deadline: '自协议签订之日起履行',
  },
  {
    type: 'house_homestead',
    summary: '{a}与{b}因宅基地界址不清发生纠纷，双方对院墙位置存在争议。',
    facts: '{a}翻建院墙时超出原界址约0.5米，{b}认为侵占其宅基地，阻止施工。',
    responsibilities: '{a}翻建院墙未按原界址施工，应承担主要责任。',
    terms: '一、以村委会存档宅基地界址图为准，{a}将院墙后移0.5米；\n二、拆除重建费用由{a}承担；\n三、{b}不再阻挠施工。',
    method: '{a}自行拆除重建，村调委会见证',
    deadline: '协议签订后三十日内',
  },
  {
    type: 'land_forest',
    summary: '{a}与{b}因承包地边界及灌溉用水先后发生纠纷。',
    facts: '双方承包地相邻，{b}翻耕时越过地界约两米，并在灌溉期截留水渠用水。',
    responsibilities: '{b}越界耕种、截留用水，应承担主要责任。',
    terms: '一、按承包合同确定的四至重新埋设界桩；\n二、灌溉用水按村用水小组排定顺序轮灌；\n三、{b}补偿{a}青苗损失{amount}元。',
    method: '现金一次性支付',
    deadline: '协议签订当日',
    amount: 1200,
  },
  {
    type: 'contract',
    summary: '{a}向{b}购买棉花种子，因种子出苗率低及货款支付发生合同纠纷，涉及金额{amount}元。',
    facts: '{a}向{b}购买棉花种子，出苗率明显低于约定，{a}拒付剩余货款，{b}多次催要。',
    responsibilities: '{b}提供的种子质量不符合约定，应承担相应责任；{a}未按约支付货款亦有不当。',
    terms: '一、{b}减免货款{amount}元；\n二、{a}支付剩余货款；\n三、双方合同关系就此了结。',
    method: '银行转账',
    deadline: '协议签订后十五日内',
    amount: 6800,
    orgA: '四棵树镇丰收农资店',
  },
  {
    type: 'damages',
    summary: '{b}饲养的羊只进入{a}承包地啃食玉米，造成损失，双方就赔偿数额协商未果。',
    facts: '{b}放牧时看管不严，羊群进入{a}玉米地，啃食、踩踏玉米约1.5亩。',
    responsibilities: '{b}看管牲畜不严，应承担赔偿责任。',
    terms: '一、{b}赔偿{a}玉米损失{amount}元；\n二、{b}今后加强牲畜看管，不再进入他人承包地。',
    method: '现金支付',
    deadline: '协议签订后七日内',
    amount: 2600,
  },
  {
    type: 'labour',
    summary: '{a}在{b}处从事棉花采摘，因工钱结算发生纠纷，涉及金额{amount}元。',
    facts: '{a}受雇于{b}采摘棉花二十余天，{b}以采摘质量为由拖欠部分工钱。',
    responsibilities: '{b}拖欠工钱应承担主要责任。',
    terms: '一、{b}支付{a}工钱{amount}元；\n二、双方雇佣关系就此了结，互不追究。',
    method: '微信转账',
    deadline: '协议签订后三日内',
    amount: 4500,
    orgA: '',
  },
  {
    type: 'production',
    summary: '{a}与{b}合伙经营农机作业，因年终收益分配发生纠纷，涉及金额{amount}元。',
    facts: '双方合伙购置播种机承揽作业，因维修费用是否计入成本发生分歧。',
    responsibilities: '双方合伙时未书面约定费用分担，均有责任。',
    terms: '一、维修费用计入合伙成本；\n二、{a}向{b}支付收益差额{amount}元；\n三、农机由{b}继续使用，折价款另行结算。',
    method: '银行转账',
    deadline: '协议签订后十日内',
    amount: 9000,
  },
  {
    type: 'traffic',
    summary: '{a}驾驶农用三轮车与{b}的电动车发生刮擦，双方就医疗费及修车费赔偿发生争议。',
    facts: '事故经交警认定{a}负主要责任，{b}轻微受伤，电动车受损。',
    responsibilities: '{a}负事故主要责任，{b}负次要责任。',
    terms: '一、{a}赔偿{b}医疗费、修车费共计{amount}元；\n二、双方就此事故再无其他争议。',
    method: '现金一次性支付',
    deadline: '协议签订当日',
    amount: 3200,
  },
  {
    type: 'other',
    summary: '{a}与{b}因共用巷道堆放柴草、农机具影响通行发生纠纷。',
    facts: '{b}长期在共用巷道堆放柴草，影响{a}家车辆通行。',
    responsibilities: '{b}占用共用巷道，应承担主要责任。',
    terms: '一、{b}于五日内清理巷道内柴草；\n二、今后巷道保持畅通，双方均不得堆放杂物。',
    method: '{b}自行清理',
    deadline: '协议签订后五日内',
  },
];

const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗'];
const given = ['建国', '秀英', '志强', '桂兰', '海军', '玉梅', '国华', '春燕', '德明', '丽娟', '永红', '金花', '振华', '小燕', '卫东', '淑珍'];
const minority = ['艾力·买买提', '阿依努尔', '买买提江', '古丽米热', '叶尔江', '哈丽旦', '努尔别克', '再努尔', '吐逊古丽', '阿不都拉'];

function personName(i: number): string {
  if (i % 3 === 2) return minority[i % minority.length] as string;
  return `${surnames[(i * 7) % surnames.length]}${given[(i * 5) % given.length]}`;
}

/** A well-formed (check digit included) 身份证号 of 乌苏市 (654202). */
export function demoIdCard(i: number, gender: 'female' | 'male'): string {
  const birth = `19${60 + (i % 35)}${String((i % 12) + 1).padStart(2, '0')}${String((i % 27) + 1).padStart(2, '0')}`;
  const order = String((i * 37) % 99).padStart(2, '0') + String(gender === 'male' ? ((i * 2) % 10) | 1 : (i * 2) % 10);
  const body = `654202${birth}${order}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, c, k) => s + Number(c) * (weights[k] as number), 0);
  return body + ('10X98765432'[sum % 11] as string);
}

const fill = (t: string, v: Record<string, string>) => t.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

/** Disputes per month of 2024 (65 in all). */
const perMonth = [4, 5, 6, 6, 7, 6, 5, 6, 5, 6, 5, 4];
/** Indexes (0-based) of the four disputes of 2024 that did not end in an agreement. */
const unsuccessful = new Map<number, { outcome: CloseOutcome; channels: OtherChannel[]; note: string }>([
  [11, { outcome: 'failed', channels: ['litigation'], note: '双方对赔偿数额分歧较大，经三次调解未能达成协议，已告知可向人民法院起诉。' }],
  [26, { outcome: 'terminated', channels: ['litigation'], note: '被申请方要求终止调解（《人民调解法》第二十三条），已告知可向人民法院起诉。' }],
  [43, { outcome: 'failed', channels: ['arbitration', 'litigation'], note: '涉及劳动关系认定，调解不成，已告知可申请劳动仲裁。' }],
  [57, { outcome: 'terminated', channels: ['administrative'], note: '纠纷涉及土地确权，已告知向乌苏市自然资源局申请处理。' }],
]);

export async function loadMediationDemo(ctx: Ctx, units: DemoUnits): Promise<void> {
  const created = new Map<string, Committee>();
  for (const spec of committeeSpecs) {
    let c = await committees.createCommittee(ctx, {
      orgUnitId: units.get(spec.unit) as number,
      name: spec.name,
      termStart: spec.termStart,
      address: spec.address,
      members: spec.members,
    });
    if (spec.renewedOn) c = await committees.updateCommittee(ctx, c.id, { termStart: spec.renewedOn, version: c.version });
    created.set(spec.unit, c);
  }
  const memberId = (name: string) => [...created.values()].flatMap((c) => c.members).find((x) => x.name === name)?.id as number;
  for (const t of trainings) await committees.addTraining(ctx, memberId(t.member), { trainedOn: t.trainedOn, title: t.title, hours: t.hours, organiser: t.organiser });

  let n = 0;
  const partiesFor = (i: number, story: Story): PartyInput[] => {
    const ga = i % 2 === 0 ? 'male' : 'female';
    const gb = i % 3 === 0 ? 'female' : 'male';
    const a: PartyInput = story.orgA
      ? { kind: 'organisation', role: 'applicant', name: story.orgA }
      : { kind: 'person', role: 'applicant', name: personName(2 * i), gender: ga, idNumber: demoIdCard(2 * i, ga), phone: `139${String(90000000 + i * 7919).slice(-8)}` };
    const b: PartyInput = {
      kind: 'person',
      role: 'respondent',
      name: personName(2 * i + 1),
      gender: gb,
      idNumber: demoIdCard(2 * i + 1, gb),
      phone: `158${String(60000000 + i * 6007).slice(-8)}`,
    };
    if (a.name === b.name) b.name = `${b.name}（乙）`;
    return [a, b];
  };

  type Plan = { registeredOn: string; unit: string; committeeUnit: string; story: Story; i: number };
  const plans: Plan[] = [];
  perMonth.forEach((count, month) => {
    for (let k = 0; k < count; k++, n++) {
      const day = Math.min(3 + ((k * 11 + month * 3) % 22), month === 11 ? 16 : 25);
      const unit = n % 6 === 5 ? TOWN : (VILLAGES[n % 5] as string);
      // Disputes at the town, and every seventh of the villages' (the harder ones), go to the town's committee.
      const committeeUnit = unit === TOWN || n % 7 === 3 ? TOWN : unit;
      plans.push({
        registeredOn: `2024-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
        unit,
        committeeUnit,
        story: stories[n % stories.length] as Story,
        i: n,
      });
    }
  });

  const histories: disputes.DisputeHistory[] = [];
  for (const p of plans) {
    const committee = created.get(p.committeeUnit) as Committee;
    const parties = partiesFor(p.i, p.story);
    const values = { a: parties[0]?.name ?? '', b: parties[1]?.name ?? '', amount: p.story.amount ? String(p.story.amount + (p.i % 5) * 100) : '' };
    const source = p.i % 9 === 4 ? 'referral' : p.i % 4 === 1 ? 'initiative' : 'application';
    const mediators = committee.members.filter((x) => x.position !== 'mediator' || p.i % 4 === 0).slice(p.i % 2, (p.i % 2) + 2);
    const acceptedOn = addDays(p.registeredOn, p.i % 3 === 0 ? 1 : 0);
    const failed = unsuccessful.get(p.i);
    const sessions: NonNullable<disputes.DisputeHistory['sessions']> = [];
    let last = acceptedOn;
    const count = failed ? 3 : p.i % 3 === 0 ? 2 : 1;
    for (let s = 0; s < count; s++) {
      last = addDays(last, 2 + ((p.i + s) % 4));
      sessions.push({
        heldOn: last,
        place: committee.address,
        mediators: mediators.map((x) => x.name),
        attendees: parties.map((x) => x.name),
        record:
          s === count - 1 && !failed ? '听取双方陈述，讲解有关法律规定，双方互谅互让，自愿达成协议。' : '听取双方陈述，核实有关情况，释法明理，双方分歧仍较大，约定再次调解。',
      });
    }
    const closedOn = addDays(last, 1);
    const written = p.i % 4 !== 2;
    histories.push({
      orgUnitId: units.get(p.unit) as number,
      committeeId: committee.id,
      registeredOn: p.registeredOn,
      source,
      referralFrom: source === 'referral' ? (['hotline_12345', 'police', 'court'] as const)[p.i % 3] : undefined,
      typeCode: p.story.type,
      summary: fill(p.story.summary, values),
      amount: values.amount ? `${values.amount}.00` : undefined,
      parties,
      accepted: { acceptedOn, mediatorIds: mediators.map((x) => x.id) },
      sessions,
      closed: failed
        ? { closedOn, outcome: failed.outcome, otherChannels: failed.channels, note: failed.note }
        : {
            closedOn,
            outcome: 'succeeded',
            agreementKind: written ? 'written' : 'oral',
            facts: fill(p.story.facts, values),
            responsibilities: fill(p.story.responsibilities, values),
            terms: fill(p.story.terms, values),
            performanceMethod: fill(p.story.method, values),
            performanceDeadline: p.story.deadline,
          },
      followUps:
        !failed && p.i % 3 === 1
          ? [{ followedOn: addDays(closedOn, 15), method: p.i % 2 ? 'phone' : 'visit', performance: 'performed', note: '当事人已按协议履行，双方关系恢复正常。' }]
          : undefined,
      judicial:
        !failed && written && (p.i === 8 || p.i === 33)
          ? { appliedOn: addDays(closedOn, 6), court: '乌苏市人民法院', jointly: true, result: { result: 'confirmed', resultOn: addDays(closedOn, 8), note: '裁定调解协议有效' } }
          : undefined,
    });
  }
  histories.push(...openDisputes(units, created, partiesFor));
  await disputes.recordHistories(ctx, histories);
}

/** Still open: two of 2025 past their target, one never accepted, one due this week, one just registered, one awaiting 司法确认. */
function openDisputes(units: DemoUnits, created: Map<string, Committee>, partiesFor: (i: number, s: Story) => PartyInput[]): disputes.DisputeHistory[] {
  const today = shanghaiDate(new Date());
  const dueThisWeek = addDays(weekOf(today).sunday, -30);
  const open = [
    { unit: '四棵树村', registeredOn: '2025-10-09', accept: true, story: 0 },
    { unit: '吉尔格勒特村', registeredOn: '2025-11-03', accept: true, story: 3 },
    { unit: '黄渠村', registeredOn: '2025-12-15', accept: false, story: 5 },
    { unit: '夹河子村', registeredOn: dueThisWeek, accept: true, story: 2 },
    { unit: '高泉村', registeredOn: addDays(today, -1), accept: false, story: 9 },
  ];
  const out: disputes.DisputeHistory[] = open.map((o, k) => {
    const committee = created.get(o.unit) as Committee;
    const story = stories[o.story] as Story;
    const parties = partiesFor(100 + k, story);
    const values = { a: parties[0]?.name ?? '', b: parties[1]?.name ?? '', amount: story.amount ? String(story.amount) : '' };
    const mediators = committee.members.slice(0, 2);
    return {
      orgUnitId: units.get(o.unit) as number,
      registeredOn: o.registeredOn,
      source: 'application',
      typeCode: story.type,
      summary: fill(story.summary, values),
      amount: values.amount ? `${values.amount}.00` : undefined,
      parties,
      accepted: o.accept ? { acceptedOn: o.registeredOn, mediatorIds: mediators.map((x) => x.id) } : undefined,
      sessions: o.accept
        ? [
            {
              heldOn: o.registeredOn,
              place: committee.address,
              mediators: mediators.map((x) => x.name),
              attendees: parties.map((x) => x.name),
              record: '听取双方陈述，双方同意继续协商。',
            },
          ]
        : undefined,
    };
  });

  // A written agreement whose 30 days for 司法确认 are nearly up.
  const committee = created.get('四棵树村') as Committee;
  const story = stories[6] as Story;
  const parties = partiesFor(110, story);
  const values = { a: parties[0]?.name ?? '', b: parties[1]?.name ?? '', amount: '5200' };
  const closedOn = addDays(today, -26);
  const director = committee.members[0] as Committee['members'][number];
  out.push({
    orgUnitId: units.get('四棵树村') as number,
    registeredOn: addDays(closedOn, -5),
    source: 'application',
    typeCode: story.type,
    summary: fill(story.summary, values),
    amount: '5200.00',
    parties,
    accepted: { acceptedOn: addDays(closedOn, -5), mediatorIds: [director.id] },
    sessions: [
      {
        heldOn: addDays(closedOn, -2),
        place: committee.address,
        mediators: [director.name],
        attendees: parties.map((x) => x.name),
        record: '双方自愿达成协议，并表示将共同申请司法确认。',
      },
    ],
    closed: {
      closedOn,
      outcome: 'succeeded',
      agreementKind: 'written',
      facts: fill(story.facts, values),
      responsibilities: fill(story.responsibilities, values),
      terms: fill(story.terms, values),
      performanceMethod: fill(story.method, values),
      performanceDeadline: story.deadline,
    },
  });
  return out;
}
