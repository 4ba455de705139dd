import type { Static } from 'typebox';
import type {
  Alert,
  AnnualReport,
  IndicatorRecord,
  IndicatorValue,
  RenderedBlock,
  ReportCreate,
  ReportPreview,
  ReportProblem,
  ReportUpdate,
} from '../../../domain/reports/contracts.ts';
import { api } from '../../app/http.ts';

export type { AnnualReport, IndicatorRecord, IndicatorValue };
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
  list: (filters: object) => ['reports', 'annual', 'list', filters] as const,
  report: (id: number) => ['reports', 'annual', id] as const,
  check: (org: number | string, year: number, text: string) => ['reports', 'check', String(org), year, text] as const,
};

export const reportsApi = {
  indicators: ({ org, year }: OrgYear) => api.get<IndicatorValue[]>('/api/reports/indicators', { org, year }),
  records: (id: string, { org, year }: OrgYear) => api.get<IndicatorRecords>(`/api/reports/indicators/${encodeURIComponent(id)}/records`, { org, year }),

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
