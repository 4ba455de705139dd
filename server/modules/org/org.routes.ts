import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OrgUnit, OrgUnitCreate, OrgUnitUpdate, RoleAssignmentCreate, User, UserCreate, UserCreated, UserQuery, UserUpdate } from '../../../domain/org/contracts.ts';
import { IdParams, Page, Version, VoidBody } from '../../../domain/platform/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './org.service.ts';

const tags = ['组织机构与用户'];
const VersionBody = Type.Object({ version: Version });

export const orgRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/units',
    { schema: { tags, summary: '可见范围内的组织机构（平铺，按 parentId 成树）', response: { 200: Type.Object({ items: Type.Array(OrgUnit) }) } } },
    async (req) => ({
      items: await svc.listUnits(ctxOf(req)),
    }),
  );
  app.post('/units', { schema: { tags, summary: '新增下级单位', body: OrgUnitCreate, response: { 200: OrgUnit } } }, async (req) => svc.createUnit(ctxOf(req), req.body));
  app.patch('/units/:id', { schema: { tags, summary: '修改单位', params: IdParams, body: OrgUnitUpdate, response: { 200: OrgUnit } } }, async (req) =>
    svc.updateUnit(ctxOf(req), req.params.id, req.body),
  );
  app.post('/units/:id/void', { schema: { tags, summary: '作废单位', params: IdParams, body: VoidBody, response: { 200: OrgUnit } } }, async (req) =>
    svc.voidUnit(ctxOf(req), req.params.id, req.body),
  );

  app.get('/users', { schema: { tags, summary: '用户列表', querystring: UserQuery, response: { 200: Page(User) } } }, async (req) => svc.listUsers(ctxOf(req), req.query));
  app.post('/users', { schema: { tags, summary: '新增用户（返回一次性初始密码）', body: UserCreate, response: { 200: UserCreated } } }, async (req) =>
    svc.createUser(ctxOf(req), req.body),
  );
  app.patch('/users/:id', { schema: { tags, summary: '修改用户', params: IdParams, body: UserUpdate, response: { 200: User } } }, async (req) =>
    svc.updateUser(ctxOf(req), req.params.id, req.body),
  );
  app.post('/users/:id/reset-password', { schema: { tags, summary: '重置密码', params: IdParams, body: VersionBody, response: { 200: UserCreated } } }, async (req) =>
    svc.resetPassword(ctxOf(req), req.params.id, req.body.version),
  );
  app.post('/users/:id/unlock', { schema: { tags, summary: '解除锁定', params: IdParams, body: VersionBody, response: { 200: User } } }, async (req) =>
    svc.unlockUser(ctxOf(req), req.params.id, req.body.version),
  );
  app.post('/users/:id/void', { schema: { tags, summary: '作废用户', params: IdParams, body: VoidBody, response: { 200: User } } }, async (req) =>
    svc.voidUser(ctxOf(req), req.params.id, req.body),
  );

  app.post('/role-assignments', { schema: { tags, summary: '在某单位授予角色', body: RoleAssignmentCreate, response: { 200: User } } }, async (req) =>
    svc.grantRole(ctxOf(req), req.body),
  );
  app.post('/role-assignments/:id/revoke', { schema: { tags, summary: '撤销角色授权', params: IdParams, response: { 200: User } } }, async (req) =>
    svc.revokeRole(ctxOf(req), req.params.id),
  );
};
