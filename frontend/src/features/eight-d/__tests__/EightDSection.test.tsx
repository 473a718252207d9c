import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { complaintWithEightD, eightDView } from './fixtures';

function renderCase(eightD: Schemas['EightDBrief']): Call[] {
  signInForTests({ id: 4, username: 'qa', display_name: '刘品保', roles: ['qa'] });
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, complaintWithEightD(eightD)),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: [], next_cursor: null }),
    'POST /api/v1/complaints/7/8d': () => jsonResponse(201, eightDView()),
    '/api/v1/complaints/7/8d': () => jsonResponse(200, eightDView()),
  });
}

describe('the complaint’s 8D card', () => {
  it('opens the report, saying whether the customer asked for it, then shows it', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = renderCase({ required: false, state: null, can_open: true });
    await renderApp('/complaints/7');
    const card = await screen.findByTestId('section-8d-card');
    expect(within(card).getByText('尚未开立 8D 报告')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: '开立 8D 报告' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByLabelText('客户要求提供 8D 报告'));
    await user.click(within(drawer).getByRole('button', { name: '开立 8D 报告' }));
    expect(await screen.findByRole('heading', { level: 1, name: '2611-0007-BRK-1' })).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/complaints/7/8d')!;
    expect(post.body).toEqual({ customer_requested: true });
  });

  it('says the case needs one and links to the report once it exists', async () => {
    renderCase({ required: true, state: 'in_review', can_open: false });
    await renderApp('/complaints/7');
    const card = await screen.findByTestId('section-8d-card');
    expect(within(card).getByText('需 8D 报告')).toBeInTheDocument();
    expect(within(card).getByText('待核准')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: /查看 8D 报告/ })).toHaveAttribute('href', '/complaints/7/8d');
    expect(within(card).queryByRole('button', { name: '开立 8D 报告' })).not.toBeInTheDocument();
  });

  it('is not shown on a case that neither needs nor has one', async () => {
    renderCase({ required: false, state: null, can_open: false });
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 2, name: '处理记录' });
    expect(screen.queryByTestId('section-8d-card')).not.toBeInTheDocument();
  });
});
