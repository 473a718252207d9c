import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { cellsOf, charges, choose, item, items, ledger, rowOf, runView } from './fixtures';

let calls: Call[] = [];
let run: Schemas['RunView'] = runView();
let act: (call: Call) => Response = () => jsonResponse(200, run);
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const posts = () => calls.filter((c) => c.method === 'POST');
const reads = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/penalty-runs/3').length;

beforeEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
  act = () => jsonResponse(200, run);
  calls = mockApi({
    '/api/v1/penalty-runs/3': () => jsonResponse(200, run),
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
    await renderApp('/penalties/3');
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
    // No run action for a head.
    expect(screen.queryByRole('toolbar', { name: '罚扣操作' })).not.toBeInTheDocument();

    await choose(user, '按责任部门筛选', '业务一部');
    await waitFor(() => expect(screen.queryByText('冲压一班')).not.toBeInTheDocument());
    expect(screen.getByText('张业务')).toBeInTheDocument();
    expect(screen.getByTestId('items-waiting')).toHaveTextContent('待处理 1 项');
  });

  it('confirms an item with its own version as If-Match', async () => {
    run = headView();
    signInForTests({ id: 50, display_name: '钟生管', roles: ['production_manager'] });
    act = () => jsonResponse(200, runView({ items: [item({ state: 'confirmed', version: 3 }), ...items.slice(1)] }));
    const user = setup();
    await renderApp('/penalties/3');
    await screen.findAllByText('冲压一班');
    await user.click(within(rowOf('冲压一班')).getByRole('button', { name: '确认' }));
    expect(await screen.findByText('已确认 2611-0007 的责任。')).toBeInTheDocument();
    const sent = posts()[0]!;
    expect(sent.path).toBe('/api/v1/penalty-runs/3/items/11/actions/confirm');
    expect(sent.ifMatch).toBe('"2"');
    expect(sent.body).toEqual({});
    expect(cellsOf('冲压一班')[8]).toBe('已确认');
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

describe('a month’s run: the general manager', () => {
  it('approves with the run’s version; then the charges, the ledger and the lists are there', async () => {
    run = runView({ state: 'submitted', items: items.map((i) => ({ ...i, state: 'confirmed' as const })), available_actions: ['approve', 'send_back'] });
    signInForTests({ id: 1, display_name: '王总', roles: ['gm'] });
    act = () => jsonResponse(200, runView({ state: 'approved', approved_at: '2026-12-08T02:00:00Z', version: 5, items: run.items, charges, ledger }));
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
    act = () => jsonResponse(200, runView({ state: 'confirming', comment: '请重新核对', version: 5 }));
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
