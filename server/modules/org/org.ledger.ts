import { Type } from 'typebox';
import { MeetingQuery, TaskQuery, type TaskQuery as TaskQueryType, UserQuery } from '../../../domain/org/contracts.ts';
import { byPosition, groupPositionLabels, meetingKindLabels, taskStatusLabels } from '../../../domain/org/rules.ts';
import { DateString, Id } from '../../../domain/platform/contracts.ts';
import { shanghaiDate, shanghaiDateTime } from '../../../domain/platform/dates.ts';
import { roleLabels } from '../../../domain/platform/roles.ts';
import type { Ctx } from '../../platform/context.ts';
import { EVERY_ROW, type ListExport } from '../../platform/ledger/kind.ts';
import { can } from '../../platform/permissions.ts';
import { listGroups, listMeetings, listMembers, listTasks } from './leading-group.service.ts';
import { listUnits, listUsers } from './org.service.ts';

/** Unit names by id, as the pages name owner and represented units (from the org units the actor may see). */
async function unitNames(ctx: Ctx): Promise<(id: number | null) => string> {
  const names = new Map((await listUnits(ctx)).map((u) => [u.id, u.name]));
  return (id) => (id === null ? '' : (names.get(id) ?? ''));
}

/** The group named in the filters, for the subtitle (a group out of scope names nothing: the list is empty too). */
async function groupCondition(ctx: Ctx, id: unknown): Promise<string[]> {
  if (typeof id !== 'number') return [];
  const group = (await listGroups(ctx)).find((g) => g.id === id);
  return group ? [group.name] : [];
}

/** 用户名册: the users page with its filters; phone numbers in full only for those who may read personal data. */
export const orgUsersList: ListExport = {
  id: 'org-users',
  title: '用户名册',
  sheet: '用户',
  readCapability: 'users.manage',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'username', header: '用户名', type: 'text', width: 14 },
    { key: 'displayName', header: '姓名', type: 'text', width: 12 },
    { key: 'unit', header: '所属单位', type: 'text', width: 18 },
    { key: 'title', header: '职务', type: 'text', width: 16 },
    { key: 'phone', header: '手机号', type: 'text', identifier: 'phone', width: 14 },
    { key: 'roles', header: '角色', type: 'text', width: 36 },
    { key: 'status', header: '状态', type: 'text', width: 14 },
    { key: 'lastLoginAt', header: '最近登录', type: 'text', width: 20 },
  ],
  filters: Type.Omit(UserQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const f = filters as Omit<UserQuery, 'page' | 'pageSize'>;
    const page = await listUsers(ctx, { ...f, ...EVERY_ROW });
    const reveal = can(ctx.actor, 'personal_data.read');
    const unit = f.orgUnitId ? (await unitNames(ctx))(f.orgUnitId) : '';
    const now = new Date();
    return {
      conditions: [unit && `单位：${unit}`, f.q && `检索：${f.q}`, f.phone && '按手机号查找'].filter(Boolean) as string[],
      rows: page.items.map((u, i) => ({
        reveal,
        values: {
          seq: i + 1,
          username: u.username,
          displayName: u.displayName,
          unit: u.orgUnitName,
          title: u.title ?? '',
          phone: u.phone ?? '',
          roles: u.grants.map((g) => `${roleLabels[g.role]}@${g.orgUnitName}`).join('、'),
          status:
            [u.voided && '已作废', u.lockedUntil !== null && new Date(u.lockedUntil) > now && '锁定', u.mustChangePassword && !u.voided && '须改密'].filter(Boolean).join('、') ||
            '正常',
          lastLoginAt: u.lastLoginAt ? shanghaiDateTime(new Date(u.lastLoginAt)) : '从未登录',
        },
      })),
    };
  },
};

