import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { ME, preferencesView } from './fixtures';

type Preferences = Schemas['NoticePreferencesView'];

/** Serves my preferences (read again after each save) and the save's outcome; the page's other reads answer empty. */
function serve(read: () => Preferences, save?: (call: Call) => Response | Promise<Response>): Call[] {
  signInForTests({ ...ME, roles: [...ME.roles] });
  return mockApi(
    {
      '/api/v1/me/notice-preferences': () => jsonResponse(200, read(), { ETag: `"${read().version}"` }),
      '/api/v1/me/notice-deliveries': () => jsonResponse(200, { items: [] }),
      '/api/v1/me/notice-digests': () => jsonResponse(200, { items: [] }),
      '/api/v1/bonus-ledger': () => jsonResponse(200, []),
      // A held answer keeps the save in flight: the fetch stub awaits what the handler returns.
      ...(save ? { 'PUT /api/v1/me/notice-preferences': save as (call: Call) => Response } : {}),
    },
  );
}

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const card = async () => (await screen.findByRole('heading', { level: 2, name: '通知设置' })).closest('.ant-card') as HTMLElement;
/** The kinds e-mailed as they happen (the daily digest's are the same checkboxes in a group of its own). */
const email = () => screen.getByRole('group', { name: '邮件通知' });
const group = (name: string) => within(email()).getByRole('group', { name });
const kind = (name: string) => within(email()).getByRole('checkbox', { name });
const loaded = () => screen.findByRole('group', { name: '邮件通知' });
const puts = (calls: Call[]) => calls.filter((c) => c.method === 'PUT');

