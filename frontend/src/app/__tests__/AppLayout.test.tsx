import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSession, resetSessionForTests, startSession } from '../../api/session';
import type { Me } from '../../api/types';
import { changeLanguage } from '../../i18n';
import { jsonResponse, renderApp, taskSummary } from '../../test/render';

const sales: Me = { id: 1, username: 'sales', display_name: '王业务', department_id: 2, department_name: '业务一部', roles: ['sales'], org_id: 1, org_name: '示例制造有限公司' };
const signIn = (user: Me) =>
  startSession({ access_token: 'a', token_type: 'Bearer', expires_in: 900, refresh_token: 'r', user });
const setWidth = (px: number) => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = px;
};

beforeEach(() => {
  resetSessionForTests();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      if (path === '/api/v1/me/notifications/unread-count') return jsonResponse(200, { count: 5 });
      if (path === '/api/v1/me/tasks') return jsonResponse(200, [taskSummary(1), taskSummary(2)]);
      if (path === '/api/v1/auth/logout') return new Response(null, { status: 204 });
      return jsonResponse(404, { type: 't', title: 'Not found', status: 404, detail: 'd', code: 'not_found' });
    }),
  );
});

afterEach(async () => {
  setWidth(1280);
  await changeLanguage('zh-CN', false);
});

describe('app frame', () => {
  it('shows the side navigation, the bell with unread count and the user', async () => {
    signIn(sales);
    await renderApp('/tasks');
    expect(await screen.findByRole('heading', { level: 1, name: '我的待办' })).toBeInTheDocument();

    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(await within(nav).findByRole('link', { name: '待办，2 项' })).toBeInTheDocument();
    for (const label of ['投诉', '客户', '退换货', '报表']) {
      expect(within(nav).getByRole('link', { name: label })).toBeInTheDocument();
    }
    expect(within(nav).queryByRole('link', { name: '设置' })).not.toBeInTheDocument();
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '通知，5 条未读' })).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.getByRole('button', { name: '用户菜单：王业务' })).toBeInTheDocument();
  });

  it('shows Settings to administrators only', async () => {
    signIn({ ...sales, roles: ['admin'] });
    await renderApp('/settings');
    expect(await screen.findByRole('heading', { level: 1, name: '设置' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '设置' })).toBeInTheDocument();
  });

  it('switches language from the top bar', async () => {
    signIn(sales);
    const user = userEvent.setup({ delay: null });
    await renderApp('/tasks');
    await user.click(await screen.findByRole('button', { name: '语言：简体中文' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));
    // The English catalog and antd locale are separate chunks: give them time to load.
    expect(await screen.findByRole('heading', { level: 1, name: 'My tasks' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(localStorage.getItem('kehu.language')).toBe('en');
  });

  it('becomes a bottom tab bar on a phone', async () => {
    setWidth(390);
    signIn(sales);
    await renderApp('/complaints');
    const tabs = await screen.findByRole('navigation', { name: '底部导航' });
    expect(within(tabs).getAllByRole('link').map((a) => a.textContent)).toEqual(['待办', '投诉', '客户', '我的']);
    expect(screen.queryByRole('navigation', { name: '主导航' })).not.toBeInTheDocument();
  });

  it('leads to 我的 (notification settings, password) from the user menu on a desktop', async () => {
    signIn(sales);
    const user = userEvent.setup({ delay: null });
    const { router } = await renderApp('/tasks');
    await user.click(await screen.findByRole('button', { name: '用户菜单：王业务' }));
    const me = await screen.findByRole('menuitem', { name: '我的' });
    expect(within(me).getByRole('link', { name: '我的' })).toHaveAttribute('href', '/me');
    const menu = me.closest('[role="menu"]') as HTMLElement;
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([expect.stringContaining('王业务'), '我的', '退出登录']);
    await user.click(me);
    await waitFor(() => expect(router.state.location.pathname).toBe('/me'));
    expect(await screen.findByRole('heading', { level: 1, name: '我的' })).toBeInTheDocument();
  });

  it('goes to 我的 when its menu item is chosen with the keyboard', async () => {
    signIn(sales);
    const user = userEvent.setup({ delay: null });
    const { router } = await renderApp('/tasks');
    await user.click(await screen.findByRole('button', { name: '用户菜单：王业务' }));
    const me = await screen.findByRole('menuitem', { name: '我的' });
    // rc-menu reads the legacy `which` (set by browsers, not by user-event).
    fireEvent.keyDown(me, { key: 'Enter', keyCode: 13, which: 13 });
    await waitFor(() => expect(router.state.location.pathname).toBe('/me'));
  });

  it('logs out to the login page', async () => {
    signIn(sales);
    const user = userEvent.setup({ delay: null });
    const { router } = await renderApp('/tasks');
    await user.click(await screen.findByRole('button', { name: '用户菜单：王业务' }));
    await user.click(await screen.findByRole('menuitem', { name: /退出登录/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    expect(getSession()).toMatchObject({ status: 'anonymous', accessToken: null });
  });

  it('shows a 404 page inside the frame for unknown URLs', async () => {
    signIn(sales);
    await renderApp('/nowhere');
    expect(await screen.findByRole('heading', { name: '页面不存在' })).toBeInTheDocument();
  });
});
