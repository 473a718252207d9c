import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import dayjs from 'dayjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { approvedReturn, event, inspection } from './fixtures';

type User = ReturnType<typeof userEvent.setup>;

let current: Schemas['ReturnView'] = approvedReturn();
let status = 200;
let errors: { field: string; code: string; message: string }[] = [];
let writes: Call[] = [];

function signIn(roles: Role[]) {
  signInForTests({ id: 12, username: 'service', display_name: '林客服', department_id: 6, department_name: '客户服务部', roles });
}

/** The server's answer to a write: the stubbed failure, or `change` applied as a new version. */
function answer(call: Call, change: (r: Schemas['ReturnView']) => Partial<Schemas['ReturnView']>): Response {
  writes.push(call);
  if (status === 412) {
    current = { ...current, version: current.version + 1 };
    status = 200;
    return jsonResponse(412, problem(412, 'precondition_failed'));
  }
  if (status !== 200) return jsonResponse(status, problem(status, status === 422 ? 'validation_failed' : 'already_done', errors));
  current = { ...current, ...change(current), version: current.version + 1 };
  return jsonResponse(200, current);
}

beforeEach(() => {
  writes = [];
  status = 200;
  errors = [];
  mockApi({
    '/api/v1/returns/55': () => jsonResponse(200, current, { ETag: `"${current.version}"` }),
    'POST /api/v1/returns/55/inspection': (call) =>
      answer(call, (r) => ({
        inspection: inspection(),
        can_inspect: false,
        history: [...r.history, event(6, 'inspect', 'approved', 'approved', '林客服', '2026-12-05T06:30:00Z', '遥控器 ×1')],
      })),
    'PUT /api/v1/returns/55/originals': (call) => {
      const collected = (call.body as { collected: Schemas['Original'][] }).collected;
      return answer(call, () => ({ originals_collected: collected }));
    },
  });
});

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

