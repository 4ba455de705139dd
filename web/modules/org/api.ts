import type { Static } from 'typebox';
import type {
  LeadingGroup,
  LeadingGroupCreate,
  LeadingGroupUpdate,
  Meeting,
  MeetingCreate,
  MeetingQuery,
  MeetingUpdateBody,
  Member,
  MemberCreate,
  MemberEnd,
  OrgUnit,
  OrgUnitCreate,
  OrgUnitUpdate,
  Restructure,
  RoleAssignmentCreate,
  Task,
  TaskCreate,
  TaskProgress,
  TaskProgressCreate,
  TaskQuery,
  TaskUpdateBody,
  User,
  UserCreate,
  UserCreated,
  UserGrant,
  UserQuery,
  UserUpdate,
} from '../../../domain/org/contracts.ts';
import type { Page, VoidBody } from '../../../domain/platform/contracts.ts';
import { api } from '../../app/http.ts';

export type UserWithPassword = Static<typeof UserCreated>;
export type Grant = Static<typeof UserGrant>;
export type Progress = Static<typeof TaskProgress>;
type Items<T> = { items: T[] };

/** Query keys: everything under ['org'] so one invalidation refreshes the module after a write. */
export const orgKeys = {
  all: ['org'] as const,
  units: ['org', 'units'] as const,
  users: ['org', 'users'] as const,
  groups: ['org', 'leading-groups'] as const,
  members: (groupId: number, asOf?: string) => ['org', 'members', groupId, asOf ?? 'all'] as const,
  meetings: (groupId: number) => ['org', 'meetings', groupId] as const,
  tasks: (groupId: number) => ['org', 'tasks', groupId] as const,
};

export const orgApi = {
  units: () => api.get<Items<OrgUnit>>('/api/org/units'),
  createUnit: (body: OrgUnitCreate) => api.post<OrgUnit>('/api/org/units', body),
  updateUnit: (id: number, body: OrgUnitUpdate) => api.patch<OrgUnit>(`/api/org/units/${id}`, body),
  voidUnit: (id: number, body: VoidBody) => api.post<OrgUnit>(`/api/org/units/${id}/void`, body),

  users: (query: UserQuery) => api.get<Page<User>>('/api/org/users', query),
  createUser: (body: UserCreate) => api.post<UserWithPassword>('/api/org/users', body),
  updateUser: (id: number, body: UserUpdate) => api.patch<User>(`/api/org/users/${id}`, body),
  resetPassword: (id: number, version: number) => api.post<UserWithPassword>(`/api/org/users/${id}/reset-password`, { version }),
  unlockUser: (id: number, version: number) => api.post<User>(`/api/org/users/${id}/unlock`, { version }),
  voidUser: (id: number, body: VoidBody) => api.post<User>(`/api/org/users/${id}/void`, body),
  assignRole: (body: RoleAssignmentCreate) => api.post<User>('/api/org/role-assignments', body),
  revokeRole: (grantId: number) => api.post<User>(`/api/org/role-assignments/${grantId}/revoke`),

  groups: () => api.get<Items<LeadingGroup>>('/api/org/leading-groups'),
  createGroup: (body: LeadingGroupCreate) => api.post<LeadingGroup>('/api/org/leading-groups', body),
  updateGroup: (id: number, body: LeadingGroupUpdate) => api.patch<LeadingGroup>(`/api/org/leading-groups/${id}`, body),
  /** Without asOf: every membership the group ever had. */
  members: (groupId: number, asOf?: string) => api.get<Items<Member>>(`/api/org/leading-groups/${groupId}/members`, { asOf }),
  addMember: (groupId: number, body: MemberCreate) => api.post<Member>(`/api/org/leading-groups/${groupId}/members`, body),
  endMember: (memberId: number, body: MemberEnd) => api.post<Member>(`/api/org/leading-group-members/${memberId}/end`, body),
  restructure: (groupId: number, body: Restructure) => api.post<Items<Member>>(`/api/org/leading-groups/${groupId}/restructure`, body),

  meetings: (query: MeetingQuery) => api.get<Page<Meeting>>('/api/org/meetings', query),
  createMeeting: (body: MeetingCreate) => api.post<Meeting>('/api/org/meetings', body),
  updateMeeting: (id: number, body: MeetingUpdateBody) => api.patch<Meeting>(`/api/org/meetings/${id}`, body),

  tasks: (query: TaskQuery) => api.get<Page<Task>>('/api/org/tasks', query),
  createTask: (body: TaskCreate) => api.post<Task>('/api/org/tasks', body),
  updateTask: (id: number, body: TaskUpdateBody) => api.patch<Task>(`/api/org/tasks/${id}`, body),
  addProgress: (id: number, body: TaskProgressCreate) => api.post<Task>(`/api/org/tasks/${id}/progress`, body),
};
