import type {
  Body,
  BodyCreate,
  BodyUpdate,
  Certificate,
  CertificateCreate,
  LegalReviewer,
  LegalReviewerCreate,
  LegalReviewerUpdate,
  Officer,
  OfficerCreate,
  OfficerUpdate,
  Power,
  PowerCreate,
  PowerUpdate,
  PublicEnforcement,
} from '../../../domain/enforcement/contracts.ts';
import { certificateWarning, type OfficerFacts, type PenaltyKind, reviewerQualificationProblem, validCertificate } from '../../../domain/enforcement/rules.ts';
import type { VoidBody } from '../../../domain/platform/contracts.ts';
import { shanghaiDate } from '../../../domain/platform/dates.ts';
import { uniquely, updateVersioned, voidVersioned } from '../../db/rows.ts';
import { AppError } from '../../errors.ts';
import { audited, type Ctx } from '../../platform/context.ts';
import { requireUnitInScope, scopeOf } from '../../platform/permissions.ts';
import * as repo from './enforcement.repository.ts';

const today = () => shanghaiDate(new Date());
const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export const toBody = (r: repo.BodyRow): Body => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  name: r.name,
  officeName: r.office_name,
  delegationBasis: r.delegation_basis,
  numberPrefix: r.number_prefix,
  address: r.address,
  phone: r.phone,
  largeFinePerson: Number(r.large_fine_person),
  largeFineOrganisation: Number(r.large_fine_organisation),
  largeConfiscation: Number(r.large_confiscation),
  version: r.version,
});

const toCertificate = (r: repo.CertificateRow, on: string): Certificate => ({
  id: r.id,
  officerId: r.officer_id,
  number: r.number,
  issuer: r.issuer,
  validFrom: r.valid_from,
  validUntil: r.valid_until,
  warning: certificateWarning(r.valid_until, on),
  version: r.version,
});

export const officerFacts = (o: repo.OfficerRow, certs: repo.CertificateRow[]): OfficerFacts => ({
  id: o.user_id ?? -o.id,
  name: o.name,
  active: o.active,
  certificates: certs.filter((c) => c.officer_id === o.id).map((c) => ({ number: c.number, validFrom: c.valid_from, validUntil: c.valid_until })),
});

async function toOfficers(ctx: Ctx, rows: repo.OfficerRow[]): Promise<Officer[]> {
  const certs = await repo.certificatesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const on = today();
  return rows.map((r) => ({
    id: r.id,
    orgUnitId: r.org_unit_id,
    bodyId: r.body_id,
    bodyName: r.body_name,
    userId: r.user_id,
    name: r.name,
    post: r.post,
    fullTime: r.full_time,
    active: r.active,
    certificates: certs.filter((c) => c.officer_id === r.id).map((c) => toCertificate(c, on)),
    validCertificate: validCertificate(officerFacts(r, certs), on)?.number ?? null,
    version: r.version,
  }));
}

export const toPower = (r: repo.PowerRow): Power => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  bodyId: r.body_id,
  code: r.code,
  name: r.name,
  law: r.law,
  article: r.article,
  penaltyKinds: r.penalty_kinds as PenaltyKind[],
  penaltyRange: r.penalty_range,
  fineMin: num(r.fine_min),
  fineMax: num(r.fine_max),
  discretion: r.discretion,
  fiveYearLimitation: r.five_year_limitation,
  delegatedFrom: r.delegated_from,
  active: r.active,
  version: r.version,
});

// ── bodies ─────────────────────────────────────────────────────────────────────────────────────────────────────

export async function listBodies(ctx: Ctx): Promise<Body[]> {
  return (await repo.listBodies(ctx.db, scopeOf(ctx.actor, 'enforcement.read'))).map(toBody);
}

export async function bodyFor(ctx: Ctx, id: number, manage = false): Promise<repo.BodyRow> {
  const row = await repo.findBody(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '执法主体不存在');
  if (manage) await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.manage', row.org_unit_id);
  return row;
}

