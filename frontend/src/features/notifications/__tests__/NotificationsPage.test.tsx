import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { frameResponse, jsonResponse, renderApp, signInForTests } from '../../../test/render';

const HOUR = 3_600_000;

function notifications(read: Set<number>, now: number) {
  const at = (id: number) => (read.has(id) ? new Date(now - HOUR).toISOString() : null);
  return [
    {
      id: 12,
      kind: 'reminder',
      complaint_id: 7,
      params: { number: 'KS-2026-0007', state: 'production_countermeasure' },
      // The server words it in the request's language; the page words it itself.
      title: 'Reminder notice: KS-2026-0007',
      body: '“Countermeasure” on complaint KS-2026-0007 is overdue or was urged; please act on it.',
      created_at: new Date(now - 2 * HOUR).toISOString(),
      read_at: at(12),
    },
    {
      id: 11,
      kind: 'customer_supply_hold',
      complaint_id: null,
      params: { customer_id: '2', customer: '苏州精密机械有限公司', hold: 'on', reason: '货款逾期 90 天' },
      title: 'Supply on hold: 苏州精密机械有限公司',
      body: '货款逾期 90 天',
      created_at: new Date(now - 26 * HOUR).toISOString(),
      read_at: at(11),
    },
    {
      id: 3,
      kind: 'reminder',
      complaint_id: 2,
      params: {},
      title: '催办单：2611-0002',
      body: '请尽快处理。',
      created_at: '2026-11-20T02:00:00Z',
      read_at: at(3),
    },
  ];
}

let calls: { method: string; path: string; search: string }[] = [];
let read: Set<number>;

beforeEach(() => {
  signInForTests({ username: 'production', display_name: '王生产', department_id: 5, department_name: '生产部', roles: ['production'] });
  calls = [];
  read = new Set([11, 3]);
  const now = Date.now();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      calls.push({ method: request.method, path: url.pathname, search: url.search });
      const all = notifications(read, now);
      const unread = all.filter((n) => !n.read_at);
      if (url.pathname === '/api/v1/me/notifications') {
        const items = url.searchParams.get('unread') === 'true' ? unread : all;
        return jsonResponse(200, { items, next_cursor: null });
      }
      if (request.method === 'POST' && url.pathname === '/api/v1/me/notifications/12/read') {
        read.add(12);
        return new Response(null, { status: 204 });
      }
      if (request.method === 'POST' && url.pathname === '/api/v1/me/notifications/read-all') {
        all.forEach((n) => read.add(n.id));
        return new Response(null, { status: 204 });
      }
      return frameResponse(url.pathname, { unread: unread.length }) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
    }),
  );
});

const countReads = () => calls.filter((c) => c.path === '/api/v1/me/notifications/unread-count').length;

describe('Notifications', () => {
  it('words each notification from the catalogs, links it, and marks one read', async () => {
    await renderApp('/notifications');
    const reminder = await screen.findByRole('link', { name: '催办单：KS-2026-0007' });
    expect(reminder).toHaveAttribute('href', '/complaints/7');
    const row = reminder.closest('.kehu-notice') as HTMLElement;
    expect(row).toHaveClass('is-unread');
    expect(within(row).getByRole('img', { name: '未读' })).toBeInTheDocument();
    expect(within(row).getByText('投诉 KS-2026-0007 的「待拟定对策」已逾期或被催办，请尽快处理。')).toBeInTheDocument();
    expect(within(row).getByText('2小时前')).toBeInTheDocument();

    const hold = screen.getByRole('link', { name: '暂停供货：苏州精密机械有限公司' });
    expect(hold).toHaveAttribute('href', '/customers/2');
    expect(hold.closest('.kehu-notice')).not.toHaveClass('is-unread');
    // Stored before notifications were data: the server's words.
    expect(screen.getByRole('link', { name: '催办单：2611-0002' })).toHaveAttribute('href', '/complaints/2');
    expect(screen.getByText('请尽快处理。')).toBeInTheDocument();
    expect(screen.getAllByRole('img', { name: '未读' })).toHaveLength(1);

    const before = countReads();
    fireEvent.click(within(row).getByRole('button', { name: '标为已读' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/me/notifications/12/read')).toBe(true));
    await waitFor(() => expect(screen.queryByRole('img', { name: '未读' })).not.toBeInTheDocument());
    expect(within(row).queryByRole('button', { name: '标为已读' })).not.toBeInTheDocument();
    // The bell's count is asked again.
    await waitFor(() => expect(countReads()).toBeGreaterThan(before));
    expect(screen.getByRole('button', { name: '全部标为已读' })).toBeDisabled();
  });

  it('shows only the unread ones when asked, and marks them all read', async () => {
    await renderApp('/notifications?unread=true');
    expect(await screen.findByRole('link', { name: '催办单：KS-2026-0007' })).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/me/notifications')?.search).toContain('unread=true');
    expect(screen.queryByRole('link', { name: '暂停供货：苏州精密机械有限公司' })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '全部标为已读' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/me/notifications/read-all')).toBe(true));
    expect(await screen.findByText('没有新通知')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('radio', { name: '全部' }));
    expect(await screen.findByRole('link', { name: '暂停供货：苏州精密机械有限公司' })).toBeInTheDocument();
  });
});
