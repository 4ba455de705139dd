import type { Static } from 'typebox';
import type {
  Alert,
  AnnualReport,
  IndicatorRecord,
  IndicatorValue,
  Monthly,
  RenderedBlock,
  ReportCreate,
  ReportPreview,
  ReportProblem,
  ReportUpdate,
  VillageComparison,
  YearsWithData,
} from '../../../domain/reports/contracts.ts';
import { api, http } from '../../app/http.ts';

export type { AnnualReport, IndicatorRecord, IndicatorValue, Monthly, VillageComparison };
export type PublishedReport = { id: number; orgName: string; year: number; publishedAt: string | null };
export type Preview = Static<typeof ReportPreview>;
export type Problem = Static<typeof ReportProblem>;
export type Block = Static<typeof RenderedBlock>;
export type IndicatorRecords = { indicator: IndicatorValue; items: IndicatorRecord[] };
type Items<T> = { items: T[] };

/** `org` is an org unit's id (or its exact name); figures cover the unit's whole subtree for the calendar year. */
export type OrgYear = { org: number | string; year: number };

/** Query keys: everything under ['reports'] so one invalidation refreshes the module after a write. */
export const reportKeys = {
  all: ['reports'] as const,
  alerts: ['reports', 'alerts'] as const,
  indicators: (org: number | string, year: number) => ['reports', 'indicators', String(org), year] as const,
  records: (id: string, org: number | string, year: number) => ['reports', 'records', id, String(org), year] as const,
  years: (org: number | string) => ['reports', 'years', String(org)] as const,
  monthly: (org: number | string, year: number) => ['reports', 'monthly', String(org), year] as const,
  villages: (org: number | string, year: number) => ['reports', 'villages', String(org), year] as const,
  published: ['reports', 'public'] as const,
  list: (filters: object) => ['reports', 'annual', 'list', filters] as const,
  report: (id: number) => ['reports', 'annual', id] as const,
  check: (org: number | string, year: number, text: string) => ['reports', 'check', String(org), year, text] as const,
};

export const reportsApi = {
  indicators: ({ org, year }: OrgYear) => api.get<IndicatorValue[]>('/api/reports/indicators', { org, year }),
  records: (id: string, { org, year }: OrgYear) => api.get<IndicatorRecords>(`/api/reports/indicators/${encodeURIComponent(id)}/records`, { org, year }),

  years: (org: number | string) => api.get<YearsWithData>('/api/reports/years', { org }),
  monthly: ({ org, year }: OrgYear) => api.get<Monthly>('/api/reports/monthly', { org, year }),
  villages: ({ org, year }: OrgYear) => api.get<VillageComparison>('/api/reports/villages', { org, year }),
  /** The public portal (no login): published reports, each opened as its print-ready page. */
  // A visitor has no session: a 401 must not send them to the login page.
  published: () => http<Items<PublishedReport>>('/api/reports/public/annual', { expectUnauthenticated: true }),
  publishedUrl: (id: number) => `/api/reports/public/annual/${id}`,

  list: (query: { org?: number | string; year?: number }) => api.get<Items<AnnualReport>>('/api/reports/annual', query),
  create: (body: ReportCreate) => api.post<Preview>('/api/reports/annual', body),
  get: (id: number) => api.get<Preview>(`/api/reports/annual/${id}`),
  update: (id: number, body: ReportUpdate) => api.patch<Preview>(`/api/reports/annual/${id}`, body),
  approve: (id: number, version: number) => api.post<Preview>(`/api/reports/annual/${id}/approve`, { version }),
  publish: (id: number, version: number) => api.post<Preview>(`/api/reports/annual/${id}/publish`, { version }),
  /** A plain link: the browser downloads the file with the session cookie (no fetch, no blob in memory). */
  docxUrl: (id: number) => `/api/reports/annual/${id}/docx`,

  check: (body: { org: string; year: number; text: string }) => api.post<{ problems: Problem[] }>('/api/reports/check', body),
  alerts: () => api.get<Items<Alert>>('/api/reports/alerts'),
};
