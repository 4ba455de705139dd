/**
 * bench/generate — a deterministic province-sized dataset for the benchmark suite (issue 9).
 *
 * 1 province → 10 cities → 300 towns → 3,000 villages, 5 years (2021–2025), per town-year ≈ 30 cases (with their
 * hash-chained timelines), 80 disputes (parties, sessions, follow-ups), 40 publicity events, 30 study sessions with
 * attendance, 4 exams with 100 candidates and 200 attempts — about 2 million business rows.
 *
 * Rows are shaped by cloning the demo town's records (loaded first through the real services, so every JSON column
 * has the shape the app expects), then written with multi-row INSERTs (json_populate_recordset, thousands of rows
 * per statement). Personal identifiers are sealed with server/platform/crypto.ts like the app does; case timelines
 * carry real SM3 chains. The same seed gives the same records (ciphertexts differ: their IVs are random).
 *
 *   node bench/generate.ts [--scale 0.05] [--data-dir bench/data] [--seed 42]
 *
 * The generated rows bypass the audit trail (they are history, not actions): the audit chain holds the demo's.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import pg from 'pg';
import { canonicalJson } from '../domain/enforcement/rules.ts';
import { openPlatform } from '../server/cli/runtime.ts';
import { loadConfig } from '../server/config.ts';
import { initialiseIfEmpty } from '../server/db/demo/load.ts';
import { blindIndex, encryptPersonal, hashPassword, type Keys } from '../server/platform/crypto.ts';
import { BENCH_PASSWORD, benchDataDir } from './common.ts';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    'data-dir': { type: 'string' },
    seed: { type: 'string', default: '20261129' },
  },
});
const scale = Number(args.scale);
if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
const dataDir = path.resolve(args['data-dir'] ?? benchDataDir(scale));
const YEARS = [2021, 2022, 2023, 2024, 2025];
const CITIES = Math.max(1, Math.round(10 * scale));
const TOWNS_PER_CITY = Math.max(1, Math.round((300 * scale) / CITIES));
const VILLAGES_PER_TOWN = 10;
const PER_TOWN_YEAR = { cases: 30, disputes: 80, events: 40, sessions: 30, attendance: 15, exams: 4, candidates: 25, attemptsEach: 2 };
const STAFF_PER_TOWN = 25;

// ── deterministic randomness ──────────────────────────────────────────────────────────────────────────────────
let state = Number(args.seed) >>> 0;
function rand(): number {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const surnames =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const given = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅晓东海燕鹏飞成亮文斌宇浩凯';
const personName = () => pick([...surnames]) + pick([...given]) + (rand() < 0.6 ? pick([...given]) : '');
const idNumber = () => {
  const body = `65420${int(1, 9)}${int(1950, 2004)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(int(0, 999)).padStart(3, '0')}`;
  return body + pick(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
};
const phone = () => `1${pick(['3', '5', '7', '8', '9'])}${String(int(0, 999_999_999)).padStart(9, '0')}`;

// ── dates: a template of 2024 moved to another year ──────────────────────────────────────────────────────────────
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function shiftValue(v: unknown, years: number): unknown {
  if (years === 0) return v;
  if (v instanceof Date) {
    const d = new Date(v);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d;
  }
  if (typeof v === 'string') {
    const m = DATE.exec(v);
    if (m) return `${Number(m[1]) + years}-${m[2]}-${m[2] === '02' && m[3] === '29' ? '28' : m[3]}`;
  }
  return v;
}
type Row = Record<string, unknown>;
const shifted = (row: Row, years: number, overrides: Row): Row => {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = k in overrides ? overrides[k] : shiftValue(v, years);
  for (const [k, v] of Object.entries(overrides)) out[k] = v;
  return out;
};

// ── writing: COPY FROM STDIN in the text format ─────────────────────────────────────────────────────────────────
// pg-copy-streams is not a dependency; pg accepts any "submittable", and COPY needs only three protocol calls.
type Connection = { query: (text: string) => void; sendCopyFromChunk: (b: Buffer) => void; endCopyFrom: () => void };
class CopyIn {
  error: unknown = null;
  readonly done: Promise<void>;
  private settle!: (err: unknown) => void;
  readonly text: string;
  private readonly data: Buffer;
  constructor(text: string, data: Buffer) {
    this.text = text;
    this.data = data;
    this.done = new Promise((resolve, reject) => {
      this.settle = (err) => (err ? reject(err) : resolve());
    });
  }
  submit(con: Connection) {
    con.query(this.text);
  }
  handleCopyInResponse(con: Connection) {
    for (let i = 0; i < this.data.length; i += 1 << 16) con.sendCopyFromChunk(this.data.subarray(i, i + (1 << 16)));
    con.endCopyFrom();
  }
  handleError(err: unknown) {
    this.error = err;
  }
  handleReadyForQuery() {
    this.settle(this.error);
  }
  handleCommandComplete() {}
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

const escapeText = (s: string) => s.replace(/[\\\n\r\t]/g, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t'));
const arrayLiteral = (list: unknown[]): string => `{${list.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/[\\"]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
/** One value in COPY's text format, by the column's type (udt_name: _text/_int4 arrays, json/jsonb, the rest as text). */
function copyValue(v: unknown, udt: string): string {
  if (v === null || v === undefined) return '\\N';
  if (udt.startsWith('_')) return escapeText(arrayLiteral(v as unknown[]));
  if (udt === 'json' || udt === 'jsonb') return escapeText(typeof v === 'string' ? v : JSON.stringify(v));
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  return escapeText(String(v));
}

