import type { Schemas } from '../../../api/types';
import { approvedComplaint } from '../../returns/__tests__/fixtures';

type Marks = Schemas['MarksView'];
type Check = Schemas['CheckView'];

/** The case, registered and open (the customer is negotiating). */
export function openComplaint() {
  return approvedComplaint();
}

/** The same case, closed resolved: its close scheduled the effectiveness check. */
export function closedComplaint() {
  return {
    ...approvedComplaint(),
    state: 'closed',
    closure: 'resolved',
    step_due_at: null,
    step_overdue: false,
    available_actions: [],
    closed_at: '2026-12-15T02:00:00Z',
  };
}

export function marksView(overrides: Partial<Marks> = {}): Marks {
  return {
    complaint_id: 7,
    human_negligence: null,
    irrational: null,
    can_mark_negligence: false,
    can_mark_irrational: false,
    version: 0,
    ...overrides,
  };
}

export const negligence = { reason: '操作员漏贴标签，属个人疏忽', by: { id: 4, name: '刘品保' }, at: '2026-12-05T02:00:00Z' };
export const irrational = {
  level: 'first' as const,
  follow: 'monitor' as const,
  reason: '客户要求超出合同约定的检验标准',
  by: { id: 9, name: '王协调' },
  at: '2026-12-06T03:30:00Z',
};

export function checkView(overrides: Partial<Check> = {}): Check {
  return {
    id: 5,
    complaint: { id: 7, name: '2611-0007' },
    state: 'scheduled',
    due_on: '2027-01-14',
    overdue: false,
    actions: ['电镀槽加装温控报警', '每班点检槽温并记录'],
    works: null,
    no_new_problem: null,
    prevents_recurrence: null,
    evidence: null,
    checked_by: null,
    checked_at: null,
    follow_up: null,
    can_record: false,
    version: 1,
    ...overrides,
  };
}

/** The check as QA recorded it: one answer no, so it failed and raised case 12. */
export function failedCheck(overrides: Partial<Check> = {}): Check {
  return checkView({
    state: 'failed',
    works: true,
    no_new_problem: true,
    prevents_recurrence: false,
    evidence: '第 13 批仍有同样的起泡',
    checked_by: { id: 4, name: '刘品保' },
    checked_at: '2027-01-15T06:00:00Z',
    follow_up: { id: 12, name: '#12' },
    version: 2,
    ...overrides,
  });
}

export function checkSummary(id: number, overrides: Partial<Schemas['CheckSummary']> = {}): Schemas['CheckSummary'] {
  return {
    id,
    complaint: { id: id + 6, name: `2611-000${id + 6}` },
    product_number: `BRK-${id}`,
    state: 'scheduled',
    due_on: '2027-01-14',
    overdue: false,
    checked_at: null,
    follow_up_id: null,
    ...overrides,
  };
}

/** The production unit's request, waiting for the deputy GM. */
export function deferralView(overrides: Partial<Schemas['DeferralView']> = {}): Schemas['DeferralView'] {
  return {
    id: 3,
    complaint: { id: 7, name: '2611-0007' },
    state: 'requested',
    reason: '等待客户下批来料验证',
    follow: 'watch',
    until_on: '2027-03-31',
    requested_by: { id: 6, name: '赵制造' },
    requested_at: '2026-12-10T02:00:00Z',
    decided_by: null,
    decided_at: null,
    comment: null,
    available_actions: [],
    version: 1,
    ...overrides,
  };
}

/** An earlier request the GM refused. */
export function refusedDeferral(overrides: Partial<Schemas['DeferralView']> = {}): Schemas['DeferralView'] {
  return deferralView({
    id: 2,
    state: 'refused',
    reason: '客户尚未回复',
    follow: 'monitor',
    until_on: '2027-01-15',
    requested_at: '2026-12-01T02:00:00Z',
    decided_by: { id: 11, name: '郑总' },
    decided_at: '2026-12-02T06:30:00Z',
    comment: '请先催客户回复',
    version: 2,
    ...overrides,
  });
}

export function deferralSummary(id: number, overrides: Partial<Schemas['DeferralSummary']> = {}): Schemas['DeferralSummary'] {
  return {
    id,
    complaint: { id: id + 6, name: `2611-000${id + 6}` },
    product_number: `BRK-${id}`,
    state: 'requested',
    reason: '等待客户下批来料验证',
    until_on: '2027-03-31',
    requested_by: { id: 6, name: '赵制造' },
    requested_at: `2026-12-0${id}T02:00:00Z`,
    ...overrides,
  };
}
