import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { jsonResponse, renderApp } from '../../../test/render';
import { approvedComplaint } from '../../returns/__tests__/fixtures';
import { closeConfirmation, contactReads, firstReply, recordedCloseConfirmation, recordedFirstReply, serveCase } from './fixtures';

type Contact = Schemas['CaseContactView'];

const card = () => screen.findByRole('heading', { level: 2, name: '客户沟通' }).then((h) => h.closest('.ant-card') as HTMLElement);
const fact = (row: HTMLElement, label: string) => within(row).getByText(label, { selector: 'dt' }).nextElementSibling as HTMLElement;

describe('客户沟通 on the case', () => {
  it('lists the first reply and the close confirmation with where each stands, by when, and who may record them', async () => {
    // The server's order does not matter: the first reply comes first.
    serveCase({ contacts: () => [closeConfirmation(), firstReply()] });
    await renderApp('/complaints/7');
    const section = await card();
    expect(section).toHaveAttribute('id', 'section-contacts');
    const rows = within(within(section).getByRole('list', { name: '本案的客户沟通' })).getAllByRole('listitem');
    expect(rows.map((r) => r.dataset.testid)).toEqual(['contact-first_reply', 'contact-close_confirmation']);

    const [first, close] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByText('首次回复')).toBeInTheDocument();
    expect(within(first).getByText('待联系')).toHaveAttribute('data-status', 'open');
    expect(first).toHaveTextContent('截止 2026-12-02 09:00');
    expect(within(first).getByRole('button', { name: '记录首次回复' })).toBeInTheDocument();

    expect(within(close).getByText('回访确认关闭')).toBeInTheDocument();
    expect(within(close).getByText('已逾期')).toHaveAttribute('data-status', 'late');
    expect(close).toHaveTextContent('截止 2026-12-05 12:00');
    expect(close).toHaveTextContent('已于 2026-12-05 13:00 提醒业务员');
    expect(within(close).getByRole('button', { name: '记录回访确认' })).toBeInTheDocument();
    expect(within(close).getByRole('button', { name: '生成满意度调查链接' })).toBeInTheDocument();
  });

  it('shows what was recorded: when, how, what was said, the promised date or the customer’s answer, who recorded it, and the survey’s scores', async () => {
    serveCase({ contacts: () => [recordedFirstReply(), recordedCloseConfirmation()] });
    await renderApp('/complaints/7');
    const section = await card();
    const first = within(section).getByTestId('contact-first_reply');
    expect(within(first).getByText('已完成')).toBeInTheDocument();
    expect(fact(first, '联系时间')).toHaveTextContent('2026-12-01 14:30');
    expect(fact(first, '联系方式')).toHaveTextContent('电话');
    expect(fact(first, '承诺答复日期')).toHaveTextContent('2026-12-08');
    expect(fact(first, '沟通内容')).toHaveTextContent('已电话告知客户正在调查，下周给出处理方案。');
    expect(first).toHaveTextContent('张业务 于 2026-12-01 14:40 记录');
    expect(within(first).queryByText('客户确认')).not.toBeInTheDocument();

    const close = within(section).getByTestId('contact-close_confirmation');
    expect(within(close).getByText('逾期完成')).toBeInTheDocument();
    expect(fact(close, '联系方式')).toHaveTextContent('拜访');
    expect(fact(close, '客户确认')).toHaveTextContent('否');
    expect(within(close).queryByText('承诺答复日期')).not.toBeInTheDocument();
    // Recorded: the reminder is no longer news.
    expect(close).not.toHaveTextContent('提醒业务员');

    const survey = within(close).getByTestId('case-survey');
    expect(within(survey).getByText('已答复')).toBeInTheDocument();
    expect(survey).toHaveTextContent('客户于 2026-12-06 10:00 答复');
    const scores = within(survey).getByLabelText('客户评分');
    expect([...scores.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['产品质量', '交货期', '价格', '服务', '与同行比较', '其他']);
    expect(fact(scores, '交货期')).toHaveTextContent('不太满意（2 分）');
    expect(fact(scores, '服务')).toHaveTextContent('很满意（5 分）');
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });

  it('is not there when no contact’s clock has started', async () => {
    const calls = serveCase({ contacts: () => [] });
    await renderApp('/complaints/7');
    expect(await screen.findByRole('heading', { level: 1, name: '2611-0007' })).toBeInTheDocument();
    await waitFor(() => expect(contactReads(calls)).toBe(1));
    expect(screen.queryByRole('heading', { level: 2, name: '客户沟通' })).not.toBeInTheDocument();
  });

  it('reads the contacts again when an action changes the case', async () => {
    let contacts: Contact[] = [recordedFirstReply()];
    let version = 12;
    const complaint = () => ({ ...approvedComplaint(), version, available_actions: ['record_outcome', 'remind'] });
    const calls = serveCase({
      contacts: () => contacts,
      complaint,
      more: {
        'POST /api/v1/complaints/7/actions/remind': () => {
          // Meanwhile the close confirmation's clock started (in life: a resolved close).
          version = 13;
          contacts = [recordedFirstReply(), closeConfirmation({ status: 'open' })];
          return jsonResponse(200, { complaint: complaint(), follow_up_id: null });
        },
      },
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/complaints/7');
    expect(within(await card()).getAllByRole('listitem')).toHaveLength(1);
    const before = contactReads(calls);

    await user.click(screen.getByRole('button', { name: '催办' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '催办' }));
    await waitFor(() => expect(contactReads(calls)).toBeGreaterThan(before));
    expect(await within(await card()).findByTestId('contact-close_confirmation')).toHaveTextContent('待联系');
  });

  it('words the contacts in the case’s history: how, what was said, the promised date or whether the customer confirmed', async () => {
    const event = (seq: number, action: Schemas['EventAction'], body: object) => ({
      seq,
      action,
      from_state: 'closed',
      to_state: 'closed',
      actor_id: 1,
      actor_name: '张业务',
      actor_role: 'sales',
      at: `2026-12-0${seq}T02:00:00Z`,
      body,
    });
    serveCase({
      contacts: () => [recordedFirstReply()],
      events: [
        event(1, 'record_first_reply', { kind: 'first_reply', contacted_at: '2026-12-01T06:30:00Z', method: 'phone', summary: '下周给出方案', promised_on: '2026-12-08', confirmed: null }),
        event(5, 'confirm_close', { kind: 'close_confirmation', contacted_at: '2026-12-05T08:00:00Z', method: 'visit', summary: '补货数量不足', promised_on: null, confirmed: false }),
      ],
    });
    await renderApp('/complaints/7');
    const history = (await screen.findByRole('heading', { level: 2, name: '处理记录' })).closest('.ant-card') as HTMLElement;
    expect(await within(history).findByText('记录首次回复')).toBeInTheDocument();
    expect(within(history).getByText('电话：下周给出方案（承诺答复日期 2026-12-08）')).toBeInTheDocument();
    expect(within(history).getByText('回访确认关闭')).toBeInTheDocument();
    expect(within(history).getByText('拜访：补货数量不足（客户确认结案：否）')).toBeInTheDocument();
  });
});
