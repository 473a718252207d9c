import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { charges, choose, departments, pageOf, runView, summary } from './fixtures';

let calls: Call[] = [];
let run: Schemas['RunView'];
/** Items per page the stub server sends at most: 制造部's three items come in two pages. */
const PAGE = 2;
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const texts = (els: HTMLElement[]) => els.map((e) => e.textContent);
const runReads = () => calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/penalty-runs/3').map((c) => c.search);

beforeEach(() => {
  run = runView({ ...summary({ state: 'approved', approved_at: '2026-12-08T02:00:00Z' }), charges });
  signInForTests({ id: 9, display_name: '钱生管', roles: ['coordinator'] });
  calls = mockApi({
    '/api/v1/penalty-runs/3': (c) => jsonResponse(200, pageOf(run, c.search, PAGE)),
    '/api/v1/departments': () => jsonResponse(200, departments),
  });
});

/** The notice of 制造部 as printed. */
async function expectNotice() {
  expect(await screen.findByRole('heading', { level: 1, name: '奖罚通知单' })).toBeInTheDocument();
  expect(screen.getByTestId('print-number')).toHaveTextContent('月份 2026-11');
  expect(await screen.findByTestId('notice-line')).toHaveTextContent('2026-11 · 罚扣部门：制造部');
}

describe('奖罚通知单 of a department', () => {
  it('loads every page of the department, with its items, their charges and total, and the four sign-off boxes', async () => {
    await renderApp('/penalties/3/notice/print?department=5');
    await expectNotice();
    // Both pages of 制造部 (items 11 and 13, then 14), nothing of the others.
    expect(runReads()).toEqual(['?department_id=5&limit=200', '?department_id=5&after=13&limit=200']);

    const table = screen.getByRole('table', { name: '奖罚明细' });
    expect(texts(within(table).getAllByRole('columnheader'))).toEqual(['投诉编号', '责任单位/责任人', '比例', '损失金额', '责任金额', '处分', '状态']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => texts(within(r).getAllByRole('cell')))).toEqual([
      ['2611-0007', '冲压一班', '60%', '20,000.00', '12,000.00', '申诫 ×1', '待确认'],
      ['2611-0009', '冲压一班', '100%', '150,000.00', '150,000.00', '小过 ×1', '已确认'],
      ['2609-0010', '制造部', '—', '0.00', '1,000.00', '—', '已确认'],
    ]);
    expect(table).not.toHaveTextContent('张业务');

    const charged = screen.getByRole('table', { name: '个人罚扣' });
    expect(texts(within(charged).getAllByRole('columnheader'))).toEqual(['姓名', '类别', '金额']);
    const lines = within(charged).getAllByRole('row');
    expect(lines.slice(1, -1).map((r) => texts(within(r).getAllByRole('cell')))).toEqual([
      ['孙制造', '处分罚扣', '1,200.00'],
      ['孙制造', '经济罚扣', '12,000.00'],
      ['钟生管', '主管连带', '800.00'],
    ]);
    expect(lines.at(-1)).toHaveTextContent('合计');
    expect(texts(within(lines.at(-1)!).getAllByRole('cell'))).toEqual(['14,000.00']);

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(texts(within(signOff).getAllByRole('columnheader'))).toEqual(['总经理 核准', '总经理室生产管理组 开立', '会计 查核', '罚扣部门 签收']);
    expect(within(signOff).getAllByTestId('signoff-cell')[0]).toHaveTextContent('2026-12-08');
    expect(document.querySelector('.kehu-print__copies')).toHaveTextContent('一式三联： 第一联 存根 · 第二联 会计 · 第三联 罚扣部门');
    expect(screen.getByRole('link', { name: /返回罚扣/ })).toHaveAttribute('href', '/penalties/3');
  });

  it('prints before the approval too, with the approval date left blank', async () => {
    run = runView({ charges });
    await renderApp('/penalties/3/notice/print?department=5');
    await expectNotice();
    expect(within(screen.getByRole('table', { name: '签核' })).getAllByTestId('signoff-cell')[0]).not.toHaveTextContent('2026');
  });

  it('asks for the department without one, then shows its notice', async () => {
    const user = setup();
    const { router } = await renderApp('/penalties/3/notice/print');
    expect(await screen.findByRole('heading', { level: 1, name: '奖罚通知单' })).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(runReads()).toEqual([]);
    await choose(user, '选择罚扣部门', '制造部');
    await waitFor(() => expect(router.state.location.search).toBe('?department=5'));
    await expectNotice();
    expect(screen.getByRole('table', { name: '奖罚明细' })).toBeInTheDocument();
  });

  it('is linked from the run page in any state, for the filtered department or none', async () => {
    run = runView({ charges });
    const user = setup();
    await renderApp('/penalties/3');
    const link = await screen.findByRole('link', { name: /打印奖罚通知单/ });
    expect(link).toHaveAttribute('href', '/penalties/3/notice/print');
    await choose(user, '按责任部门筛选', '业务一部');
    await waitFor(() => expect(screen.getByRole('link', { name: /打印奖罚通知单/ })).toHaveAttribute('href', '/penalties/3/notice/print?department=8'));
  });
});