const BATCH = 5000;
type Writer = { add: (table: string, row: Row) => Promise<void>; flush: () => Promise<void> };
async function writer(client: pg.Client, order: readonly string[], onRows: (n: number) => void): Promise<Writer> {
  // Parents before children: a full buffer sends every table's rows, in this order.
  const buffers = new Map<string, Row[]>(order.map((t) => [t, []]));
  const types = new Map<string, Map<string, string>>();
  for (const r of (await client.query(`select table_name, column_name, udt_name from information_schema.columns where table_schema = 'public'`)).rows) {
    if (!types.has(r.table_name)) types.set(r.table_name, new Map());
    types.get(r.table_name)?.set(r.column_name, r.udt_name);
  }
  let inFlight: Promise<unknown> = Promise.resolve();
  async function send(table: string) {
    const buf = buffers.get(table);
    if (!buf || buf.length === 0) return;
    buffers.set(table, []);
    const colTypes = types.get(table) as Map<string, string>;
    const cols = Object.keys(buf[0] as Row).filter((c) => colTypes.has(c));
    const lines = buf.map((r) => cols.map((c) => copyValue(r[c], colTypes.get(c) as string)).join('\t'));
    const copy = new CopyIn(`copy ${table} (${cols.map((c) => `"${c}"`).join(',')}) from stdin`, Buffer.from(`${lines.join('\n')}\n`));
    // One COPY in flight while the next batch is built: JS and PostgreSQL share the two cores.
    await inFlight;
    const t0 = performance.now();
    client.query(copy as unknown as string);
    inFlight = copy.done.then(() => {
      dbMs += performance.now() - t0;
      onRows(buf.length);
    });
  }
  return {
    async add(table, row) {
      const buf = buffers.get(table);
      if (!buf) throw new Error(`table ${table} is not in the write order`);
      buf.push(row);
      // The last COPY stays in flight while the next rows are built.
      if (buf.length >= BATCH) for (const t of buffers.keys()) await send(t);
    },
    async flush() {
      for (const table of buffers.keys()) await send(table);
      await inFlight;
    },
  };
}
let dbMs = 0;

async function all<T extends Row>(client: pg.Client, text: string): Promise<T[]> {
  return (await client.query(text)).rows as T[];
}

