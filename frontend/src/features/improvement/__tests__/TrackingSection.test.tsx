import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { checkView, closedComplaint, failedCheck, irrational, marksView, negligence, openComplaint } from './fixtures';

interface Case {
  roles: Role[];
  complaint?: object;
  /** Functions when they change between reads. */
  marks?: Schemas['MarksView'] | (() => Schemas['MarksView']);
  check?: Schemas['CheckView'] | null | (() => Schemas['CheckView']);
  put?: (call: Call) => Response;
  post?: (call: Call) => Response;
}

const PEOPLE: Partial<Record<Role, { id: number; display_name: string }>> = {
  qa: { id: 4, display_name: '刘品保' },
  coordinator: { id: 9, display_name: '王协调' },
  sales: { id: 1, display_name: '张业务' },
};

function serve({ roles, complaint = openComplaint(), marks = marksView(), check = null, put, post }: Case): Call[] {
  signInForTests({ ...PEOPLE[roles[0]!], roles });
  const read = typeof check === 'function' ? check : () => check;
  const readMarks = typeof marks === 'function' ? marks : () => marks;
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, complaint),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: [], next_cursor: null }),
    '/api/v1/complaints/7/marks': () => jsonResponse(200, readMarks(), { ETag: `"${readMarks().version}"` }),
    '/api/v1/complaints/7/deferrals': () => jsonResponse(200, { items: [], can_request: false }),
    '/api/v1/complaints/7/effectiveness-check': () => {
      const current = read();
      return current ? jsonResponse(200, current) : jsonResponse(404, problem(404, 'not_found'));
    },
    ...(put ? { 'PUT /api/v1/complaints/7/marks': put } : {}),
    ...(post ? { 'POST /api/v1/complaints/7/effectiveness-check/result': post } : {}),
  });
}

const section = () => screen.findByRole('heading', { level: 2, name: '改善追踪' }).then((h) => h.closest('.ant-card') as HTMLElement);
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

