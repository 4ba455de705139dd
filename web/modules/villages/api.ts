import type { DictionaryEntry, Page, VoidBody } from '../../../domain/platform/contracts.ts';
import type {
  Disclosure,
  DisclosureCreate,
  DisclosureUpdate,
  Hearing,
  HearingCreate,
  HearingUpdate,
  Honour,
  HonourCreate,
  HonourEnd,
  HonourName,
  HonourQuery,
  HonourRecommend,
  HonourUpdate,
  Inspection,
  InspectionConclude,
  InspectionItemUpdate,
  InspectionQuery,
  InspectionSubmit,
  RuleAdoption,
  RuleVersionCreate,
  Village,
  VillageListQuery,
  VillageProfileUpdate,
  VillageRule,
  VillageRuleCreate,
  VillageRuleQuery,
  VillageRuleUpdate,
  VillagesSummary,
} from '../../../domain/villages/contracts.ts';
import { api } from '../../app/http.ts';

type Items<T> = { items: T[] };

/** Query keys: everything under ['villages'] so one invalidation refreshes the module after a write. */
export const villagesKeys = {
  all: ['villages'] as const,
  list: ['villages', 'list'] as const,
  honours: ['villages', 'honours'] as const,
  reminders: ['villages', 'reminders'] as const,
  inspections: ['villages', 'inspections'] as const,
  inspection: (id: number) => ['villages', 'inspection', id] as const,
  rules: ['villages', 'rules'] as const,
  hearings: ['villages', 'hearings'] as const,
  disclosures: ['villages', 'disclosures'] as const,
  summary: (year: number) => ['villages', 'summary', year] as const,
  dictionary: (kind: string) => ['dictionary', kind] as const,
};

export const villagesApi = {
  villages: () => api.get<Items<Village>>('/api/villages'),
  saveProfile: (orgUnitId: number, body: VillageProfileUpdate) => api.patch<Village>(`/api/villages/units/${orgUnitId}/profile`, body),
  summary: (year: number) => api.get<VillagesSummary>('/api/villages/summary', { year }),

  honours: (query: HonourQuery) => api.get<Page<Honour>>('/api/villages/honours', query),
  reminders: (daysAhead?: number) => api.get<Items<Honour>>('/api/villages/honours/reminders', { daysAhead }),
  createHonour: (body: HonourCreate) => api.post<Honour>('/api/villages/honours', body),
  updateHonour: (id: number, body: HonourUpdate) => api.patch<Honour>(`/api/villages/honours/${id}`, body),
  recommend: (id: number, body: HonourRecommend) => api.post<Honour>(`/api/villages/honours/${id}/recommend`, body),
  name: (id: number, body: HonourName) => api.post<Honour>(`/api/villages/honours/${id}/name`, body),
  end: (id: number, body: HonourEnd) => api.post<Honour>(`/api/villages/honours/${id}/end`, body),
  startInspection: (honourId: number, year: number) => api.post<Inspection>(`/api/villages/honours/${honourId}/inspections`, { year }),

  inspections: (query: InspectionQuery) => api.get<Page<Inspection>>('/api/villages/inspections', query),
  inspection: (id: number) => api.get<Inspection>(`/api/villages/inspections/${id}`),
  updateItem: (id: number, itemId: number, body: InspectionItemUpdate) => api.patch<Inspection>(`/api/villages/inspections/${id}/items/${itemId}`, body),
  submit: (id: number, body: InspectionSubmit) => api.post<Inspection>(`/api/villages/inspections/${id}/submit`, body),
  conclude: (id: number, body: InspectionConclude) => api.post<Inspection>(`/api/villages/inspections/${id}/conclude`, body),

  rules: (query: VillageRuleQuery) => api.get<Page<VillageRule>>('/api/villages/rules', query),
  createRule: (body: VillageRuleCreate) => api.post<VillageRule>('/api/villages/rules', body),
  updateRule: (id: number, body: VillageRuleUpdate) => api.patch<VillageRule>(`/api/villages/rules/${id}`, body),
  voidRule: (id: number, body: VoidBody) => api.post<VillageRule>(`/api/villages/rules/${id}/void`, body),
  addVersion: (id: number, body: RuleVersionCreate) => api.post<VillageRule>(`/api/villages/rules/${id}/versions`, body),
  adopt: (id: number, versionId: number, body: RuleAdoption) => api.post<VillageRule>(`/api/villages/rules/${id}/versions/${versionId}/adopt`, body),

  hearings: (query: VillageListQuery) => api.get<Page<Hearing>>('/api/villages/hearings', query),
  createHearing: (body: HearingCreate) => api.post<Hearing>('/api/villages/hearings', body),
  updateHearing: (id: number, body: HearingUpdate) => api.patch<Hearing>(`/api/villages/hearings/${id}`, body),
  voidHearing: (id: number, body: VoidBody) => api.post<Hearing>(`/api/villages/hearings/${id}/void`, body),

  disclosures: (query: VillageListQuery) => api.get<Page<Disclosure>>('/api/villages/disclosures', query),
  createDisclosure: (body: DisclosureCreate) => api.post<Disclosure>('/api/villages/disclosures', body),
  updateDisclosure: (id: number, body: DisclosureUpdate) => api.patch<Disclosure>(`/api/villages/disclosures/${id}`, body),
  voidDisclosure: (id: number, body: VoidBody) => api.post<Disclosure>(`/api/villages/disclosures/${id}/void`, body),

  dictionary: (kind: string) => api.get<Items<DictionaryEntry>>('/api/dictionaries', { kind }),
};
