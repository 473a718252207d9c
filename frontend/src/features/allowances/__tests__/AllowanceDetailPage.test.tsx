import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allowanceView, at } from './fixtures';

type User = ReturnType<typeof userEvent.setup>;
type View = Schemas['AllowanceView'];

let current: View = allowanceView();
let status = 200;
let errors: { field: string; code: string; message: string }[] = [];
let writes: Call[] = [];

const people: Partial<Record<Role, { id: number; name: string; department_id: number; department_name: string }>> = {
  sales: { id: 1, name: '张业务', department_id: 1, department_name: '业务一部' },
  sales_manager: { id: 2, name: '韩经理', department_id: 1, department_name: '业务一部' },
  gm: { id: 4, name: '郑总', department_id: 2, department_name: '总经理室' },
  finance: { id: 15, name: '钱会计', department_id: 7, department_name: '财务部' },
  production: { id: 5, name: '孙制造', department_id: 5, department_name: '制造部' },
};

function signIn(role: Role) {
  const p = people[role]!;
  signInForTests({ id: p.id, username: role, display_name: p.name, department_id: p.department_id, department_name: p.department_name, roles: [role] });
}

/** What each action leads to on the server. */
const NEXT: Record<Schemas['AllowanceAction'], (a: View, body: Schemas['AllowanceActionBody']) => Partial<View>> = {
  approve: (a) => ({ state: a.state === 'manager_review' ? 'gm_review' : 'approved' }),
  refuse: (_, b) => ({ state: 'refused', refusal_reason: b.reason ?? null }),
  withdraw: () => ({ state: 'withdrawn' }),
  sign: (_, b) => ({ state: 'signed', signer: b.signer, signed_on: b.signed_on, proof_kind: b.proof_kind, proof_reference: b.proof_reference }),
  book: (_, b) => ({ state: 'booked', voucher: b.voucher, booked_by: { id: 15, name: '钱会计' }, booked_at: '2026-12-10T02:00:00Z' }),
  extend: () => ({ step_extended: true }),
};

function answer(call: Call, action: Schemas['AllowanceAction']): Response {
  writes.push(call);
  if (status === 412) {
    current = { ...current, version: current.version + 1 };
    status = 200;
    return jsonResponse(412, problem(412, 'precondition_failed'));
  }
  if (status !== 200) {
    const code = status === 422 ? 'validation_failed' : status === 403 ? 'forbidden' : 'conflict';
    const failed = jsonResponse(status, problem(status, code, errors));
    status = 200;
    return failed;
  }
  current = { ...current, ...NEXT[action](current, call.body as Schemas['AllowanceActionBody']), available_actions: [], version: current.version + 1 };
  return jsonResponse(200, current);
}

beforeEach(() => {
  writes = [];
  status = 200;
  errors = [];
  const actions: Schemas['AllowanceAction'][] = ['approve', 'refuse', 'withdraw', 'sign', 'book', 'extend'];
  mockApi({
    '/api/v1/allowances/21': () => jsonResponse(200, current, { ETag: `"${current.version}"` }),
    ...Object.fromEntries(actions.map((a) => [`POST /api/v1/allowances/21/actions/${a}`, (call: Call) => answer(call, a)])),
  });
});

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

/** Sets a value in one event (antd re-renders the whole drawer per keystroke). */
function fill(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}
/** A button by its text (not getByRole with a name: slow under jsdom with antd's style sheets). */
const button = (scope: HTMLElement, text: string) => within(scope).getByText(text, { selector: 'button > span' }).closest('button') as HTMLElement;
const actionButton = (name: string) => document.querySelector<HTMLElement>(`button[data-action="${name}"]`);
const itemOf = (element: HTMLElement) => element.closest('.ant-form-item') as HTMLElement;
const actions = () => [...document.querySelectorAll('button[data-action]')].map((b) => b.getAttribute('data-action'));

async function page() {
  await renderApp('/allowances/21');
  await screen.findByRole('heading', { level: 1, name: 'ZR2612-0001' });
}

