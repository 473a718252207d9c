import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { answeredRequest, caseWithSupplier, closedCase, requestsView, requestView } from './fixtures';

type Requests = Schemas['SupplierRequestsView'];

interface Case {
  roles: Role[];
  complaint?: object;
  requests: Requests | (() => Requests);
  events?: Schemas['EventView'][];
  act?: (call: Call) => Response;
}

const PEOPLE: Partial<Record<Role, { id: number; display_name: string }>> = {
  coordinator: { id: 6, display_name: '周统筹' },
  qa: { id: 4, display_name: '刘品保' },
  sales: { id: 1, display_name: '张业务' },
};

function serve({ roles, complaint = caseWithSupplier(), requests, events = [], act }: Case): Call[] {
  signInForTests({ ...PEOPLE[roles[0]!], roles });
  const read = typeof requests === 'function' ? requests : () => requests;
  const actions = ['record_answer', 'accept', 'reject', 'cancel'];
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, complaint),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: events, next_cursor: null }),
    '/api/v1/complaints/7/supplier-requests': () => jsonResponse(200, read()),
    ...(act ? Object.fromEntries(actions.map((a) => [`POST /api/v1/complaints/7/supplier-requests/5/actions/${a}`, act])) : {}),
  });
}

const panel = () => screen.findByTestId('case-supplier-requests');
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;
const gets = (calls: Call[], path: string) => calls.filter((c) => c.method === 'GET' && c.path === path).length;
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');
const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

