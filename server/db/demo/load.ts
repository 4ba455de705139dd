import type { Role } from '../../../domain/platform/roles.ts';
import { randomPassword } from '../../config.ts';
import * as lg from '../../modules/org/leading-group.service.ts';
import * as orgRepo from '../../modules/org/org.repository.ts';
import * as org from '../../modules/org/org.service.ts';
import type { Ctx, Platform } from '../../platform/context.ts';
import { hashPassword } from '../../platform/crypto.ts';
import { type DemoUnits, moduleDemos } from './modules.ts';
import * as demo from './sishuzhen.ts';

export type Initialised = { adminPassword: string; mustChange: boolean; demoUsers: string[] } | null;

/**
 * First start on an empty database: the root unit and the admin account, then (unless FAZHI_DEMO=0) the demo town.
 * Returns null when the database already holds data, so a second start loads nothing twice.
 */
export async function initialiseIfEmpty(p: Platform, withDemo: boolean): Promise<Initialised> {
  if (!(await orgRepo.isEmpty(p.db))) return null;
  const adminPassword = p.config.adminPassword ?? randomPassword();
  const mustChange = p.config.adminPassword === undefined;
  const passwordHash = await hashPassword(adminPassword);
  const { root, adminId } = await p.db.transaction().execute(async (trx) => {
    const root = await orgRepo.insertRootUnit(trx, { kind: 'city', name: demo.city.name, code: demo.city.code });
    const { id: adminId } = await orgRepo.insertUser(trx, {
      username: 'admin',
      displayName: '系统管理员',
      orgUnitId: root.id,
      title: null,
      phoneEnc: null,
      phoneIdx: null,
      idCardEnc: null,
      idCardIdx: null,
      passwordHash,
      mustChange,
    });
    await orgRepo.insertGrant(trx, { userId: adminId, role: 'admin', orgUnitId: root.id, grantedBy: null });
    p.audit.committed(
      await p.audit.append(
        trx,
        { actorId: null, actorName: '系统初始化', ip: null },
        { action: 'system.initialise', entityType: 'org_unit', entityId: root.id, orgUnitId: root.id, after: { root: root.name, admin: 'admin' } },
      ),
    );
    return { root, adminId };
  });
  if (!withDemo) return { adminPassword, mustChange, demoUsers: [] };

  const ctx: Ctx = {
    ...p,
    ip: '127.0.0.1',
    actor: {
      userId: adminId,
      username: 'admin',
      displayName: '系统初始化（演示数据）',
      orgUnitId: root.id,
      mustChangePassword: false,
      grants: (['admin', 'coordinator'] as Role[]).map((role) => ({ role, orgUnitId: root.id, path: root.path })),
      sessionId: '',
      csrfToken: '',
    },
  };
  const units = await loadDemoTown(ctx, root.id, adminPassword, mustChange);
  for (const load of moduleDemos) await load(ctx, units);
  return { adminPassword, mustChange, demoUsers: demo.users.map((u) => `${u.username}（${u.title}）`) };
}

async function loadDemoTown(ctx: Ctx, cityId: number, password: string, mustChange: boolean): Promise<DemoUnits> {
  const units = new Map<string, number>([[demo.city.name, cityId]]);
  const add = async (parent: string, kind: 'town' | 'village' | 'department', name: string, code?: string) =>
    units.set(name, (await org.createUnit(ctx, { parentId: units.get(parent) as number, kind, name, code })).id);
  await add(demo.city.name, 'department', demo.countyBureau);
  await add(demo.city.name, 'town', demo.town.name, demo.town.code);
  for (const v of demo.villages) await add(demo.town.name, 'village', v);
  for (const d of demo.departments) await add(demo.town.name, 'department', d);

  for (const u of demo.users) {
    const { user } = await org.createUser(
      ctx,
      { username: u.username, displayName: u.displayName, orgUnitId: units.get(u.unit) as number, title: u.title, phone: u.phone },
      { password, mustChange },
    );
    for (const r of u.roles) await org.grantRole(ctx, { userId: user.id, role: r.role, orgUnitId: units.get(r.unit) as number });
  }

  const townId = units.get(demo.town.name) as number;
  const group = await lg.createGroup(ctx, {
    orgUnitId: townId,
    name: demo.group.name,
    establishedOn: demo.group.establishedOn,
    office: demo.group.office,
    responsibilities: demo.group.responsibilities,
  });
  for (const m of demo.firstMembers) await lg.addMember(ctx, group.id, m);
  const meeting = await lg.createMeeting(ctx, { orgUnitId: townId, leadingGroupId: group.id, ...demo.restructuring.meeting });
  const heads = [...demo.villages, ...demo.departments.filter((d) => d !== '司法所' && d !== '综合执法大队')].map((unit, i) => ({ name: `负责人${i + 1}`, unit }));
  heads[0] = { name: '刘长青', unit: demo.villages[0] as string };
  heads[1] = { name: '努尔兰', unit: demo.villages[1] as string };
  await lg.restructure(ctx, group.id, {
    effectiveOn: demo.restructuring.effectiveOn,
    reason: demo.restructuring.reason,
    meetingId: meeting.id,
    members: demo.newMembers(heads).map((m) => ({ ...m, effectiveFrom: demo.restructuring.effectiveOn })),
  });
  for (const [year, list] of [
    [2024, demo.tasks2024],
    [2025, demo.tasks2025],
  ] as const) {
    for (const t of list) {
      await lg.createTask(ctx, {
        leadingGroupId: group.id,
        year,
        title: t.title,
        description: t.description,
        deadline: t.deadline,
        ownerUnitId: units.get(t.owner),
        ownerName: t.owner,
        status: t.status,
      });
    }
  }
  return units;
}
