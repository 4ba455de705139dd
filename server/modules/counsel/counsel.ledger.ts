import { Type } from 'typebox';
import { type LawsuitHearing, LawsuitQuery, type MatterCreate, MatterQuery } from '../../../domain/counsel/contracts.ts';
import {
  absenceReasonLabels,
  appearanceRoleLabels,
  instanceLabels,
  type LawsuitKind,
  type LawsuitStatus,
  lawsuitKindLabels,
  lawsuitStatusLabels,
  type MatterKind,
  matterKindLabels,
  matterKinds,
  matterStatusLabels,
  outcomeLabels,
  type Ratio,
  townRoleLabels,
} from '../../../domain/counsel/rules.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type { LedgerColumn } from '../../../domain/platform/ledger.ts';
import { EVERY_ROW, type KindProblem, type LedgerKind, type ListExport } from '../../platform/ledger/kind.ts';
import { unitDayTitle, unitDayTitleTaken } from '../../platform/ledger/ledger.repository.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { createMatter, listEngagements, listLawsuits, listMatters } from './counsel.service.ts';

const columns: LedgerColumn[] = [
  { key: 'unit', header: '所属单位', aliases: ['单位', '乡镇/村'], type: 'text', required: true, dictionary: 'places', max: 100, width: 16 },
  { key: 'kind', header: '事务类型', aliases: ['类型', '事项类型'], type: 'dict', required: true, dictionary: 'counsel.matter_kind', width: 14 },
  { key: 'title', header: '事项名称', aliases: ['事项', '名称', '合同名称'], type: 'text', required: true, max: 200, width: 30 },
  { key: 'requester', header: '提请单位/人', aliases: ['提请单位', '提请人', '送审单位'], type: 'text', required: true, max: 100, width: 16 },
  { key: 'receivedOn', header: '收到日期', aliases: ['日期', '送审日期', '受理日期'], type: 'date', required: true, width: 12 },
  { key: 'deadline', header: '办理期限', aliases: ['期限', '完成时限'], type: 'date', required: true, width: 12 },
  { key: 'counselName', header: '承办律师', aliases: ['律师', '法律顾问'], type: 'text', max: 32, width: 10 },
  { key: 'amount', header: '涉及金额（元）', aliases: ['合同金额', '金额', '涉及金额'], type: 'decimal', width: 14 },
  { key: 'description', header: '事项说明', aliases: ['说明', '备注'], type: 'text', max: 20_000, width: 30 },
  { key: 'status', header: '办理状态', type: 'text', exportOnly: true, width: 10 },
  { key: 'completedOn', header: '办结日期', type: 'date', exportOnly: true, width: 12 },
];

