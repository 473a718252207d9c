import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { ME, preferencesView } from './fixtures';

type Preferences = Schemas['NoticePreferencesView'];

/** Serves my preferences (the saved ones read back after a save) and the save's outcome; the page's other reads answer empty. */
function serve(read: () => Preferences, save?: (call: Call) => Response): Call[] {
  signInForTests({ ...ME, roles: [...ME.roles] });
  return mockApi({
    '/api/v1/me/notice-preferences': () => jsonResponse(200, read(), { ETag: `"${read().version}"` }),
    '/api/v1/me/notice-deliveries': () => jsonResponse(200, { items: [] }),
    '/api/v1/me/notice-digests': () => jsonResponse(200, { items: [] }),
    '/api/v1/bonus-ledger': () => jsonResponse(200, []),
    ...(save ? { 'PUT /api/v1/me/notice-preferences': save } : {}),
  });
}

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const puts = (calls: Call[]) => calls.filter((c) => c.method === 'PUT');
/** The kinds e-mailed as they happen, and those gathered into the daily digest: the same checkboxes, each field a group of its own. */
const email = () => screen.getByRole('group', { name: '邮件通知' });
const digest = () => screen.getByRole('group', { name: '每日汇总' });
const kind = (field: HTMLElement, name: string) => within(field).getByRole('checkbox', { name });
const selectAll = (field: HTMLElement, group: string) => within(within(field).getByRole('group', { name: group })).getByRole('checkbox', { name: '全选' });
const hour = () => screen.getByRole('combobox', { name: '发送时间' });
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;

async function chooseHour(user: ReturnType<typeof setup>, text: string) {
  fireEvent.mouseDown(hour().closest('.ant-select-selector')!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) => el.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  await user.click(option);
}

