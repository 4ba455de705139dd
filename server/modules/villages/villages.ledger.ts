import { Type } from 'typebox';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type { LedgerColumn } from '../../../domain/platform/ledger.ts';
import { type HearingCreate, HonourQuery, type Inspection, VillageListQuery, VillageRuleQuery } from '../../../domain/villages/contracts.ts';
import {
  adoptionBodyLabels,
  type HonourLevel,
  type HonourStatus,
  honourLevelLabels,
  honourStatusLabels,
  inspectionConclusionLabels,
  inspectionStatusLabels,
  reminderStateLabels,
} from '../../../domain/villages/rules.ts';
import { listEntries } from '../../platform/dictionary.service.ts';
import { EVERY_ROW, type KindProblem, type LedgerKind, type ListExport } from '../../platform/ledger/kind.ts';
import { unitDayTitle, unitDayTitleTaken } from '../../platform/ledger/ledger.repository.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { createHearing, listDisclosures, listHearings, listHonours, listInspections, listRules } from './villages.service.ts';

const columns: LedgerColumn[] = [
  { key: 'village', header: '村（社区）', aliases: ['村', '村名', '社区', '所属村'], type: 'text', required: true, dictionary: 'places', max: 100, width: 14 },
  { key: 'topic', header: '听证事项', aliases: ['事项', '听证内容', '议题'], type: 'text', required: true, max: 200, width: 30 },
  { key: 'heldOn', header: '听证日期', aliases: ['日期', '时间'], type: 'date', required: true, width: 12 },
  { key: 'place', header: '地点', type: 'text', max: 200, width: 16 },
  { key: 'presidedBy', header: '主持人', type: 'text', required: true, max: 32, width: 10 },
  { key: 'participants', header: '参加人员', aliases: ['参会人员'], type: 'list', width: 30 },
  { key: 'participantCount', header: '参加人数', aliases: ['人数'], type: 'integer', required: true, width: 10 },
  { key: 'decision', header: '听证结果', aliases: ['结果'], type: 'text', max: 5000, width: 30 },
  { key: 'minutes', header: '听证记录', aliases: ['记录', '备注'], type: 'text', max: 20_000, width: 30 },
];

type Prep = { places: Place[]; today: string };
const keyOf = (h: HearingCreate) => unitDayTitle(h.orgUnitId, h.heldOn, h.topic);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** 民主听证台账: one row per hearing at a village in the actor's scope, written by createHearing (its rules, its audit). */
export const villageHearingsLedger: LedgerKind<HearingCreate, Prep> = {
  id: 'village-hearings',
  title: '民主听证台账',
  sheet: '民主听证',
  readCapability: 'villages.read',
  writeCapability: 'villages.write',
  columns,
  example: {
    village: '四棵树村',
    topic: '村集体土地承包方案',
    heldOn: '2024-03-05',
    place: '村委会',
    presidedBy: '王主任',
    participants: '张三、李四',
    participantCount: 25,
    decision: '通过',
  },
  dictionaries: async (ctx) => ({ places: placeEntries(await placesInScope(ctx.db, ctx.actor, 'villages.write', ['village', 'community'])) }),
  prepare: async (ctx) => ({ places: await placesInScope(ctx.db, ctx.actor, 'villages.write', ['village', 'community']), today: shanghaiDate(new Date()) }),
  toRecord: (v, prep) => {
    const problems: KindProblem[] = [];
    const where = resolvePlace(prep.places, str(v.village), 'village');
    if ('problem' in where) problems.push(where.problem);
    const heldOn = str(v.heldOn);
    if (heldOn > prep.today) problems.push({ column: 'heldOn', message: '听证日期不能晚于今天（请在听证后登记）' });
    const participants = v.participants as string[];
    const count = Number(v.participantCount);
    if (count < 1) problems.push({ column: 'participantCount', message: '参加人数至少为 1' });
    if (participants.length > count) problems.push({ column: 'participantCount', message: `参加人数（${count}）不能少于已列出的参加人员（${participants.length} 人）` });
    if (problems.length || !('place' in where)) return { problems };
    return {
      record: {
        orgUnitId: where.place.id,
        topic: str(v.topic),
        heldOn,
        place: str(v.place),
        presidedBy: str(v.presidedBy),
        participants,
        participantCount: count,
        decision: str(v.decision),
        minutes: str(v.minutes),
      },
    };
  },
  key: keyOf,
  existing: (ctx, _prep, records) =>
    unitDayTitleTaken(
      ctx.db,
      'village_hearings',
      'held_on',
      'topic',
      records.map((r) => ({ orgUnitId: r.orgUnitId, on: r.heldOn, title: r.topic })),
    ),
  write: async (ctx, _prep, records) => {
    const ids: number[] = [];
    for (const r of records) ids.push((await createHearing(ctx, r)).id);
    return ids;
  },
  filters: Type.Omit(VillageListQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listHearings(ctx, { ...filters, ...EVERY_ROW });
    return {
      conditions: [filters.year && `${filters.year}年`, filters.q && `检索：${filters.q}`].filter(Boolean) as string[],
      rows: page.items.map((h) => ({
        reveal: true,
        values: {
          village: h.villageName,
          topic: h.topic,
          heldOn: h.heldOn,
          place: h.place,
          presidedBy: h.presidedBy,
          participants: h.participants.join('、'),
          participantCount: h.participantCount,
          decision: h.decision,
          minutes: h.minutes,
        },
      })),
    };
  },
};