type Prep = { places: Place[]; today: string };
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** 法律顾问工作台账: contract reviews, legality reviews and other counsel matters, written by createMatter (its rules, its audit). */
export const counselMattersLedger: LedgerKind<MatterCreate, Prep> = {
  id: 'counsel-matters',
  title: '法律顾问工作台账',
  sheet: '法律事务',
  readCapability: 'counsel.read',
  writeCapability: 'counsel.write',
  columns,
  example: {
    unit: '四棵树镇',
    kind: '合同审查',
    title: '村集体土地租赁合同',
    requester: '四棵树村',
    receivedOn: '2024-03-05',
    deadline: '2024-03-12',
    counselName: '陈律师',
    amount: 120000,
  },
  dictionaries: async (ctx) => ({
    'counsel.matter_kind': matterKinds.map((k) => ({ code: k, label: matterKindLabels[k] })),
    places: placeEntries(await placesInScope(ctx.db, ctx.actor, 'counsel.write', ['town', 'village', 'community', 'department'])),
  }),
  prepare: async (ctx) => ({
    places: await placesInScope(ctx.db, ctx.actor, 'counsel.write', ['town', 'village', 'community', 'department']),
    today: shanghaiDate(new Date()),
  }),
  toRecord: (v, prep) => {
    const problems: KindProblem[] = [];
    const where = resolvePlace(prep.places, str(v.unit), 'unit');
    if ('problem' in where) problems.push(where.problem);
    const receivedOn = str(v.receivedOn);
    const deadline = str(v.deadline);
    if (receivedOn > prep.today) problems.push({ column: 'receivedOn', message: '收到日期不能晚于今天' });
    if (deadline < receivedOn) problems.push({ column: 'deadline', message: '办理期限不能早于收到日期' });
    const amount = v.amount === null || v.amount === undefined ? null : Number(v.amount);
    if (amount !== null && (amount < 0 || amount >= 1e12)) problems.push({ column: 'amount', message: '涉及金额应在 0 至 1 万亿元之间' });
    if (problems.length || !('place' in where)) return { problems };
    return {
      record: {
        orgUnitId: where.place.id,
        kind: str(v.kind) as MatterKind,
        title: str(v.title),
        requester: str(v.requester),
        receivedOn,
        deadline,
        counselName: str(v.counselName),
        amount: amount === null ? null : amount.toFixed(2),
        description: str(v.description),
      },
    };
  },
  key: (m) => unitDayTitle(m.orgUnitId, m.receivedOn, m.title),
  existing: (ctx, _prep, records) =>
    unitDayTitleTaken(
      ctx.db,
      'counsel_matters',
      'received_on',
      'title',
      records.map((r) => ({ orgUnitId: r.orgUnitId, on: r.receivedOn, title: r.title })),
    ),
  write: async (ctx, _prep, records) => {
    const ids: number[] = [];
    for (const r of records) ids.push((await createMatter(ctx, r)).id);
    return ids;
  },
  filters: Type.Omit(MatterQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listMatters(ctx, { ...filters, ...EVERY_ROW });
    return {
      conditions: [filters.year && `${filters.year}年`, filters.kind && matterKindLabels[filters.kind as MatterKind], filters.q && `检索：${filters.q}`].filter(
        Boolean,
      ) as string[],
      rows: page.items.map((m) => ({
        reveal: true,
        values: {
          unit: m.unitName,
          kind: matterKindLabels[m.kind],
          title: m.title,
          requester: m.requester,
          receivedOn: m.receivedOn,
          deadline: m.deadline,
          counselName: m.counselName,
          amount: m.amount === null ? null : Number(m.amount),
          description: m.description,
          status: matterStatusLabels[m.status],
          completedOn: m.completedOn,
        },
      })),
    };
  },
};

const ratio = (r: Ratio) => `${r.numerator}/${r.denominator}`;
const hearingText = (h: LawsuitHearing) => {
  const who = h.appearances.length
    ? h.appearances.map((a) => `${a.name}（${a.position}·${appearanceRoleLabels[a.role]}${a.identityProof ? '' : '·未交身份证明'}）`).join('、')
    : '无人出庭';
  const head = h.headAppeared ? '是' : h.unexplainedAbsence ? '否，未说明事由' : `否：${h.absenceReason ? absenceReasonLabels[h.absenceReason] : ''}`;
  return `${h.heldOn} ${instanceLabels[h.instance]}：${who}；负责人出庭：${head}`;
};

/**
 * 行政诉讼案件台账: the lawsuits list (行政诉讼 and 行政复议), one row a case at its 审级, with its hearings and whether
 * the town's 负责人 appeared at each (the 出庭应诉 figures the panel shows).
 */
