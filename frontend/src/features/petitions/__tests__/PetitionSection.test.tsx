import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { closedComplaint, decidedPetition, openComplaint, petitionsView, petitionView } from './fixtures';

type Petitions = Schemas['PetitionsView'];

interface Case {
  roles: Role[];
  /** A function when it changes between reads. */
  complaint?: object | (() => object);
  petitions: Petitions | (() => Petitions);
  events?: Schemas['EventView'][];
  raise?: (call: Call) => Response;
  act?: (call: Call) => Response;
}

const PEOPLE: Partial<Record<Role, { id: number; display_name: string }>> = {
  qa_manager: { id: 4, display_name: '刘品保' },
  gm: { id: 11, display_name: '郑总' },
  sales: { id: 1, display_name: '张业务' },
};

function serve({ roles, complaint = openComplaint(), petitions, events = [], raise, act }: Case): Call[] {
  signInForTests({ ...PEOPLE[roles[0]!], roles });
  const read = typeof petitions === 'function' ? petitions : () => petitions;
  const readCase = typeof complaint === 'function' ? complaint : () => complaint;
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, readCase()),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: events, next_cursor: null }),
    '/api/v1/complaints/7/petitions': () => jsonResponse(200, read()),
    ...(raise ? { 'POST /api/v1/complaints/7/petitions': raise } : {}),
    ...(act
      ? {
          'POST /api/v1/complaints/7/petitions/3/actions/decide': act,
          'POST /api/v1/complaints/7/petitions/3/actions/withdraw': act,
        }
      : {}),
  });
}

const panel = () => screen.findByTestId('case-petitions');
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;
const gets = (calls: Call[], path: string) => calls.filter((c) => c.method === 'GET' && c.path === path).length;
const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');

/** Sets a value in one event (antd re-renders the whole drawer per keystroke). */
function fill(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

/** Opens an antd select by its label and picks the option with this text. */
async function pick(user: ReturnType<typeof setup>, scope: HTMLElement, label: string, option: string) {
  fireEvent.mouseDown(within(scope).getByLabelText(label).closest('.ant-select-selector')!);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find(
      (el) => el.textContent === option,
    );
    if (!found) throw new Error(`no option ${option}`);
    return found as HTMLElement;
  });
  await user.click(item);
}

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

