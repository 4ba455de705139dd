import { Type } from 'typebox';
import { CaseQuery, type CaseQuery as CaseQueryType } from '../../../domain/enforcement/contracts.ts';
import {
  caseStatusLabels,
  type PartyType,
  type PenaltyKind,
  type Procedure,
  partyTypeLabels,
  partyTypes,
  penaltyKindLabels,
  penaltyKinds,
  procedureLabels,
  procedures,
} from '../../../domain/enforcement/rules.ts';
import { type LedgerColumn, normaliseHeader, vocabularyEntries } from '../../../domain/platform/ledger.ts';
import { EVERY_ROW, type KindProblem, type LedgerKind, type ListExport } from '../../platform/ledger/kind.ts';
import { scopeOf } from '../../platform/permissions.ts';
import * as repo from './case.repository.ts';
import { type CaseLedgerItem, casesForLedger, checkHistoricCases, type HistoricCaseInput, importHistoricCases, mayReadParty } from './case.service.ts';
import * as reg from './enforcement.repository.ts';
import { listLegalReviewers, listOfficers, listPowers } from './enforcement.service.ts';
import { listRounds } from './review.service.ts';

/** 行政处罚案件台账 — the columns of a town's case register, in order; export-only ones are ignored on import. */
const columns: LedgerColumn[] = [
  { key: 'seq', header: '序号', type: 'integer', width: 6, exportOnly: true },
  { key: 'number', header: '案号', aliases: ['处罚决定书文号', '决定书文号', '文号'], type: 'text', required: true, max: 64, width: 24 },
  { key: 'body', header: '执法主体', aliases: ['所属单位', '执法机关', '执法单位'], type: 'text', required: true, dictionary: 'enforcement.bodies', max: 100, width: 20 },
  { key: 'power', header: '执法事项', aliases: ['处罚事项', '权责事项'], type: 'text', required: true, dictionary: 'enforcement.powers', max: 300, width: 30 },
  { key: 'summary', header: '案由', aliases: ['违法行为', '案情摘要'], type: 'text', required: true, max: 1000, width: 30 },
  { key: 'partyName', header: '当事人', aliases: ['当事人姓名或名称', '当事人名称'], type: 'text', required: true, max: 100, width: 16 },
  { key: 'partyType', header: '当事人类型', type: 'dict', required: true, dictionary: 'enforcement.party_type', width: 14 },
  {
    key: 'partyId',
    header: '证件号码',
    aliases: ['当事人证件号码', '身份证号', '统一社会信用代码', '身份证号码或统一社会信用代码'],
    type: 'text',
    identifier: 'idCard',
    width: 21,
  },
  { key: 'partyAddress', header: '地址', aliases: ['当事人地址', '住所', '住址'], type: 'text', max: 200, width: 24 },
  { key: 'procedure', header: '程序', aliases: ['适用程序'], type: 'dict', required: true, dictionary: 'enforcement.procedure', width: 10 },
  { key: 'filedOn', header: '立案日期', type: 'date', width: 12 },
  { key: 'decidedOn', header: '处罚决定日期', aliases: ['决定日期'], type: 'date', required: true, width: 12 },
  { key: 'kinds', header: '处罚种类', type: 'list', required: true, width: 16 },
  { key: 'fineAmount', header: '罚款金额（元）', aliases: ['罚款金额', '罚款（元）'], type: 'decimal', width: 12 },
  { key: 'confiscationValue', header: '没收金额（元）', aliases: ['没收金额', '没收（元）'], type: 'decimal', width: 12 },
  { key: 'closedOn', header: '结案日期', type: 'date', required: true, width: 12 },
  { key: 'archivedOn', header: '归档日期', type: 'date', width: 12 },
  { key: 'officers', header: '执法人员', aliases: ['承办人员', '办案人员'], type: 'list', required: true, width: 16 },
  { key: 'remark', header: '备注', aliases: ['结案情况'], type: 'text', max: 2000, width: 24 },
  { key: 'status', header: '案件状态', type: 'text', exportOnly: true, width: 12 },
];

