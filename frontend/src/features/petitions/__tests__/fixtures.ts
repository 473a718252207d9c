import type { Schemas } from '../../../api/types';
import { approvedComplaint } from '../../returns/__tests__/fixtures';

type Petition = Schemas['PetitionView'];

/** The case, registered and open (the customer is negotiating). */
export function openComplaint() {
  return approvedComplaint();
}

/** The same case, closed resolved. */
export function closedComplaint() {
  return { ...approvedComplaint(), state: 'closed', closure: 'resolved', step_due_at: null, step_overdue: false, available_actions: [], closed_at: '2026-12-15T02:00:00Z' };
}

/** The QA manager's petition, waiting for the general manager. */
export function petitionView(overrides: Partial<Petition> = {}): Petition {
  return {
    id: 3,
    complaint: { id: 7, name: '2611-0007' },
    department: { id: 4, name: '品保部' },
    state: 'pending',
    subject: '责任判定异议',
    content: '冲压模具已于上月更换，不良应属来料问题，请重新判定责任。',
    return_to: 'qa_investigation',
    raised_by: { id: 4, name: '刘品保' },
    raised_at: '2026-12-10T02:00:00Z',
    decided_by: null,
    decided_at: null,
    decision: null,
    returned_to: null,
    available_actions: [],
    version: 1,
    ...overrides,
  };
}

/** An earlier petition the general manager decided, sending the case back. */
export function decidedPetition(overrides: Partial<Petition> = {}): Petition {
  return petitionView({
    id: 2,
    department: { id: 1, name: '业务一部' },
    state: 'decided',
    subject: '处理意见异议',
    content: '客户要求的赔偿超出合同约定。',
    return_to: 'sales_proposal',
    raised_by: { id: 2, name: '李经理' },
    raised_at: '2026-12-01T02:00:00Z',
    decided_by: { id: 11, name: '郑总' },
    decided_at: '2026-12-02T06:30:00Z',
    decision: '同意，重新拟定处理意见',
    returned_to: 'sales_proposal',
    version: 2,
    ...overrides,
  });
}

export function petitionsView(items: Petition[], overrides: Partial<Schemas['PetitionsView']> = {}): Schemas['PetitionsView'] {
  return { items, can_raise: false, return_targets: ['pending_approval', 'consolidation', 'sales_proposal', 'qa_investigation'], ...overrides };
}

export function petitionSummary(id: number, overrides: Partial<Schemas['PetitionSummary']> = {}): Schemas['PetitionSummary'] {
  return {
    id,
    complaint: { id: id + 6, name: `2611-000${id + 6}` },
    product_number: `BRK-${id}`,
    case_state: 'customer_negotiation',
    department: { id: 4, name: '品保部' },
    state: 'pending',
    subject: '责任判定异议',
    raised_by: { id: 4, name: '刘品保' },
    raised_at: `2026-12-0${id}T02:00:00Z`,
    ...overrides,
  };
}