/** Sets a value in one event: the drawer's form is large, and antd re-renders all of it per keystroke. */
async function fill(_user: User, input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

const inspectButton = () => document.querySelector('button[data-action="inspect"]');
/**
 * A button by its text. Not getByRole with a name: that computes every
 * button's accessible name against antd's style sheets, seconds per query
 * in a drawer this size under jsdom.
 */
const button = (scope: HTMLElement, text: string) => within(scope).getByText(text, { selector: 'button > span' }).closest('button') as HTMLElement;
const itemOf = (element: HTMLElement) => element.closest('.ant-form-item') as HTMLElement;
const section = (name: string) => screen.getByRole('heading', { level: 2, name }).closest('.kehu-section') as HTMLElement;

async function openDrawer(user: User) {
  await renderApp('/returns/55');
  await screen.findByTestId('return-tags');
  await user.click(button(section('现场检验'), '现场检验'));
  return screen.findByRole('dialog');
}

async function choose(user: User, drawer: HTMLElement, aspect: string, condition: string) {
  await user.click(within(within(drawer).getByLabelText(aspect)).getByLabelText(condition));
}

async function fillPart(user: User, drawer: HTMLElement, n: number, part: string, expected: string, present: string) {
  const row = within(drawer).getByLabelText(`第 ${n} 个部件`);
  await fill(user, within(row).getByLabelText('部件'), part);
  await fill(user, within(row).getByLabelText('应有'), expected);
  await fill(user, within(row).getByLabelText('实有'), present);
  return row;
}

describe('customer service on an approved application', () => {
  it('shows a recorded inspection read-only: conditions, the parts list with the missing part highlighted, who signed; originals as a checklist', async () => {
    current = approvedReturn({
      inspection: inspection(),
      originals_collected: ['contract', 'receipt'],
      originals_missing: ['delivery_note', 'warranty_card', 'packing_list'],
    });
    signIn(['production']);
    await renderApp('/returns/55');
    await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });

    const inspected = section('现场检验');
    expect(inspectButton()).toBeNull();
    expect(within(inspected).getByText('不良')).toHaveAttribute('data-condition', 'defective');
    expect(within(inspected).getByText('良好')).toHaveAttribute('data-condition', 'good');
    expect(within(inspected).getByText('开机无显示')).toBeInTheDocument();
    const parts = within(inspected).getByRole('group', { name: '部件清单表' });
    expect(within(parts).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['#', '部件', '应有', '实有', '缺少']);
    const rows = within(parts).getAllByTestId('part-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('遥控器');
    expect(rows[0]).toHaveClass('kehu-part--missing');
    expect(rows[1]).toHaveTextContent('底座');
    expect(rows[1]).not.toHaveClass('kehu-part--missing');
    expect(within(parts).getByTestId('parts-missing-total')).toHaveTextContent('共缺少 1 件');
    expect(within(inspected).getByText('王建国')).toBeInTheDocument();
    expect(within(inspected).getByText('2026-12-05')).toBeInTheDocument();
    expect(within(inspected).getByText('林客服')).toBeInTheDocument();

    const originals = section('原件收集');
    expect(within(originals).getByTestId('originals-progress')).toHaveTextContent('已收集 2/5');
    expect(within(originals).queryByRole('checkbox')).not.toBeInTheDocument();
    expect(originals.querySelector('button[data-action="save-originals"]')).toBeNull();
    expect(within(originals).getByTestId('original-contract')).toHaveAttribute('data-collected', 'true');
    expect(within(originals).getByTestId('original-receipt')).toHaveTextContent('收据已收集');
    expect(within(originals).getByTestId('original-packing_list')).toHaveAttribute('data-collected', 'false');
    expect(within(originals).getByTestId('original-packing_list')).toHaveTextContent('装箱单未收集');
  });

  it('lists the parts as cards on a phone, the missing one standing out', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    current = approvedReturn({ inspection: inspection() });
    signIn(['production']);
    await renderApp('/returns/55');
    const parts = await screen.findByRole('group', { name: '部件清单表' });
    expect(within(parts).queryByRole('table')).not.toBeInTheDocument();
    const cards = within(parts).getAllByTestId('part-row');
    expect(cards[0]).toHaveClass('kehu-part--missing');
    expect(cards[0]).toHaveTextContent('缺少 1');
    expect(cards[1]).not.toHaveClass('kehu-part--missing');
  });

  it('says a sample unit skips the inspection, and shows no section before approval', async () => {
    current = approvedReturn({ sample_unit: true, inspection_needed: false });
    signIn(['customer_service']);
    await renderApp('/returns/55');
    expect(await screen.findByTestId('inspection-not-needed')).toHaveTextContent('展示机 / 办公样机退回，免现场检验。');
    expect(inspectButton()).toBeNull();
  });

  it('records the inspection: a defect needs its note; the body sent with If-Match; the result shown', async () => {
    current = approvedReturn({ can_inspect: true, can_collect_originals: true });
    signIn(['customer_service']);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const drawer = await openDrawer(user);
    expect(within(drawer).getByLabelText('签收日期')).toHaveValue(dayjs().format('YYYY-MM-DD'));

    await choose(user, drawer, '功能', '不良');
    await choose(user, drawer, '外观', '良好');
    await fillPart(user, drawer, 1, '遥控器', '2', '1');
    await fill(user, within(drawer).getByLabelText('客户签收人'), '王建国');
    await user.click(button(drawer, '现场检验'));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('功能说明'))).toHaveTextContent('此项为必填'));
    // The appearance is good: its note may stay empty.
    expect(itemOf(within(drawer).getByLabelText('外观说明'))).not.toHaveTextContent('此项为必填');
    expect(writes).toHaveLength(0);

    await fill(user, within(drawer).getByLabelText('功能说明'), '开机无显示');
    expect(within(drawer).getByTestId('part-missing-0')).toHaveTextContent('1');
    await user.click(button(drawer, '添加部件'));
    await fillPart(user, drawer, 2, '底座', '1', '1');
    await user.click(button(drawer, '现场检验'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'POST', ifMatch: '"3"' });
    expect(writes[0]!.body).toEqual({
      function: 'defective',
      function_note: '开机无显示',
      appearance: 'good',
      appearance_note: null,
      parts: [
        { part: '遥控器', expected: 2, present: 1 },
        { part: '底座', expected: 1, present: 1 },
      ],
      signed_by: '王建国',
      signed_on: dayjs().format('YYYY-MM-DD'),
    });
    expect(await screen.findByText('已完成：现场检验')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(section('现场检验')).getAllByTestId('part-row')[0]).toHaveClass('kehu-part--missing');
    expect(inspectButton()).toBeNull();
  });

  it('shows the server’s messages at their fields, and after a 412 sends the new version', async () => {
    current = approvedReturn({ can_inspect: true });
    signIn(['customer_service']);
    status = 422;
    errors = [
      { field: 'parts[0].present', code: 'out_of_range', message: 'at most expected' },
      { field: 'signed_on', code: 'future', message: 'not in the future' },
    ];
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const drawer = await openDrawer(user);
    await choose(user, drawer, '功能', '良好');
    await choose(user, drawer, '外观', '良好');
    const row = await fillPart(user, drawer, 1, '遥控器', '2', '2');
    await fill(user, within(drawer).getByLabelText('客户签收人'), '王建国');
    await user.click(button(drawer, '现场检验'));
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(await within(drawer).findByRole('alert')).toHaveTextContent('请检查标出的字段');
    await waitFor(() => expect(itemOf(within(row).getByLabelText('实有'))).toHaveTextContent('超出允许范围'));
    expect(itemOf(within(drawer).getByLabelText('签收日期'))).toHaveTextContent('日期不能晚于今天');

    status = 412;
    await user.click(button(drawer, '现场检验'));
    expect(await within(drawer).findByText(/此申请刚被他人修改/)).toBeInTheDocument();
    expect(writes[1]).toMatchObject({ ifMatch: '"3"' });
    // The page has the new version; the drawer kept what was typed.
    await waitFor(() => expect(current.version).toBe(4));
    await user.click(button(drawer, '现场检验'));
    await waitFor(() => expect(writes).toHaveLength(3));
    expect(writes[2]).toMatchObject({ ifMatch: '"4"', body: { signed_by: '王建国', parts: [{ part: '遥控器', expected: 2, present: 2 }] } });
    expect(await screen.findByText('已完成：现场检验')).toBeInTheDocument();
  });

  it('saves the whole set of originals collected, in order, with If-Match', async () => {
    current = approvedReturn({
      can_collect_originals: true,
      originals_collected: ['contract'],
      originals_missing: ['receipt', 'delivery_note', 'warranty_card', 'packing_list'],
    });
    signIn(['customer_service']);
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/55');
    await screen.findByRole('heading', { level: 1, name: 'TH2612-0001' });
    const originals = section('原件收集');
    expect(within(originals).getByTestId('originals-progress')).toHaveTextContent('已收集 1/5');
    const save = button(originals, '保存');
    expect(save).toBeDisabled();
    expect(within(originals).getByLabelText('合同')).toBeChecked();

    await user.click(within(originals).getByLabelText('装箱单'));
    await user.click(within(originals).getByLabelText('收据'));
    await user.click(save);
    await waitFor(() => expect(writes).toHaveLength(1));
    expect(writes[0]).toMatchObject({ method: 'PUT', ifMatch: '"3"', body: { collected: ['contract', 'receipt', 'packing_list'] } });
    expect(await within(originals).findByText('原件收集已保存')).toBeInTheDocument();
    expect(within(originals).getByTestId('originals-progress')).toHaveTextContent('已收集 3/5');
    expect(button(originals, '保存')).toBeDisabled();
  });
});
