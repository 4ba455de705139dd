import { Type } from 'typebox';
import type { DisputeFilters, DisputeListItem, PartyInput } from '../../../domain/mediation/contracts.ts';
import { DisputeFilters as DisputeFiltersSchema } from '../../../domain/mediation/contracts.ts';
import {
  agreementKindLabels,
  agreementKinds,
  committeeLevelLabels,
  type DisputeStatus,
  disputeSourceLabels,
  disputeSources,
  disputeStatuses,
  disputeStatusLabels,
  followUpMethodLabels,
  genderLabels,
  judicialResultLabels,
  memberPositionLabels,
  type OtherChannel,
  otherChannelLabels,
  otherChannels,
  performanceLabels,
  referralFromLabels,
  referralFroms,
  termStatusLabels,
} from '../../../domain/mediation/rules.ts';
import { type LedgerColumn, vocabularyEntries } from '../../../domain/platform/ledger.ts';
import { AppError } from '../../errors.ts';
import type { Ctx } from '../../platform/context.ts';
import { listEntries } from '../../platform/dictionary.service.ts';
import { EVERY_ROW, type ExportRow, type KindProblem, type LedgerKind, type ListExport } from '../../platform/ledger/kind.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { scopeOf } from '../../platform/permissions.ts';
import * as committees from './committee.repository.ts';
import { listCommitteesHandled } from './committee.service.ts';
import * as repo from './dispute.repository.ts';
import { checkHistories, DISPUTE_TYPE_KIND, type DisputeHistory, listFilters, resolveCommittee, toItems, writeHistories } from './dispute.service.ts';

/** 人民调解登记台账 — the ledger's columns, in order; export-only ones are written for reading and ignored on import. */
const columns: LedgerColumn[] = [
  { key: 'seq', header: '序号', type: 'integer', width: 6, exportOnly: true },
  { key: 'number', header: '纠纷编号', aliases: ['编号', '案号'], type: 'text', max: 40, width: 12 },
  { key: 'registeredOn', header: '登记日期', aliases: ['登记时间', '受理登记日期'], type: 'date', required: true, width: 12 },
  { key: 'place', header: '纠纷发生地', aliases: ['发生地', '所属村（社区）'], type: 'text', required: true, dictionary: 'places', max: 100, width: 14 },
  { key: 'committee', header: '调解委员会', aliases: ['调委会'], type: 'text', dictionary: 'committees', max: 100, width: 24 },
  { key: 'source', header: '纠纷来源', type: 'dict', required: true, dictionary: 'mediation.source', width: 11 },
  { key: 'referralFrom', header: '移交单位', type: 'dict', dictionary: 'mediation.referral_from', width: 11 },
  { key: 'type', header: '纠纷类型', aliases: ['类型', '纠纷种类'], type: 'dict', required: true, dictionary: DISPUTE_TYPE_KIND, width: 12 },
  { key: 'summary', header: '纠纷简要情况', aliases: ['简要情况', '纠纷概要', '基本情况'], type: 'text', required: true, max: 5000, width: 40 },
  { key: 'amount', header: '涉及金额（元）', aliases: ['涉及金额', '标的额（元）', '金额'], type: 'decimal', width: 13 },
  { key: 'aName', header: '申请方姓名或名称', aliases: ['申请人', '申请方'], type: 'text', required: true, max: 100, width: 16 },
  { key: 'aId', header: '申请方证件号码', aliases: ['申请人身份证号', '申请方身份证号'], type: 'text', identifier: 'idCard', width: 21 },
  { key: 'aPhone', header: '申请方联系电话', aliases: ['申请人电话', '申请方电话'], type: 'text', identifier: 'phone', width: 14 },
  { key: 'bName', header: '被申请方姓名或名称', aliases: ['被申请人', '被申请方'], type: 'text', required: true, max: 100, width: 16 },
  { key: 'bId', header: '被申请方证件号码', aliases: ['被申请人身份证号', '被申请方身份证号'], type: 'text', identifier: 'idCard', width: 21 },
  { key: 'bPhone', header: '被申请方联系电话', aliases: ['被申请人电话', '被申请方电话'], type: 'text', identifier: 'phone', width: 14 },
  { key: 'others', header: '其他当事人', type: 'list', width: 16 },
  { key: 'status', header: '状态', aliases: ['办理状态', '调解结果'], type: 'dict', required: true, dictionary: 'mediation.status', width: 12 },
  { key: 'acceptedOn', header: '受理日期', type: 'date', width: 12 },
  { key: 'mediators', header: '调解员', aliases: ['承办调解员'], type: 'list', width: 16 },
  { key: 'sessionCount', header: '调解次数', type: 'integer', width: 8, exportOnly: true },
  { key: 'endedOn', header: '办结日期', aliases: ['结案日期'], type: 'date', width: 12 },
  { key: 'agreementKind', header: '协议形式', type: 'dict', dictionary: 'mediation.agreement_kind', width: 10 },
  { key: 'terms', header: '协议内容', type: 'text', max: 5000, width: 40 },
  { key: 'performanceDeadline', header: '履行期限', type: 'text', max: 200, width: 16 },
  { key: 'otherChannels', header: '告知的其他途径', type: 'list', dictionary: 'mediation.other_channel', width: 18 },
  { key: 'refusingParty', header: '拒绝调解的当事人', type: 'text', max: 100, width: 14 },
  { key: 'refusalReason', header: '拒绝理由', type: 'text', max: 1000, width: 24 },
  { key: 'followUp', header: '回访情况', type: 'text', width: 24, exportOnly: true },
  { key: 'judicial', header: '司法确认', type: 'text', width: 24, exportOnly: true },
];

