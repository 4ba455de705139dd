import type {
  Body,
  CaseDetail,
  CaseListItem,
  CaseQuery,
  CertificateCreate,
  ClueCreate,
  FileReview,
  FileReviewCreate,
  Finding,
  FindingQuery,
  LegalReviewer,
  LegalReviewerCreate,
  LegalReviewerUpdate,
  Officer,
  OfficerCreate,
  Power,
  PowerCreate,
  PowerUpdate,
  PublicEnforcement,
  RecheckBody,
  RectifyBody,
  Round,
  RoundCreate,
  SimpleCaseCreate,
  Standard,
  Stats,
  TimelineEvent,
} from '../../../domain/enforcement/contracts.ts';
import type { DocumentKind } from '../../../domain/enforcement/rules.ts';
import type { Page } from '../../../domain/platform/contracts.ts';
import { api } from '../../app/http.ts';

type Items<T> = { items: T[] };
const base = '/api/enforcement';

/** Query keys: everything under ['enforcement'], so one invalidation refreshes the module after a write. */
export const enforcementKeys = {
  all: ['enforcement'] as const,
  bodies: ['enforcement', 'bodies'] as const,
  officers: ['enforcement', 'officers'] as const,
  legalReviewers: ['enforcement', 'legal-reviewers'] as const,
  powers: ['enforcement', 'powers'] as const,
  cases: ['enforcement', 'cases'] as const,
  case: (id: number) => ['enforcement', 'case', id] as const,
  timeline: (id: number) => ['enforcement', 'case', id, 'timeline'] as const,
  rounds: ['enforcement', 'rounds'] as const,
  fileReviews: (roundId: number) => ['enforcement', 'rounds', roundId] as const,
  standards: ['enforcement', 'standards'] as const,
  stats: (year: number) => ['enforcement', 'stats', year] as const,
};

export const enforcementApi = {
  bodies: () => api.get<Items<Body>>(`${base}/bodies`),
  officers: () => api.get<Items<Officer>>(`${base}/officers`),
  createOfficer: (body: OfficerCreate) => api.post<Officer>(`${base}/officers`, body),
  legalReviewers: () => api.get<Items<LegalReviewer>>(`${base}/legal-reviewers`),
  createLegalReviewer: (body: LegalReviewerCreate) => api.post<LegalReviewer>(`${base}/legal-reviewers`, body),
  updateLegalReviewer: (id: number, body: LegalReviewerUpdate) => api.patch<LegalReviewer>(`${base}/legal-reviewers/${id}`, body),
  addCertificate: (officerId: number, body: CertificateCreate) => api.post<Officer>(`${base}/officers/${officerId}/certificates`, body),
  staff: () => api.get<Items<{ userId: number; name: string; roles: string[] }>>(`${base}/staff`),
  powers: () => api.get<Items<Power>>(`${base}/powers`),
  createPower: (body: PowerCreate) => api.post<Power>(`${base}/powers`, body),
  updatePower: (id: number, body: PowerUpdate) => api.patch<Power>(`${base}/powers/${id}`, body),

  cases: (query: CaseQuery) => api.get<Page<CaseListItem>>(`${base}/cases`, query),
  case: (id: number) => api.get<CaseDetail>(`${base}/cases/${id}`),
  createClue: (body: ClueCreate) => api.post<CaseDetail>(`${base}/cases`, body),
  createSimple: (body: SimpleCaseCreate) => api.post<CaseDetail>(`${base}/cases/simple`, body),
  /** One workflow step: the server allows it or refuses it with the article that forbids it. */
  step: (id: number, action: string, body: object) => api.post<CaseDetail>(`${base}/cases/${id}/${action}`, body),
  timeline: (id: number) => api.get<Items<TimelineEvent>>(`${base}/cases/${id}/timeline`),
  verify: (id: number) => api.get<{ ok: boolean; length: number; head: string; problems: string[] }>(`${base}/cases/${id}/verify`),
  documentUrl: (id: number, kind: DocumentKind) => `${base}/cases/${id}/documents/${kind}`,
  exportUrl: (id: number) => `${base}/cases/${id}/export`,

  standards: () => api.get<Items<Standard>>(`${base}/review-standards`),
  rounds: () => api.get<Items<Round>>(`${base}/review-rounds`),
  createRound: (body: RoundCreate) => api.post<Round>(`${base}/review-rounds`, body),
  fileReviews: (roundId: number) => api.get<Items<FileReview>>(`${base}/review-rounds/${roundId}/file-reviews`),
  createFileReview: (roundId: number, body: FileReviewCreate) => api.post<Items<FileReview>>(`${base}/review-rounds/${roundId}/file-reviews`, body),
  findings: (query: FindingQuery) => api.get<Page<Finding>>(`${base}/findings`, query),
  rectify: (id: number, body: RectifyBody) => api.post<Finding>(`${base}/findings/${id}/rectify`, body),
  recheck: (id: number, body: RecheckBody) => api.post<Finding>(`${base}/findings/${id}/recheck`, body),
  stats: (year: number) => api.get<Stats>(`${base}/stats`, { year }),

  publicPortal: () => api.get<PublicEnforcement>('/api/public/enforcement'),
};