/** What rows name, in the actor's write scope, by normalised name: looked up once per row of a large register. */
type Prep = {
  bodies: Map<string, reg.BodyRow>;
  /** A town's bodies, by the town's name. */
  townBodies: Map<string, reg.BodyRow[]>;
  /** A body's powers by code, name, and 'code name'. */
  powers: Map<string, reg.PowerRow>;
  /** Officers by town and name. */
  officers: Map<string, reg.OfficerRow>;
};

const MASKED = '为脱敏值，不能导入：请由办理案件的人员导出完整台账';
const ID_NUMBER = /^(\d{17}[\dX]|[0-9A-HJ-NPQRTUWXY]{18})$/;
const norm = (v: unknown) => normaliseHeader(v === null || v === undefined ? '' : String(v));
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
const powerLabel = (p: reg.PowerRow) => `${p.code} ${p.name}`;

/**
 * The kinds of penalty a cell names. Some labels hold a 顿号 themselves (暂扣许可证件、降低资质等级), so the cell is
 * read label by label, the longest first, rather than split at every 顿号.
 */
function penaltyKindsOf(items: readonly string[]): { kinds: PenaltyKind[] } | { unknown: string } {
  const labels = penaltyKinds.map((k) => ({ k, label: normaliseHeader(penaltyKindLabels[k]) })).sort((a, b) => b.label.length - a.label.length);
  let rest = normaliseHeader(items.join('、'));
  const kinds: PenaltyKind[] = [];
  while (rest) {
    const hit = labels.find((l) => rest.startsWith(l.label));
    if (!hit) return { unknown: rest.split('、')[0] as string };
    if (!kinds.includes(hit.k)) kinds.push(hit.k);
    rest = rest.slice(hit.label.length).replace(/^、/, '');
  }
  return { kinds };
}

/** Where a rule's problem about a historic case shows in the ledger: the column holding the field. */
const columnOf: Partial<Record<keyof HistoricCaseInput, string>> = {
  bodyId: 'body',
  powerId: 'power',
  officerIds: 'officers',
  partyIdNumber: 'partyId',
};

/** A ledger row as a historic case: its body, power and officers resolved in the actor's write scope. */
function toRecord(v: Record<string, unknown>, prep: Prep): { record: HistoricCaseInput } | { problems: KindProblem[] } {
  const problems: KindProblem[] = [];
  const fail = (column: string, message: string) => problems.push({ column, message });
  // A register may name the town (所属单位) instead of its body: that is the body when the town has only one.
  const ofTown = prep.townBodies.get(norm(v.body)) ?? [];
  const body = prep.bodies.get(norm(v.body)) ?? (ofTown.length === 1 ? ofTown[0] : undefined);
  if (!body) fail('body', `「${str(v.body)}」不是您管辖范围内的执法主体`);
  const power = body && prep.powers.get(`${body.id}|${norm(v.power)}`);
  if (body && !power) fail('power', `「${str(v.power)}」不在「${body.name}」的权责清单中`);
  const kinds = penaltyKindsOf(list(v.kinds));
  if ('unknown' in kinds) fail('kinds', `「${kinds.unknown}」不是处罚种类（可选：${penaltyKinds.map((k) => penaltyKindLabels[k]).join('；')}）`);
  const officerIds: number[] = [];
  for (const name of body ? list(v.officers) : []) {
    const officer = prep.officers.get(`${body?.org_unit_id}|${norm(name)}`);
    if (!officer) fail('officers', `「${name}」不是「${body?.org_unit_name}」已登记的执法人员`);
    else if (officer.user_id === null) fail('officers', `「${name}」尚未关联用户账号：请先在「执法人员」中为其关联账号`);
    else officerIds.push(officer.user_id);
  }
  const idNumber = str(v.partyId).toUpperCase();
  if (idNumber.includes('*')) fail('partyId', MASKED);
  else if (idNumber && !ID_NUMBER.test(idNumber)) fail('partyId', `「${idNumber}」不是有效的身份证号或统一社会信用代码`);
  if (problems.length || !body || !power || 'unknown' in kinds) return { problems };
  return {
    record: {
      bodyId: body.id,
      powerId: power.id,
      number: str(v.number),
      summary: str(v.summary),
      partyName: str(v.partyName),
      partyType: v.partyType as PartyType,
      partyIdNumber: idNumber || undefined,
      partyAddress: str(v.partyAddress) || undefined,
      procedure: v.procedure as Procedure,
      filedOn: (v.filedOn as string | null) ?? null,
      decidedOn: str(v.decidedOn),
      closedOn: str(v.closedOn),
      archivedOn: (v.archivedOn as string | null) ?? null,
      kinds: kinds.kinds,
      fineAmount: Number(v.fineAmount ?? 0),
      confiscationValue: Number(v.confiscationValue ?? 0),
      officerIds,
      remark: str(v.remark),
    },
  };
}

