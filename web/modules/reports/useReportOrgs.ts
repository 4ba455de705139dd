import { useMemo } from 'react';
import type { OrgUnit } from '../../../domain/org/contracts.ts';
import { type Capability, roleCapabilities } from '../../../domain/platform/roles.ts';
import { useCurrentMe } from '../../app/auth.tsx';
import { useOrgUnits } from '../org/useOrgUnits.ts';

export type OrgOption = { value: number; label: string; unit: OrgUnit | undefined };

/**
 * The org units a user may report on with `capability`: the units of their grants (a town; a city or county as a
 * whole) and every town under them. The default is the first grant's unit — a town clerk's own town.
 * `towns` are the towns under a city/county grant: the rows of a supervisor's cross-town table.
 */
export function useReportOrgs(capability: Capability = 'reports.read') {
  const me = useCurrentMe();
  const { units, byId, isPending } = useOrgUnits();
  return useMemo(() => {
    const grantIds = [...new Set(me.grants.filter((g) => roleCapabilities[g.role].includes(capability)).map((g) => g.orgUnitId))];
    const grantUnits = grantIds.map((id) => byId.get(id)).filter((u): u is OrgUnit => u !== undefined);
    const wide = grantUnits.filter((u) => u.kind === 'city' || u.kind === 'county');
    const towns = units
      .filter((u) => u.kind === 'town' && grantUnits.some((g) => u.path.startsWith(g.path)))
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    const options: OrgOption[] = [];
    const seen = new Set<number>();
    const add = (id: number, label: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      options.push({ value: id, label, unit: byId.get(id) });
    };
    // The grants' own units first (a city as a whole), then the towns; a grant not in the unit list still shows by name.
    for (const g of me.grants.filter((g) => grantIds.includes(g.orgUnitId))) {
      const unit = byId.get(g.orgUnitId);
      add(g.orgUnitId, unit && (unit.kind === 'city' || unit.kind === 'county') ? `${g.orgUnitName}（全${unit.kind === 'city' ? '市' : '县'}合计）` : g.orgUnitName);
    }
    for (const t of towns) add(t.id, t.name);
    return {
      isPending,
      options,
      defaultOrgId: grantIds[0],
      /** Towns under a city/county grant (empty for a town's own staff). */
      crossTowns: towns.filter((t) => wide.some((w) => t.path.startsWith(w.path))),
      /** The cities/counties of the user's grants: the 合计 rows under the cross-town table. */
      wideUnits: wide,
      nameOf: (id: number) => options.find((o) => o.value === id)?.unit?.name ?? byId.get(id)?.name ?? me.grants.find((g) => g.orgUnitId === id)?.orgUnitName ?? `#${id}`,
    };
  }, [me, units, byId, isPending, capability]);
}

/** Last calendar year in Beijing time: the year an annual report and the dashboard are usually about. */
export function lastYear(): number {
  const year = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  return year - 1;
}

/** The years offered in pickers: this year back to ten years ago, and any older year that has records. */
export const yearOptions = (withData: readonly number[] = []): { value: number; label: string }[] =>
  [...new Set([...Array.from({ length: 11 }, (_, i) => lastYear() + 1 - i), ...withData])].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }));
