import type { MemberCreate } from '../../../domain/org/contracts.ts';
import type { Role } from '../../../domain/platform/roles.ts';

/**
 * The demo town: 四棵树镇, 乌苏市, as the 2024 report (shared/seed) describes it. Names of people and villages are
 * illustrative; the structure (双组长, 副组长 = other 班子成员, 成员 = heads of villages and departments) and the
 * restructuring after personnel changes are the report's.
 */
export const city = { name: '乌苏市', code: '654202' };
export const town = { name: '四棵树镇', code: '654202103' };
export const villages = ['四棵树村', '吉尔格勒特村', '夹河子村', '黄渠村', '高泉村'];
export const departments = ['党政办公室', '司法所', '综合执法大队', '镇中心学校'];
export const countyBureau = '乌苏市司法局';

export type DemoUser = { username: string; displayName: string; unit: string; title: string; roles: { role: Role; unit: string }[]; phone?: string };
export const users: DemoUser[] = [
  { username: 'shuji', displayName: '王建军', unit: '四棵树镇', title: '镇党委书记', roles: [{ role: 'leader', unit: '四棵树镇' }] },
  { username: 'zhenzhang', displayName: '艾尔肯·吐尔逊', unit: '四棵树镇', title: '镇长', roles: [{ role: 'leader', unit: '四棵树镇' }] },
  { username: 'sifasuo', displayName: '李秀兰', unit: '司法所', title: '司法所所长', roles: [{ role: 'coordinator', unit: '四棵树镇' }], phone: '13909921234' },
  { username: 'zhifa1', displayName: '马国强', unit: '综合执法大队', title: '执法队员', roles: [{ role: 'officer', unit: '四棵树镇' }] },
  { username: 'zhifa2', displayName: '赵海燕', unit: '综合执法大队', title: '执法队员', roles: [{ role: 'officer', unit: '四棵树镇' }] },
  { username: 'shenhe', displayName: '周文', unit: '党政办公室', title: '法制审核员', roles: [{ role: 'reviewer', unit: '四棵树镇' }] },
  { username: 'guwen', displayName: '陈律师', unit: '四棵树镇', title: '常年法律顾问', roles: [{ role: 'counsel', unit: '四棵树镇' }] },
  { username: 'tiaojie', displayName: '古丽娜尔', unit: '司法所', title: '镇人民调解委员会调解员', roles: [{ role: 'mediator', unit: '四棵树镇' }] },
  { username: 'cungb', displayName: '刘长青', unit: '四棵树村', title: '村党支部书记', roles: [{ role: 'village_cadre', unit: '四棵树村' }] },
  { username: 'cungb2', displayName: '努尔兰', unit: '吉尔格勒特村', title: '村委会主任', roles: [{ role: 'village_cadre', unit: '吉尔格勒特村' }] },
  { username: 'ducha', displayName: '孙立新', unit: '乌苏市司法局', title: '督察科科长', roles: [{ role: 'supervisor', unit: '乌苏市' }] },
];

export const group = {
  name: '四棵树镇依法治镇工作领导小组',
  establishedOn: '2021-04-06',
  office: '司法所',
  responsibilities:
    '统筹推进全镇法治政府建设和依法治镇工作；研究解决依法行政中的重大问题；部署年度工作要点并督促落实；组织领导干部学法用法、行政执法三项制度、普法和人民调解工作；年度法治政府建设情况报告的审定。',
};

/** The group as first set up in 2021, before the personnel changes. */
export const firstMembers: MemberCreate[] = [
  { personName: '张志华', office: '原镇党委书记', position: 'leader', effectiveFrom: '2021-04-06' },
  { personName: '阿不都热合曼', office: '原镇长', position: 'leader', effectiveFrom: '2021-04-06' },
  { personName: '李秀兰', office: '司法所所长', position: 'deputy_leader', effectiveFrom: '2021-04-06' },
  { personName: '刘长青', office: '四棵树村党支部书记', position: 'member', effectiveFrom: '2021-04-06' },
];

export const restructuring = {
  meeting: {
    kind: 'special' as const,
    title: '关于调整依法治镇工作领导小组的专题会议',
    heldOn: '2024-03-12',
    place: '镇政府三楼会议室',
    host: '王建军',
    attendees: ['王建军', '艾尔肯·吐尔逊', '李秀兰', '周文', '马国强', '刘长青', '努尔兰'],
    minutes:
      '会议传达学习习近平法治思想和上级关于法治政府建设的部署。因人事变动，会议研究调整依法治镇工作领导小组：由镇党委书记与镇长共同担任双组长，其他班子成员任副组长，各村、各部门主要负责人为成员；领导小组办公室设在司法所。',
    decisions: '1. 调整领导小组组成人员，自2024年3月13日起执行；2. 印发2024年度依法治镇工作要点；3. 建立月度案卷自查机制。',
  },
  effectiveOn: '2024-03-13',
  reason: '人事变动，调整领导小组为双组长架构',
};

export const newMembers = (villageHeads: { name: string; unit: string }[]): Omit<MemberCreate, 'effectiveFrom'>[] => [
  { personName: '王建军', office: '镇党委书记', position: 'leader' },
  { personName: '艾尔肯·吐尔逊', office: '镇长', position: 'leader' },
  { personName: '李秀兰', office: '司法所所长（班子成员）', position: 'deputy_leader' },
  { personName: '周文', office: '党委委员、副镇长', position: 'deputy_leader' },
  { personName: '马国强', office: '综合执法大队队长', position: 'member' },
  ...villageHeads.map((v) => ({ personName: v.name, office: `${v.unit}主要负责人`, position: 'member' as const })),
];

export const tasks2024 = [
  { title: '党委中心组集体学法', description: '全年组织法律法规专题学习不少于4次，重点学习习近平法治思想', deadline: '2024-12-31', owner: '党政办公室', status: 'done' as const },
  { title: '党政主要负责人讲法治课', description: '党政主要负责人年内亲自讲授法治课不少于2次', deadline: '2024-12-31', owner: '党政办公室', status: 'done' as const },
  { title: '民主法治示范村复核', description: '配合做好全国民主法治示范村复核，推广集体议事制、村规民约', deadline: '2024-10-31', owner: '司法所', status: 'done' as const },
  {
    title: '落实行政执法"三项制度"',
    description: '执法公示、执法全过程记录、重大执法决定法制审核；与市水利局执法大队建立月度案卷自查机制',
    deadline: '2024-12-31',
    owner: '综合执法大队',
    status: 'done' as const,
  },
  {
    title: '"八五"普法重点节点宣传',
    description: '3·15、5·1、民法典宣传月、12·4国家宪法日及宪法宣传周开展主题宣传',
    deadline: '2024-12-07',
    owner: '司法所',
    status: 'done' as const,
  },
];
export const tasks2025 = [
  {
    title: '干部法治教育培训计划',
    description: '制定系统化、常态化培训计划，开展专题讲座、法律知识测试、案例分析',
    deadline: '2025-06-30',
    owner: '党政办公室',
    status: 'in_progress' as const,
  },
  { title: '充实法治工作队伍', description: '加大法治人才引进，鼓励参加法律职业资格考试', deadline: '2025-12-31', owner: '党政办公室', status: 'pending' as const },
  { title: '创新普法宣传方式', description: '法治文艺演出、法治漫画、短视频、线上互动', deadline: '2025-11-30', owner: '司法所', status: 'pending' as const },
];