export async function createBody(ctx: Ctx, input: BodyCreate): Promise<Body> {
  const unit = await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.manage', input.orgUnitId);
  if (unit.kind !== 'town') throw new AppError('ENFORCEMENT_INVALID', '执法主体应设在乡镇（《行政处罚法》第二十四条：乡镇人民政府、街道办事处行使）', { field: 'orgUnitId' });
  const id = await audited(ctx, async (trx) => {
    const { id } = await repo.insertBody(trx, input);
    return { result: id, audit: { action: 'enforcement.body.create', entityType: 'enforcement_body', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return toBody(await bodyFor(ctx, id));
}

export async function updateBody(ctx: Ctx, id: number, input: BodyUpdate): Promise<Body> {
  const before = toBody(await bodyFor(ctx, id, true));
  await audited(ctx, async (trx) => {
    const changes = {
      name: input.name,
      office_name: input.officeName,
      delegation_basis: input.delegationBasis,
      number_prefix: input.numberPrefix,
      address: input.address,
      phone: input.phone,
      large_fine_person: input.largeFinePerson,
      large_fine_organisation: input.largeFineOrganisation,
      large_confiscation: input.largeConfiscation,
    };
    await updateVersioned(trx, 'enforcement_bodies', id, input.version, changes);
    return { result: undefined, audit: { action: 'enforcement.body.update', entityType: 'enforcement_body', entityId: id, orgUnitId: before.orgUnitId, before, after: input } };
  });
  return toBody(await bodyFor(ctx, id));
}

// ── officers and certificates ──────────────────────────────────────────────────────────────────────────────────

export async function listOfficers(ctx: Ctx): Promise<Officer[]> {
  return toOfficers(ctx, await repo.listOfficers(ctx.db, scopeOf(ctx.actor, 'enforcement.read')));
}

async function officerFor(ctx: Ctx, id: number, manage = false): Promise<repo.OfficerRow> {
  const row = await repo.findOfficer(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '执法人员不存在');
  if (manage) await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.manage', row.org_unit_id);
  return row;
}

const officerById = async (ctx: Ctx, id: number): Promise<Officer> => (await toOfficers(ctx, [await officerFor(ctx, id)]))[0] as Officer;

export async function createOfficer(ctx: Ctx, input: OfficerCreate): Promise<Officer> {
  const body = await bodyFor(ctx, input.bodyId, true);
  if (input.userId && !(await repo.userInUnitTree(ctx.db, scopeOf(ctx.actor, 'enforcement.manage'), input.userId)))
    throw new AppError('NOT_FOUND', '所选用户不存在', { field: 'userId' });
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(repo.insertOfficer(trx, body.org_unit_id, input), '该用户已登记为本执法主体的执法人员');
    return { result: id, audit: { action: 'enforcement.officer.create', entityType: 'enforcement_officer', entityId: id, orgUnitId: body.org_unit_id, after: input } };
  });
  return officerById(ctx, id);
}

export async function updateOfficer(ctx: Ctx, id: number, input: OfficerUpdate): Promise<Officer> {
  const before = await officerFor(ctx, id, true);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'enforcement_officers', id, input.version, { name: input.name, post: input.post, full_time: input.fullTime, active: input.active });
    return {
      result: undefined,
      audit: { action: 'enforcement.officer.update', entityType: 'enforcement_officer', entityId: id, orgUnitId: before.org_unit_id, before, after: input },
    };
  });
  return officerById(ctx, id);
}

// ── 法制审核人员 (art. 58②) ─────────────────────────────────────────────────────────────────────────────────────

const reviewerFacts = (r: repo.LegalReviewerRow) => ({ startedOn: r.started_on, qualificationNumber: r.qualification_number, active: r.active });
const toLegalReviewer = (r: repo.LegalReviewerRow): LegalReviewer => ({
  id: r.id,
  orgUnitId: r.org_unit_id,
  userId: r.user_id,
  name: r.name,
  startedOn: r.started_on,
  qualificationNumber: r.qualification_number,
  active: r.active,
  problem: reviewerQualificationProblem(reviewerFacts(r)),
  version: r.version,
});

export async function listLegalReviewers(ctx: Ctx): Promise<LegalReviewer[]> {
  return (await repo.listLegalReviewers(ctx.db, scopeOf(ctx.actor, 'enforcement.read'))).map(toLegalReviewer);
}

async function legalReviewerFor(ctx: Ctx, id: number): Promise<repo.LegalReviewerRow> {
  const row = await repo.findLegalReviewer(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '法制审核人员不存在');
  await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.manage', row.org_unit_id);
  return row;
}

