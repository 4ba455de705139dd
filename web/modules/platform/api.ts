import type { Static } from 'typebox';
import type { AuditEntry, AuditQuery, AuditVerification, Page } from '../../../domain/platform/contracts.ts';
import { api } from '../../app/http.ts';

export type AuditCheck = Static<typeof AuditVerification>;

export type SecurityPolicy = { totpRequiredForAdmins: boolean; version: number };

export const platformApi = {
  beginTotp: () => api.post<{ secret: string; uri: string }>('/api/auth/totp/enrol'),
  confirmTotp: (code: string) => api.post<void>('/api/auth/totp/confirm', { code }),
  disableTotp: (password: string) => api.post<void>('/api/auth/totp/disable', { password }),
  securityPolicy: () => api.get<SecurityPolicy>('/api/auth/security-policy'),
  setSecurityPolicy: (body: SecurityPolicy) => api.patch<SecurityPolicy>('/api/auth/security-policy', body),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/auth/password', body),
  audit: (query: AuditQuery) => api.get<Page<AuditEntry>>('/api/audit', query),
  verifyAudit: () => api.get<AuditCheck>('/api/audit/verify'),
};
