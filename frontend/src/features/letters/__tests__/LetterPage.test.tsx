import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { answeredInquiry, inquiryView, reminderView } from './fixtures';

type Letter = Schemas['LetterView'];

const REASON = '模具修复等外协，超出本步时限。';

/** Serves one letter (read again after each answer) and its answer's outcome. */
function serve(read: () => Letter, answer?: (call: Call) => Response): Call[] {
  signInForTests({ id: 5, display_name: '王生产', department_id: 5, department_name: '制造部', roles: ['production'] });
  const letter = read();
  return mockApi({
    [`/api/v1/letters/${letter.id}`]: () => jsonResponse(200, read(), { ETag: `"${read().version}"` }),
    ...(answer ? { [`POST /api/v1/letters/${letter.id}/answer`]: answer } : {}),
  });
}

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const field = (sheet: HTMLElement, label: string) => within(sheet).getByRole('rowheader', { name: label }).nextElementSibling as HTMLElement;
const reads = (calls: Call[], id: number) => calls.filter((c) => c.method === 'GET' && c.path === `/api/v1/letters/${id}`).length;

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

describe('the letter page', () => {
  it('shows a reminder as its paper: the case, step, department, deadline, how late, who sent it, its state and the sign-off', async () => {
    serve(() => reminderView());
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = setup();
    await renderApp('/letters/31');

    expect(await screen.findByRole('heading', { level: 1, name: '催办单 CB2612-0001' })).toBeInTheDocument();
    const sheet = screen.getByRole('article');
    expect(within(field(sheet, '投诉编号')).getByRole('link', { name: '2612-0007' })).toHaveAttribute('href', '/complaints/7');
    expect(field(sheet, '客户')).toHaveTextContent('苏州精密机械有限公司');
    expect(field(sheet, '逾期步骤')).toHaveTextContent('待拟定对策');
    expect(field(sheet, '责任部门')).toHaveTextContent('制造部');
    expect(field(sheet, '处理时限')).toHaveTextContent('2026-12-05 10:00（本步时限）');
    expect(field(sheet, '逾期时长')).toHaveTextContent('2 天 3 小时 5 分');
    expect(field(sheet, '发出时间')).toHaveTextContent('2026-12-07 13:05');
    expect(field(sheet, '催办人')).toHaveTextContent('系统自动');
    expect(field(sheet, '状态')).toHaveTextContent('待处理');
    // A reminder asks for no reason.
    expect(screen.queryByRole('region', { name: '逾期原因' })).not.toBeInTheDocument();

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(within(signOff).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['发出（总经理室）', '签收部门', '部门主管']);
    expect(within(signOff).getAllByTestId('signoff-cell')[0]).toHaveTextContent('2026-12-07');

    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: /返回投诉/ })).toHaveAttribute('href', '/complaints/7');
  });

  it('words a reminder that is over, and who sent it', async () => {
    serve(() => reminderView({ pending: false, issued_by: { id: 6, name: '周统筹' }, department: null }));
    await renderApp('/letters/31');
    const sheet = await screen.findByRole('article');
    expect(field(sheet, '催办人')).toHaveTextContent('周统筹');
    expect(field(sheet, '状态')).toHaveTextContent('已处理');
    expect(field(sheet, '责任部门')).toHaveTextContent('—');
    expect(within(screen.getByRole('table', { name: '签核' })).getAllByTestId('signoff-cell')[0]).toHaveTextContent('周统筹');
  });

  it('takes the late department’s reason for an inquiry, sent against its version, and then shows it', async () => {
    let current = inquiryView();
    const calls = serve(
      () => current,
      (call) => {
        current = answeredInquiry((call.body as { answer: string }).answer);
        return jsonResponse(200, current, { ETag: '"4"' });
      },
    );
    const user = setup();
    await renderApp('/letters/32');
    expect(await screen.findByRole('heading', { level: 1, name: '洽办单 QB2612-0001' })).toBeInTheDocument();
    const sheet = screen.getByRole('article');
    expect(field(sheet, '状态')).toHaveTextContent('待回复');
    expect(field(sheet, '处理时限')).toHaveTextContent('（结案时限）');
    expect(field(sheet, '逾期时长')).toHaveTextContent('1 小时 30 分');

    // Nothing written: the form says so and sends nothing.
    await user.click(screen.getByRole('button', { name: '提交回复' }));
    expect(await screen.findByText('此项为必填')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByRole('textbox', { name: '逾期原因' }), { target: { value: `  ${REASON}  ` } });
    await user.click(screen.getByRole('button', { name: '提交回复' }));

    expect(await screen.findByTestId('letter-answer')).toHaveTextContent(REASON);
    const post = calls.find((c) => c.method === 'POST');
    expect(post).toMatchObject({ path: '/api/v1/letters/32/answer', ifMatch: '"3"', body: { answer: REASON } });
    expect(screen.getByRole('status')).toHaveTextContent('已回复');
    expect(field(sheet, '状态')).toHaveTextContent('已回复');
    expect(screen.getByText('王生产 于 2026-12-11 10:30 回复')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: '逾期原因' })).not.toBeInTheDocument();
  });

  it('shows the server’s message on the reason field', async () => {
    const calls = serve(
      () => inquiryView(),
      () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'answer', code: 'too_long', message: 'at most 4000 characters' }])),
    );
    const user = setup();
    await renderApp('/letters/32');
    const box = await screen.findByRole('textbox', { name: '逾期原因' });
    fireEvent.change(box, { target: { value: '原因' } });
    await user.click(screen.getByRole('button', { name: '提交回复' }));

    const item = box.closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(item).toHaveTextContent('内容过长'));
    expect(item).toHaveClass('ant-form-item-has-error');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    // The field says it all: no alert besides.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Editing the text clears the server's message.
    fireEvent.change(box, { target: { value: '原因已补充' } });
    await waitFor(() => expect(item).not.toHaveTextContent('内容过长'));
  });

  it('reads the letter again when someone answered first', async () => {
    let current = inquiryView();
    const calls = serve(
      () => current,
      () => {
        current = answeredInquiry('已由部门主管回复。', { answered_by: { id: 9, name: '孙经理' } });
        return jsonResponse(412, problem(412, 'stale_version'));
      },
    );
    const user = setup();
    await renderApp('/letters/32');
    fireEvent.change(await screen.findByRole('textbox', { name: '逾期原因' }), { target: { value: REASON } });
    const before = reads(calls, 32);
    await user.click(screen.getByRole('button', { name: '提交回复' }));

    expect(await screen.findByTestId('letter-answer')).toHaveTextContent('已由部门主管回复。');
    expect(reads(calls, 32)).toBeGreaterThan(before);
    expect(screen.getByRole('status')).toHaveTextContent('此洽办单已有变更');
  });

  it('says an unanswered inquiry waits for the department when the reader may not answer it', async () => {
    serve(() => inquiryView({ can_answer: false }));
    await renderApp('/letters/32');
    expect(await screen.findByText('等待责任部门回复逾期原因。')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: '逾期原因' })).not.toBeInTheDocument();
    // The paper keeps a box to write the reason in.
    expect(screen.getByTestId('letter-blank')).toBeInTheDocument();
  });

  it('says so when the letter is not the reader’s to see', async () => {
    signInForTests({ roles: ['sales'] });
    mockApi({});
    await renderApp('/letters/99');
    expect(await screen.findByRole('link', { name: /返回待办/ })).toHaveAttribute('href', '/tasks');
    expect(screen.queryByRole('heading', { level: 1 })).not.toBeInTheDocument();
  });
});