describe('每日汇总 in 通知设置', () => {
  it('shows the saved hour and kinds, and sends them, in the groups’ order, with the rest on save', async () => {
    let current = preferencesView({ email_kinds: ['reminder'], digest_kinds: ['close_not_confirmed', 'task'], digest_hour: 18, version: 2 });
    const calls = serve(
      () => current,
      (call) => {
        current = { ...current, ...(call.body as object), version: 3 };
        return jsonResponse(200, current, { ETag: '"3"' });
      },
    );
    const user = setup();
    await renderApp('/me');
    await screen.findByRole('heading', { level: 3, name: '每日汇总' });
    expect(screen.getByText('勾选的通知不再逐条发送，而是每天在设定时间汇总成一封邮件。一种通知只能选逐条发送或每日汇总之一。')).toBeInTheDocument();
    expect(itemOf(hour())).toHaveTextContent('18:00');
    expect(kind(digest(), '待办')).toBeChecked();
    expect(kind(digest(), '客户未确认结案')).toBeChecked();
    expect(kind(digest(), '重大投诉预警')).not.toBeChecked();
    expect(kind(digest(), '催办单')).not.toBeChecked();
    // The same groups as the e-mails', in the same order.
    expect(within(digest()).getAllByRole('group').map((g) => g.querySelector('h4')?.textContent)).toEqual(['催办与洽办', '投诉预警', '待办', '审批结果', '客户']);
    // The hour field comes before the digest's kinds, the save button after them.
    expect(hour().compareDocumentPosition(digest()) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(digest().compareDocumentPosition(screen.getByRole('button', { name: '保存' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await chooseHour(user, '07:00');
    await user.click(kind(digest(), '洽办单'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    expect(puts(calls)[0]).toMatchObject({
      ifMatch: '"2"',
      body: { language: 'zh-CN', email_kinds: ['reminder'], digest_kinds: ['late_inquiry', 'close_not_confirmed', 'task'], digest_hour: 7 },
    });
    expect(await screen.findByRole('status')).toHaveTextContent('已保存通知设置');
    await waitFor(() => expect(itemOf(hour())).toHaveTextContent('07:00'));
    expect(kind(digest(), '洽办单')).toBeChecked();
  });

  it('offers every hour of the day', async () => {
    serve(() => preferencesView());
    await renderApp('/me');
    await screen.findByRole('group', { name: '每日汇总' });
    // Never saved: the server's default hour.
    expect(itemOf(hour())).toHaveTextContent('08:00');
    fireEvent.mouseDown(hour().closest('.ant-select-selector')!);
    await screen.findByRole('listbox');
    const texts = [...document.querySelectorAll('.ant-select-dropdown .ant-select-item-option')].map((o) => o.textContent);
    expect(texts).toEqual(Array.from({ length: 24 }, (_, h) => `${String(h).padStart(2, '0')}:00`));
  });

  it('disables in each field the kinds the other sends, so none goes both ways', async () => {
    const calls = serve(
      () => preferencesView({ email_kinds: ['reminder', 'major_alert'], digest_kinds: ['task'] }),
      () => jsonResponse(200, preferencesView({ version: 1 })),
    );
    const user = setup();
    await renderApp('/me');
    await screen.findByRole('group', { name: '每日汇总' });

    // Shown, not hidden, and not ticked.
    expect(kind(digest(), '催办单')).toBeDisabled();
    expect(kind(digest(), '催办单')).not.toBeChecked();
    expect(kind(digest(), '洽办单')).toBeEnabled();
    expect(kind(email(), '待办')).toBeDisabled();
    expect(kind(email(), '待办')).not.toBeChecked();
    expect(kind(email(), '催办单')).toBeEnabled();

    // 全选 in the digest ticks only the kinds it may, and counts only those.
    expect(selectAll(digest(), '投诉预警')).not.toBeChecked();
    await user.click(selectAll(digest(), '投诉预警'));
    expect(kind(digest(), '客户未确认结案')).toBeChecked();
    expect(kind(digest(), '重大投诉预警')).not.toBeChecked();
    expect(selectAll(digest(), '投诉预警')).toBeChecked();
    expect(selectAll(digest(), '投诉预警')).not.toBePartiallyChecked();
    // …which leaves them untickable for immediate e-mail in turn; that group's 全选 has nothing left to tick there.
    expect(kind(email(), '客户未确认结案')).toBeDisabled();
    expect(kind(email(), '重大投诉预警')).toBeChecked();
    expect(selectAll(email(), '投诉预警')).toBeChecked();

    // And back: unticked in the digest, a kind may be e-mailed again.
    await user.click(kind(digest(), '客户未确认结案'));
    expect(kind(email(), '客户未确认结案')).toBeEnabled();
    expect(selectAll(digest(), '投诉预警')).not.toBeChecked();

    // Ticked for immediate e-mail, a kind is no longer open in the digest.
    await user.click(kind(email(), '洽办单'));
    expect(kind(digest(), '洽办单')).toBeDisabled();
    // 全选 ticks the open kinds only: the e-mailed ones stay out of the digest…
    await user.click(selectAll(digest(), '催办与洽办'));
    expect(kind(digest(), '首次回复逾期')).toBeChecked();
    expect(kind(digest(), '催办单')).not.toBeChecked();
    expect(kind(digest(), '洽办单')).not.toBeChecked();
    expect(selectAll(digest(), '催办与洽办')).toBeChecked();
    // …and the other way round, 全选 clears only what it may tick.
    expect(kind(email(), '首次回复逾期')).toBeDisabled();
    expect(selectAll(email(), '催办与洽办')).toBeChecked();
    await user.click(selectAll(email(), '催办与洽办'));
    expect(kind(email(), '催办单')).not.toBeChecked();
    expect(kind(email(), '洽办单')).not.toBeChecked();
    expect(kind(digest(), '首次回复逾期')).toBeChecked();
    expect(kind(digest(), '催办单')).toBeEnabled();
    expect(selectAll(digest(), '催办与洽办')).toBePartiallyChecked();

    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    const body = puts(calls)[0]!.body as Schemas['NoticePreferencesBody'];
    expect(body.email_kinds).toEqual(['major_alert']);
    expect(body.digest_kinds).toEqual(expect.arrayContaining(['first_reply_late', 'case_reminder', 'task']));
    expect(body.digest_kinds).not.toEqual(expect.arrayContaining(['reminder']));
    expect(body.digest_kinds).not.toEqual(expect.arrayContaining(['late_inquiry']));
  });

  it('shows the server’s messages on the digest’s kinds and hour, not on the e-mails’', async () => {
    serve(
      () => preferencesView({ digest_kinds: ['task'] }),
      () =>
        jsonResponse(
          422,
          problem(422, 'validation_failed', [
            { field: 'digest_kinds[0]', code: 'duplicate', message: 'also e-mailed at once' },
            { field: 'digest_hour', code: 'out_of_range', message: '0 to 23' },
          ]),
        ),
    );
    const user = setup();
    await renderApp('/me');
    await screen.findByRole('group', { name: '每日汇总' });
    await user.click(screen.getByRole('button', { name: '保存' }));

    const kinds = itemOf(digest());
    await waitFor(() => expect(kinds).toHaveTextContent('已登记过'));
    expect(kinds).toHaveClass('ant-form-item-has-error');
    expect(itemOf(hour())).toHaveTextContent('超出允许范围');
    expect(itemOf(hour())).toHaveClass('ant-form-item-has-error');
    expect(itemOf(email())).not.toHaveClass('ant-form-item-has-error');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    // Editing each clears its message.
    await user.click(kind(digest(), '催办单'));
    await waitFor(() => expect(kinds).not.toHaveClass('ant-form-item-has-error'));
    await chooseHour(user, '09:00');
    await waitFor(() => expect(itemOf(hour())).not.toHaveClass('ant-form-item-has-error'));
  });
});
