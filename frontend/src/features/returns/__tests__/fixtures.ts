import type { Schemas } from '../../../api/types';

const now = Date.now();
const HOUR = 3_600_000;
export const money = (amount: string) => ({ amount, currency: 'CNY' });

type Event = Schemas['ReturnEventView'];

export function event(seq: number, action: Event['action'], from: Event['from_state'], to: Event['to_state'], actor: string, at: string, note: string | null = null): Event {
  return { seq, action, from_state: from, to_state: to, actor: { id: seq, name: actor }, at, note };
}

/** A whole application (ReturnView) for tests: a draft of two items, grounds A and B. */
export function returnView(overrides: Partial<Schemas['ReturnView']> = {}): Schemas['ReturnView'] {
  return {
    id: 55,
    number: 'TH2612-0001',
    kind: 'return',
    state: 'draft',
    customer: { id: 1, name: '苏州精密机械有限公司' },
    complaint: null,
    complaint_line: null,
    order_number: 'SO-2026-118',
    sales_department: { id: 1, name: '业务一部' },
    raised_by: { id: 1, name: '张业务' },
    reason: '客户来料检验不合格，要求整批退货',
    sample_unit: false,
    lines: [
      { product_number: 'PCB-4L-1020', description: '四层板', quantity: 500, unit_price: money('12.50'), amount: money('6250.00') },
      { product_number: 'PCB-2L-0800', description: null, quantity: 100, unit_price: money('3.00'), amount: money('300.00') },
    ],
    total: money('6550.00'),
    eligibility: { within_warranty: '保修卡 2026-03-01 起一年', below_standard: '来料检验报告 IQC-118', cannot_pay: null, major_change: null, eligible: true, problems: [] },
    rule_set: 'business',
    retail: null,
    refund_due_on: null,
    retention_note: null,
    step_entered_at: new Date(now - HOUR).toISOString(),
    step_due_at: null,
    overdue: false,
    extended: false,
    extension_reason: null,
    refusal_reason: null,
    decided_at: null,
    created_at: '2026-12-01T02:00:00Z',
    available_actions: ['submit', 'withdraw'],
    inspection_needed: true,
    inspection: null,
    originals_collected: [],
    originals_missing: ['contract', 'receipt', 'delivery_note', 'warranty_card', 'packing_list'],
    can_inspect: false,
    can_collect_originals: false,
    note: null,
    can_issue_note: false,
    history: [event(1, 'create', null, 'draft', '张业务', '2026-12-01T02:00:00Z')],
    version: 3,
    ...overrides,
  };
}

/** A consumer's facts (零售退换货规则): bought 2026-10-01 with a matching invoice, unopened. */
export function retailFacts(overrides: Partial<NonNullable<Schemas['ReturnView']['retail']>> = {}): NonNullable<Schemas['ReturnView']['retail']> {
  return { purchased_on: '2026-10-01', invoice_number: 'No. 04512231', invoice_matches: true, unopened: true, defective: false, shelf_life_until: null, ...overrides };
}

/** A consumer draft bought too long ago: the server's refusal in `eligibility.problems`. */
export function retailDraft(overrides: Partial<Schemas['ReturnView']> = {}): Schemas['ReturnView'] {
  return returnView({
    rule_set: 'retail',
    retail: retailFacts(),
    eligibility: {
      within_warranty: null,
      below_standard: null,
      cannot_pay: null,
      major_change: null,
      eligible: false,
      problems: [{ field: 'retail.purchased_on', code: 'period_expired', message: 'more than 30 days since the purchase' }],
    },
    ...overrides,
  });
}

export const customers = [
  { id: 1, code: 'C-0001', name: '苏州精密机械有限公司', market: 'domestic', status: 'active' },
  { id: 2, code: 'C-0002', name: '宁波汽配制造有限公司', market: 'domestic', status: 'active' },
];

