import { useQuery } from '@tanstack/react-query';
import { reportKeys, reportsApi } from './api.ts';
import { lastYear } from './useReportOrgs.ts';

/**
 * The year a dashboard or report page opens on for an org: the latest year the server finds the org's work on
 * record (the demo town: 2024), or last calendar year when it has no records at all. `year` stays undefined
 * while the answer is on its way, so a page does not fetch one year's figures only to switch to another.
 */
export function useDataYear(org: number | string | undefined): { year: number | undefined; years: number[] } {
  const { data, isError } = useQuery({
    queryKey: reportKeys.years(org ?? ''),
    queryFn: () => reportsApi.years(org ?? ''),
    enabled: org !== undefined,
    staleTime: 5 * 60_000,
  });
  if (org === undefined || isError) return { year: lastYear(), years: [] };
  if (!data) return { year: undefined, years: [] };
  return { year: data.latest ?? lastYear(), years: data.years };
}
