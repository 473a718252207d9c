import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';

let rows: Schemas['LedgerView'][] = [];
let calls: Call[] = [];

const month = (m: string, carried_in: string, charged: string, deducted: string, carried_on: string): Schemas['LedgerView'] => ({
  user_id: 31,
  display_name: '孙制造',
  department_name: '制造部',
  month: m,
  bonus: '3000.00',
  carried_in,
  charged,
  deducted,
  carried_on,
});

beforeEach(() => {
  signInForTests({ id: 31, display_name: '孙制造', roles: ['production'] });
  calls = mockApi({ '/api/v1/bonus-ledger': () => jsonResponse(200, rows) });
});

describe('我的罚扣台账', () => {
  it('shows my own months, the newest first', async () => {
    rows = [month('2026-10', '0.00', '150000.00', '1500.00', '148500.00'), month('2026-11', '148500.00', '10000.00', '1500.00', '157000.00')];
    await renderApp('/me');
    const section = (await screen.findByRole('heading', { level: 2, name: '我的罚扣台账' })).closest('.ant-card') as HTMLElement;
    await within(section).findByText('157,000.00');
    expect(within(section).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['月份', '月绩效奖金', '上月结转', '本月罚扣', '本月实扣', '结转下月']);
    const body = within(section).getAllByRole('row').slice(1);
    expect(within(body[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2026-11', '3,000.00', '148,500.00', '10,000.00', '1,500.00', '157,000.00']);
    expect(within(body[1]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2026-10', '3,000.00', '0.00', '150,000.00', '1,500.00', '148,500.00']);
    expect(within(section).getByRole('link', { name: '查看客诉罚扣' })).toHaveAttribute('href', '/penalties');
    // The caller's own: no user_id asked for.
    expect(calls.find((c) => c.path === '/api/v1/bonus-ledger')!.search).toBe('');
  });

  it('says so when there is nothing yet', async () => {
    rows = [];
    await renderApp('/me');
    expect(await screen.findByText('暂无罚扣记录')).toBeInTheDocument();
  });
});
