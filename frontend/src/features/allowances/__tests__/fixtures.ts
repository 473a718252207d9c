import type { Schemas } from '../../../api/types';

type View = Schemas['AllowanceView'];
type Event = Schemas['AllowanceEventView'];

export const money = (amount: string) => ({ amount, currency: 'CNY' });

export function event(seq: number, action: Event['action'], from: Event['from_state'], to: Event['to_state'], actor: string, at: string, note: string | null = null): Event {
  return { seq, action, from_state: from, to_state: to, actor: { id: seq, name: actor }, at, note };
}

const raised = event(1, 'create', null, 'manager_review', '张业务', '2026-12-06T02:00:00Z');
const byManager = event(2, 'approve', 'manager_review', 'gm_review', '韩经理', '2026-12-07T02:00:00Z');
const byGm = event(3, 'approve', 'gm_review', 'approved', '郑总', '2026-12-08T02:00:00Z');
const signed = event(4, 'sign', 'approved', 'signed', '张业务', '2026-12-09T02:00:00Z');
const booked = event(5, 'book', 'signed', 'booked', '钱会计', '2026-12-10T02:00:00Z', '记-1206-015');

/** A certificate (AllowanceView) for tests: a discount on complaint 2611-0007's first line, with the sales manager. */
export function allowanceView(overrides: Partial<View> = {}): View {
  return {
    id: 21,
    number: 'ZR2612-0001',
    state: 'manager_review',
    kind: 'discount',
    complaint: { id: 7, name: '2611-0007' },
    complaint_line: 0,
    customer: { id: 1, name: '苏州精密机械有限公司' },
    sales_department: { id: 1, name: '业务一部' },
    raised_by: { id: 1, name: '张业务' },
    amount: money('1000.00'),
    invoice_number: 'No. 04512231',
    reason: '依客户抱怨处理单核决折让',
    refusal_reason: null,
    decided_at: null,
    signer: null,
    signed_on: null,
    proof_kind: null,
    proof_reference: null,
    voucher: null,
    booked_by: null,
    step_due_at: null,
    overdue: false,
    step_extended: false,
    booked_at: null,
    created_at: '2026-12-06T02:00:00Z',
    available_actions: [],
    history: [raised],
    version: 3,
    ...overrides,
  };
}

/** The certificate at each later state, with the history that led there. */
export function at(state: 'gm_review' | 'approved' | 'signed' | 'booked', overrides: Partial<View> = {}): View {
  const signing = { signer: '王建国', signed_on: '2026-12-09', proof_kind: 'stamped_copy' as const, proof_reference: 'No. 2612-07' };
  switch (state) {
    case 'gm_review':
      return allowanceView({ state, history: [raised, byManager], ...overrides });
    case 'approved':
      return allowanceView({ state, decided_at: byGm.at, history: [raised, byManager, byGm], ...overrides });
    case 'signed':
      return allowanceView({ state, decided_at: byGm.at, ...signing, history: [raised, byManager, byGm, signed], ...overrides });
    case 'booked':
      return allowanceView({
        state,
        decided_at: byGm.at,
        ...signing,
        voucher: '记-1206-015',
        booked_by: { id: 5, name: '钱会计' },
        booked_at: booked.at,
        history: [raised, byManager, byGm, signed, booked],
        ...overrides,
      });
  }
}

/** The list row of a certificate. */
export function summary(a: View): Schemas['AllowanceSummary'] {
  return { id: a.id, number: a.number, state: a.state, kind: a.kind, complaint: a.complaint, complaint_line: a.complaint_line, customer: a.customer, raised_by: a.raised_by, amount: a.amount, created_at: a.created_at };
}