// ── main ───────────────────────────────────────────────────────────────────────────────────────────────────────
async function main() {
  if (fs.existsSync(path.join(dataDir, 'bench.json'))) {
    console.log(`[generate] ${dataDir} already holds a generated dataset (delete the directory to regenerate)`);
    return;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  const started = performance.now();
  const config = loadConfig({ ...process.env, FAZHI_DATA_DIR: dataDir, FAZHI_ADMIN_PASSWORD: BENCH_PASSWORD, DATABASE_URL: process.env.DATABASE_URL ?? '' });
  const { platform, database } = await openPlatform(config);
  const keys: Keys = platform.keys;
  try {
    const first = await initialiseIfEmpty(platform, true);
    if (!first) throw new Error('the database is not empty: generate needs an empty database');
    console.log(`[generate] demo town loaded as the template (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('set synchronous_commit = off');
    // The generated rows are consistent by construction: skip the per-row foreign-key triggers (superuser only;
    // on a DATABASE_URL without that right they stay on, just slower).
    await client.query('set session_replication_role = replica').catch(() => console.log('[generate] foreign-key checks stay on (not a superuser)'));
    try {
      await generate(client, keys, started);
    } finally {
      await client.end();
    }
  } finally {
    await database.close();
  }
}

async function generate(client: pg.Client, keys: Keys, started: number) {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const t = {
    cases: await all(client, 'select * from enforcement_cases order by id'),
    events: await all(client, 'select * from enforcement_case_events order by case_id, seq'),
    evidence: await all(client, 'select * from enforcement_evidence order by id'),
    reviews: await all(client, 'select * from enforcement_legal_reviews order by id'),
    publications: await all(client, 'select * from enforcement_publications where voided_at is null order by id'),
    body: (await all(client, 'select * from enforcement_bodies order by id'))[0] as Row,
    powers: await all(client, 'select * from enforcement_powers order by id'),
    committee: (await all(client, `select c.* from mediation_committees c join org_units u on u.id = c.org_unit_id where u.kind = 'town' order by c.id`))[0] as Row,
    disputes: await all(client, 'select * from disputes order by id'),
    parties: await all(client, 'select * from dispute_parties order by id'),
    dsessions: await all(client, 'select * from dispute_sessions order by id'),
    followUps: await all(client, 'select * from dispute_follow_ups order by id'),
    pubEvents: await all(client, 'select * from publicity_events order by id'),
    studies: await all(client, 'select * from study_sessions order by id'),
    exam: (await all(client, 'select * from exams order by id'))[0] as Row,
    paperId: ((await all(client, 'select id from papers order by id'))[0] as Row).id as number,
  };
  const childrenOf = (list: Row[], key: string) => {
    const m = new Map<unknown, Row[]>();
    for (const r of list) m.set(r[key], [...(m.get(r[key]) ?? []), r]);
    return m;
  };
  const eventsOf = childrenOf(t.events, 'case_id');
  const evidenceOf = childrenOf(t.evidence, 'case_id');
  const reviewsOf = childrenOf(t.reviews, 'case_id');
  const publicationOf = childrenOf(t.publications, 'case_id');
  const partiesOf = childrenOf(t.parties, 'dispute_id');
  const dsessionsOf = childrenOf(t.dsessions, 'dispute_id');
  const followUpsOf = childrenOf(t.followUps, 'dispute_id');

  // Ids are given explicitly (identity columns are "by default"), so children refer to parents without a round trip.
  const nextId = new Map<string, number>();
  const tables = [
    'org_units',
    'users',
    'role_assignments',
    'enforcement_bodies',
    'enforcement_powers',
    'enforcement_cases',
    'enforcement_case_events',
    'enforcement_evidence',
    'enforcement_legal_reviews',
    'enforcement_publications',
    'mediation_committees',
    'disputes',
    'dispute_parties',
    'dispute_sessions',
    'dispute_follow_ups',
    'publicity_events',
    'study_sessions',
    'attendances',
    'exams',
    'exam_candidates',
    'exam_attempts',
  ];
  for (const table of tables) {
    const [{ max }] = (await client.query(`select coalesce(max(id), 0)::int as max from ${table}`)).rows as [{ max: number }];
    nextId.set(table, max + 1000);
  }
  const id = (table: string) => {
    const n = nextId.get(table) as number;
    nextId.set(table, n + 1);
    return n;
  };

  // The province above the demo city: the city keeps its id, every path gains the province prefix.
  const [demoCity] = (await client.query(`select id, path from org_units where parent_id is null`)).rows as [{ id: number; path: string }];
  const [demoTown] = (await client.query(`select id, path from org_units where kind = 'town' order by id limit 1`)).rows as [{ id: number; path: string }];
  const provinceId = id('org_units');
  await client.query(`insert into org_units (id, parent_id, kind, name, code, path) values ($1, null, 'city', '基准省', '650000', $2)`, [provinceId, `/${provinceId}/`]);
  await client.query(`update org_units set path = $1 || path where id <> $2`, [`/${provinceId}`, provinceId]);
  await client.query(`update org_units set parent_id = $1 where id = $2`, [provinceId, demoCity.id]);
  const adminId = ((await client.query(`select id from users where username = 'admin'`)).rows[0] as { id: number }).id;
  await client.query(`insert into role_assignments (user_id, role, org_unit_id) values ($1, 'admin', $2)`, [adminId, provinceId]);

  const totalTowns = CITIES * TOWNS_PER_CITY;
  const perTownYear =
    PER_TOWN_YEAR.cases * (1 + t.events.length / t.cases.length) +
    PER_TOWN_YEAR.disputes * (1 + (t.parties.length + t.dsessions.length + t.followUps.length) / t.disputes.length) +
    PER_TOWN_YEAR.events +
    PER_TOWN_YEAR.sessions * (1 + PER_TOWN_YEAR.attendance) +
    PER_TOWN_YEAR.exams * (1 + PER_TOWN_YEAR.candidates * (1 + PER_TOWN_YEAR.attemptsEach));
  const estimate = Math.round(totalTowns * YEARS.length * perTownYear);
  const bar = new cliProgress.SingleBar(
    { format: '[generate] {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | {stage}', hideCursor: true, etaBuffer: 50, noTTYOutput: true, notTTYSchedule: 15_000 },
    cliProgress.Presets.shades_classic,
  );
  // Secondary indexes are dropped for the load and built once at the end: maintaining ~70 of them row by row was
  // most of PostgreSQL's time. Primary keys and constraint-backed uniques stay (they are what the ids rely on).
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = 'public' and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  for (const i of indexes) await client.query(`drop index "${i.name}"`);
  const genStart = performance.now();
  let written = 0;
  bar.start(estimate, 0, { rate: 0, stage: '' });
  const w = await writer(client, tables, (n) => {
    written += n;
    bar.update(written, { rate: Math.round(written / ((performance.now() - genStart) / 1000)) });
  });

  const cityIds: number[] = [demoCity.id];
  for (let c = 1; c < CITIES; c++) {
    const cid = id('org_units');
    cityIds.push(cid);
    await w.add('org_units', {
      id: cid,
      parent_id: provinceId,
      kind: 'city',
      name: `基准市${c + 1}`,
      code: `65${String(c + 1).padStart(2, '0')}00`,
      path: `/${provinceId}/${cid}/`,
    });
  }
  const supervisors: Row[] = [];
  const staffRole = ['coordinator', 'leader', 'officer', 'mediator', 'reviewer'];
  let caseSeq = 0;
  let townNo = 0;
  for (const [ci, cityId] of cityIds.entries()) {
    const cityPath = ci === 0 ? `/${provinceId}${demoCity.path}` : `/${provinceId}/${cityId}/`;
    if (ci > 0) {
      const uid = id('users');
      supervisors.push({ id: uid, username: `city${ci + 1}_ducha`, cityId });
      await w.add('users', {
        id: uid,
        username: `city${ci + 1}_ducha`,
        display_name: personName(),
        org_unit_id: cityId,
        title: '督察科科长',
        password_hash: passwordHash,
        must_change_password: false,
      });
      await w.add('role_assignments', { id: id('role_assignments'), user_id: uid, role: 'supervisor', org_unit_id: cityId });
    }
    for (let k = 0; k < TOWNS_PER_CITY; k++) {
      townNo++;
      bar.update(written, { stage: `town ${townNo}/${totalTowns}` });
      // The demo town is the first town of the demo city and gets the same five years on top of its demo records.
      const isDemo = ci === 0 && k === 0;
      const townId = isDemo ? demoTown.id : id('org_units');
      const townPath = isDemo ? `/${provinceId}${demoTown.path}` : `${cityPath}${townId}/`;
      if (!isDemo) {
        await w.add('org_units', { id: townId, parent_id: cityId, kind: 'town', name: `基准${townNo}镇`, code: `T${townNo}`, path: townPath, sort_order: k });
        for (let v = 0; v < VILLAGES_PER_TOWN; v++) {
          const vid = id('org_units');
          await w.add('org_units', { id: vid, parent_id: townId, kind: 'village', name: `基准${townNo}镇第${v + 1}村`, path: `${townPath}${vid}/`, sort_order: v });
        }
      }
      // Staff: the first few hold the town's roles (so bench/run can log in as any of them), all sit exams.
      const staff: number[] = [];
      for (let s = 0; s < STAFF_PER_TOWN; s++) {
        const uid = id('users');
        staff.push(uid);
        const tel = phone();
        await w.add('users', {
          id: uid,
          username: `t${townNo}_${s}`,
          display_name: personName(),
          org_unit_id: townId,
          title: '干部',
          phone_enc: encryptPersonal(keys, tel),
          phone_idx: blindIndex(keys, tel),
          password_hash: passwordHash,
          must_change_password: false,
        });
        if (s < staffRole.length) await w.add('role_assignments', { id: id('role_assignments'), user_id: uid, role: staffRole[s], org_unit_id: townId });
      }
      // Enforcement body and powers: cloned per town (each town its own 权责清单).
      const bodyId = isDemo ? (t.body.id as number) : id('enforcement_bodies');
      const powerMap = new Map<unknown, number>();
      if (!isDemo) {
        await w.add('enforcement_bodies', shifted(t.body, 0, { id: bodyId, org_unit_id: townId, name: `基准${townNo}镇人民政府`, number_prefix: `基${townNo}` }));
        for (const p of t.powers) {
          const pid = id('enforcement_powers');
          powerMap.set(p.id, pid);
          await w.add('enforcement_powers', shifted(p, 0, { id: pid, org_unit_id: townId, body_id: bodyId }));
        }
      } else for (const p of t.powers) powerMap.set(p.id, p.id as number);
      const committeeId = isDemo ? (t.committee.id as number) : id('mediation_committees');
      if (!isDemo) await w.add('mediation_committees', shifted(t.committee, 0, { id: committeeId, org_unit_id: townId, name: `基准${townNo}镇人民调解委员会` }));

      for (const year of YEARS) {
        const dy = year - 2024;
        // ── enforcement cases with their timelines
        for (let i = 0; i < PER_TOWN_YEAR.cases; i++) {
          const tpl = t.cases[i % t.cases.length] as Row;
          const caseId = id('enforcement_cases');
          caseSeq++;
          const person = tpl.party_type === 'person';
          const idn = person ? idNumber() : null;
          const events = eventsOf.get(tpl.id) ?? [];
          let prev = '0'.repeat(64);
          const evRows: Row[] = [];
          for (const e of events) {
            const at = shiftValue(e.at, dy) as Date;
            const body = { caseId, seq: e.seq, at: at.toISOString(), actorId: e.actor_id, actorName: e.actor_name, kind: e.kind, summary: e.summary, payload: e.payload };
            const hash = createHash('sm3')
              .update(`${prev}\n${canonicalJson(body)}`)
              .digest('hex');
            evRows.push({ ...e, id: id('enforcement_case_events'), case_id: caseId, org_unit_id: townId, at, prev_hash: prev, hash });
            prev = hash;
          }
          await w.add(
            'enforcement_cases',
            shifted(tpl, dy, {
              id: caseId,
              org_unit_id: townId,
              body_id: bodyId,
              power_id: powerMap.get(tpl.power_id),
              party_name: person
                ? personName()
                : `${pick(['新疆', '乌苏', '奎屯'])}${pick(['宏达', '丰源', '天山', '金穗', '绿洲'])}${pick(['商贸', '农业', '建材', '运输'])}有限公司`,
              party_id_enc: idn ? encryptPersonal(keys, idn) : tpl.party_id_enc === null ? null : encryptPersonal(keys, '91654202MA7XXXXX0X'),
              party_id_idx: idn ? blindIndex(keys, idn) : tpl.party_id_idx,
              party_phone_enc: tpl.party_phone_enc === null ? null : encryptPersonal(keys, phone()),
              filing_number: tpl.filing_number === null ? null : `基立〔${year}〕${caseSeq}号`,
              decision_number: tpl.decision_number === null ? null : `基罚决〔${year}〕${caseSeq}号`,
              chain_head: prev,
              chain_length: evRows.length,
            }),
          );
          for (const e of evRows) await w.add('enforcement_case_events', e);
          for (const e of evidenceOf.get(tpl.id) ?? [])
            await w.add('enforcement_evidence', shifted(e, dy, { id: id('enforcement_evidence'), case_id: caseId, org_unit_id: townId, attachment_id: null }));
          for (const r of reviewsOf.get(tpl.id) ?? [])
            await w.add('enforcement_legal_reviews', shifted(r, dy, { id: id('enforcement_legal_reviews'), case_id: caseId, org_unit_id: townId }));
          for (const p of publicationOf.get(tpl.id) ?? [])
            await w.add('enforcement_publications', shifted(p, dy, { id: id('enforcement_publications'), case_id: caseId, org_unit_id: townId }));
        }
        // ── disputes with parties, sessions and follow-ups
        for (let i = 0; i < PER_TOWN_YEAR.disputes; i++) {
          const tpl = t.disputes[i % t.disputes.length] as Row;
          const disputeId = id('disputes');
          await w.add(
            'disputes',
            shifted(tpl, dy, {
              id: disputeId,
              org_unit_id: townId,
              committee_id: committeeId,
              number: `基调〔${year}〕${i + 1}号`,
              year,
              seq: i + 1,
            }),
          );
          for (const p of partiesOf.get(tpl.id) ?? []) {
            const idn = p.kind === 'person' ? idNumber() : null;
            const tel = phone();
            await w.add(
              'dispute_parties',
              shifted(p, dy, {
                id: id('dispute_parties'),
                dispute_id: disputeId,
                name: p.kind === 'person' ? personName() : p.name,
                id_number_enc: idn ? encryptPersonal(keys, idn) : null,
                id_number_idx: idn ? blindIndex(keys, idn) : null,
                phone_enc: encryptPersonal(keys, tel),
                phone_idx: blindIndex(keys, tel),
              }),
            );
          }
          for (const s of dsessionsOf.get(tpl.id) ?? []) await w.add('dispute_sessions', shifted(s, dy, { id: id('dispute_sessions'), dispute_id: disputeId }));
          for (const f of followUpsOf.get(tpl.id) ?? []) await w.add('dispute_follow_ups', shifted(f, dy, { id: id('dispute_follow_ups'), dispute_id: disputeId }));
        }
        // ── publicity events
        for (let i = 0; i < PER_TOWN_YEAR.events; i++) {
          const tpl = t.pubEvents[i % t.pubEvents.length] as Row;
          await w.add(
            'publicity_events',
            shifted(tpl, dy, { id: id('publicity_events'), org_unit_id: townId, campaign_id: null, people_reached: int(20, 800), consultations: int(0, 60) }),
          );
        }
        // ── study sessions with attendance (person-times are counted from these rows)
        for (let i = 0; i < PER_TOWN_YEAR.sessions; i++) {
          const tpl = t.studies[i % t.studies.length] as Row;
          const sid = id('study_sessions');
          await w.add('study_sessions', shifted(tpl, dy, { id: sid, org_unit_id: townId, lecturer_user_id: null }));
          const offset = int(0, STAFF_PER_TOWN - 1);
          for (let a = 0; a < PER_TOWN_YEAR.attendance; a++) {
            await w.add('attendances', { id: id('attendances'), session_id: sid, user_id: staff[(offset + a) % STAFF_PER_TOWN], person_name: '参学人员', org_unit_id: townId });
          }
        }
        // ── exams: every staff member a candidate, two online attempts each
        for (let e = 0; e < PER_TOWN_YEAR.exams; e++) {
          const examId = id('exams');
          const opens = new Date(Date.UTC(year, 2 + e * 2, 10, 1));
          const closes = new Date(opens.getTime() + 7 * 86_400_000);
          await w.add(
            'exams',
            shifted(t.exam, 0, {
              id: examId,
              org_unit_id: townId,
              paper_id: t.paperId,
              title: `${year}年第${e + 1}次法律知识测试`,
              mode: 'online',
              opens_at: opens,
              closes_at: closes,
              status: 'published',
              published_at: opens,
            }),
          );
          for (let c = 0; c < PER_TOWN_YEAR.candidates; c++) {
            const cand = id('exam_candidates');
            const uid = staff[c % STAFF_PER_TOWN] as number;
            await w.add('exam_candidates', { id: cand, exam_id: examId, user_id: uid, person_name: '应考人员', org_unit_id: townId });
            for (let n = 1; n <= PER_TOWN_YEAR.attemptsEach; n++) {
              const startedAt = new Date(opens.getTime() + int(0, 6 * 86_400_000));
              const submittedAt = new Date(startedAt.getTime() + int(600_000, 3_000_000));
              await w.add('exam_attempts', {
                id: id('exam_attempts'),
                exam_id: examId,
                candidate_id: cand,
                user_id: uid,
                number: n,
                started_at: startedAt,
                answers: {},
                saved_at: submittedAt,
                submitted_at: submittedAt,
                finished_reason: 'submitted',
                score: int(45, 100),
              });
            }
          }
        }
      }
    }
  }
  await w.flush();
  bar.update(written, { stage: 'done' });
  bar.stop();
  const genSeconds = (performance.now() - genStart) / 1000;
  console.log(`[generate] of which PostgreSQL busy ${(dbMs / 1000).toFixed(1)} s`);
  console.log(`[generate] ${written.toLocaleString('en')} rows in ${genSeconds.toFixed(1)} s = ${Math.round(written / genSeconds).toLocaleString('en')} rows/s`);

  const ix = performance.now();
  for (const i of indexes) await client.query(i.def);
  console.log(`[generate] ${indexes.length} secondary indexes built in ${((performance.now() - ix) / 1000).toFixed(1)} s`);

  // Identity sequences continue after the explicit ids, so the app's own inserts do not collide.
  for (const table of nextId.keys()) await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
  const a = performance.now();
  await client.query('vacuum analyze');
  console.log(`[generate] vacuum analyze ${((performance.now() - a) / 1000).toFixed(1)} s; total ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const firstCity = cityIds[0] as number;
  const manifest = {
    generatedAt: new Date().toISOString(),
    seed: Number(args.seed),
    scale,
    cities: CITIES,
    townsPerCity: TOWNS_PER_CITY,
    years: YEARS,
    rows: written,
    rowsPerSecond: Math.round(written / genSeconds),
    provinceId,
    cityId: firstCity,
    townId: demoTown.id,
    password: BENCH_PASSWORD,
    users: {
      coordinator: 'sifasuo',
      leader: 'shuji',
      officer: 'zhifa1',
      mediator: 'tiaojie',
      citySupervisor: 'ducha',
      otherTownCoordinator: 't2_0',
    },
  };
  fs.writeFileSync(path.join(dataDir, 'bench.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const counts = await client.query(`select relname, n_live_tup::int as n from pg_stat_user_tables where n_live_tup > 1000 order by n_live_tup desc`);
  console.log(`[generate] ${counts.rows.map((r) => `${r.relname} ${r.n}`).join(' · ')}`);
}

await main();
