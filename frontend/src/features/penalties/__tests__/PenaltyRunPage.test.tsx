import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { cellsOf, charges, choose, departments, item, items, ledger, pageOf, rowOf, runView } from './fixtures';

let calls: Call[] = [];
let run: Schemas['RunView'] = runView();
let act: (call: Call) => Response = () => jsonResponse(200, run);
/** Items per page the stub server sends at most (the client asks for 200). */
let pageSize = 200;
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const posts = () => calls.filter((c) => c.method === 'POST');
const runReads = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/penalty-runs/3');
const reads = () => runReads().length;
/** A step's answer: the run as it is now (the first page, as the server answers a step). */
const becomes = (next: Schemas['RunView']) => () => {
  run = next;
  return jsonResponse(200, pageOf(next, ''));
};

beforeEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
  act = () => jsonResponse(200, pageOf(run, ''));
  pageSize = 200;
  calls = mockApi({
    '/api/v1/penalty-runs/3': (c) => jsonResponse(200, pageOf(run, c.search, pageSize)),
    '/api/v1/departments': () => jsonResponse(200, departments),
    'POST /api/v1/penalty-runs/3/items/11/actions/confirm': (c) => act(c),
    'POST /api/v1/penalty-runs/3/items/11/actions/dispute': (c) => act(c),
    'POST /api/v1/penalty-runs/3/items/11/actions/settle': (c) => act(c),
    'POST /api/v1/penalty-runs/3/actions/approve': (c) => act(c),
    'POST /api/v1/penalty-runs/3/actions/send_back': (c) => act(c),
    '/api/v1/penalty-runs/3/publication': () => new Response('PK', { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
  });
});

/** The head of 制造部: he may confirm or dispute his department's pending item. */
const headView = () => runView({ items: [item({ available_actions: ['confirm', 'dispute'] }), ...items.slice(1)] });

