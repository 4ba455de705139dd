// The pieces the authorization matrix is built from: a second city and town with one user per role ("other"), the
// policy per route (which capability opens it), and where the record behind each `:id` comes from.
import { type Kysely, sql } from 'kysely';
import { Value } from 'typebox/value';
import { type Capability, type Role, roles } from '../../../domain/platform/roles.ts';
import type { RouteEntry } from '../../app.ts';
import type { DB } from '../../db/schema.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { ledgerKinds, listExports } from '../../platform/ledger/kinds.ts';
import { PASSWORD } from '../password.ts';

/** Demo users of 四棵树镇 (or 乌苏市 above it), one per role: the "own" side. */
export const ownUsers: Record<Role, string> = {
  admin: 'admin',
  leader: 'shuji',
  coordinator: 'sifasuo',
  officer: 'zhifa1',
  reviewer: 'shenhe',
  counsel: 'guwen',
  mediator: 'tiaojie',
  village_cadre: 'cungb',
  supervisor: 'ducha',
};

/**
 * 奎屯市 › 开干齐乡 › 开干齐村: a second city outside 乌苏市, with one user per role (admin and supervisor at the city, the
 * village cadre at the village, everyone else at the town). None of them may reach a record of 四棵树镇.
 */
export async function createOtherTown(db: Kysely<DB>): Promise<Record<Role, string>> {
  const unit = async (name: string, kind: 'city' | 'town' | 'village', parent: { id: number; path: string } | null) => {
    const row = await db
      .insertInto('org_units')
      .values({ name, kind, parent_id: parent?.id ?? null, path: `tmp-${name}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await db.updateTable('org_units').set({ path }).where('id', '=', row.id).execute();
    return { id: row.id, path };
  };
  const city = await unit('奎屯市', 'city', null);
  const town = await unit('开干齐乡', 'town', city);
  const village = await unit('开干齐村', 'village', town);
  const hash = await hashPassword(PASSWORD);
  const users = {} as Record<Role, string>;
  for (const role of roles) {
    const at = role === 'admin' || role === 'supervisor' ? city : role === 'village_cadre' ? village : town;
    const username = `other_${role}`;
    const user = await db
      .insertInto('users')
      .values({ username, display_name: `外镇${role}`, org_unit_id: at.id, password_hash: hash, must_change_password: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('role_assignments').values({ user_id: user.id, role, org_unit_id: at.id }).execute();
    users[role] = username;
  }
  return users;
}

/**
 * The policy, per route prefix: the capabilities of which at least one opens the route (reads and writes apart).
 * Read from domain/platform/roles.ts and each module's service; `null` = any signed-in user.
 */
type Rule = { prefix: string; read: Capability[] | null; write: Capability[] | null };
const enforcementWrite: Capability[] = ['enforcement.write', 'enforcement.manage', 'enforcement.approve', 'enforcement.review'];
export const policy: Rule[] = [
  // Pure computations a POST carries because of their body size: they store nothing and belong to no town.
  { prefix: '/api/publicity/laws/check', read: null, write: null },
  // The law library is reference data the admin maintains (dictionaries.manage) and publicity staff read.
  { prefix: '/api/publicity/laws', read: ['publicity.read', 'dictionaries.manage'], write: ['publicity.write', 'dictionaries.manage'] },
  // Everyone's 待办: each module's alerts come from that module's scoped service, only for the capabilities held.
  { prefix: '/api/reports/alerts', read: null, write: null },
  { prefix: '/api/auth/', read: null, write: null },
  { prefix: '/api/audit', read: ['audit.read'], write: [] },
  { prefix: '/api/attachments', read: null, write: ['attachments.write'] },
  { prefix: '/api/dictionaries', read: null, write: ['dictionaries.manage'] },
  { prefix: '/api/calendar', read: null, write: ['dictionaries.manage'] },
  { prefix: '/api/org/role-assignments', read: ['org.read'], write: ['roles.manage'] },
  { prefix: '/api/org/users', read: ['org.read'], write: ['users.manage'] },
  { prefix: '/api/org/units', read: ['org.read'], write: ['org.manage'] },
  { prefix: '/api/org/', read: ['leading_group.read'], write: ['leading_group.write'] },
  { prefix: '/api/enforcement/', read: ['enforcement.read'], write: enforcementWrite },
  { prefix: '/api/mediation/', read: ['mediation.read'], write: ['mediation.write', 'mediation.manage'] },
  { prefix: '/api/learning/my/', read: ['exams.take'], write: ['exams.take'] },
  { prefix: '/api/learning/', read: ['learning.read'], write: ['learning.write'] },
  { prefix: '/api/villages', read: ['villages.read'], write: ['villages.write'] },
  { prefix: '/api/publicity/', read: ['publicity.read'], write: ['publicity.write'] },
  { prefix: '/api/counsel/', read: ['counsel.read'], write: ['counsel.write'] },
  { prefix: '/api/reports/', read: ['reports.read'], write: ['reports.write', 'reports.approve'] },
  // 台账: each kind under its module's capabilities; a template is for those who may import. Jobs are the user's own.
  ...ledgerKinds.flatMap((k) => [
    { prefix: `/api/ledgers/${k.id}/template`, read: [k.writeCapability], write: [] },
    { prefix: `/api/ledgers/${k.id}/`, read: [k.readCapability], write: [k.writeCapability] },
  ]),
  ...listExports.map((k) => ({ prefix: `/api/ledgers/${k.id}/export`, read: [k.readCapability], write: [] })),
  { prefix: '/api/ledgers', read: null, write: [] },
];

export const stateless = new Set(['/api/publicity/laws/check', '/api/learning/papers/draw-preview']);

export function ruleOf(route: RouteEntry): Capability[] | null {
  const rule = policy.find((r) => route.url.startsWith(r.prefix));
  if (!rule) throw new Error(`no policy for ${route.method} ${route.url}: add it to server/test/security/scope.ts`);
  return route.method === 'GET' ? rule.read : rule.write;
}

/**
 * Where the record behind `/prefix/:id` lives: SQL giving (id, path of its org unit). `global` resources (dictionary
 * entries, calendar overrides, the law catalog) belong to no town.
 */
const via = (table: string, orgColumn = 'org_unit_id') => `select t.id, o.path from ${table} t join org_units o on o.id = t.${orgColumn}`;
export const recordSources: Record<string, string | 'global'> = {
  '/api/attachments': via('attachments'),
  '/api/calendar/overrides': 'global',
  '/api/dictionaries': 'global',
  '/api/counsel/engagements': via('counsel_engagements'),
  '/api/counsel/lawsuits': via('lawsuits'),
  '/api/counsel/matters': via('counsel_matters'),
  '/api/enforcement/bodies': via('enforcement_bodies'),
  '/api/enforcement/cases': via('enforcement_cases'),
  '/api/enforcement/certificates': via('enforcement_certificates'),
  '/api/enforcement/findings': via('enforcement_findings'),
  '/api/enforcement/legal-reviewers': via('enforcement_legal_reviewers'),
  '/api/enforcement/officers': via('enforcement_officers'),
  '/api/enforcement/powers': via('enforcement_powers'),
  '/api/enforcement/review-rounds': via('enforcement_review_rounds'),
  '/api/learning/exam-candidates': via('exam_candidates'),
  '/api/learning/exams': via('exams'),
  '/api/ledgers/jobs': 'global',
  '/api/learning/my/attempts': 'select t.id, o.path from exam_attempts t join exams e on e.id = t.exam_id join org_units o on o.id = e.org_unit_id',
  '/api/learning/my/exams': via('exams'),
  '/api/learning/offline-scores': 'select t.id, o.path from offline_scores t join exams e on e.id = t.exam_id join org_units o on o.id = e.org_unit_id',
  '/api/learning/papers': via('papers'),
  '/api/learning/people': via('users'),
  '/api/learning/questions': via('questions'),
  '/api/learning/sessions': via('study_sessions'),
  '/api/mediation/committee-members': 'select t.id, o.path from mediation_members t join mediation_committees c on c.id = t.committee_id join org_units o on o.id = c.org_unit_id',
  '/api/mediation/committees': via('mediation_committees'),
  '/api/mediation/disputes': via('disputes'),
  '/api/org/leading-group-members': via('leading_group_members'),
  '/api/org/leading-groups': via('leading_groups'),
  '/api/org/meetings': via('meetings'),
  '/api/org/role-assignments': via('role_assignments'),
  '/api/org/tasks': via('group_tasks'),
  '/api/org/units': via('org_units', 'id'),
  '/api/org/users': via('users'),
  '/api/publicity/campaigns': via('publicity_campaigns'),
  '/api/publicity/events': via('publicity_events'),
  '/api/publicity/laws': 'global',
  '/api/publicity/plans': via('publicity_plans'),
  '/api/publicity/responsibilities': via('publicity_responsibilities'),
  '/api/reports/annual': via('annual_reports'),
  '/api/reports/indicators': 'global',
  '/api/villages/disclosures': via('village_disclosures'),
  '/api/villages/hearings': via('village_hearings'),
  '/api/villages/honours': via('village_honours'),
  '/api/villages/inspections': via('village_inspections'),
  '/api/villages/rules': via('village_rules'),
  '/api/villages/units': via('org_units', 'id'),
};

export const resourceOf = (url: string): string | null => {
  const at = url.indexOf('/:');
  return at < 0 ? null : url.slice(0, at);
};

/** A record of `resource` under `pathPrefix` (a town's or a village's), the newest first; null when there is none. */
export async function recordUnder(db: Kysely<DB>, resource: string, pathPrefix: string): Promise<number | null> {
  const source = recordSources[resource];
  if (!source) throw new Error(`no record source for ${resource}: add it to server/test/security/scope.ts`);
  if (source === 'global') return null;
  const { rows } = await sql<{ id: number }>`select id from (${sql.raw(source)}) r where r.path like ${`${pathPrefix}%`} order by id desc limit 1`.execute(db);
  return rows[0]?.id ?? null;
}

/** A URL for the route: `:id` → the record, other params → the first value their schema allows. */
export function urlFor(route: RouteEntry, id: number | string): string {
  const params = route.schema?.params ? (safeCreate(route.schema.params) as Record<string, unknown>) : {};
  return route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(name === 'id' ? id : (params?.[name] ?? 'x'))));
}

/** A body the route's schema accepts where TypeBox can make one (required fields at their defaults), else {}. */
export function bodyFor(route: RouteEntry, orgUnitId: number): unknown {
  const body = route.schema?.body ? safeCreate(route.schema.body) : {};
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    for (const key of Object.keys(body)) if (/orgUnitId$|^unitId$/.test(key)) (body as Record<string, unknown>)[key] = orgUnitId;
  }
  return body ?? {};
}

function safeCreate(schema: unknown): unknown {
  try {
    return Value.Create(schema as never);
  } catch {
    return {};
  }
}
