import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allOriginals, approvedReturn, event, handlingView, inspection, noteHistory, noteView, retailDraft, retailFacts, returnView } from './fixtures';

const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const submitted = [
  event(1, 'create', null, 'draft', '张业务', '2026-12-01T02:00:00Z'),
  event(2, 'submit', 'draft', 'supervisor_review', '张业务', '2026-12-01T03:00:00Z'),
];

let current: Schemas['ReturnView'] = returnView();
let actionStatus = 200;
let posts: Call[] = [];

function signIn(roles: Role[]) {
  signInForTests({ id: 9, username: roles[0], display_name: '郭主管', department_id: 1, department_name: '业务一部', roles });
}

beforeEach(() => {
  posts = [];
  actionStatus = 200;
  mockApi({
    '/api/v1/returns/55': () => jsonResponse(200, current, { ETag: `"${current.version}"` }),
    'POST /api/v1/returns/55/actions/refuse': (call) => answer(call, 'refused'),
    'POST /api/v1/returns/55/actions/approve': (call) => answer(call, 'marketing_review'),
    // Submit refuses what `eligibility.problems` says.
    'POST /api/v1/returns/55/actions/submit': (call) => {
      posts.push(call);
      return jsonResponse(422, problem(422, 'validation_failed', current.eligibility.problems));
    },
  });
});

function answer(call: Call, state: Schemas['ReturnState']): Response {
  posts.push(call);
  if (actionStatus === 412) {
    current = { ...current, version: current.version + 1 };
    return jsonResponse(412, problem(412, 'precondition_failed'));
  }
  current = { ...current, state, available_actions: [], version: current.version + 1 };
  return jsonResponse(200, current);
}

const actions = () =>
  screen
    .getAllByRole('button')
    .map((b) => b.getAttribute('data-action'))
    .filter(Boolean);

