import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { problem } from '../../../test/api';
import { jsonResponse, renderApp } from '../../../test/render';
import { closeConfirmation, contactReads, posts, recentFirstReply, recordedCloseConfirmation, recordedFirstReply, serveCase } from './fixtures';

type Contact = Schemas['CaseContactView'];
type User = ReturnType<typeof userEvent.setup>;

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;
const fill = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

async function open(user: User, button: string) {
  const section = (await screen.findByRole('heading', { level: 2, name: '客户沟通' })).closest('.ant-card') as HTMLElement;
  await user.click(await within(section).findByRole('button', { name: button }));
  return screen.findByRole('dialog', { name: button });
}

/** Picks `text` in the select labelled `label`. */
async function choose(user: User, scope: HTMLElement, label: string, text: string) {
  fireEvent.mouseDown(within(scope).getByRole('combobox', { name: label }).closest('.ant-select-selector')!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) => el.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  await user.click(option);
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

describe('recording a contact with the customer', () => {
  it('records the first reply: every field required, then sent with the promised date and If-Match, and the section shows it', async () => {
    let contacts: Contact[] = [recentFirstReply()];
    const calls = serveCase({
      contacts: () => contacts,
      record: (call) => {
        const body = call.body as Schemas['CaseContactBody'];
        const saved = recordedFirstReply({ ...body, contacted_at: '2026-12-01T06:30:00Z' });
        contacts = [saved];
        return jsonResponse(200, saved);
      },
    });
    const user = setup();
    await renderApp('/complaints/7');
    const drawer = await open(user, '记录首次回复');
    const when = within(drawer).getByLabelText('联系时间');
    // The time it happened defaults to now.
    expect(when).not.toHaveValue('');
    expect(within(drawer).queryByRole('radiogroup')).not.toBeInTheDocument();

    await user.click(within(drawer).getByRole('button', { name: '提交' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('沟通内容'))).toHaveTextContent('此项为必填'));
    expect(itemOf(within(drawer).getByRole('combobox', { name: '联系方式' }))).toHaveTextContent('此项为必填');
    expect(itemOf(within(drawer).getByLabelText('承诺答复日期'))).toHaveTextContent('此项为必填');
    expect(posts(calls)).toHaveLength(0);

    await choose(user, drawer, '联系方式', '电话');
    fill(within(drawer).getByLabelText('沟通内容'), '  已电话告知客户正在调查，下周给出处理方案。 ');
    await pickDay(within(drawer).getByLabelText('承诺答复日期'), '2026-12-20');
    await user.click(within(drawer).getByRole('button', { name: '提交' }));

    expect(await screen.findByText('已记录首次回复。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/customer-contacts/first_reply');
    expect(post.ifMatch).toBe('"1"');
    const body = post.body as Record<string, unknown>;
    expect(body).toEqual({ contacted_at: expect.any(String), method: 'phone', summary: '已电话告知客户正在调查，下周给出处理方案。', promised_on: '2026-12-20' });
    expect(body.contacted_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(Math.abs(Date.parse(body.contacted_at as string) - Date.now())).toBeLessThan(5 * 60_000);

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const row = screen.getByTestId('contact-first_reply');
    await waitFor(() => expect(within(row).getByText('已完成')).toBeInTheDocument());
    expect(row).toHaveTextContent('2026-12-20');
    expect(within(row).queryByRole('button', { name: '记录首次回复' })).not.toBeInTheDocument();
  });

  it('records the close confirmation with whether the customer confirmed, and no promised date', async () => {
    let contacts: Contact[] = [recordedFirstReply(), closeConfirmation()];
    const calls = serveCase({
      contacts: () => contacts,
      record: () => {
        const saved = recordedCloseConfirmation({ survey: null, can_send_survey: true });
        contacts = [recordedFirstReply(), saved];
        return jsonResponse(200, saved);
      },
    });
    const user = setup();
    await renderApp('/complaints/7');
    const drawer = await open(user, '记录回访确认');
    expect(within(drawer).queryByLabelText('承诺答复日期')).not.toBeInTheDocument();
    const answer = within(drawer).getByRole('radiogroup', { name: '客户是否确认结案' });

    await user.click(within(drawer).getByRole('button', { name: '提交' }));
    await waitFor(() => expect(itemOf(answer)).toHaveTextContent('此项为必填'));
    expect(posts(calls)).toHaveLength(0);

    await choose(user, drawer, '联系方式', '拜访');
    fill(within(drawer).getByLabelText('沟通内容'), '客户认为补货数量不足，不同意结案。');
    await user.click(within(answer).getByRole('radio', { name: '否' }));
    // Not confirmed: the coordinators and sales managers will hear of it.
    expect(await within(drawer).findByText('客户未确认结案：提交后将通知统筹和业务经理跟进。')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: '提交' }));

    expect(await screen.findByText('已记录回访确认。')).toBeInTheDocument();
    const post = posts(calls)[0]!;
    expect(post.path).toBe('/api/v1/complaints/7/customer-contacts/close_confirmation');
    expect(post.ifMatch).toBe('"3"');
    expect(post.body).toEqual({ contacted_at: expect.any(String), method: 'visit', summary: '客户认为补货数量不足，不同意结案。', confirmed: false });
    const row = screen.getByTestId('contact-close_confirmation');
    await waitFor(() => expect(row).toHaveTextContent('客户确认否'));
  });

  it('places the server’s messages at their fields (422)', async () => {
    serveCase({
      contacts: () => [recentFirstReply()],
      record: () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'summary', code: 'too_long', message: 'at most 2000 characters' }])),
    });
    const user = setup();
    await renderApp('/complaints/7');
    const drawer = await open(user, '记录首次回复');
    await choose(user, drawer, '联系方式', '邮件');
    fill(within(drawer).getByLabelText('沟通内容'), '已邮件答复');
    await pickDay(within(drawer).getByLabelText('承诺答复日期'), '2026-12-20');
    await user.click(within(drawer).getByRole('button', { name: '提交' }));
    await waitFor(() => expect(itemOf(within(drawer).getByLabelText('沟通内容'))).toHaveTextContent('内容过长'));
  });

  it('reads the contact again when it changed meanwhile (412) and records it against the new version', async () => {
    let contacts: Contact[] = [recentFirstReply()];
    let answer = () => {
      contacts = [recentFirstReply({ version: 2, reminded_at: '2026-12-02T02:00:00Z' })];
      return jsonResponse(412, problem(412, 'precondition_failed'));
    };
    const calls = serveCase({ contacts: () => contacts, record: () => answer() });
    const user = setup();
    await renderApp('/complaints/7');
    const drawer = await open(user, '记录首次回复');
    await choose(user, drawer, '联系方式', '电话');
    fill(within(drawer).getByLabelText('沟通内容'), '已电话答复');
    await pickDay(within(drawer).getByLabelText('承诺答复日期'), '2026-12-20');
    await user.click(within(drawer).getByRole('button', { name: '提交' }));
    expect(await within(drawer).findByText('此记录刚被他人修改，已显示最新内容，请核对后再提交。')).toBeInTheDocument();
    await waitFor(() => expect(contactReads(calls)).toBeGreaterThan(1));

    answer = () => jsonResponse(200, recordedFirstReply({ version: 3 }));
    await user.click(within(drawer).getByRole('button', { name: '提交' }));
    expect(await screen.findByText('已记录首次回复。')).toBeInTheDocument();
    expect(posts(calls).map((c) => c.ifMatch)).toEqual(['"1"', '"2"']);
  });

  it('explains and refreshes when someone recorded it first (409)', async () => {
    let contacts: Contact[] = [recentFirstReply()];
    serveCase({
      contacts: () => contacts,
      record: () => {
        contacts = [recordedFirstReply({ recorded_by: { id: 2, name: '李业务' } })];
        return jsonResponse(409, problem(409, 'already_done'));
      },
    });
    const user = setup();
    await renderApp('/complaints/7');
    const drawer = await open(user, '记录首次回复');
    await choose(user, drawer, '联系方式', '电话');
    fill(within(drawer).getByLabelText('沟通内容'), '已电话答复');
    await pickDay(within(drawer).getByLabelText('承诺答复日期'), '2026-12-20');
    await user.click(within(drawer).getByRole('button', { name: '提交' }));
    expect(await screen.findByText('此项已有人记录，页面已刷新为最新内容。')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(await within(screen.getByTestId('contact-first_reply')).findByText(/李业务 于/)).toBeInTheDocument();
  });
});