async function open(user: User, name: string) {
  await user.click(actionButton(name)!);
  return screen.findByRole('dialog');
}

async function confirm(user: User, name: string, ok: string) {
  await user.click(actionButton(name)!);
  const pop = await waitFor(() => document.querySelector('.ant-popconfirm') as HTMLElement);
  await user.click(button(pop, ok));
  return pop;
}

describe('the allowance certificate page', () => {
  it('shows the certificate and offers the sales manager 核签同意 and 驳回, and everyone 打印', async () => {
    current = allowanceView({ available_actions: ['approve', 'refuse'], step_due_at: new Date(Date.now() - 3 * 3_600_000).toISOString(), overdue: true });
    signIn('sales_manager');
    await page();
    expect(actions()).toEqual(['approve', 'refuse', 'print']);
    const tags = screen.getByTestId('allowance-tags');
    // The step's deadline beside its state, red once late.
    expect(within(tags).getByTestId('allowance-deadline')).toHaveTextContent(/本步期限 .*逾期 3 小时/);
    expect(within(tags).getByTestId('allowance-deadline')).toHaveAttribute('data-overdue', 'true');
    expect(within(tags).getByText('折让')).toBeInTheDocument();
    expect(within(tags).getByText('待经理核签')).toHaveAttribute('data-allowance-state', 'manager_review');
    expect(screen.getByTestId('header-amount')).toHaveTextContent('¥1,000.00');
    const facts = screen.getByTestId('allowance-facts');
    expect(within(facts).getByText('No. 04512231')).toBeInTheDocument();
    expect(within(facts).getByText('依客户抱怨处理单核决折让')).toBeInTheDocument();
    expect(within(facts).getByText('第 1 项')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: '2611-0007' })[0]).toHaveAttribute('href', '/complaints/7');
    // Not countersigned yet: no customer's signature to show.
    expect(screen.queryByTestId('allowance-signing')).not.toBeInTheDocument();
    expect(within(screen.getAllByTestId('allowance-event')[0]!).getByText('开立证明单')).toBeInTheDocument();
  });

  it('countersigns after a confirmation, with If-Match and no body', async () => {
    current = allowanceView({ available_actions: ['approve', 'refuse'] });
    signIn('sales_manager');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    const pop = await confirm(user, 'approve', '核签同意');
    expect(pop).toHaveTextContent('确定核签同意此证明单？');
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'POST', path: '/api/v1/allowances/21/actions/approve', ifMatch: '"3"', body: {} });
    expect(await screen.findByText('已完成：核签同意')).toBeInTheDocument();
    expect(within(screen.getByTestId('allowance-tags')).getByText('待总经理核签')).toBeInTheDocument();
  });

  it('explains a 412 on a countersignature and shows the latest', async () => {
    current = at('gm_review', { available_actions: ['approve', 'refuse'] });
    status = 412;
    signIn('gm');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    await confirm(user, 'approve', '核签同意');
    expect(await screen.findByText('此证明单刚被他人修改，页面已刷新为最新内容。请核对后再提交。')).toBeInTheDocument();
    expect(writes[0]).toMatchObject({ ifMatch: '"3"' });
  });

  it('refuses only with a reason, sent with If-Match', async () => {
    current = at('gm_review', { available_actions: ['approve', 'refuse'] });
    signIn('gm');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    const drawer = await open(user, 'refuse');
    expect(within(drawer).getByTestId('next-step')).toHaveTextContent('完成后，证明单进入「已驳回」');
    await user.click(button(drawer, '驳回'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('驳回理由'))).toHaveTextContent('此项为必填'));
    expect(writes).toHaveLength(0);

    fill(within(drawer).getByLabelText('驳回理由'), ' 金额与核决不符 ');
    await user.click(button(drawer, '驳回'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ path: '/api/v1/allowances/21/actions/refuse', ifMatch: '"3"', body: { reason: '金额与核决不符' } });
    expect(await screen.findByText('已完成：驳回')).toBeInTheDocument();
    expect(within(screen.getByTestId('allowance-facts')).getByText('金额与核决不符')).toBeInTheDocument();
  });

  it('extends the step only with a reason, sent as `reason` with If-Match, then tags the deadline 已延期', async () => {
    const due = new Date(Date.now() + 5 * 3_600_000).toISOString();
    current = at('gm_review', { available_actions: ['approve', 'refuse', 'extend'], step_due_at: due });
    signIn('gm');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    expect(actions()).toEqual(['approve', 'extend', 'refuse', 'print']);
    expect(screen.queryByTestId('allowance-deadline-extended')).not.toBeInTheDocument();
    const drawer = await open(user, 'extend');
    expect(drawer).toHaveTextContent('每一步只能延期一次，延期后本步最长 3 个工作日');
    // The state stays: no next state to announce.
    expect(within(drawer).queryByTestId('next-step')).not.toBeInTheDocument();
    await user.click(button(drawer, '申请延期'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('延期理由'))).toHaveTextContent('此项为必填'));
    expect(writes).toHaveLength(0);

    fill(within(drawer).getByLabelText('延期理由'), ' 等待客户补充对账单 ');
    await user.click(button(drawer, '申请延期'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ path: '/api/v1/allowances/21/actions/extend', ifMatch: '"3"', body: { reason: '等待客户补充对账单' } });
    expect(await screen.findByText('已完成：申请延期')).toBeInTheDocument();
    expect(within(screen.getByTestId('allowance-tags')).getByTestId('allowance-deadline-extended')).toHaveTextContent('已延期');
  });

  it('shows a second extension’s 409 like any other conflict, with the drawer closed', async () => {
    current = at('gm_review', { available_actions: ['extend'] });
    status = 409;
    signIn('gm');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    const drawer = await open(user, 'extend');
    fill(within(drawer).getByLabelText('延期理由'), '再等一天');
    await user.click(button(drawer, '申请延期'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(await screen.findByText(/无法「申请延期」/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('lets the applicant withdraw while it is being countersigned', async () => {
    current = at('gm_review', { available_actions: ['withdraw'] });
    signIn('sales');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    expect(actions()).toEqual(['withdraw', 'print']);
    const pop = await confirm(user, 'withdraw', '撤回');
    expect(pop).toHaveTextContent('撤回后此证明单不再核签，确定撤回？');
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ path: '/api/v1/allowances/21/actions/withdraw', ifMatch: '"3"' });
    expect(await screen.findByText('已完成：撤回')).toBeInTheDocument();
  });

  it('records the customer’s signature: today by default, the proof picked with its explanation, the body sent with If-Match', async () => {
    current = at('approved', { available_actions: ['sign'] });
    signIn('sales');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    expect(screen.getByTestId('awaits-customer')).toBeInTheDocument();
    const drawer = await open(user, 'sign');
    expect(within(drawer).getByLabelText('签章日期')).toHaveValue(dayjs().format('YYYY-MM-DD'));
    const copy = within(drawer).getByLabelText('(b) 原发票影印本盖章');
    expect(copy).toHaveAccessibleDescription('注明折让单价、金额的原发票影印本，盖买受人统一发票章');
    expect(within(drawer).getByRole('radiogroup', { name: '折让证明' })).toBeInTheDocument();

    await user.click(button(drawer, '客户签章'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('客户签章人'))).toHaveTextContent('此项为必填'));
    // Each field's message renders on its own tick: wait for this one too.
    await waitFor(() => expect(within(drawer).getByRole('radiogroup', { name: '折让证明' }).closest('.ant-form-item')).toHaveTextContent('此项为必填'));
    expect(writes).toHaveLength(0);

    fill(within(drawer).getByLabelText('客户签章人'), '王建国');
    await user.click(copy);
    fill(within(drawer).getByLabelText('发票号 / 证明单号'), ' No. 2612-07 ');
    await user.click(button(drawer, '客户签章'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ path: '/api/v1/allowances/21/actions/sign', ifMatch: '"3"' });
    expect(writes[0]!.body).toEqual({ signer: '王建国', signed_on: dayjs().format('YYYY-MM-DD'), proof_kind: 'stamped_copy', proof_reference: 'No. 2612-07' });
    expect(await screen.findByText('已完成：客户签章')).toBeInTheDocument();
    const signing = screen.getByTestId('allowance-signing');
    expect(within(signing).getByText('王建国')).toBeInTheDocument();
    expect(within(signing).getByTestId('allowance-proof')).toHaveTextContent('(b) 原发票影印本盖章 No. 2612-07');
  });

  it('shows the server’s messages at the signing fields', async () => {
    current = at('approved', { available_actions: ['sign'] });
    signIn('sales');
    status = 422;
    errors = [{ field: 'signed_on', code: 'future', message: 'not after today' }];
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    const drawer = await open(user, 'sign');
    fill(within(drawer).getByLabelText('客户签章人'), '王建国');
    await user.click(within(drawer).getByLabelText('(a) 原发票盖章'));
    await user.click(button(drawer, '客户签章'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(await within(drawer).findByRole('alert')).toHaveTextContent('请检查标出的字段');
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('签章日期'))).toHaveTextContent('日期不能晚于今天'));
    expect(writes[0]!.body).toMatchObject({ proof_kind: 'invoice_stamped', proof_reference: null });
  });

  it('lets accounting book it only with the voucher, and keeps the drawer open on a 412', async () => {
    current = at('signed', { available_actions: ['book'] });
    signIn('finance');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    expect(actions()).toEqual(['book', 'print']);
    const drawer = await open(user, 'book');
    expect(drawer).toHaveTextContent('王建国');
    expect(drawer).toHaveTextContent('(b) 原发票影印本盖章');
    await user.click(button(drawer, '会计作账'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('传票号'))).toHaveTextContent('此项为必填'));
    expect(writes).toHaveLength(0);

    fill(within(drawer).getByLabelText('传票号'), '记-1206-015');
    status = 412;
    await user.click(button(drawer, '会计作账'));
    expect(await within(drawer).findByText('此证明单刚被他人修改，页面已刷新为最新内容。请核对后再提交。')).toBeInTheDocument();
    expect(writes[0]).toMatchObject({ ifMatch: '"3"', body: { voucher: '记-1206-015' } });

    // The page read the new version: the next try sends it.
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'ZR2612-0001' })).toBeInTheDocument());
    await user.click(button(drawer, '会计作账'));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toMatchObject({ path: '/api/v1/allowances/21/actions/book', ifMatch: '"4"', body: { voucher: '记-1206-015' } });
    expect(await screen.findByText('已完成：会计作账')).toBeInTheDocument();
    expect(screen.getByTestId('allowance-voucher')).toHaveTextContent('记-1206-015');
  });

  it('shows a reader the booked certificate with its signing facts and only 打印', async () => {
    current = at('booked');
    signIn('production');
    await page();
    expect(actions()).toEqual(['print']);
    const signing = screen.getByTestId('allowance-signing');
    expect(within(signing).getByText('2026-12-09')).toBeInTheDocument();
    expect(within(signing).getByTestId('allowance-voucher')).toHaveTextContent('记-1206-015');
    expect(within(signing).getByText(/钱会计/)).toBeInTheDocument();
    expect(screen.getByText('传票号 记-1206-015')).toBeInTheDocument();
  });

  it('puts the actions in a bar at the foot of a phone', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    current = allowanceView({ available_actions: ['approve', 'refuse'] });
    signIn('sales_manager');
    await page();
    const bar = screen.getByRole('toolbar', { name: '可执行的操作' });
    expect([...bar.querySelectorAll('button[data-action]')].map((b) => b.getAttribute('data-action'))).toEqual(['approve', 'refuse']);
    // 打印 stays in the header.
    expect(actions()).toEqual(['print', 'approve', 'refuse']);
  });
});
