import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { answeredRequest, requestView } from './fixtures';

const waiting = [
  requestView({ id: 5, due_on: '2026-12-20' }),
  requestView({ id: 6, complaint: { id: 8, name: '2611-0008' }, supplier: '宁波宏达电镀厂', product_number: null, due_on: '2026-12-12', overdue: true }),
];
const answered = [
  answeredRequest({ id: 7, complaint: { id: 9, name: '2611-0009' }, answered_on: '2026-12-15' }),
  answeredRequest({ id: 5, answered_on: '2026-12-14' }),
];

function serve(roles: Role[]) {
  signInForTests({ id: 6, display_name: '周统筹', roles });
  return mockApi({
    '/api/v1/supplier-requests': (call) => jsonResponse(200, { items: call.search.includes('state=answered') ? answered : waiting }),
  });
}

describe('My tasks: supplier requests', () => {
  it('lists the requests waiting for the supplier for the coordinator, overdue first and marked, each opening the case at its requests', async () => {
    const calls = serve(['coordinator']);
    await renderApp('/tasks');
    const heading = await screen.findByRole('heading', { level: 2, name: '待供应商回复' });
    const box = heading.closest('section') as HTMLElement;
    const links = within(box).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual([
      '打开投诉 2611-0008 的供应商纠正要求（宁波宏达电镀厂）',
      '打开投诉 2611-0007 的供应商纠正要求（江苏华力铸造有限公司）',
    ]);
    expect(links[0]).toHaveAttribute('href', '/complaints/8#section-suppliers');
    expect(links[0]).toHaveClass('is-overdue');
    expect(within(links[0]!).getByText('已逾期')).toBeInTheDocument();
    expect(links[0]).toHaveTextContent('需跟催供应商回复');
    expect(links[0]).toHaveTextContent('回复期限 2026-12-12');
    expect(links[0]).not.toHaveTextContent('BRK-');
    expect(links[1]).not.toHaveClass('is-overdue');
    expect(links[1]).toHaveTextContent('BRK-1');
    expect(links[1]).toHaveTextContent('江苏华力铸造有限公司');
    expect(calls.filter((c) => c.path === '/api/v1/supplier-requests').map((c) => c.search)).toContain('?state=requested');
    expect(calls.some((c) => c.path === '/api/v1/supplier-requests' && c.search.includes('answered'))).toBe(false);
    expect(screen.queryByRole('heading', { level: 2, name: '待审核的供应商回复' })).not.toBeInTheDocument();
    // They count among my tasks.
    expect(await screen.findByRole('link', { name: '待办，2 项' })).toBeInTheDocument();
  });

  it('lists the answers to review for QA, the longest waiting first', async () => {
    const calls = serve(['qa']);
    await renderApp('/tasks');
    const heading = await screen.findByRole('heading', { level: 2, name: '待审核的供应商回复' });
    const links = within(heading.closest('section') as HTMLElement).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/complaints/7#section-suppliers', '/complaints/9#section-suppliers']);
    expect(links[0]).toHaveTextContent('待品保审核');
    expect(links[0]).toHaveTextContent('需审核供应商回复');
    expect(links[0]).toHaveTextContent('2026-12-14 回复');
    expect(calls.filter((c) => c.path === '/api/v1/supplier-requests').map((c) => c.search)).toContain('?state=answered');
    expect(screen.queryByRole('heading', { level: 2, name: '待供应商回复' })).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '待办，2 项' })).toBeInTheDocument();
  });

  it('shows the QA manager the answers too', async () => {
    serve(['qa_manager']);
    await renderApp('/tasks');
    expect(await screen.findByRole('heading', { level: 2, name: '待审核的供应商回复' })).toBeInTheDocument();
  });

  it('does not ask for them for anyone else', async () => {
    const calls = serve(['sales']);
    await renderApp('/tasks');
    await screen.findByText('目前没有等待您处理的事项');
    expect(calls.some((c) => c.path === '/api/v1/supplier-requests')).toBe(false);
  });
});
