import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Schemas } from '../../../api/types';

export function summary(overrides: Partial<Schemas['RunSummary']> = {}): Schemas['RunSummary'] {
  return {
    id: 3,
    month: '2026-11',
    state: 'confirming',
    policy_version: 2,
    comment: null,
    created_at: '2026-12-03T02:00:00Z',
    approved_at: null,
    published_at: null,
    version: 4,
    ...overrides,
  };
}

export function item(overrides: Partial<Schemas['ItemView']> = {}): Schemas['ItemView'] {
  return {
    id: 11,
    complaint_id: 7,
    complaint_number: '2611-0007',
    kind: 'share',
    department_id: 5,
    department_name: '制造部',
    team_id: 1,
    team_name: '冲压一班',
    person_id: null,
    person_name: null,
    ratio_percent: 60,
    loss: '20000.00',
    burden: '12000.00',
    sanction: 'warning',
    sanction_count: 1,
    negligence: false,
    state: 'pending',
    dispute_reason: null,
    decision: null,
    deferred_to: null,
    version: 2,
    available_actions: [],
    ...overrides,
  };
}

/** Case 2611-0007 shared 60/40 by 冲压一班 and 张业务, a second case, and a late fine. */
export const items = [
  item(),
  item({ id: 12, department_id: 8, department_name: '业务一部', team_id: null, team_name: null, person_id: 21, person_name: '张业务', ratio_percent: 40, burden: '8000.00', sanction: 'self_criticism', version: 1 }),
  item({ id: 13, complaint_id: 9, complaint_number: '2611-0009', loss: '150000.00', burden: '150000.00', ratio_percent: 100, sanction: 'minor_demerit', negligence: true, state: 'confirmed', version: 3 }),
  item({ id: 14, complaint_id: 10, complaint_number: '2609-0010', kind: 'late_fine', team_id: null, team_name: null, ratio_percent: 0, loss: '0.00', burden: '1000.00', sanction: null, sanction_count: null, state: 'confirmed', version: 1 }),
];

export const charges: Schemas['ChargeView'][] = [
  { user_id: 31, display_name: '孙制造', department_name: '制造部', item_id: 13, complaint_number: '2611-0009', kind: 'sanction', sanction: 'minor_demerit', sanction_count: 1, amount: '1200.00' },
  { user_id: 31, display_name: '孙制造', department_name: '制造部', item_id: 11, complaint_number: '2611-0007', kind: 'deduction', sanction: null, sanction_count: null, amount: '12000.00' },
  { user_id: 40, display_name: '钟生管', department_name: '制造部', item_id: 13, complaint_number: '2611-0009', kind: 'supervisor', sanction: 'warning', sanction_count: 2, amount: '800.00' },
];

export function ledgerRow(overrides: Partial<Schemas['LedgerView']> = {}): Schemas['LedgerView'] {
  return {
    user_id: 31,
    display_name: '孙制造',
    department_name: '制造部',
    month: '2026-11',
    bonus: '3000.00',
    carried_in: '148500.00',
    charged: '13200.00',
    deducted: '1500.00',
    carried_on: '160200.00',
    ...overrides,
  };
}

export const ledger = [ledgerRow(), ledgerRow({ user_id: 40, display_name: '钟生管', carried_in: '0.00', charged: '800.00', deducted: '800.00', carried_on: '0.00', bonus: '6000.00' })];

/** What `item_counts` says of `list`. */
export function countsOf(list: readonly Schemas['ItemView'][]): Schemas['ItemCounts'] {
  const of = (state: Schemas['ItemState']) => list.filter((i) => i.state === state).length;
  return { total: list.length, pending: of('pending'), confirmed: of('confirmed'), disputed: of('disputed'), settled: of('settled'), deferred: of('deferred') };
}

/** A whole run as the server holds it (every item, one page); `item_counts` follows `items` unless given. */
export function runView(overrides: Partial<Schemas['RunView']> = {}): Schemas['RunView'] {
  const list = overrides.items ?? items;
  return { ...summary(), items: list, items_next: null, item_counts: countsOf(list), charges: [], ledger: [], available_actions: [], ...overrides };
}

/**
 * GET /penalty-runs/{id} as the server answers it from the whole `run`:
 * `department_id` filters the items and the counts, `item_state` the items
 * only; then a page of `limit` (or `pageSize`, a server that pages by less)
 * after the item `after`; the charges of the page's items.
 */
export function pageOf(run: Schemas['RunView'], search: string, pageSize = 200): Schemas['RunView'] {
  const q = new URLSearchParams(search);
  const department = q.get('department_id');
  const state = q.get('item_state');
  const after = Number(q.get('after') ?? 0);
  const limit = Math.min(Number(q.get('limit') ?? 200), pageSize);
  const readable = run.items.filter((i) => department === null || i.department_id === Number(department));
  const matching = readable.filter((i) => (state === null || i.state === state) && i.id > after).sort((a, b) => a.id - b.id);
  const page = matching.slice(0, limit);
  const ids = new Set(page.map((i) => i.id));
  return {
    ...run,
    items: page,
    items_next: matching.length > limit ? page[page.length - 1]!.id : null,
    item_counts: countsOf(readable),
    charges: run.charges.filter((c) => ids.has(c.item_id)),
  };
}

export const departments: Schemas['DepartmentView'][] = [
  { id: 5, code: 'production', name: '制造部', kind: 'production', active: true, version: 1 },
  { id: 8, code: 'sales-1', name: '业务一部', kind: 'sales', active: true, version: 1 },
  { id: 3, code: 'quality', name: '品保部', kind: 'quality', active: true, version: 1 },
];

export const publication: Schemas['PublicationList'] = {
  run: summary({ state: 'approved', approved_at: '2026-12-08T02:00:00Z' }),
  rows: [
    { subject: '张业务', department_name: '业务一部', complaint_number: '2611-0007', role: 'party', burden: '8000.00', sanction: 'self_criticism', sanction_count: 1, fine: '200.00' },
    { subject: '冲压一班', department_name: '制造部', complaint_number: '2611-0009', role: 'party', burden: '150000.00', sanction: 'minor_demerit', sanction_count: 1, fine: null },
    { subject: '钟生管', department_name: '制造部', complaint_number: '2611-0009', role: 'supervisor', burden: '150000.00', sanction: 'warning', sanction_count: 2, fine: '800.00' },
  ],
};

export const deductions: Schemas['DeductionList'] = {
  run: summary({ state: 'approved', approved_at: '2026-12-08T02:00:00Z' }),
  people: ledger,
  departments: [{ department_name: '品保部', complaint_number: '2609-0010', amount: '1000.00' }],
  deducted_total: '2300.00',
  carried_on_total: '160200.00',
  department_fines_total: '1000.00',
};

/** Picks `text` in the select labelled `label`. */
export async function choose(user: { click: (el: Element) => Promise<void> }, label: string, text: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: label }).closest('.ant-select-selector')!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) => el.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  await user.click(option);
}

/** The texts of the cells of the table row that holds `text`. */
export const rowOf = (text: string) => screen.getAllByText(text)[0]!.closest('tr')!;
export const cellsOf = (text: string) => [...rowOf(text).querySelectorAll('td')].map((c) => c.textContent);