/** 领导小组会议: the group's meetings, with who attended and what was decided (the panel's expanded rows). */
export const orgMeetingsList: ListExport = {
  id: 'org-meetings',
  title: '领导小组会议',
  sheet: '会议',
  readCapability: 'leading_group.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'heldOn', header: '会议日期', type: 'date', width: 12 },
    { key: 'title', header: '会议名称', type: 'text', width: 32 },
    { key: 'kind', header: '类型', type: 'text', width: 10 },
    { key: 'place', header: '地点', type: 'text', width: 16 },
    { key: 'host', header: '主持人', type: 'text', width: 10 },
    { key: 'count', header: '参会人数', type: 'integer', width: 10 },
    { key: 'attendees', header: '参会人员', type: 'text', width: 36 },
    { key: 'minutes', header: '会议纪要', type: 'text', width: 48 },
    { key: 'decisions', header: '议定事项', type: 'text', width: 40 },
  ],
  filters: Type.Omit(MeetingQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const page = await listMeetings(ctx, { ...filters, ...EVERY_ROW });
    return {
      conditions: await groupCondition(ctx, filters.leadingGroupId),
      rows: page.items.map((m, i) => ({
        reveal: true,
        values: {
          seq: i + 1,
          heldOn: m.heldOn,
          title: m.title,
          kind: meetingKindLabels[m.kind],
          place: m.place,
          host: m.host,
          count: m.attendees.length,
          attendees: m.attendees.join('、'),
          minutes: m.minutes,
          decisions: m.decisions,
        },
      })),
    };
  },
};

/** 年度重点任务: the group's yearly work points with owner, deadline, status and every progress note. */
export const orgTasksList: ListExport = {
  id: 'org-tasks',
  title: '年度重点任务',
  sheet: '重点任务',
  readCapability: 'leading_group.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'year', header: '年度', type: 'integer', width: 8 },
    { key: 'title', header: '工作要点', type: 'text', width: 36 },
    { key: 'description', header: '具体内容', type: 'text', width: 40 },
    { key: 'owner', header: '责任单位/责任人', type: 'text', width: 22 },
    { key: 'deadline', header: '完成时限', type: 'date', width: 12 },
    { key: 'status', header: '状态', type: 'text', width: 14 },
    { key: 'progressCount', header: '进展（条）', type: 'integer', width: 10 },
    { key: 'progress', header: '进展情况', type: 'text', width: 60 },
  ],
  filters: Type.Omit(TaskQuery, ['page', 'pageSize']),
  exportRows: async (ctx, filters) => {
    const f = filters as Omit<TaskQueryType, 'page' | 'pageSize'>;
    const page = await listTasks(ctx, { ...f, ...EVERY_ROW });
    const unitName = await unitNames(ctx);
    return {
      conditions: [...(await groupCondition(ctx, f.leadingGroupId)), f.year && `${f.year}年`, f.status && taskStatusLabels[f.status]].filter(Boolean) as string[],
      rows: page.items.map((t, i) => ({
        reveal: true,
        values: {
          seq: i + 1,
          year: t.year,
          title: t.title,
          description: t.description,
          owner: [unitName(t.ownerUnitId), t.ownerName].filter(Boolean).join(' / '),
          deadline: t.deadline,
          status: [taskStatusLabels[t.status], t.overdue && '已逾期'].filter(Boolean).join('、'),
          progressCount: t.progress.length,
          progress: t.progress.map((p) => `${p.notedOn} ${p.note}${p.notedBy ? `（${p.notedBy}）` : ''}`).join('\n'),
        },
      })),
    };
  },
};

/** 领导小组成员: who was in the group on a day (today unless the page chose another), 组长 first. */
export const orgMembersList: ListExport = {
  id: 'org-members',
  title: '领导小组成员',
  sheet: '成员',
  readCapability: 'leading_group.read',
  columns: [
    { key: 'seq', header: '序号', type: 'integer', width: 6 },
    { key: 'name', header: '姓名', type: 'text', width: 12 },
    { key: 'office', header: '职务', type: 'text', width: 24 },
    { key: 'position', header: '小组职务', type: 'text', width: 10 },
    { key: 'from', header: '任职起始', type: 'date', width: 12 },
    { key: 'to', header: '任职截止', type: 'date', width: 12 },
    { key: 'unit', header: '代表单位', type: 'text', width: 18 },
  ],
  filters: Type.Object({ leadingGroupId: Id('领导小组'), asOf: Type.Optional(DateString('查询日期')) }),
  exportRows: async (ctx, filters) => {
    const asOf = typeof filters.asOf === 'string' ? filters.asOf : shanghaiDate(new Date());
    const members = (await listMembers(ctx, filters.leadingGroupId as number, asOf)).sort(byPosition);
    const unitName = await unitNames(ctx);
    return {
      conditions: [...(await groupCondition(ctx, filters.leadingGroupId)), `${asOf}在任`],
      rows: members.map((m, i) => ({
        reveal: true,
        values: {
          seq: i + 1,
          name: m.personName,
          office: m.office,
          position: groupPositionLabels[m.position],
          from: m.effectiveFrom,
          to: m.effectiveTo,
          unit: unitName(m.representsOrgUnitId),
        },
      })),
    };
  },
};
