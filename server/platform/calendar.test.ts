import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../test/helpers.ts';

let env: TestEnv;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  env = await createTestEnv();
  admin = await login(env.app, 'admin');
  officer = await login(env.app, 'zhifa1');
});
afterAll(async () => env?.close());

it('computes a working-day deadline across the National Day break', async () => {
  const res = await officer.request('GET', '/api/calendar/deadline?from=2024-09-30&workingDays=7');
  expect(res.body).toEqual({ from: '2024-09-30', workingDays: 7, deadline: '2024-10-15', official: true });
});

it('takes the official arrangement of a year the package does not know, and deadlines follow it', async () => {
  const before = await officer.request('GET', '/api/calendar/deadline?from=2027-09-30&workingDays=1');
  expect(before.body).toMatchObject({ deadline: '2027-10-01', official: false });
  for (const day of ['2027-10-01', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07']) {
    expect((await admin.request('POST', '/api/calendar/overrides', { date: day, isWorkday: false, name: '国庆节' })).status).toBe(200);
  }
  const after = await officer.request('GET', '/api/calendar/deadline?from=2027-09-30&workingDays=1');
  expect(after.body).toMatchObject({ deadline: '2027-10-08', official: true });
  const dup = await admin.request('POST', '/api/calendar/overrides', { date: '2027-10-01', isWorkday: false, name: '重复' });
  expect(dup.status).toBe(409);
  const info = await officer.request('GET', '/api/calendar');
  expect(info.body.overrides).toHaveLength(5);
  const voided = await admin.request('POST', `/api/calendar/overrides/${info.body.overrides[0].id}/void`, { reason: '录入错误', version: 1 });
  expect(voided.status).toBe(200);
  expect((await officer.request('GET', '/api/calendar')).body.overrides).toHaveLength(4);
});

it('lets only an admin enter the arrangement', async () => {
  const res = await officer.request('POST', '/api/calendar/overrides', { date: '2027-01-01', isWorkday: false, name: '元旦' });
  expect(res.status).toBe(403);
  const bad = await admin.request('POST', '/api/calendar/overrides', { date: '2027-1-1', isWorkday: false, name: '元旦' });
  expect(bad.body.error.message).toBe('「日期」格式不正确');
});
