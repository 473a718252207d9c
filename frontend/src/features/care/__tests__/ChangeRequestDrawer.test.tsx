import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetSessionForTests } from '../../../api/session';
import { jsonResponse, renderApp } from '../../../test/render';
import { customerView, mockApi, problem, signIn, type Call } from '../../customers/__tests__/fixtures';
// The pane is lazy in the app: loaded here first, its cold transform (seconds
// on a busy machine) is not spent inside the test's wait for the table.
import '../components/CreditPane';

const check = {
  id: 7,
  investigated_by: { id: 1, name: '张业务' },
  investigated_on: '2026-11-20',
  summary: '回款及时，无逾期',
  recommended_grade: 'AA',
  recommended_limit: '500000.00',
  created_at: '2026-11-20T02:00:00Z',
};

let filed: Call[] = [];
beforeEach(() => {
  resetSessionForTests();
  filed = [];
});

describe('the credit tab', () => {
  it('requests payment terms with the latest investigation; a server field error shows at its field', async () => {
    signIn({ roles: ['sales'] });
    const customer = customerView({ status: 'active', access: 'owner', owner_id: 1, owner_name: '张业务', can_review: false, payment_term_days: 0 });
    mockApi({
      '/api/v1/customers/9': () => jsonResponse(200, customer, { ETag: '"5"' }),
      '/api/v1/customers/9/credit-checks': () => jsonResponse(200, [check]),
      '/api/v1/customers/9/requests': () => jsonResponse(200, []),
      'POST /api/v1/customers/9/requests': (call) => {
        filed.push(call);
        if (filed.length === 1)
          return jsonResponse(422, problem(422, 'validation_failed', [{ field: 'payment_term_days', code: 'out_of_range', message: 'at most 31' }]));
        return jsonResponse(201, {
          id: 3,
          customer: { id: 9, name: customer.name },
          kind: 'credit',
          requested_by: { id: 1, name: '张业务' },
          payment_term_days: 30,
          credit_check_id: 7,
          reason: '采购量增长',
          approver_role: 'sales_manager',
          status: 'pending',
          can_decide: false,
          version: 1,
          created_at: '2026-11-23T02:00:00Z',
        });
      },
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/9?tab=credit');
    expect(await screen.findByText('回款及时，无逾期')).toBeInTheDocument();
    expect(screen.getByTestId('payment-terms')).toHaveTextContent('款到发货');

    await user.click(screen.getByRole('button', { name: '申请变更' }));
    const drawer = await screen.findByRole('dialog');
    await waitFor(() => expect(drawer.querySelector('.ant-select-selection-item')).toHaveTextContent('回款及时，无逾期'));
    const days = within(drawer).getByLabelText('账期');
    await user.clear(days);
    await user.type(days, '30');
    await user.type(within(drawer).getByLabelText('理由'), '采购量增长');
    await user.click(within(drawer).getByRole('button', { name: '提交申请' }));

    expect(await within(drawer).findByText('超出允许范围')).toBeInTheDocument();
    expect(filed[0]?.body).toEqual({
      kind: 'credit',
      credit_grade: null,
      credit_limit: null,
      payment_term_days: 30,
      credit_check_id: 7,
      reason: '采购量增长',
    });

    await user.click(within(drawer).getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('申请已提交，等待业务部经理审批。')).toBeInTheDocument();
    expect(filed).toHaveLength(2);
  }, 40_000);
});
