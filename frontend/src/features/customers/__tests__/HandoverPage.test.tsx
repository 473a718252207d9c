import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetSessionForTests } from '../../../api/session';
import { jsonResponse, renderApp } from '../../../test/render';
import { mockApi, signIn, type Call } from './fixtures';

const row = { customer_id: 9, code: 'C-00009', name: '常州新材料有限公司', contact_name: '周敏', contact_phone: '0519-8000 0009' };

/** Opens an antd Select by its label and picks an option. */
async function pick(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input.closest('.ant-select-selector')!);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) =>
      el.textContent?.includes(option),
    );
    if (!found) throw new Error(`no option ${option}`);
    return found as HTMLElement;
  });
  await user.click(item);
}

let posted: Call[] = [];

beforeEach(() => {
  resetSessionForTests();
  posted = [];
  signIn({ id: 2, username: 'sales_manager', display_name: '李经理', roles: ['sales_manager'] });
});

describe('handover', () => {
  it('previews what the leaver holds, hands it over with deactivation, and lists the customers to notify', async () => {
    mockApi({
      '/api/v1/users/3/handover': () =>
        jsonResponse(200, { user: { id: 3, name: '钱业务' }, customers: [row], staffed: [], open_complaints: [], visit_plans: 0, key_customers: [] }),
      'POST /api/v1/users/3/handover': (call) => {
        posted.push(call);
        return jsonResponse(200, {
          from: { id: 3, name: '钱业务' },
          to: { id: 1, name: '张业务' },
          customers_moved: 1,
          staff_moved: 0,
          complaints_moved: 0,
          visit_plans_moved: 0,
          deactivated: true,
          notify: [row],
        });
      },
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const { router } = await renderApp('/customers/handover');
    expect(await screen.findByRole('heading', { level: 1, name: '离职交接' })).toBeInTheDocument();
    await pick(user, '离职人员', '钱业务');
    await waitFor(() => expect(router.state.location.search).toBe('?user=3'));
    const preview = await screen.findByTestId('handover-preview');
    expect(within(preview).getByText('负责的客户')).toBeInTheDocument();
    expect(await screen.findByText('常州新材料有限公司')).toBeInTheDocument();

    await pick(user, '接收的业务员', '张业务');
    await user.click(screen.getByLabelText('同时停用账号'));
    await user.click(screen.getByRole('button', { name: '确认交接' }));
    const confirm = await screen.findByText('将 1 名客户、0 项协办和 0 件未结投诉从 钱业务 移交给 张业务？');
    await user.click(within(confirm.closest('.ant-popover') as HTMLElement).getByRole('button', { name: '确认交接' }));

    const result = await screen.findByTestId('handover-result');
    expect(within(result).getByText('已完成离职交接：钱业务 → 张业务')).toBeInTheDocument();
    expect(within(result).getByText('钱业务 的账号已停用。')).toBeInTheDocument();
    const notified = within(result).getByText('常州新材料有限公司').closest('tr') as HTMLElement;
    expect(notified).toHaveTextContent('周敏');
    expect(notified).toHaveTextContent('0519-8000 0009');
    expect(posted[0]!.body).toEqual({ to_user_id: 1, deactivate: true });
  });

  it('asks for a co-serving salesperson when the leaver has key customers, and sends the choice', async () => {
    // An administrator hands over (a manager may not name himself).
    signIn({ id: 5, username: 'admin', display_name: '系统管理员', roles: ['admin'] });
    mockApi({
      '/api/v1/users/3/handover': () =>
        jsonResponse(200, {
          user: { id: 3, name: '钱业务' },
          customers: [row],
          staffed: [],
          open_complaints: [],
          visit_plans: 0,
          key_customers: [{ id: 9, name: '常州新材料有限公司' }],
        }),
      'POST /api/v1/users/3/handover': (call) => {
        posted.push(call);
        return jsonResponse(422, {
          type: 't',
          title: 'x',
          status: 422,
          detail: 'd',
          code: 'validation_failed',
          errors: [{ field: 'key_staff_user_id', code: 'key_customer_staff', message: 'm' }],
        });
      },
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/handover?user=3');
    await screen.findByTestId('handover-preview');
    expect(screen.getByText(/常州新材料有限公司 是重点客户/)).toBeInTheDocument();
    await pick(user, '接收的业务员', '张业务');
    await pick(user, '重点客户协办业务员', '李经理');
    await user.click(screen.getByRole('button', { name: '确认交接' }));
    const confirm = await screen.findByText(/从 钱业务 移交给 张业务/);
    await user.click(within(confirm.closest('.ant-popover') as HTMLElement).getByRole('button', { name: '确认交接' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.body).toEqual({ to_user_id: 1, deactivate: false, key_staff_user_id: 2 });
  });
});
