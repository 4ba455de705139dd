import { Type } from 'typebox';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type { LedgerColumn } from '../../../domain/platform/ledger.ts';
import { type EventCreate, EventQuery, KeyDatesQuery, type Law, LawQuery, PlanQuery } from '../../../domain/publicity/contracts.ts';
import { type LawCategory, lawCategoryLabels } from '../../../domain/publicity/rules.ts';
import { listEntries } from '../../platform/dictionary.service.ts';
import { EVERY_ROW, type LedgerKind, type ListExport } from '../../platform/ledger/kind.ts';
import { unitDayTitle, unitDayTitleTaken } from '../../platform/ledger/ledger.repository.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { importEvents, listEvents, listKeyDates, listLaws, listPlans } from './publicity.service.ts';

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
    const page = await listEvents(ctx, { ...filters, ...EVERY_ROW });
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

/** 普法重要时间节点: the year's key dates, each with the theme campaigns held for it (as the key-dates panel shows). */
export const publicityKeyDatesList: ListExport = {
  id: 'publicity-key-dates',
  title: '普法重要时间节点',
  sheet: '宣传节点',
  readCapability: 'publicity.read',
  columns: [
    { key: 'name', header: '宣传节点', type: 'text', width: 18 },
    { key: 'start', header: '开始日期', type: 'date', width: 12 },
    { key: 'end', header: '结束日期', type: 'date', width: 12 },
    { key: 'basis', header: '依据', type: 'text', width: 36 },
    { key: 'state', header: '状态', type: 'text', width: 10 },
    { key: 'campaigns', header: '主题宣传活动', type: 'text', width: 40 },
    { key: 'events', header: '活动场次', type: 'integer', width: 10 },
  ],
  filters: Type.Omit(KeyDatesQuery, ['daysAhead']),
  exportRows: async (ctx, filters) => {
    const { year, items } = await listKeyDates(ctx, filters.year as number | undefined);
    return {
      conditions: [`${year}年`],
      rows: items.map((k) => ({
        reveal: true,
        values: {
          name: k.name,
          start: k.start,
          end: k.end,
          basis: k.basis,
          state: k.state === 'ongoing' ? '进行中' : k.state === 'past' ? '已过' : `${k.daysUntil} 天后`,
          campaigns: k.campaigns.map((c) => `${c.title}（${c.unitName}，${c.events} 场）`).join('；'),
          events: k.campaigns.reduce((n, c) => n + c.events, 0),
        },
      })),
    };
  },
};

/** 普法责任清单 (谁执法谁普法): the year's plans, one row a responsible body with the laws it publicises, to whom. */
export const publicityPlansList: ListExport = {
  id: 'publicity-plans',
  title: '普法责任清单',
  sheet: '普法责任清单',
  readCapability: 'publicity.read',
  columns: [
    { key: 'year', header: '年度', type: 'integer', width: 8 },
    { key: 'plan', header: '普法计划', type: 'text', width: 28 },
    { key: 'unit', header: '所属单位', type: 'text', width: 14 },
    { key: 'body', header: '责任单位', type: 'text', width: 18 },
    { key: 'laws', header: '负责宣传的法律法规', type: 'text', width: 40 },
    { key: 'tasks', header: '普法任务', type: 'text', width: 36 },
    { key: 'audience', header: '普法对象', type: 'text', width: 16 },
  ],
  filters: PlanQuery,
  exportRows: async (ctx, filters) => {
    const plans = await listPlans(ctx, filters);
    const unit = filters.orgUnitId ? plans.find((p) => p.orgUnitId === filters.orgUnitId)?.unitName : undefined;
    return {
      conditions: [filters.year && `${filters.year}年`, unit && `单位：${unit}`].filter(Boolean) as string[],
      rows: plans.flatMap((p) =>
        p.responsibilities.map((r) => ({
          reveal: true,
          values: {
            year: p.year,
            plan: p.title,
            unit: p.unitName,
            body: r.body,
            laws: r.laws.map((l) => `《${l.title}》${l.repealedOn ? `（${l.repealedOn} 废止）` : ''}`).join('、'),
            tasks: r.tasks,
            audience: r.audience,
          },
        })),
      ),
    };
  },
};

const lawStatus = (l: Law) => (l.inForce ? '现行有效' : l.repealedOn ? '已废止' : '尚未施行');

/** 法律法规库: each law's issuing body, dates and status (in force, or repealed and by what replaced). */
export const publicityLawsList: ListExport = {
  id: 'publicity-laws',
  title: '法律法规库',
  sheet: '法律法规',
  readCapability: 'publicity.read',
  columns: [
    { key: 'title', header: '名称', type: 'text', width: 36 },
    { key: 'shortTitle', header: '简称', type: 'text', width: 14 },
    { key: 'category', header: '类别', type: 'text', width: 12 },
    { key: 'issuingBody', header: '制定机关', type: 'text', width: 22 },
    { key: 'effectiveOn', header: '施行日期', type: 'date', width: 12 },
    { key: 'status', header: '效力', type: 'text', width: 10 },
    { key: 'repealedOn', header: '废止日期', type: 'date', width: 12 },
    { key: 'replacedBy', header: '由何法取代', type: 'text', width: 30 },
    { key: 'source', header: '来源', type: 'text', width: 10 },
    { key: 'note', header: '备注', type: 'text', width: 30 },
  ],
  filters: Type.Omit(LawQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listLaws(ctx, { ...filters, ...EVERY_ROW });
    return {
      conditions: [
        filters.status && (filters.status === 'in_force' ? '现行有效' : '已废止'),
        filters.category && lawCategoryLabels[filters.category as LawCategory],
        filters.q && `检索：${filters.q}`,
      ].filter(Boolean) as string[],
      rows: page.items.map((l) => ({
        reveal: true,
        values: {
          title: l.title,
          shortTitle: l.shortTitle,
          category: lawCategoryLabels[l.category],
          issuingBody: l.issuingBody,
          effectiveOn: l.effectiveOn,
          status: lawStatus(l),
          repealedOn: l.repealedOn,
          replacedBy: l.replacedByTitle,
          source: l.orgUnitId === null ? '全国目录' : '本地补充',
          note: l.note,
        },
      })),
    };
  },
};