type Prep = { places: Place[]; visible: committees.CommitteeRow[]; members: Awaited<ReturnType<typeof committees.listMembers>> };
type DisputeRecord = { history: DisputeHistory; committeeId: number | undefined };

const ORGANISATION = /(公司|合作社|厂|店|中心|委员会|村委会|学校|医院|集团|协会|银行|站|所|局|部|社|场)$/;
const MASKED = '为脱敏值，不能导入：请由办理该纠纷的人员导出完整台账';

/** Where a rule's problem about a history shows in the ledger: the column holding the field. */
function columnOfField(field: string): string {
  const [head, index, leaf] = field.split('.');
  if (head === 'parties') {
    const side = index === '1' ? 'b' : 'a';
    return leaf === 'idNumber' ? `${side}Id` : leaf === 'phone' ? `${side}Phone` : `${side}Name`;
  }
  const byField: Record<string, string> = {
    registeredOn: 'registeredOn',
    orgUnitId: 'place',
    committeeId: 'committee',
    number: 'number',
    source: 'source',
    referralFrom: 'referralFrom',
    typeCode: 'type',
    summary: 'summary',
    amount: 'amount',
    'accepted.acceptedOn': 'acceptedOn',
    'accepted.mediatorIds': 'mediators',
    'refused.refusedOn': 'endedOn',
    'closed.closedOn': 'endedOn',
    'closed.agreementKind': 'agreementKind',
    'closed.terms': 'terms',
    'closed.otherChannels': 'otherChannels',
  };
  return byField[field] ?? 'status';
}

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);

