import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { frameResponse, jsonResponse, renderApp, signInForTests, taskSummary } from '../../../test/render';

const DAY = 86_400_000;

beforeEach(() => {
  signInForTests({ username: 'qa', display_name: '刘品保', department_id: 4, department_name: '质量管理部', roles: ['qa'] });
  const now = Date.now();
  const tasks = [
    taskSummary(1, { number: '2611-0001', step_due_at: new Date(now + 3 * DAY).toISOString(), step_entered_at: new Date(now - DAY).toISOString() }),
    taskSummary(2, {
      number: '2611-0002',
      state: 'production_countermeasure',
      customer: { id: 2, name: '宁波汽配制造有限公司' },
      step_due_at: new Date(now - 2 * DAY - 3_600_000).toISOString(),
      step_entered_at: new Date(now - 5 * DAY).toISOString(),
      step_overdue: true,
    }),
    taskSummary(3, { number: null, state: 'draft', step_due_at: null }),
    taskSummary(4, { number: '2611-0004', state: 'pending_approval', step_due_at: new Date(now + 3_600_000 * 5).toISOString(), step_entered_at: new Date(now - DAY).toISOString() }),
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      return frameResponse(path, { tasks }) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
    }),
  );
});

describe('My tasks', () => {
  it('lists the cases by time left, overdue first, with coloured countdowns', async () => {
    await renderApp('/tasks');
    const rows = await screen.findAllByRole('link', { name: /^打开 / });
    expect(rows.map((r) => r.getAttribute('href'))).toEqual([
      '/complaints/2#section-countermeasure',
      '/complaints/4#section-approval',
      '/complaints/1#section-investigation',
      '/complaints/3/edit',
    ]);
    expect(within(rows[0]!).getByText('逾期 2 天').closest('.kehu-countdown')).toHaveAttribute('data-status', 'overdue');
    expect(within(rows[0]!).getByText('宁波汽配制造有限公司')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('待拟定对策')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('剩 4 小时').closest('.kehu-countdown')).toHaveAttribute('data-status', 'warning');
    expect(within(rows[1]!).getByText('待办：核准')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('无期限')).toBeInTheDocument();
    expect(rows[0]).toHaveAccessibleName('打开 2611-0002，宁波汽配制造有限公司');
  });
});
