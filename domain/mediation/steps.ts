/**
 * The steps of a dispute's life and what each requires — checked the same way whether a clerk takes the step on the
 * dispute's page, or a whole history arrives at once (a ledger import, the demo town). Pure: `today`, the committee's
 * serving members and the working-day calendar are passed in.
 */
import {
  type AgreementKind,
  type CloseOutcome,
  closeProblem,
  type DisputeAction,
  type DisputeStatus,
  type JudicialResult,
  judicialApplicationProblem,
  judicialDeadlineOf,
  type OtherChannel,
  transitionProblem,
} from './rules.ts';

export type DisputeState = {
  status: DisputeStatus;
  registeredOn: string;
  acceptedOn: string | null;
  closedOn: string | null;
  lastSessionOn: string | null;
  agreementKind: AgreementKind | null;
  judicialAppliedOn: string | null;
  judicialResult: JudicialResult | null;
};

export type Step =
  | { kind: 'accept'; acceptedOn: string; mediatorIds: readonly number[] }
  | { kind: 'refuse'; refusedOn: string }
  | { kind: 'session'; heldOn: string }
  | { kind: 'close'; closedOn: string; outcome: CloseOutcome; agreementKind?: AgreementKind; terms?: string; otherChannels?: readonly OtherChannel[] }
  | { kind: 'follow_up'; followedOn: string }
  | { kind: 'judicial_apply'; appliedOn: string; jointly: boolean }
  | { kind: 'judicial_result'; resultOn: string; result: JudicialResult };

/** `rule`: the law or the procedure forbids it (409); `invalid`: the input is wrong (400). `field` is absent for a refused transition. */
export type StepProblem = { code: 'rule' | 'invalid'; field?: string; message: string };

export type StepContext = {
  today: string;
  /** Ids of the committee's members serving on a date (art 13: 委员 and 聘任的人员). */
  servingOn?: (date: string) => ReadonlySet<number>;
  isWorkday?: (date: string) => boolean;
};

const actionOf: Record<Step['kind'], DisputeAction> = {
  accept: 'accept',
  refuse: 'refuse',
  session: 'session',
  close: 'close',
  follow_up: 'follow_up',
  judicial_apply: 'judicial_apply',
  judicial_result: 'judicial_result',
};

/** A date must not lie in the future, nor before the step it follows. */
export function dateProblem(date: string, field: string, title: string, today: string, after?: { date: string | null; title: string }): StepProblem | null {
  if (date > today) return { code: 'invalid', field, message: `「${title}」不能晚于今天` };
  if (after?.date && date < after.date) return { code: 'invalid', field, message: `「${title}」不能早于${after.title}（${after.date}）` };
  return null;
}

export const judicialDeadline = (s: DisputeState, ctx: StepContext): string | null => (s.closedOn ? judicialDeadlineOf(s.closedOn, ctx.isWorkday) : null);

export function stepProblem(s: DisputeState, step: Step, ctx: StepContext): StepProblem | null {
  const transition = transitionProblem(s.status, actionOf[step.kind]);
  if (transition) return { code: 'rule', message: transition };
  const { today } = ctx;
  switch (step.kind) {
    case 'accept': {
      const p = dateProblem(step.acceptedOn, 'acceptedOn', '受理日期', today, { date: s.registeredOn, title: '登记日期' });
      if (p) return p;
      const serving = ctx.servingOn?.(step.acceptedOn);
      if (serving && step.mediatorIds.some((id) => !serving.has(id))) {
        return { code: 'invalid', field: 'mediatorIds', message: '调解员应为本调解委员会在任的委员或聘任的调解员（《人民调解法》第十三条、第十九条）' };
      }
      return null;
    }
    case 'refuse':
      return dateProblem(step.refusedOn, 'refusedOn', '拒绝日期', today, { date: s.registeredOn, title: '登记日期' });
    case 'session':
      return dateProblem(step.heldOn, 'heldOn', '调解日期', today, { date: s.acceptedOn, title: '受理日期' });
    case 'close': {
      const rule = closeProblem(step);
      if (rule) return { code: 'rule', ...rule };
      return (
        dateProblem(step.closedOn, 'closedOn', '办结日期', today, { date: s.acceptedOn, title: '受理日期' }) ??
        dateProblem(step.closedOn, 'closedOn', '办结日期', today, { date: s.lastSessionOn, title: '最后一次调解日期' })
      );
    }
    case 'follow_up':
      return dateProblem(step.followedOn, 'followedOn', '回访日期', today, { date: s.closedOn, title: '办结日期' });
    case 'judicial_apply': {
      if (s.judicialAppliedOn) return { code: 'rule', field: 'appliedOn', message: `已于 ${s.judicialAppliedOn} 申请司法确认` };
      const p = dateProblem(step.appliedOn, 'appliedOn', '申请日期', today, { date: s.closedOn, title: '协议生效日期' });
      if (p) return p;
      const rule = judicialApplicationProblem({ appliedOn: step.appliedOn, jointly: step.jointly, agreementKind: s.agreementKind, deadline: judicialDeadline(s, ctx) ?? '' });
      return rule ? { code: 'rule', ...rule } : null;
    }
    case 'judicial_result':
      if (s.judicialResult !== 'pending') {
        return { code: 'rule', field: 'result', message: s.judicialResult ? '司法确认结果已登记' : '尚未申请司法确认（《人民调解法》第三十三条）' };
      }
      return dateProblem(step.resultOn, 'resultOn', '结果日期', today, { date: s.judicialAppliedOn, title: '申请日期' });
  }
}

/** The state after a step (assumed allowed). */
export function applyStep(s: DisputeState, step: Step): DisputeState {
  switch (step.kind) {
    case 'accept':
      return { ...s, status: 'mediating', acceptedOn: step.acceptedOn };
    case 'refuse':
      return { ...s, status: 'refused' };
    case 'session':
      return { ...s, lastSessionOn: s.lastSessionOn && s.lastSessionOn > step.heldOn ? s.lastSessionOn : step.heldOn };
    case 'close':
      return { ...s, status: step.outcome, closedOn: step.closedOn, agreementKind: step.outcome === 'succeeded' ? (step.agreementKind ?? null) : null };
    case 'follow_up':
      return s;
    case 'judicial_apply':
      return { ...s, judicialAppliedOn: step.appliedOn, judicialResult: 'pending' };
    case 'judicial_result':
      return { ...s, judicialResult: step.result };
  }
}

export const registered = (registeredOn: string): DisputeState => ({
  status: 'registered',
  registeredOn,
  acceptedOn: null,
  closedOn: null,
  lastSessionOn: null,
  agreementKind: null,
  judicialAppliedOn: null,
  judicialResult: null,
});

/** Runs a whole history from registration; the first problem with the index of the step that caused it. */
export function historyProblem(registeredOn: string, steps: readonly Step[], ctx: StepContext): (StepProblem & { step: number }) | null {
  const reg = dateProblem(registeredOn, 'registeredOn', '登记日期', ctx.today);
  if (reg) return { ...reg, step: -1 };
  let state = registered(registeredOn);
  for (const [i, step] of steps.entries()) {
    const p = stepProblem(state, step, ctx);
    if (p) return { ...p, step: i };
    state = applyStep(state, step);
  }
  return null;
}
