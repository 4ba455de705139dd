import { Type } from 'typebox';
import { type StudySessionCreate, StudySessionQuery } from '../../../domain/learning/contracts.ts';
import { type SessionKind, sessionKindLabels, sessionKinds, sessionProblem } from '../../../domain/learning/rules.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type { LedgerColumn } from '../../../domain/platform/ledger.ts';
import type { KindProblem, LedgerKind } from '../../platform/ledger/kind.ts';
import { unitDayTitle, unitDayTitleTaken } from '../../platform/ledger/ledger.repository.ts';
import { type Place, placeEntries, placesInScope, resolvePlace } from '../../platform/ledger/places.ts';
import { scopeOf } from '../../platform/permissions.ts';
import * as repo from './session.repository.ts';
import { createSession, listSessions } from './session.service.ts';

const columns: LedgerColumn[] = [
  { key: 'unit', header: '组织单位', aliases: ['单位', '所属单位'], type: 'text', required: true, dictionary: 'places', max: 100, width: 16 },
  { key: 'kind', header: '活动类型', aliases: ['学习形式', '类型'], type: 'dict', required: true, dictionary: 'learning.session_kind', width: 22 },
  { key: 'title', header: '学习主题', aliases: ['主题', '学习内容主题', '活动名称'], type: 'text', required: true, max: 200, width: 30 },
  { key: 'heldOn', header: '活动日期', aliases: ['日期', '学习日期', '时间'], type: 'date', required: true, width: 12 },
  { key: 'place', header: '地点', aliases: ['学习地点'], type: 'text', max: 200, width: 16 },
  { key: 'lecturer', header: '主讲人', aliases: ['授课人'], type: 'text', max: 32, width: 12 },
  { key: 'organiser', header: '组织者', type: 'text', max: 64, width: 12 },
  { key: 'laws', header: '学习的法律法规', aliases: ['学习法规', '法律法规'], type: 'list', width: 30 },
  { key: 'attendees', header: '参加人员', aliases: ['参会人员', '出席人员', '参学人员'], type: 'list', width: 40 },
  { key: 'personTimes', header: '参加人次', type: 'integer', exportOnly: true, width: 10 },
  { key: 'summary', header: '学习内容', aliases: ['内容摘要', '备注'], type: 'text', max: 20_000, width: 40 },
];

type Prep = { places: Place[]; people: Map<string, number[]>; today: string };

const keyOf = (s: { orgUnitId: number; heldOn: string; title: string }) => unitDayTitle(s.orgUnitId, s.heldOn, s.title);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * 学法活动台账 with attendance: one row per session, its attendees by name (顿号-separated). A name that is exactly one
 * account in the actor's scope is that account (so it counts in their 学法记录); any other is recorded by name at the
 * session's unit. Each session is written by createSession — the same checks, one audited record per session.
 */
export const studySessionsLedger: LedgerKind<StudySessionCreate, Prep> = {
  id: 'study-sessions',
  title: '学法活动台账',
  sheet: '学法活动',
  readCapability: 'learning.read',
  writeCapability: 'learning.write',
  columns,
  example: {
    unit: '四棵树镇',
    kind: '党委中心组学法',
    title: '学习《中华人民共和国行政处罚法》',
    heldOn: '2024-03-05',
    place: '镇党委会议室',
    lecturer: '张书记',
    laws: '中华人民共和国行政处罚法',
    attendees: '张三、李四',
  },
  dictionaries: async (ctx) => ({
    'learning.session_kind': sessionKinds.map((code) => ({ code, label: sessionKindLabels[code] })),
    places: placeEntries(await placesInScope(ctx.db, ctx.actor, 'learning.write', ['town', 'village', 'community', 'department'])),
  }),
  prepare: async (ctx) => {
    const [places, people] = await Promise.all([
      placesInScope(ctx.db, ctx.actor, 'learning.write', ['town', 'village', 'community', 'department']),
      repo.peopleInScope(ctx.db, scopeOf(ctx.actor, 'learning.write'), { limit: 100_000 }),
    ]);
    const byName = new Map<string, number[]>();
    for (const u of people) byName.set(u.display_name, [...(byName.get(u.display_name) ?? []), u.id]);
    return { places, people: byName, today: shanghaiDate(new Date()) };
  },
  toRecord: (v, prep) => {
    const problems: KindProblem[] = [];
    const where = resolvePlace(prep.places, str(v.unit), 'unit');
    if ('problem' in where) problems.push(where.problem);
    const heldOn = str(v.heldOn);
    if (heldOn > prep.today) problems.push({ column: 'heldOn', message: '活动日期不能晚于今天（请在活动后登记）' });
    const kind = v.kind as SessionKind;
    const rule = sessionProblem({ kind, lecturer: str(v.lecturer) });
    if (rule) problems.push({ column: rule.field, message: rule.message });
    const names = v.attendees as string[];
    const seen = new Set<string>();
    for (const n of names) {
      if (seen.has(n)) problems.push({ column: 'attendees', message: `「${n}」重复登记` });
      seen.add(n);
      if (n.length > 32) problems.push({ column: 'attendees', message: `「${n.slice(0, 10)}…」不是人名（超过 32 个字符）` });
    }
    if (problems.length || !('place' in where)) return { problems };
    return {
      record: {
        orgUnitId: where.place.id,
        kind,
        title: str(v.title),
        heldOn,
        place: str(v.place),
        lecturer: str(v.lecturer),
        organiser: str(v.organiser),
        laws: v.laws as string[],
        summary: str(v.summary),
        attendees: names.map((n) => {
          const ids = prep.people.get(n);
          return ids?.length === 1 ? { userId: ids[0] } : { personName: n };
        }),
      },
    };
  },
  key: keyOf,
  existing: (ctx, _prep, records) =>
    unitDayTitleTaken(
      ctx.db,
      'study_sessions',
      'held_on',
      'title',
      records.map((r) => ({ orgUnitId: r.orgUnitId, on: r.heldOn, title: r.title })),
    ),
  write: async (ctx, _prep, records) => {
    const ids: number[] = [];
    for (const r of records) ids.push((await createSession(ctx, r)).id);
    return ids;
  },
  filters: Type.Omit(StudySessionQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listSessions(ctx, { ...filters, page: 1, pageSize: 20_000 });
    return {
      conditions: [filters.year && `${filters.year}年`, filters.kind && sessionKindLabels[filters.kind as SessionKind], filters.q && `检索：${filters.q}`].filter(
        Boolean,
      ) as string[],
      rows: page.items.map((s) => ({
        reveal: true,
        values: {
          unit: s.orgUnitName,
          kind: sessionKindLabels[s.kind],
          title: s.title,
          heldOn: s.heldOn,
          place: s.place,
          lecturer: s.lecturer,
          organiser: s.organiser,
          laws: s.laws.join('、'),
          attendees: s.attendees.map((a) => a.personName).join('、'),
          personTimes: s.personTimes,
          summary: s.summary,
        },
      })),
    };
  },
};