describe('签呈 on the case: the petitions', () => {
  it('lists each petition with its state, subject, raiser, content, asked step and decision, and offers nothing to a reader', async () => {
    serve({ roles: ['sales'], petitions: petitionsView([petitionView(), decidedPetition()]) });
    await renderApp('/complaints/7');
    const p = await panel();
    const section = p.closest('.ant-card') as HTMLElement;
    expect(section).toHaveAttribute('id', 'section-petitions');
    expect(within(section).getByRole('heading', { level: 2, name: '签呈' })).toBeInTheDocument();
    const [first, second] = within(p).getAllByRole('listitem');
    expect(within(first!).getByText('待裁决')).toBeInTheDocument();
    expect(first).toHaveTextContent('责任判定异议');
    expect(first).toHaveTextContent('品保部 · 刘品保 于 2026-12-10 10:00 发起');
    expect(first).toHaveTextContent('签呈内容：冲压模具已于上月更换');
    expect(first).toHaveTextContent('申请退回至：质量调查中');
    expect(first).not.toHaveTextContent('总经理裁决');
    expect(within(second!).getByText('已裁决')).toBeInTheDocument();
    expect(second).toHaveTextContent('郑总 于 2026-12-02 14:30 裁决');
    expect(second).toHaveTextContent('总经理裁决：同意，重新拟定处理意见');
    expect(second).toHaveTextContent('退回至：待拟处理意见');
    expect(within(p).queryByRole('button')).not.toBeInTheDocument();
  });

  it('draws the buttons each petition’s available_actions name', async () => {
    serve({
      roles: ['qa_manager'],
      petitions: petitionsView([petitionView({ available_actions: ['withdraw'] }), decidedPetition({ id: 4, available_actions: ['decide'] })]),
    });
    await renderApp('/complaints/7');
    const mine = await within(await panel()).findByTestId('petition-3');
    expect(within(mine).getByRole('button', { name: /撤回/ })).toBeInTheDocument();
    expect(within(mine).queryByRole('button', { name: /裁决/ })).not.toBeInTheDocument();
    expect(within(screen.getByTestId('petition-4')).getByRole('button', { name: /裁决/ })).toBeInTheDocument();
    expect(within(screen.getByTestId('case-petitions')).queryByRole('button', { name: /发起签呈/ })).not.toBeInTheDocument();
  });

  it('is not shown when there is none and the reader may not raise one', async () => {
    const calls = serve({ roles: ['sales'], petitions: petitionsView([]) });
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 2, name: '处理记录' });
    await waitFor(() => expect(gets(calls, '/api/v1/complaints/7/petitions')).toBe(1));
    expect(screen.queryByRole('heading', { level: 2, name: '签呈' })).not.toBeInTheDocument();
  });

  it('offers no new petition on a closed case', async () => {
    serve({ roles: ['qa_manager'], complaint: closedComplaint(), petitions: petitionsView([decidedPetition()], { can_raise: true }) });
    await renderApp('/complaints/7');
    expect(await within(await panel()).findByTestId('petition-2')).toBeInTheDocument();
    expect(within(screen.getByTestId('case-petitions')).queryByRole('button', { name: /发起签呈/ })).not.toBeInTheDocument();
  });

  it('words the petitions in the case’s history with their subject and decision', async () => {
    const event = (seq: number, action: Schemas['EventView']['action'], to: Schemas['State'], body: object): Schemas['EventView'] => ({
      seq,
      action,
      from_state: 'customer_negotiation',
      to_state: to,
      actor_name: seq === 1 ? '刘品保' : '郑总',
      actor_role: seq === 1 ? 'qa_manager' : 'gm',
      at: `2026-12-1${seq}T02:00:00Z`,
      body: body as Record<string, never>,
    });
    serve({
      roles: ['sales'],
      petitions: petitionsView([]),
      events: [
        event(1, 'raise_petition', 'customer_negotiation', { petition_id: 3, subject: '责任判定异议', content: '请重新判定', return_to: null }),
        event(2, 'decide_petition', 'qa_investigation', { petition_id: 3, subject: '责任判定异议', decision: '退回品保重新判定', returned_to: 'qa_investigation' }),
      ],
    });
    await renderApp('/complaints/7');
    const history = (await screen.findByRole('heading', { level: 2, name: '处理记录' })).closest('.ant-card') as HTMLElement;
    const entries = [...history.querySelectorAll('.kehu-event')];
    expect(entries.map((e) => e.querySelector('strong')?.textContent)).toEqual(['总经理裁决签呈', '发起签呈']);
    expect(entries[0]).toHaveTextContent('→ 质量调查中');
    expect(entries[0]).toHaveTextContent('退回品保重新判定');
    expect(entries[1]).toHaveTextContent('责任判定异议');
  });
});

