import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { frameResponse, jsonResponse, renderApp, signInForTests } from '../../../test/render';

const hook = {
  id: 3,
  url: 'https://erp.example.com/hooks/kehu',
  event_types: ['complaint.state_changed'],
  description: 'ERP',
  active: true,
  version: 2,
  created_at: '2026-11-30T02:00:00Z',
};

let calls: { method: string; path: string; body: unknown; ifMatch: string | null }[] = [];

beforeEach(() => {
  signInForTests({ username: 'admin', display_name: '系统管理员', roles: ['admin'] });
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const req = input instanceof Request ? input : new Request(String(input));
      const path = new URL(req.url).pathname;
      const body = req.method === 'GET' ? null : await req.clone().json().catch(() => null);
      calls.push({ method: req.method, path, body, ifMatch: req.headers.get('If-Match') });
      if (path === '/api/v1/webhooks' && req.method === 'GET') return jsonResponse(200, [hook]);
      if (path === '/api/v1/webhooks' && req.method === 'POST')
        return jsonResponse(201, { ...hook, id: 4, url: 'https://bot.example.com/in', event_types: ['*'], secret: 'whsec-1234' });
      if (path === '/api/v1/webhooks/3' && req.method === 'PATCH') return jsonResponse(200, { ...hook, active: false, version: 3 });
      if (path === '/api/v1/webhooks/3/deliveries')
        return jsonResponse(200, {
          items: [
            {
              id: 9,
              event_id: 77,
              event_type: 'complaint.state_changed',
              status: 'failed',
              attempts: 10,
              next_attempt_at: '2026-11-30T03:00:00Z',
              last_status_code: 500,
              last_error: null,
              created_at: '2026-11-30T02:10:00Z',
              delivered_at: null,
            },
          ],
          next_cursor: null,
        });
      return frameResponse(path) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
    }),
  );
});

describe('Settings: webhooks', () => {
  it('lists the hooks, shows a new one’s secret once, switches one off with its version and shows its deliveries', async () => {
    await renderApp('/settings?tab=webhooks');
    const row = (await screen.findByText('https://erp.example.com/hooks/kehu')).closest('tr') as HTMLElement;
    expect(within(row).getByText('状态变更')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /新建推送地址/ }));
    fireEvent.change(await screen.findByLabelText('接收地址'), { target: { value: 'https://bot.example.com/in' } });
    fireEvent.click(screen.getByRole('button', { name: /^保\s?存$/ }));
    expect(await screen.findByText('whsec-1234')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ url: 'https://bot.example.com/in', event_types: ['*'], description: null });

    fireEvent.click(within(row).getByRole('button', { name: /^停\s?用$/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PATCH')).toMatchObject({ path: '/api/v1/webhooks/3', body: { active: false }, ifMatch: '"2"' });

    fireEvent.click(within(row).getByRole('button', { name: '推送记录' }));
    const drawer = (await screen.findByText('推送记录：https://erp.example.com/hooks/kehu')).closest('.ant-drawer') as HTMLElement;
    expect(await within(drawer).findByText('已放弃')).toBeInTheDocument();
    expect(within(drawer).getByText('HTTP 500')).toBeInTheDocument();
  });
});
