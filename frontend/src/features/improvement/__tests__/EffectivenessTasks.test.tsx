import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { checkSummary } from './fixtures';

const items = [
  checkSummary(2, { due_on: '2027-01-20' }),
  checkSummary(1, { due_on: '2027-01-10', overdue: true }),
];

function serve(roles: Role[]) {
  signInForTests({ id: 4, display_name: '刘品保', roles });
  return mockApi({ '/api/v1/effectiveness-checks': () => jsonResponse(200, { items }) });
}

describe('My tasks: effectiveness checks that fell due', () => {
  it('lists them for QA, earliest due first, the overdue one marked, each opening the case at its tracking', async () => {
    const calls = serve(['qa']);
    await renderApp('/tasks');
    const heading = await screen.findByRole('heading', { level: 2, name: '待验证的措施有效性' });
    const box = heading.closest('section') as HTMLElement;
    const links = within(box).getAllByRole('link');
    expect(links.map((l) => l.getAttribute('aria-label'))).toEqual([
      '打开投诉 2611-0007 的措施有效性验证',
      '打开投诉 2611-0008 的措施有效性验证',
    ]);
    expect(links[0]).toHaveAttribute('href', '/complaints/7#section-tracking');
    expect(links[0]).toHaveClass('is-overdue');
    expect(within(links[0]!).getByText('已逾期')).toBeInTheDocument();
    expect(links[0]).toHaveTextContent('验证日期 2027-01-10');
    expect(links[0]).toHaveTextContent('BRK-1');
    expect(links[1]).not.toHaveClass('is-overdue');
    expect(within(links[1]!).queryByText('已逾期')).not.toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/effectiveness-checks')?.search).toBe('?state=scheduled&due=true');
    // They count among my tasks.
    expect(await screen.findByRole('link', { name: '待办，2 项' })).toBeInTheDocument();
  });

  it('shows them to the QA manager too', async () => {
    serve(['qa_manager']);
    await renderApp('/tasks');
    expect(await screen.findByRole('link', { name: '打开投诉 2611-0007 的措施有效性验证' })).toBeInTheDocument();
  });

  it('does not ask for them for anyone else', async () => {
    const calls = serve(['sales']);
    await renderApp('/tasks');
    await screen.findByText('目前没有等待您处理的事项');
    expect(calls.some((c) => c.path === '/api/v1/effectiveness-checks')).toBe(false);
  });
});
