import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allowanceView, money, summary } from './fixtures';

const HOUR = 3_600_000;
const now = Date.now();

/** An approved complaint settled with a discount (line 1), a return (line 2) and a compensation (line 3). */
function approvedComplaint(overrides: Record<string, unknown> = {}) {
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
    intake: { requests: ['compensation'], request_quantity_undetermined: false, has_sample: false, sample_return_required: false, product_number: 'BRK-1' },
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
        { kind: 'discount', amount: money('1000.00'), settlement: money('1000.00'), loss: money('1000.00') },
        { kind: 'return', quantity: 200, unit_price: money('45.00'), settlement: money('9000.00'), loss: money('9000.00') },
        { kind: 'compensation', amount: money('2500.00'), settlement: money('2500.00'), loss: money('2500.00'), remarks: '停线损失赔偿' },
      ],
      settlement_total: money('12500.00'),
      loss_total: money('12500.00'),
    },
    approval: { tier: 1, approver_role: 'sales_manager', policy_version: 1, approved_by: { id: 2, name: '韩经理' }, approved_at: new Date(now - 2 * HOUR).toISOString() },
    available_actions: [],
    created_at: new Date(now - 48 * HOUR).toISOString(),
    updated_at: new Date(now - HOUR).toISOString(),
    ...overrides,
  };
}

/** Live on line 1; refused on line 3 (no longer covers it). */
const live = allowanceView();
const refused = allowanceView({ id: 23, number: 'ZR2612-0002', state: 'refused', kind: 'compensation', complaint_line: 2, amount: money('2500.00'), refusal_reason: '金额不符' });
const raised = allowanceView({ id: 24, number: 'ZR2612-0003', kind: 'compensation', complaint_line: 2, amount: money('2500.00'), reason: '停线损失赔偿' });

let complaint = approvedComplaint();
let certificates: Schemas['AllowanceView'][] = [];
let raiseStatus = 201;
let calls: Call[] = [];

function signIn(role: Role) {
  signInForTests({ id: 1, username: role, display_name: '张业务', department_id: 1, department_name: '业务一部', roles: [role] });
}

beforeEach(() => {
  complaint = approvedComplaint();
  certificates = [live, refused];
  raiseStatus = 201;
  calls = mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, complaint),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: [], next_cursor: null }),
    '/api/v1/allowances': (call) => {
      const q = new URLSearchParams(call.search);
      const items = q.get('complaint_id') === '7' ? certificates.map(summary) : [];
      return jsonResponse(200, { items, total: items.length, next_cursor: null });
    },
    '/api/v1/allowances/21': () => jsonResponse(200, live),
    '/api/v1/allowances/23': () => jsonResponse(200, refused),
    '/api/v1/allowances/24': () => jsonResponse(200, raised),
    'POST /api/v1/allowances': () => {
      if (raiseStatus === 409) return jsonResponse(409, problem(409, 'already_applied'));
      certificates = [...certificates, raised];
      return jsonResponse(201, raised);
    },
  });
});

const section = () => document.getElementById('section-allowances') as HTMLElement;
const button = (scope: HTMLElement, text: string) => within(scope).getByText(text, { selector: 'button > span' }).closest('button') as HTMLElement;
const raiseButtons = () => [...section().querySelectorAll('button[data-action="raise-allowance"]')].map((b) => b.getAttribute('aria-label'));

async function page() {
  await renderApp('/complaints/7');
  await screen.findByRole('heading', { level: 1, name: '2611-0007' });
  await waitFor(() => expect(section()).toBeTruthy());
  await within(section()).findByRole('link', { name: 'ZR2612-0001' });
}

