import { Type } from 'typebox';
import { type MatterCreate, MatterQuery } from '../../../domain/counsel/contracts.ts';
import { type MatterKind, matterKindLabels, matterKinds, matterStatusLabels } from '../../../domain/counsel/rules.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type { LedgerColumn } from '../../../domain/platform/ledger.ts';
import type { KindProblem, LedgerKind } from '../../platform/ledger/kind.ts';
import { unitDayTitle, unitDayTitleTaken } from '../../platform/ledger/ledger.repository.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { createMatter, listMatters } from './counsel.service.ts';

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
    const page = await listMatters(ctx, { ...filters, page: 1, pageSize: 20_000 });
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
