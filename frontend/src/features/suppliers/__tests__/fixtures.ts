import type { Schemas } from '../../../api/types';
import { approvedComplaint } from '../../returns/__tests__/fixtures';

type Request = Schemas['SupplierRequestView'];

/** The case: investigated, 70% on the casting supplier, the customer negotiating (with amounts the print must leave out). */
export function caseWithSupplier() {
  const c = approvedComplaint();
  return {
    ...c,
    intake: { ...c.intake, quantity_shipped: 5000, claim_amount: { amount: '12000.00', currency: 'CNY' } },
    investigation: { defect_verified: true, cause: '铸件砂眼' },
    responsibilities: [
      { department_id: 4, department_name: '品质管理部', ratio_percent: 70, supplier: '江苏华力铸造有限公司' },
      { department_id: 5, department_name: '制造部', team: '冲压一班', ratio_percent: 30, supplier: null },
    ],
  };
}

/** The same case, closed resolved: the requests stay actionable. */
export function closedCase() {
  return { ...caseWithSupplier(), state: 'closed', closure: 'resolved', step_due_at: null, step_overdue: false, available_actions: [], closed_at: '2026-12-15T02:00:00Z' };
}

/** The request raised when QA concluded, waiting for the supplier. */
export function requestView(overrides: Partial<Request> = {}): Request {
  return {
    id: 5,
    complaint: { id: 7, name: '2611-0007' },
    product_number: 'BRK-1',
    supplier: '江苏华力铸造有限公司',
    state: 'requested',
    problem: '支架表面砂眼，客户装配时漏气。',
    ratio_percent: 70,
    due_on: '2026-12-17',
    overdue: false,
    root_cause: null,
    actions: null,
    answered_on: null,
    answered_by: null,
    decided_by: null,
    decided_at: null,
    comment: null,
    raised_by: { id: 4, name: '刘品保' },
    raised_at: '2026-12-10T02:00:00Z',
    available_actions: [],
    version: 1,
    ...overrides,
  };
}

/** The supplier's answer, recorded by the coordinator, waiting for QA. */
export function answeredRequest(overrides: Partial<Request> = {}): Request {
  return requestView({
    state: 'answered',
    root_cause: '浇注温度偏低，型砂透气性不足',
    actions: '增加炉温监控；更换型砂供应批次',
    answered_on: '2026-12-14',
    answered_by: { id: 6, name: '周统筹' },
    version: 2,
    ...overrides,
  });
}

export function requestsView(items: Request[]): Schemas['SupplierRequestsView'] {
  return { items };
}