describe('签呈 on the case: raising one', () => {
  it('checks the drawer’s fields, posts the petition with the asked step and shows it waiting', async () => {
    const user = setup();
    let petitions = petitionsView([], { can_raise: true });
    const saved = petitionView({ subject: '责任判定异议', content: '请重新判定', return_to: 'qa_investigation', available_actions: ['withdraw'] });
    const calls = serve({
      roles: ['qa_manager'],
      petitions: () => petitions,
      raise: () => {
        petitions = petitionsView([saved]);
        return jsonResponse(201, saved);
      },
    });
    await renderApp('/complaints/7');
    const p = await panel();
    expect(p).toHaveTextContent('对本案的处理有异议时，部门主管可发起签呈，由总经理裁决。');
    await user.click(within(p).getByRole('button', { name: /发起签呈/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('2611-0007')).toBeInTheDocument();
    expect(within(drawer).getByTestId('petition-effect')).toHaveTextContent('总经理会收到通知');

    await user.click(within(drawer).getByRole('button', { name: '提交签呈' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('主题'))).toHaveTextContent('此项为必填'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('签呈内容'))).toHaveTextContent('此项为必填'));
    expect(posts(calls)).toHaveLength(0);

    fill(within(drawer).getByLabelText('主题'), ' 责任判定异议 ');
    fill(within(drawer).getByLabelText('签呈内容'), '请重新判定');
    await pick(user, drawer, '申请退回至', '质量调查中');
    await user.click(within(drawer).getByRole('button', { name: '提交签呈' }));

    expect(await screen.findByText('已发起签呈，等待总经理裁决。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/petitions');
    expect(post.ifMatch).toBeNull();
    expect(post.body).toEqual({ subject: '责任判定异议', content: '请重新判定', return_to: 'qa_investigation' });
    const item = await within(await panel()).findByTestId('petition-3');
    expect(within(item).getByText('待裁决')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId('case-petitions')).queryByRole('button', { name: /发起签呈/ })).not.toBeInTheDocument());
  });

  it('sends no step when none is asked, and places the server’s messages at their fields', async () => {
    const user = setup();
    const calls = serve({
      roles: ['qa_manager'],
      petitions: petitionsView([], { can_raise: true }),
      raise: () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'subject', code: 'too_long', message: 'at most 200' }])),
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /发起签呈/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('主题'), '异议');
    fill(within(drawer).getByLabelText('签呈内容'), '请重新判定');
    await user.click(within(drawer).getByRole('button', { name: '提交签呈' }));
    expect(await within(drawer).findByText('请检查标出的字段')).toBeInTheDocument();
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('主题'))).toHaveTextContent('内容过长'));
    expect(posts(calls)[0]!.body).toEqual({ subject: '异议', content: '请重新判定', return_to: null });
  });

  it('explains and refreshes when the department’s petition already waits (409)', async () => {
    const user = setup();
    let petitions = petitionsView([], { can_raise: true });
    const calls = serve({
      roles: ['qa_manager'],
      petitions: () => petitions,
      raise: () => {
        petitions = petitionsView([petitionView({ raised_by: { id: 5, name: '孙品保' } })]);
        return jsonResponse(409, { ...problem(409, 'already_done'), detail: 'a petition of your department waits for a decision already' });
      },
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /发起签呈/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('主题'), '异议');
    fill(within(drawer).getByLabelText('签呈内容'), '请重新判定');
    await user.click(within(drawer).getByRole('button', { name: '提交签呈' }));
    expect(await screen.findByText(/操作未完成：情况已有变化，页面已刷新。/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(screen.getByTestId('case-petitions')).findByText(/孙品保 于/)).toBeInTheDocument();
    expect(gets(calls, '/api/v1/complaints/7/petitions')).toBeGreaterThan(1);
  });

  it('opens its drawer as a bottom sheet on a phone, one fact a row', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 375;
    const user = setup();
    serve({ roles: ['qa_manager'], petitions: petitionsView([decidedPetition()], { can_raise: true }) });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /发起签呈/ }));
    const drawer = await screen.findByRole('dialog');
    expect(document.querySelector('.ant-drawer-bottom')).not.toBeNull();
    for (const row of drawer.querySelectorAll('.ant-descriptions-row')) expect(row.querySelectorAll('.ant-descriptions-item')).toHaveLength(1);
  });
});

