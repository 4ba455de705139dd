import { type Static, Type } from 'typebox';
import { DateString, Id, Input, Literals, optional, pageFields, RoleSchema, Text, Version } from '../platform/contracts.ts';
import { groupPositions, meetingKinds, orgUnitKinds, taskStatuses } from './rules.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const OrgUnitKind = Literals(orgUnitKinds, '单位类型');
export const OrgUnit = Type.Object({
  id: Type.Integer(),
  parentId: Nullable(Type.Integer()),
  kind: OrgUnitKind,
  name: Type.String(),
  code: Nullable(Type.String()),
  path: Type.String(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
});
export type OrgUnit = Static<typeof OrgUnit>;
export const OrgUnitCreate = Input({
  parentId: Id('上级单位'),
  kind: OrgUnitKind,
  name: Text('单位名称', 100),
  code: Type.Optional(Type.String({ title: '单位代码', maxLength: 32 })),
  sortOrder: Type.Optional(Type.Integer({ title: '排序', minimum: 0, maximum: 9999 })),
});
export type OrgUnitCreate = Static<typeof OrgUnitCreate>;
export const OrgUnitUpdate = Input({
  name: Type.Optional(Text('单位名称', 100)),
  code: Type.Optional(Type.String({ title: '单位代码', maxLength: 32 })),
  sortOrder: Type.Optional(Type.Integer({ title: '排序', minimum: 0, maximum: 9999 })),
  version: Version,
});
export type OrgUnitUpdate = Static<typeof OrgUnitUpdate>;

export const UserGrant = Type.Object({ id: Type.Integer(), role: RoleSchema, orgUnitId: Type.Integer(), orgUnitName: Type.String() });
export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  title: Nullable(Type.String()),
  phone: Nullable(Type.String({ description: '无权查看个人信息的角色看到脱敏值' })),
  idCard: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
  lockedUntil: Nullable(Type.String()),
  lastLoginAt: Nullable(Type.String()),
  voided: Type.Boolean(),
  version: Type.Integer(),
  grants: Type.Array(UserGrant),
});
export type User = Static<typeof User>;
const Phone = Type.String({ title: '手机号', pattern: '^1\\d{10}$' });
const IdCard = Type.String({ title: '身份证号', pattern: '^\\d{17}[\\dXx]$' });
export const UserCreate = Input({
  username: Type.String({ title: '用户名', minLength: 2, maxLength: 32, pattern: '^[a-zA-Z][a-zA-Z0-9_.-]*$' }),
  displayName: Text('姓名', 32),
  orgUnitId: Id('所属单位'),
  title: Type.Optional(Type.String({ title: '职务', maxLength: 64 })),
  phone: Type.Optional(Phone),
  idCard: Type.Optional(IdCard),
});
export type UserCreate = Static<typeof UserCreate>;
export const UserUpdate = Input({
  displayName: Type.Optional(Text('姓名', 32)),
  orgUnitId: Type.Optional(Id('所属单位')),
  title: Type.Optional(Type.String({ title: '职务', maxLength: 64 })),
  phone: Type.Optional(Type.Union([Phone, Type.Literal('')])),
  idCard: Type.Optional(Type.Union([IdCard, Type.Literal('')])),
  version: Version,
});
export type UserUpdate = Static<typeof UserUpdate>;
export const UserQuery = Input({
  ...pageFields,
  q: Type.Optional(Type.String({ title: '关键词', maxLength: 64 })),
  orgUnitId: Type.Optional(Id('所属单位')),
  phone: Type.Optional(Phone),
});
export type UserQuery = Static<typeof UserQuery>;
export const UserCreated = Type.Object({ user: User, initialPassword: Type.String() });
export const RoleAssignmentCreate = Input({ userId: Id('用户'), role: RoleSchema, orgUnitId: Id('单位') });
export type RoleAssignmentCreate = Static<typeof RoleAssignmentCreate>;

export const GroupPosition = Literals(groupPositions, '小组职务');
export const LeadingGroup = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  orgUnitName: Type.String(),
  name: Type.String(),
  establishedOn: Type.String(),
  responsibilities: Type.String(),
  office: Type.String(),
  version: Type.Integer(),
});
export type LeadingGroup = Static<typeof LeadingGroup>;
export const LeadingGroupCreate = Input({
  orgUnitId: Id('所属乡镇'),
  name: Text('小组名称', 100),
  establishedOn: DateString('成立日期'),
  responsibilities: Type.Optional(Type.String({ title: '工作职责', maxLength: 5000 })),
  office: Type.Optional(Type.String({ title: '办公室设在', maxLength: 200 })),
});
export type LeadingGroupCreate = Static<typeof LeadingGroupCreate>;
export const LeadingGroupUpdate = Input({
  name: Type.Optional(Text('小组名称', 100)),
  responsibilities: Type.Optional(Type.String({ title: '工作职责', maxLength: 5000 })),
  office: Type.Optional(Type.String({ title: '办公室设在', maxLength: 200 })),
  version: Version,
});
export type LeadingGroupUpdate = Static<typeof LeadingGroupUpdate>;

