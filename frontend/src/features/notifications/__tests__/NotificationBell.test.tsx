import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { reminderView } from '../../letters/__tests__/fixtures';

type Notification = Schemas['NotificationView'];

const MINUTE = 60_000;
let read: Set<number>;
let calls: Call[] = [];

/** Twelve notifications, newest first: a reminder with its letter, then tasks; the older half read. */
function notifications(): Notification[] {
  const now = Date.now();
  return Array.from({ length: 12 }, (_, i) => {
    const id = i + 1;
    const reminder = id === 1;
    const params: Record<string, string> = reminder
      ? { number: '2612-0007', state: 'production_countermeasure', letter_id: '31', letter: 'CB2612-0001' }
      : { number: `2612-00${10 + id}`, state: 'qa_investigation' };
    return {
      id,
      kind: reminder ? 'reminder' : 'task',
      complaint_id: 7,
      params,
      title: 'server title',
      body: 'server body',
      // Half a minute over, so the page's clock (set before the answer came) still says 5, 10, … minutes.
      created_at: new Date(now - id * 5 * MINUTE - 30_000).toISOString(),
      read_at: read.has(id) ? new Date(now).toISOString() : null,
    };
  });
}

beforeEach(() => {
  signInForTests({ id: 5, display_name: '王生产', department_id: 5, department_name: '制造部', roles: ['production'] });
  read = new Set([7, 8, 9, 10, 11, 12]);
  calls = mockApi({
    '/api/v1/me/notifications': (call) => {
      const limit = Number(new URLSearchParams(call.search).get('limit') ?? 50);
      return jsonResponse(200, { items: notifications().slice(0, limit), next_cursor: null });
    },
    '/api/v1/me/notifications/unread-count': () => jsonResponse(200, { count: notifications().filter((n) => !n.read_at).length }),
    'POST /api/v1/me/notifications/1/read': () => {
      read.add(1);
      return new Response(null, { status: 204 });
    },
    'POST /api/v1/me/notifications/read-all': () => {
      notifications().forEach((n) => read.add(n.id));
      return new Response(null, { status: 204 });
    },
    '/api/v1/letters/31': () => jsonResponse(200, reminderView(), { ETag: '"1"' }),
  });
});

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const posted = (path: string) => calls.some((c) => c.method === 'POST' && c.path === path);

async function openBell(user: ReturnType<typeof setup>) {
  const bell = await screen.findByRole('button', { name: '通知，6 条未读' });
  await user.click(bell);
  const panel = await screen.findByRole('dialog', { name: '通知' });
  return { bell, panel };
}

describe('the bell', () => {
  it('opens the latest ten, the unread ones marked', async () => {
    const user = setup();
    await renderApp('/tasks');
    const { bell, panel } = await openBell(user);
    expect(bell).toHaveAttribute('aria-haspopup', 'dialog');
    expect(bell).toHaveAttribute('aria-expanded', 'true');

    const rows = await within(panel).findAllByRole('listitem');
    expect(rows).toHaveLength(10);
    const asked = calls.filter((c) => c.path === '/api/v1/me/notifications');
    expect(asked.map((c) => new URLSearchParams(c.search).get('limit'))).toEqual(['10']);
    expect(within(rows[0]!).getByRole('link', { name: /催办单：2612-0007/ })).toHaveAttribute('href', '/letters/31');
    expect(rows[0]).toHaveTextContent('5分钟前');
    expect(within(panel).getAllByRole('img', { name: '未读' })).toHaveLength(6);
    expect(within(rows[9]!).queryByRole('img', { name: '未读' })).not.toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: '查看全部' })).toHaveAttribute('href', '/notifications');
  });

  it('opens a notification’s letter, marks it read and closes', async () => {
    const user = setup();
    await renderApp('/tasks');
    const { bell, panel } = await openBell(user);
    const row = (await within(panel).findAllByRole('link')).find((a) => a.textContent?.includes('催办单'))!;
    await user.click(row);

    expect(await screen.findByRole('heading', { level: 1, name: /催办单/ })).toHaveTextContent('催办单 CB2612-0001');
    await waitFor(() => expect(posted('/api/v1/me/notifications/1/read')).toBe(true));
    await waitFor(() => expect(bell).toHaveAttribute('aria-expanded', 'false'));
    // The count is read again.
    expect(await screen.findByRole('button', { name: '通知，5 条未读' })).toBeInTheDocument();
  });

  it('marks them all read', async () => {
    const user = setup();
    await renderApp('/tasks');
    const { panel } = await openBell(user);
    await within(panel).findAllByRole('listitem');
    await user.click(within(panel).getByRole('button', { name: '全部标为已读' }));

    await waitFor(() => expect(posted('/api/v1/me/notifications/read-all')).toBe(true));
    await waitFor(() => expect(within(panel).queryByRole('img', { name: '未读' })).not.toBeInTheDocument());
    expect(within(panel).getByRole('button', { name: '全部标为已读' })).toBeDisabled();
    expect(await screen.findByRole('button', { name: '通知' })).toBeInTheDocument();
  });

  it('leads to the whole centre', async () => {
    const user = setup();
    const { router } = await renderApp('/tasks');
    const { bell, panel } = await openBell(user);
    await user.click(within(panel).getByRole('link', { name: '查看全部' }));
    expect(await screen.findByRole('heading', { level: 1, name: '通知' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/notifications');
    await waitFor(() => expect(bell).toHaveAttribute('aria-expanded', 'false'));
  });

  it('closes on Escape, back at the bell', async () => {
    const user = setup();
    await renderApp('/tasks');
    const { bell, panel } = await openBell(user);
    within(panel).getByRole('link', { name: '查看全部' }).focus();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(bell).toHaveAttribute('aria-expanded', 'false'));
    expect(bell).toHaveFocus();
  });

  it('says when there is nothing yet', async () => {
    mockApi({ '/api/v1/me/notifications': () => jsonResponse(200, { items: [], next_cursor: null }) });
    const user = setup();
    await renderApp('/tasks');
    await user.click(await screen.findByRole('button', { name: '通知' }));
    const panel = await screen.findByRole('dialog', { name: '通知' });
    expect(await within(panel).findByText('暂无通知')).toBeInTheDocument();
    expect(within(panel).getByRole('button', { name: '全部标为已读' })).toBeDisabled();
  });
});
