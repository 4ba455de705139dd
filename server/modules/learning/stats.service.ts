import type { LearningRecord, LearningStats, ResultRow, StatsQuery } from '../../../domain/learning/contracts.ts';
import { type SessionKind, sessionKindLabels, sessionKinds } from '../../../domain/learning/rules.ts';
import { countsByKind, countsByKindAndMonth, oneDecimal, summarise, summariseBy } from '../../../domain/learning/stats.ts';
import { formatRate } from '../../../domain/platform/rates.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { requireUnitInScope, type Scope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './exam.repository.ts';
import { resultsOf, toExam } from './exam.service.ts';
import * as people from './session.repository.ts';
import { workbook } from './xlsx.ts';

// ── a person's learning record ────────────────────────────────────────────────────────────────────────────

async function recordOf(ctx: Ctx, userId: number, year: number | undefined, scope?: Scope): Promise<LearningRecord> {
  const user = await people.userBrief(ctx.db, userId);
  if (!user) throw new AppError('NOT_FOUND', '人员不存在');
  const sessions = await people.sessionsAttendedBy(ctx.db, userId, year, scope);
  const exams = await repo.candidaciesOf(ctx.db, userId, year, scope);
  const results = await resultsOf(ctx.db, exams);
  return {
    userId,
    displayName: user.display_name,
    orgUnitName: user.org_unit_name,
    year: year ?? null,
    sessions: sessions.map((s) => ({ sessionId: s.id, kind: s.kind, title: s.title, heldOn: s.held_on, orgUnitName: s.org_unit_name, lecturer: s.lecturer })),
    sessionsByKind: countsByKind(sessions),
    exams: exams.map((e) => {
      const r = (results.get(e.id) ?? []).find((row) => row.candidateId === e.candidate_id);
      return {
        examId: e.id,
        title: e.title,
        closesAt: new Date(e.closes_at).toISOString(),
        mode: e.mode,
        score: r?.score ?? null,
        sittingMode: r?.sittingMode ?? null,
        passed: r?.passed ?? null,
        totalPoints: e.total_points,
        passScore: Number(e.pass_score),
      };
    }),
  };
}

/** Everyone sees their own record (sessions attended, exam results), with or without learning.read. */
export async function myRecord(ctx: Ctx, year?: number): Promise<LearningRecord> {
  scopeOf(ctx.actor, 'exams.take');
  return recordOf(ctx, ctx.actor.userId, year);
}

/** Someone else's record: only with learning.read over that person's unit (outside it: as if absent). */
export async function personRecord(ctx: Ctx, userId: number, year?: number): Promise<LearningRecord> {
  const scope = scopeOf(ctx.actor, 'learning.read');
  const [person] = await people.peopleInScope(ctx.db, scope, { ids: [userId] });
  if (!person) throw new AppError('NOT_FOUND', '人员不存在');
  return recordOf(ctx, userId, year, scope);
}

// ── statistics ────────────────────────────────────────────────────────────────────────────────────────────

const kindRecord = <T>(f: (k: SessionKind) => T) => Object.fromEntries(sessionKinds.map((k) => [k, f(k)])) as Record<SessionKind, T>;
const personKey = (p: { userId: number | null; personName: string; orgUnitId: number | null }) => (p.userId ? `u${p.userId}` : `n${p.personName}@${p.orgUnitId ?? ''}`);

/**
 * The year's figures in the reader's scope (or under one unit of it): activities by kind and month,
 * person-times from attendance rows, and each exam's participation and pass rates, per unit and per person.
 */
