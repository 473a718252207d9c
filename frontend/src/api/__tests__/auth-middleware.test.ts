import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClients } from '../client';
import { getSession, resetSessionForTests, startSession } from '../session';
import type { Me, TokenResponse } from '../types';

const BASE = 'http://kehu.test';
const me: Me = {
  id: 7,
  username: 'sales',
  display_name: '王业务',
  department_id: 3,
  department_name: '业务一部',
  roles: ['sales'],
  org_id: 1,
  org_name: '示例制造有限公司',
};
const tokens = (access: string): TokenResponse => ({
  access_token: access,
  token_type: 'Bearer',
  expires_in: 900,
  refresh_token: `r-${access}`,
  user: me,
});
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
const unauthenticated = { type: 't', title: 'Not authenticated', status: 401, detail: 'expired', code: 'unauthenticated' };

/** A fake API: accepts only the current access token; /auth/refresh rotates it. */
function fakeServer(options: { refreshSucceeds?: boolean } = {}) {
  const state = { valid: 'fresh', refreshCalls: 0, bodies: [] as string[] };
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/refresh') {
      state.refreshCalls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20)); // let the other 401 arrive meanwhile
      if (options.refreshSucceeds === false) return json(401, unauthenticated);
      return json(200, tokens(state.valid));
    }
    if (path === '/api/v1/auth/login') return json(401, unauthenticated);
    if (request.headers.get('Authorization') !== `Bearer ${state.valid}`) return json(401, unauthenticated);
    if (request.method === 'POST') state.bodies.push(await request.text());
    return json(200, path.endsWith('unread-count') ? { count: 4 } : me);
  });
  return { state, fetchMock };
}

beforeEach(() => {
  resetSessionForTests();
});

describe('auth middleware', () => {
  it('adds the bearer token from memory', async () => {
    const { fetchMock, state } = fakeServer();
    const { api } = createApiClients({ baseUrl: BASE, fetch: fetchMock });
    startSession(tokens('fresh'));
    const { data } = await api.GET('/api/v1/me');
    expect(data).toEqual(me);
    expect(state.refreshCalls).toBe(0);
  });

  it('two concurrent 401s trigger exactly one refresh, then both retry once', async () => {
    const { fetchMock, state } = fakeServer();
    const { api } = createApiClients({ baseUrl: BASE, fetch: fetchMock });
    startSession(tokens('stale'));

    const [a, b] = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/me/notifications/unread-count')]);

    expect(state.refreshCalls).toBe(1);
    expect(a.data).toEqual(me);
    expect(b.data).toEqual({ count: 4 });
    expect(getSession()).toMatchObject({ status: 'authenticated', accessToken: 'fresh' });
    expect(fetchMock).toHaveBeenCalledTimes(5); // 2 originals + 1 refresh + 2 retries
  });

  it('replays the request body on the retry', async () => {
    const { fetchMock, state } = fakeServer();
    const { api } = createApiClients({ baseUrl: BASE, fetch: fetchMock });
    startSession(tokens('stale'));
    // Any write endpoint will do; the typed schema has none yet.
    const post = api.POST as unknown as (path: string, init: { body: unknown }) => Promise<{ response: Response }>;
    const { response } = await post('/api/v1/complaints', { body: { description: '划伤' } });
    expect(response.status).toBe(200);
    expect(state.bodies).toEqual([JSON.stringify({ description: '划伤' })]);
  });

  it('ends the session once when the refresh is refused', async () => {
    const { fetchMock, state } = fakeServer({ refreshSucceeds: false });
    const { api } = createApiClients({ baseUrl: BASE, fetch: fetchMock });
    startSession(tokens('stale'));

    const [a, b] = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/me')]);

    expect(state.refreshCalls).toBe(1);
    expect(a.response.status).toBe(401);
    expect(b.error).toMatchObject({ code: 'unauthenticated' });
    expect(getSession()).toMatchObject({ status: 'anonymous', accessToken: null, endReason: 'expired' });
  });

  it('never refreshes on a failed login', async () => {
    const { fetchMock, state } = fakeServer();
    const { publicApi, api } = createApiClients({ baseUrl: BASE, fetch: fetchMock });
    const viaPublic = await publicApi.POST('/api/v1/auth/login', { body: { username: 'sales', password: 'x' } });
    const viaApi = await api.POST('/api/v1/auth/login', { body: { username: 'sales', password: 'x' } });
    expect(viaPublic.response.status).toBe(401);
    expect(viaApi.response.status).toBe(401);
    expect(state.refreshCalls).toBe(0);
  });
});

describe('session restore on app start', () => {
  it('restores the session from the refresh cookie', async () => {
    const { fetchMock } = fakeServer();
    const { refresh } = createApiClients({ baseUrl: BASE, fetch: fetchMock });
    expect(await refresh()).toBe('refreshed');
    expect(getSession()).toMatchObject({ status: 'authenticated', user: me, accessToken: 'fresh' });
    const [, init] = fetchMock.mock.calls[0]!;
    expect(init).toMatchObject({ method: 'POST', body: '{}' });
  });

  it('starts anonymous (not "expired") when there is no session', async () => {
    const { fetchMock } = fakeServer({ refreshSucceeds: false });
    const { refresh } = createApiClients({ baseUrl: BASE, fetch: fetchMock });
    expect(await refresh()).toBe('ended');
    expect(getSession()).toMatchObject({ status: 'anonymous', endReason: null });
  });

  it('keeps the state when the server cannot be reached', async () => {
    const { refresh } = createApiClients({ baseUrl: BASE, fetch: () => Promise.reject(new TypeError('offline')) });
    expect(await refresh()).toBe('network_error');
    expect(getSession().status).toBe('unknown');
  });
});
