/**
 * A stubbed API for whole-app tests: answers by "METHOD /path" (or "/path"
 * for GET), the signed-in frame's own reads too, and records every call.
 */
import { vi } from 'vitest';
import { frameResponse, jsonResponse } from './render';

export const problem = (status: number, code: string, errors: { field: string; code: string; message: string }[] = []) => ({
  type: 't',
  title: 'x',
  status,
  detail: 'd',
  code,
  errors,
});

export interface Call {
  method: string;
  path: string;
  search: string;
  ifMatch: string | null;
  body: unknown;
}

/** `fallback` answers what `routes` do not (a feature's reference reads), before the frame's. */
export function mockApi(routes: Record<string, (call: Call) => Response>, fallback: (path: string) => Response | null = () => null) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      const text = request.method === 'GET' ? '' : await request.text();
      const call: Call = {
        method: request.method,
        path: url.pathname,
        search: url.search,
        ifMatch: request.headers.get('If-Match'),
        body: text ? JSON.parse(text) : null,
      };
      calls.push(call);
      const handler = routes[`${request.method} ${url.pathname}`] ?? (request.method === 'GET' ? routes[url.pathname] : undefined);
      if (handler) return handler(call);
      return fallback(url.pathname) ?? frameResponse(url.pathname) ?? jsonResponse(404, problem(404, 'not_found'));
    }),
  );
  return calls;
}
