import type { Kysely } from 'kysely';
import { examModeLabels, type SessionKind, sessionKindLabels } from '../../../domain/learning/rules.ts';
import { summarise } from '../../../domain/learning/stats.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { percentRate } from '../../../domain/platform/rates.ts';
import type { IndicatorRecord } from '../../../domain/reports/contracts.ts';
import type { Period } from '../../../domain/reports/period.ts';
import type { DB } from '../../db/schema.ts';
import type { Scope } from '../../platform/permissions.ts';
import { type Indicator, sharedWhileRunning } from '../reports/indicator.ts';
import * as exams from './exam.repository.ts';
import { resultsOf } from './exam.service.ts';
import * as sessions from './session.repository.ts';

/**
 * 学法用法 figures of the annual report (seed report 一(二), 一(四), 二(一)1), each counted from records:
 * sessions by kind, person-times from attendance rows, tests and their results online and offline.
 */

type SessionRow = Awaited<ReturnType<typeof sessions.sessionsOfPeriod>>[number];
const sessionRecord = (s: SessionRow): IndicatorRecord => ({
  entityType: 'study_session',
  entityId: s.id,
  date: s.held_on,
  title: s.title,
  detail: `${sessionKindLabels[s.kind]}${s.lecturer ? ` · 主讲：${s.lecturer}` : ''} · ${Number(s.person_times)} 人次`,
});

// One query for the period's sessions of every kind, shared by the seven session indicators the dashboard asks at once.
const allSessionsOf = sharedWhileRunning((db: Kysely<DB>, scope: Scope, p: Period) => sessions.sessionsOfPeriod(db, scope, p.from, p.to));
const sessionsOf = async (db: Kysely<DB>, scope: Scope, p: Period, kind?: SessionKind) => {
  const all = await allSessionsOf(db, scope, p);
  return kind ? all.filter((s) => s.kind === kind) : all;
};

const countOf = (id: string, label: string, unit: string, kind?: SessionKind): Indicator => ({
  id,
  label,
  unit,
  module: 'learning',
  compute: async (db, scope, p) => (await sessionsOf(db, scope, p, kind)).length,
  records: async (db, scope, p) => (await sessionsOf(db, scope, p, kind)).map(sessionRecord),
});

const personTimesOf = (id: string, label: string, kind?: SessionKind): Indicator => ({
  id,
  label,
  unit: '人次',
  module: 'learning',
  compute: async (db, scope, p) => (await sessionsOf(db, scope, p, kind)).reduce((n, s) => n + Number(s.person_times), 0),
  records: async (db, scope, p) => (await sessionsOf(db, scope, p, kind)).map(sessionRecord),
});

const testsOf = sharedWhileRunning(async (db: Kysely<DB>, scope: Scope, p: Period) => {
  const rows = await exams.examsOfPeriod(db, scope, p.from, p.to);
  const results = await resultsOf(db, rows);
  return rows.map((e) => {
    const summary = summarise((results.get(e.id) ?? []).map((r) => ({ score: r.score, passed: r.passed, mode: r.sittingMode })));
    return { exam: e, summary };
  });
});
type Test = Awaited<ReturnType<typeof testsOf>>[number];
const testRecord = ({ exam, summary: s }: Test): IndicatorRecord => ({
  entityType: 'exam',
  entityId: exam.id,
  date: shanghaiDate(new Date(exam.opens_at)),
  title: exam.title,
  detail: `${examModeLabels[exam.mode]} · 应考 ${s.candidates} 人，实考 ${s.participants} 人（线上 ${s.online}、线下 ${s.offline}），及格 ${s.passed} 人`,
});

export const learningIndicators: Indicator[] = [
  countOf('learning.center_group_sessions', '党委中心组学法', '次', 'center_group'),
  countOf('learning.leader_lectures', '党政主要负责人讲法治课', '次', 'leader_lecture'),
  countOf('learning.discipline_study_sessions', '镇村干部纪律规定（廉洁自律）学习', '场', 'integrity'),
  countOf('learning.enforcement_trainings', '行政执法培训', '期', 'enforcement_training'),
  personTimesOf('learning.enforcement_training_person_times', '行政执法培训参加人次', 'enforcement_training'),
  countOf('learning.legal_lectures', '法治讲座', '次', 'legal_lecture'),
  countOf('learning.study_sessions', '学法活动（全部类型）', '场'),
  personTimesOf('learning.study_person_times', '学法活动参加人次（全部类型）'),
  {
    id: 'learning.legal_tests',
    label: '法律知识测试',
    unit: '次',
    module: 'learning',
    compute: async (db, scope, p) => (await exams.examsOfPeriod(db, scope, p.from, p.to)).length,
    records: async (db, scope, p) => (await testsOf(db, scope, p)).map(testRecord),
  },
  {
    id: 'learning.legal_test_participants',
    label: '法律知识测试参考人次（线上线下）',
    unit: '人次',
    module: 'learning',
    compute: async (db, scope, p) => (await testsOf(db, scope, p)).reduce((n, t) => n + t.summary.participants, 0),
    records: async (db, scope, p) => (await testsOf(db, scope, p)).map(testRecord),
  },
  {
    id: 'learning.legal_test_pass_rate',
    label: '法律知识测试及格率',
    unit: '%',
    module: 'learning',
    compute: async (db, scope, p) => {
      const tests = await testsOf(db, scope, p);
      return percentRate(
        tests.reduce((n, t) => n + t.summary.passed, 0),
        tests.reduce((n, t) => n + t.summary.participants, 0),
      );
    },
    records: async (db, scope, p) => (await testsOf(db, scope, p)).map(testRecord),
  },
];
