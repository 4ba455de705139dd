import { type Static, type TProperties, type TSchema, Type } from 'typebox';
import { capabilities, roles } from './roles.ts';

/** Shared schema pieces: every field carries its Chinese title, which error messages quote. */
export const DateString = (title: string) => Type.String({ title, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** Row ids and versions are PostgreSQL integers: a larger number is refused here, not by the database. */
const INT4_MAX = 2_147_483_647;
export const Id = (title: string) => Type.Integer({ title, minimum: 1, maximum: INT4_MAX });
export const Text = (title: string, maxLength = 200, minLength = 1) => Type.String({ title, minLength, maxLength });
export const Version = Type.Integer({ title: '版本号', minimum: 1, maximum: INT4_MAX });
/** Request bodies and queries: only the listed fields get through (Fastify strips the rest before any service sees them). */
export const Input = <P extends TProperties>(properties: P) => Type.Object(properties, { additionalProperties: false });

export const IdParams = Input({ id: Type.Integer({ title: '编号', minimum: 1, maximum: INT4_MAX }) });
export const Literals = <const T extends readonly string[]>(values: T, title: string) => Type.Enum([...values] as T[number][], { title });

/** The one pagination shape: ?page=1&pageSize=20 in, {items,total,page,pageSize} out. */
export const pageFields = {
  page: Type.Optional(Type.Integer({ title: '页码', minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ title: '每页条数', minimum: 1, maximum: 200, default: 20 })),
};
export const PageQuery = Input(pageFields);
export type PageQuery = Static<typeof PageQuery>;
export const Page = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const VoidBody = Input({ reason: Text('作废原因', 500), version: Version });
export type VoidBody = Static<typeof VoidBody>;

export const ErrorBody = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Unknown() }),
});

export const RoleSchema = Literals(roles, '角色');
export const CapabilitySchema = Literals(capabilities, '权限');

export const LoginBody = Input({
  username: Text('用户名', 64),
  password: Type.String({ title: '密码', minLength: 1, maxLength: 128 }),
  otp: Type.Optional(Type.String({ title: '动态验证码', pattern: '^\\d{6}$' })),
});
export const ChangePasswordBody = Input({
  currentPassword: Type.String({ title: '原密码', minLength: 1, maxLength: 128 }),
  newPassword: Type.String({ title: '新密码', minLength: 1, maxLength: 128 }),
});

export const Me = Type.Object({
  user: Type.Object({
    id: Type.Integer(),
    username: Type.String(),
    displayName: Type.String(),
    orgUnitId: Type.Integer(),
    mustChangePassword: Type.Boolean(),
    mustEnrolTotp: Type.Boolean(),
    totpEnabled: Type.Boolean(),
  }),
  grants: Type.Array(Type.Object({ role: RoleSchema, orgUnitId: Type.Integer(), orgUnitName: Type.String() })),
  capabilities: Type.Array(CapabilitySchema),
  csrfToken: Type.String(),
});
export type Me = Static<typeof Me>;

export const TotpEnrolment = Type.Object({ secret: Type.String(), uri: Type.String() });
export const TotpCode = Input({ code: Type.String({ title: '动态验证码', pattern: '^\\d{6}$' }) });
export const TotpDisable = Input({ password: Type.String({ title: '密码', minLength: 1, maxLength: 128 }) });
export const SecurityPolicy = Type.Object({ totpRequiredForAdmins: Type.Boolean(), version: Type.Integer() });
export const SecurityPolicyUpdate = Input({ totpRequiredForAdmins: Type.Boolean({ title: '管理员须使用动态验证码' }), version: Version });

export const Health = Type.Object({
  status: Type.Literal('ok'),
  db: Type.Union([Type.Literal('embedded'), Type.Literal('external')]),
  version: Type.String(),
});

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  orgUnitId: Type.Union([Type.Integer(), Type.Null()]),
  result: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Input({
  ...pageFields,
  action: Type.Optional(Type.String({ title: '操作', maxLength: 64 })),
  actor: Type.Optional(Type.String({ title: '操作人', maxLength: 64 })),
  result: Type.Optional(Literals(['ok', 'denied', 'failed'] as const, '结果')),
  from: Type.Optional(DateString('开始日期')),
  to: Type.Optional(DateString('结束日期')),
});
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditVerification = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  lastId: Type.Union([Type.Integer(), Type.Null()]),
  problems: Type.Array(Type.String()),
});

export const Attachment = Type.Object({
  id: Type.Integer(),
  sha256: Type.String(),
  size: Type.Integer(),
  mime: Type.String(),
  filename: Type.String(),
  orgUnitId: Type.Integer(),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  uploadedAt: Type.String(),
});
export type Attachment = Static<typeof Attachment>;

/** The same fields, all optional (the body of a partial update). */
export const optional = <P extends TProperties>(properties: P) =>
  Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, Type.Optional(v)])) as { [K in keyof P]: ReturnType<typeof Type.Optional<P[K]>> };

export const DictionaryEntry = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  code: Type.String(),
  label: Type.String(),
  sortOrder: Type.Integer(),
  active: Type.Boolean(),
  version: Type.Integer(),
});
export type DictionaryEntry = Static<typeof DictionaryEntry>;
const dictionaryKind = Type.String({ title: '字典类别', pattern: '^[a-z][a-z_.]*$', maxLength: 64 });
export const DictionaryQuery = Input({ kind: dictionaryKind, includeInactive: Type.Optional(Type.Boolean({ title: '含停用项' })) });
export type DictionaryQuery = Static<typeof DictionaryQuery>;
export const DictionaryCreate = Input({
  kind: dictionaryKind,
  code: Type.String({ title: '代码', pattern: '^[a-z0-9_]+$', minLength: 1, maxLength: 64 }),
  label: Text('名称', 100),
  sortOrder: Type.Optional(Type.Integer({ title: '排序', minimum: 0, maximum: 9999 })),
});
export type DictionaryCreate = Static<typeof DictionaryCreate>;
export const DictionaryUpdate = Input({
  label: Type.Optional(Text('名称', 100)),
  sortOrder: Type.Optional(Type.Integer({ title: '排序', minimum: 0, maximum: 9999 })),
  active: Type.Optional(Type.Boolean({ title: '启用' })),
  version: Version,
});
export type DictionaryUpdate = Static<typeof DictionaryUpdate>;

export const CalendarOverride = Type.Object({ id: Type.Integer(), date: Type.String(), isWorkday: Type.Boolean(), name: Type.String(), version: Type.Integer() });
export type CalendarOverride = Static<typeof CalendarOverride>;
export const CalendarOverrideCreate = Input({
  date: DateString('日期'),
  isWorkday: Type.Boolean({ title: '是否上班' }),
  name: Type.String({ title: '说明', maxLength: 50 }),
});
export type CalendarOverrideCreate = Static<typeof CalendarOverrideCreate>;
export const CalendarInfo = Type.Object({
  knownThrough: Type.Integer({ description: '日历包已知的最后年份' }),
  overrides: Type.Array(CalendarOverride),
  unknownYears: Type.Array(Type.Integer(), { description: '今明两年中尚无官方放假安排的年份（期限只按周末计算）' }),
});
export const DeadlineQuery = Input({ from: DateString('起算日期'), workingDays: Type.Integer({ title: '工作日数', minimum: 0, maximum: 365 }) });
export const Deadline = Type.Object({ from: Type.String(), workingDays: Type.Integer(), deadline: Type.String(), official: Type.Boolean() });
