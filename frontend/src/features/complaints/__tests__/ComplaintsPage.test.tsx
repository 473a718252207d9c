import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests, taskSummary } from '../../../test/render';

const money = (amount: string) => ({ amount, currency: 'CNY' });
const rows = [
  taskSummary(7, { number: '2611-0007', claim_amount: money('120000.00'), settlement_total: money('3500.50') }),
  taskSummary(8, { number: '2611-0008', claim_amount: null }),
];

let calls: Call[] = [];
let exportStatus = 200;
const asked = (path: string) => calls.filter((c) => c.path === path).map((c) => Object.fromEntries(new URLSearchParams(c.search)));

beforeEach(() => {
  exportStatus = 200;
  calls = mockApi({
    '/api/v1/complaints': () => jsonResponse(200, { items: rows, next_cursor: null }),
    '/api/v1/complaints/count': (call) => jsonResponse(200, { total: call.search.includes('mine=true') ? 2 : 1234 }),
    '/api/v1/complaints/export': () =>
      exportStatus === 200
        ? new Response(new Blob(['PK']), { status: 200, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } })
        : jsonResponse(exportStatus, problem(exportStatus, 'validation_failed')),
  });
  signInForTests({ display_name: '张业务', roles: ['sales'] });
});

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
  vi.restoreAllMocks();
});

describe('the complaint list', () => {
  it('shows the total with separators and the claimed amount, and filters to 我发起的', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const { router } = await renderApp('/complaints');
    await waitFor(() => expect(screen.getByTestId('complaints-total')).toHaveTextContent('共 1,234 件'));
    expect(screen.getByTestId('complaints-total')).toHaveAttribute('role', 'status');

    const link = await screen.findByRole('link', { name: '2611-0007' });
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toContain('索赔金额');
    const cell = within(link.closest('tr')!).getAllByRole('cell')[headers.indexOf('索赔金额')]!;
    expect(cell).toHaveTextContent('¥120,000.00');
    expect(cell).toHaveStyle({ textAlign: 'right' });
    const empty = within(screen.getByRole('link', { name: '2611-0008' }).closest('tr')!).getAllByRole('cell')[headers.indexOf('索赔金额')]!;
    expect(empty.textContent).toBe('');

    await user.click(screen.getByRole('checkbox', { name: '我发起的' }));
    await waitFor(() => expect(router.state.location.search).toBe('?mine=true'));
    await waitFor(() => expect(screen.getByTestId('complaints-total')).toHaveTextContent('共 2 件'));
    expect(asked('/api/v1/complaints').at(-1)).toMatchObject({ mine: 'true', limit: '20' });
    expect(asked('/api/v1/complaints/count').at(-1)).toEqual({ mine: 'true' });
    expect(screen.getByRole('button', { name: /清除筛选/ })).toBeInTheDocument();
  });

  it('exports the filtered list as the tracking sheet', async () => {
    const create = vi.fn(() => 'blob:tracking');
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: vi.fn() });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/complaints?overdue=true&mine=true');
    await screen.findByRole('link', { name: '2611-0007' });
    await user.click(screen.getByRole('button', { name: /导出 Excel/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toMatch(/^客户投诉案件追踪表-\d{8}\.xlsx$/);
    expect(asked('/api/v1/complaints/export')).toEqual([{ overdue: 'true', mine: 'true' }]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('says why the export failed', async () => {
    exportStatus = 422;
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/complaints');
    await screen.findByRole('link', { name: '2611-0007' });
    await user.click(screen.getByRole('button', { name: /导出 Excel/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/\S/);
    expect(screen.getByRole('button', { name: /导出 Excel/ })).not.toHaveClass('ant-btn-loading');
  });

  it('shows the total and the claimed amount on a phone', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    await renderApp('/complaints');
    const card = await screen.findByRole('link', { name: /2611-0007/ });
    expect(within(card).getByTestId('card-claim')).toHaveTextContent('索赔金额¥120,000.00');
    expect(within(screen.getByRole('link', { name: /2611-0008/ })).queryByTestId('card-claim')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('complaints-total')).toHaveTextContent('共 1,234 件'));
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
