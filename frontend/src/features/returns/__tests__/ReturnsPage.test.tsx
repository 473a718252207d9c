import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { money } from './fixtures';

const row: Schemas['ReturnSummary'] = {
  id: 55,
  number: 'TH2612-0001',
  kind: 'exchange',
  state: 'supervisor_review',
  customer: { id: 1, name: '苏州精密机械有限公司' },
  complaint: null,
  order_number: 'SO-2026-118',
  raised_by: { id: 1, name: '张业务' },
  reason: '客户来料检验不合格',
  products: 'PCB-4L-1020, PCB-2L-0800',
  quantity: 600,
  total: money('6550.00'),
  step_due_at: '2026-12-02T09:00:00Z',
  overdue: true,
  created_at: '2026-12-01T02:00:00Z',
  rule_set: 'business',
};

/** Approved, its return note received by the warehouse. */
const withNote: Schemas['ReturnSummary'] = {
  ...row,
  id: 56,
  number: 'TH2612-0002',
  kind: 'return',
  state: 'approved',
  overdue: false,
  step_due_at: null,
  note_number: 'CT2612-0001',
  note_state: 'to_book',
};

let calls: Call[] = [];
/** The summary's reads (the nav badge reads the to_act box too, 100 at a time). */
const lists = () =>
  calls
    .filter((c) => c.path === '/api/v1/returns')
    .map((c) => Object.fromEntries(new URLSearchParams(c.search)))
    .filter((q) => q.limit === '20');

beforeEach(() => {
  calls = mockApi({ '/api/v1/returns': () => jsonResponse(200, { items: [row, withNote], total: 21, next_cursor: 'abc' }) });
});

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

describe('the returns summary', () => {
  it('lists the applications with the total, by tab, and offers sales a new one', async () => {
    signInForTests({ roles: ['sales'] });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns');
    expect(await screen.findByRole('heading', { level: 1, name: '产品退换货汇总表' })).toBeInTheDocument();
    expect(await screen.findByTestId('returns-total')).toHaveTextContent('共 21 份申请');
    const link = await screen.findByRole('link', { name: 'TH2612-0001' });
    expect(link).toHaveAttribute('href', '/returns/55');
    const cells = within(link.closest('tr')!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual([
      'TH2612-0001',
      '2026-12-01',
      '苏州精密机械有限公司',
      '换货',
      'PCB-4L-1020, PCB-2L-0800',
      '600',
      '¥6,550.00',
      '客户来料检验不合格',
      '业务主管审核已逾期',
      '张业务',
      '—',
    ]);
    // The return note's number and state, in words.
    const noted = screen.getByRole('link', { name: 'TH2612-0002' }).closest('tr')!;
    const cell = within(noted).getAllByRole('cell').at(-1)!;
    expect(cell).toHaveTextContent('CT2612-0001待会计核对');
    expect(within(cell).getByText('待会计核对')).toHaveAttribute('data-note-state', 'to_book');
    expect(screen.getByRole('columnheader', { name: '成品退货单' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /新建申请/ })).toHaveAttribute('href', '/returns/new');
    expect(screen.getByRole('button', { name: '加载更多' })).toBeInTheDocument();
    expect(lists()[0]).toMatchObject({ box: 'all', limit: '20' });

    await user.click(screen.getByText('待我审核'));
    await waitFor(() => expect(lists().at(-1)).toMatchObject({ box: 'to_act' }));
  });

  it('shows cards on a phone and no new button to a reader who is not in sales', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    signInForTests({ roles: ['production'] });
    await renderApp('/returns?box=mine&state=approved');
    const card = await screen.findByRole('link', { name: '打开退换货申请 TH2612-0001，苏州精密机械有限公司' });
    expect(card).toHaveTextContent('换货 · PCB-4L-1020, PCB-2L-0800 × 600');
    expect(within(card).queryByTestId('card-note')).not.toBeInTheDocument();
    const noted = screen.getByRole('link', { name: '打开退换货申请 TH2612-0002，苏州精密机械有限公司' });
    expect(within(noted).getByTestId('card-note')).toHaveTextContent('成品退货单 CT2612-0001待会计核对');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /新建申请/ })).not.toBeInTheDocument();
    expect(lists()[0]).toMatchObject({ box: 'mine', state: 'approved' });
  });
});
