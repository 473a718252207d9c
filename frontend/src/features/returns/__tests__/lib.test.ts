import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { parseReturnFilters, returnFiltersToParams } from '../lib/filters';
import { checkGrounds, linesTotal, toReturnInput } from '../lib/form';
import { canonicalOriginals, inspectionBody, sameOriginals } from '../lib/service';
import { signatures } from '../lib/signoff';
import { nextState } from '../lib/states';
import { event } from './fixtures';

describe('grounds', () => {
  it('need A and one of B/C/D, each ticked ground with its basis', () => {
    expect(checkGrounds({})).toEqual({ eligible: false, missing: ['within_warranty', 'other'] });
    expect(checkGrounds({ eligibility: { within_warranty: ' 保修卡 ' } }).missing).toEqual(['other']);
    expect(checkGrounds({ grounds: ['cannot_pay', 'major_change'], eligibility: { within_warranty: 'a', cannot_pay: 'c', major_change: ' ' } }).missing).toEqual([
      'major_change',
    ]);
    // A basis typed for a box left unticked claims nothing.
    expect(checkGrounds({ grounds: [], eligibility: { within_warranty: 'a', below_standard: 'b' } }).eligible).toBe(false);
    expect(checkGrounds({ grounds: ['below_standard'], eligibility: { within_warranty: 'a', below_standard: 'b' } })).toEqual({ eligible: true, missing: [] });
  });
});

describe('lines', () => {
  it('total exactly, and say when a line is incomplete', () => {
    expect(linesTotal([{ quantity: 3, unit_price: '0.10' }, { quantity: 1, unit_price: '0.20' }])).toEqual({ total: '0.50', complete: true });
    expect(linesTotal([{ quantity: 3, unit_price: '0.10' }, { quantity: 0, unit_price: '1' }])).toEqual({ total: '0.30', complete: false });
    expect(linesTotal([{ quantity: 2, unit_price: '1.005' }])).toEqual({ total: '0.00', complete: false });
  });

  it('are not sent for an application from a complaint line', () => {
    const body = toReturnInput({ kind: 'return', customer_id: 1, reason: ' r ', lines: [{ product_number: 'x', quantity: 1, unit_price: '1' }] }, { complaintId: 7, line: 0 });
    expect(body).toEqual({
      reason: 'r',
      sample_unit: false,
      eligibility: { within_warranty: null, below_standard: null, cannot_pay: null, major_change: null },
      complaint_id: 7,
      complaint_line: 0,
      lines: [],
    });
  });
});

describe('sign-off', () => {
  it('takes the raiser from the submit and each approver from the approval at their step', () => {
    const history = [
      event(2, 'submit', 'draft', 'supervisor_review', '张业务', '2026-12-01T03:00:00Z'),
      event(3, 'approve', 'supervisor_review', 'marketing_review', '郭主管', '2026-12-02T03:00:00Z'),
      event(4, 'refuse', 'marketing_review', 'refused', '韩经理', '2026-12-03T03:00:00Z'),
    ];
    expect(signatures(history)).toEqual([
      { signer: 'applicant', name: '张业务', at: '2026-12-01T03:00:00Z' },
      { signer: 'supervisor', name: '郭主管', at: '2026-12-02T03:00:00Z' },
      { signer: 'marketing', name: null, at: null },
      { signer: 'gm', name: null, at: null },
    ]);
  });
});

describe('filters and states', () => {
  it('round-trip through the URL, dropping what they do not know', () => {
    const filters = parseReturnFilters(new URLSearchParams('box=to_act&state=approved&kind=nope&created_from=2026-12-01&created_to=x'));
    expect(filters).toEqual({ box: 'to_act', state: 'approved', created_from: '2026-12-01' });
    expect(returnFiltersToParams(filters).toString()).toBe('box=to_act&state=approved&created_from=2026-12-01');
    expect(returnFiltersToParams({ box: 'all' }).toString()).toBe('');
  });

  it('name the step an action leads to', () => {
    expect(nextState('draft', 'submit')).toBe('supervisor_review');
    expect(nextState('marketing_review', 'approve')).toBe('gm_approval');
    expect(nextState('gm_approval', 'approve')).toBe('approved');
    expect(nextState('gm_approval', 'extend')).toBeNull();
  });
});

describe('customer service', () => {
  it('sends the inspection trimmed: empty notes as null, parts as typed, the date as a calendar day', () => {
    expect(
      inspectionBody({
        function: 'good',
        function_note: '  ',
        appearance: 'defective',
        appearance_note: ' 外壳划伤 ',
        parts: [{ part: ' 遥控器 ', expected: 2, present: 0 }],
        signed_by: ' 王建国 ',
        signed_on: dayjs('2026-12-05'),
      }),
    ).toEqual({
      function: 'good',
      function_note: null,
      appearance: 'defective',
      appearance_note: '外壳划伤',
      parts: [{ part: '遥控器', expected: 2, present: 0 }],
      signed_by: '王建国',
      signed_on: '2026-12-05',
    });
  });

  it('keeps the originals in the form’s order, each once, and compares them as sets', () => {
    expect(canonicalOriginals(['packing_list', 'contract', 'contract'])).toEqual(['contract', 'packing_list']);
    expect(sameOriginals(['receipt', 'contract'], ['contract', 'receipt'])).toBe(true);
    expect(sameOriginals(['contract'], ['contract', 'receipt'])).toBe(false);
  });
});
