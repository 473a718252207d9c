import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';

const now = Date.now();

/** The case at QA's investigation, for QA to conclude. */
function investigating() {
  return {
    id: 7,
    number: '2611-0007',
    state: 'qa_investigation',
    closure: null,
    version: 12,
    customer: { id: 1, name: '苏州精密机械有限公司' },
    sales_department: { id: 1, name: '业务一部' },
    created_by: { id: 1, name: '张业务' },
    market: 'domestic',
    intake: { product_number: 'BRK-1', requests: ['return'], request_quantity_undetermined: false, has_sample: false, sample_return_required: false },
    severity: 'general',
    kind: 'quality',
    is_major: false,
    registered_at: new Date(now - 86_400_000).toISOString(),
    step_entered_at: new Date(now - 3_600_000).toISOString(),
    step_due_at: new Date(now + 86_400_000).toISOString(),
    step_overdue: false,
    engineering_requested: false,
    eight_d: { required: false, state: null, can_open: false },
    responsibilities: [],
    containment: [],
    resolution: { lines: [] },
    approval: {},
    available_actions: ['conclude_investigation'],
    created_at: new Date(now - 2 * 86_400_000).toISOString(),
    updated_at: new Date(now - 3_600_000).toISOString(),
  };
}

const departments = [
  { id: 4, code: 'qa', name: '品质管理部', kind: 'quality', active: true, version: 1 },
  { id: 5, code: 'production', name: '制造部', kind: 'production', active: true, version: 1 },
];

function serve(act: (call: Call) => Response): Call[] {
  signInForTests({ id: 4, display_name: '刘品保', roles: ['qa'] });
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, investigating()),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: [], next_cursor: null }),
    '/api/v1/departments': () => jsonResponse(200, departments),
    'POST /api/v1/complaints/7/actions/conclude_investigation': act,
  });
}

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;

/** Opens the drawer and fills what the conclusion needs, the supplier behind the one share too. */
async function conclude(user: ReturnType<typeof setup>, supplier: string) {
  await renderApp('/complaints/7');
  await user.click(await screen.findByRole('button', { name: '提交调查结论' }));
  const drawer = await screen.findByRole('dialog');
  await user.click(within(drawer).getByRole('radio', { name: '是' }));
  fireEvent.change(within(drawer).getByLabelText('原因'), { target: { value: '铸件砂眼' } });
  fireEvent.mouseDown(within(drawer).getByLabelText('责任部门').closest('.ant-select-selector')!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) => el.textContent === '品质管理部');
    if (!found) throw new Error('no option');
    return found as HTMLElement;
  });
  await user.click(option);
  const field = within(drawer).getByLabelText('责任供应商');
  expect(field).toHaveAttribute('placeholder', '外部公司或原物料供应商（可空）');
  fireEvent.change(field, { target: { value: supplier } });
  await user.click(within(drawer).getByRole('button', { name: '提交调查结论' }));
  return drawer;
}

describe('concluding the investigation: the supplier behind a share', () => {
  it('sends the supplier named on the responsibility share', async () => {
    const calls = serve(() => jsonResponse(200, { complaint: { ...investigating(), state: 'production_countermeasure', available_actions: [] }, follow_up_id: null }));
    const user = setup();
    await conclude(user, ' 江苏华力铸造有限公司 ');
    expect(await screen.findByText('已完成：提交调查结论')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.ifMatch).toBe('"12"');
    expect(post.body).toMatchObject({
      defect_verified: true,
      cause: '铸件砂眼',
      responsible: [{ department_id: 4, team: null, ratio_percent: 100, supplier: '江苏华力铸造有限公司' }],
    });
  });

  it('places the server’s message for the supplier at its field', async () => {
    serve(() => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'responsible[0].supplier', code: 'too_long', message: 'at most 100' }])));
    const user = setup();
    const drawer = await conclude(user, '华力');
    expect(await within(drawer).findByText('请检查标出的字段')).toBeInTheDocument();
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('责任供应商'))).toHaveTextContent('内容过长'));
  });
});
