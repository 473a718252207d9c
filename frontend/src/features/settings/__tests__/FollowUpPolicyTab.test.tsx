import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppQueryClient } from '../../../app/query-client';
import { initI18n } from '../../../i18n';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { FollowUpPolicyTab } from '../components/FollowUpPolicyTab';

type User = ReturnType<typeof userEvent.setup>;

/** The manual's numbers (24/72 hours to escalate, 24 小时之内作出答复, 12 小时内回访客户进行关闭确认), version 2. */
const policy = {
  version: 2,
  manager_after_hours: 24,
  gm_office_after_hours: 72,
  first_reply_hours: 24,
  close_confirmation_hours: 12,
};

let puts: Call[] = [];
let answer: () => Response = () => jsonResponse(200, policy);

beforeEach(() => {
  puts = [];
  answer = () => jsonResponse(200, { ...policy, version: 3 });
  signInForTests({ username: 'admin', display_name: '系统管理员', roles: ['admin'] });
  mockApi({
    '/api/v1/policies/follow-up': () => jsonResponse(200, policy, { ETag: '"2"' }),
    'PUT /api/v1/policies/follow-up': (call) => {
      puts.push(call);
      return answer();
    },
  });
});

async function renderTab() {
  await initI18n('zh-CN');
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <QueryClientProvider client={createAppQueryClient()}>
        <FollowUpPolicyTab />
      </QueryClientProvider>
    </ConfigProvider>,
  );
  await waitFor(() => expect(screen.getByLabelText('通知总经理室（逾期小时）')).toHaveValue('72'));
}

async function retype(user: User, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.click(input);
  await user.paste(value);
}

const itemOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;

describe('Settings: the follow-up rules (催办规则)', () => {
  it('shows the escalation hours and saves them, the customer clocks unchanged, with If-Match', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab();
    expect(screen.getByLabelText('通知部门经理（逾期小时）')).toHaveValue('24');
    expect(screen.getByText(/当前政策版本 2/)).toBeInTheDocument();

    await retype(user, '通知部门经理（逾期小时）', '48');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.ifMatch).toBe('"2"');
    expect(puts[0]!.body).toEqual({ manager_after_hours: 48, gm_office_after_hours: 72, first_reply_hours: 24, close_confirmation_hours: 12 });
    expect(await screen.findByText('已保存催办规则。')).toBeInTheDocument();
  });

  it('shows the customer’s clocks (首次回复, 回访确认) as hours to edit and saves them', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab();
    expect(screen.getByRole('heading', { level: 3, name: '客户沟通时限' })).toBeInTheDocument();
    expect(screen.getByLabelText('首次回复时限（小时）')).toHaveValue('24');
    expect(screen.getByLabelText('回访确认时限（小时）')).toHaveValue('12');

    await retype(user, '首次回复时限（小时）', '48');
    await retype(user, '回访确认时限（小时）', '8');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.ifMatch).toBe('"2"');
    expect(puts[0]!.body).toEqual({ manager_after_hours: 24, gm_office_after_hours: 72, first_reply_hours: 48, close_confirmation_hours: 8 });
    expect(await screen.findByText('已保存催办规则。')).toBeInTheDocument();
  });

  it('wants every customer clock filled, and shows the server’s message at it', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab();
    await user.clear(screen.getByLabelText('回访确认时限（小时）'));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf('回访确认时限（小时）')).toHaveTextContent('此项为必填'));
    expect(puts).toHaveLength(0);

    await retype(user, '回访确认时限（小时）', '12');
    answer = () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'first_reply_hours', code: 'out_of_range', message: '1 to 720' }]));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf('首次回复时限（小时）')).toHaveTextContent('超出允许范围'));
  });

  it('wants the general manager’s office told after the manager, and shows the server’s messages at their fields', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab();
    await retype(user, '通知部门经理（逾期小时）', '72');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf('通知总经理室（逾期小时）')).toHaveTextContent('须大于通知部门经理的小时数'));
    expect(puts).toHaveLength(0);

    await retype(user, '通知部门经理（逾期小时）', '36');
    answer = () =>
      jsonResponse(
        422,
        problem(422, 'validation_failed', [
          { field: 'gm_office_after_hours', code: 'out_of_range', message: "after the manager's escalation" },
        ]),
      );
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf('通知总经理室（逾期小时）')).toHaveTextContent('超出允许范围'));
    expect(puts[0]!.body).toMatchObject({ manager_after_hours: 36, gm_office_after_hours: 72 });
  });

  it('says so when someone saved meanwhile (412)', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    answer = () => jsonResponse(412, problem(412, 'precondition_failed'));
    await renderTab();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('催办规则刚被他人修改，已显示最新内容，请核对后再保存。')).toBeInTheDocument();
  });

  it('opens from /settings?tab=follow-up', async () => {
    await renderApp('/settings?tab=follow-up');
    expect(await screen.findByRole('tab', { name: '催办规则', selected: true })).toBeInTheDocument();
    expect(await screen.findByLabelText('通知总经理室（逾期小时）')).toBeInTheDocument();
  });
});
