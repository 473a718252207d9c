import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests, startSession } from '../../../api/session';
import type { Role } from '../../../api/types';
import { frameResponse, jsonResponse, renderApp } from '../../../test/render';

const money = (amount: string) => ({ amount, currency: 'CNY' });
const now = Date.now();

function complaint(version: number, available: string[]) {
  return {
    id: 7,
    number: '2611-0007',
    state: 'pending_approval',
    closure: null,
    version,
    customer: { id: 1, name: '苏州精密机械有限公司' },
    sales_department: { id: 1, name: '业务一部' },
    created_by: { id: 1, name: '张业务' },
    market: 'domestic',
    intake: { requests: ['compensation'], request_quantity_undetermined: false, has_sample: false, sample_return_required: false, product_number: 'BRK-1' },
    severity: 'general',
    kind: 'quality',
    is_major: false,
    registered_at: new Date(now - 86_400_000).toISOString(),
    step_entered_at: new Date(now - 3_600_000).toISOString(),
    step_due_at: new Date(now + 82_800_000).toISOString(),
    step_overdue: false,
    case_due_at: new Date(now + 12 * 86_400_000).toISOString(),
    engineering_requested: false,
    eight_d: { required: false, state: null, can_open: false },
    investigation: { defect_verified: true, cause: '模具磨损' },
    responsibilities: [{ department_id: 5, department_name: '制造部', ratio_percent: 100 }],
    containment: [],
    resolution: {
      lines: [{ kind: 'compensation', amount: money('120000.00'), settlement: money('120000.00'), loss: money('120000.00') }],
      settlement_total: money('120000.00'),
      loss_total: money('120000.00'),
    },
    consolidated_opinion: '同意',
    approval: { tier: 2, approver_role: 'deputy_gm', policy_version: 1, approved_at: null as string | null },
    available_actions: available,
    created_at: new Date(now - 2 * 86_400_000).toISOString(),
    updated_at: new Date(now - 3_600_000).toISOString(),
  };
}

let current = complaint(9, []);
const posts: { action: string; ifMatch: string | null; body: unknown }[] = [];
let actionStatus = 200;
let returnsOfComplaint: unknown[] = [];
let history: unknown[] = [];

function signIn(roles: Role[]) {
  startSession({
    access_token: 'a',
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: 'r',
    user: { id: 9, username: roles[0]!, display_name: '吴副总', department_id: 7, department_name: '总经理室', roles, org_id: 1, org_name: '示例制造有限公司' },
  });
}

beforeEach(() => {
  resetSessionForTests();
  posts.length = 0;
  actionStatus = 200;
  returnsOfComplaint = [];
  history = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/complaints/7') return jsonResponse(200, current);
      if (path === '/api/v1/complaints/7/events') return jsonResponse(200, { items: history, next_cursor: null });
      if (path === '/api/v1/returns' && new URL(request.url).searchParams.get('complaint_id') === '7') {
        return jsonResponse(200, { items: returnsOfComplaint, total: returnsOfComplaint.length, next_cursor: null });
      }
      const action = /\/actions\/(\w+)$/.exec(path)?.[1];
      if (action) {
        posts.push({ action, ifMatch: request.headers.get('If-Match'), body: await request.json() });
        if (actionStatus === 412) {
          current = complaint(10, current.available_actions);
          return jsonResponse(412, { type: 't', title: 'Precondition failed', status: 412, detail: 'changed', code: 'precondition_failed' });
        }
        return jsonResponse(200, { complaint: { ...current, state: 'customer_negotiation', available_actions: [] }, follow_up_id: null });
      }
      return frameResponse(path) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
    }),
  );
});

