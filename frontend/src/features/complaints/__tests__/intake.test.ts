import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { defectRatePercent, fromComplaint, toIntakeRequest } from '../lib/intake';

describe('the complaint form', () => {
  it('derives the defect rate with two decimals, half up, as the server does', () => {
    expect(defectRatePercent(1000, 25)).toBe('2.50');
    expect(defectRatePercent(400, 12)).toBe('3.00');
    expect(defectRatePercent(3, 1)).toBe('33.33');
    expect(defectRatePercent(3, 2)).toBe('66.67');
    expect(defectRatePercent(8, 1)).toBe('12.50');
    expect(defectRatePercent(20000, 1)).toBe('0.01');
    expect(defectRatePercent(200000, 1)).toBe('0.00');
    expect(defectRatePercent(0, 0)).toBeNull();
    expect(defectRatePercent(null, 3)).toBeNull();
    expect(defectRatePercent(10, undefined)).toBeNull();
  });

  it('sends trimmed texts, nulls for empty fields and a plain ship date', () => {
    expect(
      toIntakeRequest({
        customer_id: 1,
        order_number: '  SO-1 ',
        product_number: '',
        ship_date: dayjs('2026-11-18'),
        quantity_shipped: 1000,
        defective_quantity: null,
        requests: ['compensation'],
        claim_amount: ' 120000.00 ',
        has_sample: false,
        sample_return_required: true,
      }),
    ).toEqual({
      customer_id: 1,
      market: null,
      channel: null,
      order_number: 'SO-1',
      product_number: null,
      product_spec: null,
      ship_date: '2026-11-18',
      quantity_shipped: 1000,
      defective_quantity: null,
      found_at: null,
      description: null,
      requests: ['compensation'],
      request_quantity_undetermined: false,
      claim_amount: '120000.00',
      has_sample: false,
      sample_return_required: false,
    });
  });

  it('loads a saved draft back into the form', () => {
    const draft = {
      customer: { id: 3, name: 'x' },
      market: 'foreign',
      intake: {
        order_number: 'SO-9',
        product_number: 'P-1',
        product_spec: null,
        ship_date: '2026-11-13',
        quantity_shipped: 400,
        defective_quantity: 12,
        found_at: '来料检验',
        description: 'd',
        requests: ['return'],
        request_quantity_undetermined: true,
        claim_amount: { amount: '12000.00', currency: 'CNY' },
        channel: 'phone',
        has_sample: true,
        sample_return_required: true,
      },
    } as unknown as Schemas['ComplaintView'];
    const values = fromComplaint(draft);
    expect(values.ship_date?.format('YYYY-MM-DD')).toBe('2026-11-13');
    expect(toIntakeRequest(values)).toMatchObject({
      customer_id: 3,
      market: 'foreign',
      claim_amount: '12000.00',
      request_quantity_undetermined: true,
      sample_return_required: true,
      product_spec: null,
    });
  });
});
