import { describe, expect, it } from 'vitest';
import { mayDecidePetitions, petitionActionBody, petitionBody } from '../lib/petition';

describe('petition bodies', () => {
  it('trims the texts and sends no step when none was picked', () => {
    expect(petitionBody({ subject: ' 责任判定异议 ', content: ' 请重新判定 ' })).toEqual({ subject: '责任判定异议', content: '请重新判定', return_to: null });
    expect(petitionBody({ subject: 'a', content: 'b', return_to: 'qa_investigation' })).toMatchObject({ return_to: 'qa_investigation' });
  });

  it('sends the decision and the step to decide, nothing to withdraw', () => {
    expect(petitionActionBody('decide', { decision: ' 同意 ', return_to: 'sales_proposal' })).toEqual({ decision: '同意', return_to: 'sales_proposal' });
    expect(petitionActionBody('decide', { decision: '维持原判' })).toEqual({ decision: '维持原判', return_to: null });
    expect(petitionActionBody('withdraw', { decision: 'x', return_to: 'draft' })).toEqual({});
  });

  it('gives the box to the general manager only', () => {
    expect(mayDecidePetitions(['gm'])).toBe(true);
    expect(mayDecidePetitions(['deputy_gm', 'qa_manager'])).toBe(false);
    expect(mayDecidePetitions(undefined)).toBe(false);
  });
});