describe('改善追踪 on the case: the marks', () => {
  it('shows each mark with its reason, who set it and when', async () => {
    serve({ roles: ['sales'], marks: marksView({ human_negligence: negligence, irrational, version: 3 }) });
    await renderApp('/complaints/7');
    const card = await section();
    const n = within(card).getByTestId('mark-negligence');
    expect(within(n).getByText('人为疏忽 — 不列入改善追踪')).toBeInTheDocument();
    expect(n).toHaveTextContent('理由：操作员漏贴标签，属个人疏忽');
    expect(n).toHaveTextContent('刘品保 于 2026-12-05 10:00 标记');
    const i = within(card).getByTestId('mark-irrational');
    expect(within(i).getByText('非理性抱怨（一次）· 监控')).toBeInTheDocument();
    expect(i).toHaveTextContent('客户要求超出合同约定的检验标准');
    expect(i).toHaveTextContent('王协调 于 2026-12-06 11:30 标记');
    // Sales reads them; nobody but QA and the coordinator changes them.
    expect(within(card).queryByRole('button', { name: /编辑标记/ })).not.toBeInTheDocument();
  });

  it('lets QA mark human negligence with a reason, sending the coordinator’s mark unchanged with If-Match', async () => {
    const user = setup();
    const saved = marksView({ human_negligence: { ...negligence, reason: '漏贴标签' }, irrational, can_mark_negligence: true, version: 4 });
    const calls = serve({
      roles: ['qa'],
      marks: marksView({ irrational, can_mark_negligence: true, version: 3 }),
      put: () => jsonResponse(200, saved),
    });
    await renderApp('/complaints/7');
    const card = await section();
    expect(within(card).queryByTestId('mark-negligence')).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: /编辑标记/ }));
    const drawer = await screen.findByRole('dialog');
    // Only the mark QA may change is offered.
    expect(within(drawer).queryByRole('switch', { name: '非理性抱怨' })).not.toBeInTheDocument();
    await user.click(within(drawer).getByRole('switch', { name: '纯属人为疏忽' }));
    await user.click(within(drawer).getByRole('button', { name: '保存标记' }));
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.type(within(drawer).getByLabelText('人为疏忽的理由'), '  漏贴标签 ');
    await user.click(within(drawer).getByRole('button', { name: '保存标记' }));
    expect(await within(card).findByText('已保存标记。')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"3"');
    expect(put.body).toEqual({
      human_negligence: { reason: '漏贴标签' },
      irrational: { follow: 'monitor', reason: '客户要求超出合同约定的检验标准' },
    });
    expect(within(card).getByTestId('mark-negligence')).toHaveTextContent('理由：漏贴标签');
  });

  it('lets the coordinator mark a case irrational before any mark (If-Match "0"), placing the server’s reason error', async () => {
    const user = setup();
    let answer = jsonResponse(422, problem(422, 'validation_failed', [{ field: 'reason', code: 'too_long', message: 'at most 4000' }]));
    const calls = serve({
      roles: ['coordinator'],
      marks: marksView({ can_mark_negligence: true, can_mark_irrational: true }),
      put: () => answer,
    });
    await renderApp('/complaints/7');
    const card = await section();
    expect(within(card).getByText('未标记人为疏忽或非理性抱怨')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: /编辑标记/ }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('switch', { name: '非理性抱怨' }));
    await user.click(within(drawer).getByRole('radio', { name: '监控' }));
    await user.type(within(drawer).getByLabelText('非理性抱怨的理由'), '要求超出合同');
    await user.click(within(drawer).getByRole('button', { name: '保存标记' }));
    // The server names a bare `reason`: it belongs to the mark this save sets.
    const reason = within(drawer).getByLabelText('非理性抱怨的理由').closest('.ant-form-item') as HTMLElement;
    expect(await within(reason).findByText('内容过长')).toBeInTheDocument();
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"0"');
    expect(put.body).toEqual({ human_negligence: null, irrational: { follow: 'monitor', reason: '要求超出合同' } });

    answer = jsonResponse(200, marksView({ irrational: { ...irrational, reason: '要求超出合同' }, can_mark_negligence: true, can_mark_irrational: true, version: 1 }));
    await user.click(within(drawer).getByRole('button', { name: '保存标记' }));
    expect(await within(card).findByText('非理性抱怨（一次）· 监控')).toBeInTheDocument();
  });

  it('refetches the marks when someone marked meanwhile (412) and saves against the new version', async () => {
    const user = setup();
    let marks = marksView({ can_mark_negligence: true, version: 3 });
    let answer = () => {
      // The coordinator marked the case irrational in the meantime.
      marks = marksView({ irrational, can_mark_negligence: true, version: 4 });
      return jsonResponse(412, problem(412, 'precondition_failed'));
    };
    const calls = serve({ roles: ['qa'], marks: () => marks, put: () => answer() });
    await renderApp('/complaints/7');
    const card = await section();
    await user.click(within(card).getByRole('button', { name: /编辑标记/ }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('switch', { name: '纯属人为疏忽' }));
    await user.type(within(drawer).getByLabelText('人为疏忽的理由'), '漏贴标签');
    await user.click(within(drawer).getByRole('button', { name: '保存标记' }));
    expect(await within(drawer).findByText('标记刚被他人修改，已显示最新内容，请核对后再保存。')).toBeInTheDocument();
    expect(await within(card).findByTestId('mark-irrational')).toBeInTheDocument();

    answer = () => jsonResponse(200, marksView({ human_negligence: { ...negligence, reason: '漏贴标签' }, irrational, can_mark_negligence: true, version: 5 }));
    await user.click(within(drawer).getByRole('button', { name: '保存标记' }));
    expect(await within(card).findByText('已保存标记。')).toBeInTheDocument();
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.ifMatch)).toEqual(['"3"', '"4"']);
    // The coordinator's new mark goes back as the server now has it.
    expect(puts[1]!.body).toEqual({ human_negligence: { reason: '漏贴标签' }, irrational: { follow: 'monitor', reason: irrational.reason } });
  });

  it('is not shown on an open case with no marks the reader may not mark, and asks for no check there', async () => {
    const calls = serve({ roles: ['sales'] });
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 2, name: '处理记录' });
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/complaints/7/marks')).toBe(true));
    expect(screen.queryByRole('heading', { level: 2, name: '改善追踪' })).not.toBeInTheDocument();
    expect(calls.some((c) => c.path.endsWith('/effectiveness-check'))).toBe(false);
  });
});