export const counselLawsuitsList: ListExport = {
  id: 'counsel-lawsuits',
  title: '行政诉讼案件台账',
  sheet: '行政诉讼',
  readCapability: 'counsel.read',
  columns: [
    { key: 'caseNo', header: '案号', type: 'text', width: 22 },
    { key: 'kind', header: '类型', type: 'text', width: 10 },
    { key: 'unit', header: '所属单位', type: 'text', width: 14 },
    { key: 'cause', header: '案由', type: 'text', width: 24 },
    { key: 'plaintiff', header: '原告（申请人）', type: 'text', width: 18 },
    { key: 'defendant', header: '被告（被申请人）', type: 'text', width: 18 },
    { key: 'townRole', header: '我方地位', type: 'text', width: 14 },
    { key: 'court', header: '法院（复议机关）', type: 'text', width: 18 },
    { key: 'instance', header: '审级', type: 'text', width: 8 },
    { key: 'filedOn', header: '立案日期', type: 'date', width: 12 },
    { key: 'status', header: '状态/结果', type: 'text', width: 12 },
    { key: 'outcomeOn', header: '裁判日期', type: 'date', width: 12 },
    { key: 'performed', header: '生效裁判履行', type: 'text', width: 16 },
    { key: 'hearings', header: '开庭（庭次）', type: 'integer', width: 10 },
    { key: 'headHearings', header: '负责人出庭（庭次）', type: 'integer', width: 12 },
    { key: 'headCases', header: '负责人出庭（审级）', type: 'text', width: 12 },
    { key: 'appearances', header: '出庭情况', type: 'text', width: 60 },
    { key: 'summary', header: '案情摘要', type: 'text', width: 30 },
  ],
  filters: Type.Omit(LawsuitQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listLawsuits(ctx, { ...filters, ...EVERY_ROW });
    return {
      conditions: [
        filters.year && `${filters.year}年`,
        filters.kind && lawsuitKindLabels[filters.kind as LawsuitKind],
        filters.status && lawsuitStatusLabels[filters.status as LawsuitStatus],
        filters.q && `检索：${filters.q}`,
      ].filter(Boolean) as string[],
      rows: page.items.map((s) => ({
        reveal: true,
        values: {
          caseNo: s.caseNo,
          kind: lawsuitKindLabels[s.kind],
          unit: s.unitName,
          cause: s.cause,
          plaintiff: s.plaintiff,
          defendant: s.defendant,
          townRole: townRoleLabels[s.townRole],
          court: s.court,
          instance: instanceLabels[s.instance],
          filedOn: s.filedOn,
          status: s.outcome ? outcomeLabels[s.outcome] : lawsuitStatusLabels[s.status],
          outcomeOn: s.outcomeOn,
          performed: s.judgmentPerformed === null ? '' : s.judgmentPerformed ? `已履行${s.performedOn ? ` ${s.performedOn}` : ''}` : '未履行',
          hearings: s.hearings.length,
          headHearings: s.headAppearance.hearings.numerator,
          headCases: ratio(s.headAppearance.cases),
          appearances: s.hearings.map(hearingText).join('\n'),
          summary: s.summary,
        },
      })),
    };
  },
};

/** 法律顾问聘用台账: each engagement of a law firm, its lawyers, term, scope and fee, and how its matters stand. */
export const counselEngagementsList: ListExport = {
  id: 'counsel-engagements',
  title: '法律顾问聘用台账',
  sheet: '法律顾问聘用',
  readCapability: 'counsel.read',
  columns: [
    { key: 'unit', header: '聘请单位', type: 'text', width: 14 },
    { key: 'firm', header: '律师事务所', type: 'text', width: 24 },
    { key: 'lawyers', header: '顾问律师', type: 'text', width: 18 },
    { key: 'lead', header: '平台账号', type: 'text', width: 10 },
    { key: 'startsOn', header: '聘期开始', type: 'date', width: 12 },
    { key: 'endsOn', header: '聘期结束', type: 'date', width: 12 },
    { key: 'active', header: '在聘', type: 'text', width: 8 },
    { key: 'fee', header: '顾问费（元）', type: 'decimal', width: 12 },
    { key: 'contractNo', header: '合同编号', type: 'text', width: 16 },
    { key: 'matters', header: '法律事务（件）', type: 'integer', width: 12 },
    { key: 'open', header: '在办（件）', type: 'integer', width: 10 },
    { key: 'overdue', header: '逾期（件）', type: 'integer', width: 10 },
    { key: 'scope', header: '服务范围', type: 'text', width: 40 },
  ],
  filters: Type.Object({}),
  exportRows: async (ctx) => ({
    conditions: [],
    rows: (await listEngagements(ctx)).map((e) => ({
      reveal: true,
      values: {
        unit: e.unitName,
        firm: e.firm,
        lawyers: e.lawyers.join('、'),
        lead: e.leadUserName,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
        active: e.active ? '在聘' : '已到期',
        fee: e.fee === null ? null : Number(e.fee),
        contractNo: e.contractNo,
        matters: e.matters.total,
        open: e.matters.open,
        overdue: e.matters.overdue,
        scope: e.scope,
      },
    })),
  }),
};
