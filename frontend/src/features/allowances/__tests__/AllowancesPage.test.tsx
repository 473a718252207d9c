import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allowanceView, at, money, summary } from './fixtures';

const rows = [summary(allowanceView()), summary(at('signed', { id: 22, number: 'ZR2612-0002', kind: 'compensation', amount: money('2500.00'), complaint_line: 1 }))];

let calls: Call[] = [];
/** The list's own reads (the nav badge reads the to_act box too, 100 at a time). */
const lists = () =>
  calls
    .filter((c) => c.path === '/api/v1/allowances')
    .map((c) => Object.fromEntries(new URLSearchParams(c.search)))
    .filter((q) => q.limit === '20');

beforeEach(() => {
  calls = mockApi({ '/api/v1/allowances': () => jsonResponse(200, { items: rows, total: 21, next_cursor: 'abc' }) });
});

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

describe('the allowance certificates list', () => {
  it('lists the certificates with the total, by tab and state, with 加载更多', async () => {
    signInForTests({ roles: ['sales_manager'] });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/allowances');
    expect(await screen.findByRole('heading', { level: 1, name: '销货折让证明单' })).toBeInTheDocument();
    expect(await screen.findByTestId('allowances-total')).toHaveTextContent('共 21 份证明单');
    const link = await screen.findByRole('link', { name: 'ZR2612-0001' });
    expect(link).toHaveAttribute('href', '/allowances/21');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['单号', '客户', '客诉单号', '类型', '金额', '状态', '开立人', '开立日期']);
    const cells = within(link.closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['ZR2612-0001', '苏州精密机械有限公司', '2611-0007', '折让', '¥1,000.00', '待经理核签', '张业务', '2026-12-06']);
    const second = within(screen.getByRole('link', { name: 'ZR2612-0002' }).closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(second).toEqual(['ZR2612-0002', '苏州精密机械有限公司', '2611-0007', '赔款', '¥2,500.00', '待会计作账', '张业务', '2026-12-06']);
    expect(screen.getByRole('button', { name: '加载更多' })).toBeInTheDocument();
    expect(lists()[0]).toMatchObject({ box: 'all', limit: '20' });

    await user.click(screen.getByText('待我处理'));
    await waitFor(() => expect(lists().at(-1)).toMatchObject({ box: 'to_act' }));
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    await waitFor(() => expect(lists().at(-1)).toMatchObject({ box: 'to_act', cursor: 'abc' }));
  });

  it('shows cards on a phone and keeps the tab and state in the URL', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    signInForTests({ roles: ['finance'] });
    await renderApp('/allowances?box=mine&state=signed');
    const card = await screen.findByRole('link', { name: '打开销货折让证明单 ZR2612-0002，苏州精密机械有限公司' });
    expect(card).toHaveTextContent('赔款 · 客诉单号 2611-0007');
    expect(card).toHaveTextContent('¥2,500.00');
    expect(within(card).getByText('待会计作账')).toHaveAttribute('data-allowance-state', 'signed');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(lists()[0]).toMatchObject({ box: 'mine', state: 'signed' });
  });

  it('says when there is none', async () => {
    calls = mockApi({ '/api/v1/allowances': () => jsonResponse(200, { items: [], total: 0, next_cursor: null }) });
    signInForTests({ roles: ['sales'] });
    await renderApp('/allowances');
    expect(await screen.findByText('没有销货折让证明单')).toBeInTheDocument();
    expect(screen.getByText(/业务员可在已核准客诉的折让、赔款处理明细上开立/)).toBeInTheDocument();
  });
});
