import type {
  CounselSummary,
  Engagement,
  EngagementCreate,
  EngagementUpdate,
  Lawsuit,
  LawsuitAppeal,
  LawsuitConclude,
  LawsuitCreate,
  LawsuitHearingCreate,
  LawsuitHearingUpdate,
  LawsuitPerformance,
  LawsuitQuery,
  LawsuitStats,
  LawsuitUpdate,
  Matter,
  MatterCreate,
  MatterQuery,
  MatterStatusChange,
  MatterUpdate,
} from '../../../domain/counsel/contracts.ts';
import type { Page } from '../../../domain/platform/contracts.ts';
import { api } from '../../app/http.ts';

type Items<T> = { items: T[] };

/** Query keys: everything under ['counsel'] so one invalidation refreshes the module after a write. */
export const counselKeys = {
  all: ['counsel'] as const,
  engagements: ['counsel', 'engagements'] as const,
  matters: ['counsel', 'matters'] as const,
  lawsuits: ['counsel', 'lawsuits'] as const,
  stats: (year: number) => ['counsel', 'stats', year] as const,
  summary: (year: number) => ['counsel', 'summary', year] as const,
};

export const counselApi = {
  engagements: () => api.get<Items<Engagement>>('/api/counsel/engagements'),
  createEngagement: (body: EngagementCreate) => api.post<Engagement>('/api/counsel/engagements', body),
  updateEngagement: (id: number, body: EngagementUpdate) => api.patch<Engagement>(`/api/counsel/engagements/${id}`, body),

  matters: (query: MatterQuery) => api.get<Page<Matter>>('/api/counsel/matters', query),
  createMatter: (body: MatterCreate) => api.post<Matter>('/api/counsel/matters', body),
  updateMatter: (id: number, body: MatterUpdate) => api.patch<Matter>(`/api/counsel/matters/${id}`, body),
  changeStatus: (id: number, body: MatterStatusChange) => api.post<Matter>(`/api/counsel/matters/${id}/status`, body),

  lawsuits: (query: LawsuitQuery) => api.get<Page<Lawsuit>>('/api/counsel/lawsuits', query),
  stats: (year: number) => api.get<LawsuitStats>('/api/counsel/lawsuits/stats', { year }),
  createLawsuit: (body: LawsuitCreate) => api.post<Lawsuit>('/api/counsel/lawsuits', body),
  updateLawsuit: (id: number, body: LawsuitUpdate) => api.patch<Lawsuit>(`/api/counsel/lawsuits/${id}`, body),
  addHearing: (id: number, body: LawsuitHearingCreate) => api.post<Lawsuit>(`/api/counsel/lawsuits/${id}/hearings`, body),
  updateHearing: (id: number, hearingId: number, body: LawsuitHearingUpdate) => api.patch<Lawsuit>(`/api/counsel/lawsuits/${id}/hearings/${hearingId}`, body),
  conclude: (id: number, body: LawsuitConclude) => api.post<Lawsuit>(`/api/counsel/lawsuits/${id}/conclude`, body),
  appeal: (id: number, body: LawsuitAppeal) => api.post<Lawsuit>(`/api/counsel/lawsuits/${id}/appeal`, body),
  performance: (id: number, body: LawsuitPerformance) => api.post<Lawsuit>(`/api/counsel/lawsuits/${id}/performance`, body),

  summary: (year: number) => api.get<CounselSummary>('/api/counsel/summary', { year }),
};
