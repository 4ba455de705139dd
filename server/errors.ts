/**
 * The one error type. Every code the platform can answer with is listed here once, with its HTTP status
 * and the Chinese message a clerk reads when the thrower gives none.
 */
const catalog = {
  // platform
  VALIDATION_FAILED: [400, '输入有误，请检查后重试'],
  BAD_REQUEST: [400, '请求无法处理'],
  UNAUTHENTICATED: [401, '请先登录'],
  SESSION_EXPIRED: [401, '登录已超时，请重新登录'],
  LOGIN_FAILED: [401, '用户名或密码错误'],
  ACCOUNT_LOCKED: [423, '账号已锁定，请稍后再试'],
  PASSWORD_CHANGE_REQUIRED: [403, '首次登录须先修改初始密码'],
  CSRF_REJECTED: [403, '请求来源校验失败，请刷新页面后重试'],
  FORBIDDEN: [403, '没有权限执行此操作'],
  NOT_FOUND: [404, '请求的内容不存在'],
  VERSION_CONFLICT: [409, '数据已被他人修改，请刷新后重试'],
  DUPLICATE: [409, '数据重复'],
  PAYLOAD_TOO_LARGE: [413, '文件过大'],
  UNSUPPORTED_TYPE: [415, '不支持的文件类型'],
  TOTP_REQUIRED: [401, '请输入验证器上的 6 位动态验证码'],
  TOTP_INVALID: [400, '动态验证码不正确，请核对手机时间后重试'],
  TOTP_ENROL_REQUIRED: [403, '系统要求管理员启用动态验证码，请先在「账号安全」中绑定验证器'],
  RATE_LIMITED: [429, '操作过于频繁，请稍后再试'],
  INTERNAL: [500, '系统内部错误，请联系管理员'],
  // org
  PASSWORD_POLICY: [400, '密码不符合要求'],
  PASSWORD_WRONG: [400, '原密码不正确'],
  ORG_UNIT_INVALID_PARENT: [400, '上级单位不正确'],
  LEADING_GROUP_RULE: [400, '领导小组信息不符合规则'],
  // reports
  REPORT_RULE: [409, '报告当前状态不允许此操作'],
  REPORT_HAS_PROBLEMS: [409, '报告体检发现与记录不符的内容，请先修改'],
  // mediation
  MEDIATION_RULE: [409, '不符合人民调解法的规定'],
  MEDIATION_INVALID: [400, '调解信息填写有误'],
  MEDIATION_IMPORT_INVALID: [400, '导入的台账有错误，未导入任何数据'],
  // learning
  LEARNING_RULE: [400, '学法活动信息不符合规则'],
  QUESTION_INVALID: [400, '题目内容不符合规则'],
  PAPER_RULE: [400, '组卷规则无法满足'],
  LEARNING_IMPORT_INVALID: [400, '导入文件有错误，未导入任何数据'],
  EXAM_STATE: [409, '测试当前状态不允许此操作'],
  EXAM_NOT_OPEN: [409, '测试尚未开始'],
  EXAM_CLOSED: [409, '测试已结束'],
  EXAM_MODE: [409, '该测试不支持此参考方式'],
  EXAM_ATTEMPTS_EXHAUSTED: [409, '作答次数已用完'],
  EXAM_TIME_UP: [409, '已超过答题时限，系统已按最后保存的答案交卷'],
  EXAM_ATTEMPT_FINISHED: [409, '本次作答已交卷'],
  // enforcement
  ENFORCEMENT_RULE: [409, '该操作不符合《行政处罚法》的规定'],
  ENFORCEMENT_STATE: [409, '案件当前所处环节不能进行此操作'],
  ENFORCEMENT_INVALID: [400, '执法信息填写有误'],
  // villages
  VILLAGES_RULE: [400, '村务信息不符合规则'],
  VILLAGES_STATE: [409, '当前状态不允许此操作'],
  // publicity
  PUBLICITY_RULE: [400, '普法信息不符合规则'],
  // ledgers (台账 import/export, every kind)
  LEDGER_FILE_INVALID: [400, '文件不是有效的 .xlsx 台账'],
  LEDGER_EMPTY: [400, '台账中没有数据行'],
  LEDGER_HEADER_MISSING: [400, '台账缺少必填的列'],
  LEDGER_JOB_NOT_FOUND: [404, '导入任务不存在或已过期'],
  // counsel
  COUNSEL_RULE: [400, '法律事务信息不符合规则'],
  COUNSEL_STATE: [409, '当前状态不允许此操作'],
  // backup and the fazhi command
  BACKUP_EXISTS: [409, '备份文件已存在，不会覆盖'],
  BACKUP_INVALID: [400, '备份文件已损坏、不完整或被改动，未恢复任何数据'],
  BACKUP_KEY_WRONG: [400, '主密钥或口令与备份时不同，无法解开备份文件'],
  BACKUP_VERSION: [409, '备份来自更新版本的 fazhi，请先升级'],
  RESTORE_NOT_EMPTY: [409, '目标数据库不是空的，只能恢复到新的空实例'],
  CLI_USAGE: [400, '命令参数有误'],
  DATABASE_UNAVAILABLE: [503, '无法连接数据库'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof catalog;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;
  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? catalog[code][1]);
    this.code = code;
    this.status = catalog[code][0];
    this.details = details ?? null;
  }
}

export const defaultMessage = (code: ErrorCode): string => catalog[code][1];
