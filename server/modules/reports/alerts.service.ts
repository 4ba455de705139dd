import { shanghaiDate } from '../../../domain/platform/dates.ts';
import type { Capability } from '../../../domain/platform/roles.ts';
import type { Alert } from '../../../domain/reports/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { can, scopeOf } from '../../platform/permissions.ts';
import { casesNeedingAttention } from '../enforcement/case.service.ts';
import { listOfficers } from '../enforcement/enforcement.service.ts';
import { listDisputes } from '../mediation/dispute.service.ts';
import { listKeyDates } from '../publicity/publicity.service.ts';
import { reviewReminders } from '../villages/villages.service.ts';
import * as repo from './reports.repository.ts';
import { keptPerDataVersion } from './reports.service.ts';

const levelOrder = { overdue: 0, due: 1, info: 2 } as const;

/**
 * The 驾驶舱's alert list for what the user may see: cases near or past a legal deadline, certificates expiring,
 * disputes past their target, 复核 falling due, publicity key dates ahead, and the report calendar (报送上级 by 3月1日,
 * 向社会公开 by 4月1日, DOMAIN.md §4). Each module answers through its own service, so its scope rules apply.
 */
/** The modules whose records the alerts read (with the report calendar's own). */
const alertModules = ['enforcement', 'mediation', 'publicity', 'villages', 'reports'];

export function alerts(ctx: Ctx): Promise<Alert[]> {
  // What a user sees depends on their grants only, so one computation serves them until the data changes.
  const grants = ctx.actor.grants.map((g) => `${g.role}@${g.path}`).sort();
  return keptPerDataVersion(ctx.db, `alerts|${grants.join(',')}`, alertModules, () => alertsNow(ctx));
}

async function alertsNow(ctx: Ctx): Promise<Alert[]> {
  const today = shanghaiDate(new Date());
  const out: Alert[] = [];
  const when = async (capability: Capability, work: () => Promise<void>) => {
    if (can(ctx.actor, capability)) await work();
  };
  await when('enforcement.read', async () => {
    const attentionCases = await casesNeedingAttention(ctx, 50);
    for (const attention of ['overdue', 'due'] as const) {
      for (const c of attentionCases[attention]) {
        const d = c.agenda.deadlines.find((x) => (attention === 'overdue' ? x.overdue : !x.overdue)) ?? c.agenda.deadlines[0];
        out.push({
          module: 'enforcement',
          level: attention,
          title: `${c.filingNumber ?? c.powerName}：${d?.label ?? c.agenda.next ?? ''}`,
          detail: `${c.orgUnitName} · ${d?.article ?? ''}`,
          due: d?.due ?? null,
          link: `/enforcement/cases/${c.id}`,
        });
      }
    }
    for (const o of (await listOfficers(ctx)).filter((x) => x.active)) {
      // A renewed certificate replaces the old one: only the officer's latest counts.
      const latest = [...o.certificates].sort((a, b) => b.validUntil.localeCompare(a.validUntil))[0];
      for (const cert of latest?.warning ? [latest] : []) {
        out.push({
          module: 'enforcement',
          level: cert.warning === 'expired' ? 'overdue' : 'due',
          title: `执法证件${cert.warning === 'expired' ? '已过期' : '即将到期'}：${o.name}`,
          detail: `证号 ${cert.number}，有效期至 ${cert.validUntil}`,
          due: cert.validUntil,
          link: '/enforcement/officers',
        });
      }
    }
  });
  await when('mediation.read', async () => {
    for (const [flag, level] of [
      ['overdue', 'overdue'],
      ['dueThisWeek', 'due'],
    ] as const) {
      for (const d of (await listDisputes(ctx, { [flag]: true, pageSize: 50 })).items) {
        out.push({
          module: 'mediation',
          level,
          title: `矛盾纠纷${level === 'overdue' ? '超期未结' : '本周到期'}：${d.number}`,
          detail: `${d.orgUnitName} · ${d.typeLabel}`,
          due: d.dueOn,
          link: `/mediation/disputes/${d.id}`,
        });
      }
    }
  });
  await when('villages.read', async () => {
    for (const h of await reviewReminders(ctx)) {
      const r = h.nextReview;
      if (!r) continue;
      out.push({ module: 'villages', level: r.daysLeft < 0 ? 'overdue' : 'due', title: `示范村复核：${h.villageName}`, detail: h.title, due: r.dueOn, link: '/villages' });
    }
  });
  await when('publicity.read', async () => {
    for (const k of (await listKeyDates(ctx)).items.filter((x) => x.state === 'upcoming' || x.state === 'ongoing')) {
      out.push({
        module: 'publicity',
        level: 'info',
        title: `宣传节点：${k.name}`,
        detail: k.state === 'ongoing' ? '进行中' : `还有 ${k.daysUntil} 天`,
        due: k.start,
        link: '/publicity',
      });
    }
  });
  await when('reports.read', async () => {
    const year = Number(today.slice(0, 4));
    const reportYear = year - 1;
    const reports = await repo.listReports(ctx.db, scopeOf(ctx.actor, 'reports.read'), { year: reportYear });
    const published = reports.filter((r) => r.status === 'published').length;
    const due = today < `${year}-03-01` ? `${year}-03-01` : `${year}-04-01`;
    if (today <= `${year}-04-01` && (reports.length === 0 || published < reports.length)) {
      out.push({
        module: 'reports',
        level: 'due',
        title: `${reportYear}年度法治政府建设情况报告`,
        detail: due.endsWith('03-01') ? '3月1日前报送上一级党委和政府' : '4月1日前向社会公开',
        due,
        link: '/reports/annual',
      });
    }
  });
  return out.sort((a, b) => levelOrder[a.level] - levelOrder[b.level] || (a.due ?? '9999').localeCompare(b.due ?? '9999'));
}
