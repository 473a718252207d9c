import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../api/types';
import { App } from '../../../app/App';
import { SIDE_NAV, activeNavKey, visibleItems } from '../../../app/layout/nav-items';
import { initI18n } from '../../../i18n';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, signInForTests } from '../../../test/render';
import CollectionExclusionsPage from '../components/CollectionExclusionsPage';

const money = (amount: string) => ({ amount, currency: 'CNY' });
const person = (id: number, name: string) => ({ id, name });

const report = {
  month: '2026-11',
  from: '2026-10-31T16:00:00Z',
  to: '2026-11-30T16:00:00Z',
  cases: 3,
  total: money('4500.00'),
  by_salesperson_item: [
    { salesperson: person(1, '张业务'), product_number: 'BRK-1', cases: 2, amount: money('3000.00') },
    { salesperson: person(2, '钱业务'), product_number: null, cases: 1, amount: money('1500.00') },
  ],
  lines: [
    line(7, '2611-0007', '张业务', 'BRK-1', '1000.00'),
    line(8, '2611-0008', '张业务', 'BRK-1', '2000.00'),
    { ...line(9, '2611-0009', '钱业务', null, '1500.00'), salesperson: person(2, '钱业务'), order_number: null, product_spec: null },
  ],
};

function line(id: number, number: string, salesperson: string, product: string | null, amount: string) {
  return {
    complaint: { id, name: number },
    approved_on: '2026-11-20',
    salesperson: person(1, salesperson),
    sales_department: person(1, '业务一部'),
    customer: person(3, '苏州精密机械有限公司'),
    order_number: 'SO-2026-007',
    product_number: product,
    product_spec: 'Φ22×1.5 镀锌',
    amount: money(amount),
  };
}

let calls: Call[] = [];

function serve(status = 200) {
  calls = mockApi({
    '/api/v1/complaints/statistics/collection-exclusions': () => (status === 200 ? jsonResponse(200, report) : jsonResponse(status, problem(status, 'forbidden'))),
    '/api/v1/complaints/statistics/collection-exclusions/export': () =>
      new Response(new Blob(['xlsx']), { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
  });
}

/** The page on its own (the app's providers, no frame). */
async function renderPage(path = '/reports/collection-exclusions') {
  await initI18n('zh-CN');
  const router = createMemoryRouter([{ path: '/reports/collection-exclusions', element: <CollectionExclusionsPage /> }], { initialEntries: [path] });
  render(<App router={router} />);
  return screen.findByTestId('exclusions-page');
}

const asked = (path: string) => calls.filter((c) => c.path === path).map((c) => new URLSearchParams(c.search));
const lastMonth = () => {
  const now = new Date();
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${last.getFullYear()}-${String(last.getMonth() + 1).padStart(2, '0')}`;
};

beforeEach(() => signInForTests({ display_name: '钱会计', roles: ['finance'] }));
afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
  vi.restoreAllMocks();
});

describe('客诉金额明细 (kept out of the collection-rate bonus)', () => {
  it('shows last month’s total, the sums by salesperson and item, and every case opening its complaint', async () => {
    serve();
    await renderPage();
    expect(await screen.findByTestId('exclusions-total')).toHaveTextContent('¥4,500.00');
    expect(screen.getByTestId('exclusions-cases')).toHaveTextContent('3');
    expect(asked('/api/v1/complaints/statistics/collection-exclusions')[0]!.get('month')).toBe(lastMonth());

    const sums = screen.getByTestId('exclusion-sums');
    expect([...sums.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['业务员', '品号', '件数', '客诉金额']);
    const sumRows = [...sums.querySelectorAll('tbody tr.ant-table-row')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(sumRows).toEqual([
      ['张业务', 'BRK-1', '2', '¥3,000.00'],
      ['钱业务', '未填写', '1', '¥1,500.00'],
    ]);

    const lines = screen.getByTestId('exclusion-lines');
    expect([...lines.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      '业务员', '业务部门', '品号', '规格', '客诉编号', '核准日期', '客户名称', '订单号', '客诉金额',
    ]);
    const first = lines.querySelector('tbody tr.ant-table-row') as HTMLElement;
    expect([...first.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '张业务', '业务一部', 'BRK-1', 'Φ22×1.5 镀锌', '2611-0007', '2026-11-20', '苏州精密机械有限公司', 'SO-2026-007', '¥1,000.00',
    ]);
    expect(within(lines).getByRole('link', { name: '2611-0009' })).toHaveAttribute('href', '/complaints/9');
  });

  it('reads the month from the address and stacks cards on a phone', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    serve();
    await renderPage('/reports/collection-exclusions?month=2026-11');
    expect(await screen.findAllByTestId('exclusion-line')).toHaveLength(3);
    expect(asked('/api/v1/complaints/statistics/collection-exclusions')[0]!.get('month')).toBe('2026-11');
    expect(screen.queryByTestId('exclusion-lines')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('exclusion-sum')[1]).toHaveTextContent('钱业务¥1,500.00品号 未填写1 件');
    expect(screen.getAllByTestId('exclusion-line')[0]).toHaveTextContent('2611-0007');
  });

  it('downloads the month’s spreadsheet through the API client', async () => {
    serve();
    const create = vi.fn(() => 'blob:exclusions');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderPage('/reports/collection-exclusions?month=2026-10');
    await screen.findByTestId('exclusions-total');
    await user.click(screen.getByTestId('exclusions-export'));
    await waitFor(() => expect(saved).toEqual(['客诉金额明细-2026-10.xlsx']));
    const exported = asked('/api/v1/complaints/statistics/collection-exclusions/export');
    expect(exported.map((q) => [q.get('month'), q.get('format')])).toEqual([['2026-10', 'xlsx']]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('explains who may read it when the server refuses', async () => {
    signInForTests({ display_name: '张业务', roles: ['sales'] });
    serve(403);
    await renderPage();
    expect(await screen.findByText('无权查看')).toBeInTheDocument();
    expect(screen.getByText(/客诉金额明细仅供财务部/)).toBeInTheDocument();
    expect(screen.queryByTestId('exclusions-export')).not.toBeInTheDocument();
  });
});

describe('its place in the navigation', () => {
  const keys = (roles: Role[]) => visibleItems(SIDE_NAV, roles).map((i) => i.key);

  it('is offered to accounting, executives, integration accounts and sales managers only', () => {
    for (const role of ['finance', 'deputy_gm', 'gm', 'integration', 'sales_manager'] as Role[]) expect(keys([role])).toContain('exclusions');
    for (const role of ['sales', 'coordinator', 'admin'] as Role[]) expect(keys([role])).not.toContain('exclusions');
    expect(keys(['admin'])).toContain('settings');
    expect(keys(['gm'])).not.toContain('settings');
  });

  it('is the item lit on its page, the reports item on theirs', () => {
    expect(activeNavKey('/reports/collection-exclusions')).toBe('exclusions');
    expect(activeNavKey('/reports')).toBe('reports');
    expect(activeNavKey('/complaints/42')).toBe('complaints');
    expect(activeNavKey('/me')).toBe('me');
  });
});
