import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { closedComplaint, deferralView, irrational, marksView, openComplaint, refusedDeferral } from './fixtures';

type Deferrals = Schemas['DeferralsView'];

interface Case {
  roles: Role[];
  complaint?: object;
  /** A function when it changes between reads. */
  deferrals: Deferrals | (() => Deferrals);
  marks?: () => Schemas['MarksView'];
  events?: Schemas['EventView'][];
  request?: (call: Call) => Response;
  decide?: (call: Call) => Response;
}

const PEOPLE: Partial<Record<Role, { id: number; display_name: string }>> = {
  production: { id: 6, display_name: '赵制造' },
  deputy_gm: { id: 10, display_name: '钱副总' },
  sales: { id: 1, display_name: '张业务' },
};

function serve({ roles, complaint = openComplaint(), deferrals, marks = () => marksView(), events = [], request, decide }: Case): Call[] {
  signInForTests({ ...PEOPLE[roles[0]!], roles });
  const read = typeof deferrals === 'function' ? deferrals : () => deferrals;
  return mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, complaint),
    '/api/v1/complaints/7/events': () => jsonResponse(200, { items: events, next_cursor: null }),
    '/api/v1/complaints/7/marks': () => jsonResponse(200, marks()),
    '/api/v1/complaints/7/deferrals': () => jsonResponse(200, read()),
    ...(request ? { 'POST /api/v1/complaints/7/deferrals': request } : {}),
    ...(decide
      ? {
          'POST /api/v1/complaints/7/deferrals/3/actions/approve': decide,
          'POST /api/v1/complaints/7/deferrals/3/actions/refuse': decide,
        }
      : {}),
  });
}

const panel = () => screen.findByTestId('case-deferrals');
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;
const gets = (calls: Call[], path: string) => calls.filter((c) => c.method === 'GET' && c.path === path).length;

