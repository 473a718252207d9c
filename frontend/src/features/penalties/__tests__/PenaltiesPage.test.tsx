import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { lastMonth } from '../lib/penalties';
import { cellsOf, runView, summary } from './fixtures';

let calls: Call[] = [];
let start: (call: Call) => Response = () => jsonResponse(201, runView({ id: 5, month: lastMonth() }));
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

const runs = [
  summary({ id: 4, month: '2026-11', state: 'confirming', created_at: '2026-12-03T02:00:00Z' }),
  summary({ id: 3, month: '2026-10', state: 'published', created_at: '2026-11-04T02:00:00Z', approved_at: '2026-11-08T02:00:00Z', published_at: '2026-11-09T02:00:00Z' }),
];

beforeEach(() => {
  start = () => jsonResponse(201, runView({ id: 5, month: lastMonth() }));
  calls = mockApi({
    '/api/v1/penalty-runs': () => jsonResponse(200, runs),
    'POST /api/v1/penalty-runs': (call) => start(call),
    '/api/v1/penalty-runs/5': () => jsonResponse(200, runView({ id: 5, month: lastMonth() })),
  });
});

describe('客诉罚扣: the monthly runs', () => {
  it('lists the runs with their state and dates; the coordinator starts last month by default and lands on the run', async () => {
    signInForTests({ id: 2, display_name: '陈协调', roles: ['coordinator'] });
    const user = setup();
    await renderApp('/penalties');
    expect(await screen.findByRole('heading', { level: 1, name: '客诉罚扣' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '客诉罚扣' })).toBeInTheDocument();
    await screen.findByRole('link', { name: '2026-11' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['月份', '状态', '启动日期', '核准日期', '公布日期']);
    expect(cellsOf('2026-11')).toEqual(['2026-11', '待确认', '2026-12-03', '—', '—']);
    expect(cellsOf('2026-10')).toEqual(['2026-10', '已公布', '2026-11-04', '2026-11-08', '2026-11-09']);
    expect(screen.getByRole('link', { name: '2026-10' })).toHaveAttribute('href', '/penalties/3');

    expect(screen.getByRole('heading', { level: 2, name: '启动月度罚扣' })).toBeInTheDocument();
    expect(screen.getByText('每月 10 日前审视上月结案的客诉案件')).toBeInTheDocument();
    expect(screen.getByLabelText('月份')).toHaveValue(lastMonth());
    await user.click(screen.getByRole('button', { name: '启动月度罚扣' }));
    expect(await screen.findByRole('heading', { level: 1, name: `${lastMonth()} 客诉罚扣` })).toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(sent.body).toEqual({ month: lastMonth() });
  });

  it('says so when the month has a run already (409), and shows a month refused at its field (422)', async () => {
    signInForTests({ id: 2, display_name: '陈协调', roles: ['coordinator'] });
    start = () => jsonResponse(409, problem(409, 'conflict'));
    const user = setup();
    await renderApp('/penalties');
    await user.click(await screen.findByRole('button', { name: '启动月度罚扣' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`${lastMonth()} 已启动过月度罚扣，不能重复启动。`);
    expect(screen.getByRole('heading', { level: 1, name: '客诉罚扣' })).toBeInTheDocument();

    start = () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'month', code: 'out_of_range', message: 'a month that is over' }]));
    await user.click(screen.getByRole('button', { name: '启动月度罚扣' }));
    await waitFor(() => expect(screen.getByLabelText('月份').closest('.ant-form-item')).toHaveClass('ant-form-item-has-error'));
  });

  it('shows everyone else the runs without the start form', async () => {
    signInForTests({ id: 31, display_name: '孙制造', roles: ['production'] });
    await renderApp('/penalties');
    await screen.findByRole('link', { name: '2026-11' });
    expect(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '客诉罚扣' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '启动月度罚扣' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '启动月度罚扣' })).not.toBeInTheDocument();
  });
});
