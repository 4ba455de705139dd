import { describe, expect, it } from 'vitest';
import { applyStep, type DisputeState, historyProblem, registered, type Step, stepProblem } from './steps.ts';

const today = '2024-12-31';
const serving = (date: string) => new Set(date >= '2024-01-01' ? [1, 2] : [9]);
const ctx = { today, servingOn: serving, isWorkday: () => true };

const accept: Step = { kind: 'accept', acceptedOn: '2024-03-02', mediatorIds: [1] };
const session: Step = { kind: 'session', heldOn: '2024-03-05' };
const written: Step = { kind: 'close', closedOn: '2024-03-06', outcome: 'succeeded', agreementKind: 'written', terms: '赔偿500元' };

describe('historyProblem: a whole history, step by step, by the rules of each step', () => {
  it.each<[string, string, Step[], { step: number; code: string; field?: string; text: string } | null]>([
    [
      'registration to 司法确认',
      '2024-03-01',
      [
        accept,
        session,
        written,
        { kind: 'follow_up', followedOn: '2024-03-20' },
        { kind: 'judicial_apply', appliedOn: '2024-03-30', jointly: true },
        { kind: 'judicial_result', resultOn: '2024-04-02', result: 'confirmed' },
      ],
      null,
    ],
    ['registered only', '2024-03-01', [], null],
    ['refused', '2024-03-01', [{ kind: 'refuse', refusedOn: '2024-03-01' }], null],
    ['registered in the future', '2025-01-01', [], { step: -1, code: 'invalid', field: 'registeredOn', text: '不能晚于今天' }],
    ['accepted before registration', '2024-03-01', [{ ...accept, acceptedOn: '2024-02-28' }], { step: 0, code: 'invalid', field: 'acceptedOn', text: '不能早于登记日期' }],
    ['a mediator not serving that day', '2024-03-01', [{ ...accept, mediatorIds: [9] }], { step: 0, code: 'invalid', field: 'mediatorIds', text: '第十三条' }],
    ['mediated after a refusal', '2024-03-01', [{ kind: 'refuse', refusedOn: '2024-03-01' }, accept], { step: 1, code: 'rule', text: '第十七条' }],
    ['a session before acceptance', '2024-03-01', [session], { step: 0, code: 'rule', text: '请先受理' }],
    [
      'closed before the last session',
      '2024-03-01',
      [accept, session, { ...written, closedOn: '2024-03-04' }],
      { step: 2, code: 'invalid', field: 'closedOn', text: '最后一次调解日期' },
    ],
    [
      '调解不成 without the other channels',
      '2024-03-01',
      [accept, { kind: 'close', closedOn: '2024-03-06', outcome: 'failed' }],
      { step: 1, code: 'rule', field: 'otherChannels', text: '第二十六条' },
    ],
    [
      'a follow-up of a failed mediation',
      '2024-03-01',
      [accept, { kind: 'close', closedOn: '2024-03-06', outcome: 'failed', otherChannels: ['litigation'] }, { kind: 'follow_up', followedOn: '2024-03-07' }],
      { step: 2, code: 'rule', text: '第三十一条' },
    ],
    [
      '司法确认 on day 31',
      '2024-03-01',
      [accept, written, { kind: 'judicial_apply', appliedOn: '2024-04-06', jointly: true }],
      { step: 2, code: 'rule', field: 'appliedOn', text: '第三十三条' },
    ],
    ['司法确认 on day 30', '2024-03-01', [accept, written, { kind: 'judicial_apply', appliedOn: '2024-04-05', jointly: true }], null],
    [
      'a result before any application',
      '2024-03-01',
      [accept, written, { kind: 'judicial_result', resultOn: '2024-04-01', result: 'confirmed' }],
      { step: 2, code: 'rule', text: '尚未申请' },
    ],
    ['closed twice', '2024-03-01', [accept, written, written], { step: 2, code: 'rule', text: '已办结' }],
  ])('%s', (_name, registeredOn, steps, expected) => {
    const problem = historyProblem(registeredOn, steps, ctx);
    if (expected === null) {
      expect(problem).toBeNull();
      return;
    }
    expect(problem).toMatchObject({ step: expected.step, code: expected.code, ...(expected.field ? { field: expected.field } : {}) });
    expect(problem?.message).toContain(expected.text);
  });
});

describe('applyStep', () => {
  it('follows a dispute through its states', () => {
    const states: DisputeState[] = [registered('2024-03-01')];
    for (const step of [accept, session, written, { kind: 'judicial_apply', appliedOn: '2024-03-10', jointly: true } as Step])
      states.push(applyStep(states.at(-1) as DisputeState, step));
    expect(states.map((s) => s.status)).toEqual(['registered', 'mediating', 'mediating', 'succeeded', 'succeeded']);
    expect(states.at(-1)).toMatchObject({ acceptedOn: '2024-03-02', lastSessionOn: '2024-03-05', closedOn: '2024-03-06', agreementKind: 'written', judicialResult: 'pending' });
    expect(applyStep(states[1] as DisputeState, { kind: 'close', closedOn: '2024-03-06', outcome: 'terminated', otherChannels: ['litigation'] }).agreementKind).toBeNull();
  });

  it('a step refused in one state is allowed in the next', () => {
    const fresh = registered('2024-03-01');
    expect(stepProblem(fresh, session, ctx)?.code).toBe('rule');
    expect(stepProblem(applyStep(fresh, accept), session, ctx)).toBeNull();
  });
});