describe('供应商纠正措施要求 on the case', () => {
  it('lists each request with its supplier, share, state, due date, problem, answer and decision, and offers a reader only the print', async () => {
    const rejected = answeredRequest({
      id: 4,
      supplier: '宁波宏达电镀厂',
      ratio_percent: 20,
      state: 'requested',
      overdue: true,
      due_on: '2026-12-12',
      decided_by: { id: 4, name: '刘品保' },
      decided_at: '2026-12-11T06:30:00Z',
      comment: '未附验证数据',
    });
    serve({ roles: ['sales'], requests: requestsView([answeredRequest(), rejected]) });
    await renderApp('/complaints/7');
    const p = await panel();
    const section = p.closest('.ant-card') as HTMLElement;
    expect(section).toHaveAttribute('id', 'section-suppliers');
    expect(within(section).getByRole('heading', { level: 2, name: '供应商纠正措施要求' })).toBeInTheDocument();
    const [first, second] = within(p).getAllByRole('listitem');
    expect(within(first!).getByText('待品保审核')).toBeInTheDocument();
    expect(first).toHaveTextContent('江苏华力铸造有限公司');
    expect(first).toHaveTextContent('责任比率 70%');
    expect(first).toHaveTextContent('回复期限 2026-12-17');
    expect(first).toHaveTextContent('刘品保 于 2026-12-10 10:00 发出');
    expect(first).toHaveTextContent('问题描述：支架表面砂眼，客户装配时漏气。');
    expect(first).toHaveTextContent('原因分析：浇注温度偏低，型砂透气性不足');
    expect(first).toHaveTextContent('纠正措施：增加炉温监控；更换型砂供应批次');
    expect(first).toHaveTextContent('供应商 2026-12-14 回复，周统筹 登记');
    expect(within(first!).queryByText('已逾期')).not.toBeInTheDocument();
    expect(within(first!).getByRole('link', { name: '打印要求单' })).toHaveAttribute('href', '/complaints/7/supplier-requests/5/print');

    expect(within(second!).getByText('待供应商回复')).toBeInTheDocument();
    expect(within(second!).getByText('已逾期')).toBeInTheDocument();
    expect(second).toHaveTextContent('刘品保 于 2026-12-11 14:30 退回');
    expect(second).toHaveTextContent('退回意见：未附验证数据');
    expect(within(second!).getByRole('link', { name: '打印要求单' })).toHaveAttribute('href', '/complaints/7/supplier-requests/4/print');
    expect(within(p).queryByRole('button')).not.toBeInTheDocument();
  });

  it('draws the buttons each request’s available_actions name, on a closed case too', async () => {
    serve({
      roles: ['coordinator'],
      complaint: closedCase(),
      requests: requestsView([requestView({ available_actions: ['record_answer', 'cancel'] }), answeredRequest({ id: 4, available_actions: ['accept', 'reject'] })]),
    });
    await renderApp('/complaints/7');
    const waiting = await within(await panel()).findByTestId('supplier-request-5');
    expect(within(waiting).getAllByRole('button').map((b) => b.textContent)).toEqual(['登记回复', '取消要求']);
    const answered = screen.getByTestId('supplier-request-4');
    expect(within(answered).getAllByRole('button').map((b) => b.textContent)).toEqual(['接受回复', '退回回复']);
  });

  it('is not shown when the case has none', async () => {
    const calls = serve({ roles: ['qa'], requests: requestsView([]) });
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 2, name: '处理记录' });
    await waitFor(() => expect(gets(calls, '/api/v1/complaints/7/supplier-requests')).toBe(1));
    expect(screen.queryByRole('heading', { level: 2, name: '供应商纠正措施要求' })).not.toBeInTheDocument();
  });

  it('shows the supplier behind a responsibility share in the investigation', async () => {
    serve({ roles: ['sales'], requests: requestsView([]) });
    await renderApp('/complaints/7');
    const ratios = await screen.findByLabelText('责任归属');
    expect(ratios).toHaveTextContent('品质管理部 · 供应商：江苏华力铸造有限公司');
    expect(ratios).toHaveTextContent('制造部 · 冲压一班');
  });

  it('words the requests in the case’s history with the supplier and why', async () => {
    const event = (seq: number, action: Schemas['EventView']['action'], body: object): Schemas['EventView'] => ({
      seq,
      action,
      from_state: 'customer_negotiation',
      to_state: 'customer_negotiation',
      actor_name: '刘品保',
      actor_role: 'qa',
      at: `2026-12-1${seq}T02:00:00Z`,
      body: body as Record<string, never>,
    });
    serve({
      roles: ['sales'],
      requests: requestsView([]),
      events: [
        event(1, 'raise_supplier_request', { request_id: 5, supplier: '江苏华力铸造有限公司', ratio_percent: 70, due_on: '2026-12-17' }),
        event(2, 'reject_supplier_request', { request_id: 5, supplier: '江苏华力铸造有限公司', comment: '未附验证数据' }),
      ],
    });
    await renderApp('/complaints/7');
    const history = (await screen.findByRole('heading', { level: 2, name: '处理记录' })).closest('.ant-card') as HTMLElement;
    const entries = [...history.querySelectorAll('.kehu-event')];
    expect(entries.map((e) => e.querySelector('strong')?.textContent)).toEqual(['退回供应商回复', '发出供应商纠正要求']);
    expect(entries[0]).toHaveTextContent('江苏华力铸造有限公司：未附验证数据');
    expect(entries[1]).toHaveTextContent('江苏华力铸造有限公司');
  });
});