const keyOf = (r: { bodyId: number; number: string }) => `${r.bodyId}|${r.number}`;

function exportRow(c: CaseLedgerItem, i: number, reveal: boolean) {
  return {
    reveal,
    values: {
      seq: i + 1,
      number: c.decisionNumber ?? c.filingNumber ?? '',
      body: c.bodyName,
      power: `${c.powerCode} ${c.powerName}`,
      summary: c.summary,
      partyName: c.party.name,
      partyType: partyTypeLabels[c.party.type],
      partyId: c.party.idNumber ?? '',
      partyAddress: c.party.address,
      procedure: procedureLabels[c.procedure],
      filedOn: c.filedOn,
      decidedOn: c.decidedOn,
      kinds: c.kinds.map((k) => penaltyKindLabels[k]).join('、'),
      fineAmount: c.fineAmount,
      confiscationValue: c.confiscationValue,
      closedOn: c.closedOn,
      archivedOn: c.archivedOn,
      officers: c.officers.join('、'),
      remark: c.closingSummary,
      status: caseStatusLabels[c.status],
    },
  };
}

const attentionLabels = { due: '7日内到期', overdue: '已逾期', blocked: '受阻' } as const;

/**
 * 行政处罚案件台账: importing moves a town's old register of CLOSED penalty cases in — each row a case closed (or
 * archived) with its timeline dated as in the register, marked 台账导入, checked by the domain's rules for historic
 * cases and written through the case service, one audited transaction per chunk. Body + 案号 is the natural key.
 * Exporting writes the case list with its filters; party ID numbers show in full only to those who may see them.
 */
