import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
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
  MembersQuery,
  Restructure,
  Task,
  TaskCreate,
  TaskProgressCreate,
  TaskQuery,
  TaskUpdateBody,
} from '../../../domain/org/contracts.ts';
import { IdParams, Page } from '../../../domain/platform/contracts.ts';
import { ctxOf } from '../../plugins/auth.ts';
import * as svc from './leading-group.service.ts';

const tags = ['依法治镇工作领导小组'];
const Members = Type.Object({ items: Type.Array(Member) });

export const leadingGroupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/leading-groups', { schema: { tags, summary: '领导小组列表', response: { 200: Type.Object({ items: Type.Array(LeadingGroup) }) } } }, async (req) => ({
    items: await svc.listGroups(ctxOf(req)),
  }));
  app.post('/leading-groups', { schema: { tags, summary: '设立领导小组', body: LeadingGroupCreate, response: { 200: LeadingGroup } } }, async (req) =>
    svc.createGroup(ctxOf(req), req.body),
  );
  app.patch('/leading-groups/:id', { schema: { tags, summary: '修改领导小组', params: IdParams, body: LeadingGroupUpdate, response: { 200: LeadingGroup } } }, async (req) =>
    svc.updateGroup(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/leading-groups/:id/members',
    { schema: { tags, summary: '成员（asOf：某日在任；省略：全部历史）', params: IdParams, querystring: MembersQuery, response: { 200: Members } } },
    async (req) => ({
      items: await svc.listMembers(ctxOf(req), req.params.id, req.query.asOf),
    }),
  );
  app.post('/leading-groups/:id/members', { schema: { tags, summary: '新增成员', params: IdParams, body: MemberCreate, response: { 200: Member } } }, async (req) =>
    svc.addMember(ctxOf(req), req.params.id, req.body),
  );
  app.post('/leading-group-members/:id/end', { schema: { tags, summary: '结束任职', params: IdParams, body: MemberEnd, response: { 200: Member } } }, async (req) =>
    svc.endMember(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/leading-groups/:id/restructure',
    { schema: { tags, summary: '调整领导小组（人事变动后整体调整）', params: IdParams, body: Restructure, response: { 200: Members } } },
    async (req) => ({
      items: await svc.restructure(ctxOf(req), req.params.id, req.body),
    }),
  );

  app.get('/meetings', { schema: { tags, summary: '会议列表', querystring: MeetingQuery, response: { 200: Page(Meeting) } } }, async (req) =>
    svc.listMeetings(ctxOf(req), req.query),
  );
  app.post('/meetings', { schema: { tags, summary: '登记会议', body: MeetingCreate, response: { 200: Meeting } } }, async (req) => svc.createMeeting(ctxOf(req), req.body));
  app.patch('/meetings/:id', { schema: { tags, summary: '修改会议', params: IdParams, body: MeetingUpdateBody, response: { 200: Meeting } } }, async (req) =>
    svc.updateMeeting(ctxOf(req), req.params.id, req.body),
  );

  app.get('/tasks', { schema: { tags, summary: '年度工作要点/责任清单', querystring: TaskQuery, response: { 200: Page(Task) } } }, async (req) =>
    svc.listTasks(ctxOf(req), req.query),
  );
  app.post('/tasks', { schema: { tags, summary: '新增工作要点', body: TaskCreate, response: { 200: Task } } }, async (req) => svc.createTask(ctxOf(req), req.body));
  app.patch('/tasks/:id', { schema: { tags, summary: '修改工作要点', params: IdParams, body: TaskUpdateBody, response: { 200: Task } } }, async (req) =>
    svc.updateTask(ctxOf(req), req.params.id, req.body),
  );
  app.post('/tasks/:id/progress', { schema: { tags, summary: '登记进展', params: IdParams, body: TaskProgressCreate, response: { 200: Task } } }, async (req) =>
    svc.addProgress(ctxOf(req), req.params.id, req.body),
  );
};
