import type { Schemas } from '../../../api/types';

type Letter = Schemas['LetterView'];

/** 2 天 3 小时 5 分. */
export const LATE = 2 * 1440 + 3 * 60 + 5;

/** A reminder the system sent: the countermeasure step of case 2612-0007 still waits past its deadline. */
export function reminderView(overrides: Partial<Letter> = {}): Letter {
  return {
    id: 31,
    kind: 'reminder',
    number: 'CB2612-0001',
    complaint: { id: 7, name: '2612-0007' },
    customer: { id: 1, name: '苏州精密机械有限公司' },
    clock: 'step',
    level: 2,
    step: 'production_countermeasure',
    department: { id: 5, name: '制造部' },
    due_at: '2026-12-05T02:00:00Z',
    late_minutes: LATE,
    pending: true,
    issued_at: '2026-12-07T05:05:00Z',
    issued_by: null,
    answer: null,
    answered_by: null,
    answered_at: null,
    can_answer: false,
    version: 1,
    ...overrides,
  };
}

/** The inquiry sent when the case closed late, waiting for the late department's reason. */
export function inquiryView(overrides: Partial<Letter> = {}): Letter {
  return reminderView({
    id: 32,
    kind: 'inquiry',
    number: 'QB2612-0001',
    clock: 'case',
    level: 3,
    late_minutes: 90,
    issued_at: '2026-12-10T01:00:00Z',
    issued_by: { id: 6, name: '周统筹' },
    can_answer: true,
    version: 3,
    ...overrides,
  });
}

/** The same inquiry answered. */
export function answeredInquiry(answer: string, overrides: Partial<Letter> = {}): Letter {
  return inquiryView({
    pending: false,
    answer,
    answered_by: { id: 5, name: '王生产' },
    answered_at: '2026-12-11T02:30:00Z',
    can_answer: false,
    version: 4,
    ...overrides,
  });
}