/** Sets a value in one event (antd re-renders the whole drawer per keystroke). */
function fill(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

/** Types a day into an antd date picker and confirms it (without opening its calendar). */
function pickDay(input: HTMLElement, day: string) {
  fireEvent.focus(input);
  fill(input, day);
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  return waitFor(() => expect(input).toHaveValue(day));
}

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

describe('暂缓关闭 on the case: the requests', () => {
  it('lists each request with its state, follow-up, day, reason, who asked and who decided, and offers nothing to a reader', async () => {
    const approved = deferralView({
      state: 'approved',
      follow: 'monitor',
      decided_by: { id: 10, name: '钱副总' },
      decided_at: '2026-12-11T03:00:00Z',
      comment: '同意，按月监控',
    });
    serve({ roles: ['sales'], complaint: closedComplaint(), deferrals: { items: [approved, refusedDeferral()], can_request: false } });
    await renderApp('/complaints/7');
    const p = await panel();
    expect(within(p).getByRole('heading', { level: 3, name: '暂缓关闭' })).toBeInTheDocument();
    const [first, second] = within(p).getAllByRole('listitem');
    expect(within(first!).getByText('已批准')).toBeInTheDocument();
    expect(within(first!).getByText('跟进：监控')).toBeInTheDocument();
    expect(first).toHaveTextContent('暂缓至 2027-03-31');
    expect(first).toHaveTextContent('理由：等待客户下批来料验证');
    expect(first).toHaveTextContent('赵制造 于 2026-12-10 10:00 申请');
    expect(first).toHaveTextContent('钱副总 于 2026-12-11 11:00 批准');
    expect(first).toHaveTextContent('审批意见：同意，按月监控');
    expect(within(second!).getByText('已驳回')).toBeInTheDocument();
    expect(within(second!).getByText('跟进：监控')).toBeInTheDocument();
    expect(second).toHaveTextContent('郑总 于 2026-12-02 14:30 驳回');
    expect(second).toHaveTextContent('审批意见：请先催客户回复');
    expect(within(p).queryByRole('button')).not.toBeInTheDocument();
  });

  it('shows a waiting request as 待审批, with no decision yet', async () => {
    serve({ roles: ['production'], deferrals: { items: [deferralView()], can_request: false } });
    await renderApp('/complaints/7');
    const item = within(await panel()).getByTestId('deferral-3');
    expect(within(item).getByText('待审批')).toBeInTheDocument();
    expect(within(item).getByText('跟进：关注')).toBeInTheDocument();
    expect(item).not.toHaveTextContent('审批意见');
  });

  it('is not shown when there is no request and the reader may not ask', async () => {
    const calls = serve({ roles: ['sales'], deferrals: { items: [], can_request: false } });
    await renderApp('/complaints/7');
    await screen.findByRole('heading', { level: 2, name: '处理记录' });
    await waitFor(() => expect(gets(calls, '/api/v1/complaints/7/deferrals')).toBe(1));
    expect(screen.queryByRole('heading', { level: 2, name: '改善追踪' })).not.toBeInTheDocument();
  });

  it('words the requests and decisions in the case’s history with their reason and comment', async () => {
    const event = (seq: number, action: Schemas['EventView']['action'], body: object): Schemas['EventView'] => ({
      seq,
      action,
      from_state: 'customer_negotiation',
      to_state: 'customer_negotiation',
      actor_name: seq === 1 ? '赵制造' : '钱副总',
      actor_role: seq === 1 ? 'production' : 'deputy_gm',
      at: `2026-12-1${seq}T02:00:00Z`,
      body: body as Record<string, never>,
    });
    serve({
      roles: ['sales'],
      deferrals: { items: [], can_request: false },
      events: [
        event(1, 'request_deferral', { deferral_id: 3, reason: '等待客户下批来料验证', follow: 'watch', until_on: '2027-03-31' }),
        event(2, 'refuse_deferral', { deferral_id: 3, until_on: '2027-03-31', comment: '请先催客户回复' }),
        event(3, 'approve_deferral', { deferral_id: 4, until_on: '2027-04-30', comment: null }),
      ],
    });
    await renderApp('/complaints/7');
    const history = (await screen.findByRole('heading', { level: 2, name: '处理记录' })).closest('.ant-card') as HTMLElement;
    const entries = [...history.querySelectorAll('.kehu-event')];
    expect(entries.map((e) => e.querySelector('strong')?.textContent)).toEqual(['批准暂缓关闭', '驳回暂缓关闭', '申请暂缓关闭']);
    expect(entries[1]).toHaveTextContent('请先催客户回复');
    expect(entries[2]).toHaveTextContent('等待客户下批来料验证');
  });
});

describe('暂缓关闭 on the case: asking for it', () => {
  const inMonth = dayjs().add(30, 'day').format('YYYY-MM-DD');

  it('checks the drawer’s fields, posts the request and shows it waiting', async () => {
    const user = setup();
    let deferrals: Deferrals = { items: [], can_request: true };
    const saved = deferralView({ reason: '等待客户验证', follow: 'monitor', until_on: inMonth });
    const calls = serve({
      roles: ['production'],
      deferrals: () => deferrals,
      request: () => {
        deferrals = { items: [saved], can_request: false };
        return jsonResponse(201, saved);
      },
    });
    await renderApp('/complaints/7');
    const p = await panel();
    expect(p).toHaveTextContent('无法按期关闭时，可申请暂缓关闭，由副总经理或总经理审批。');
    await user.click(within(p).getByRole('button', { name: /申请暂缓关闭/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('2611-0007')).toBeInTheDocument();
    expect(within(drawer).getByTestId('deferral-effect')).toHaveTextContent('本案列为二次非理性抱怨');
    expect(within(drawer).getByRole('radio', { name: '关注' })).toBeChecked();

    await user.click(within(drawer).getByRole('button', { name: '提交申请' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('暂缓理由'))).toHaveTextContent('此项为必填'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('暂缓至'))).toHaveTextContent('此项为必填'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fill(within(drawer).getByLabelText('暂缓理由'), '  等待客户验证 ');
    await user.click(within(drawer).getByRole('radio', { name: '监控' }));
    await pickDay(within(drawer).getByLabelText('暂缓至'), inMonth);
    await user.click(within(drawer).getByRole('button', { name: '提交申请' }));

    expect(await screen.findByText('已提交暂缓关闭申请，等待副总经理或总经理审批。')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/complaints/7/deferrals');
    expect(post.ifMatch).toBeNull();
    expect(post.body).toEqual({ reason: '等待客户验证', follow: 'monitor', until_on: inMonth });
    const item = await within(await panel()).findByTestId('deferral-3');
    expect(within(item).getByText('待审批')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByTestId('case-deferrals')).queryByRole('button', { name: /申请暂缓关闭/ })).not.toBeInTheDocument());
  });

  it('places the server’s messages at their fields, `until` at the day', async () => {
    const user = setup();
    serve({
      roles: ['production'],
      deferrals: { items: [], can_request: true },
      request: () =>
        jsonResponse(
          422,
          problem(422, 'validation_failed', [
            { field: 'reason', code: 'too_long', message: 'at most 4000' },
            { field: 'until', code: 'out_of_range', message: 'after today and within 365 days' },
          ]),
        ),
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /申请暂缓关闭/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('暂缓理由'), '等待客户验证');
    await pickDay(within(drawer).getByLabelText('暂缓至'), inMonth);
    await user.click(within(drawer).getByRole('button', { name: '提交申请' }));
    expect(await within(drawer).findByText('请检查标出的字段')).toBeInTheDocument();
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('暂缓理由'))).toHaveTextContent('内容过长'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('暂缓至'))).toHaveTextContent('超出允许范围'));
  });

  it('explains and refreshes when a request already waits (409)', async () => {
    const user = setup();
    let deferrals: Deferrals = { items: [], can_request: true };
    const calls = serve({
      roles: ['production'],
      deferrals: () => deferrals,
      // The coordinator asked first.
      request: () => {
        deferrals = { items: [deferralView({ requested_by: { id: 9, name: '王协调' } })], can_request: false };
        return jsonResponse(409, { ...problem(409, 'already_done'), detail: 'a deferral request waits for a decision already' });
      },
    });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /申请暂缓关闭/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('暂缓理由'), '等待客户验证');
    await pickDay(within(drawer).getByLabelText('暂缓至'), inMonth);
    await user.click(within(drawer).getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText(/操作未完成：情况已有变化，页面已刷新。/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(screen.getByTestId('case-deferrals')).findByText(/王协调 于/)).toBeInTheDocument();
    expect(gets(calls, '/api/v1/complaints/7/deferrals')).toBeGreaterThan(1);
  });

  it('opens its drawer as a bottom sheet on a phone, one fact a row', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 375;
    const user = setup();
    serve({ roles: ['production'], deferrals: { items: [refusedDeferral()], can_request: true } });
    await renderApp('/complaints/7');
    await user.click(within(await panel()).getByRole('button', { name: /申请暂缓关闭/ }));
    const drawer = await screen.findByRole('dialog');
    expect(document.querySelector('.ant-drawer-bottom')).not.toBeNull();
    for (const row of drawer.querySelectorAll('.ant-descriptions-row')) expect(row.querySelectorAll('.ant-descriptions-item')).toHaveLength(1);
  });
});