describe('通知设置 on 我的', () => {
  it('shows the saved language, the kinds e-mailed in their groups, and where they go', async () => {
    serve(() => preferencesView({ language: 'zh-TW', email_kinds: ['reminder', 'major_alert', 'close_not_confirmed'], version: 3 }));
    await renderApp('/me');
    const section = await card();

    const language = await within(section).findByRole('radiogroup', { name: '接收语言' });
    expect(within(language).getByRole('radio', { name: '繁體中文' })).toBeChecked();
    expect(within(language).getByRole('radio', { name: '简体中文' })).not.toBeChecked();

    expect(within(section).getByRole('heading', { level: 3, name: '邮件通知' })).toBeInTheDocument();
    expect(within(section).getByText('发送到 qa@example.com')).toBeInTheDocument();
    expect(within(section).queryByRole('note')).not.toBeInTheDocument();

    // The notification centre's groups, each kind by its short name.
    const chase = group('催办与洽办');
    expect(within(chase).getByRole('checkbox', { name: '催办单' })).toBeChecked();
    expect(within(chase).getByRole('checkbox', { name: '洽办单' })).not.toBeChecked();
    expect(within(chase).getByRole('checkbox', { name: '全选' })).not.toBeChecked();
    const alerts = group('投诉预警');
    expect(within(alerts).getByRole('checkbox', { name: '重大投诉预警' })).toBeChecked();
    expect(within(alerts).getByRole('checkbox', { name: '全选' })).toBeChecked();
    expect(within(group('待办')).getByRole('checkbox', { name: '回访确认关闭' })).not.toBeChecked();
    expect(within(email()).getAllByRole('group').map((g) => g.querySelector('h4')?.textContent)).toEqual(['催办与洽办', '投诉预警', '待办', '审批结果', '客户']);
    expect(within(section).getByRole('button', { name: '保存' })).toBeEnabled();
  });

  it('says when the account has no address and when this installation sends no e-mail', async () => {
    serve(() => preferencesView({ email_address: null, email_available: false }));
    await renderApp('/me');
    const section = await card();
    const notes = await within(section).findAllByRole('note');
    expect(notes.map((n) => n.textContent)).toEqual([
      '您的账号没有登记邮箱，收不到邮件通知。请联系系统管理员为账号添加邮箱。',
      '本系统暂未发送邮件。您的设置会保留，系统管理员配置邮件服务器后即生效。',
    ]);
    expect(within(section).queryByText(/^发送到/)).not.toBeInTheDocument();
    // The choices are still kept.
    expect(within(email()).getByRole('checkbox', { name: '催办单' })).toBeEnabled();
  });

  it('saves the language and kinds against version "0" the first time, the form held while it goes', async () => {
    let current = preferencesView();
    let release: () => void = () => {};
    const calls = serve(
      () => current,
      (call) =>
        new Promise<Response>((resolve) => {
          release = () => {
            current = { ...current, ...(call.body as object), version: 1 };
            resolve(jsonResponse(200, current, { ETag: '"1"' }));
          };
        }),
    );
    const user = setup();
    await renderApp('/me');
    await card();
    await user.click(await screen.findByRole('radio', { name: 'English' }));
    await loaded();
    await user.click(within(group('投诉预警')).getByRole('checkbox', { name: '全选' }));
    await user.click(kind('首次回复逾期'));
    await user.click(kind('催办单'));
    expect(within(group('催办与洽办')).getByRole('checkbox', { name: '全选' })).toBePartiallyChecked();
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(puts(calls)).toHaveLength(1));
    // Sent in the groups' order, whatever order they were ticked in.
    expect(puts(calls)[0]).toMatchObject({
      path: '/api/v1/me/notice-preferences',
      ifMatch: '"0"',
      body: { language: 'en', email_kinds: ['reminder', 'first_reply_late', 'major_alert', 'close_not_confirmed'], digest_kinds: [], digest_hour: 8 },
    });
    await waitFor(() => expect(kind('催办单')).toBeDisabled());
    expect(screen.getByRole('radio', { name: 'English' })).toBeDisabled();

    release();
    expect(await screen.findByRole('status')).toHaveTextContent('已保存通知设置');
    await waitFor(() => expect(kind('催办单')).toBeEnabled());
    expect(screen.getByRole('radio', { name: 'English' })).toBeChecked();
    expect(kind('首次回复逾期')).toBeChecked();

    // The next save goes against the version saved.
    await user.click(kind('首次回复逾期'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts(calls)).toHaveLength(2));
    expect(puts(calls)[1]).toMatchObject({ ifMatch: '"1"', body: { language: 'en', email_kinds: ['reminder', 'major_alert', 'close_not_confirmed'] } });
    release();
  });

  it('reads them again when they changed elsewhere', async () => {
    let current = preferencesView({ email_kinds: ['task'], version: 4 });
    const calls = serve(
      () => current,
      () => {
        current = preferencesView({ language: 'zh-TW', email_kinds: ['task', 'major_alert'], version: 5 });
        return jsonResponse(412, problem(412, 'stale_version'));
      },
    );
    const user = setup();
    await renderApp('/me');
    await card();
    await loaded();
    await user.click(kind('催办单'));
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect(await screen.findByRole('status')).toHaveTextContent('通知设置已在别处修改，已显示最新内容，请核对后再保存。');
    expect(puts(calls)[0]).toMatchObject({ ifMatch: '"4"' });
    // The form shows what is saved now; the unsaved tick is gone.
    await waitFor(() => expect(screen.getByRole('radio', { name: '繁體中文' })).toBeChecked());
    expect(kind('重大投诉预警')).toBeChecked();
    expect(kind('催办单')).not.toBeChecked();
    expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/me/notice-preferences').length).toBeGreaterThan(1);
  });

  it('shows a field error the server gives next to the kinds', async () => {
    serve(
      () => preferencesView(),
      () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'email_kinds[0]', code: 'invalid_value', message: 'unknown kind' }])),
    );
    const user = setup();
    await renderApp('/me');
    await card();
    await loaded();
    await user.click(kind('催办单'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    const item = email().closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(item).toHaveTextContent('取值无效'));
    expect(item).toHaveClass('ant-form-item-has-error');
    // The field says it all: no alert above the form besides.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Editing the kinds clears the server's message.
    await user.click(kind('洽办单'));
    await waitFor(() => expect(item).not.toHaveClass('ant-form-item-has-error'));
  });
});