describe('a month’s run: the penalty notice', () => {
  it('lists the items with their amounts, sanctions and states, and the actions the server offers on each', async () => {
    run = headView();
    signInForTests({ id: 50, display_name: '钟生管', roles: ['production_manager'] });
    const user = setup();
    const { router } = await renderApp('/penalties/3');
    expect(await screen.findByRole('heading', { level: 1, name: '2026-11 客诉罚扣' })).toBeInTheDocument();
    expect(screen.getByText('待确认', { selector: '[data-run-state]' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '奖罚通知单', selected: true })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '投诉编号', '责任部门', '班组/责任人', '比例', '损失金额', '责任金额', '处分', '疏忽', '状态', '操作',
    ]);
    expect(cellsOf('冲压一班').slice(0, 9)).toEqual(['2611-0007', '制造部', '冲压一班', '60%', '20,000.00', '12,000.00', '申诫 ×1', '', '待确认']);
    expect(cellsOf('张业务').slice(0, 9)).toEqual(['2611-0007', '业务一部', '张业务', '40%', '20,000.00', '8,000.00', '悔过书 ×1', '', '待确认']);
    expect(cellsOf('2611-0009').slice(0, 9)).toEqual(['2611-0009', '制造部', '冲压一班', '100%', '150,000.00', '150,000.00', '小过 ×1', '疏忽', '已确认']);
    expect(cellsOf('2609-0010').slice(0, 9)).toEqual(['2609-0010逾期罚款', '制造部', '—', '—', '0.00', '1,000.00', '—', '', '已确认']);
    expect(within(rowOf('冲压一班')).getByRole('link', { name: '2611-0007' })).toHaveAttribute('href', '/complaints/7');
    // The money is right-aligned.
    expect(within(rowOf('冲压一班')).getByText('12,000.00').closest('td')!.style.textAlign).toBe('right');
    // Only what the server offers: on the first item alone.
    expect(within(rowOf('冲压一班')).getAllByRole('button').map((b) => b.textContent)).toEqual(['确认', '异议']);
    expect(within(rowOf('张业务')).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByTestId('items-waiting')).toHaveTextContent('待处理 2 项（待确认或有异议）');
    expect(screen.getByTestId('items-total')).toHaveTextContent('共 4 项');
    expect(runReads().map((c) => c.search)).toEqual(['?limit=200']);
    // The last page: no more to load.
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
    expect(screen.getByText('共 4 条，已全部显示')).toBeInTheDocument();
    // No run action for a head.
    expect(screen.queryByRole('toolbar', { name: '罚扣操作' })).not.toBeInTheDocument();

    // The departments are the list's, not the items'.
    await choose(user, '按责任部门筛选', '业务一部');
    await waitFor(() => expect(screen.queryByText('冲压一班')).not.toBeInTheDocument());
    expect(screen.getByText('张业务')).toBeInTheDocument();
    expect(screen.getByTestId('items-waiting')).toHaveTextContent('待处理 1 项');
    expect(screen.getByTestId('items-total')).toHaveTextContent('共 1 项');
    expect(runReads().at(-1)!.search).toBe('?department_id=8&limit=200');
    expect(router.state.location.search).toBe('?department=8');
  });

  it('confirms an item with its own version as If-Match', async () => {
    run = headView();
    signInForTests({ id: 50, display_name: '钟生管', roles: ['production_manager'] });
    act = becomes(runView({ items: [item({ state: 'confirmed', version: 3 }), ...items.slice(1)] }));
    const user = setup();
    await renderApp('/penalties/3');
    await screen.findAllByText('冲压一班');
    expect(screen.getByTestId('items-waiting')).toHaveTextContent('待处理 2 项');
    await user.click(within(rowOf('冲压一班')).getByRole('button', { name: '确认' }));
    expect(await screen.findByText('已确认 2611-0007 的责任。')).toBeInTheDocument();
    const sent = posts()[0]!;
    expect(sent.path).toBe('/api/v1/penalty-runs/3/items/11/actions/confirm');
    expect(sent.ifMatch).toBe('"2"');
    expect(sent.body).toEqual({});
    expect(cellsOf('冲压一班')[8]).toBe('已确认');
    // The counts are the server's, read again after the step.
    expect(screen.getByTestId('items-waiting')).toHaveTextContent('待处理 1 项');
  });

  it('says so and refetches when the item changed meanwhile (412)', async () => {
    run = headView();
    signInForTests({ id: 50, display_name: '钟生管', roles: ['production_manager'] });
    act = () => jsonResponse(412, problem(412, 'precondition_failed'));
    const user = setup();
    await renderApp('/penalties/3');
    await screen.findAllByText('冲压一班');
    const before = reads();
    await user.click(within(rowOf('冲压一班')).getByRole('button', { name: '确认' }));
    expect(await screen.findByText('此罚扣刚被他人修改，已载入最新内容，请核对后重试。')).toBeInTheDocument();
    await waitFor(() => expect(reads()).toBeGreaterThan(before));
  });

  it('disputes an item with a reason', async () => {
    run = headView();
    signInForTests({ id: 50, display_name: '钟生管', roles: ['production_manager'] });
    const user = setup();
    await renderApp('/penalties/3');
    await screen.findAllByText('冲压一班');
    await user.click(within(rowOf('冲压一班')).getByRole('button', { name: '异议' }));
    const drawer = await screen.findByRole('dialog', { name: '异议：2611-0007 · 冲压一班' });
    await user.click(within(drawer).getByRole('button', { name: '异议' }));
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);
    await user.type(within(drawer).getByLabelText('异议理由'), '模具寿命到期属设备部门');
    await user.click(within(drawer).getByRole('button', { name: '异议' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ path: '/api/v1/penalty-runs/3/items/11/actions/dispute', ifMatch: '"2"', body: { comment: '模具寿命到期属设备部门' } });
  });

  it('lets the coordinator settle a dispute with the case’s ratios, which must add up to 100', async () => {
    run = runView({
      items: [item({ state: 'disputed', dispute_reason: '模具寿命到期', available_actions: ['settle'] }), ...items.slice(1)],
    });
    signInForTests({ id: 2, display_name: '陈协调', roles: ['coordinator'] });
    const user = setup();
    await renderApp('/penalties/3');
    expect(await screen.findByText('异议：模具寿命到期')).toBeInTheDocument();
    await user.click(within(rowOf('冲压一班')).getByRole('button', { name: '裁定' }));
    const drawer = await screen.findByRole('dialog', { name: '裁定：2611-0007 · 冲压一班' });
    const team = within(drawer).getByLabelText('冲压一班（制造部）');
    const person = within(drawer).getByLabelText('张业务（业务一部）');
    expect(team).toHaveValue('60');
    expect(person).toHaveValue('40');
    expect(within(drawer).getByTestId('ratio-sum')).toHaveTextContent('合计 100%');
    await user.clear(team);
    await user.type(team, '50');
    await waitFor(() => expect(within(drawer).getByTestId('ratio-sum')).toHaveTextContent('合计 90%'));
    await user.type(within(drawer).getByLabelText('裁定说明'), '各半');
    await user.click(within(drawer).getByRole('button', { name: '裁定' }));
    expect(await within(drawer).findByText('各方比例合计须为 100%')).toBeInTheDocument();
    expect(posts()).toHaveLength(0);

    await user.clear(person);
    await user.type(person, '50');
    await waitFor(() => expect(within(drawer).getByTestId('ratio-sum')).toHaveTextContent('合计 100%'));
    await user.click(within(drawer).getByRole('button', { name: '裁定' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({
      path: '/api/v1/penalty-runs/3/items/11/actions/settle',
      ifMatch: '"2"',
      body: { comment: '各半', ratios: [{ item_id: 11, ratio_percent: 50 }, { item_id: 12, ratio_percent: 50 }] },
    });
  });
});

describe('a month’s run: filters and pages', () => {
  it('sends the department and state filters as query parameters, keeps them in the URL, and reads again with them after a step', async () => {
    run = headView();
    signInForTests({ id: 50, display_name: '钟生管', roles: ['production_manager'] });
    act = becomes(runView({ items: [item({ state: 'confirmed', version: 3 }), ...items.slice(1)] }));
    const user = setup();
    const { router } = await renderApp('/penalties/3?tab=items&department=5');
    await screen.findAllByText('冲压一班');
    expect(runReads().map((c) => c.search)).toEqual(['?department_id=5&limit=200']);
    await waitFor(() => expect(screen.getByRole('combobox', { name: '按责任部门筛选' }).closest('.ant-select')).toHaveTextContent('制造部'));
    expect(screen.queryByText('张业务')).not.toBeInTheDocument();
    expect(screen.getByTestId('items-total')).toHaveTextContent('共 3 项');

    await choose(user, '按状态筛选', '待确认');
    await waitFor(() => expect(screen.queryByText('2611-0009')).not.toBeInTheDocument());
    expect(runReads().at(-1)!.search).toBe('?department_id=5&item_state=pending&limit=200');
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ tab: 'items', department: '5', state: 'pending' });
    expect(screen.getAllByRole('row')).toHaveLength(2);
    // The counts ignore the state filter.
    expect(screen.getByTestId('items-total')).toHaveTextContent('共 3 项');
    expect(screen.getByTestId('items-waiting')).toHaveTextContent('待处理 1 项');

    // A step answers the first page without filters: the list is read again with them.
    const before = reads();
    await user.click(within(rowOf('冲压一班')).getByRole('button', { name: '确认' }));
    expect(await screen.findByText('已确认 2611-0007 的责任。')).toBeInTheDocument();
    expect(runReads().slice(before).map((c) => c.search)).toEqual(['?department_id=5&item_state=pending&limit=200']);
    expect(screen.queryByText('冲压一班')).not.toBeInTheDocument();
    expect(screen.getByText('没有符合筛选条件的明细')).toBeInTheDocument();
    expect(screen.getByTestId('items-waiting')).toHaveTextContent('没有待处理的明细');

    // Another tab keeps the filters in the URL but shows the whole run.
    await user.click(screen.getByRole('tab', { name: '个人罚扣' }));
    await waitFor(() => expect(runReads().at(-1)!.search).toBe('?limit=200'));
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ tab: 'charges', department: '5', state: 'pending' });
    await user.click(screen.getByRole('tab', { name: '奖罚通知单' }));
    expect(await screen.findByText('没有符合筛选条件的明细')).toBeInTheDocument();

    // Cleared: the parameters go.
    await user.click(screen.getByRole('combobox', { name: '按状态筛选' }).closest('.ant-select')!.querySelector('.ant-select-clear')!);
    await screen.findByText('2611-0009');
    expect(runReads().at(-1)!.search).toBe('?department_id=5&limit=200');
    expect(router.state.location.search).toBe('?tab=items&department=5');
  });

  it('loads the next page with after=items_next and appends its rows', async () => {
    run = headView();
    pageSize = 2;
    signInForTests({ id: 50, display_name: '钟生管', roles: ['production_manager'] });
    const user = setup();
    await renderApp('/penalties/3');
    await screen.findAllByText('冲压一班');
    expect(screen.getByText('张业务')).toBeInTheDocument();
    expect(screen.queryByText('2611-0009')).not.toBeInTheDocument();
    // The counts are over the whole run, not the page.
    expect(screen.getByTestId('items-total')).toHaveTextContent('共 4 项');
    expect(screen.getByTestId('items-waiting')).toHaveTextContent('待处理 2 项');

    await user.click(screen.getByRole('button', { name: '加载更多' }));
    await screen.findByText('2611-0009');
    expect(runReads().map((c) => c.search)).toEqual(['?limit=200', '?after=12&limit=200']);
    expect(screen.getAllByRole('row').slice(1).map((r) => r.querySelector('td')!.textContent)).toEqual(['2611-0007', '2611-0007', '2611-0009', '2609-0010逾期罚款']);
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
    expect(screen.getByText('共 4 条，已全部显示')).toBeInTheDocument();
  });

  it('says the charges are those of the items loaded while more remain', async () => {
    run = runView({ state: 'approved', approved_at: '2026-12-08T02:00:00Z', items: items.map((i) => ({ ...i, state: 'confirmed' as const })), charges, ledger });
    pageSize = 2;
    signInForTests({ id: 1, display_name: '王总', roles: ['gm'] });
    const user = setup();
    await renderApp('/penalties/3?tab=charges');
    expect(await screen.findByTestId('charges-partial')).toHaveTextContent('仅列出已加载的 2 项明细（共 4 项）的罚扣');
    expect(screen.getByText('经济罚扣')).toBeInTheDocument();
    expect(screen.queryByText('主管连带')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    await screen.findByText('主管连带');
    expect(screen.queryByTestId('charges-partial')).not.toBeInTheDocument();
    // 孙制造's charges in the order their items came, with his subtotal over both pages.
    expect(cellsOf('经济罚扣')).toEqual(['孙制造', '制造部', '2611-0007', '经济罚扣', '—', '12,000.00', '13,200.00']);
    expect(cellsOf('处分罚扣')).toEqual(['2611-0009', '处分罚扣', '小过 ×1', '1,200.00']);
  });

  it('settles without the ratios when the case’s other shares are filtered out', async () => {
    run = runView({
      items: [item({ state: 'disputed', dispute_reason: '模具寿命到期', available_actions: ['settle'] }), ...items.slice(1)],
    });
    signInForTests({ id: 2, display_name: '陈协调', roles: ['coordinator'] });
    const user = setup();
    await renderApp('/penalties/3?department=5');
    await screen.findAllByText('冲压一班');
    await user.click(within(rowOf('冲压一班')).getByRole('button', { name: '裁定' }));
    const drawer = await screen.findByRole('dialog', { name: '裁定：2611-0007 · 冲压一班' });
    expect(within(drawer).getByTestId('settle-partial')).toHaveTextContent('本案另有责任方不在当前列表中');
    expect(within(drawer).queryByLabelText('冲压一班（制造部）')).not.toBeInTheDocument();
    await user.type(within(drawer).getByLabelText('裁定说明'), '维持原比例');
    await user.click(within(drawer).getByRole('button', { name: '裁定' }));
    await waitFor(() => expect(posts()).toHaveLength(1));
    expect(posts()[0]).toMatchObject({ path: '/api/v1/penalty-runs/3/items/11/actions/settle', ifMatch: '"2"', body: { comment: '维持原比例' } });
  });
});

