import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allOriginals, approvedReturn, event, inspection, noteHistory, noteView } from './fixtures';

type ReturnView = Schemas['ReturnView'];

let current: ReturnView = approvedReturn();
let status = 200;
let writes: Call[] = [];

/** The warehouse's step on the note, which it may extend once (kept apart from ReturnNote.test.tsx, near its size limit). */
function toReceive(): ReturnView {
  const due = new Date(Date.now() + 5 * 3_600_000).toISOString();
  return approvedReturn({
    inspection: inspection(),
    ...allOriginals,
    note: noteView({ state: 'to_receive', available_actions: ['receive', 'extend'], step_due_at: due }),
    history: noteHistory('verify_note'),
  });
}

function extend(call: Call): Response {
  writes.push(call);
  if (status !== 200) {
    const failed = jsonResponse(status, problem(status, 'conflict'));
    status = 200;
    return failed;
  }
  const last = current.history[current.history.length - 1]!;
  current = {
    ...current,
    note: { ...current.note!, step_extended: true, available_actions: ['receive'] },
    history: [...current.history, event(last.seq + 1, 'extend_note', 'approved', 'approved', '马仓管', '2026-12-07T08:00:00Z', (call.body as { comment: string }).comment)],
    version: current.version + 1,
  };
  return jsonResponse(200, current);
}

beforeEach(() => {
  current = toReceive();
  status = 200;
  writes = [];
  signInForTests({ id: 14, username: 'warehouse', display_name: '马仓管', department_id: 8, department_name: '成品仓', roles: ['warehouse'] });
  mockApi({
    '/api/v1/returns/55': () => jsonResponse(200, current, { ETag: `"${current.version}"` }),
    'POST /api/v1/returns/55/note/actions/extend': extend,
  });
});

/** A button by its text (not getByRole with a name: slow under jsdom with antd's style sheets). */
const button = (scope: HTMLElement, text: string) => within(scope).getByText(text, { selector: 'button > span' }).closest('button') as HTMLElement;
const action = (name: string) => document.querySelector<HTMLElement>(`button[data-action="${name}"]`);
const itemOf = (element: HTMLElement) => element.closest('.ant-form-item') as HTMLElement;
const section = () => screen.getByRole('heading', { level: 2, name: '成品退货单' }).closest('.kehu-section') as HTMLElement;

async function openExtend() {
  const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
  await renderApp('/returns/55');
  await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
  await user.click(action('extend-note')!);
  return { user, drawer: await screen.findByRole('dialog') };
}

describe('extending the return note’s step', () => {
  it('needs a reason, sends it as `comment` with If-Match, then tags the deadline and words the history', async () => {
    const { user, drawer } = await openExtend();
    expect(within(section()).queryByTestId('note-deadline-extended')).not.toBeInTheDocument();
    expect(drawer).toHaveTextContent('每一步只能延期一次，延期后本步最长 3 个工作日');
    await user.click(button(drawer, '申请延期'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('延期理由'))).toHaveTextContent('此项为必填'));
    expect(writes).toHaveLength(0);

    fireEvent.change(within(drawer).getByLabelText('延期理由'), { target: { value: ' 客户约定下周送回 ' } });
    await user.click(button(drawer, '申请延期'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'POST', path: '/api/v1/returns/55/note/actions/extend', ifMatch: '"3"', body: { comment: '客户约定下周送回' } });
    expect(await within(section()).findByText('已完成：申请延期')).toBeInTheDocument();
    await waitFor(() => expect(within(section()).getByTestId('note-deadline-extended')).toHaveTextContent('已延期'));
    expect(within(screen.getAllByTestId('return-event')[0]!).getByText('退货单延期')).toBeInTheDocument();
    expect(action('extend-note')).toBeNull();
  });

  it('shows a second extension’s 409 in the section, the drawer closed', async () => {
    status = 409;
    const { user, drawer } = await openExtend();
    fireEvent.change(within(drawer).getByLabelText('延期理由'), { target: { value: '再等一天' } });
    await user.click(button(drawer, '申请延期'));
    expect(await within(section()).findByText(/^无法「申请延期」/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
