// Issue 10 §8 and §9: concurrent edits lose nothing, and the audit trail cannot be changed by the application.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, login, type Session, type TestEnv } from '../helpers.ts';

let env: TestEnv;
let a: Session;
let b: Session;
let eventId: number;
beforeAll(async () => {
  env = await createTestEnv();
  [a, b] = await Promise.all([login(env.app, 'sifasuo'), login(env.app, 'zhifa1')]);
  const row = await env.platform.db.selectFrom('publicity_events').select('id').where('voided_at', 'is', null).orderBy('id').executeTakeFirstOrThrow();
  eventId = row.id;
});
afterAll(async () => env?.close());

const read = async (s: Session) => (await s.request('GET', `/api/publicity/events/${eventId}`)).body as { version: number; peopleReached: number };

describe('concurrent edits', () => {
  it('two users saving the same version: one 200, the other 409 with the current version', async () => {
    const { version } = await read(a);
    const [ra, rb] = await Promise.all([
      a.request('PATCH', `/api/publicity/events/${eventId}`, { version, venue: '甲改的地点' }),
      b.request('PATCH', `/api/publicity/events/${eventId}`, { version, venue: '乙改的地点' }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(loser.body.error.code).toBe('VERSION_CONFLICT');
    expect(loser.body.error.details).toEqual({ currentVersion: version + 1 });
    expect((await read(a)).version).toBe(version + 1);
  });

  it('50 parallel read-modify-write increments of one count lose none (409 → re-read → retry)', async () => {
    const start = (await read(a)).peopleReached;
    let conflicts = 0;
    const increment = async (s: Session) => {
      for (;;) {
        const current = await read(s);
        const res = await s.request('PATCH', `/api/publicity/events/${eventId}`, { version: current.version, peopleReached: current.peopleReached + 1 });
        if (res.status === 200) return;
        expect(res.status).toBe(409);
        conflicts++;
        // Back off a little, as a user re-reading the form would; otherwise 50 writers mostly collide with each other.
        await new Promise((r) => setTimeout(r, Math.random() * 40));
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => increment(i % 2 ? a : b)));
    expect((await read(a)).peopleReached).toBe(start + 50);
    // The versions did collide: without the check, these would have been lost updates.
    expect(conflicts).toBeGreaterThan(0);
  }, 240_000);
});

describe('audit trail as the application sees it', () => {
  it('the app’s own database connection cannot UPDATE, DELETE or TRUNCATE audit rows', async () => {
    const last = await env.platform.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    await expect(sql`update audit_log set action = 'forged' where id = ${last.id}`.execute(env.platform.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where id = ${last.id}`.execute(env.platform.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(env.platform.db)).rejects.toThrow(/append-only/);
    expect(await env.platform.db.selectFrom('audit_log').selectAll().where('id', '=', last.id).executeTakeFirstOrThrow()).toEqual(last);
    expect((await env.platform.audit.verify(env.platform.db)).ok).toBe(true);
  });
});
