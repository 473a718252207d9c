import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { parseReturnFilters, returnFiltersToParams } from '../lib/filters';
import { checkGrounds, linesTotal, toReturnInput } from '../lib/form';
import { problemText, returnFieldLabel } from '../lib/retail';
import { canonicalOriginals, inspectionBody, sameOriginals } from '../lib/service';
import { lineExcess, limitedQuantity, needsDecision, noteInput, noteSignatures, percentToBp, proofInput, toleratedExcess } from '../lib/note';
import { signatures } from '../lib/signoff';
import { nextState } from '../lib/states';
import { approvedReturn, event, noteHistory, noteView } from './fixtures';

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

describe('the rule set', () => {
  const standalone = { kind: 'exchange' as const, customer_id: 1, reason: 'r', lines: [{ product_number: 'x', quantity: 1, unit_price: '1' }] };
  const facts = { purchased_on: dayjs('2026-11-02'), invoice_number: ' No. 1 ', invoice_matches: true, unopened: true, shelf_life_until: null };

  it('sends a consumer application’s facts and no grounds, a business one its grounds and no facts', () => {
    const retail = toReturnInput({ ...standalone, rule_set: 'retail', retail: facts, grounds: ['below_standard'], eligibility: { within_warranty: 'a', below_standard: 'b' } }, null);
    expect(retail).not.toHaveProperty('eligibility');
    expect(retail).toMatchObject({
      rule_set: 'retail',
      retail: { purchased_on: '2026-11-02', invoice_number: 'No. 1', invoice_matches: true, unopened: true, defective: false, shelf_life_until: null },
    });
    const business = toReturnInput({ ...standalone, rule_set: 'business', retail: facts, grounds: ['below_standard'], eligibility: { within_warranty: 'a', below_standard: 'b' } }, null);
    expect(business).not.toHaveProperty('retail');
    expect(business).not.toHaveProperty('rule_set');
    expect(business.eligibility).toEqual({ within_warranty: 'a', below_standard: 'b', cannot_pay: null, major_change: null });
    // From a complaint line: always the contract grounds.
    expect(toReturnInput({ ...standalone, rule_set: 'retail', retail: facts }, { complaintId: 7, line: 0 })).not.toHaveProperty('retail');
  });

  it('names a refusal’s field as the form does', () => {
    const t = (key: string, o?: Record<string, unknown>) => (o ? `${key}(${Object.values(o).join('|')})` : key);
    expect(returnFieldLabel('retail.purchased_on', t)).toBe('returns.retail.purchasedOn');
    expect(returnFieldLabel('retail', t)).toBe('returns.ruleSet.retail');
    expect(returnFieldLabel('eligibility.cannot_pay', t)).toBe('returns.grounds.cannot_pay');
    expect(returnFieldLabel('kind', t)).toBe('returns.field.kind');
    expect(problemText({ field: 'retail.unopened', code: 'opened', message: 'm' }, t)).toBe('returns.retail.problem(returns.retail.unopened|validation.opened(m))');
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

describe('the return note', () => {
  it('sends the tolerance typed in percent as basis points, empty as none', () => {
    expect(percentToBp(2.5)).toBe(250);
    expect(percentToBp(0.01)).toBe(1);
    expect(percentToBp(12.34)).toBe(1234);
    expect(percentToBp(100)).toBe(10_000);
    expect(percentToBp(0)).toBe(0);
    expect(percentToBp(null)).toBeNull();
    expect(percentToBp(undefined)).toBeNull();
    expect(noteInput({ reason: ' 尺寸超差 ', handling: ' 重修 ', basis: ' TH2612-0001 ', tolerance_pct: 5 })).toEqual({
      reason: '尺寸超差',
      handling: '重修',
      basis: 'TH2612-0001',
      tolerance_bp: 500,
    });
    expect(proofInput({ kind: 'stamped_copy', reference: '  ' })).toEqual({ kind: 'stamped_copy', reference: null });
  });

  it('tolerates whole units only, as the server books them', () => {
    // 3 % of 990 is 29.7: 29 units.
    expect(toleratedExcess(990, 300)).toBe(29);
    const line = { product_number: 'A', approved: 990, received: 1019, booked: null };
    expect(lineExcess(line, 300)).toEqual({ over: 29, beyondTolerance: false });
    expect(lineExcess({ ...line, received: 1020 }, 300)).toEqual({ over: 30, beyondTolerance: true });
    expect(lineExcess({ ...line, received: 980 }, 300)).toEqual({ over: 0, beyondTolerance: false });
    expect(lineExcess({ ...line, received: null }, 300)).toEqual({ over: 0, beyondTolerance: false });
    expect(limitedQuantity({ ...line, received: 1100 }, 300)).toBe(1019);
    expect(limitedQuantity({ ...line, received: 500 }, 300)).toBe(500);
    expect(needsDecision(noteView({ applied_tolerance_bp: 300, lines: [line, { ...line, received: 1020 }] }))).toBe(true);
    expect(needsDecision(noteView({ applied_tolerance_bp: 300, lines: [line] }))).toBe(false);
  });

  it('signs each step by who took it, blank until then', () => {
    const r = approvedReturn({ note: noteView({ state: 'to_receive' }), history: noteHistory('verify_note') });
    expect(noteSignatures(r)).toEqual([
      { signer: 'issuer', name: '张业务', at: '2026-12-06T02:00:00Z' },
      { signer: 'verifier', name: '郭主管', at: '2026-12-07T02:00:00Z' },
      { signer: 'warehouse', name: null, at: null },
      { signer: 'accounting', name: null, at: null },
    ]);
    // Accounting's own check, not the approver's later decision on the excess.
    const decided = approvedReturn({
      note: noteView({ state: 'booked', booked_by: { id: 4, name: '郑总' }, booked_at: '2026-12-10T02:00:00Z' }),
      history: [...noteHistory('book'), event(20, 'accept_excess', 'approved', 'approved', '郑总', '2026-12-10T02:00:00Z')],
    });
    expect(noteSignatures(decided).map((s) => s.name)).toEqual(['张业务', '郭主管', '马仓管', '何会计']);
  });
});