const villageOf = (items: readonly { orgUnitId: number; villageName: string }[], id: unknown) =>
  id ? `村：${items.find((i) => i.orgUnitId === id)?.villageName ?? id}` : undefined;

/**
 * 民主法治示范村台账: the honours panel, one row a village's honour, with its 复核 as the panel shows them (last and
 * next, and each re-inspection of the honour with its state or conclusion).
 */
export const villageHonoursList: ListExport = {
  id: 'village-honours',
  title: '民主法治示范村台账',
  sheet: '示范村',
  readCapability: 'villages.read',
  columns: [
    { key: 'village', header: '村（社区）', type: 'text', width: 14 },
    { key: 'title', header: '称号', type: 'text', width: 28 },
    { key: 'status', header: '状态', type: 'text', width: 10 },
    { key: 'declaredOn', header: '申报日期', type: 'date', width: 12 },
    { key: 'recommendedOn', header: '推荐日期', type: 'date', width: 12 },
    { key: 'recommendedBy', header: '推荐单位', type: 'text', width: 18 },
    { key: 'namedYear', header: '命名年度', type: 'integer', width: 10 },
    { key: 'batch', header: '命名批次', type: 'text', width: 10 },
    { key: 'namingDocument', header: '命名文件', type: 'text', width: 24 },
    { key: 'lastReviewYear', header: '上次复核（年度）', type: 'integer', width: 12 },
    { key: 'nextReview', header: '下次复核', type: 'date', width: 12 },
    { key: 'reminder', header: '复核提醒', type: 'text', width: 12 },
    { key: 'inspections', header: '复核记录', type: 'text', width: 40 },
    { key: 'endedOn', header: '撤销/注销日期', type: 'date', width: 12 },
    { key: 'endReason', header: '原因', type: 'text', width: 24 },
  ],
  filters: Type.Omit(HonourQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const [page, inspections] = await Promise.all([listHonours(ctx, { ...filters, ...EVERY_ROW }), listInspections(ctx, { ...EVERY_ROW })]);
    const byHonour = new Map<number, Inspection[]>();
    for (const i of inspections.items) byHonour.set(i.honourId, [...(byHonour.get(i.honourId) ?? []), i]);
    return {
      conditions: [
        villageOf(page.items, filters.orgUnitId),
        filters.level && `${honourLevelLabels[filters.level as HonourLevel]}级`,
        filters.status && honourStatusLabels[filters.status as HonourStatus],
      ].filter(Boolean) as string[],
      rows: page.items.map((h) => ({
        reveal: true,
        values: {
          village: h.villageName,
          title: h.title,
          status: honourStatusLabels[h.status],
          declaredOn: h.declaredOn,
          recommendedOn: h.recommendedOn,
          recommendedBy: h.recommendedBy,
          namedYear: h.namedYear,
          batch: h.batch,
          namingDocument: h.namingDocument,
          lastReviewYear: h.lastReviewYear,
          nextReview: h.nextReview?.dueOn ?? null,
          reminder: h.nextReview ? reminderStateLabels[h.nextReview.state] : h.status === 'named' && !h.reviewCycleYears ? '未设复核周期' : '',
          inspections: (byHonour.get(h.id) ?? [])
            .toSorted((a, b) => a.year - b.year)
            .map(
              (i) =>
                `${i.year}年度${inspectionStatusLabels[i.status]}${
                  i.conclusion ? `（${inspectionConclusionLabels[i.conclusion]}，${i.concludedOn}）` : `（自评 ${i.progress.assessed}/${i.progress.total}）`
                }`,
            )
            .join('；'),
          endedOn: h.endedOn,
          endReason: h.endReason,
        },
      })),
    };
  },
};

