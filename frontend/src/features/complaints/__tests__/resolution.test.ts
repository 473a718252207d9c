import { describe, expect, it } from 'vitest';
import { fromLineView, lineSettlement, resolutionApproved, settlementTotal, toLineRequest } from '../lib/resolution';

describe('resolution lines', () => {
  it('values each kind of line exactly (domain.md §4.5)', () => {
    expect(lineSettlement({ kind: 'compensation', amount: '120000.00' })).toBe('120000.00');
    expect(lineSettlement({ kind: 'discount', amount: '0.1' })).toBe('0.10');
    expect(lineSettlement({ kind: 'return', quantity: 3, unit_price: '0.10' })).toBe('0.30');
    expect(lineSettlement({ kind: 'resend', quantity: 120, unit_price: '33.33' })).toBe('3999.60');
    expect(lineSettlement({ kind: 'rework', amount: '1000', transport_cost: '250.55' })).toBe('1250.55');
    expect(lineSettlement({ kind: 'rework', amount: '1000' })).toBe('1000.00');
  });

  it('is null while a line is incomplete or malformed', () => {
    expect(lineSettlement({ kind: 'compensation' })).toBeNull();
    expect(lineSettlement({ kind: 'return', quantity: 3 })).toBeNull();
    expect(lineSettlement({ kind: 'return', quantity: 0, unit_price: '1.00' })).toBeNull();
    expect(lineSettlement({ kind: 'discount', amount: '1.005' })).toBeNull();
    expect(lineSettlement({ kind: 'discount', amount: '-5' })).toBeNull();
    expect(lineSettlement({ kind: 'rework', amount: '10', transport_cost: 'abc' })).toBeNull();
    expect(lineSettlement({ amount: '10' })).toBeNull();
  });

  it('totals in fen without floating point drift', () => {
    const lines = [
      { kind: 'discount' as const, amount: '0.10' },
      { kind: 'discount' as const, amount: '0.20' },
      { kind: 'compensation' as const, amount: '99999999999.99' },
    ];
    expect(settlementTotal(lines)).toEqual({ settlement: '100000000000.29', complete: true });
  });

  it('says when the total is not final yet', () => {
    expect(settlementTotal([{ kind: 'compensation', amount: '5' }, { kind: 'return', quantity: 2 }])).toEqual({
      settlement: '5.00',
      complete: false,
    });
    expect(settlementTotal([])).toEqual({ settlement: '0.00', complete: false });
  });

  it('sends only the inputs of the line kind, trimmed', () => {
    expect(toLineRequest({ kind: 'return', quantity: 5, unit_price: ' 12.50 ', amount: '999', remarks: ' ' })).toEqual({
      kind: 'return',
      quantity: 5,
      unit_price: '12.50',
      remarks: null,
    });
    expect(toLineRequest({ kind: 'rework', amount: '80', transport_cost: '', quantity: 3 })).toEqual({
      kind: 'rework',
      amount: '80',
      transport_cost: null,
      remarks: null,
    });
  });

  it('turns recorded lines back into editable drafts', () => {
    const money = (amount: string) => ({ amount, currency: 'CNY' });
    expect(
      fromLineView({ kind: 'resend', quantity: 4, unit_price: money('2.50'), settlement: money('10.00'), loss: money('10.00'), remarks: 'x' }),
    ).toEqual({ kind: 'resend', quantity: 4, unit_price: '2.50', amount: null, transport_cost: null, remarks: 'x' });
  });

  it('counts the approval as standing from the customer negotiation to the closure, countersign included', () => {
    const approval = { approved_at: '2026-12-01T02:00:00Z' } as Parameters<typeof resolutionApproved>[0]['approval'];
    for (const state of ['customer_negotiation', 'awaiting_countersign', 'awaiting_close', 'closed'] as const) {
      expect(resolutionApproved({ state, approval }), state).toBe(true);
    }
    expect(resolutionApproved({ state: 'sales_proposal', approval })).toBe(false);
    expect(resolutionApproved({ state: 'awaiting_countersign', approval: { ...approval, approved_at: null } })).toBe(false);
  });
});
