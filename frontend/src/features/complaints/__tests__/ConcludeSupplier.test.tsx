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

/** The teams of each department, a retired one too (never offered). */
const teams = [
  { id: 1, department_id: 5, name: '冲压一班', active: true, version: 1 },
  { id: 2, department_id: 5, name: '冲压二班', active: false, version: 2 },
  { id: 3, department_id: 4, name: '检验班', active: true, version: 1 },
];

const person = (id: number, department_id: number, username: string, display_name: string) => ({
  id,
  username,
  display_name,
  department_id,
  roles: ['production'],
  active: true,
  version: 1,
  created_at: '2026-01-05T02:00:00Z',
});
const people = [person(31, 5, 'zhao.gong', '赵工'), person(41, 4, 'qian.qa', '钱品保')];

const departmentOf = (call: Call) => Number(new URLSearchParams(call.search).get('department_id'));

function serve(act: (call: Call) => Response): Call[] {
  signInForTests({ id: 4, display_name: '刘品保', roles: ['qa'] });
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, investigating()),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: [], next_cursor: null }),
    '/api/v1/departments': () => jsonResponse(200, departments),
    '/api/v1/teams': (call) => jsonResponse(200, teams.filter((t) => t.department_id === departmentOf(call))),
    '/api/v1/users': (call) => jsonResponse(200, { items: people.filter((u) => u.department_id === departmentOf(call)), next_cursor: null }),
    'POST /api/v1/complaints/7/actions/conclude_investigation': act,
  });
}

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;

/** The options a select in the drawer offers now. */
async function optionsOf(drawer: HTMLElement, label: string): Promise<HTMLElement[]> {
  fireEvent.mouseDown(within(drawer).getByLabelText(label).closest('.ant-select-selector')!);
  return waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')];
    if (!found.length) throw new Error(`no options for ${label}`);
    return found;
  });
}

/** Picks `text` in the drawer's select labelled `label`. */
async function choose(user: ReturnType<typeof setup>, drawer: HTMLElement, label: string, text: string) {
  fireEvent.mouseDown(within(drawer).getByLabelText(label).closest('.ant-select-selector')!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) => el.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found as HTMLElement;
  });
  await user.click(option);
}

/** What the select labelled `label` shows as chosen ('' for none). */
const chosen = (drawer: HTMLElement, label: string) =>
  itemOf(within(drawer).getByLabelText(label)).querySelector('.ant-select-selection-item')?.textContent ?? '';

/** Opens the drawer and fills what the conclusion needs but the department. */
async function open(user: ReturnType<typeof setup>) {
  await renderApp('/complaints/7');
  await user.click(await screen.findByRole('button', { name: '提交调查结论' }));
  const drawer = await screen.findByRole('dialog');
  await user.click(within(drawer).getByRole('radio', { name: '是' }));
  fireEvent.change(within(drawer).getByLabelText('原因'), { target: { value: '铸件砂眼' } });
  return drawer;
}

/** Opens the drawer and fills what the conclusion needs, the supplier behind the one share too. */
async function conclude(user: ReturnType<typeof setup>, supplier: string) {
  const drawer = await open(user);
  await choose(user, drawer, '责任部门', '品质管理部');
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
      responsible: [{ department_id: 4, team: null, person_id: null, ratio_percent: 100, supplier: '江苏华力铸造有限公司' }],
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

describe('concluding the investigation: the team and the person of a share', () => {
  it('offers the active teams and the people of the chosen department, clears them when it changes, and sends them', async () => {
    const calls = serve(() => jsonResponse(200, { complaint: { ...investigating(), state: 'production_countermeasure', available_actions: [] }, follow_up_id: null }));
    const user = setup();
    const drawer = await open(user);
    expect(within(drawer).getByLabelText('班组')).toBeDisabled();
    expect(within(drawer).getByText('业务、服务类责任可归属到个人')).toBeInTheDocument();

    await choose(user, drawer, '责任部门', '制造部');
    await waitFor(() => expect(within(drawer).getByLabelText('班组')).toBeEnabled());
    // The retired 冲压二班 is not offered.
    const offered = await optionsOf(drawer, '班组');
    expect(offered.map((o) => o.textContent)).toEqual(['冲压一班']);
    await user.click(offered[0]!);
    await choose(user, drawer, '责任人', '赵工（zhao.gong）');
    expect(chosen(drawer, '班组')).toBe('冲压一班');
    expect(chosen(drawer, '责任人')).toBe('赵工（zhao.gong）');
    const users = calls.filter((c) => c.path === '/api/v1/users').map((c) => Object.fromEntries(new URLSearchParams(c.search)));
    expect(users).toContainEqual({ department_id: '5', active: 'true', limit: '200' });

    // Another department: its own teams and people, the earlier choices gone.
    await choose(user, drawer, '责任部门', '品质管理部');
    await waitFor(() => expect(chosen(drawer, '班组')).toBe(''));
    expect(chosen(drawer, '责任人')).toBe('');
    await choose(user, drawer, '班组', '检验班');
    await choose(user, drawer, '责任人', '钱品保（qian.qa）');

    await user.click(within(drawer).getByRole('button', { name: '提交调查结论' }));
    expect(await screen.findByText('已完成：提交调查结论')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({ responsible: [{ department_id: 4, team: '检验班', person_id: 41, ratio_percent: 100, supplier: null }] });
  });

  it('places the server’s refusal of a team or person not of the department at the field', async () => {
    serve(() =>
      jsonResponse(
        422,
        problem(422, 'validation_failed', [
          { field: 'responsible[0].team', code: 'not_found', message: 'no active team of that name in the department' },
          { field: 'responsible[0].person_id', code: 'not_found', message: 'no active person of that id in the department' },
        ]),
      ),
    );
    const user = setup();
    const drawer = await open(user);
    await choose(user, drawer, '责任部门', '制造部');
    await choose(user, drawer, '班组', '冲压一班');
    await choose(user, drawer, '责任人', '赵工（zhao.gong）');
    await user.click(within(drawer).getByRole('button', { name: '提交调查结论' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('班组'))).toHaveTextContent('不存在'));
    expect(itemOf(within(drawer).getByLabelText('责任人'))).toHaveTextContent('不存在');
  });
});
