import type { Static } from 'typebox';
import type { AuditEntry, AuditQuery, AuditVerification, Page } from '../../../domain/platform/contracts.ts';
import { api } from '../../app/http.ts';

export type AuditCheck = Static<typeof AuditVerification>;

export const platformApi = {
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/auth/password', body),
  audit: (query: AuditQuery) => api.get<Page<AuditEntry>>('/api/audit', query),
  verifyAudit: () => api.get<AuditCheck>('/api/audit/verify'),
};