/** An approved complaint whose second line sends goods back (return, 200 × 45.00). */
export function approvedComplaint() {
  return {
    id: 7,
    number: '2611-0007',
    state: 'customer_negotiation',
    closure: null,
    version: 12,
    customer: { id: 1, name: '苏州精密机械有限公司' },
    customer_supply_hold: false,
    sales_department: { id: 1, name: '业务一部' },
    created_by: { id: 1, name: '张业务' },
    market: 'domestic',
    intake: {
      order_number: 'SO-2026-007',
      product_number: 'BRK-1',
      product_spec: 'Φ22×1.5 镀锌',
      defective_quantity: 250,
      requests: ['return'],
      request_quantity_undetermined: false,
      has_sample: false,
      sample_return_required: false,
    },
    is_major: false,
    step_entered_at: new Date(now - HOUR).toISOString(),
    step_due_at: new Date(now + 24 * HOUR).toISOString(),
    step_overdue: false,
    engineering_requested: false,
    eight_d: { required: false, state: null, can_open: false },
    responsibilities: [],
    containment: [],
    resolution: {
      lines: [
        { kind: 'compensation', amount: money('1000.00'), settlement: money('1000.00'), loss: money('1000.00') },
        { kind: 'return', quantity: 200, unit_price: money('45.00'), settlement: money('9000.00'), loss: money('9000.00') },
      ],
      settlement_total: money('10000.00'),
      loss_total: money('10000.00'),
    },
    approval: { tier: 1, approver_role: 'sales_manager', policy_version: 1, approved_by: { id: 2, name: '李经理' }, approved_at: new Date(now - 2 * HOUR).toISOString() },
    available_actions: ['record_outcome'],
    created_at: new Date(now - 48 * HOUR).toISOString(),
    updated_at: new Date(now - HOUR).toISOString(),
  };
}

const approvedHistory = [
  event(1, 'create', null, 'draft', '张业务', '2026-12-01T02:00:00Z'),
  event(2, 'submit', 'draft', 'supervisor_review', '张业务', '2026-12-01T03:00:00Z'),
  event(3, 'approve', 'supervisor_review', 'marketing_review', '郭主管', '2026-12-02T03:00:00Z'),
  event(4, 'approve', 'marketing_review', 'gm_approval', '韩经理', '2026-12-03T03:00:00Z'),
  event(5, 'approve', 'gm_approval', 'approved', '郑总', '2026-12-04T03:00:00Z'),
];

/** An approved application waiting for customer service (nothing inspected or collected yet). */
export function approvedReturn(overrides: Partial<Schemas['ReturnView']> = {}): Schemas['ReturnView'] {
  return returnView({ state: 'approved', available_actions: [], decided_at: '2026-12-04T03:00:00Z', history: approvedHistory, ...overrides });
}

/** The inspection customer service recorded: the function defective, one remote missing. */
export function inspection(): NonNullable<Schemas['ReturnView']['inspection']> {
  return {
    function: 'defective',
    function_note: '开机无显示',
    appearance: 'good',
    appearance_note: null,
    parts: [
      { part: '遥控器', expected: 2, present: 1, missing: 1 },
      { part: '底座', expected: 1, present: 1, missing: 0 },
    ],
    signed_by: '王建国',
    signed_on: '2026-12-05',
    inspected_by: { id: 12, name: '林客服' },
    inspected_at: '2026-12-05T06:30:00Z',
  };
}

/** Every original collected: nothing missing. */
export const allOriginals = {
  originals_collected: ['contract', 'receipt', 'delivery_note', 'warranty_card', 'packing_list'] as Schemas['Original'][],
  originals_missing: [] as Schemas['Original'][],
};

type Note = NonNullable<Schemas['ReturnView']['note']>;

/** A return note (成品退货单) of the two items, as issued: waiting for the supervisor's check; no tolerance of the order's own. */
export function noteView(overrides: Partial<Note> = {}): Note {
  return {
    number: 'CT2612-0001',
    state: 'issued',
    reason: '客户来料检验不合格，要求整批退货',
    handling: '退回成品仓，待品保判定后重修',
    basis: '客户退换货申请单 TH2612-0001',
    tolerance_bp: null,
    applied_tolerance_bp: 0,
    lines: [
      { product_number: 'PCB-4L-1020', description: '四层板', approved: 500, received: null, booked: null },
      { product_number: 'PCB-2L-0800', description: null, approved: 100, received: null, booked: null },
    ],
    issued_by: { id: 1, name: '张业务' },
    issued_at: '2026-12-06T02:00:00Z',
    received_by: null,
    received_at: null,
    booked_by: null,
    booked_at: null,
    proof_kind: null,
    proof_reference: null,
    proof_by: null,
    proof_at: null,
    can_record_proof: false,
    available_actions: [],
    step_due_at: null,
    overdue: false,
    step_extended: false,
    ...overrides,
  };
}

