import { describe, expect, it } from 'vitest';
import { type Role, roleCapabilities } from '../../domain/platform/roles.ts';
import { accessOf, allowedEntries, entryFor } from './access.ts';

const meWith = (...roles: Role[]) => ({
  grants: roles.map((role, i) => ({ role, orgUnitId: i + 1, orgUnitName: `单位${i + 1}` })),
  capabilities: [...new Set(roles.flatMap((r) => roleCapabilities[r]))],
});
const menuOf = (...roles: Role[]) => allowedEntries(accessOf(meWith(...roles))).map((e) => e.label);

describe('menu per role', () => {
  it('a village cadre has no 领导小组 (it is the town’s), and the guard refuses its page', () => {
    const access = accessOf(meWith('village_cadre'));
    expect(menuOf('village_cadre')).not.toContain('领导小组');
    expect(menuOf('village_cadre')).toEqual(expect.arrayContaining(['人民调解', '民主法治村', '普法宣传']));
    const entry = entryFor('/org/leading-group');
    expect(entry?.access).toBe('canReadLeadingGroup');
    expect(access.canReadLeadingGroup).toBe(false);
  });

  it('town roles and the city’s supervisor keep it; a cadre who also holds a town role gets it back', () => {
    for (const role of ['coordinator', 'leader', 'officer', 'supervisor'] as const) expect(menuOf(role), role).toContain('领导小组');
    expect(accessOf(meWith('coordinator')).canWriteLeadingGroup).toBe(true);
    expect(menuOf('village_cadre', 'leader')).toContain('领导小组');
  });
});
