import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allOriginals, approvedReturn, inspection, noteHistory, noteView } from './fixtures';

type User = ReturnType<typeof userEvent.setup>;
type Note = NonNullable<Schemas['ReturnView']['note']>;

let current: Schemas['ReturnView'] = approvedReturn();
let status = 200;
let errors: { field: string; code: string; message: string }[] = [];
let writes: Call[] = [];
/** What the server does to the note on the next write. */
let nextNote: (note: Note | null | undefined, call: Call) => Partial<Note> = () => ({});

const people: Record<string, { id: number; name: string; department_id: number; department_name: string }> = {
  sales: { id: 1, name: '张业务', department_id: 1, department_name: '业务一部' },
  sales_supervisor: { id: 9, name: '郭主管', department_id: 1, department_name: '业务一部' },
  warehouse: { id: 14, name: '马仓管', department_id: 8, department_name: '成品仓' },
  finance: { id: 15, name: '何会计', department_id: 7, department_name: '财务部' },
  gm: { id: 4, name: '郑总', department_id: 2, department_name: '总经理室' },
  production: { id: 5, name: '孙制造', department_id: 5, department_name: '制造部' },
};

function signIn(role: Role) {
  const p = people[role]!;
  signInForTests({ id: p.id, username: role, display_name: p.name, department_id: p.department_id, department_name: p.department_name, roles: [role] });
}

/** The server's answer to a write: the stubbed failure, or the application with `change` applied as a new version. */
function answer(call: Call, change: (r: Schemas['ReturnView']) => Partial<Schemas['ReturnView']>): Response {
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
  current = { ...current, ...change(current), version: current.version + 1 };
  return jsonResponse(200, current);
}

const noteStep = (call: Call) => answer(call, (r) => ({ note: { ...r.note!, ...nextNote(r.note, call), available_actions: [] } }));

