import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { levelOfUnitKind } from '../../../domain/mediation/rules.ts';
import { useOrgUnits } from '../org/useOrgUnits.ts';
import { mediationApi, mediationKeys } from './api.ts';

/** What the mediation forms pick from: places (town, villages), committees and the dispute-type dictionary. */
export function useMediationRefs() {
  const { units } = useOrgUnits();
  const committees = useQuery({ queryKey: mediationKeys.committees, queryFn: async () => (await mediationApi.committees()).items, staleTime: 60_000 });
  const types = useQuery({ queryKey: mediationKeys.types, queryFn: async () => (await mediationApi.disputeTypes()).items, staleTime: 5 * 60_000 });
  return useMemo(() => {
    const places = units.filter((u) => levelOfUnitKind(u.kind) !== null);
    return {
      places,
      placeOptions: places.map((u) => ({ value: u.id, label: u.name })),
      committees: committees.data ?? [],
      types: types.data ?? [],
      typeOptions: (types.data ?? []).map((t) => ({ value: t.code, label: t.label })),
      /** Committees that may mediate a dispute arising at the unit: its own, or one above it. */
      committeesFor: (orgUnitId: number | undefined) => {
        const unit = units.find((u) => u.id === orgUnitId);
        if (!unit) return [];
        return (committees.data ?? []).filter((c) => {
          const cu = units.find((u) => u.id === c.orgUnitId);
          return cu !== undefined && unit.path.startsWith(cu.path);
        });
      },
    };
  }, [units, committees.data, types.data]);
}
