import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { kindsOf } from '../lib/groups';

type Notification = Schemas['NotificationView'];

const now = Date.now();
const notice = (id: number, kind: Notification['kind'], params: Record<string, string>, read = false): Notification => ({
  id,
  kind,
  complaint_id: 7,
  params,
  title: 'server title',
  body: 'server body',
  created_at: new Date(now - id * 60_000).toISOString(),
  read_at: read ? new Date(now).toISOString() : null,
});

const ALL = [
  notice(1, 'reminder', { number: '2612-0007', state: 'qa_investigation', letter_id: '31', letter: 'CB2612-0001' }),
  notice(2, 'major_alert', { number: '2612-0007' }),
  notice(3, 'task', { number: '2612-0008', state: 'awaiting_registration' }, true),
];

let calls: Call[] = [];

beforeEach(() => {
  signInForTests({ username: 'production', display_name: '王生产', department_id: 5, department_name: '生产部', roles: ['production'] });
  calls = mockApi({
    '/api/v1/me/notifications': (call) => {
      const query = new URLSearchParams(call.search);
      const kinds = query.get('kind')?.split(',');
      const items = ALL.filter((n) => (!kinds || kinds.includes(n.kind)) && (query.get('unread') !== 'true' || !n.read_at));
      return jsonResponse(200, { items, next_cursor: null });
    },
  });
});

const lists = () => calls.filter((c) => c.path === '/api/v1/me/notifications').map((c) => new URLSearchParams(c.search));

/** Opens the group select and picks an option. */
async function pickGroup(user: ReturnType<typeof userEvent.setup>, option: string) {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: '类型' }).closest('.ant-select-selector')!);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find(
      (el) => el.textContent === option,
    );
    if (!found) throw new Error(`no option ${option}`);
    return found;
  });
  await user.click(item);
}

describe('the notification centre’s type filter', () => {
  it('sends the group’s kinds and keeps the group in the address beside unread', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const { router } = await renderApp('/notifications?unread=true');
    expect(await screen.findByRole('link', { name: '重大投诉：2612-0007' })).toBeInTheDocument();
    expect(lists().at(-1)?.get('kind')).toBeNull();

    await pickGroup(user, '催办与洽办');
    await waitFor(() => expect(screen.queryByRole('link', { name: '重大投诉：2612-0007' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: '催办单：2612-0007' })).toHaveAttribute('href', '/letters/31');
    const sent = lists().at(-1)!;
    expect(sent.get('kind')).toBe(kindsOf('chase').join(','));
    expect(sent.get('kind')).toContain('reminder,late_inquiry,late_inquiry_answered');
    expect(sent.get('unread')).toBe('true');
    const address = new URLSearchParams(router.state.location.search);
    expect(address.get('kind')).toBe('chase');
    expect(address.get('unread')).toBe('true');

    // Showing all again keeps the group.
    fireEvent.click(screen.getByRole('radio', { name: '全部' }));
    await waitFor(() => expect(router.state.location.search).toBe('?kind=chase'));

    await pickGroup(user, '全部');
    await waitFor(() => expect(router.state.location.search).toBe(''));
    expect(await screen.findByRole('link', { name: '重大投诉：2612-0007' })).toBeInTheDocument();
  });

  it('opens with the group the address names, and says when it has nothing', async () => {
    await renderApp('/notifications?kind=alert');
    expect(await screen.findByRole('link', { name: '重大投诉：2612-0007' })).toBeInTheDocument();
    expect(lists().at(-1)?.get('kind')).toBe('major_alert,close_not_confirmed');
    expect(screen.getByRole('combobox', { name: '类型' }).closest('.ant-select')).toHaveTextContent('投诉预警');
    expect(screen.queryByRole('link', { name: /催办单/ })).not.toBeInTheDocument();
  });

  it('says a group has no notifications', async () => {
    await renderApp('/notifications?kind=customer');
    expect(await screen.findByText('这一类型没有通知')).toBeInTheDocument();
  });
});
