import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';

type User = ReturnType<typeof userEvent.setup>;
const now = Date.now();

function complaint(overrides: Record<string, unknown> = {}) {
  return {
    id: 7,
    number: null,
    state: 'awaiting_registration',
    closure: null,
    version: 4,
    customer: { id: 1, name: '苏州精密机械有限公司' },
    sales_department: { id: 1, name: '业务一部' },
    created_by: { id: 1, name: '张业务' },
    market: 'domestic',
    intake: { requests: ['compensation'], request_quantity_undetermined: false, has_sample: false, sample_return_required: false, product_number: 'BRK-1' },
    severity: null,
    kind: null,
    is_major: false,
    registered_at: null,
    step_entered_at: new Date(now - 3_600_000).toISOString(),
    step_due_at: new Date(now + 82_800_000).toISOString(),
    step_overdue: false,
    case_due_at: null,
    engineering_requested: false,
    eight_d: { required: false, state: null, can_open: false },
    responsibilities: [],
    containment: [],
    resolution: { lines: [], settlement_total: null, loss_total: null },
    approval: { tier: null, approver_role: null, policy_version: null, approved_at: null },
    repeat_of_id: null,
    available_actions: ['register'],
    created_at: new Date(now - 2 * 86_400_000).toISOString(),
    updated_at: new Date(now - 3_600_000).toISOString(),
    ...overrides,
  };
}

const earlier = (id: number, number: string, customer: { id: number; name: string }, description: string) => ({
  id,
  number,
  customer,
  state: 'closed',
  severity: 'general',
  description,
  created_at: '2026-05-10T02:00:00Z',
});

function recurrence(overrides: Record<string, unknown> = {}) {
  return {
    window_days: 180,
    product_number: 'BRK-1',
    same_customer: [earlier(3, '2605-0003', { id: 1, name: '苏州精密机械有限公司' }, '支架孔位偏移')],
    other_customers: [earlier(11, '2606-0011', { id: 2, name: '无锡华东轴承厂' }, '支架毛刺')],
    suggests_severe: true,
    repeat_of: null,
    ...overrides,
  };
}

let posts: Call[] = [];
function serve(view: ReturnType<typeof complaint>, recur: ReturnType<typeof recurrence>, answer?: () => Response) {
  posts = [];
  const calls = mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, view),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: [], next_cursor: null }),
    '/api/v1/complaints/7/recurrence': () => jsonResponse(200, recur),
    'POST /api/v1/complaints/7/actions/register': (call) => {
      posts.push(call);
      return answer ? answer() : jsonResponse(200, { complaint: { ...view, state: 'qa_investigation', available_actions: [] }, follow_up_id: null });
    },
  });
  return calls;
}

async function pick(user: User, label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label).closest('.ant-select-selector')!);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) =>
      el.textContent?.includes(option),
    );
    if (!found) throw new Error(`no option ${option}`);
    return found as HTMLElement;
  });
  await user.click(item);
}

async function openRegistration(user: User) {
  await user.click(await screen.findByRole('button', { name: '登记编号' }));
  const drawer = await screen.findByRole('dialog');
  await within(drawer).findByTestId('recurrence');
  return drawer;
}

beforeEach(() => signInForTests({ display_name: '王协调', roles: ['coordinator'] }));

describe('registration: the product’s earlier complaints', () => {
  it('lists both groups and registers a repeat as severe with an 8D report', async () => {
    serve(complaint(), recurrence());
    const user = userEvent.setup({ delay: null });
    await renderApp('/complaints/7');
    const drawer = await openRegistration(user);

    const same = within(drawer).getByTestId('recurrence-same');
    expect(within(same).getByRole('link', { name: '2605-0003' })).toHaveAttribute('href', '/complaints/3');
    expect(within(same).getByText('支架孔位偏移')).toBeInTheDocument();
    const other = within(drawer).getByTestId('recurrence-other');
    expect(within(other).getByRole('link', { name: '2606-0011' })).toHaveAttribute('href', '/complaints/11');
    expect(within(other).getByText('无锡华东轴承厂')).toBeInTheDocument();

    expect(within(drawer).getByTestId('recurrence-severe')).toHaveTextContent('本案重复了本客户的既往投诉');
    expect(within(drawer).getByRole('radio', { name: '严重' })).not.toBeChecked();
    await user.click(within(drawer).getByRole('button', { name: '按严重投诉登记' }));
    expect(within(drawer).getByRole('radio', { name: '严重' })).toBeChecked();
    expect(within(drawer).getByRole('checkbox', { name: '客户要求 8D 报告' })).toBeChecked();

    await pick(user, '重复投诉，关联至', '2605-0003');
    await user.click(within(drawer).getByRole('radio', { name: '品质异常' }));
    await user.click(within(drawer).getByRole('button', { name: '登记编号' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]!.body).toMatchObject({ severity: 'severe', kind: 'quality', eight_d_requested: true, repeat_of: 3 });
  });

  it('words empty groups, and puts a 422 on repeat_of at its field', async () => {
    serve(complaint({ severity: 'general', kind: 'quality' }), recurrence({ other_customers: [], suggests_severe: false }), () =>
      jsonResponse(422, problem(422, 'validation_failed', [{ field: 'repeat_of', code: 'not_found', message: 'no such case' }])),
    );
    const user = userEvent.setup({ delay: null });
    await renderApp('/complaints/7');
    const drawer = await openRegistration(user);
    expect(within(drawer).getByText('180 天内没有其他客户投诉该产品。')).toBeInTheDocument();
    expect(within(drawer).queryByTestId('recurrence-severe')).not.toBeInTheDocument();

    await pick(user, '重复投诉，关联至', '2605-0003');
    await user.click(within(drawer).getByRole('button', { name: '登记编号' }));
    const field = within(drawer).getByLabelText('重复投诉，关联至').closest('.ant-form-item') as HTMLElement;
    expect(await within(field).findByText('不存在')).toBeInTheDocument();
  });

  it('says when the customer has no earlier complaint of the product', async () => {
    serve(complaint(), recurrence({ same_customer: [], suggests_severe: false }));
    const user = userEvent.setup({ delay: null });
    await renderApp('/complaints/7');
    const drawer = await openRegistration(user);
    expect(within(drawer).getByText('180 天内本客户没有该产品的其他投诉。')).toBeInTheDocument();
    expect(within(drawer).queryByLabelText('重复投诉，关联至')).not.toBeInTheDocument();
  });
});

describe('complaint page: a repeat', () => {
  it('links to the earlier case, reading the recurrence only for a repeat', async () => {
    const calls = serve(complaint({ available_actions: [], repeat_of_id: 3 }), recurrence({ repeat_of: { id: 3, name: '2605-0003' } }));
    await renderApp('/complaints/7');
    const tag = await screen.findByTestId('repeat-of');
    expect(tag).toHaveTextContent('重复投诉');
    expect(await within(tag).findByRole('link', { name: '重复投诉，关联至 2605-0003' })).toHaveAttribute('href', '/complaints/3');
    expect(calls.filter((c) => c.path.endsWith('/recurrence'))).toHaveLength(1);
  });

  it('does not read the recurrence for a case that is no repeat', async () => {
    const calls = serve(complaint({ available_actions: [] }), recurrence());
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 1, name: '未编号' });
    expect(screen.queryByTestId('repeat-of')).not.toBeInTheDocument();
    expect(calls.some((c) => c.path.endsWith('/recurrence'))).toBe(false);
  });
});
