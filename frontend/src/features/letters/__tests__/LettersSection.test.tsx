import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { approvedComplaint } from '../../returns/__tests__/fixtures';
import { answeredInquiry, reminderView } from './fixtures';

type Letter = Schemas['LetterView'];

const answerEvent = {
  seq: 20,
  action: 'answer_late_inquiry',
  from_state: 'closed',
  to_state: 'closed',
  actor_id: 5,
  actor_name: '王生产',
  actor_role: 'production',
  at: '2026-12-11T02:30:00Z',
  body: { letter_id: '32', letter: 'QB2612-0001', step: 'production_countermeasure', answer: '等待模具修复' },
};

interface Case {
  letters: () => Letter[];
  complaint?: () => object;
  events?: object[];
  act?: (call: Call) => Response;
}

function serve({ letters, complaint = approvedComplaint, events = [], act }: Case): Call[] {
  signInForTests({ id: 6, display_name: '周统筹', roles: ['coordinator'] });
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, complaint()),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: events, next_cursor: null }),
    '/api/v1/complaints/7/letters': () => jsonResponse(200, { items: letters() }),
    ...(act ? { 'POST /api/v1/complaints/7/actions/remind': act } : {}),
  });
}

const card = () => screen.findByRole('heading', { level: 2, name: '催办与洽办' }).then((h) => h.closest('.kehu-letters') as HTMLElement);
const letterReads = (calls: Call[]) => calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/complaints/7/letters').length;

describe('催办与洽办 on the case', () => {
  it('lists the case’s letters, each opening its paper', async () => {
    serve({ letters: () => [reminderView(), answeredInquiry('等待模具修复', { late_minutes: 90 })] });
    await renderApp('/complaints/7');
    const section = await card();
    const rows = within(section).getAllByTestId('case-letter');
    expect(rows).toHaveLength(2);

    expect(within(rows[0]!).getByRole('link', { name: 'CB2612-0001' })).toHaveAttribute('href', '/letters/31');
    expect(rows[0]).toHaveTextContent('催办单');
    expect(rows[0]).toHaveTextContent('待拟定对策');
    expect(rows[0]).toHaveTextContent('处理时限 2026-12-05 10:00');
    expect(rows[0]).toHaveTextContent('逾期时长 2 天 3 小时 5 分');
    expect(rows[0]).toHaveTextContent('待处理');

    expect(within(rows[1]!).getByRole('link', { name: 'QB2612-0001' })).toHaveAttribute('href', '/letters/32');
    expect(rows[1]).toHaveTextContent('洽办单');
    expect(rows[1]).toHaveTextContent('逾期时长 1 小时 30 分');
    expect(rows[1]).toHaveTextContent('已回复');
  });

  it('is not there when the case has no letter', async () => {
    const calls = serve({ letters: () => [] });
    await renderApp('/complaints/7');
    expect(await screen.findByRole('heading', { level: 1, name: '2611-0007' })).toBeInTheDocument();
    await waitFor(() => expect(letterReads(calls)).toBe(1));
    expect(screen.queryByRole('heading', { level: 2, name: '催办与洽办' })).not.toBeInTheDocument();
  });

  it('reads the letters again when an action changes the case (催办 sends one)', async () => {
    let letters: Letter[] = [reminderView()];
    let version = 12;
    const calls = serve({
      letters: () => letters,
      complaint: () => ({ ...approvedComplaint(), version, available_actions: ['record_outcome', 'remind'] }),
      act: () => {
        version = 13;
        letters = [...letters, reminderView({ id: 33, number: 'CB2612-0002', level: 3, issued_by: { id: 6, name: '周统筹' } })];
        return jsonResponse(200, { complaint: { ...approvedComplaint(), version, available_actions: ['record_outcome', 'remind'] }, follow_up_id: null });
      },
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/complaints/7');
    expect(within(await card()).getAllByTestId('case-letter')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '催办' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '催办' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/api/v1/complaints/7/actions/remind')).toBe(true));
    expect(await within(await card()).findByRole('link', { name: 'CB2612-0002' })).toHaveAttribute('href', '/letters/33');
  });

  it('shows the answer to an inquiry in the case’s history', async () => {
    serve({ letters: () => [answeredInquiry('等待模具修复')], events: [answerEvent] });
    await renderApp('/complaints/7');
    const history = await screen.findByRole('heading', { level: 2, name: '处理记录' }).then((h) => h.closest('.kehu-history-card') as HTMLElement);
    expect(await within(history).findByText('回复洽办单')).toBeInTheDocument();
    expect(within(history).getByText('洽办单 QB2612-0001：等待模具修复')).toBeInTheDocument();
  });
});
