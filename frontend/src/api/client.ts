/**
 * API clients, configured once. Import `api` for every call that needs a
 * signed-in user; `publicApi` only for login / refresh / logout. Typed by the
 * generated schema (see types.ts); paths are written in full (`/api/v1/...`)
 * as the OpenAPI document lists them.
 */
import createClient, { type Client } from 'openapi-fetch';
import { createAuthMiddleware } from './auth-middleware';
import { createRefresher, type Refresher } from './refresh';
import { endSession, getAccessToken, getSession } from './session';
import type { paths } from './types';

export type ApiClient = Client<paths>;

export interface ApiClients {
  api: ApiClient;
  publicApi: ApiClient;
  refresh: Refresher;
}

export interface ApiClientOptions {
  /** Defaults to this page's origin (the SPA is served by the API). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Extra headers for every authenticated call, e.g. Accept-Language. */
  headers?: () => Record<string, string>;
}

export function createApiClients(options: ApiClientOptions = {}): ApiClients {
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? '';
  // Late-bound so tests (and polyfills) that replace globalThis.fetch are honoured.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const refresh = createRefresher(fetchImpl, baseUrl);

  const publicApi = createClient<paths>({ baseUrl, fetch: fetchImpl, credentials: 'same-origin' });
  // No HTTP cache for signed-in reads. The server now marks them private and
  // `Vary: Authorization` (so one user's copy is never shown to the next), but
  // its ETag is the resource version, and some fields change without a new
  // version (`step_overdue` as time passes): a 304 could keep a stale copy.
  const api = createClient<paths>({ baseUrl, fetch: fetchImpl, credentials: 'same-origin', cache: 'no-store' });
  api.use(
    createAuthMiddleware({
      getToken: getAccessToken,
      refresh,
      fetch: fetchImpl,
      headers: options.headers,
      onSessionLost: () => endSession('expired'),
    }),
  );
  return { api, publicApi, refresh };
}

let acceptLanguage = 'zh-CN';
/** Kept in step with the UI language so server messages can follow it. */
export function setApiLanguage(language: string): void {
  acceptLanguage = language;
}

export const { api, publicApi, refresh: refreshSession } = createApiClients({
  headers: () => ({ 'Accept-Language': acceptLanguage }),
});

/**
 * App start: try the refresh cookie once. If the server cannot be reached the
 * user lands on the login page rather than waiting on a spinner.
 */
export async function restoreSession(refresh: Refresher = refreshSession): Promise<void> {
  const outcome = await refresh();
  if (outcome === 'network_error' && getSession().status === 'unknown') endSession(null);
}