beforeEach(() => {
  writes = [];
  status = 200;
  errors = [];
  nextNote = () => ({});
  mockApi({
    '/api/v1/returns/55': () => jsonResponse(200, current, { ETag: `"${current.version}"` }),
    'POST /api/v1/returns/55/note': (call) =>
      answer(call, (r) => {
        const body = call.body as Schemas['NoteInput'];
        return {
          can_issue_note: false,
          note: noteView({ ...body, applied_tolerance_bp: body.tolerance_bp ?? 0 }),
          history: [...r.history, ...noteHistory('issue_note').slice(-1)],
        };
      }),
    'POST /api/v1/returns/55/note/actions/verify': noteStep,
    'POST /api/v1/returns/55/note/actions/receive': noteStep,
    'POST /api/v1/returns/55/note/actions/book': noteStep,
    'POST /api/v1/returns/55/note/actions/accept_excess': noteStep,
    'POST /api/v1/returns/55/note/actions/refuse_excess': noteStep,
    'PUT /api/v1/returns/55/note/proof': (call) =>
      answer(call, (r) => {
        const body = call.body as Schemas['ProofInput'];
        return { note: { ...r.note!, proof_kind: body.kind, proof_reference: body.reference, proof_by: { id: 1, name: '张业务' }, proof_at: '2026-12-08T06:00:00Z' } };
      }),
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
const action = (name: string) => document.querySelector<HTMLElement>(`button[data-action="${name}"]`);
const itemOf = (element: HTMLElement) => element.closest('.ant-form-item') as HTMLElement;
const section = () => screen.getByRole('heading', { level: 2, name: '成品退货单' }).closest('.kehu-section') as HTMLElement;

async function open(user: User, name: string) {
  await user.click(action(name)!);
  return screen.findByRole('dialog');
}

/** An approved application inspected, every original in, and its note (received two over on the second item when asked). */
function withNote(note: Partial<Note>, upTo: Parameters<typeof noteHistory>[0] = 'issue_note') {
  return approvedReturn({ inspection: inspection(), ...allOriginals, note: noteView(note), history: noteHistory(upTo) });
}

async function page() {
  await renderApp('/returns/55');
  await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
  return section();
}

describe('the return note before it is issued', () => {
  it('lets the applicant issue it: reason and basis prefilled, handling required, the tolerance sent in basis points with If-Match', async () => {
    current = approvedReturn({ inspection: inspection(), ...allOriginals, can_issue_note: true, complaint: { id: 7, name: '2611-0007' }, complaint_line: 1 });
    signIn('sales');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const note = await page();
    expect(within(note).getByTestId('note-ready')).toHaveTextContent('现场检验与原件均已齐备');
    const drawer = await open(user, 'issue-note');

    expect(within(drawer).getByLabelText('退货原因')).toHaveValue('客户来料检验不合格，要求整批退货');
    expect(within(drawer).getByLabelText('退回依据')).toHaveValue('客户退换货申请单 TH2612-0001 / 客诉单 2611-0007');
    expect(within(drawer).getByLabelText('处理方式')).toHaveValue('');
    expect(itemOf(within(drawer).getByLabelText('超量允收比率（%）'))).toHaveTextContent('空则按公司规定');

    await user.click(button(drawer, '开立成品退货单'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('处理方式'))).toHaveTextContent('此项为必填'));
    expect(writes).toHaveLength(0);

    fill(within(drawer).getByLabelText('处理方式'), '退回成品仓，待品保判定后重修');
    fill(within(drawer).getByLabelText('超量允收比率（%）'), '2.5');
    await user.click(button(drawer, '开立成品退货单'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'POST', path: '/api/v1/returns/55/note', ifMatch: '"3"' });
    expect(writes[0]!.body).toEqual({
      reason: '客户来料检验不合格，要求整批退货',
      handling: '退回成品仓，待品保判定后重修',
      basis: '客户退换货申请单 TH2612-0001 / 客诉单 2611-0007',
      tolerance_bp: 250,
    });
    expect(await within(section()).findByText('成品退货单 CT2612-0001 已开立，待业务主管或经理核实')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(section()).getByTestId('note-number')).toHaveTextContent('CT2612-0001');
    expect(within(section()).getAllByText('待核实')[0]).toHaveAttribute('data-note-state', 'issued');
    expect(within(section()).getByTestId('note-tolerance')).toHaveTextContent('2.5%（订单约定）');
    expect(action('issue-note')).toBeNull();
    // The history names the new step.
    expect(within(document.querySelector('.kehu-history') as HTMLElement).getByText('开立成品退货单')).toBeInTheDocument();
  });

  it('sends no tolerance when left empty, and shows the server’s field messages in place', async () => {
    current = approvedReturn({ inspection: inspection(), ...allOriginals, can_issue_note: true });
    signIn('sales');
    status = 422;
    errors = [{ field: 'tolerance_bp', code: 'out_of_range', message: 'from 0 to 10000' }];
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    const drawer = await open(user, 'issue-note');
    expect(within(drawer).getByLabelText('退回依据')).toHaveValue('客户退换货申请单 TH2612-0001');
    fill(within(drawer).getByLabelText('处理方式'), '折价转售');
    await user.click(button(drawer, '开立成品退货单'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]!.body).toMatchObject({ handling: '折价转售', tolerance_bp: null });
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('超量允收比率（%）'))).toHaveTextContent('超出允许范围'));
  });

  it('tells the applicant what it still waits for, by name, and anyone else only that there is none', async () => {
    current = approvedReturn({
      originals_collected: ['contract', 'delivery_note', 'warranty_card'],
      originals_missing: ['receipt', 'packing_list'],
    });
    signIn('sales');
    const note = await page();
    const waiting = within(note).getByTestId('note-waiting');
    expect(waiting).toHaveTextContent('开立成品退货单前，尚待：');
    expect(within(waiting).getByText('客户服务部现场检验')).toBeInTheDocument();
    expect(within(waiting).getByText('收集原件：收据、装箱单')).toBeInTheDocument();
    expect(action('issue-note')).toBeNull();
  });

  it('does not wait for an inspection of a sample unit', async () => {
    current = approvedReturn({ sample_unit: true, inspection_needed: false, originals_missing: ['receipt'], originals_collected: [] });
    signIn('sales');
    const waiting = within(await page()).getByTestId('note-waiting');
    expect(within(waiting).queryByText('客户服务部现场检验')).not.toBeInTheDocument();
    expect(within(waiting).getByText('收集原件：收据')).toBeInTheDocument();
  });

  it('shows others a short line only', async () => {
    current = approvedReturn({ inspection: inspection(), ...allOriginals });
    signIn('production');
    const note = await page();
    expect(within(note).getByTestId('note-none')).toHaveTextContent('尚未开立成品退货单');
    expect(within(note).queryByTestId('note-waiting')).not.toBeInTheDocument();
    expect(note.querySelector('button')).toBeNull();
  });
});