describe('complaint detail', () => {
  it('shows the approver the approval, and takes it with If-Match', async () => {
    current = complaint(9, ['approve', 'reject', 'send_back']);
    signIn(['deputy_gm']);
    const user = userEvent.setup({ delay: null });
    await renderApp('/complaints/7');
    expect(await screen.findByRole('heading', { level: 1, name: '2611-0007' })).toBeInTheDocument();
    expect(screen.getByText('此案等待您核决 — 合计 ¥120,000.00')).toBeInTheDocument();
    expect(screen.getByTestId('settlement-total')).toHaveTextContent('¥120,000.00');

    await user.click(screen.getByRole('button', { name: '核准' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByTestId('next-step')).toHaveTextContent('完成后，投诉进入「客户交涉中」');
    await user.type(within(drawer).getByLabelText('核决意见'), '同意');
    await user.click(within(drawer).getByRole('button', { name: '核准' }));
    await waitFor(() => expect(posts).toEqual([{ action: 'approve', ifMatch: '"9"', body: { comment: '同意' } }]));
    expect(await screen.findByText('已完成：核准')).toBeInTheDocument();
  });

  it('explains a 412 and refreshes the case, keeping the drawer open', async () => {
    current = complaint(9, ['approve', 'reject']);
    actionStatus = 412;
    signIn(['deputy_gm']);
    const user = userEvent.setup({ delay: null });
    await renderApp('/complaints/7');
    await user.click(await screen.findByRole('button', { name: '驳回' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '驳回' }));
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();
    expect(posts).toHaveLength(0);
    await user.type(within(drawer).getByLabelText('理由'), '金额偏高');
    await user.click(within(drawer).getByRole('button', { name: '驳回' }));
    expect(await within(drawer).findByText(/此投诉刚被他人修改/)).toBeInTheDocument();
    expect(posts[0]).toEqual({ action: 'reject', ifMatch: '"9"', body: { reason: '金额偏高' } });
  });

  it('shows no approve button to a sales manager the tier does not route to', async () => {
    current = complaint(9, []);
    signIn(['sales_manager']);
    await renderApp('/complaints/7');
    expect(await screen.findByRole('heading', { level: 1, name: '2611-0007' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '核准' })).not.toBeInTheDocument();
    expect(screen.queryByText(/此案等待您核决/)).not.toBeInTheDocument();
    expect(screen.getAllByText('副总经理').length).toBeGreaterThan(0);
  });

  it('offers sales a return application on each approved line of goods, and lists the applications', async () => {
    current = {
      ...complaint(9, ['record_outcome']),
      state: 'customer_negotiation',
      approval: { ...complaint(9, []).approval, approved_at: new Date(now - 3_600_000).toISOString() },
      resolution: {
        lines: [
          { kind: 'compensation', amount: money('1000.00'), settlement: money('1000.00'), loss: money('1000.00') },
          { kind: 'return', quantity: 200, unit_price: money('45.00'), settlement: money('9000.00'), loss: money('9000.00') },
        ] as never,
        settlement_total: money('10000.00'),
        loss_total: money('10000.00'),
      },
    };
    returnsOfComplaint = [
      { id: 55, number: 'TH2612-0001', kind: 'return', state: 'marketing_review', overdue: false, created_at: new Date(now).toISOString() },
    ];
    signIn(['sales']);
    await renderApp('/complaints/7');
    const apply = await screen.findByRole('link', { name: '为第 2 项申请退换货' });
    expect(apply).toHaveAttribute('href', '/returns/new?complaint=7&line=1');
    expect(screen.queryByRole('link', { name: '为第 1 项申请退换货' })).not.toBeInTheDocument();
    const section = document.getElementById('section-returns')!;
    expect(await within(section).findByRole('link', { name: 'TH2612-0001' })).toHaveAttribute('href', '/returns/55');
    expect(within(section).getByText('营销经理审核')).toBeInTheDocument();
  });

  it('asks the sales supervisor to countersign the accepted outcome, with optional remarks', async () => {
    current = {
      ...complaint(9, ['countersign', 'send_back']),
      state: 'awaiting_countersign',
      approval: { ...complaint(9, []).approval, approved_at: new Date(now - 3_600_000).toISOString() },
      outcome: { accepted: true, answered_on: '2026-12-10', remarks: null },
    } as typeof current;
    signIn(['sales_supervisor']);
    const user = userEvent.setup({ delay: null });
    await renderApp('/complaints/7');
    const route = await screen.findByRole('navigation', { name: '处理流程' });
    expect(route).toHaveTextContent('主管会签');
    expect(route).toHaveTextContent('业务主管');
    await user.click(await screen.findByRole('button', { name: '会签' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByTestId('next-step')).toHaveTextContent('完成后，投诉进入「待结案」');
    await user.type(within(drawer).getByLabelText('说明'), '同意结案');
    await user.click(within(drawer).getByRole('button', { name: '会签' }));
    await waitFor(() => expect(posts).toEqual([{ action: 'countersign', ifMatch: '"9"', body: { remarks: '同意结案' } }]));
    expect(await screen.findByText('已完成：会签')).toBeInTheDocument();
  });

  it('shows who countersigned in the outcome section', async () => {
    current = {
      ...complaint(9, []),
      state: 'awaiting_close',
      outcome: { accepted: true, answered_on: '2026-12-10', remarks: null },
    } as typeof current;
    const event = (seq: number, action: string, from: string, to: string, name: string, body: object) => ({
      seq, action, from_state: from, to_state: to, actor_name: name, actor_role: null, at: `2026-12-1${seq}T02:00:00Z`, body,
    });
    history = [
      event(1, 'record_outcome', 'customer_negotiation', 'awaiting_countersign', '张业务', { accepted: true }),
      event(2, 'countersign', 'awaiting_countersign', 'awaiting_close', '周主管', { remarks: '同意结案' }),
    ];
    signIn(['coordinator']);
    await renderApp('/complaints/7');
    const countersign = await screen.findByTestId('outcome-countersign');
    expect(countersign).toHaveTextContent('周主管 · 2026-12-12 10:00');
    expect(countersign).toHaveTextContent('同意结案');
    expect(document.getElementById('section-outcome')).toHaveTextContent('业务主管会签');
  });
});
