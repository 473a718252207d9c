import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';

const summary = {
  id: 3,
  name: '2611-0007-BRK-1',
  complaint: { id: 7, name: '2611-0007' },
  state: 'in_review',
  required: true,
  submitted_by: { id: 4, name: '刘品保' },
  submitted_at: '2026-12-12T02:00:00Z',
  updated_at: '2026-12-12T02:00:00Z',
};

describe('My tasks: 8D reports awaiting approval', () => {
  it('lists them for the QA manager, each opening its report', async () => {
    signInForTests({ id: 8, username: 'qa_manager', display_name: '周经理', roles: ['qa_manager'] });
    const calls = mockApi({ '/api/v1/8d-reports': () => jsonResponse(200, { items: [summary] }) });
    await renderApp('/tasks');
    const link = await screen.findByRole('link', { name: '打开 8D 报告 2611-0007-BRK-1' });
    expect(link).toHaveAttribute('href', '/complaints/7/8d');
    expect(within(link).getByText('刘品保 提交')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '待核准的 8D 报告' })).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/8d-reports')?.search).toBe('?state=in_review');
    expect(await screen.findByRole('link', { name: '待办，1 项' })).toBeInTheDocument();
  });

  it('does not ask for them for anyone else', async () => {
    signInForTests({ id: 4, username: 'qa', display_name: '刘品保', roles: ['qa'] });
    const calls = mockApi({ '/api/v1/8d-reports': () => jsonResponse(200, { items: [summary] }) });
    await renderApp('/tasks');
    await screen.findByText('目前没有等待您处理的事项');
    expect(calls.some((c) => c.path === '/api/v1/8d-reports')).toBe(false);
  });
});