export const enforcementCasesLedger: LedgerKind<HistoricCaseInput, Prep> = {
  id: 'cases',
  title: '行政处罚案件台账',
  sheet: '案件台账',
  readCapability: 'enforcement.read',
  writeCapability: 'enforcement.write',
  columns,
  example: {
    number: '四镇综执罚〔2021〕1号',
    body: '四棵树镇综合执法大队',
    power: 'XZCF-016',
    summary: '示例：占用消防车通道',
    partyName: '张三',
    partyType: '公民',
    procedure: '简易程序',
    decidedOn: '2021-03-05',
    kinds: '罚款',
    fineAmount: 200,
    closedOn: '2021-03-20',
    officers: '马国强、赵海燕',
  },
  dictionaries: async (ctx) => {
    const scope = scopeOf(ctx.actor, 'enforcement.write');
    const [bodies, powers] = await Promise.all([reg.listBodies(ctx.db, scope), reg.listPowers(ctx.db, scope)]);
    return {
      'enforcement.bodies': bodies.map((b) => ({ code: String(b.id), label: b.name })),
      'enforcement.powers': powers.map((p) => ({ code: String(p.id), label: powerLabel(p) })),
      'enforcement.party_type': vocabularyEntries(partyTypes, partyTypeLabels),
      'enforcement.procedure': vocabularyEntries(procedures, procedureLabels),
    };
  },
  prepare: async (ctx) => {
    const scope = scopeOf(ctx.actor, 'enforcement.write');
    const [bodies, powers, officers] = await Promise.all([reg.listBodies(ctx.db, scope), reg.listPowers(ctx.db, scope), reg.listOfficers(ctx.db, scope)]);
    const townBodies = new Map<string, reg.BodyRow[]>();
    for (const b of bodies) townBodies.set(norm(b.org_unit_name), [...(townBodies.get(norm(b.org_unit_name)) ?? []), b]);
    return {
      bodies: new Map(bodies.map((b) => [norm(b.name), b])),
      townBodies,
      powers: new Map(powers.flatMap((p) => [p.code, p.name, powerLabel(p)].map((name) => [`${p.body_id}|${norm(name)}`, p] as const))),
      officers: new Map(officers.map((o) => [`${o.org_unit_id}|${norm(o.name)}`, o])),
    };
  },
  toRecord,
  key: keyOf,
  existing: async (ctx, _prep, records) => {
    const found = await repo.casesWithDecisionNumbers(
      ctx.db,
      records.map((r) => r.number),
    );
    return new Set(found.filter((c) => c.voided_at === null).map((c) => keyOf({ bodyId: c.body_id, number: c.decision_number as string })));
  },
  check: async (ctx, _prep, records) => (await checkHistoricCases(ctx, records)).map((p) => ({ index: p.index, column: columnOf[p.field] ?? p.field, message: p.message })),
  write: (ctx, _prep, records, note) => importHistoricCases(ctx, records, note),
  filters: Type.Omit(CaseQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const f = filters as Omit<CaseQueryType, 'page' | 'pageSize'>;
    const items = await casesForLedger(ctx, f, EVERY_ROW.pageSize);
    const reveal = mayReadParty(ctx);
    const power = f.powerId ? items.find((c) => c.powerId === f.powerId) : undefined;
    const conditions = [
      f.year && `${f.year}年`,
      f.status && `状态：${caseStatusLabels[f.status]}`,
      f.procedure && procedureLabels[f.procedure],
      power && `执法事项：${power.powerName}`,
      f.attention && attentionLabels[f.attention],
      f.q && `检索：${f.q}`,
    ].filter(Boolean) as string[];
    return { rows: items.map((c, i) => exportRow(c, i, reveal)), conditions };
  },
};

/** 执法人员名册: the officers page as a table, one row an officer, with the certificate valid today and every other. */
export const enforcementOfficersList: ListExport = {
  id: 'enforcement-officers',
  title: '执法人员名册',
  sheet: '执法人员',
  readCapability: 'enforcement.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'body', header: '执法主体', type: 'text', width: 24 },
    { key: 'name', header: '姓名', type: 'text', width: 10 },
    { key: 'post', header: '职务', type: 'text', width: 16 },
    { key: 'fullTime', header: '专兼职', type: 'text', width: 8 },
    { key: 'certificate', header: '有效执法证号', type: 'text', width: 20 },
    { key: 'validUntil', header: '有效期至', type: 'date', width: 12 },
    { key: 'status', header: '状态', type: 'text', width: 14 },
    { key: 'certificates', header: '全部执法证件', type: 'text', width: 60 },
  ],
  filters: Type.Object({}),
  exportRows: async (ctx) => {
    const officers = await listOfficers(ctx);
    return {
      conditions: [],
      rows: officers.map((o, i) => {
        const valid = o.certificates.find((c) => c.number === o.validCertificate);
        return {
          reveal: true,
          values: {
            seq: i + 1,
            body: o.bodyName,
            name: o.name,
            post: o.post,
            fullTime: o.fullTime ? '专职' : '兼职',
            certificate: o.validCertificate,
            validUntil: valid?.validUntil ?? null,
            status: !o.active ? '已停用' : o.validCertificate ? (valid?.warning === 'expiring' ? '持证（30日内到期）' : '持证在岗') : '无有效证件',
            certificates: o.certificates.map((c) => `${c.number}（${c.issuer}，${c.validFrom} 至 ${c.validUntil}）`).join('；'),
          },
        };
      }),
    };
  },
};