/** A ledger row as a dispute's whole history (registration and each step), for the same rules as the dispute's page. */
function toRecord(v: Record<string, unknown>, prep: Prep): { record: DisputeRecord } | { problems: KindProblem[] } {
  const problems: KindProblem[] = [];
  const fail = (column: string, message: string) => problems.push({ column, message });
  const where = resolvePlace(prep.places, str(v.place), 'place');
  if ('problem' in where) problems.push(where.problem);
  const place = 'place' in where ? where.place : undefined;
  let committee: committees.CommitteeRow | undefined;
  if (v.committee) {
    committee = prep.visible.find((c) => c.name === v.committee);
    if (!committee) fail('committee', `「${str(v.committee)}」不存在或不在您的范围内`);
  } else if (place) {
    const resolved = resolveCommittee(place as Parameters<typeof resolveCommittee>[0], prep.visible);
    if ('message' in resolved) fail('committee', resolved.message);
    else committee = resolved;
  }
  const parties: PartyInput[] = [];
  for (const [role, side] of [
    ['applicant', 'a'],
    ['respondent', 'b'],
  ] as const) {
    const name = str(v[`${side}Name`]);
    const idNumber = str(v[`${side}Id`]).toUpperCase();
    const phone = str(v[`${side}Phone`]);
    if (idNumber.includes('*')) fail(`${side}Id`, MASKED);
    else if (idNumber && !/^(\d{17}[\dX]|[0-9A-HJ-NPQRTUWXY]{18})$/.test(idNumber)) fail(`${side}Id`, `「${idNumber}」不是有效的身份证号或统一社会信用代码`);
    if (phone.includes('*')) fail(`${side}Phone`, MASKED);
    else if (phone && !/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) fail(`${side}Phone`, `「${phone}」不是有效的电话号码`);
    const person = /^\d{17}[\dX]$/.test(idNumber) || (!idNumber && !ORGANISATION.test(name));
    if (name) parties.push({ kind: person ? 'person' : 'organisation', role, name, idNumber: idNumber || undefined, phone: phone || undefined });
  }
  for (const name of list(v.others)) parties.push({ kind: ORGANISATION.test(name) ? 'organisation' : 'person', role: 'other', name: name.slice(0, 100) });

  const status = v.status as DisputeStatus;
  const accepted = status !== 'registered' && status !== 'refused';
  const ended = status !== 'registered' && status !== 'mediating';
  if (accepted && !v.acceptedOn) fail('acceptedOn', '不能为空');
  if (ended && !v.endedOn) fail('endedOn', '不能为空');
  if (status === 'refused' && !v.refusingParty) fail('refusingParty', '不能为空');
  if (status === 'refused' && !v.refusalReason) fail('refusalReason', '不能为空');
  const mediatorIds: number[] = [];
  for (const name of list(v.mediators)) {
    const m = committee && prep.members.find((x) => x.committee_id === committee.id && x.name === name);
    if (committee && !m) fail('mediators', `「${name}」不是「${committee.name}」的人员`);
    if (m) mediatorIds.push(m.id);
  }
  if (problems.length || !place) return { problems };
  const endedOn = str(v.endedOn);
  const source = v.source as DisputeHistory['source'];
  return {
    record: {
      committeeId: committee?.id,
      history: {
        orgUnitId: place.id,
        committeeId: committee?.id,
        number: str(v.number) || undefined,
        registeredOn: str(v.registeredOn),
        source,
        referralFrom: source === 'referral' ? ((v.referralFrom as DisputeHistory['referralFrom']) ?? undefined) : undefined,
        typeCode: str(v.type),
        summary: str(v.summary),
        amount: str(v.amount) || undefined,
        parties,
        accepted: accepted ? { acceptedOn: str(v.acceptedOn), mediatorIds } : undefined,
        refused: status === 'refused' ? { refusedOn: endedOn, refusingParty: str(v.refusingParty), reason: str(v.refusalReason) } : undefined,
        closed:
          status === 'succeeded' || status === 'failed' || status === 'terminated'
            ? {
                closedOn: endedOn,
                outcome: status,
                agreementKind: status === 'succeeded' ? ((v.agreementKind as NonNullable<DisputeHistory['closed']>['agreementKind'] | null) ?? undefined) : undefined,
                terms: str(v.terms),
                performanceDeadline: str(v.performanceDeadline),
                otherChannels: list(v.otherChannels) as OtherChannel[],
              }
            : undefined,
      },
    },
  };
}

const keyOf = (r: DisputeRecord) => (r.history.number ? `n|${r.committeeId}|${r.history.number}` : `u|${r.history.orgUnitId}|${r.history.registeredOn}|${r.history.summary}`);

async function existing(ctx: Ctx, records: readonly DisputeRecord[]): Promise<Set<string>> {
  const found = new Set<string>();
  const numbered = new Map<number, string[]>();
  const unnumbered: DisputeHistory[] = [];
  for (const r of records) {
    if (r.history.number && r.committeeId) numbered.set(r.committeeId, [...(numbered.get(r.committeeId) ?? []), r.history.number]);
    else unnumbered.push(r.history);
  }
  for (const [committeeId, numbers] of numbered) for (const n of await repo.numbersTaken(ctx.db, committeeId, numbers)) found.add(`n|${committeeId}|${n}`);
  for (const d of await repo.disputeKeysTaken(ctx.db, unnumbered)) found.add(`u|${d.org_unit_id}|${d.registered_on}|${d.summary}`);
  return found;
}

/** The first applicant and the first respondent get their own columns; anyone else is listed by name. */
function splitParties(d: DisputeListItem) {
  const first = d.parties.find((p) => p.role === 'applicant') ?? d.parties[0];
  const second = d.parties.find((p) => p !== first && p.role === 'respondent') ?? d.parties.find((p) => p !== first);
  return { first, second, others: d.parties.filter((p) => p !== first && p !== second) };
}

type FollowUp = Awaited<ReturnType<typeof repo.lastFollowUps>>[number];

