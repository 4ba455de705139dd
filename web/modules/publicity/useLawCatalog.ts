import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { type CatalogLaw, checkLaws, isRepealedOn, lawKey } from '../../../domain/publicity/rules.ts';
import { todayString } from '../../ui/dates.ts';
import { publicityApi, publicityKeys } from './api.ts';

export const lawName = (l: Pick<CatalogLaw, 'shortTitle' | 'title'>) => `《${l.shortTitle || lawKey(l.title)}》`;

/**
 * The law catalog for pickers and the repealed-law check the server runs too (domain/publicity), so a warning shows
 * the moment a repealed law is chosen or typed.
 */
export function useLawCatalog() {
  const { data, isPending } = useQuery({ queryKey: publicityKeys.catalog, queryFn: async () => (await publicityApi.catalog()).items, staleTime: 5 * 60_000 });
  return useMemo(() => {
    const catalog = data ?? [];
    const today = todayString();
    return {
      isPending,
      catalog,
      options: catalog.map((l) => ({ value: l.id, label: `${lawName(l)}${isRepealedOn(l, today) ? '（已废止）' : ''}`, title: l.title })),
      check: (input: { text?: string; lawIds?: readonly number[]; asOf?: string }) => checkLaws(catalog, { ...input, asOf: input.asOf ?? today }),
    };
  }, [data, isPending]);
}