describe('a month’s run: the general manager', () => {
  it('approves with the run’s version; then the charges, the ledger and the lists are there', async () => {
    run = runView({ state: 'submitted', items: items.map((i) => ({ ...i, state: 'confirmed' as const })), available_actions: ['approve', 'send_back'] });
    signInForTests({ id: 1, display_name: '王总', roles: ['gm'] });
    act = becomes(runView({ state: 'approved', approved_at: '2026-12-08T02:00:00Z', version: 5, items: run.items, charges, ledger }));
    const user = setup();
    await renderApp('/penalties/3');
    const bar = await screen.findByRole('toolbar', { name: '罚扣操作' });
    expect(within(bar).getAllByRole('button').map((b) => b.textContent)).toEqual(['核准', '退回']);
    expect(screen.queryByRole('link', { name: /打印人事公布单/ })).not.toBeInTheDocument();
    await user.click(within(bar).getByRole('button', { name: '核准' }));
    const pop = await waitFor(() => document.querySelector('.ant-popconfirm') as HTMLElement);
    await user.click(within(pop).getByRole('button', { name: '核准' }));
    expect(await screen.findByText('已核准，罚扣已计入台账。')).toBeInTheDocument();
    expect(posts()[0]).toMatchObject({ path: '/api/v1/penalty-runs/3/actions/approve', ifMatch: '"4"', body: {} });
    expect(screen.getByText('已核准', { selector: '[data-run-state]' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /打印人事公布单/ })).toHaveAttribute('href', '/penalties/3/publication/print');
    expect(screen.getByRole('link', { name: /打印罚扣明细/ })).toHaveAttribute('href', '/penalties/3/deductions/print');
    expect(screen.getByRole('button', { name: /导出人事公布单 Excel/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /导出罚扣明细 Excel/ })).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: '个人罚扣' }));
    await screen.findByText('主管连带');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['姓名', '部门', '投诉编号', '类别', '处分', '罚扣金额', '小计']);
    expect(cellsOf('处分罚扣')).toEqual(['孙制造', '制造部', '2611-0009', '处分罚扣', '小过 ×1', '1,200.00', '13,200.00']);
    expect(cellsOf('经济罚扣')).toEqual(['2611-0007', '经济罚扣', '—', '12,000.00']);
    expect(cellsOf('主管连带')).toEqual(['钟生管', '制造部', '2611-0009', '主管连带', '申诫 ×2', '800.00', '800.00']);

    await user.click(screen.getByRole('tab', { name: '台账' }));
    await screen.findAllByText('148,500.00');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['姓名', '部门', '月绩效奖金', '上月结转', '本月罚扣', '本月实扣', '结转下月']);
    expect(cellsOf('钟生管')).toEqual(['钟生管', '制造部', '6,000.00', '0.00', '800.00', '800.00', '0.00']);
    expect(cellsOf('合计')).toEqual(['合计', '9,000.00', '148,500.00', '14,000.00', '2,300.00', '160,200.00']);
  });

  it('sends the run back with a reason', async () => {
    run = runView({ state: 'submitted', available_actions: ['approve', 'send_back'] });
    signInForTests({ id: 1, display_name: '王总', roles: ['gm'] });
    act = becomes(runView({ state: 'confirming', comment: '请重新核对', version: 5 }));
    const user = setup();
    await renderApp('/penalties/3');
    await user.click(await screen.findByRole('button', { name: '退回' }));
    const drawer = await screen.findByRole('dialog', { name: '退回 2026-11 罚扣' });
    await user.type(within(drawer).getByLabelText('退回原因'), '请重新核对');
    await user.click(within(drawer).getByRole('button', { name: '退回' }));
    expect(await screen.findByText('总经理退回：请重新核对')).toBeInTheDocument();
    expect(posts()[0]).toMatchObject({ path: '/api/v1/penalty-runs/3/actions/send_back', ifMatch: '"4"', body: { comment: '请重新核对' } });
  });
});