export async function learningStats(ctx: Ctx, q: StatsQuery): Promise<LearningStats> {
  const scope = scopeOf(ctx.actor, 'learning.read');
  const under = q.orgUnitId ? (await requireUnitInScope(ctx.db, ctx.actor, 'learning.read', q.orgUnitId)).path : undefined;

  const rows = await people.attendanceForStats(ctx.db, scope, q.year, under);
  const sessions = [...new Map(rows.map((r) => [r.session_id, { kind: r.kind, heldOn: r.held_on }])).values()];
  const attendance = rows.filter((r) => r.attendance_id !== null);

  const examRows = (await repo.listExams(ctx.db, scope, { year: q.year, status: 'published', underPath: under, page: 1, pageSize: 10_000 })).items;
  const results = await resultsOf(ctx.db, examRows);
  type Line = ResultRow & { examId: number };
  const lines: Line[] = examRows.flatMap((e) => (results.get(e.id) ?? []).map((r) => ({ ...r, examId: e.id })));
  const asLine = (r: ResultRow) => ({ score: r.score, passed: r.passed, mode: r.sittingMode });

  // Units: where people sat exams and attended sessions (a person's unit as recorded on the row).
  const unitNames = new Map<number | null, string>();
  for (const a of attendance) unitNames.set(a.org_unit_id, a.org_unit_name ?? '未填单位');
  for (const l of lines) unitNames.set(l.orgUnitId, l.orgUnitName ?? '未填单位');
  const unitSummaries = new Map(
    summariseBy(
      lines.map((l) => ({ ...asLine(l), orgUnitId: l.orgUnitId })),
      (l) => l.orgUnitId,
    ).map((g) => [g.key, g.summary]),
  );
  const units = [...unitNames].map(([orgUnitId, orgUnitName]) => {
    const mine = attendance.filter((a) => a.org_unit_id === orgUnitId);
    return {
      orgUnitId,
      orgUnitName,
      personTimes: mine.length,
      sessionsAttendedBy: new Set(mine.map((a) => personKey({ userId: a.user_id, personName: a.person_name as string, orgUnitId: a.org_unit_id }))).size,
      ...(unitSummaries.get(orgUnitId) ?? summarise([])),
    };
  });
  units.sort((a, b) => b.personTimes - a.personTimes || b.candidates - a.candidates || a.orgUnitName.localeCompare(b.orgUnitName, 'zh'));

  // People: accounts by id, people without one by name and unit.
  type PersonAcc = { userId: number | null; personName: string; orgUnitName: string; kinds: SessionKind[]; lines: Line[] };
  const persons = new Map<string, PersonAcc>();
  const personOf = (p: { userId: number | null; personName: string; orgUnitId: number | null; orgUnitName: string | null }) => {
    const key = personKey(p);
    let acc = persons.get(key);
    if (!acc) {
      acc = { userId: p.userId, personName: p.personName, orgUnitName: p.orgUnitName ?? '未填单位', kinds: [], lines: [] };
      persons.set(key, acc);
    }
    return acc;
  };
  for (const a of attendance) personOf({ userId: a.user_id, personName: a.person_name as string, orgUnitId: a.org_unit_id, orgUnitName: a.org_unit_name }).kinds.push(a.kind);
  for (const l of lines) personOf(l).lines.push(l);
  const peopleOut = [...persons.values()].map((p) => {
    const sat = p.lines.filter((l) => l.score !== null);
    return {
      userId: p.userId,
      personName: p.personName,
      orgUnitName: p.orgUnitName,
      personTimes: p.kinds.length,
      personTimesByKind: countsByKind(p.kinds.map((kind) => ({ kind }))),
      examsExpected: p.lines.length,
      examsSat: sat.length,
      examsPassed: sat.filter((l) => l.passed).length,
      averageScore: sat.length ? oneDecimal(sat.reduce((s, l) => s + (l.score as number), 0) / sat.length) : null,
    };
  });
  peopleOut.sort((a, b) => a.orgUnitName.localeCompare(b.orgUnitName, 'zh') || b.personTimes - a.personTimes || a.personName.localeCompare(b.personName, 'zh'));

  return {
    year: q.year,
    sessions: {
      total: sessions.length,
      byKind: countsByKind(sessions),
      byKindMonth: countsByKindAndMonth(sessions),
      personTimes: attendance.length,
      personTimesByKind: kindRecord((k) => attendance.filter((a) => a.kind === k).length),
    },
    exams: examRows.map((e) => {
      const exam = toExam(e);
      return { examId: e.id, title: e.title, mode: e.mode, closesAt: exam.closesAt, ...summarise((results.get(e.id) ?? []).map(asLine)) };
    }),
    examTotals: summarise(lines.map(asLine)),
    units,
    people: peopleOut,
  };
}

export async function exportStats(ctx: Ctx, q: StatsQuery): Promise<{ filename: string; file: Buffer }> {
  const s = await learningStats(ctx, q);
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const file = await workbook([
    {
      name: '学法活动',
      columns: [{ header: '活动类型', width: 26 }, ...months.map((header) => ({ header, width: 7 })), { header: '合计' }, { header: '参加人次' }],
      rows: [
        ...sessionKinds.map((k) => [sessionKindLabels[k], ...s.sessions.byKindMonth[k]!, s.sessions.byKind[k] ?? 0, s.sessions.personTimesByKind[k] ?? 0]),
        ['合计', ...months.map((_, i) => sessionKinds.reduce((n, k) => n + (s.sessions.byKindMonth[k]?.[i] ?? 0), 0)), s.sessions.total, s.sessions.personTimes],
      ],
    },
    {
      name: '法律知识测试',
      columns: ['测试名称', '应考人数', '实考人数', '线上', '线下', '及格人数', '参考率', '及格率', '平均分'].map((header) => ({ header, width: header === '测试名称' ? 40 : 10 })),
      rows: [
        ...s.exams.map((e) => [e.title, e.candidates, e.participants, e.online, e.offline, e.passed, formatRate(e.participationRate), formatRate(e.passRate), e.averageScore]),
        [
          '合计',
          s.examTotals.candidates,
          s.examTotals.participants,
          s.examTotals.online,
          s.examTotals.offline,
          s.examTotals.passed,
          formatRate(s.examTotals.participationRate),
          formatRate(s.examTotals.passRate),
          s.examTotals.averageScore,
        ],
      ],
    },
    {
      name: '按单位',
      columns: ['单位', '参加学法人次', '参加人数', '应考人次', '实考人次', '及格人次', '参考率', '及格率'].map((header) => ({ header, width: header === '单位' ? 20 : 12 })),
      rows: s.units.map((u) => [
        u.orgUnitName,
        u.personTimes,
        u.sessionsAttendedBy,
        u.candidates,
        u.participants,
        u.passed,
        formatRate(u.participationRate),
        formatRate(u.passRate),
      ]),
    },
    {
      name: '按人员',
      columns: ['姓名', '单位', '参加学法人次', ...sessionKinds.map((k) => sessionKindLabels[k]), '应考次数', '参考次数', '及格次数', '平均分'].map((header) => ({
        header,
        width: header.length > 6 ? 16 : 10,
      })),
      rows: s.people.map((p) => [
        p.personName,
        p.orgUnitName,
        p.personTimes,
        ...sessionKinds.map((k) => p.personTimesByKind[k] ?? 0),
        p.examsExpected,
        p.examsSat,
        p.examsPassed,
        p.averageScore,
      ]),
    },
  ]);
  await audited(ctx, async () => ({
    result: undefined,
    audit: { action: 'learning.export', entityType: 'learning_stats', orgUnitId: q.orgUnitId ?? null, after: { what: '学法用法统计', year: q.year, orgUnitId: q.orgUnitId } },
  }));
  return { filename: `${q.year}年学法用法统计.xlsx`, file };
}
