import type { Kysely, Transaction } from 'kysely';
import type { BodyCreate, CertificateCreate, LegalReviewerCreate, OfficerCreate, PowerCreate } from '../../../domain/enforcement/contracts.ts';
import type { DB } from '../../db/schema.ts';
import { type Scope, scopeFilter } from '../../platform/permissions.ts';

type Db = Kysely<DB> | Transaction<DB>;

// ── bodies ─────────────────────────────────────────────────────────────────────────────────────────────────────

const bodies = (db: Db) =>
  db
    .selectFrom('enforcement_bodies')
    .innerJoin('org_units', 'org_units.id', 'enforcement_bodies.org_unit_id')
    .selectAll('enforcement_bodies')
    .select('org_units.name as org_unit_name')
    .where('enforcement_bodies.voided_at', 'is', null);

export const listBodies = (db: Db, scope: Scope) => bodies(db).where(scopeFilter('enforcement_bodies.org_unit_id', scope)).orderBy('enforcement_bodies.id').execute();
export type BodyRow = Awaited<ReturnType<typeof listBodies>>[number];
export const findBody = (db: Db, scope: Scope, id: number) =>
  bodies(db).where('enforcement_bodies.id', '=', id).where(scopeFilter('enforcement_bodies.org_unit_id', scope)).executeTakeFirst();
export const findBodyById = (db: Db, id: number) => bodies(db).where('enforcement_bodies.id', '=', id).executeTakeFirstOrThrow();
export const bodiesByIds = (db: Db, ids: readonly number[]) => (ids.length === 0 ? Promise.resolve([]) : bodies(db).where('enforcement_bodies.id', 'in', ids).execute());

