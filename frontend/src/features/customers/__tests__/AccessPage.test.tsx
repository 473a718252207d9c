import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetSessionForTests } from '../../../api/session';
import { jsonResponse, renderApp } from '../../../test/render';
import { mockApi, signIn, type Call } from './fixtures';

function request(overrides: Record<string, unknown> = {}) {
  return {
    id: 12,
    customer: { id: 2, name: '宁波汽配制造有限公司' },
    customer_code: 'C-0002',
    requester: { id: 5, name: '王业务' },
    reason: '客户来电询价，需查看历史报价',
    approver_role: 'gm',
    status: 'pending',
    decided_by: null,
    decided_at: null,
    decision_reason: null,
    valid_until: null,
    can_decide: true,
    version: 2,
    created_at: '2026-11-23T01:00:00Z',
    ...overrides,
  };
}

let decisions: Call[] = [];
let pending = [request()];

beforeEach(() => {
  resetSessionForTests();
  decisions = [];
  pending = [request()];
});

function api() {
  return mockApi({
    '/api/v1/customers/access-requests': (call) =>
      jsonResponse(200, { items: new URLSearchParams(call.search).get('box') === 'to_decide' ? pending : [], next_cursor: null }),
    'POST /api/v1/customers/access-requests/12/decision': (call) => {
      decisions.push(call);
      const body = call.body as { approve: boolean; reason: string | null };
      pending = [];
      return jsonResponse(200, request({ status: body.approve ? 'approved' : 'rejected', decision_reason: body.reason, can_decide: false, version: 3 }));
    },
  });
}

describe('archive access requests', () => {
  it('the general manager refuses a request: the reason is required, the decision goes with If-Match', async () => {
    signIn({ id: 11, username: 'gm', display_name: '郑总', department_id: 7, roles: ['gm'] });
    api();
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/access');
    expect(await screen.findByRole('heading', { level: 1, name: '档案借阅申请' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: /待我审批/, selected: true })).toBeInTheDocument();
    const row = (await screen.findByText('C-0002 宁波汽配制造有限公司')).closest('tr') as HTMLElement;
    expect(within(row).getByText('王业务')).toBeInTheDocument();
    expect(within(row).getByText('待审批')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: '不批准' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '不批准' }));
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();
    expect(decisions).toHaveLength(0);
    await user.type(within(drawer).getByLabelText('不批准的理由'), '与本部门业务无关');
    await user.click(within(drawer).getByRole('button', { name: '不批准' }));

    expect(await screen.findByText('已不批准 王业务 借阅 C-0002。')).toBeInTheDocument();
    expect(decisions[0]).toMatchObject({ ifMatch: '"2"', body: { approve: false, reason: '与本部门业务无关' } });
    await waitFor(() => expect(screen.queryByText('C-0002 宁波汽配制造有限公司')).not.toBeInTheDocument());
  });

  it('a salesperson sees only their own requests, with the approval and its end', async () => {
    signIn({ id: 5, username: 'sales2', display_name: '王业务', department_id: 2, roles: ['sales'] });
    pending = [];
    mockApi({
      '/api/v1/customers/access-requests': (call) =>
        jsonResponse(200, {
          items:
            new URLSearchParams(call.search).get('box') === 'to_decide'
              ? []
              : [request({ status: 'approved', can_decide: false, decided_by: { id: 11, name: '郑总' }, valid_until: '2026-11-30T01:00:00Z' })],
          next_cursor: null,
        }),
    });
    await renderApp('/customers/access');
    const link = await screen.findByText('C-0002 宁波汽配制造有限公司', { selector: 'a' });
    expect(link).toHaveAttribute('href', '/customers/2');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('已批准')).toBeInTheDocument();
    expect(within(row).getByText('有效期至 2026-11-30 09:00')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: /待我审批/ })).not.toBeInTheDocument();
  });
});
