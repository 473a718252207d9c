import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { activeNavKey } from '../../../app/layout/nav-items';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';

const week = {
  week: '2026-11-30',
  last_day: '2026-12-06',
  due_on: '2026-12-11',
  from: '2026-11-29T16:00:00Z',
  to: '2026-12-06T16:00:00Z',
  registered: 1234,
  closed: 12,
  first_closures: 8,
  first_closure_rate_percent: '66.67',
  overdue: 3,
  irrational_first: 2,
  irrational_second: 1,
  irrational_share_percent: '25.00',
  by_kind: [
    { key: 'quality', registered: 1000, closed: 8 },
    { key: 'non_quality', registered: 200, closed: 3 },
    { key: '(none)', registered: 34, closed: 1 },
  ],
  by_severity: [
    { key: 'severe', registered: 4, closed: 1 },
    { key: 'general', registered: 1200, closed: 10 },
    { key: 'incidental', registered: 30, closed: 1 },
  ],
};

const WEEKLY = '/api/v1/complaints/statistics/weekly';
const EXPORT = '/api/v1/complaints/statistics/weekly/export';

let calls: Call[] = [];
let status = 200;
let exportStatus = 200;
const asked = (path: string) => calls.filter((c) => c.path === path).map((c) => new URLSearchParams(c.search));

beforeEach(() => {
  status = 200;
  exportStatus = 200;
  calls = mockApi({
    [WEEKLY]: () => (status === 200 ? jsonResponse(200, week) : jsonResponse(status, problem(status, 'forbidden'))),
    [EXPORT]: () =>
      exportStatus === 200
        ? new Response(new Blob(['PK']), { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
        : jsonResponse(exportStatus, problem(exportStatus, 'forbidden')),
  });
  signInForTests({ display_name: '王协调', roles: ['coordinator'] });
});

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
  vi.restoreAllMocks();
});

/** A figure's value as shown (with its separators or % sign). */
const figure = (testId: string) => screen.getByTestId(testId).textContent;