export function insertBody(trx: Transaction<DB>, v: BodyCreate) {
  return trx
    .insertInto('enforcement_bodies')
    .values({
      org_unit_id: v.orgUnitId,
      name: v.name,
      office_name: v.officeName ?? '',
      delegation_basis: v.delegationBasis ?? '',
      number_prefix: v.numberPrefix,
      address: v.address ?? '',
      phone: v.phone ?? '',
      large_fine_person: v.largeFinePerson ?? 5000,
      large_fine_organisation: v.largeFineOrganisation ?? 50000,
      large_confiscation: v.largeConfiscation ?? 50000,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// ── 法制审核人员 ───────────────────────────────────────────────────────────────────────────────────────────────

const legalReviewers = (db: Db) => db.selectFrom('enforcement_legal_reviewers').selectAll().where('voided_at', 'is', null);
export const listLegalReviewers = (db: Db, scope: Scope) => legalReviewers(db).where(scopeFilter('org_unit_id', scope)).orderBy('id').execute();
export type LegalReviewerRow = Awaited<ReturnType<typeof listLegalReviewers>>[number];
export const findLegalReviewer = (db: Db, scope: Scope, id: number) => legalReviewers(db).where('id', '=', id).where(scopeFilter('org_unit_id', scope)).executeTakeFirst();
export const legalReviewerOfUser = (db: Db, orgUnitId: number, userId: number) =>
  legalReviewers(db).where('org_unit_id', '=', orgUnitId).where('user_id', '=', userId).executeTakeFirst();
export const insertLegalReviewer = (trx: Transaction<DB>, v: LegalReviewerCreate) =>
  trx
    .insertInto('enforcement_legal_reviewers')
    .values({ org_unit_id: v.orgUnitId, user_id: v.userId, name: v.name, started_on: v.startedOn, qualification_number: v.qualificationNumber ?? '' })
    .returning('id')
    .executeTakeFirstOrThrow();

// ── officers and certificates ──────────────────────────────────────────────────────────────────────────────────

const officers = (db: Db) =>
  db
    .selectFrom('enforcement_officers')
    .innerJoin('enforcement_bodies', 'enforcement_bodies.id', 'enforcement_officers.body_id')
    .selectAll('enforcement_officers')
    .select('enforcement_bodies.name as body_name')
    .where('enforcement_officers.voided_at', 'is', null);

export const listOfficers = (db: Db, scope: Scope) => officers(db).where(scopeFilter('enforcement_officers.org_unit_id', scope)).orderBy('enforcement_officers.id').execute();
export type OfficerRow = Awaited<ReturnType<typeof listOfficers>>[number];
export const findOfficer = (db: Db, scope: Scope, id: number) =>
  officers(db).where('enforcement_officers.id', '=', id).where(scopeFilter('enforcement_officers.org_unit_id', scope)).executeTakeFirst();
/** The officer records of these users in a town (investigators, collectors, presiders). */
export const officersOfUsers = (db: Db, orgUnitId: number, userIds: readonly number[]) =>
  userIds.length === 0
    ? Promise.resolve([] as OfficerRow[])
    : officers(db).where('enforcement_officers.org_unit_id', '=', orgUnitId).where('enforcement_officers.user_id', 'in', userIds).execute();

export function insertOfficer(trx: Transaction<DB>, orgUnitId: number, v: OfficerCreate) {
  return trx
    .insertInto('enforcement_officers')
    .values({ org_unit_id: orgUnitId, body_id: v.bodyId, user_id: v.userId ?? null, name: v.name, post: v.post ?? '', full_time: v.fullTime ?? true })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export const certificatesOf = (db: Db, officerIds: readonly number[]) =>
  officerIds.length === 0
    ? Promise.resolve([])
    : db.selectFrom('enforcement_certificates').selectAll().where('officer_id', 'in', officerIds).where('voided_at', 'is', null).orderBy('valid_until', 'desc').execute();
export type CertificateRow = Awaited<ReturnType<typeof certificatesOf>>[number];

export const findCertificate = (db: Db, id: number) => db.selectFrom('enforcement_certificates').selectAll().where('id', '=', id).where('voided_at', 'is', null).executeTakeFirst();

export function insertCertificate(trx: Transaction<DB>, officer: { id: number; org_unit_id: number }, v: CertificateCreate) {
  return trx
    .insertInto('enforcement_certificates')
    .values({ officer_id: officer.id, org_unit_id: officer.org_unit_id, number: v.number, issuer: v.issuer, valid_from: v.validFrom, valid_until: v.validUntil })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export const userInUnitTree = (db: Db, scope: Scope, userId: number) =>
  db.selectFrom('users').select(['id', 'display_name']).where('id', '=', userId).where('voided_at', 'is', null).where(scopeFilter('users.org_unit_id', scope)).executeTakeFirst();
export const usersByIds = (db: Db, ids: readonly number[]) =>
  ids.length === 0 ? Promise.resolve([]) : db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', ids).execute();

// ── powers ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const listPowers = (db: Db, scope: Scope) =>
  db
    .selectFrom('enforcement_powers')
    .selectAll()
    .where('voided_at', 'is', null)
    .where(scopeFilter('enforcement_powers.org_unit_id', scope))
    .orderBy('org_unit_id')
    .orderBy('code')
    .execute();
export type PowerRow = Awaited<ReturnType<typeof listPowers>>[number];
export const findPower = (db: Db, scope: Scope, id: number) =>
  db
    .selectFrom('enforcement_powers')
    .selectAll()
    .where('id', '=', id)
    .where('voided_at', 'is', null)
    .where(scopeFilter('enforcement_powers.org_unit_id', scope))
    .executeTakeFirst();

export function insertPower(trx: Transaction<DB>, orgUnitId: number, v: PowerCreate) {
  return trx
    .insertInto('enforcement_powers')
    .values({
      org_unit_id: orgUnitId,
      body_id: v.bodyId,
      code: v.code,
      name: v.name,
      law: v.law,
      article: v.article,
      penalty_kinds: v.penaltyKinds,
      penalty_range: v.penaltyRange,
      fine_min: v.fineMin ?? null,
      fine_max: v.fineMax ?? null,
      discretion: v.discretion ?? '',
      five_year_limitation: v.fiveYearLimitation ?? false,
      delegated_from: v.delegatedFrom ?? '',
      active: v.active ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// ── the public portal (no scope: everything published) ─────────────────────────────────────────────────────────

export const publicBodies = (db: Db) => bodies(db).orderBy('enforcement_bodies.id').execute();
export const publicOfficers = (db: Db) =>
  db
    .selectFrom('enforcement_certificates')
    .innerJoin('enforcement_officers', 'enforcement_officers.id', 'enforcement_certificates.officer_id')
    .innerJoin('enforcement_bodies', 'enforcement_bodies.id', 'enforcement_officers.body_id')
    .select(['enforcement_officers.name', 'enforcement_certificates.number', 'enforcement_certificates.valid_until', 'enforcement_bodies.name as body_name'])
    .where('enforcement_certificates.voided_at', 'is', null)
    .where('enforcement_officers.voided_at', 'is', null)
    .where('enforcement_officers.active', '=', true)
    .orderBy('enforcement_officers.id')
    .execute();
export const publicPowers = (db: Db) =>
  db
    .selectFrom('enforcement_powers')
    .innerJoin('enforcement_bodies', 'enforcement_bodies.id', 'enforcement_powers.body_id')
    .selectAll('enforcement_powers')
    .select('enforcement_bodies.name as body_name')
    .where('enforcement_powers.voided_at', 'is', null)
    .where('enforcement_powers.active', '=', true)
    .orderBy('enforcement_powers.org_unit_id')
    .orderBy('enforcement_powers.code')
    .execute();
export const publicDecisions = (db: Db) =>
  db
    .selectFrom('enforcement_publications')
    .select(['content', 'published_on', 'withdrawn_on', 'withdraw_reason'])
    .where('voided_at', 'is', null)
    .orderBy('published_on', 'desc')
    .orderBy('id', 'desc')
    .limit(500)
    .execute();

/** The grants of a user, as the permission module needs them (the demo loader acts as the demo users). */
export const grantsOfUser = (db: Db, userId: number) =>
  db
    .selectFrom('role_assignments')
    .innerJoin('org_units', 'org_units.id', 'role_assignments.org_unit_id')
    .select(['role_assignments.role', 'role_assignments.org_unit_id', 'org_units.path'])
    .where('role_assignments.user_id', '=', userId)
    .where('role_assignments.revoked_at', 'is', null)
    .execute();
export const userByName = (db: Db, username: string) =>
  db.selectFrom('users').select(['id', 'username', 'display_name', 'org_unit_id']).where('username', '=', username).executeTakeFirstOrThrow();

/** Users holding an enforcement role in scope (for choosing a hearing presider, an assignee …). */
export const staff = (db: Db, scope: Scope) =>
  db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select(['users.id', 'users.display_name', 'role_assignments.role'])
    .where('role_assignments.revoked_at', 'is', null)
    .where('users.voided_at', 'is', null)
    .where('role_assignments.role', 'in', ['leader', 'coordinator', 'officer', 'reviewer'])
    .where(scopeFilter('role_assignments.org_unit_id', scope))
    .orderBy('users.id')
    .execute();
