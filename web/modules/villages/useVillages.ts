import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { villagesApi, villagesKeys } from './api.ts';

/** The villages (and communities) the user may see, with their profile, honours and next 复核. */
export function useVillages() {
  const { data, isPending } = useQuery({ queryKey: villagesKeys.list, queryFn: async () => (await villagesApi.villages()).items });
  return useMemo(() => {
    const villages = data ?? [];
    return {
      isPending,
      villages,
      options: villages.map((v) => ({ value: v.orgUnitId, label: v.name })),
      /** The only village when the user sees exactly one (a village cadre): forms start with it. */
      single: villages.length === 1 ? villages[0] : undefined,
    };
  }, [data, isPending]);
}
