import { Type } from 'typebox';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type { LedgerColumn } from '../../../domain/platform/ledger.ts';
import { type EventCreate, EventQuery } from '../../../domain/publicity/contracts.ts';
import { listEntries } from '../../platform/dictionary.service.ts';
import type { LedgerKind } from '../../platform/ledger/kind.ts';
import { unitDayTitle, unitDayTitleTaken } from '../../platform/ledger/ledger.repository.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { importEvents, listEvents } from './publicity.service.ts';

const columns: LedgerColumn[] = [
  { key: 'unit', header: '所属单位', aliases: ['单位', '乡镇/村', '村（社区）'], type: 'text', required: true, dictionary: 'places', max: 100, width: 16 },
  { key: 'title', header: '活动名称', aliases: ['活动主题', '名称'], type: 'text', required: true, max: 200, width: 30 },
  { key: 'kind', header: '活动形式', aliases: ['形式', '活动类型'], type: 'dict', required: true, dictionary: 'publicity.event_kind', width: 14 },
  { key: 'heldOn', header: '活动日期', aliases: ['日期', '时间', '开展日期'], type: 'date', required: true, width: 12 },
  { key: 'place', header: '地点', aliases: ['活动地点'], type: 'text', required: true, max: 200, width: 20 },
  { key: 'organiser', header: '组织单位', aliases: ['主办单位', '组织者'], type: 'text', required: true, max: 100, width: 16 },
  { key: 'partner', header: '协办单位', type: 'text', max: 200, width: 16 },
  { key: 'audience', header: '对象群体', aliases: ['宣传对象', '受众群体'], type: 'dict', required: true, dictionary: 'publicity.audience', width: 14 },
  { key: 'materials', header: '宣传资料', aliases: ['宣传品', '宣传资料/宣传品'], type: 'text', max: 2000, width: 24 },
  { key: 'materialsCount', header: '发放数量（份）', aliases: ['发放资料（份）', '发放数量'], type: 'integer', width: 12 },
  { key: 'peopleReached', header: '受众人数', aliases: ['参与人数', '受众（人）'], type: 'integer', width: 10 },
  { key: 'consultations', header: '接受咨询（人次）', aliases: ['咨询人次', '接受咨询'], type: 'integer', width: 12 },
  { key: 'summary', header: '活动情况', aliases: ['活动简况', '备注'], type: 'text', max: 20_000, width: 40 },
  { key: 'laws', header: '宣传的法律法规', type: 'text', exportOnly: true, width: 30 },
];

type Prep = { places: Place[]; today: string };
type Record_ = EventCreate;

const keyOf = (e: { orgUnitId: number; heldOn: string; title: string }) => unitDayTitle(e.orgUnitId, e.heldOn, e.title);

/** 普法活动台账: one row per event; a unit + date + title already recorded is the same event. */
export const publicityEventsLedger: LedgerKind<Record_, Prep> = {
  id: 'publicity-events',
  title: '普法宣传活动台账',
  sheet: '普法活动',
  readCapability: 'publicity.read',
  writeCapability: 'publicity.write',
  columns,
  example: {
    unit: '四棵树镇',
    title: '“宪法宣传周”集中宣传',
    kind: '宣传日活动',
    heldOn: '2024-12-04',
    place: '镇政府广场',
    organiser: '四棵树镇司法所',
    audience: '村民',
    materials: '宪法读本',
    materialsCount: 200,
    peopleReached: 150,
    consultations: 12,
    summary: '设咨询台，发放宣传资料',
  },
  dictionaries: async (ctx) => {
    const [kinds, audiences, places] = await Promise.all([
      listEntries(ctx, { kind: 'publicity.event_kind' }),
      listEntries(ctx, { kind: 'publicity.audience' }),
      placesInScope(ctx.db, ctx.actor, 'publicity.write', ['town', 'village', 'community', 'department']),
    ]);
    return { 'publicity.event_kind': kinds, 'publicity.audience': audiences, places: placeEntries(places) };
  },
  prepare: async (ctx) => ({
    places: await placesInScope(ctx.db, ctx.actor, 'publicity.write', ['town', 'village', 'community', 'department']),
    today: shanghaiDate(new Date()),
  }),
  toRecord: (v, prep) => {
    const where = resolvePlace(prep.places, String(v.unit), 'unit');
    if ('problem' in where) return { problems: [where.problem] };
    const heldOn = String(v.heldOn);
    if (heldOn > prep.today) return { problems: [{ column: 'heldOn', message: '活动日期不能晚于今天（请在活动后登记）' }] };
    return {
      record: {
        orgUnitId: where.place.id,
        kind: String(v.kind),
        title: String(v.title),
        heldOn,
        place: String(v.place),
        organiser: String(v.organiser),
        partner: (v.partner as string | null) ?? '',
        audience: String(v.audience),
        materials: (v.materials as string | null) ?? '',
        materialsCount: (v.materialsCount as number | null) ?? 0,
        peopleReached: (v.peopleReached as number | null) ?? 0,
        consultations: (v.consultations as number | null) ?? 0,
        summary: (v.summary as string | null) ?? '',
      },
    };
  },
  key: keyOf,
  existing: (ctx, _prep, records) =>
    unitDayTitleTaken(
      ctx.db,
      'publicity_events',
      'held_on',
      'title',
      records.map((r) => ({ orgUnitId: r.orgUnitId, on: r.heldOn, title: r.title })),
    ),
  write: (ctx, _prep, records, note) => importEvents(ctx, records, note),
  filters: Type.Omit(EventQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listEvents(ctx, { ...filters, page: 1, pageSize: 50_000 });
    const unit = filters.orgUnitId ? page.items.find((e) => e.orgUnitId === filters.orgUnitId)?.unitName : undefined;
    return {
      conditions: [filters.year && `${filters.year}年`, unit && `单位：${unit}`, filters.q && `检索：${filters.q}`].filter(Boolean) as string[],
      rows: page.items.map((e) => ({
        reveal: true,
        values: {
          unit: e.unitName,
          title: e.title,
          kind: e.kindLabel,
          heldOn: e.heldOn,
          place: e.place,
          organiser: e.organiser,
          partner: e.partner,
          audience: e.audienceLabel,
          materials: e.materials,
          materialsCount: e.materialsCount,
          peopleReached: e.peopleReached,
          consultations: e.consultations,
          summary: e.summary,
          laws: e.laws.map((l) => l.title).join('、'),
        },
      })),
    };
  },
};