describe('the certificates on the complaint page', () => {
  it('lists them and offers sales 开立 only on a discount or compensation line no live certificate covers', async () => {
    signIn('sales');
    await page();
    expect(within(section()).getByRole('heading', { level: 2, name: '销货折让证明单' })).toBeInTheDocument();
    expect(within(section()).getByRole('link', { name: 'ZR2612-0001' })).toHaveAttribute('href', '/allowances/21');
    expect(within(section()).getByText('待经理核签')).toBeInTheDocument();
    expect(within(section()).getByText('已驳回')).toBeInTheDocument();

    await waitFor(() => expect(raiseButtons()).toEqual(['为第 3 项开立销货折让证明单']));
    const lines = within(section()).getAllByTestId('allowance-line');
    // The return line gets an application, not a certificate.
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveTextContent('第 1 项 · 折让 · ¥1,000.00');
    expect(lines[0]).toHaveTextContent('已开立 ZR2612-0001');
    expect(lines[1]).toHaveTextContent('第 3 项 · 赔款 · ¥2,500.00 · 停线损失赔偿');
    expect(within(lines[1]!).getByRole('button', { name: '为第 3 项开立销货折让证明单' })).toHaveTextContent('开立销货折让证明单');
    // The list rows say which line they cover: no certificate is read whole.
    expect(calls.some((c) => c.path === '/api/v1/allowances/21')).toBe(false);
  });

  it('raises one: the reason from the line’s remarks, the invoice number, then on to the new certificate', async () => {
    signIn('sales');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    await waitFor(() => expect(raiseButtons()).toHaveLength(1));
    await user.click(section().querySelector<HTMLElement>('button[data-action="raise-allowance"]')!);
    const drawer = await screen.findByRole('dialog');
    expect(drawer).toHaveTextContent('第 3 项 · 赔款');
    expect(within(drawer).getByLabelText('折让原因')).toHaveValue('停线损失赔偿');
    fireEvent.change(within(drawer).getByLabelText('原发票号码'), { target: { value: ' No. 04512231 ' } });
    await user.click(button(drawer, '开立'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ complaint_id: 7, complaint_line: 2, invoice_number: 'No. 04512231', reason: '停线损失赔偿' });
    expect(await screen.findByRole('heading', { level: 1, name: 'ZR2612-0003' })).toBeInTheDocument();
    expect(screen.getByText('销货折让证明单 ZR2612-0003 已开立，待经理核签')).toBeInTheDocument();
  });

  it('prefills the decision as the reason, and says so when a live certificate already covers the line', async () => {
    certificates = [];
    raiseStatus = 409;
    signIn('sales');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 1, name: '2611-0007' });
    await waitFor(() => expect(raiseButtons()).toEqual(['为第 1 项开立销货折让证明单', '为第 3 项开立销货折让证明单']));
    expect(within(section()).getByText('尚无销货折让证明单')).toBeInTheDocument();
    await user.click(section().querySelector<HTMLElement>('button[data-action="raise-allowance"]')!);
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByLabelText('折让原因')).toHaveValue('依客诉单 2611-0007 核决折让');
    await user.click(button(drawer, '开立'));
    expect(await within(drawer).findByRole('alert')).toHaveTextContent('该处理明细已有进行中的销货折让证明单。');
  });

  it('offers nothing to a reader who is not in sales', async () => {
    signIn('qa');
    await page();
    expect(raiseButtons()).toEqual([]);
    expect(within(section()).queryByTestId('allowance-line')).not.toBeInTheDocument();
  });

  it('offers sales nothing while the resolution waits for approval', async () => {
    complaint = approvedComplaint({ state: 'pending_approval', approval: { tier: 1, approver_role: 'sales_manager', policy_version: 1, approved_at: null } });
    signIn('sales');
    await page();
    expect(raiseButtons()).toEqual([]);
  });

  it('is absent when no line is a discount or compensation and none was raised', async () => {
    certificates = [];
    complaint = approvedComplaint({
      resolution: {
        lines: [{ kind: 'return', quantity: 200, unit_price: money('45.00'), settlement: money('9000.00'), loss: money('9000.00') }],
        settlement_total: money('9000.00'),
        loss_total: money('9000.00'),
      },
    });
    signIn('sales');
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 1, name: '2611-0007' });
    await waitFor(() => expect(document.getElementById('section-returns')).toBeTruthy());
    expect(section()).toBeNull();
  });
});