describe('a month’s run: the lists', () => {
  it('downloads the publication list as Excel through the API client', async () => {
    run = runView({ state: 'published', approved_at: '2026-12-08T02:00:00Z', published_at: '2026-12-09T02:00:00Z' });
    signInForTests({ id: 9, display_name: '孙人事', roles: ['hr'] });
    const create = vi.fn(() => 'blob:publication');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const user = setup();
    await renderApp('/penalties/3');
    await user.click(await screen.findByRole('button', { name: /导出人事公布单 Excel/ }));
    await waitFor(() => expect(saved).toEqual(['人事公布单-2026-11.xlsx']));
    expect(calls.filter((c) => c.path === '/api/v1/penalty-runs/3/publication').map((c) => c.search)).toEqual(['?format=xlsx']);
    expect(create).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });
});

describe('a month’s run on a phone', () => {
  it('scrolls the notice sideways and takes an action in a bottom sheet', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    run = headView();
    signInForTests({ id: 50, display_name: '钟生管', roles: ['production_manager'] });
    const user = setup();
    await renderApp('/penalties/3');
    await screen.findAllByText('冲压一班');
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
    expect(document.querySelector('.kehu-penalty .ant-table-content table')).toHaveStyle({ width: '1190px' });
    await user.click(within(rowOf('冲压一班')).getByRole('button', { name: '异议' }));
    await screen.findByRole('dialog', { name: '异议：2611-0007 · 冲压一班' });
    expect(document.querySelector('.ant-drawer-content-wrapper')!.closest('.ant-drawer')).toHaveClass('ant-drawer-bottom');
  });
});