/** The history of an approved application, inspected and complete, with the note's steps up to `upTo`. */
export function noteHistory(upTo: 'issue_note' | 'verify_note' | 'receive' | 'record_proof' | 'book'): Schemas['ReturnEventView'][] {
  const steps: [Schemas['ReturnEvent'], string, string][] = [
    ['issue_note', '张业务', '2026-12-06T02:00:00Z'],
    ['verify_note', '郭主管', '2026-12-07T02:00:00Z'],
    ['receive', '马仓管', '2026-12-08T02:00:00Z'],
    ['record_proof', '张业务', '2026-12-08T06:00:00Z'],
    ['book', '何会计', '2026-12-09T02:00:00Z'],
  ];
  const upToIndex = steps.findIndex(([action]) => action === upTo);
  return [
    ...approvedHistory,
    event(6, 'inspect', 'approved', 'approved', '林客服', '2026-12-05T06:30:00Z'),
    event(7, 'collect_originals', 'approved', 'approved', '林客服', '2026-12-05T07:00:00Z'),
    ...steps.slice(0, upToIndex + 1).map(([action, actor, at], i) => event(8 + i, action, 'approved', 'approved', actor, at)),
  ];
}

type Handling = NonNullable<Schemas['ReturnView']['handling']>;

/** The handling (客户退换货处理单) of the two items as the warehouse received them (498 and 100): waiting for QA, nothing recorded. */
export function handlingView(overrides: Partial<Handling> = {}): Handling {
  return {
    state: 'qa_inspection',
    lines: [
      { product_number: 'PCB-4L-1020', description: '四层板', received: 498, reworked: null, re_received: null },
      { product_number: 'PCB-2L-0800', description: null, received: 100, reworked: null, re_received: null },
    ],
    qa_finding: null,
    qa_label: null,
    analysis: null,
    disposition: null,
    plan: null,
    cost: null,
    rejection: null,
    start_on: null,
    finish_on: null,
    production_unit: null,
    material_issue: null,
    waiting_for: ['qa', 'qa_manager'],
    available_actions: [],
    step_due_at: null,
    overdue: false,
    step_extended: false,
    ...overrides,
  };
}

/** Each department's part of a rework, as recorded. */
export const handlingParts = {
  qa: { qa_finding: '外观划伤 3 台，功能正常', qa_label: '待整改' },
  plan: { analysis: '电源板焊点虚焊', disposition: 'rework', plan: '更换电源板并老化测试 4 小时', cost: money('1200.00') },
  schedule: { start_on: '2026-12-10', finish_on: '2026-12-12', production_unit: '装配二线', material_issue: 'FL2612-0031' },
} satisfies Record<string, Partial<Handling>>;

/** The history of a received application with the handling's steps up to `upTo`. */
export function handlingHistory(upTo: 'receive' | 'qa_inspect' | 'plan' | 'approve_plan' | 'schedule' | 'complete_rework'): Schemas['ReturnEventView'][] {
  const steps: [Schemas['ReturnEvent'], string, string][] = [
    ['qa_inspect', '刘品保', '2026-12-09T02:00:00Z'],
    ['plan', '周研发', '2026-12-10T02:00:00Z'],
    ['approve_plan', '郑总', '2026-12-10T06:00:00Z'],
    ['schedule', '吴生管', '2026-12-11T02:00:00Z'],
    ['complete_rework', '孙制造', '2026-12-12T02:00:00Z'],
  ];
  const base = noteHistory('receive');
  const upToIndex = steps.findIndex(([action]) => action === upTo);
  return [...base, ...steps.slice(0, upToIndex + 1).map(([action, actor, at], i) => event(base.length + 1 + i, action, 'approved', 'approved', actor, at))];
}
