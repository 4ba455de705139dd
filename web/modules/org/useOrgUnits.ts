import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { OrgUnit } from '../../../domain/org/contracts.ts';
import { orgApi, orgKeys } from './api.ts';
import { buildOrgTree } from './orgTree.ts';

/** The org units the user may see, as a list, a tree and a lookup by id (units change rarely: cached a while). */
export function useOrgUnits() {
  const { data, isPending } = useQuery({ queryKey: orgKeys.units, queryFn: async () => (await orgApi.units()).items, staleTime: 5 * 60_000 });
  return useMemo(() => {
    const units = data ?? [];
    const byId = new Map<number, OrgUnit>(units.map((u) => [u.id, u]));
    return {
      isPending,
      units,
      tree: buildOrgTree(units),
      byId,
      nameOf: (id: number | null | undefined) => (id == null ? '—' : (byId.get(id)?.name ?? `#${id}`)),
    };
  }, [data, isPending]);
}
