import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { auditMac, type Keys } from './crypto.ts';

export type AuditResult = 'ok' | 'denied' | 'failed';
export type AuditEntry = {
  action: string;
  entityType?: string;
  entityId?: string | number;
  orgUnitId?: number | null;
  result?: AuditResult;
  before?: unknown;
  after?: unknown;
};
export type AuditWho = { actorId: number | null; actorName: string | null; ip: string | null };
export type AuditHead = { id: number; hash: string };
export type AuditVerification = { ok: boolean; checked: number; lastId: number | null; head: AuditHead | null; problems: string[] };

const GENESIS = '0'.repeat(64);
// One chain for the whole database: appends take this transaction-scoped lock so links never fork.
const CHAIN_LOCK = 7_114_925_001;

/** Deterministic JSON: keys sorted at every depth, so the hash of a row read back from jsonb matches the one written. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .filter((k) => obj[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

const plain = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

type ChainedFields = {
  id: number;
  at: Date;
  actor_id: number | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  org_unit_id: number | null;
  result: AuditResult;
  before: unknown;
  after: unknown;
  prev_hash: string;
};

function digest(keys: Keys, row: ChainedFields): string {
  return auditMac(keys, canonical({ ...row, at: row.at.toISOString() }));
}

/** Actions that change no record: they are in the trail but move no data version. */
export const readOnlyActions: ReadonlySet<string> = new Set([
  'auth.login',
  'auth.logout',
  'access.denied',
  'report.export',
  'mediation.export',
  'learning.export',
  'ledger.export',
  'mediation.agreement_print',
  'system.backup',
]);
/** enforcement.case.decide → enforcement: what data_versions counts per. */
export const actionKind = (action: string) => action.split('.', 1)[0] as string;

/**
 * The audit trail (全过程记录's base): an HMAC-SM3 chain in the database whose latest head is also kept in a file
 * under the data dir, so editing, deleting or truncating rows is found by verify().
 */
export class AuditTrail {
  readonly #keys: Keys;
  readonly #headFile: string;
  #known: AuditHead | null | undefined;

  constructor(keys: Keys, dataDir: string) {
    this.#keys = keys;
    this.#headFile = path.join(dataDir, 'audit-head.json');
  }

  /** Appends inside the caller's transaction; the entry commits or vanishes with the change it records. */
  async append(trx: Transaction<DB>, who: AuditWho, entry: AuditEntry): Promise<AuditHead> {
    await sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
    const last = await trx.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    // If the database is behind the head kept outside it (rows deleted from the end, or the last one rewritten),
    // chain onto the known head: the gap then stays visible to verify() instead of being papered over.
    const known = this.#knownHead();
    const tampered = known !== null && (!last || last.id < known.id || (last.id === known.id && last.hash !== known.hash));
    const { rows } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('audit_log', 'id'))::int8 as id`.execute(trx);
    const row: ChainedFields = {
      id: Number(rows[0]?.id),
      at: new Date(),
      // userId 0 is the console operator (the fazhi command), who has no user row: the entry names it, with no id.
      actor_id: who.actorId === 0 ? null : who.actorId,
      actor_name: who.actorName,
      ip: who.ip,
      action: entry.action,
      entity_type: entry.entityType ?? null,
      entity_id: entry.entityId === undefined ? null : String(entry.entityId),
      org_unit_id: entry.orgUnitId ?? null,
      result: entry.result ?? 'ok',
      before: plain(entry.before),
      after: plain(entry.after),
      prev_hash: tampered ? known.hash : (last?.hash ?? GENESIS),
    };
    const hash = digest(this.#keys, row);
    await trx
      .insertInto('audit_log')
      .values({ ...row, before: JSON.stringify(row.before), after: JSON.stringify(row.after), hash })
      .execute();
    if (!readOnlyActions.has(entry.action)) {
      await trx
        .insertInto('data_versions')
        .values({ kind: actionKind(entry.action), audit_id: row.id })
        .onConflict((oc) => oc.column('kind').doUpdateSet({ audit_id: row.id }))
        .execute();
    }
    return { id: row.id, hash };
  }

  /** For events with no business change around them (a failed login, a denied request). */
  async record(db: Kysely<DB>, who: AuditWho, entry: AuditEntry): Promise<void> {
    const head = await db.transaction().execute((trx) => this.append(trx, who, entry));
    this.committed(head);
  }

  /** Called after commit: keeps the newest head outside the database (write-then-rename, never half a file). */
  committed(head: AuditHead): void {
    const known = this.#knownHead();
    if (known && head.id <= known.id) return;
    this.#known = head;
    const tmp = `${this.#headFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(head), { mode: 0o600 });
    fs.renameSync(tmp, this.#headFile);
  }

  #knownHead(): AuditHead | null {
    if (this.#known === undefined) this.#known = this.readHead();
    return this.#known;
  }

  readHead(): AuditHead | null {
    try {
      return JSON.parse(fs.readFileSync(this.#headFile, 'utf8')) as AuditHead;
    } catch {
      return null;
    }
  }

  async verify(db: Kysely<DB>): Promise<AuditVerification> {
    const problems: string[] = [];
    let prev = GENESIS;
    let checked = 0;
    let lastId: number | null = null;
    const hashes = new Map<number, string>();
    const head = this.readHead();
    for (let after = 0; ; ) {
      const batch = await db.selectFrom('audit_log').selectAll().where('id', '>', after).orderBy('id').limit(2000).execute();
      if (batch.length === 0) break;
      for (const r of batch) {
        const { hash, ...fields } = r;
        const row = { ...fields, at: new Date(r.at) } as ChainedFields;
        if (r.prev_hash !== prev) {
          const prevId = lastId ?? 0;
          const missing = r.id - prevId > 1 ? `第 ${prevId + 1}${r.id - prevId > 2 ? `–${r.id - 1}` : ''} 条记录缺失；` : '';
          problems.push(`${missing}第 ${r.id} 条记录与前一条不衔接（中间记录被删除或改动）`);
        }
        if (digest(this.#keys, row) !== hash) problems.push(`第 ${r.id} 条记录内容被篡改`);
        if (head && r.id === head.id) hashes.set(r.id, hash);
        prev = hash;
        lastId = r.id;
        checked++;
      }
      after = lastId ?? after;
    }
    if (head) {
      if (lastId === null || lastId < head.id) problems.push(`日志被截断：外部保存的最新记录为第 ${head.id} 条，数据库中只到第 ${lastId ?? 0} 条`);
      else if (hashes.get(head.id) !== head.hash) problems.push(`第 ${head.id} 条记录与外部保存的链头不符`);
    }
    return { ok: problems.length === 0, checked, lastId, head, problems };
  }
}
