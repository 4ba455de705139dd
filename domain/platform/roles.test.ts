import { describe, expect, it } from 'vitest';
import { type Capability, capabilities, type Grant, hasCapability, pathInScope, type Role, roleCapabilities, roleLabels, roles, scopePathsFor } from './roles.ts';

const g = (role: Role, path: string): Grant => ({ role, orgUnitId: Number(path.split('/').filter(Boolean).pop()), path });

describe('roleCapabilities', () => {
  it('gives every role of DESIGN.md a Chinese label and only known capabilities', () => {
    expect(roles).toHaveLength(9);
    for (const role of roles) {
      expect(roleLabels[role]).toMatch(/[\u4e00-\u9fa5]/);
      for (const c of roleCapabilities[role]) expect(capabilities).toContain(c);
    }
  });

  it.each<[Role, Capability, boolean]>([
    ['admin', 'org.manage', true],
    ['admin', 'users.manage', true],
    ['admin', 'roles.manage', true],
    ['admin', 'audit.read', true],
    ['admin', 'personal_data.read', true],
    ['admin', 'leading_group.write', false],
    ['leader', 'leading_group.read', true],
    ['leader', 'leading_group.write', false],
    ['leader', 'org.manage', false],
    ['coordinator', 'leading_group.write', true],
    ['coordinator', 'audit.read', false],
    ['coordinator', 'personal_data.read', false],
    ['officer', 'attachments.write', true],
    ['reviewer', 'attachments.write', false],
    ['village_cadre', 'org.read', true],
    ['village_cadre', 'users.manage', false],
    ['village_cadre', 'leading_group.write', false],
    ['supervisor', 'org.read', true],
    ['supervisor', 'audit.read', true],
    ['supervisor', 'org.manage', false],
    ['supervisor', 'leading_group.write', false],
    ['supervisor', 'attachments.write', false],
    ['supervisor', 'personal_data.read', false],
  ])('%s has %s: %s', (role, capability, expected) => {
    expect(roleCapabilities[role].includes(capability)).toBe(expected);
    expect(hasCapability([g(role, '/1/4/')], capability)).toBe(expected);
  });

  it.each(roles)('%s may read the org tree and the leading group', (role) => {
    expect(roleCapabilities[role]).toEqual(expect.arrayContaining(['org.read', 'leading_group.read']));
  });

  it('the supervisor holds no write capability at all (read-only 督察)', () => {
    const writes = roleCapabilities.supervisor.filter((c) => /\.(manage|write)$/.test(c));
    expect(writes).toEqual([]);
  });
});

describe('hasCapability', () => {
  it.each<[Grant[], Capability, boolean]>([
    [[], 'org.read', false],
    [[g('leader', '/1/4/'), g('coordinator', '/1/4/')], 'leading_group.write', true],
    [[g('leader', '/1/4/'), g('reviewer', '/1/4/')], 'leading_group.write', false],
  ])('grants %j → %s: %s', (grants, capability, expected) => {
    expect(hasCapability(grants, capability)).toBe(expected);
  });
});

describe('scopePathsFor', () => {
  it.each<[string, Grant[], Capability, string[]]>([
    ['no grants → no scope', [], 'org.read', []],
    ['a role without the capability adds nothing', [g('leader', '/1/4/')], 'leading_group.write', []],
    ['the unit of the grant', [g('coordinator', '/1/4/')], 'leading_group.write', ['/1/4/']],
    ['a village under a town collapses into the town', [g('village_cadre', '/1/4/5/'), g('coordinator', '/1/4/')], 'org.read', ['/1/4/']],
    ['the same path twice counts once', [g('leader', '/1/4/'), g('coordinator', '/1/4/')], 'org.read', ['/1/4/']],
    ['two villages side by side stay two, sorted', [g('village_cadre', '/1/4/6/'), g('village_cadre', '/1/4/5/')], 'org.read', ['/1/4/5/', '/1/4/6/']],
    ['a unit id that prefixes another id is not its ancestor', [g('village_cadre', '/1/4/'), g('village_cadre', '/1/40/')], 'org.read', ['/1/4/', '/1/40/']],
    ['only grants with the capability count', [g('village_cadre', '/1/4/5/'), g('coordinator', '/1/4/')], 'attachments.write', ['/1/4/']],
    ['a city grant covers everything below', [g('supervisor', '/1/'), g('village_cadre', '/1/4/5/')], 'org.read', ['/1/']],
  ])('%s', (_name, grants, capability, expected) => {
    expect(scopePathsFor(grants, capability)).toEqual(expected);
  });
});

describe('pathInScope', () => {
  it.each<[string, string[], boolean]>([
    ['/1/4/', ['/1/4/'], true],
    ['/1/4/5/', ['/1/4/'], true],
    ['/1/4/5/', ['/1/'], true],
    ['/1/4/', ['/1/4/5/'], false],
    ['/1/4/6/', ['/1/4/5/'], false],
    ['/1/40/', ['/1/4/'], false],
    ['/1/4/5/', [], false],
    ['/1/4/6/', ['/1/4/5/', '/1/4/6/'], true],
  ])('%s in %j: %s', (path, scope, expected) => {
    expect(pathInScope(path, scope)).toBe(expected);
  });
});
