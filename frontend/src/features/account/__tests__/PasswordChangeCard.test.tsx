import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getSession, resetSessionForTests } from '../../../api/session';
import { frameResponse, jsonResponse, renderApp, signInForTests } from '../../../test/render';

const me = { id: 7, username: 'qa', display_name: '品保', department_id: 3, department_name: '品保部', roles: ['qa'] as const, org_id: 1, org_name: '示例制造有限公司' };
const fieldProblem = (field: string, code: string) => ({ type: 't', title: 'x', status: 422, detail: 'd', code: 'validation_failed', errors: [{ field, code, message: 'm' }] });

/** The page's other reads: the frame's, my (empty) penalty ledger, my notice preferences, e-mail log and digest log. */
const READS: Record<string, unknown> = {
  '/api/v1/bonus-ledger': [],
  '/api/v1/me/notice-preferences': { language: 'zh-CN', email_kinds: [], digest_kinds: [], digest_hour: 8, email_address: null, email_available: false, version: 0 },
  '/api/v1/me/notice-deliveries': { items: [] },
  '/api/v1/me/notice-digests': { items: [] },
};
const others = (path: string) => frameResponse(path) ?? jsonResponse(200, READS[path] ?? {});

function mockFetch(handler: (path: string, request: Request) => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    return handler(new URL(request.url).pathname, request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

async function fill(current: string, next: string, again: string) {
  const user = userEvent.setup({ delay: null });
  await user.type(await screen.findByLabelText('当前密码'), current);
  await user.type(screen.getByLabelText('新密码'), next);
  await user.type(screen.getByLabelText('再次输入新密码'), again);
  await user.click(screen.getByRole('button', { name: '修改密码' }));
}

beforeEach(() => {
  resetSessionForTests();
  signInForTests({ ...me, roles: ['qa'] });
});

describe('password change', () => {
  it('checks the repeat on the page and sends nothing until it matches', async () => {
    const fetchMock = mockFetch((path) => others(path));
    await renderApp('/me');
    await fill('kehu-demo-pass', 'Lantern-Quarry-47-Tide', 'Lantern-Quarry-47-Tid');
    expect(await screen.findByText('两次输入的新密码不一致')).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([r]) => new URL((r as Request).url).pathname === '/api/v1/me/password')).toBe(false);
  });

  it("shows the server's verdict at its field", async () => {
    mockFetch((path) => (path === '/api/v1/me/password' ? jsonResponse(422, fieldProblem('new_password', 'weak_password')) : others(path)));
    await renderApp('/me');
    await fill('kehu-demo-pass', 'password1234', 'password1234');
    expect(await screen.findByText(/密码太容易被猜到/)).toBeInTheDocument();
  });

  it('goes on with the new session it is given', async () => {
    const tokens = { access_token: 'a2', token_type: 'Bearer', expires_in: 900, user: me };
    mockFetch((path) => (path === '/api/v1/me/password' ? jsonResponse(200, tokens) : others(path)));
    await renderApp('/me');
    await fill('kehu-demo-pass', 'Lantern-Quarry-47-Tide', 'Lantern-Quarry-47-Tide');
    expect(await screen.findByText('密码已修改，其他设备上的登录已退出')).toBeInTheDocument();
    await waitFor(() => expect(getSession().accessToken).toBe('a2'));
  });
});