function exportRow(d: DisputeListItem, i: number, followUp: FollowUp | undefined): ExportRow {
  const { first, second, others } = splitParties(d);
  const j = d.judicial;
  return {
    reveal: d.canWrite,
    values: {
      seq: i + 1,
      number: d.number,
      registeredOn: d.registeredOn,
      place: d.orgUnitName,
      committee: d.committeeName,
      source: disputeSourceLabels[d.source],
      referralFrom: d.referralFrom ? referralFromLabels[d.referralFrom] : '',
      type: d.typeLabel,
      summary: d.summary,
      amount: d.amount,
      aName: first?.name ?? '',
      aId: first?.idNumber ?? '',
      aPhone: first?.phone ?? '',
      bName: second?.name ?? '',
      bId: second?.idNumber ?? '',
      bPhone: second?.phone ?? '',
      others: others.map((p) => p.name).join('、'),
      status: disputeStatusLabels[d.status],
      acceptedOn: d.acceptedOn,
      mediators: d.mediators.map((m) => m.name).join('、'),
      sessionCount: d.sessionCount,
      endedOn: d.closedOn ?? d.refusedOn,
      agreementKind: d.agreement ? agreementKindLabels[d.agreement.kind] : '',
      terms: d.agreement?.terms ?? '',
      performanceDeadline: d.agreement?.performanceDeadline ?? '',
      otherChannels: d.otherChannels.map((c) => otherChannelLabels[c]).join('、'),
      refusingParty: d.refusingParty,
      refusalReason: d.refusalReason,
      followUp: followUp ? `${followUp.followed_on} ${followUpMethodLabels[followUp.method]}：${performanceLabels[followUp.performance]}` : '',
      judicial: j?.appliedOn ? `${j.appliedOn} 申请（${j.court}）：${j.result ? judicialResultLabels[j.result] : ''}` : '',
    },
  };
}

const describeFilters = (f: DisputeFilters, names: { unit?: string; type?: string }) =>
  [
    f.year && `${f.year}年`,
    names.unit && `发生地：${names.unit}`,
    f.level && `${committeeLevelLabels[f.level]}调委会`,
    f.status && `状态：${disputeStatusLabels[f.status]}`,
    names.type && `类型：${names.type}`,
    f.overdue && '超期未结',
    f.dueThisWeek && '本周到期',
    f.judicialDue && '司法确认期限将届满',
    f.q && `检索：${f.q}`,
  ].filter(Boolean) as string[];

/**
 * 人民调解登记台账: a row is a dispute's whole history. Rows are checked by the dispute's own rules (checkHistories:
 * dates in order, mediators serving, a committee for the place) and written through writeHistories, one audited
 * record per dispute; identifiers are shown in full only on rows the actor handles.
 */
