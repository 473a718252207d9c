import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import {
  handlingBody,
  handlingFieldName,
  handlingSignatures,
  handlingSteps,
  initialHandlingValues,
  moneyString,
  orderHandlingActions,
  quantityLimits,
} from '../lib/handling';
import { handlingHistory, handlingParts, handlingView } from './fixtures';

describe('the handling (客户退换货处理单)', () => {
  it('names the steps a user’s roles take, as the server does', () => {
    expect(handlingSteps(['qa_manager'])).toEqual(['qa_inspection']);
    expect(handlingSteps(['production_manager'])).toEqual(['scheduling', 'rework']);
    expect(handlingSteps(['gm', 'warehouse'])).toEqual(['plan_approval', 're_receipt']);
    expect(handlingSteps(['sales', 'deputy_gm'])).toEqual([]);
    expect(handlingSteps(undefined)).toEqual([]);
  });

  it('orders the buttons: approving before sending back', () => {
    expect(orderHandlingActions(['reject_plan', 'approve_plan'])).toEqual(['approve_plan', 'reject_plan']);
  });

  it('limits each count: production to what was received, the warehouse to what was reworked (or received, without a rework)', () => {
    const lines = [
      { product_number: 'A', received: 10, reworked: 8 },
      { product_number: 'B', received: 5, reworked: 5 },
    ];
    const rework = handlingView({ disposition: 'rework', lines });
    expect(quantityLimits('complete_rework', rework)).toEqual([10, 5]);
    expect(quantityLimits('re_receive', rework)).toEqual([8, 5]);
    expect(quantityLimits('re_receive', handlingView({ disposition: 'scrap', lines }))).toEqual([10, 5]);
    expect(initialHandlingValues('re_receive', rework)).toEqual({ quantities: [8, 5] });
  });

  it('builds each action’s body with its own part only', () => {
    const h = handlingView();
    expect(handlingBody('inspect', { qa: { finding: ' 划伤 ', label: '待整改' }, comment: ' ' }, h)).toEqual({ qa: { finding: '划伤', label: '待整改' } });
    expect(handlingBody('plan', { plan: { analysis: 'a', disposition: 'restock', plan: ' ', cost: '12.5' } }, h)).toEqual({
      plan: { analysis: 'a', disposition: 'restock', plan: null, cost: '12.50' },
    });
    expect(
      handlingBody('schedule', { schedule: { start_on: dayjs('2026-12-10'), finish_on: dayjs('2026-12-12'), production_unit: ' 二线 ', material_issue: 'FL-1' } }, h),
    ).toEqual({ schedule: { start_on: '2026-12-10', finish_on: '2026-12-12', production_unit: '二线', material_issue: 'FL-1' } });
    expect(handlingBody('complete_rework', { quantities: [498, null] }, h)).toEqual({ quantities: [498, 0] });
    expect(handlingBody('approve_plan', { qa: { finding: 'x' } }, h)).toEqual({});
    expect(handlingBody('reject_plan', { comment: ' 费用过高 ' }, h)).toEqual({ comment: '费用过高' });
    // A disposition the form did not require cannot slip through as a guess.
    expect(() => handlingBody('plan', { plan: { analysis: 'a', cost: '1' } }, h)).toThrow('plan.disposition');
  });

  it('starts a new plan from the one sent back', () => {
    expect(initialHandlingValues('plan', handlingView({ ...handlingParts.plan, rejection: '费用过高' }))).toEqual({
      plan: { analysis: '电源板焊点虚焊', disposition: 'rework', plan: '更换电源板并老化测试 4 小时', cost: '1200.00' },
    });
    expect(initialHandlingValues('plan', handlingView())).toEqual({ plan: { analysis: '', disposition: undefined, plan: '', cost: '' } });
  });

  it('places the server’s messages: a part’s field on it, a whole part or list in the alert', () => {
    expect(handlingFieldName('plan.cost')).toBe('plan.cost');
    expect(handlingFieldName('quantities[1]')).toBe('quantities[1]');
    expect(handlingFieldName('comment')).toBe('comment');
    expect(handlingFieldName('quantities')).toBe('_quantities');
    expect(handlingFieldName('schedule')).toBe('_schedule');
  });

  it('writes money as the API does, leaving anything else to the server', () => {
    expect(moneyString(' 1200 ')).toBe('1200.00');
    expect(moneyString('0.5')).toBe('0.50');
    expect(moneyString('-5')).toBe('-5');
  });

  it('signs each step with its latest event', () => {
    expect(handlingSignatures({ history: handlingHistory('approve_plan') }).map((s) => [s.event, s.name])).toEqual([
      ['qa_inspect', '刘品保'],
      ['plan', '周研发'],
      ['approve_plan', '郑总'],
    ]);
  });
});