export async function createLegalReviewer(ctx: Ctx, input: LegalReviewerCreate): Promise<LegalReviewer> {
  await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.manage', input.orgUnitId);
  if (!(await repo.userInUnitTree(ctx.db, scopeOf(ctx.actor, 'enforcement.manage'), input.userId))) throw new AppError('NOT_FOUND', '所选用户不存在', { field: 'userId' });
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(repo.insertLegalReviewer(trx, input), '该用户已登记为本乡镇的法制审核人员');
    return { result: id, audit: { action: 'enforcement.legal_reviewer.create', entityType: 'enforcement_legal_reviewer', entityId: id, orgUnitId: input.orgUnitId, after: input } };
  });
  return toLegalReviewer(await legalReviewerFor(ctx, id));
}

export async function updateLegalReviewer(ctx: Ctx, id: number, input: LegalReviewerUpdate): Promise<LegalReviewer> {
  const before = await legalReviewerFor(ctx, id);
  await audited(ctx, async (trx) => {
    await updateVersioned(trx, 'enforcement_legal_reviewers', id, input.version, {
      name: input.name,
      started_on: input.startedOn,
      qualification_number: input.qualificationNumber,
      active: input.active,
    });
    return {
      result: undefined,
      audit: { action: 'enforcement.legal_reviewer.update', entityType: 'enforcement_legal_reviewer', entityId: id, orgUnitId: before.org_unit_id, before, after: input },
    };
  });
  return toLegalReviewer(await legalReviewerFor(ctx, id));
}

/** Art. 58②: may this user give the legal review of a case in this town? The refusal, or null. */
export async function legalReviewerProblem(ctx: Ctx, orgUnitId: number, userId: number): Promise<string | null> {
  const row = await repo.legalReviewerOfUser(ctx.db, orgUnitId, userId);
  return reviewerQualificationProblem(row ? reviewerFacts(row) : null);
}

export async function addCertificate(ctx: Ctx, officerId: number, input: CertificateCreate): Promise<Officer> {
  const officer = await officerFor(ctx, officerId, true);
  if (input.validUntil < input.validFrom) throw new AppError('ENFORCEMENT_INVALID', '有效期至不能早于有效期起', { field: 'validUntil' });
  await audited(ctx, async (trx) => {
    const { id } = await uniquely(repo.insertCertificate(trx, officer, input), `执法证号 ${input.number} 已登记`);
    return {
      result: id,
      audit: { action: 'enforcement.certificate.create', entityType: 'enforcement_officer', entityId: officerId, orgUnitId: officer.org_unit_id, after: input },
    };
  });
  return officerById(ctx, officerId);
}

export async function voidCertificate(ctx: Ctx, certificateId: number, input: VoidBody): Promise<Officer> {
  const cert = await repo.findCertificate(ctx.db, certificateId);
  if (!cert) throw new AppError('NOT_FOUND', '执法证件不存在');
  const officer = await officerFor(ctx, cert.officer_id, true);
  await audited(ctx, async (trx) => {
    await voidVersioned(trx, 'enforcement_certificates', certificateId, input.version, input.reason, ctx.actor.userId);
    return {
      result: undefined,
      audit: { action: 'enforcement.certificate.void', entityType: 'enforcement_officer', entityId: officer.id, orgUnitId: officer.org_unit_id, before: cert, after: input },
    };
  });
  return officerById(ctx, officer.id);
}

export async function listStaff(ctx: Ctx): Promise<{ userId: number; name: string; roles: string[] }[]> {
  const rows = await repo.staff(ctx.db, scopeOf(ctx.actor, 'enforcement.read'));
  const byUser = new Map<number, { userId: number; name: string; roles: string[] }>();
  for (const r of rows) {
    const entry = byUser.get(r.id) ?? { userId: r.id, name: r.display_name, roles: [] };
    if (!entry.roles.includes(r.role)) entry.roles.push(r.role);
    byUser.set(r.id, entry);
  }
  return [...byUser.values()];
}

// ── powers (权责清单) ──────────────────────────────────────────────────────────────────────────────────────────

export async function listPowers(ctx: Ctx): Promise<Power[]> {
  return (await repo.listPowers(ctx.db, scopeOf(ctx.actor, 'enforcement.read'))).map(toPower);
}

