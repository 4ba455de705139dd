import { Type } from 'typebox';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type { LedgerColumn } from '../../../domain/platform/ledger.ts';
import { type HearingCreate, VillageListQuery } from '../../../domain/villages/contracts.ts';
import type { KindProblem, LedgerKind } from '../../platform/ledger/kind.ts';
import { unitDayTitle, unitDayTitleTaken } from '../../platform/ledger/ledger.repository.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { createHearing, listHearings } from './villages.service.ts';

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
    const page = await listHearings(ctx, { ...filters, page: 1, pageSize: 20_000 });
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
