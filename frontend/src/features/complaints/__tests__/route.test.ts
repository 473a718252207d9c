import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { currentStepIndex, reached, returnedSteps, routeSteps } from '../lib/route';

type Case = Parameters<typeof routeSteps>[0];
const keys = (c: Case) => routeSteps(c).map((s) => s.key);
const base: Case = { state: 'qa_investigation', closure: null, engineering_requested: false, engineering_opinion: null };

describe('the route of a case', () => {
  it('has engineering only when it was asked for', () => {
    expect(keys(base)).not.toContain('engineering');
    expect(keys({ ...base, engineering_requested: true })).toContain('engineering');
    expect(keys(base)).toEqual([
      'intake',
      'registration',
      'qa',
      'countermeasure',
      'review',
      'proposal',
      'consolidation',
      'approval',
      'customer',
      'countersign',
      'close',
    ]);
  });

  it('takes the short route when QA finds the complaint not valid', () => {
    expect(keys({ ...base, state: 'invalid_notice' })).toEqual(['intake', 'registration', 'qa', 'invalidNotice', 'close']);
    expect(keys({ ...base, state: 'closed', closure: 'invalid' })).toContain('invalidNotice');
    expect(keys({ ...base, state: 'invalid_notice' })).not.toContain('countersign');
  });

  it('finds the current step; a closed case is past the end', () => {
    const steps = routeSteps(base);
    expect(currentStepIndex(steps, 'draft')).toBe(0);
    expect(currentStepIndex(steps, 'pending_approval')).toBe(7);
    expect(currentStepIndex(steps, 'awaiting_countersign')).toBe(9);
    expect(currentStepIndex(steps, 'awaiting_close')).toBe(10);
    expect(currentStepIndex(steps, 'closed')).toBe(11);
    expect(reached(steps, 'consolidation', 'sales_proposal')).toBe(true);
    expect(reached(steps, 'qa_investigation', 'sales_proposal')).toBe(false);
  });

  it('marks the steps a case was sent back to', () => {
    const event = (action: string, to_state: string) => ({ action, to_state, seq: 1, at: '', body: {} }) as unknown as Schemas['EventView'];
    const steps = routeSteps(base);
    const marked = returnedSteps(steps, [event('register', 'qa_investigation'), event('reject', 'sales_proposal'), event('return_to_sales', 'draft')]);
    expect([...marked].sort()).toEqual(['intake', 'proposal']);
    // Sent back from awaiting close: the countersign step is marked.
    expect([...returnedSteps(steps, [event('send_back', 'awaiting_countersign')])]).toEqual(['countersign']);
    // The GM's petition decision sends the case back only when it names a step.
    const decided = (from_state: string, to_state: string) => ({ ...event('decide_petition', to_state), from_state }) as Schemas['EventView'];
    expect([...returnedSteps(steps, [decided('awaiting_close', 'awaiting_close')])]).toEqual([]);
    expect([...returnedSteps(steps, [decided('awaiting_close', 'coordinator_review')])]).toEqual(['review']);
  });
});