/** 村规民约台账: each village's rules (村规民约、自治章程 …) with the version in force and how it was adopted. */
export const villageRulesList: ListExport = {
  id: 'village-rules',
  title: '村规民约台账',
  sheet: '村规民约',
  readCapability: 'villages.read',
  columns: [
    { key: 'village', header: '村（社区）', type: 'text', width: 14 },
    { key: 'kind', header: '类别', type: 'text', width: 14 },
    { key: 'title', header: '名称', type: 'text', width: 28 },
    { key: 'current', header: '现行版本', type: 'integer', width: 10 },
    { key: 'adoptedOn', header: '通过日期', type: 'date', width: 12 },
    { key: 'adoptedBy', header: '通过会议', type: 'text', width: 14 },
    { key: 'expected', header: '应到人数', type: 'integer', width: 10 },
    { key: 'attended', header: '实到人数', type: 'integer', width: 10 },
    { key: 'for', header: '赞成', type: 'integer', width: 8 },
    { key: 'against', header: '反对', type: 'integer', width: 8 },
    { key: 'abstain', header: '弃权', type: 'integer', width: 8 },
    { key: 'filedOn', header: '报乡镇备案日期', type: 'date', width: 14 },
    { key: 'versions', header: '版本数', type: 'integer', width: 8 },
  ],
  filters: Type.Omit(VillageRuleQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const [page, kinds] = await Promise.all([listRules(ctx, { ...filters, ...EVERY_ROW }), listEntries(ctx, { kind: 'villages.rule_kind' })]);
    return {
      conditions: [villageOf(page.items, filters.orgUnitId), filters.kind && (kinds.find((k) => k.code === filters.kind)?.label ?? String(filters.kind))].filter(
        Boolean,
      ) as string[],
      rows: page.items.map((r) => {
        const v = r.versions.find((x) => x.versionNo === r.currentVersionNo);
        return {
          reveal: true,
          values: {
            village: r.villageName,
            kind: r.kindLabel,
            title: r.title,
            current: r.currentVersionNo,
            adoptedOn: r.currentAdoptedOn,
            adoptedBy: v?.adoptedBy ? adoptionBodyLabels[v.adoptedBy] : '',
            expected: v?.expectedCount ?? null,
            attended: v?.attendedCount ?? null,
            for: v?.votesFor ?? null,
            against: v?.votesAgainst ?? null,
            abstain: v?.votesAbstain ?? null,
            filedOn: v?.filedOn ?? null,
            versions: r.versions.length,
          },
        };
      }),
    };
  },
};

/** 村务财务公开台账: what each village published, for which period, when and where. */
export const villageDisclosuresList: ListExport = {
  id: 'village-disclosures',
  title: '村务财务公开台账',
  sheet: '村务财务公开',
  readCapability: 'villages.read',
  columns: [
    { key: 'publishedOn', header: '公开日期', type: 'date', width: 12 },
    { key: 'village', header: '村（社区）', type: 'text', width: 14 },
    { key: 'kind', header: '类别', type: 'text', width: 12 },
    { key: 'title', header: '公开事项', type: 'text', width: 30 },
    { key: 'period', header: '所属期间', type: 'text', width: 16 },
    { key: 'channel', header: '公开地点/方式', type: 'text', width: 20 },
    { key: 'content', header: '公开内容', type: 'text', width: 40 },
  ],
  filters: Type.Omit(VillageListQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listDisclosures(ctx, { ...filters, ...EVERY_ROW });
    return {
      conditions: [villageOf(page.items, filters.orgUnitId), filters.year && `${filters.year}年`, filters.q && `检索：${filters.q}`].filter(Boolean) as string[],
      rows: page.items.map((d) => ({
        reveal: true,
        values: { publishedOn: d.publishedOn, village: d.villageName, kind: d.kindLabel, title: d.title, period: d.period, channel: d.channel, content: d.content },
      })),
    };
  },
};
