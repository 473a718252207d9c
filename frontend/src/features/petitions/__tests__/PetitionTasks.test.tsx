import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { petitionSummary } from './fixtures';

const items = [petitionSummary(2, { subject: '处理意见异议', department: { id: 1, name: '业务一部' }, raised_by: { id: 2, name: '李经理' } }), petitionSummary(1, { product_number: null })];

function serve(roles: Role[]) {
  signInForTests({ id: 11, display_name: '郑总', roles });
  return mockApi({ '/api/v1/petitions': () => jsonResponse(200, { items }) });
}

describe('My tasks: petitions waiting for the general manager', () => {
  it('lists them for the GM, the longest waiting first, each opening the case at its petitions', async () => {
    const calls = serve(['gm']);
    await renderApp('/tasks');
    const heading = await screen.findByRole('heading', { level: 2, name: '待裁决的签呈' });
    const box = heading.closest('section') as HTMLElement;
    const links = within(box).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual(['打开投诉 2611-0007 的签呈', '打开投诉 2611-0008 的签呈']);
    expect(links[0]).toHaveAttribute('href', '/complaints/7#section-petitions');
    expect(links[0]).toHaveTextContent('客户交涉中');
    expect(links[0]).toHaveTextContent('需总经理裁决');
    expect(links[0]).toHaveTextContent('品保部 · 刘品保 于 2026-12-01 10:00 发起');
    expect(links[0]).toHaveTextContent('责任判定异议');
    expect(links[0]).not.toHaveTextContent('BRK-');
    expect(links[1]).toHaveTextContent('BRK-2');
    expect(links[1]).toHaveTextContent('业务一部 · 李经理 于 2026-12-02 10:00 发起');
    expect(links[1]).toHaveTextContent('处理意见异议');
    expect(calls.find((c) => c.path === '/api/v1/petitions')?.search).toBe('?state=pending');
    // They count among my tasks.
    expect(await screen.findByRole('link', { name: '待办，2 项' })).toBeInTheDocument();
  });

  it('does not ask for them for anyone else', async () => {
    const calls = serve(['deputy_gm']);
    await renderApp('/tasks');
    await screen.findByText('目前没有等待您处理的事项');
    expect(calls.some((c) => c.path === '/api/v1/petitions')).toBe(false);
  });
});
