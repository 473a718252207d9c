import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { endSession, getSession, resetSessionForTests } from '../../../api/session';
import type { TokenResponse } from '../../../api/types';
import { frameResponse, jsonResponse, renderApp } from '../../../test/render';

const tokens: TokenResponse = {
  access_token: 'a1',
  token_type: 'Bearer',
  expires_in: 900,
  refresh_token: 'r1',
  user: { id: 1, username: 'sales', display_name: '王业务', department_id: 2, department_name: '业务一部', roles: ['sales'], org_id: 1, org_name: '示例制造有限公司' },
};
const problem = (status: number, code: string) => ({ type: 't', title: 'x', status, detail: 'd', code });

function mockFetch(handler: (path: string, request: Request) => Response) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    return handler(new URL(request.url).pathname, request);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

beforeEach(() => {
  resetSessionForTests();
  endSession(null);
});

describe('login page', () => {
  it('logs in with the keyboard alone and lands on the page it was sent from', async () => {
    const fetchMock = mockFetch((path) =>
      path === '/api/v1/auth/login' ? jsonResponse(200, tokens) : (frameResponse(path) ?? jsonResponse(200, {})),
    );
    const user = userEvent.setup({ delay: null });
    const { router } = await renderApp('/complaints');

    // Guarded route -> /login?next=/complaints
    const username = await screen.findByLabelText('用户名');
    expect(router.state.location.search).toBe('?next=%2Fcomplaints');
    expect(username).toHaveFocus();
    await user.keyboard('sales');
    await user.tab();
    expect(screen.getByLabelText('密码')).toHaveFocus();
    await user.keyboard('kehu-demo-pass{Enter}');

    await waitFor(() => expect(router.state.location.pathname).toBe('/complaints'));
    expect(getSession()).toMatchObject({ status: 'authenticated', accessToken: 'a1' });
    const [request] = fetchMock.mock.calls[0]!;
    expect(await (request as Request).json()).toEqual({ username: 'sales', password: 'kehu-demo-pass' });
    expect(await screen.findByRole('heading', { level: 1, name: '投诉' })).toBeInTheDocument();
  });

  it('goes to My tasks by default', async () => {
    mockFetch((path) => (path === '/api/v1/auth/login' ? jsonResponse(200, tokens) : (frameResponse(path, { unread: 2 }) ?? jsonResponse(200, {}))));
    const user = userEvent.setup({ delay: null });
    const { router } = await renderApp('/login');
    await user.type(await screen.findByLabelText('用户名'), 'sales');
    await user.type(screen.getByLabelText('密码'), 'kehu-demo-pass{Enter}');
    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks'));
    expect(await screen.findByRole('heading', { level: 1, name: '我的待办' })).toBeInTheDocument();
  });

  it('says so on a wrong password', async () => {
    mockFetch(() => jsonResponse(401, problem(401, 'unauthenticated')));
    const user = userEvent.setup({ delay: null });
    await renderApp('/login');
    await user.type(await screen.findByLabelText('用户名'), 'sales');
    await user.type(screen.getByLabelText('密码'), 'wrong{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误');
    expect(getSession().status).toBe('anonymous');
  });

  it('tells how long to wait when rate limited', async () => {
    mockFetch(() => jsonResponse(429, problem(429, 'rate_limited'), { 'Retry-After': '45' }));
    const user = userEvent.setup({ delay: null });
    await renderApp('/login');
    await user.type(await screen.findByLabelText('用户名'), 'sales');
    await user.type(screen.getByLabelText('密码'), 'x{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('登录失败次数过多，请在 45 秒后重试');
  });

  it('validates empty fields without calling the server', async () => {
    const fetchMock = mockFetch(() => jsonResponse(500, null));
    const user = userEvent.setup({ delay: null });
    await renderApp('/login');
    await screen.findByLabelText('用户名');
    await user.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