/** The rows of a weekly table, cells as text: body rows, then the 合计 row. */
function tableRows(testId: string): string[][] {
  const table = screen.getByTestId(testId);
  return [...table.querySelectorAll('tbody tr.ant-table-row, tfoot tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''));
}

describe('客户投诉周报', () => {
  it('shows the week, its figures and the two tables with their 合计 rows', async () => {
    await renderApp('/reports/weekly?week=2026-12-02');
    expect(await screen.findByRole('heading', { level: 1, name: '客户投诉周报' })).toBeInTheDocument();
    expect(await screen.findByTestId('weekly-period')).toHaveTextContent('统计周期：2026-11-30 至 2026-12-06');
    expect(screen.getByTestId('weekly-due')).toHaveTextContent('报告日：2026-12-11');
    // Any day of the week asks for the week by its Monday.
    expect(asked(WEEKLY).at(-1)!.get('week')).toBe('2026-11-30');

    const figures = screen.getByTestId('weekly-figures');
    for (const title of ['受理件数', '结案件数', '一次关闭件数', '一次关闭率', '逾期未结件数', '一次非理性抱怨', '二次非理性抱怨', '非理性抱怨比例']) {
      expect(within(figures).getByText(title)).toBeInTheDocument();
    }
    expect(figure('weekly-registered')).toBe('1,234');
    expect(figure('weekly-closed')).toBe('12');
    expect(figure('weekly-first-closures')).toBe('8');
    expect(figure('weekly-first-closure-rate')).toBe('66.67%');
    expect(figure('weekly-overdue')).toBe('3');
    expect(figure('weekly-irrational-first')).toBe('2');
    expect(figure('weekly-irrational-second')).toBe('1');
    expect(figure('weekly-irrational-share')).toBe('25.00%');

    expect(screen.getByRole('heading', { level: 2, name: '按异常类别' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '按严重程度' })).toBeInTheDocument();
    const kind = screen.getByTestId('weekly-kind');
    expect([...kind.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['异常类别', '受理件数', '结案件数']);
    expect(tableRows('weekly-kind')).toEqual([
      ['品质异常', '1,000', '8'],
      ['非品质异常', '200', '3'],
      ['未定', '34', '1'],
      ['合计', '1,234', '12'],
    ]);
    expect(tableRows('weekly-severity')).toEqual([
      ['严重', '4', '1'],
      ['一般', '1,200', '10'],
      ['偶发', '30', '1'],
      ['合计', '1,234', '12'],
    ]);
    expect(screen.getAllByRole('row', { name: /^合计/ })).toHaveLength(2);
    // The sign-off line is on the page, for print (the stylesheet hides it on screen).
    expect(screen.getByText('制表：＿＿＿＿')).toBeInTheDocument();
  });

  it('reaches the other reports from its own navigation, the coordinator without the complaint amounts', async () => {
    await renderApp('/reports/weekly');
    const nav = await screen.findByRole('navigation', { name: '报表' });
    expect(within(nav).getByRole('link', { name: '月报' })).toHaveAttribute('href', '/reports');
    expect(within(nav).getByRole('link', { name: '周报' })).toHaveAttribute('href', '/reports/weekly');
    expect(within(nav).queryByRole('link', { name: '客诉金额明细' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '周报' })).toHaveAttribute('href', '/reports/weekly');
    expect(activeNavKey('/reports/weekly')).toBe('weekly');
  });

  it('offers the complaint amounts beside the weekly report to those who read them', async () => {
    signInForTests({ display_name: '钱会计', roles: ['gm'] });
    await renderApp('/reports/weekly');
    const nav = await screen.findByRole('navigation', { name: '报表' });
    expect(within(nav).getByRole('link', { name: '客诉金额明细' })).toHaveAttribute('href', '/reports/collection-exclusions');
  });

  it.each(['2026-02-30', '2026-13-01', '20261130', 'last', '2999-01-04'])('ignores ?week=%s and shows the server’s default week', async (value) => {
    await renderApp(`/reports/weekly?week=${value}`);
    expect(await screen.findByTestId('weekly-period')).toHaveTextContent('2026-11-30 至 2026-12-06');
    expect(asked(WEEKLY).map((q) => q.has('week'))).toEqual([false]);
  });

  it('downloads the week’s workbook, prints, and says why a download failed', async () => {
    const create = vi.fn(() => 'blob:weekly');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/reports/weekly');
    await screen.findByTestId('weekly-figures');

    await user.click(screen.getByRole('button', { name: /导出 Excel/ }));
    await waitFor(() => expect(saved).toEqual(['客户投诉周报-2026-11-30.xlsx']));
    expect(asked(EXPORT).map((q) => q.get('week'))).toEqual(['2026-11-30']);

    const exportButton = screen.getByRole('button', { name: /导出 Excel/ });
    await waitFor(() => expect(exportButton).not.toHaveClass('ant-btn-loading'));

    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledTimes(1);

    exportStatus = 403;
    await user.click(screen.getByRole('button', { name: /导出 Excel/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/\S/);
    expect(saved).toHaveLength(1);
    expect(exportButton).not.toHaveClass('ant-btn-loading');
  });

  it('shows its figures on a phone', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    await renderApp('/reports/weekly?week=2026-11-30');
    expect(await screen.findByTestId('weekly-registered')).toHaveTextContent('1,234');
    expect(screen.getAllByRole('row', { name: /^合计/ })).toHaveLength(2);
    expect(within(screen.getByRole('navigation', { name: '报表' })).getByRole('link', { name: '月报' })).toBeInTheDocument();
  });

  it('explains who may read it when the server refuses', async () => {
    signInForTests({ display_name: '张业务', roles: ['sales'] });
    status = 403;
    await renderApp('/reports/weekly');
    expect(await screen.findByText(/投诉统计表仅供/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /导出 Excel/ })).not.toBeInTheDocument();
  });
});