export const Member = Type.Object({
  id: Type.Integer(),
  leadingGroupId: Type.Integer(),
  userId: Nullable(Type.Integer()),
  personName: Type.String(),
  office: Type.String(),
  representsOrgUnitId: Nullable(Type.Integer()),
  position: GroupPosition,
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  appointedByMeetingId: Nullable(Type.Integer()),
  changeReason: Type.String(),
  version: Type.Integer(),
});
export type Member = Static<typeof Member>;
export const MemberCreate = Input({
  personName: Text('姓名', 32),
  office: Text('职务', 64),
  position: GroupPosition,
  effectiveFrom: DateString('任职起始日期'),
  userId: Type.Optional(Id('对应用户')),
  representsOrgUnitId: Type.Optional(Id('代表单位')),
  appointedByMeetingId: Type.Optional(Id('决定会议')),
});
export type MemberCreate = Static<typeof MemberCreate>;
export const MemberEnd = Input({
  effectiveTo: DateString('任职截止日期'),
  changeReason: Text('变动原因', 200),
  version: Version,
});
export type MemberEnd = Static<typeof MemberEnd>;
export const Restructure = Input({
  effectiveOn: DateString('调整生效日期'),
  reason: Text('调整原因', 200),
  meetingId: Type.Optional(Id('决定会议')),
  members: Type.Array(MemberCreate, { title: '新成员名单', minItems: 1, maxItems: 200 }),
});
export type Restructure = Static<typeof Restructure>;
export const MembersQuery = Input({ asOf: Type.Optional(DateString('查询日期')) });

export const MeetingKind = Literals(meetingKinds, '会议类型');
export const Meeting = Type.Object({
  id: Type.Integer(),
  orgUnitId: Type.Integer(),
  leadingGroupId: Nullable(Type.Integer()),
  kind: MeetingKind,
  title: Type.String(),
  heldOn: Type.String(),
  place: Type.String(),
  host: Type.String(),
  attendees: Type.Array(Type.String()),
  minutes: Type.String(),
  decisions: Type.String(),
  version: Type.Integer(),
});
export type Meeting = Static<typeof Meeting>;
const meetingFields = {
  kind: MeetingKind,
  title: Text('会议名称', 200),
  heldOn: DateString('会议日期'),
  place: Type.Optional(Type.String({ title: '地点', maxLength: 200 })),
  host: Type.Optional(Type.String({ title: '主持人', maxLength: 32 })),
  attendees: Type.Optional(Type.Array(Text('参会人', 32), { title: '参会人员', maxItems: 500 })),
  minutes: Type.Optional(Type.String({ title: '会议纪要', maxLength: 20000 })),
  decisions: Type.Optional(Type.String({ title: '议定事项', maxLength: 5000 })),
};
export const MeetingCreate = Input({ orgUnitId: Id('所属单位'), leadingGroupId: Type.Optional(Id('领导小组')), ...meetingFields });
export type MeetingCreate = Static<typeof MeetingCreate>;
export const MeetingUpdateBody = Input({ ...optional(meetingFields), version: Version });
export type MeetingUpdateBody = Static<typeof MeetingUpdateBody>;
export const MeetingQuery = Input({ ...pageFields, orgUnitId: Type.Optional(Id('所属单位')), leadingGroupId: Type.Optional(Id('领导小组')) });
export type MeetingQuery = Static<typeof MeetingQuery>;

export const TaskStatus = Literals(taskStatuses, '状态');
export const TaskProgress = Type.Object({ id: Type.Integer(), notedOn: Type.String(), note: Type.String(), notedBy: Nullable(Type.String()) });
export const Task = Type.Object({
  id: Type.Integer(),
  leadingGroupId: Type.Integer(),
  orgUnitId: Type.Integer(),
  year: Type.Integer(),
  title: Type.String(),
  description: Type.String(),
  ownerUnitId: Nullable(Type.Integer()),
  ownerName: Type.String(),
  deadline: Type.String(),
  status: TaskStatus,
  overdue: Type.Boolean(),
  version: Type.Integer(),
  progress: Type.Array(TaskProgress),
});
export type Task = Static<typeof Task>;
const taskFields = {
  title: Text('工作要点', 200),
  description: Type.Optional(Type.String({ title: '具体内容', maxLength: 5000 })),
  ownerUnitId: Type.Optional(Id('责任单位')),
  ownerName: Type.Optional(Type.String({ title: '责任人', maxLength: 64 })),
  deadline: DateString('完成时限'),
  status: Type.Optional(TaskStatus),
};
export const TaskCreate = Input({ leadingGroupId: Id('领导小组'), year: Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 }), ...taskFields });
export type TaskCreate = Static<typeof TaskCreate>;
export const TaskUpdateBody = Input({ ...optional(taskFields), version: Version });
export type TaskUpdateBody = Static<typeof TaskUpdateBody>;
export const TaskProgressCreate = Input({
  notedOn: DateString('进展日期'),
  note: Text('进展情况', 2000),
  status: Type.Optional(TaskStatus),
  version: Version,
});
export type TaskProgressCreate = Static<typeof TaskProgressCreate>;
export const TaskQuery = Input({
  ...pageFields,
  leadingGroupId: Type.Optional(Id('领导小组')),
  year: Type.Optional(Type.Integer({ title: '年度', minimum: 2000, maximum: 2100 })),
  status: Type.Optional(TaskStatus),
});
export type TaskQuery = Static<typeof TaskQuery>;