describe('暂缓关闭 on the case: the decision', () => {
  const waiting = () => deferralView({ available_actions: ['approve', 'refuse'] });

  it('needs a comment to refuse, and sends it with the request’s version as If-Match', async () => {
    const user = setup();
    let deferrals: Deferrals = { items: [waiting()], can_request: false };
    const calls = serve({
      roles: ['deputy_gm'],
      deferrals: () => deferrals,
      decide: () => {
        const saved = deferralView({ state: 'refused', decided_by: { id: 10, name: '钱副总' }, decided_at: '2026-12-11T03:00:00Z', comment: '请按期结案', version: 2 });
        deferrals = { items: [saved], can_request: false };
        return jsonResponse(200, saved);
      },
    });
    await renderApp('/complaints/7');
    const item = await within(await panel()).findByTestId('deferral-3');
    await user.click(within(item).getByRole('button', { name: /驳回/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('驳回暂缓关闭')).toBeInTheDocument();
    expect(drawer).toHaveTextContent('等待客户下批来料验证');
    await user.click(within(drawer).getByRole('button', { name: '驳回' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('审批意见'))).toHaveTextContent('此项为必填'));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fill(within(drawer).getByLabelText('审批意见'), ' 请按期结案 ');
    await user.click(within(drawer).getByRole('button', { name: '驳回' }));
    expect(await screen.findByText('已驳回暂缓关闭申请。')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/complaints/7/deferrals/3/actions/refuse');
    expect(post.ifMatch).toBe('"1"');
    expect(post.body).toEqual({ comment: '请按期结案' });
    expect(await within(screen.getByTestId('deferral-3')).findByText('已驳回')).toBeInTheDocument();
  });

  it('approves without a comment, then reads the case, its marks and its requests again', async () => {
    const user = setup();
    let deferrals: Deferrals = { items: [waiting()], can_request: false };
    let marks = marksView();
    const calls = serve({
      roles: ['deputy_gm'],
      deferrals: () => deferrals,
      marks: () => marks,
      decide: () => {
        const saved = deferralView({ state: 'approved', decided_by: { id: 10, name: '钱副总' }, decided_at: '2026-12-11T03:00:00Z', version: 2 });
        deferrals = { items: [saved], can_request: false };
        marks = marksView({ irrational: { ...irrational, level: 'second', follow: 'watch', reason: saved.reason }, version: 1 });
        return jsonResponse(200, saved);
      },
    });
    await renderApp('/complaints/7');
    const item = await within(await panel()).findByTestId('deferral-3');
    const before = ['/api/v1/complaints/7', '/api/v1/complaints/7/marks', '/api/v1/complaints/7/deferrals'].map((p) => gets(calls, p));
    await user.click(within(item).getByRole('button', { name: /批准/ }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByTestId('deferral-decision-hint')).toHaveTextContent('批准后，本案的期限顺延至 2027-03-31 当天结束，本案列为二次非理性抱怨（关注）。');
    await user.click(within(drawer).getByRole('button', { name: '批准' }));

    expect(await screen.findByText('已批准暂缓关闭：本案期限已顺延至 2027-03-31。')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/v1/complaints/7/deferrals/3/actions/approve');
    expect(post.ifMatch).toBe('"1"');
    expect(post.body).toEqual({});
    await waitFor(() =>
      expect(['/api/v1/complaints/7', '/api/v1/complaints/7/marks', '/api/v1/complaints/7/deferrals'].map((p, i) => gets(calls, p) > before[i]!)).toEqual([true, true, true]),
    );
    // The case is now a second-level irrational complaint.
    expect(await screen.findByText('非理性抱怨（二次）· 关注')).toBeInTheDocument();
    expect(within(screen.getByTestId('deferral-3')).getByText('已批准')).toBeInTheDocument();
  });

  it('keeps the drawer open when the request changed meanwhile (412) and decides on the version read again', async () => {
    const user = setup();
    let deferrals: Deferrals = { items: [waiting()], can_request: false };
    let answer = () => {
      deferrals = { items: [deferralView({ available_actions: ['approve', 'refuse'], version: 2 })], can_request: false };
      return jsonResponse(412, problem(412, 'precondition_failed'));
    };
    const calls = serve({ roles: ['deputy_gm'], deferrals: () => deferrals, decide: () => answer() });
    await renderApp('/complaints/7');
    await user.click(within(await within(await panel()).findByTestId('deferral-3')).getByRole('button', { name: /批准/ }));
    const drawer = await screen.findByRole('dialog');
    fill(within(drawer).getByLabelText('审批意见'), '同意');
    await user.click(within(drawer).getByRole('button', { name: '批准' }));
    expect(await within(drawer).findByText('此申请刚被他人更新，已显示最新内容，请核对后再操作。')).toBeInTheDocument();
    await waitFor(() => expect(gets(calls, '/api/v1/complaints/7/deferrals')).toBeGreaterThan(1));

    answer = () => jsonResponse(200, deferralView({ state: 'approved', comment: '同意', version: 3 }));
    await user.click(within(drawer).getByRole('button', { name: '批准' }));
    expect(await screen.findByText('已批准暂缓关闭：本案期限已顺延至 2027-03-31。')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.ifMatch)).toEqual(['"1"', '"2"']);
  });

  it('explains and refreshes when someone decided first (409)', async () => {
    const user = setup();
    let deferrals: Deferrals = { items: [waiting()], can_request: false };
    serve({
      roles: ['deputy_gm'],
      deferrals: () => deferrals,
      decide: () => {
        deferrals = { items: [deferralView({ state: 'approved', decided_by: { id: 11, name: '郑总' }, decided_at: '2026-12-11T03:00:00Z', version: 2 })], can_request: false };
        return jsonResponse(409, { ...problem(409, 'already_decided'), detail: 'decided already' });
      },
    });
    await renderApp('/complaints/7');
    await user.click(within(await within(await panel()).findByTestId('deferral-3')).getByRole('button', { name: /批准/ }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '批准' }));
    expect(await screen.findByText(/操作未完成：情况已有变化，页面已刷新。/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(screen.getByTestId('deferral-3')).findByText(/郑总 于 .* 批准/)).toBeInTheDocument();
    expect(within(screen.getByTestId('deferral-3')).queryByRole('button')).not.toBeInTheDocument();
  });
});
