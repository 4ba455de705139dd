import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../../test/helpers.ts';

let env: TestEnv;
let ducha: Session;
let shuji: Session;

beforeAll(async () => {
  env = await createTestEnv();
  [ducha, shuji] = await Promise.all(['ducha', 'shuji'].map((u) => login(env.app, u)));
});
afterAll(async () => env?.close());

describe('the demo town’s 2024 enforcement, as the seed report states it', () => {
  it('has the body, 16 penalty powers and 2 full-time officers with valid certificates', async () => {
    const bodies = await ducha.request('GET', '/api/enforcement/bodies');
    expect(bodies.body.items.map((b: { name: string; officeName: string }) => [b.name, b.officeName])).toEqual([['四棵树镇综合执法大队', '四棵树镇行政执法办公室']]);
    const powers = await ducha.request('GET', '/api/enforcement/powers');
    expect(powers.body.items).toHaveLength(16);
    for (const p of powers.body.items) {
      expect(p.law).toMatch(/^《.+》$/);
      expect(p.article).toMatch(/^第.+条/);
      expect(p.penaltyRange.length).toBeGreaterThan(5);
      expect(p.discretion.length).toBeGreaterThan(3);
    }
    const officers = await ducha.request('GET', '/api/enforcement/officers');
    expect(officers.body.items.map((o: { name: string; fullTime: boolean; validCertificate: string | null }) => [o.name, o.fullTime, o.validCertificate !== null])).toEqual([
      ['马国强', true, true],
      ['赵海燕', true, true],
    ]);
    // 马国强's previous certificate ran out before his renewal: kept, and flagged as expired.
    const ma = officers.body.items.find((o: { name: string }) => o.name === '马国强');
    expect(ma.certificates.map((c: { number: string; warning: string | null }) => [c.number, c.warning])).toEqual([
      ['65420224001', null],
      ['65420219001', 'expired'],
    ]);
    const portal = (await env.app.inject({ method: 'GET', url: '/api/public/enforcement' })).json();
    expect(portal.officers.map((o: { name: string; certificateNumber: string }) => `${o.name} ${o.certificateNumber}`)).toEqual(['马国强 65420224001', '赵海燕 65420223017']);
    expect(portal.powers).toHaveLength(16);
  });

  it('has 8 penalty cases in 2024, all closed (100 %), and 16 reviews with 26 findings, all corrected', async () => {
    const stats = await shuji.request('GET', '/api/enforcement/stats?year=2024');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      year: 2024,
      cases: 8,
      simple: 3,
      ordinary: 5,
      closed: 8,
      closureRate: 100,
      powers: 16,
      officers: 2,
      reviews: 16,
      findings: 26,
      corrected: 26,
    });
    expect(stats.body.byCategory).toEqual([{ category: 'document', label: '文书不规范', count: 26 }]);
    expect(stats.body.finesImposed).toBe(800 + 30000 + 6000 + 200 + 100);
    expect(stats.body.finesCollected).toBe(stats.body.finesImposed);
    const list = await ducha.request('GET', '/api/enforcement/cases?year=2024&pageSize=50');
    expect(list.body.total).toBe(8);
    expect(list.body.items.every((c: { status: string }) => c.status === 'archived')).toBe(true);
    // Numbered per town and year in the order of the decisions, without gaps.
    const byDate = [...list.body.items].sort((a: { decidedOn: string; id: number }, b: { decidedOn: string; id: number }) => a.decidedOn.localeCompare(b.decidedOn) || a.id - b.id);
    expect(byDate.map((c: { decisionNumber: string }) => c.decisionNumber)).toEqual(Array.from({ length: 8 }, (_, i) => `四镇综执罚〔2024〕${i + 1}号`));
    const rounds = await ducha.request('GET', '/api/enforcement/review-rounds');
    expect(rounds.body.items).toHaveLength(8);
    expect(rounds.body.items.every((r: { partner: string }) => r.partner === '乌苏市水利局执法大队')).toBe(true);
    expect(rounds.body.items.reduce((s: number, r: { fileReviews: number }) => s + r.fileReviews, 0)).toBe(16);
    expect(rounds.body.items.reduce((s: number, r: { corrected: number }) => s + r.corrected, 0)).toBe(26);
  });

  it('shows the open 2025 cases as overdue, and every case’s hash chain verifies', async () => {
    const overdue = await shuji.request('GET', '/api/enforcement/cases?attention=overdue');
    expect(overdue.body.items.map((c: { party: { name: string } }) => c.party.name).sort()).toEqual(['努尔江·吐尔洪', '马福祥'].sort());
    const all = await shuji.request('GET', '/api/enforcement/cases?pageSize=50');
    for (const c of all.body.items) {
      const v = await shuji.request('GET', `/api/enforcement/cases/${c.id}/verify`);
      expect(v.body.ok, JSON.stringify(v.body)).toBe(true);
    }
  });
});
