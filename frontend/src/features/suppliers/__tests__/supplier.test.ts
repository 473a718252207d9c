import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { decisionKind, isAnswerDay, isNewDueDay, mayChaseSuppliers, mayReviewSupplierAnswers, supplierActionBody, supplierPrintPath } from '../lib/supplier';

describe('supplier request bodies', () => {
  const today = dayjs('2026-12-15T10:00:00');

  it('sends each action only the fields it takes, trimmed, days as calendar days', () => {
    const values = { root_cause: ' 浇注温度偏低 ', actions: ' 增加炉温监控 ', answered_on: dayjs('2026-12-14'), comment: ' 未附数据 ', due_on: dayjs('2026-12-24') };
    expect(supplierActionBody('record_answer', values)).toEqual({ root_cause: '浇注温度偏低', actions: '增加炉温监控', answered_on: '2026-12-14' });
    expect(supplierActionBody('record_answer', { ...values, answered_on: null })).toEqual({ root_cause: '浇注温度偏低', actions: '增加炉温监控', answered_on: null });
    expect(supplierActionBody('accept', values)).toEqual({});
    expect(supplierActionBody('reject', values)).toEqual({ comment: '未附数据', due_on: '2026-12-24' });
    expect(supplierActionBody('reject', { comment: '未附数据' })).toEqual({ comment: '未附数据', due_on: null });
    expect(supplierActionBody('cancel', values)).toEqual({ comment: '未附数据' });
  });

  it('takes an answer day up to today and a new due date after today', () => {
    expect(isAnswerDay(dayjs('2026-12-15'), today)).toBe(true);
    expect(isAnswerDay(dayjs('2026-12-01'), today)).toBe(true);
    expect(isAnswerDay(dayjs('2026-12-16'), today)).toBe(false);
    expect(isNewDueDay(dayjs('2026-12-15'), today)).toBe(false);
    expect(isNewDueDay(dayjs('2026-12-16'), today)).toBe(true);
  });

  it('words the last decision by the state it left, and knows whose boxes they are', () => {
    expect(decisionKind('accepted')).toBe('accepted');
    expect(decisionKind('cancelled')).toBe('cancelled');
    expect(decisionKind('requested')).toBe('rejected');
    expect(decisionKind('answered')).toBe('rejected');
    expect(mayChaseSuppliers(['coordinator'])).toBe(true);
    expect(mayChaseSuppliers(['qa'])).toBe(false);
    expect(mayReviewSupplierAnswers(['qa'])).toBe(true);
    expect(mayReviewSupplierAnswers(['qa_manager'])).toBe(true);
    expect(mayReviewSupplierAnswers(['coordinator', 'sales'])).toBe(false);
    expect(supplierPrintPath({ id: 5, complaint: { id: 7, name: '2611-0007' } })).toBe('/complaints/7/supplier-requests/5/print');
  });
});