describe('改善追踪 on the case: the effectiveness check', () => {
  it('shows the check due, overdue, with its actions; QA records the result, which fails and links the new case', async () => {
    const user = setup();
    const calls = serve({
      roles: ['qa'],
      complaint: closedComplaint(),
      check: checkView({ overdue: true, can_record: true }),
      post: () => jsonResponse(200, failedCheck()),
    });
    await renderApp('/complaints/7');
    const check = await screen.findByTestId('effectiveness-check');
    expect(within(check).getByText('措施有效性验证')).toBeInTheDocument();
    expect(within(check).getByText('待验证')).toBeInTheDocument();
    expect(within(check).getByText('已逾期')).toBeInTheDocument();
    expect(check).toHaveTextContent('验证日期2027-01-14');
    expect(within(check).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['电镀槽加装温控报警', '每班点检槽温并记录']);

    await user.click(within(check).getByRole('button', { name: /记录验证结果/ }));
    const drawer = await screen.findByRole('dialog');
    // Every answer starts at no: the drawer says what that would do.
    expect(within(drawer).getByTestId('check-outcome')).toHaveTextContent('任一项为「否」即验证未通过：系统会为业务开立一件关联本案的新投诉。');
    await user.click(within(drawer).getByRole('button', { name: '记录验证结果' }));
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.click(within(drawer).getByRole('switch', { name: '措施能改善现存问题' }));
    await user.click(within(drawer).getByRole('switch', { name: '不会导致新问题' }));
    await user.click(within(drawer).getByRole('switch', { name: '能确保此类问题不再发生' }));
    expect(within(drawer).getByTestId('check-outcome')).toHaveTextContent('三项均为「是」：验证通过。');
    await user.click(within(drawer).getByRole('switch', { name: '能确保此类问题不再发生' }));
    await user.type(within(drawer).getByLabelText('验证依据'), '第 13 批仍有同样的起泡');
    await user.click(within(drawer).getByRole('button', { name: '记录验证结果' }));

    expect(await screen.findByText('已记录：验证未通过，已开立关联的新投诉。')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.ifMatch).toBe('"1"');
    expect(post.body).toEqual({ works: true, no_new_problem: true, prevents_recurrence: false, evidence: '第 13 批仍有同样的起泡' });
    const recorded = screen.getByTestId('effectiveness-check');
    expect(within(recorded).getByText('验证未通过')).toBeInTheDocument();
    expect(within(recorded).getByRole('link', { name: '查看新投诉 #12' })).toHaveAttribute('href', '/complaints/12');
    expect(within(recorded).queryByRole('button', { name: /记录验证结果/ })).not.toBeInTheDocument();
  });

  it('shows a recorded result: the three answers, the evidence, who checked and when', async () => {
    serve({ roles: ['sales'], complaint: closedComplaint(), check: failedCheck() });
    await renderApp('/complaints/7');
    const check = await screen.findByTestId('effectiveness-check');
    const answers = within(check).getByRole('list', { name: '验证结果' });
    expect([...answers.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '措施能改善现存问题 是',
      '不会导致新问题 是',
      '能确保此类问题不再发生 否',
    ]);
    expect(check).toHaveTextContent('验证依据：第 13 批仍有同样的起泡');
    expect(check).toHaveTextContent('刘品保 于 2027-01-15 14:00 验证');
    expect(within(check).getByRole('link', { name: '查看新投诉 #12' })).toHaveAttribute('href', '/complaints/12');
  });

  it('explains and refreshes when the result was recorded meanwhile (409)', async () => {
    const user = setup();
    let check = checkView({ can_record: true });
    const calls = serve({
      roles: ['qa'],
      complaint: closedComplaint(),
      check: () => check,
      // Someone else recorded it first.
      post: () => {
        check = failedCheck();
        return jsonResponse(409, { ...problem(409, 'invalid_state'), detail: 'already recorded' });
      },
    });
    await renderApp('/complaints/7');
    const panel = await screen.findByTestId('effectiveness-check');
    await user.click(within(panel).getByRole('button', { name: /记录验证结果/ }));
    const drawer = await screen.findByRole('dialog');
    await user.type(within(drawer).getByLabelText('验证依据'), '复查三批');
    await user.click(within(drawer).getByRole('button', { name: '记录验证结果' }));
    expect(await screen.findByText(/操作未完成：情况已有变化，页面已刷新。/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(screen.getByTestId('effectiveness-check')).findByText('验证未通过')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/v1/complaints/7/effectiveness-check').length).toBeGreaterThan(1);
  });

  it('is not shown on a closed case without a check nor marks', async () => {
    const calls = serve({ roles: ['qa'], complaint: closedComplaint() });
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 2, name: '处理记录' });
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/complaints/7/effectiveness-check')).toBe(true));
    expect(screen.queryByRole('heading', { level: 2, name: '改善追踪' })).not.toBeInTheDocument();
  });

  it('opens its drawer as a bottom sheet on a phone', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 375;
    const user = setup();
    serve({ roles: ['qa'], complaint: closedComplaint(), check: checkView({ can_record: true }) });
    await renderApp('/complaints/7');
    const check = await screen.findByTestId('effectiveness-check');
    // One fact a row: nothing side by side to push past the screen's edge.
    for (const row of check.querySelectorAll('.ant-descriptions-row')) expect(row.querySelectorAll('.ant-descriptions-item')).toHaveLength(1);
    await user.click(within(check).getByRole('button', { name: /记录验证结果/ }));
    await screen.findByRole('dialog');
    expect(document.querySelector('.ant-drawer-bottom')).not.toBeNull();
  });
});

