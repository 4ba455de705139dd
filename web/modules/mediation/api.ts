import type {
  AcceptBody,
  CloseBody,
  Committee,
  CommitteeCreate,
  CommitteeUpdate,
  Dispute,
  DisputeCreate,
  DisputeFilters,
  DisputeListItem,
  DisputeQuery,
  DisputeUpdate,
  FollowUpCreate,
  JudicialApply,
  JudicialResultBody,
  MemberCreate,
  MemberEnd,
  MemberUpdate,
  RefuseBody,
  Reminders,
  SessionCreate,
  Statistics,
  TrainingCreate,
} from '../../../domain/mediation/contracts.ts';
import type { DictionaryEntry, Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { api } from '../../app/http.ts';

type Items<T> = { items: T[] };

/** Query keys: everything under ['mediation'] so one invalidation refreshes the module after a write. */
export const mediationKeys = {
  all: ['mediation'] as const,
  disputes: ['mediation', 'disputes'] as const,
  dispute: (id: number) => ['mediation', 'dispute', id] as const,
  reminders: ['mediation', 'reminders'] as const,
  committees: ['mediation', 'committees'] as const,
  committee: (id: number) => ['mediation', 'committee', id] as const,
  statistics: (year: number, orgUnitId?: number) => ['mediation', 'statistics', year, orgUnitId ?? 'all'] as const,
  types: ['mediation', 'types'] as const,
};

const base = '/api/mediation';

export const mediationApi = {
  disputes: (query: DisputeQuery) => api.get<Page<DisputeListItem>>(`${base}/disputes`, query),
  dispute: (id: number) => api.get<Dispute>(`${base}/disputes/${id}`),
  register: (body: DisputeCreate) => api.post<Dispute>(`${base}/disputes`, body),
  update: (id: number, body: DisputeUpdate) => api.patch<Dispute>(`${base}/disputes/${id}`, body),
  accept: (id: number, body: AcceptBody) => api.post<Dispute>(`${base}/disputes/${id}/accept`, body),
  refuse: (id: number, body: RefuseBody) => api.post<Dispute>(`${base}/disputes/${id}/refuse`, body),
  session: (id: number, body: SessionCreate) => api.post<Dispute>(`${base}/disputes/${id}/sessions`, body),
  updateSession: (id: number, sessionId: number, body: SessionCreate) => api.patch<Dispute>(`${base}/disputes/${id}/sessions/${sessionId}`, body),
  close: (id: number, body: CloseBody) => api.post<Dispute>(`${base}/disputes/${id}/close`, body),
  followUp: (id: number, body: FollowUpCreate) => api.post<Dispute>(`${base}/disputes/${id}/follow-ups`, body),
  judicial: (id: number, body: JudicialApply) => api.post<Dispute>(`${base}/disputes/${id}/judicial`, body),
  judicialResult: (id: number, body: JudicialResultBody) => api.post<Dispute>(`${base}/disputes/${id}/judicial/result`, body),
  void: (id: number, body: VoidBody) => api.post<{ id: number }>(`${base}/disputes/${id}/void`, body),
  reminders: () => api.get<Reminders>(`${base}/reminders`),
  statistics: (year: number, orgUnitId?: number) => api.get<Statistics>(`${base}/statistics`, { year, orgUnitId }),

  committees: () => api.get<Items<Committee>>(`${base}/committees`),
  committee: (id: number) => api.get<Committee>(`${base}/committees/${id}`),
  createCommittee: (body: CommitteeCreate) => api.post<Committee>(`${base}/committees`, body),
  updateCommittee: (id: number, body: CommitteeUpdate) => api.patch<Committee>(`${base}/committees/${id}`, body),
  addMember: (committeeId: number, body: MemberCreate) => api.post<Committee>(`${base}/committees/${committeeId}/members`, body),
  updateMember: (id: number, body: MemberUpdate) => api.patch<Committee>(`${base}/committee-members/${id}`, body),
  endMember: (id: number, body: MemberEnd) => api.post<Committee>(`${base}/committee-members/${id}/end`, body),
  addTraining: (id: number, body: TrainingCreate) => api.post<Committee>(`${base}/committee-members/${id}/trainings`, body),

  disputeTypes: () => api.get<Items<DictionaryEntry>>('/api/dictionaries', { kind: 'mediation.dispute_type' }),
};

/** Paths of the files the server builds (downloaded with files.ts). */
export const mediationFiles = {
  agreement: (id: number) => `${base}/disputes/${id}/agreement.docx`,
};

export type { DisputeFilters };
