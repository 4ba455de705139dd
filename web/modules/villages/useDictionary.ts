import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { villagesApi, villagesKeys } from './api.ts';

/** The active entries of one configurable list (dictionaries), as Select options and a label lookup. */
export function useDictionary(kind: string) {
  const { data, isPending } = useQuery({ queryKey: villagesKeys.dictionary(kind), queryFn: async () => (await villagesApi.dictionary(kind)).items, staleTime: 5 * 60_000 });
  return useMemo(() => {
    const entries = data ?? [];
    return {
      isPending,
      entries,
      options: entries.map((e) => ({ value: e.code, label: e.label })),
      labelOf: (code: string) => entries.find((e) => e.code === code)?.label ?? code,
    };
  }, [data, isPending]);
}