export const mediationDisputesLedger: LedgerKind<DisputeRecord, Prep> = {
  id: 'disputes',
  title: '人民调解登记台账',
  sheet: '台账',
  readCapability: 'mediation.read',
  writeCapability: 'mediation.write',
  columns,
  example: {
    registeredOn: '2024-03-05',
    place: '四棵树镇',
    source: '当事人申请',
    type: '邻里',
    summary: '示例：双方因宅基地边界发生争执',
    aName: '张三',
    bName: '李四',
    status: '待受理',
  },
  dictionaries: async (ctx) => {
    const [types, places, visible] = await Promise.all([
      listEntries(ctx, { kind: DISPUTE_TYPE_KIND }),
      placesInScope(ctx.db, ctx.actor, 'mediation.write'),
      committees.listCommittees(ctx.db, scopeOf(ctx.actor, 'mediation.read')),
    ]);
    return {
      [DISPUTE_TYPE_KIND]: types,
      places: placeEntries(places),
      committees: visible.map((c) => ({ code: String(c.id), label: c.name })),
      'mediation.source': vocabularyEntries(disputeSources, disputeSourceLabels),
      'mediation.referral_from': vocabularyEntries(referralFroms, referralFromLabels),
      'mediation.status': vocabularyEntries(disputeStatuses, disputeStatusLabels),
      'mediation.agreement_kind': vocabularyEntries(agreementKinds, agreementKindLabels),
      'mediation.other_channel': vocabularyEntries(otherChannels, otherChannelLabels),
    };
  },
  prepare: async (ctx) => {
    const [places, visible] = await Promise.all([placesInScope(ctx.db, ctx.actor, 'mediation.write'), committees.listCommittees(ctx.db, scopeOf(ctx.actor, 'mediation.read'))]);
    const members = await committees.listMembers(
      ctx.db,
      visible.map((c) => c.id),
    );
    return { places, visible, members };
  },
  toRecord,
  key: keyOf,
  existing: (ctx, _prep, records) => existing(ctx, records),
  check: async (ctx, _prep, records) =>
    (
      await checkHistories(
        ctx,
        records.map((r) => r.history),
      )
    ).problems.map((p) => ({ index: p.index, column: columnOfField(p.field ?? ''), message: p.message })),
  write: async (ctx, _prep, records, note) => {
    const { problems, checked } = await checkHistories(
      ctx,
      records.map((r) => r.history),
    );
    const first = problems[0];
    if (first) throw new AppError('MEDIATION_IMPORT_INVALID', `台账第 ${first.index + 1} 件：${first.message}`, problems);
    return writeHistories(ctx, checked, 'mediation.dispute_import', { filename: note.filename });
  },
  filters: DisputeFiltersSchema,
  exportRows: async (ctx, filters) => {
    const f = filters as DisputeFilters;
    const scope = scopeOf(ctx.actor, 'mediation.read');
    const items = await toItems(ctx, await repo.allDisputes(ctx.db, scope, await listFilters(ctx, scope, f), EVERY_ROW.pageSize));
    const last = new Map(
      (
        await repo.lastFollowUps(
          ctx.db,
          items.map((d) => d.id),
        )
      ).map((x) => [x.dispute_id, x]),
    );
    const unit = f.orgUnitId ? items.find((d) => d.orgUnitId === f.orgUnitId)?.orgUnitName : undefined;
    const type = f.typeCode ? (await listEntries(ctx, { kind: DISPUTE_TYPE_KIND, includeInactive: true })).find((t) => t.code === f.typeCode)?.label : undefined;
    return { rows: items.map((d, i) => exportRow(d, i, last.get(d.id))), conditions: describeFilters(f, { unit, type }) };
  },
};

/**
 * 人民调解委员会名册: the committees page, one row a serving member under their committee's name and term; phones
 * in full only on committees the actor handles, as the page shows them.
 */
export const mediationCommitteesList: ListExport = {
  id: 'mediation-committees',
  title: '人民调解委员会名册',
  sheet: '调委会',
  readCapability: 'mediation.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'committee', header: '人民调解委员会', type: 'text', width: 26 },
    { key: 'level', header: '层级', type: 'text', width: 8 },
    { key: 'termStart', header: '本届任期起', type: 'date', width: 12 },
    { key: 'termEnd', header: '本届任期至', type: 'date', width: 12 },
    { key: 'termStatus', header: '任期状态', type: 'text', width: 10 },
    { key: 'address', header: '办公地点', type: 'text', width: 20 },
    { key: 'name', header: '姓名', type: 'text', width: 10 },
    { key: 'position', header: '职务', type: 'text', width: 12 },
    { key: 'gender', header: '性别', type: 'text', width: 6 },
    { key: 'ethnicity', header: '民族', type: 'text', width: 8 },
    { key: 'title', header: '工作单位及职务', type: 'text', width: 22 },
    { key: 'phone', header: '联系电话', type: 'text', identifier: 'phone', width: 14 },
    { key: 'joinedOn', header: '任职日期', type: 'date', width: 12 },
    { key: 'trainings', header: '培训', type: 'text', width: 40 },
  ],
  filters: Type.Object({}),
  exportRows: async (ctx) => {
    const committees = await listCommitteesHandled(ctx);
    const rows: ExportRow[] = [];
    for (const { committee: c, handled } of committees)
      for (const m of c.members)
        rows.push({
          reveal: handled,
          values: {
            seq: rows.length + 1,
            committee: c.name,
            level: committeeLevelLabels[c.level],
            termStart: c.termStart,
            termEnd: c.termEnd,
            termStatus: termStatusLabels[c.termStatus],
            address: c.address,
            name: m.name,
            position: memberPositionLabels[m.position],
            gender: genderLabels[m.gender],
            ethnicity: m.ethnicity,
            title: m.title,
            phone: m.phone ?? '',
            joinedOn: m.joinedOn,
            trainings: m.trainings.map((t) => `${t.trainedOn} ${t.title}${t.hours ? `（${t.hours}学时）` : ''}`).join('；'),
          },
        });
    return { conditions: [], rows };
  },
};
