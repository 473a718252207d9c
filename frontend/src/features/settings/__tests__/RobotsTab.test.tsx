import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';

type Robot = Schemas['RobotView'];

const robot = (overrides: Partial<Robot> = {}): Robot => ({
  id: 1,
  name: '品保部群',
  platform: 'dingtalk',
  url_hint: 'oapi.dingtalk.com …9f3a',
  has_secret: true,
  language: 'zh-CN',
  kinds: ['reminder', 'major_alert', 'task'],
  active: true,
  version: 4,
  created_at: '2026-12-01T02:00:00Z',
  ...overrides,
});

const posts: Schemas['RobotPostView'][] = [
  { id: 12, kind: 'major_alert', complaint_id: 42, status: 'failed', attempts: 5, last_status_code: 500, last_error: 'sign not match', sent_at: null, created_at: '2026-12-08T01:00:00Z' },
  { id: 11, kind: 'reminder', complaint_id: 41, status: 'delivered', attempts: 1, last_status_code: null, last_error: null, sent_at: '2026-12-07T05:06:00Z', created_at: '2026-12-07T05:05:00Z' },
];

/** The robots list (a sales chat besides, switched off, unsigned) and the answers to a save. */
function serve(save: (call: Call) => Response = (call) => jsonResponse(call.method === 'POST' ? 201 : 200, { ...robot(), ...(call.body as object), version: 5 })) {
  signInForTests({ username: 'admin', display_name: '系统管理员', roles: ['admin'] });
  return mockApi({
    '/api/v1/notice-robots': () =>
      jsonResponse(200, { items: [robot(), robot({ id: 2, name: '业务群', platform: 'wecom', url_hint: 'qyapi.weixin.qq.com …77ab', has_secret: false, language: 'en', kinds: ['task'], active: false })] }),
    'POST /api/v1/notice-robots': save,
    'PUT /api/v1/notice-robots/1': save,
    '/api/v1/notice-robots/1/posts': () => jsonResponse(200, { items: posts }),
  });
}

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });
const row = async (name: string) => (await screen.findByText(name)).closest('tr') as HTMLElement;
const sent = (calls: Call[], method: string) => calls.filter((c) => c.method === method);

async function choose(user: ReturnType<typeof setup>, scope: HTMLElement, label: string, text: string) {
  fireEvent.mouseDown(within(scope).getByRole('combobox', { name: label }).closest('.ant-select-selector')!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) => el.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  await user.click(option);
}

async function edit(user: ReturnType<typeof setup>, name: string) {
  await user.click(within(await row(name)).getByRole('button', { name: '编辑' }));
  return screen.findByRole('dialog', { name: '编辑机器人' });
}

