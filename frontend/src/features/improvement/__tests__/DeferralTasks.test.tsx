import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { deferralSummary } from './fixtures';

const items = [
  deferralSummary(2, { reason: '客户尚未回复', until_on: '2027-02-28' }),
  deferralSummary(1, { product_number: null }),
];

function serve(roles: Role[]) {
  signInForTests({ id: 10, display_name: '钱副总', roles });
  return mockApi({ '/api/v1/deferrals': () => jsonResponse(200, { items }) });
}

describe('My tasks: deferral requests waiting for a decision', () => {
  it('lists them for the deputy GM, the longest waiting first, each opening the case at its tracking', async () => {
    const calls = serve(['deputy_gm']);
    await renderApp('/tasks');
    const heading = await screen.findByRole('heading', { level: 2, name: '待审批的暂缓关闭' });
    const box = heading.closest('section') as HTMLElement;
    const links = within(box).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual(['打开投诉 2611-0007 的暂缓关闭申请', '打开投诉 2611-0008 的暂缓关闭申请']);
    expect(links[0]).toHaveAttribute('href', '/complaints/7#section-tracking');
    expect(links[0]).toHaveTextContent('暂缓至 2027-03-31');
    expect(links[0]).toHaveTextContent('需审批暂缓关闭');
    expect(links[0]).toHaveTextContent('赵制造 于 2026-12-01 10:00 申请');
    expect(links[0]).toHaveTextContent('等待客户下批来料验证');
    expect(links[0]).not.toHaveTextContent('BRK-');
    expect(links[1]).toHaveTextContent('BRK-2');
    expect(links[1]).toHaveTextContent('客户尚未回复');
    expect(links[1]).toHaveTextContent('暂缓至 2027-02-28');
    expect(calls.find((c) => c.path === '/api/v1/deferrals')?.search).toBe('?state=requested');
    // They count among my tasks.
    expect(await screen.findByRole('link', { name: '待办，2 项' })).toBeInTheDocument();
  });

  it('shows them to the GM too', async () => {
    serve(['gm']);
    await renderApp('/tasks');
    expect(await screen.findByRole('link', { name: '打开投诉 2611-0007 的暂缓关闭申请' })).toBeInTheDocument();
  });

  it('does not ask for them for anyone else', async () => {
    const calls = serve(['coordinator']);
    await renderApp('/tasks');
    await screen.findByText('目前没有等待您处理的事项');
    expect(calls.some((c) => c.path === '/api/v1/deferrals')).toBe(false);
  });
});