describe('the return application page', () => {
  it('offers the raiser of a draft edit, submit and withdraw, and everyone print', async () => {
    current = returnView();
    signIn(['sales']);
    await renderApp('/returns/55');
    expect(await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' })).toBeInTheDocument();
    expect(actions()).toEqual(['edit', 'submit', 'withdraw', 'print']);
    expect(screen.getByTestId('header-total')).toHaveTextContent('¥6,550.00');
    expect(screen.getByTestId('grounds-eligible')).toHaveTextContent('符合退换货条件');
    expect(screen.getAllByText('PCB-4L-1020').length).toBeGreaterThan(0);
  });

  it('offers the supervisor approve, extend and refuse, with the step and its deadline', async () => {
    current = returnView({ state: 'supervisor_review', available_actions: ['approve', 'refuse', 'extend'], step_due_at: at(20), history: submitted });
    signIn(['sales_supervisor']);
    await renderApp('/returns/55');
    await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
    expect(actions()).toEqual(['approve', 'extend', 'refuse', 'print']);
    const chain = screen.getByRole('navigation', { name: '审核流程' });
    expect(within(chain).getByText('业务主管')).toBeInTheDocument();
    expect(within(chain).getByText(/本步期限/)).toBeInTheDocument();
  });

  it('shows a reader with nothing to do only the print button', async () => {
    current = returnView({ state: 'approved', available_actions: [], decided_at: at(-1), retention_note: '已拜访客户，客户坚持退货' });
    signIn(['production']);
    await renderApp('/returns/55');
    await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
    expect(actions()).toEqual(['print']);
    expect(screen.getByText('已拜访客户，客户坚持退货')).toBeInTheDocument();
  });

  it('shows an exchange’s new order in the header, and the handling after the return note once the goods are received', async () => {
    const note = noteView({ state: 'booked', lines: noteView().lines.map((l) => ({ ...l, received: l.approved, booked: l.approved })) });
    current = approvedReturn({
      kind: 'exchange',
      inspection: inspection(),
      ...allOriginals,
      note,
      handling: handlingView({ state: 'done', waiting_for: [] }),
      exchange_order: { id: 81, order_number: 'TH2612-0002-HH' },
      history: noteHistory('book'),
    });
    signIn(['production']);
    await renderApp('/returns/55');
    await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
    expect(screen.getByTestId('exchange-order')).toHaveTextContent('换货新订单 TH2612-0002-HH');
    const sections = [...document.querySelectorAll('.kehu-section')].map((s) => s.id);
    expect(sections.slice(-2)).toEqual(['section-note', 'section-handling']);
    expect(screen.getByTestId('handling-section')).toHaveTextContent('处理完毕');
  });

  it('has no handling section or new order before there are any', async () => {
    current = approvedReturn({ inspection: inspection(), ...allOriginals });
    signIn(['production']);
    await renderApp('/returns/55');
    await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
    expect(screen.queryByTestId('exchange-order')).not.toBeInTheDocument();
    expect(screen.queryByTestId('handling-section')).not.toBeInTheDocument();
  });

  it('refuses only with a reason, sends the supervisor’s retention note and If-Match', async () => {
    current = returnView({ state: 'supervisor_review', available_actions: ['approve', 'refuse', 'extend'], history: submitted });
    signIn(['sales_supervisor']);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/55');
    await user.click(await screen.findByRole('button', { name: '不核准' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByTestId('next-step')).toHaveTextContent('完成后，申请进入「未核准」');
    await user.click(within(drawer).getByRole('button', { name: '不核准' }));
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();
    expect(posts).toHaveLength(0);

    await user.click(within(drawer).getByLabelText('不核准理由'));
    await user.paste('客户同意改为折让');
    await user.click(within(drawer).getByLabelText('挽留记录'));
    await user.paste('已拜访客户，客户同意折让');
    await user.click(within(drawer).getByRole('button', { name: '不核准' }));
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]).toMatchObject({ ifMatch: '"3"', body: { reason: '客户同意改为折让', retention_note: '已拜访客户，客户同意折让' } });
    expect(await screen.findByText('已完成：不核准')).toBeInTheDocument();
  });

  it('asks the marketing manager for no retention note, and explains a 412 keeping the drawer open', async () => {
    current = returnView({ state: 'marketing_review', available_actions: ['approve', 'refuse'], history: submitted });
    actionStatus = 412;
    signIn(['marketing_manager']);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/55');
    await user.click(await screen.findByRole('button', { name: '核准' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).queryByLabelText('挽留记录')).not.toBeInTheDocument();
    expect(within(drawer).getByTestId('next-step')).toHaveTextContent('总经理核准');
    await user.click(within(drawer).getByRole('button', { name: '核准' }));
    expect(await within(drawer).findByText(/此申请刚被他人修改/)).toBeInTheDocument();
    expect(posts[0]).toMatchObject({ ifMatch: '"3"', body: {} });
  });

  it('shows a consumer draft’s facts, and what its submit would be refused for, by field', async () => {
    current = retailDraft({
      eligibility: {
        ...retailDraft().eligibility,
        problems: [
          { field: 'retail.purchased_on', code: 'period_expired', message: 'more than 30 days since the purchase' },
          { field: 'retail.unopened', code: 'opened', message: 'an opened package comes back only when defective' },
        ],
      },
      retail: retailFacts({ unopened: false, invoice_number: null }),
    });
    signIn(['sales']);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/55');
    await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
    expect(screen.getByTestId('rule-set-view')).toHaveTextContent('零售退换货规则');
    const facts = screen.getByTestId('retail-facts');
    expect(facts).toHaveTextContent('购买日期2026-10-01');
    expect(facts).toHaveTextContent('无发票');
    expect(screen.queryByText('A 保修期内')).not.toBeInTheDocument();
    const problems = within(screen.getByTestId('retail-problems')).getAllByRole('listitem').map((li) => li.textContent);
    expect(problems).toEqual(['购买日期：已超过退换期限', '未拆封：已拆封且非质量问题，不予退换']);
    expect(screen.getByText('提交前需处理')).toBeInTheDocument();

    // Submitted anyway: the refusals name the facts, not the server's paths.
    await user.click(screen.getByRole('button', { name: '提交' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '提交' }));
    expect(await within(drawer).findByText(/购买日期: 已超过退换期限/)).toBeInTheDocument();
  });

  it('shows an approved consumer return’s refund date, and no problems once past the draft', async () => {
    current = approvedReturn({ rule_set: 'retail', retail: retailFacts(), refund_due_on: '2026-12-07', eligibility: retailDraft().eligibility });
    signIn(['production']);
    await renderApp('/returns/55');
    await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
    expect(screen.getByTestId('header-refund-due')).toHaveTextContent('退款期限 2026-12-07');
    expect(screen.getByTestId('refund-due')).toHaveTextContent('2026-12-07');
    expect(screen.queryByTestId('retail-problems')).not.toBeInTheDocument();
  });
});
