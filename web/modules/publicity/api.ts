import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import type {
  Campaign,
  CampaignCreate,
  CampaignQuery,
  CampaignUpdate,
  EventCreate,
  EventQuery,
  EventUpdate,
  KeyDateItem,
  Law,
  LawCreate,
  LawQuery,
  LawUpdate,
  Plan,
  PlanCreate,
  PlanUpdate,
  PublicityEvent,
  PublicitySummary,
  ResponsibilityCreate,
  ResponsibilityUpdate,
} from '../../../domain/publicity/contracts.ts';
import type { CatalogLaw } from '../../../domain/publicity/rules.ts';
import { api } from '../../app/http.ts';

type Items<T> = { items: T[] };

/** Query keys: everything under ['publicity'] so one invalidation refreshes the module after a write. */
export const publicityKeys = {
  all: ['publicity'] as const,
  catalog: ['publicity', 'catalog'] as const,
  laws: ['publicity', 'laws'] as const,
  events: ['publicity', 'events'] as const,
  campaigns: (year: number) => ['publicity', 'campaigns', year] as const,
  keyDates: (year: number) => ['publicity', 'key-dates', year] as const,
  plans: ['publicity', 'plans'] as const,
  summary: (year: number) => ['publicity', 'summary', year] as const,
};

export const publicityApi = {
  catalog: () => api.get<Items<CatalogLaw>>('/api/publicity/laws/catalog'),
  laws: (query: LawQuery) => api.get<Page<Law>>('/api/publicity/laws', query),
  createLaw: (body: LawCreate) => api.post<Law>('/api/publicity/laws', body),
  updateLaw: (id: number, body: LawUpdate) => api.patch<Law>(`/api/publicity/laws/${id}`, body),

  /** Without a year: every plan in scope. */
  plans: (year?: number) => api.get<Items<Plan>>('/api/publicity/plans', { year }),
  createPlan: (body: PlanCreate) => api.post<Plan>('/api/publicity/plans', body),
  updatePlan: (id: number, body: PlanUpdate) => api.patch<Plan>(`/api/publicity/plans/${id}`, body),
  addResponsibility: (planId: number, body: ResponsibilityCreate) => api.post<Plan>(`/api/publicity/plans/${planId}/responsibilities`, body),
  updateResponsibility: (id: number, body: ResponsibilityUpdate) => api.patch<Plan>(`/api/publicity/responsibilities/${id}`, body),
  voidResponsibility: (id: number, body: VoidBody) => api.post<Plan>(`/api/publicity/responsibilities/${id}/void`, body),

  keyDates: (year: number) => api.get<{ year: number; items: KeyDateItem[] }>('/api/publicity/key-dates', { year }),
  campaigns: (query: CampaignQuery) => api.get<Page<Campaign>>('/api/publicity/campaigns', query),
  createCampaign: (body: CampaignCreate) => api.post<Campaign>('/api/publicity/campaigns', body),
  updateCampaign: (id: number, body: CampaignUpdate) => api.patch<Campaign>(`/api/publicity/campaigns/${id}`, body),

  events: (query: EventQuery) => api.get<Page<PublicityEvent>>('/api/publicity/events', query),
  createEvent: (body: EventCreate) => api.post<PublicityEvent>('/api/publicity/events', body),
  updateEvent: (id: number, body: EventUpdate) => api.patch<PublicityEvent>(`/api/publicity/events/${id}`, body),
  voidEvent: (id: number, body: VoidBody) => api.post<PublicityEvent>(`/api/publicity/events/${id}/void`, body),

  summary: (year: number) => api.get<PublicitySummary>('/api/publicity/summary', { year }),
};
