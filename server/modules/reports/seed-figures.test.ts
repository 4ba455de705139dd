import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';

let env: TestEnv;
let leader: Session;
beforeAll(async () => {
  env = await createTestEnv();
  leader = await login(env.app, 'shuji');
});
afterAll(async () => env?.close());

// The seed report's figures (四棵树镇 2024), every one computed from the demo town's records (issue 7's table).
it('gives the seed report’s 2024 figures for the demo town', async () => {
  const res = await leader.request('GET', '/api/reports/indicators?org=四棵树镇&year=2024');
  expect(res.status).toBe(200);
  const v = Object.fromEntries(res.body.map((i: { id: string; value: number | null }) => [i.id, i.value]));
  expect(v).toMatchObject({
    'org.leading_group_co_leaders': 2,
    'learning.center_group_sessions': 5,
    'learning.leader_lectures': 2,
    'learning.discipline_study_sessions': 3,
    'learning.enforcement_trainings': 9,
    'learning.enforcement_training_person_times': 41,
    'learning.legal_tests': 3,
    'villages.national_demo_villages_reinspected': 1,
    'enforcement.penalty_powers': 16,
    'enforcement.full_time_officers': 2,
    'enforcement.penalty_cases': 8,
    'enforcement.penalty_cases_closed': 8,
    'enforcement.closure_rate': 100,
    'enforcement.file_reviews': 16,
    'enforcement.review_findings': 26,
    'enforcement.review_findings_corrected': 26,
    'publicity.consultation_events': 4,
    'mediation.disputes': 65,
    'mediation.disputes_resolved': 61,
    'mediation.success_rate': 93.8,
  });
  expect(v['publicity.youth_materials']).toBeGreaterThanOrEqual(500);
  expect(v['publicity.youth_students_reached']).toBeGreaterThanOrEqual(1000);
  expect(v['publicity.rural_materials']).toBeGreaterThanOrEqual(1200);
  expect(v['publicity.consultation_people']).toBeGreaterThanOrEqual(80);
  const ids = res.body.map((i: { id: string }) => i.id);
  expect(new Set(ids).size).toBe(ids.length);
});

it('finds on the seed report exactly what is wrong with it: the rate, the repealed law and the terms', async () => {
  const text =
    '我镇党委中心组组织法律法规学习活动达5次。成功复验全国民主法治示范村一个。已开展9期行政执法培训，41人次参与。已成功处理8起行政处罚案件，结案率达100%。经16次审查，发现并纠正了26处文书不规范问题。《婚姻法》等。“12·4”宪法宣传周。共调解矛盾纠纷65件，成功61件，调解成功率达93%。';
  const res = await leader.request('POST', '/api/reports/check', { org: '四棵树镇', year: 2024, text });
  expect(res.body.problems.map((p: { kind: string }) => p.kind)).toEqual(['term', 'law', 'term', 'rate']);
});

it('flags a figure changed to disagree with the town’s records', async () => {
  const res = await leader.request('POST', '/api/reports/check', { org: '四棵树镇', year: 2024, text: '已开展10期行政执法培训，41人次参与。共调解矛盾纠纷65件，成功61件。' });
  expect(res.body.problems).toEqual([expect.objectContaining({ kind: 'figure', indicatorId: 'learning.enforcement_trainings', message: '执法培训期数：文中为 10，记录为 9' })]);
});
