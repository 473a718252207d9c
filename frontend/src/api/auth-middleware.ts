/**
 * The one place that handles authentication for API calls: adds the bearer
 * token, and on a 401 refreshes the session once (shared by all concurrent
 * callers, see refresh.ts) and retries the request once with the new token.
 * When the refresh fails the session ends; the route guard then sends the
 * user to /login, keeping the URL they wanted.
 */
import type { Middleware } from 'openapi-fetch';
import type { Refresher } from './refresh';

export interface AuthMiddlewareOptions {
  getToken: () => string | null;
  refresh: Refresher;
  fetch: typeof fetch;
  /** Called when even a fresh token is refused: the session is gone. */
  onSessionLost: () => void;
  /** Extra headers for every request, e.g. Accept-Language. */
  headers?: () => Record<string, string>;
}

// The auth endpoints answer 401 for wrong passwords or ended sessions:
// refreshing there would loop or hide the real answer.
const NO_RETRY = /\/api\/v1\/auth\/(login|refresh|logout)$/;

function bearer(token: string | null): string | null {
  return token ? `Bearer ${token}` : null;
}

export function createAuthMiddleware(opts: AuthMiddlewareOptions): Middleware {
  // Bodies are streams that fetch consumes; keep a copy to replay once.
  const replayable = new Map<string, Request>();

  return {
    onRequest({ request, id }) {
      const auth = bearer(opts.getToken());
      if (auth) request.headers.set('Authorization', auth);
      for (const [name, value] of Object.entries(opts.headers?.() ?? {})) {
        if (!request.headers.has(name)) request.headers.set(name, value);
      }
      if (!NO_RETRY.test(new URL(request.url).pathname)) replayable.set(id, request.clone());
      return request;
    },

    async onResponse({ request, response, id }) {
      const original = replayable.get(id);
      replayable.delete(id);
      if (response.status !== 401 || !original) return response;

      const sent = request.headers.get('Authorization');
      // Someone else may have refreshed while this request was in flight.
      if (!bearer(opts.getToken()) || bearer(opts.getToken()) === sent) {
        const outcome = await opts.refresh();
        if (outcome !== 'refreshed') return response;
      }
      const auth = bearer(opts.getToken());
      if (!auth) return response;
      const retry = new Request(original, { headers: new Headers(original.headers) });
      retry.headers.set('Authorization', auth);
      const second = await opts.fetch(retry);
      if (second.status === 401) opts.onSessionLost();
      return second;
    },

    onError({ id }) {
      replayable.delete(id);
    },
  };
}