describe('Settings: group robots', () => {
  it('lists the robots: platform, the address’s hint, signing, language, kinds and status', async () => {
    serve();
    await renderApp('/settings?tab=robots');
    expect(await screen.findByRole('tab', { name: '群机器人', selected: true })).toBeInTheDocument();
    const first = await row('品保部群');
    const table = first.closest('table') as HTMLElement;
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['名称', '平台', '地址', '加签', '语言', '通知类型', '状态', '操作']);
    const cells = (r: HTMLElement) => within(r).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(first)).toEqual(['品保部群', '钉钉', 'oapi.dingtalk.com …9f3a', '是', '简体中文', '3 种', '启用', '编辑发送记录']);
    expect(cells(await row('业务群'))).toEqual(['业务群', '企业微信', 'qyapi.weixin.qq.com …77ab', '否', 'English', '1 种', '停用', '编辑发送记录']);
    expect(within(first).getByText('启用')).toHaveClass('kehu-robot-status', 'ant-tag-green');
  });

  it('adds a robot with its address, secret, language and kinds', async () => {
    const calls = serve();
    const user = setup();
    await renderApp('/settings?tab=robots');
    await row('品保部群');
    await user.click(screen.getByRole('button', { name: '添加机器人' }));
    const drawer = await screen.findByRole('dialog', { name: '添加机器人' });
    // WeCom first: its help, and no secret (its robots do not sign).
    expect(within(drawer).getByText(/群设置 → 群机器人 → 添加机器人/)).toBeInTheDocument();
    expect(within(drawer).queryByLabelText('加签密钥')).not.toBeInTheDocument();

    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('请至少选择一种通知类型')).toBeInTheDocument();
    expect(sent(calls, 'POST')).toHaveLength(0);

    await user.type(within(drawer).getByLabelText('名称'), ' 客服群 ');
    await choose(user, drawer, '平台', '飞书');
    expect(within(drawer).getByText(/群设置 → 群机器人 → 自定义机器人，安全设置选「签名校验」/)).toBeInTheDocument();
    await user.type(within(drawer).getByLabelText('Webhook 地址'), 'https://open.feishu.cn/open-apis/bot/v2/hook/abc');
    await user.type(within(drawer).getByLabelText('加签密钥'), 'sec-1');
    expect(within(drawer).queryByRole('checkbox', { name: '移除加签' })).not.toBeInTheDocument();
    await user.click(within(within(drawer).getByRole('radiogroup', { name: '语言' })).getByRole('radio', { name: 'English' }));
    const kinds = within(drawer).getByRole('group', { name: '通知类型' });
    await user.click(within(kinds).getByRole('checkbox', { name: '重大投诉预警' }));
    await user.click(within(kinds).getByRole('checkbox', { name: '催办单' }));
    expect(within(drawer).getByRole('switch', { name: '启用' })).toBeChecked();
    await user.click(within(drawer).getByRole('button', { name: '保存' }));

    expect(await screen.findByRole('status')).toHaveTextContent('已添加群机器人 客服群');
    expect(sent(calls, 'POST')[0]).toMatchObject({ path: '/api/v1/notice-robots', ifMatch: null });
    expect(sent(calls, 'POST')[0]!.body).toEqual({
      name: '客服群',
      platform: 'feishu',
      url: 'https://open.feishu.cn/open-apis/bot/v2/hook/abc',
      secret: 'sec-1',
      language: 'en',
      kinds: ['reminder', 'major_alert'],
      active: true,
    });
  });

  it('changes a robot with If-Match, leaving out the address and secret left empty', async () => {
    const calls = serve();
    const user = setup();
    await renderApp('/settings?tab=robots');
    const drawer = await edit(user, '品保部群');
    expect(within(drawer).getByLabelText('名称')).toHaveValue('品保部群');
    expect(within(drawer).getByLabelText('Webhook 地址')).toHaveValue('');
    expect(within(drawer).getByText('留空则保留已保存的地址（oapi.dingtalk.com …9f3a）；填写则替换。')).toBeInTheDocument();
    expect(within(drawer).getByText('已设加签：留空则保留已保存的密钥，填写则替换。')).toBeInTheDocument();
    expect(within(drawer).getByRole('checkbox', { name: '催办单' })).toBeChecked();
    await user.click(within(drawer).getByRole('switch', { name: '启用' }));
    await user.click(within(drawer).getByRole('button', { name: '保存' }));

    expect(await screen.findByRole('status')).toHaveTextContent('已保存群机器人 品保部群');
    const put = sent(calls, 'PUT')[0]!;
    expect(put).toMatchObject({ path: '/api/v1/notice-robots/1', ifMatch: '"4"' });
    expect(put.body).toEqual({ name: '品保部群', platform: 'dingtalk', language: 'zh-CN', kinds: ['reminder', 'major_alert', 'task'], active: false });
    expect(Object.keys(put.body as object)).not.toContain('url');
    expect(Object.keys(put.body as object)).not.toContain('secret');
  });

  it('replaces the address, or removes the secret with 移除加签 (sent as "")', async () => {
    const calls = serve();
    const user = setup();
    await renderApp('/settings?tab=robots');
    let drawer = await edit(user, '品保部群');
    await user.type(within(drawer).getByLabelText('Webhook 地址'), 'https://oapi.dingtalk.com/robot/send?access_token=new');
    await user.type(within(drawer).getByLabelText('加签密钥'), 'SECnew');
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent(calls, 'PUT')).toHaveLength(1));
    expect(sent(calls, 'PUT')[0]!.body).toMatchObject({ url: 'https://oapi.dingtalk.com/robot/send?access_token=new', secret: 'SECnew' });

    await waitFor(() => expect(screen.queryByRole('dialog', { name: '编辑机器人' })).not.toBeInTheDocument());
    drawer = await edit(user, '品保部群');
    await user.click(within(drawer).getByRole('checkbox', { name: '移除加签' }));
    expect(within(drawer).getByLabelText('加签密钥')).toBeDisabled();
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent(calls, 'PUT')).toHaveLength(2));
    expect(sent(calls, 'PUT')[1]).toMatchObject({ ifMatch: '"4"', body: { secret: '' } });
    expect(Object.keys(sent(calls, 'PUT')[1]!.body as object)).not.toContain('url');
  });

  it('shows the server’s word on the address at its field, and reads the robots again when one changed meanwhile', async () => {
    let answer = () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'url', code: 'unknown_host', message: 'no such host' }]));
    const calls = serve(() => answer());
    const user = setup();
    await renderApp('/settings?tab=robots');
    const drawer = await edit(user, '品保部群');
    await user.type(within(drawer).getByLabelText('Webhook 地址'), 'https://nowhere.invalid/hook');
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    const item = within(drawer).getByLabelText('Webhook 地址').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(item).toHaveTextContent('服务器无法解析该主机名'));

    answer = () => jsonResponse(412, problem(412, 'stale_version'));
    const reads = calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/notice-robots').length;
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await screen.findByRole('status')).toHaveTextContent('此机器人刚被他人修改，已显示最新内容，请重新编辑。');
    await waitFor(() => expect(calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/notice-robots').length).toBeGreaterThan(reads));
  });

  it('shows a robot’s posts: when, what, how each stands and why it is not sent', async () => {
    serve();
    const user = setup();
    await renderApp('/settings?tab=robots');
    await user.click(within(await row('品保部群')).getByRole('button', { name: '发送记录' }));
    const drawer = await screen.findByRole('dialog', { name: '发送记录：品保部群' });
    await within(drawer).findByText('sign not match', { exact: false });
    expect(within(drawer).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['时间', '类型', '状态', '尝试次数', '最近错误']);
    const rows = within(drawer).getAllByRole('row').slice(1);
    const cells = (r: HTMLElement) => within(r).getAllByRole('cell').map((c) => c.textContent);
    expect(cells(rows[0]!)).toEqual(['2026-12-08 09:00', '重大投诉预警', '发送失败', '5', 'HTTP 500 · sign not match']);
    expect(cells(rows[1]!)).toEqual(['2026-12-07 13:05', '催办单', '已发送', '1', '—']);
    expect(within(rows[0]!).getByText('发送失败')).toHaveClass('kehu-notice-log__tag', 'ant-tag-red');
  });
});