export async function powerFor(ctx: Ctx, id: number, manage = false): Promise<repo.PowerRow> {
  const row = await repo.findPower(ctx.db, scopeOf(ctx.actor, 'enforcement.read'), id);
  if (!row) throw new AppError('NOT_FOUND', '执法事项不存在', { field: 'powerId' });
  if (manage) await requireUnitInScope(ctx.db, ctx.actor, 'enforcement.manage', row.org_unit_id);
  return row;
}

function checkRange(min: number | null | undefined, max: number | null | undefined, kinds: readonly PenaltyKind[]) {
  if (min != null && max != null && min > max) throw new AppError('ENFORCEMENT_INVALID', '罚款下限不能高于上限', { field: 'fineMax' });
  if ((min != null || max != null) && !kinds.includes('fine')) throw new AppError('ENFORCEMENT_INVALID', '未选择「罚款」种类时不应填写罚款幅度', { field: 'penaltyKinds' });
}

export async function createPower(ctx: Ctx, input: PowerCreate): Promise<Power> {
  const body = await bodyFor(ctx, input.bodyId, true);
  checkRange(input.fineMin, input.fineMax, input.penaltyKinds);
  const id = await audited(ctx, async (trx) => {
    const { id } = await uniquely(repo.insertPower(trx, body.org_unit_id, input), `事项编码 ${input.code} 已存在`);
    return { result: id, audit: { action: 'enforcement.power.create', entityType: 'enforcement_power', entityId: id, orgUnitId: body.org_unit_id, after: input } };
  });
  return toPower(await powerFor(ctx, id));
}

export async function updatePower(ctx: Ctx, id: number, input: PowerUpdate): Promise<Power> {
  const before = toPower(await powerFor(ctx, id, true));
  checkRange(input.fineMin === undefined ? before.fineMin : input.fineMin, input.fineMax === undefined ? before.fineMax : input.fineMax, input.penaltyKinds ?? before.penaltyKinds);
  await audited(ctx, async (trx) => {
    await uniquely(
      updateVersioned(trx, 'enforcement_powers', id, input.version, {
        code: input.code,
        name: input.name,
        law: input.law,
        article: input.article,
        penalty_kinds: input.penaltyKinds,
        penalty_range: input.penaltyRange,
        fine_min: input.fineMin,
        fine_max: input.fineMax,
        discretion: input.discretion,
        five_year_limitation: input.fiveYearLimitation,
        delegated_from: input.delegatedFrom,
        active: input.active,
      }),
      `事项编码 ${input.code} 已存在`,
    );
    return { result: undefined, audit: { action: 'enforcement.power.update', entityType: 'enforcement_power', entityId: id, orgUnitId: before.orgUnitId, before, after: input } };
  });
  return toPower(await powerFor(ctx, id));
}

// ── 公示 (no login) ────────────────────────────────────────────────────────────────────────────────────────────

export async function publicPortal(db: Ctx['db']): Promise<PublicEnforcement> {
  const on = today();
  const [bodies, officers, powers, decisions] = await Promise.all([repo.publicBodies(db), repo.publicOfficers(db), repo.publicPowers(db), repo.publicDecisions(db)]);
  return {
    bodies: bodies.map((b) => ({ name: b.name, officeName: b.office_name, townName: b.org_unit_name, delegationBasis: b.delegation_basis, address: b.address, phone: b.phone })),
    officers: officers.filter((o) => o.valid_until >= on).map((o) => ({ name: o.name, certificateNumber: o.number, validUntil: o.valid_until, bodyName: o.body_name })),
    powers: powers.map((p) => ({ code: p.code, name: p.name, law: p.law, article: p.article, penaltyRange: p.penalty_range, discretion: p.discretion, bodyName: p.body_name })),
    decisions: decisions.map((d) => {
      const c = d.content as Record<string, string>;
      return {
        decisionNumber: c.decisionNumber ?? '',
        bodyName: c.bodyName ?? '',
        townName: c.townName ?? '',
        partyName: c.partyName ?? '',
        partyAddress: c.partyAddress ?? '',
        facts: d.withdrawn_on ? '' : (c.facts ?? ''),
        penalty: d.withdrawn_on ? '' : (c.penalty ?? ''),
        basis: d.withdrawn_on ? '' : (c.basis ?? ''),
        decidedOn: c.decidedOn ?? '',
        publishedOn: d.published_on,
        withdrawnOn: d.withdrawn_on,
        withdrawReason: d.withdraw_reason,
      };
    }),
  };
}
