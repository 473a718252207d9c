import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { App } from '../app/App';
import { routes } from '../app/router';
import { initI18n } from '../i18n';
import { resetSessionForTests, startSession } from '../api/session';
import type { Me } from '../api/types';

/** Renders the whole app (providers, routes, lazy pages) at a URL. */
export async function renderApp(path: string) {
  await initI18n('zh-CN');
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(<App router={router} />);
  return { ...view, router };
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status < 400 ? 'application/json' : 'application/problem+json', ...headers },
  });
}

/** A task summary (GET /me/tasks item) for tests. */
export function taskSummary(id: number, overrides: Record<string, unknown> = {}) {
  const now = Date.now();
  return {
    id,
    number: `2611-000${id}`,
    state: 'qa_investigation',
    closure: null,
    version: 3,
    customer: { id: 1, name: '苏州精密机械有限公司' },
    sales_department_id: 1,
    product_number: `BRK-${id}`,
    description: null,
    market: 'domestic',
    severity: 'general',
    kind: 'quality',
    is_major: false,
    settlement_total: null,
    step_entered_at: new Date(now - 3_600_000).toISOString(),
    step_due_at: new Date(now + 86_400_000 * id).toISOString(),
    step_overdue: false,
    case_due_at: null,
    registered_at: null,
    created_at: new Date(now - 7_200_000).toISOString(),
    updated_at: new Date(now - 3_600_000).toISOString(),
    ...overrides,
  };
}

/** Plausible empty answers for the signed-in frame's own reads. */
export function frameResponse(path: string, { unread = 0, tasks = [] as unknown[] } = {}): Response | null {
  if (path === '/api/v1/me/notifications/unread-count') return jsonResponse(200, { count: unread });
  if (path === '/api/v1/me/tasks') return jsonResponse(200, tasks);
  if (path === '/api/v1/complaints' || path === '/api/v1/customers') return jsonResponse(200, { items: [], next_cursor: null });
  if (path === '/api/v1/complaints/count') return jsonResponse(200, { total: 0 });
  if (path === '/api/v1/returns') return jsonResponse(200, { items: [], total: 0, next_cursor: null });
  if (path === '/api/v1/allowances') return jsonResponse(200, { items: [], total: 0, next_cursor: null });
  // Quality's task badge counts the effectiveness checks due.
  if (path === '/api/v1/effectiveness-checks') return jsonResponse(200, { items: [] });
  // The deputy GM's and the GM's badge counts the deferral requests waiting.
  if (path === '/api/v1/deferrals') return jsonResponse(200, { items: [] });
  // The coordinator's and QA's badge counts the supplier requests to chase or review.
  if (path === '/api/v1/supplier-requests') return jsonResponse(200, { items: [] });
  return null;
}

/** A fresh signed-in session as `user` (defaults for the fields a test does not care about). */
export function signInForTests(user: Partial<Me> & Pick<Me, 'roles'>) {
  resetSessionForTests();
  startSession({
    access_token: 'a',
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: 'r',
    user: { id: 1, username: user.roles[0] ?? 'user', display_name: '测试用户', department_id: 1, department_name: '总经理室', org_id: 1, org_name: '示例制造有限公司', ...user },
  });
}