describe('签呈 on the case: the decision and withdrawing', () => {
  const waiting = () => petitionView({ available_actions: ['decide'] });

  it('needs a decision, sends it and the step with the petition’s version as If-Match, then reads the case again', async () => {
    const user = setup();
    let petitions = petitionsView([waiting()]);
    let complaint: object = openComplaint();
    const calls = serve({
      roles: ['gm'],
      complaint: () => complaint,
      petitions: () => petitions,
      act: () => {
        const saved = petitionView({ state: 'decided', decided_by: { id: 11, name: '郑总' }, decided_at: '2026-12-11T03:00:00Z', decision: '退回品保重新判定', returned_to: 'qa_investigation', version: 2 });
        petitions = petitionsView([saved]);
        complaint = { ...openComplaint(), state: 'qa_investigation', available_actions: [] };
        return jsonResponse(200, saved);
      },
    });
    await renderApp('/complaints/7');
    const item = await within(await panel()).findByTestId('petition-3');
    await user.click(within(item).getByRole('button', { name: /裁决/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('总经理裁决')).toBeInTheDocument();
    expect(drawer).toHaveTextContent('冲压模具已于上月更换');
    expect(drawer).toHaveTextContent('品保部 · 刘品保');
    await user.click(within(drawer).getByRole('button', { name: '提交裁决' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('裁决意见'))).toHaveTextContent('此项为必填'));
    expect(posts(calls)).toHaveLength(0);

    const before = gets(calls, '/api/v1/complaints/7');
    fill(within(drawer).getByLabelText('裁决意见'), ' 退回品保重新判定 ');
    await pick(user, drawer, '退回至', '质量调查中');
    await user.click(within(drawer).getByRole('button', { name: '提交裁决' }));

    expect(await screen.findByText('已裁决此签呈，本案已退回至「质量调查中」。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/petitions/3/actions/decide');
    expect(post.ifMatch).toBe('"1"');
    expect(post.body).toEqual({ decision: '退回品保重新判定', return_to: 'qa_investigation' });
    await waitFor(() => expect(gets(calls, '/api/v1/complaints/7')).toBeGreaterThan(before));
    const decided = await within(screen.getByTestId('case-petitions')).findByTestId('petition-3');
    await waitFor(() => expect(within(decided).getByText('已裁决')).toBeInTheDocument());
    expect(decided).toHaveTextContent('退回至：质量调查中');
  });

  it('decides without sending the case back', async () => {
    const user = setup();
    const calls = serve({
      roles: ['gm'],
      petitions: petitionsView([waiting()]),
      act: () => jsonResponse(200, petitionView({ state: 'decided', decision: '维持原判', return_to: 'qa_investigation', version: 2 })),
    });
    await renderApp('/complaints/7');
    await user.click(within(await within(await panel()).findByTestId('petition-3')).getByRole('button', { name: /裁决/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('裁决意见'), '维持原判');
    await user.click(within(drawer).getByRole('button', { name: '提交裁决' }));
    expect(await screen.findByText('已裁决此签呈。')).toBeInTheDocument();
    expect(posts(calls)[0]!.body).toEqual({ decision: '维持原判', return_to: null });
  });

  it('keeps the drawer open when the petition changed meanwhile (412) and decides on the version read again', async () => {
    const user = setup();
    let petitions = petitionsView([waiting()]);
    let answer = () => {
      petitions = petitionsView([petitionView({ available_actions: ['decide'], version: 2 })]);
      return jsonResponse(412, problem(412, 'precondition_failed'));
    };
    const calls = serve({ roles: ['gm'], petitions: () => petitions, act: () => answer() });
    await renderApp('/complaints/7');
    await user.click(within(await within(await panel()).findByTestId('petition-3')).getByRole('button', { name: /裁决/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('裁决意见'), '同意');
    await user.click(within(drawer).getByRole('button', { name: '提交裁决' }));
    expect(await within(drawer).findByText('此签呈刚被他人更新，已显示最新内容，请核对后再操作。')).toBeInTheDocument();
    await waitFor(() => expect(gets(calls, '/api/v1/complaints/7/petitions')).toBeGreaterThan(1));

    answer = () => jsonResponse(200, petitionView({ state: 'decided', decision: '同意', version: 3 }));
    await user.click(within(drawer).getByRole('button', { name: '提交裁决' }));
    expect(await screen.findByText('已裁决此签呈。')).toBeInTheDocument();
    expect(posts(calls).map((c) => c.ifMatch)).toEqual(['"1"', '"2"']);
  });

  it('lets the author withdraw it, with the version as If-Match and no body', async () => {
    const user = setup();
    let petitions = petitionsView([petitionView({ available_actions: ['withdraw'] })]);
    const calls = serve({
      roles: ['qa_manager'],
      petitions: () => petitions,
      act: () => {
        const saved = petitionView({ state: 'withdrawn', decided_by: { id: 4, name: '刘品保' }, decided_at: '2026-12-11T03:00:00Z', version: 2 });
        petitions = petitionsView([saved]);
        return jsonResponse(200, saved);
      },
    });
    await renderApp('/complaints/7');
    await user.click(within(await within(await panel()).findByTestId('petition-3')).getByRole('button', { name: /撤回/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByTestId('petition-action-hint')).toHaveTextContent('撤回后总经理和总经理室会收到通知。');
    expect(within(drawer).queryByLabelText('裁决意见')).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: '撤回签呈' }));
    expect(await screen.findByText('已撤回签呈。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/petitions/3/actions/withdraw');
    expect(post.ifMatch).toBe('"1"');
    expect(post.body).toEqual({});
    const item = await within(screen.getByTestId('case-petitions')).findByTestId('petition-3');
    await waitFor(() => expect(item).toHaveTextContent('刘品保 于 2026-12-11 11:00 撤回'));
  });

  it('explains and refreshes when it was withdrawn first (409)', async () => {
    const user = setup();
    let petitions = petitionsView([waiting()]);
    serve({
      roles: ['gm'],
      petitions: () => petitions,
      act: () => {
        petitions = petitionsView([petitionView({ state: 'withdrawn', decided_by: { id: 4, name: '刘品保' }, decided_at: '2026-12-11T03:00:00Z', version: 2 })]);
        return jsonResponse(409, { ...problem(409, 'already_decided'), detail: 'withdrawn already' });
      },
    });
    await renderApp('/complaints/7');
    await user.click(within(await within(await panel()).findByTestId('petition-3')).getByRole('button', { name: /裁决/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('裁决意见'), '同意');
    await user.click(within(drawer).getByRole('button', { name: '提交裁决' }));
    expect(await screen.findByText(/操作未完成：情况已有变化，页面已刷新。/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(screen.getByTestId('petition-3')).findByText('已撤回')).toBeInTheDocument();
    expect(within(screen.getByTestId('petition-3')).queryByRole('button')).not.toBeInTheDocument();
  });
});