describe('the return note’s steps', () => {
  it('lets the supervisor verify it after a confirmation, with If-Match', async () => {
    current = withNote({ available_actions: ['verify'], step_due_at: new Date(Date.now() + 20 * 3_600_000).toISOString(), overdue: false });
    nextNote = () => ({ state: 'to_receive' });
    signIn('sales_supervisor');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const note = await page();
    // The note's own step deadline, in its header.
    const deadline = note.querySelector('.ant-card-extra [data-testid="note-deadline"]') as HTMLElement;
    expect(deadline).toHaveAttribute('data-overdue', 'false');
    expect(deadline).toHaveTextContent(/本步期限 .*剩 (19|20) 小时/);
    expect(within(note).getAllByText('待核实').length).toBeGreaterThan(0);
    expect(within(note).getByText('退回成品仓，待品保判定后重修')).toBeInTheDocument();
    expect(within(note).getByTestId('note-tolerance')).toHaveTextContent('0%（公司规定）');
    await user.click(action('verify-note')!);
    const confirm = await waitFor(() => document.querySelector('.ant-popconfirm') as HTMLElement);
    expect(confirm).toHaveTextContent('核实后交成品仓签收，确定核实？');
    expect(writes).toHaveLength(0);
    await user.click(button(confirm, '核实'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ path: '/api/v1/returns/55/note/actions/verify', ifMatch: '"3"', body: {} });
    expect(await within(section()).findByText('已完成：核实')).toBeInTheDocument();
    expect(within(section()).getAllByText('待仓库签收')[0]).toHaveAttribute('data-note-state', 'to_receive');
  });

  it('lets the warehouse receive on a phone: cards, one whole count per item prefilled with the approved quantity, sent with If-Match', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    current = withNote({ state: 'to_receive', available_actions: ['receive'] }, 'verify_note');
    nextNote = (_, call) => {
      const q = (call.body as { quantities: number[] }).quantities;
      return { state: 'to_book', lines: noteView().lines.map((l, i) => ({ ...l, received: q[i] })), received_by: { id: 14, name: '马仓管' }, received_at: '2026-12-08T02:00:00Z' };
    };
    signIn('warehouse');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const note = await page();
    // Cards, not the wide table.
    expect(note.querySelector('.kehu-note-table')).toBeNull();
    expect(within(note).getAllByTestId('note-line')).toHaveLength(2);

    const drawer = await open(user, 'receive-note');
    const first = within(drawer).getByLabelText('第 1 项 PCB-4L-1020 实退量（核定 500）');
    const second = within(drawer).getByLabelText('第 2 项 PCB-2L-0800 实退量（核定 100）');
    expect(first).toHaveValue('500');
    expect(second).toHaveValue('100');

    // The server refuses a count: its message sits at that item.
    status = 422;
    errors = [{ field: 'quantities[1]', code: 'out_of_range', message: 'not negative' }];
    fill(first, '498');
    fill(second, '102');
    fill(within(drawer).getByLabelText('备注'), '外箱两件破损');
    await user.click(button(drawer, '签收'));
    await waitFor(() => expect(writes).toHaveLength(1));
    await waitFor(() => expect(itemOf(second)).toHaveTextContent('超出允许范围'));

    await user.click(button(drawer, '签收'));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes[1]).toMatchObject({ path: '/api/v1/returns/55/note/actions/receive', ifMatch: '"3"', body: { quantities: [498, 102], comment: '外箱两件破损' } });
    expect(await within(section()).findByText('已完成：签收')).toBeInTheDocument();
    // Two above the approved 100 on the second item: it stands out, in words.
    const cards = within(section()).getAllByTestId('note-line');
    expect(cards[1]).toHaveClass('kehu-note-line--excess');
    expect(within(cards[1]!).getByTestId('note-excess')).toHaveTextContent('超出允收 +2');
    expect(cards[0]).not.toHaveClass('kehu-note-line--excess');
  });

  it('has accounting book it: beyond approved and tolerance it waits for the approver, said as a warning', async () => {
    const received = noteView().lines.map((l, i) => ({ ...l, received: i === 0 ? 500 : 110 }));
    current = withNote(
      { state: 'to_book', lines: received, proof_kind: 'return_certificate', proof_reference: 'No. 2612-07', available_actions: ['book'], received_by: { id: 14, name: '马仓管' }, received_at: '2026-12-08T02:00:00Z' },
      'record_proof',
    );
    nextNote = () => ({ state: 'awaits_decision' });
    signIn('finance');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const note = await page();
    const rows = within(note).getAllByTestId('note-line');
    expect(rows[1]).toHaveClass('kehu-note-line--excess');
    expect(within(rows[1]!).getByTestId('note-excess')).toHaveTextContent('超出允收 +10');
    expect(within(note).getByTestId('note-proof')).toHaveTextContent('销货退回证明单（签章） No. 2612-07');

    const drawer = await open(user, 'book-note');
    expect(within(drawer).getByTestId('next-step')).toHaveTextContent('有品项超出核定量及允收比率');
    await user.click(button(drawer, '核对入账'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ path: '/api/v1/returns/55/note/actions/book', ifMatch: '"3"', body: { comment: null } });
    const held = await within(section()).findByText('已核对：实退量超出核定量及超量允收比率，超量部分已转核准人决定。');
    expect(held.closest('.ant-alert')).toHaveClass('ant-alert-warning');
  });

  it('says so when booked, and shows the missing proof before', async () => {
    const received = noteView().lines.map((l) => ({ ...l, received: l.approved }));
    current = withNote({ state: 'to_book', lines: received, available_actions: ['book'] }, 'receive');
    nextNote = (n) => ({ state: 'booked', lines: n!.lines.map((l) => ({ ...l, booked: l.received })), booked_by: { id: 15, name: '何会计' }, booked_at: '2026-12-09T02:00:00Z' });
    signIn('finance');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const note = await page();
    expect(within(note).getByTestId('proof-pending')).toHaveTextContent('待业务员录入退货证明后，会计方可核对入账。');
    const drawer = await open(user, 'book-note');
    expect(within(drawer).getByTestId('proof-missing')).toBeInTheDocument();
    expect(within(drawer).getByTestId('next-step')).toHaveTextContent('将按实退量入账');
    // Say the proof came in meanwhile: the server books.
    current = { ...current, note: { ...current.note!, proof_kind: 'invoice_stamped' } };
    await user.click(button(drawer, '核对入账'));
    const booked = await within(section()).findByText('成品退货单已入账');
    expect(booked.closest('.ant-alert')).toHaveClass('ant-alert-success');
    expect(within(section()).getAllByText('已入账')[0]).toHaveAttribute('data-note-state', 'booked');
  });

  it('lets the applicant record the proof of return, with If-Match', async () => {
    const received = noteView().lines.map((l) => ({ ...l, received: l.approved }));
    current = withNote({ state: 'to_book', lines: received, can_record_proof: true }, 'receive');
    signIn('sales');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    const drawer = await open(user, 'record-proof');
    await user.click(within(drawer).getByLabelText('销货退回证明单（签章）'));
    fill(within(drawer).getByLabelText('发票号 / 证明单号'), ' No. 2612-07 ');
    await user.click(button(drawer, '录入退货证明'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'PUT', path: '/api/v1/returns/55/note/proof', ifMatch: '"3"', body: { kind: 'return_certificate', reference: 'No. 2612-07' } });
    expect(await within(section()).findByText('退货证明已录入')).toBeInTheDocument();
    expect(within(section()).getByTestId('note-proof')).toHaveTextContent('销货退回证明单（签章） No. 2612-07');
  });

  it('lets the approver refuse the excess: what is booked and what goes back, and an optional comment', async () => {
    const received = noteView().lines.map((l, i) => ({ ...l, received: i === 0 ? 500 : 110 }));
    current = withNote({ state: 'awaits_decision', lines: received, proof_kind: 'invoice_stamped', available_actions: ['accept_excess', 'refuse_excess'] }, 'book');
    nextNote = (n) => ({ state: 'booked', lines: n!.lines.map((l) => ({ ...l, booked: Math.min(l.received ?? 0, l.approved) })), booked_by: { id: 4, name: '郑总' }, booked_at: '2026-12-10T02:00:00Z' });
    signIn('gm');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const note = await page();
    expect(within(note).getByText(/待核准人决定/)).toBeInTheDocument();
    expect(action('accept-excess')).not.toBeNull();
    const drawer = await open(user, 'refuse-excess');
    const limited = within(drawer).getByTestId('note-limited');
    expect(limited).toHaveTextContent('PCB-4L-1020：入账 500，退回客户 0');
    expect(limited).toHaveTextContent('PCB-2L-0800：入账 100，退回客户 10');
    fill(within(drawer).getByLabelText('备注'), '多出部分退回客户');
    await user.click(button(drawer, '超量退回客户'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ path: '/api/v1/returns/55/note/actions/refuse_excess', ifMatch: '"3"', body: { comment: '多出部分退回客户' } });
    expect(await within(section()).findByText('成品退货单已入账')).toBeInTheDocument();
  });

  it('explains a 412 in the drawer and sends the new version next time', async () => {
    current = withNote({ available_actions: ['accept_excess', 'refuse_excess'], state: 'awaits_decision' }, 'book');
    nextNote = () => ({ state: 'booked' });
    status = 412;
    signIn('gm');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await page();
    const drawer = await open(user, 'accept-excess');
    await user.click(button(drawer, '同意超量入账'));
    expect(await within(drawer).findByText(/此申请刚被他人修改/)).toBeInTheDocument();
    await waitFor(() => expect(current.version).toBe(4));
    await user.click(button(drawer, '同意超量入账'));
    await waitFor(() => expect(writes).toHaveLength(2));
    expect(writes.map((w) => w.ifMatch)).toEqual(['"3"', '"4"']);
    expect(await within(section()).findByText('成品退货单已入账')).toBeInTheDocument();
  });

  it('offers everyone the print view of an issued note', async () => {
    current = withNote({});
    signIn('production');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const note = await page();
    expect([...note.querySelectorAll('button[data-action]')].map((b) => b.getAttribute('data-action'))).toEqual(['print-note']);
    await user.click(action('print-note')!);
    expect(await screen.findByRole('heading', { level: 1, name: '成品退货单' })).toBeInTheDocument();
  });
});