describe('供应商纠正措施要求: the actions', () => {
  it('records the supplier’s answer: both texts required, sent with the version as If-Match, then the case is read again', async () => {
    const user = setup();
    let requests = requestsView([requestView({ available_actions: ['record_answer', 'cancel'] })]);
    const calls = serve({
      roles: ['coordinator'],
      requests: () => requests,
      act: () => {
        const saved = answeredRequest({ answered_by: { id: 6, name: '周统筹' } });
        requests = requestsView([saved]);
        return jsonResponse(200, saved);
      },
    });
    await renderApp('/complaints/7');
    await user.click(within(await within(await panel()).findByTestId('supplier-request-5')).getByRole('button', { name: /登记回复/ }));
    const drawer = await screen.findByRole('dialog', { name: '登记供应商回复' });
    expect(drawer).toHaveTextContent('江苏华力铸造有限公司');
    expect(drawer).toHaveTextContent('支架表面砂眼');
    await user.click(within(drawer).getByRole('button', { name: '确认登记' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('原因分析'))).toHaveTextContent('此项为必填'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('纠正措施'))).toHaveTextContent('此项为必填'));
    expect(posts(calls)).toHaveLength(0);

    const before = gets(calls, '/api/v1/complaints/7');
    fill(within(drawer).getByLabelText('原因分析'), ' 浇注温度偏低 ');
    fill(within(drawer).getByLabelText('纠正措施'), '增加炉温监控');
    expect(within(drawer).getByLabelText('回复日期')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: '确认登记' }));

    expect(await screen.findByText('已登记 江苏华力铸造有限公司 的回复，等待品保审核。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/supplier-requests/5/actions/record_answer');
    expect(post.ifMatch).toBe('"1"');
    expect(post.body).toEqual({ root_cause: '浇注温度偏低', actions: '增加炉温监控', answered_on: null });
    await waitFor(() => expect(gets(calls, '/api/v1/complaints/7')).toBeGreaterThan(before));
    await waitFor(() => expect(within(screen.getByTestId('supplier-request-5')).getByText('待品保审核')).toBeInTheDocument());
  });

  it('places the server’s messages at their fields (422)', async () => {
    const user = setup();
    serve({
      roles: ['coordinator'],
      requests: requestsView([requestView({ available_actions: ['record_answer'] })]),
      act: () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'root_cause', code: 'too_long', message: 'at most 4000' }])),
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /登记回复/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('原因分析'), '原因');
    fill(within(drawer).getByLabelText('纠正措施'), '措施');
    await user.click(within(drawer).getByRole('button', { name: '确认登记' }));
    expect(await within(drawer).findByText('请检查标出的字段')).toBeInTheDocument();
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('原因分析'))).toHaveTextContent('内容过长'));
  });

  it('lets QA accept the answer with no body', async () => {
    const user = setup();
    let requests = requestsView([answeredRequest({ available_actions: ['accept', 'reject'] })]);
    const calls = serve({
      roles: ['qa'],
      requests: () => requests,
      act: () => {
        const saved = answeredRequest({ state: 'accepted', decided_by: { id: 4, name: '刘品保' }, decided_at: '2026-12-15T02:00:00Z', version: 3 });
        requests = requestsView([saved]);
        return jsonResponse(200, saved);
      },
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /接受回复/ }));
    const drawer = await screen.findByRole('dialog', { name: '接受供应商回复' });
    expect(drawer).toHaveTextContent('浇注温度偏低，型砂透气性不足');
    expect(within(drawer).queryByRole('textbox')).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: '确认接受' }));
    expect(await screen.findByText('已接受 江苏华力铸造有限公司 的回复。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/supplier-requests/5/actions/accept');
    expect(post.ifMatch).toBe('"2"');
    expect(post.body).toEqual({});
    const item = await within(screen.getByTestId('case-supplier-requests')).findByTestId('supplier-request-5');
    await waitFor(() => expect(item).toHaveTextContent('刘品保 于 2026-12-15 10:00 接受'));
  });

  it('lets QA send the answer back, saying what it lacks', async () => {
    const user = setup();
    const calls = serve({
      roles: ['qa'],
      requests: requestsView([answeredRequest({ available_actions: ['accept', 'reject'] })]),
      act: () => jsonResponse(200, requestView({ due_on: '2026-12-24', comment: '未附验证数据', version: 3 })),
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /退回回复/ }));
    const drawer = await screen.findByRole('dialog', { name: '退回供应商回复' });
    expect(within(drawer).getByLabelText('新的回复期限')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: '确认退回' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('退回意见'))).toHaveTextContent('此项为必填'));
    expect(posts(calls)).toHaveLength(0);
    fill(within(drawer).getByLabelText('退回意见'), ' 未附验证数据 ');
    await user.click(within(drawer).getByRole('button', { name: '确认退回' }));
    expect(await screen.findByText('已退回 江苏华力铸造有限公司 的回复，新的回复期限为 2026-12-24。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/supplier-requests/5/actions/reject');
    expect(post.ifMatch).toBe('"2"');
    expect(post.body).toEqual({ comment: '未附验证数据', due_on: null });
  });

  it('lets the coordinator cancel the request, saying why', async () => {
    const user = setup();
    const calls = serve({
      roles: ['coordinator'],
      requests: requestsView([requestView({ available_actions: ['record_answer', 'cancel'] })]),
      act: () => jsonResponse(200, requestView({ state: 'cancelled', comment: '客户撤回投诉', version: 2 })),
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /取消要求/ }));
    const drawer = await screen.findByRole('dialog', { name: '取消供应商纠正要求' });
    fill(within(drawer).getByLabelText('取消原因'), '客户撤回投诉');
    await user.click(within(drawer).getByRole('button', { name: '确认取消' }));
    expect(await screen.findByText('已取消对 江苏华力铸造有限公司 的纠正要求。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/supplier-requests/5/actions/cancel');
    expect(post.ifMatch).toBe('"1"');
    expect(post.body).toEqual({ comment: '客户撤回投诉' });
  });

  it('keeps the drawer open when the request changed meanwhile (412) and acts on the version read again', async () => {
    const user = setup();
    let requests = requestsView([answeredRequest({ available_actions: ['accept', 'reject'] })]);
    let answer = () => {
      requests = requestsView([answeredRequest({ available_actions: ['accept', 'reject'], version: 3 })]);
      return jsonResponse(412, problem(412, 'precondition_failed'));
    };
    const calls = serve({ roles: ['qa'], requests: () => requests, act: () => answer() });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /接受回复/ }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '确认接受' }));
    expect(await within(drawer).findByText('此纠正要求刚被他人更新，已显示最新内容，请核对后再操作。')).toBeInTheDocument();
    await waitFor(() => expect(gets(calls, '/api/v1/complaints/7/supplier-requests')).toBeGreaterThan(1));

    answer = () => jsonResponse(200, answeredRequest({ state: 'accepted', version: 4 }));
    await user.click(within(drawer).getByRole('button', { name: '确认接受' }));
    expect(await screen.findByText('已接受 江苏华力铸造有限公司 的回复。')).toBeInTheDocument();
    expect(posts(calls).map((c) => c.ifMatch)).toEqual(['"2"', '"3"']);
  });

  it('explains and refreshes when the request moved on (409)', async () => {
    const user = setup();
    let requests = requestsView([answeredRequest({ available_actions: ['accept', 'reject'] })]);
    serve({
      roles: ['qa'],
      requests: () => requests,
      act: () => {
        requests = requestsView([answeredRequest({ state: 'accepted', decided_by: { id: 9, name: '孙品保' }, decided_at: '2026-12-15T02:00:00Z', version: 3 })]);
        return jsonResponse(409, { ...problem(409, 'wrong_state'), detail: 'accepted already' });
      },
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /接受回复/ }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '确认接受' }));
    expect(await screen.findByText(/操作未完成：情况已有变化，页面已刷新。/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(screen.getByTestId('supplier-request-5')).findByText('已接受')).toBeInTheDocument();
    expect(within(screen.getByTestId('supplier-request-5')).queryByRole('button')).not.toBeInTheDocument();
  });

  it('opens its drawer as a bottom sheet on a phone', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 375;
    const user = setup();
    serve({ roles: ['coordinator'], requests: requestsView([requestView({ available_actions: ['record_answer'] })]) });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /登记回复/ }));
    await screen.findByRole('dialog');
    expect(document.querySelector('.ant-drawer-bottom')).not.toBeNull();
  });
});
