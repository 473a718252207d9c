import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../api/types';
import { frameResponse, jsonResponse, renderApp, signInForTests } from '../../../test/render';

const money = (amount: string) => ({ amount, currency: 'CNY' });
const group = (key: string, cases: number, settlement: string, name: string | null = null) => ({
  key,
  name,
  cases,
  defective_quantity: cases * 10,
  settlement: money(settlement),
  loss: money(settlement),
});
const none = { items: [], others: null };

const statistics = {
  month: '2026-10',
  from: '2026-09-30T16:00:00Z',
  to: '2026-10-31T16:00:00Z',
  closed: 3,
  open: 1234,
  open_overdue: 2,
  first_closures: 2,
  first_closure_rate_percent: '66.67',
  repeats: 1,
  irrational_first: 2,
  irrational_second: 1,
  settlement_total: money('1500.00'),
  loss_total: money('1500.00'),
  by_closure: { items: [group('resolved', 2, '1500.00'), group('invalid', 1, '0.00')], others: null },
  by_kind: { items: [group('quality', 2, '1500.00')], others: group('others', 1, '0.00') },
  by_severity: none,
  by_cause: { items: [group('late_delivery', 1, '0.00'), group('(none)', 2, '1500.00')], others: null },
  by_customer: { items: [group('7', 3, '1500.00', '苏州精密机械有限公司')], others: null },
  by_product: none,
  by_resolution: { items: [group('compensation', 2, '1500.00')], others: null },
  by_department: [{ department_id: 5, name: '制造部', cases: 2, ratio_percent_sum: 170, loss_share: money('1200.00') }],
};

const signIn = (roles: Role[]) => signInForTests({ display_name: '王协调', roles });

let asked: URL[] = [];
function serve(status: number) {
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/api/v1/complaints/statistics/monthly/export') {
        asked.push(url);
        return status === 200
          ? new Response(new Blob(['PK']), { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
          : jsonResponse(403, { type: 't', title: 'Forbidden', status: 403, detail: 'no', code: 'forbidden' });
      }
      if (url.pathname === '/api/v1/complaints/statistics/monthly') {
        asked.push(url);
        return status === 200
          ? jsonResponse(200, statistics)
          : jsonResponse(403, { type: 't', title: 'Forbidden', status: 403, detail: 'no', code: 'forbidden' });
      }
      return frameResponse(url.pathname) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
    }),
  );
}

describe('Reports: the monthly statistics table', () => {
  beforeEach(() => signIn(['coordinator']));

  it("shows the current month's totals and breakdowns with the users' words", async () => {
    serve(200);
    await renderApp('/reports');
    const rate = (await screen.findByText('一次关闭率')).closest('.ant-statistic') as HTMLElement;
    expect(rate.textContent).toContain('66.67%');
    const repeats = screen.getByText('重复投诉').closest('.ant-statistic') as HTMLElement;
    expect(repeats.querySelector('.ant-statistic-content')).toHaveTextContent(/^1$/);
    // Irrational complaints are counted apart, beside the repeats.
    const first = screen.getByText('非理性抱怨（一次）').closest('.ant-statistic') as HTMLElement;
    expect(first.querySelector('.ant-statistic-content')).toHaveTextContent(/^2$/);
    const second = screen.getByText('非理性抱怨（二次）').closest('.ant-statistic') as HTMLElement;
    expect(second.querySelector('.ant-statistic-content')).toHaveTextContent(/^1$/);
    // Without ?month=, the month under way (as the server's own default).
    const month = asked[0]!.searchParams.get('month')!;
    const now = new Date();
    expect(month).toBe(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`);
    expect(screen.getByRole('heading', { level: 2, name: `客户投诉案件统计表（${month} 结案）` })).toBeInTheDocument();
    expect(asked[0]!.searchParams.get('top')).toBe('20');

    const closure = screen.getByText('关闭方式', { selector: '.ant-card-head-title' }).closest('.ant-card') as HTMLElement;
    expect(within(closure).getByText('已处理结案')).toBeInTheDocument();
    expect(within(closure).getByText('投诉不成立')).toBeInTheDocument();
    const kind = screen.getByText('异常类别', { selector: '.ant-card-head-title' }).closest('.ant-card') as HTMLElement;
    expect(within(kind).getByText('其他')).toBeInTheDocument();
    const cause = screen.getByText('原因', { selector: '.ant-card-head-title' }).closest('.ant-card') as HTMLElement;
    expect(within(cause).getByText('交期延误')).toBeInTheDocument();
    expect(within(cause).getByText('未填写')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '苏州精密机械有限公司' })).toHaveAttribute('href', '/customers/7');
    const shares = screen.getByText('责任部门及比率', { selector: '.ant-card-head-title' }).closest('.ant-card') as HTMLElement;
    expect(within(shares).getByText('1.70 件')).toBeInTheDocument();
    expect(within(shares).getByText('¥1,200.00')).toBeInTheDocument();
  });

  it('reads the month from the address', async () => {
    serve(200);
    await renderApp('/reports?month=2025-03');
    await screen.findByText('客户投诉案件统计表（2025-03 结案）');
    expect(asked.at(-1)!.searchParams.get('month')).toBe('2025-03');
  });

  it("shows the month's still-open cases apart from the closed ones", async () => {
    serve(200);
    await renderApp('/reports?month=2026-10');
    const open = await screen.findByTestId('monthly-open');
    expect(within(open).getByRole('heading', { level: 2, name: '本月受理未结案件' })).toBeInTheDocument();
    const count = within(open).getByText('件数').closest('.ant-statistic') as HTMLElement;
    expect(count.querySelector('.ant-statistic-content')).toHaveTextContent(/^1,234$/);
    const overdue = within(open).getByText('其中逾期').closest('.ant-statistic') as HTMLElement;
    expect(overdue.querySelector('.ant-statistic-content')).toHaveTextContent(/^2$/);
    // Not among the closed-case figures.
    const closed = screen.getByText('结案件数').closest('.ant-card') as HTMLElement;
    expect(closed).not.toBe(open);
    expect(within(closed).queryByText('其中逾期')).not.toBeInTheDocument();
  });

  it('downloads the month’s workbook with its month and rows, prints, and links the other reports', async () => {
    serve(200);
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:monthly'), revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/reports?month=2025-03');
    await screen.findByTestId('monthly-open');
    await user.click(screen.getByRole('button', { name: /导出 Excel/ }));
    await waitFor(() => expect(saved).toEqual(['客户投诉案件统计表-2025-03.xlsx']));
    const exported = asked.filter((u) => u.pathname.endsWith('/export'));
    expect(exported.map((u) => [u.searchParams.get('month'), u.searchParams.get('top')])).toEqual([['2025-03', '20']]);
    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(screen.getByText('审核：＿＿＿＿')).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: '报表' });
    expect(within(nav).getByRole('link', { name: '周报' })).toHaveAttribute('href', '/reports/weekly');
    expect(within(nav).getByRole('link', { name: '月报' })).toHaveAttribute('href', '/reports');
  });

  it('explains who may read it when the server refuses', async () => {
    signIn(['sales']);
    serve(403);
    await renderApp('/reports');
    expect(await screen.findByText(/投诉统计表仅供/)).toBeInTheDocument();
  });
});
