import { describe, expect, it } from 'vitest';
import { initialMarks, marksBody, reasonField } from '../lib/marks';
import { irrational, marksView, negligence } from './fixtures';

describe('the marks a save sends', () => {
  it('sends back the mark the caller may not change exactly as it is', () => {
    const view = marksView({ human_negligence: negligence, irrational, can_mark_irrational: true });
    // The coordinator clears the irrational mark; QA's negligence mark stays.
    expect(marksBody(view, { irrational: { on: false } })).toEqual({ human_negligence: { reason: negligence.reason }, irrational: null });
    const qa = marksView({ irrational, can_mark_negligence: true });
    expect(marksBody(qa, { human_negligence: { on: true, reason: ' 漏贴 ' } })).toEqual({
      human_negligence: { reason: '漏贴' },
      irrational: { follow: 'monitor', reason: irrational.reason },
    });
  });

  it('starts the form from the marks as they are', () => {
    expect(initialMarks(marksView())).toEqual({ human_negligence: { on: false, reason: '' }, irrational: { on: false, follow: 'watch', reason: '' } });
    expect(initialMarks(marksView({ irrational })).irrational).toEqual({ on: true, follow: 'monitor', reason: irrational.reason });
  });

  it('places a bare `reason` error at the mark the save sets or changes', () => {
    const both = marksView({ human_negligence: negligence, can_mark_negligence: true, can_mark_irrational: true });
    expect(reasonField(both, { human_negligence: { reason: negligence.reason }, irrational: { follow: 'watch', reason: '' } })).toBe('irrational.reason');
    expect(reasonField(both, { human_negligence: { reason: '' }, irrational: null })).toBe('human_negligence.reason');
  });
});