/** 行政处罚权责清单: the powers page, one row a power with its legal basis, range and discretion benchmark. */
export const enforcementPowersList: ListExport = {
  id: 'enforcement-powers',
  title: '行政处罚权责清单',
  sheet: '权责清单',
  readCapability: 'enforcement.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'code', header: '编码', type: 'text', width: 12 },
    { key: 'name', header: '处罚事项', type: 'text', width: 36 },
    { key: 'law', header: '法律依据', type: 'text', width: 36 },
    { key: 'kinds', header: '处罚种类', type: 'text', width: 18 },
    { key: 'range', header: '处罚幅度', type: 'text', width: 40 },
    { key: 'fineMin', header: '罚款下限（元）', type: 'decimal', width: 12 },
    { key: 'fineMax', header: '罚款上限（元）', type: 'decimal', width: 12 },
    { key: 'discretion', header: '裁量基准', type: 'text', width: 36 },
    { key: 'delegatedFrom', header: '原实施部门', type: 'text', width: 16 },
    { key: 'status', header: '状态', type: 'text', width: 14 },
  ],
  filters: Type.Object({}),
  exportRows: async (ctx) => ({
    conditions: [],
    rows: (await listPowers(ctx)).map((p, i) => ({
      reveal: true,
      values: {
        seq: i + 1,
        code: p.code,
        name: p.name,
        law: `${p.law}${p.article}`,
        kinds: p.penaltyKinds.map((k) => penaltyKindLabels[k]).join('、'),
        range: p.penaltyRange,
        fineMin: p.fineMin,
        fineMax: p.fineMax,
        discretion: p.discretion,
        delegatedFrom: p.delegatedFrom,
        status: [p.active ? '启用' : '停用', p.fiveYearLimitation && '五年追责'].filter(Boolean).join('、'),
      },
    })),
  }),
};

/** 案卷评查台账: the reviews page's rounds, one row a round with its case files and findings counted. */
export const enforcementReviewsList: ListExport = {
  id: 'enforcement-reviews',
  title: '案卷评查台账',
  sheet: '案卷评查',
  readCapability: 'enforcement.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'title', header: '评查', type: 'text', width: 36 },
    { key: 'heldOn', header: '日期', type: 'date', width: 12 },
    { key: 'partner', header: '联合单位', type: 'text', width: 22 },
    { key: 'reviewers', header: '评查人员', type: 'text', width: 20 },
    { key: 'files', header: '案卷（份）', type: 'integer', width: 10 },
    { key: 'findings', header: '发现问题（处）', type: 'integer', width: 12 },
    { key: 'corrected', header: '已纠正（处）', type: 'integer', width: 12 },
    { key: 'summary', header: '评查小结', type: 'text', width: 40 },
  ],
  filters: Type.Object({}),
  exportRows: async (ctx) => ({
    conditions: [],
    rows: (await listRounds(ctx)).map((r, i) => ({
      reveal: true,
      values: {
        seq: i + 1,
        title: r.title,
        heldOn: r.heldOn,
        partner: r.partner,
        reviewers: r.reviewers,
        files: r.fileReviews,
        findings: r.findings,
        corrected: r.corrected,
        summary: r.summary,
      },
    })),
  }),
};

/** 法制审核人员名册: the legal reviewers card, with why one may not review now (art. 58②). */
export const enforcementLegalReviewersList: ListExport = {
  id: 'enforcement-legal-reviewers',
  title: '法制审核人员名册',
  sheet: '法制审核人员',
  readCapability: 'enforcement.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'name', header: '姓名', type: 'text', width: 10 },
    { key: 'startedOn', header: '首次从事法制审核', type: 'date', width: 16 },
    { key: 'qualification', header: '法律职业资格证书编号', type: 'text', width: 24 },
    { key: 'status', header: '状态', type: 'text', width: 40 },
  ],
  filters: Type.Object({}),
  exportRows: async (ctx) => ({
    conditions: [],
    rows: (await listLegalReviewers(ctx)).map((r, i) => ({
      reveal: true,
      values: {
        seq: i + 1,
        name: r.name,
        startedOn: r.startedOn,
        qualification: r.qualificationNumber,
        status: r.problem ?? '可以审核',
      },
    })),
  }),
};
