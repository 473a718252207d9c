import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppQueryClient } from '../../../app/query-client';
import { initI18n } from '../../../i18n';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, signInForTests } from '../../../test/render';
import { ReturnsPolicyTab } from '../components/ReturnsPolicyTab';

type User = ReturnType<typeof userEvent.setup>;

const policy = {
  version: 4,
  step_working_days: 1,
  extended_working_days: 3,
  company_tolerance_bp: 250,
  retail: { return_days: 30, exchange_days: 60, quality_days: 30, refund_days: 3 },
};

let puts: Call[] = [];
let answer: () => Response = () => jsonResponse(200, policy);

beforeEach(() => {
  puts = [];
  answer = () => jsonResponse(200, { ...policy, version: 5 });
  signInForTests({ username: 'admin', display_name: '系统管理员', roles: ['admin'] });
  mockApi({
    '/api/v1/policies/returns': () => jsonResponse(200, policy, { ETag: '"4"' }),
    'PUT /api/v1/policies/returns': (call) => {
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
        <ReturnsPolicyTab />
      </QueryClientProvider>
    </ConfigProvider>,
  );
  await waitFor(() => expect(screen.getByLabelText('公司超量允收比率')).toHaveValue('2.50'));
}

async function retype(user: User, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.click(input);
  await user.paste(value);
}

const itemOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;

describe('Settings: the returns rules', () => {
  it('shows the tolerance in percent and the periods in days, and saves basis points with If-Match', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab();
    expect(screen.getByLabelText('每一步期限（工作日）')).toHaveValue('1');
    expect(screen.getByLabelText('未拆封换货（自购买日起，天）')).toHaveValue('60');
    expect(screen.getByLabelText('退款期限（自核准日起，天）')).toHaveValue('3');

    await retype(user, '公司超量允收比率', '5.25');
    await retype(user, '未拆封退货（自购买日起，天）', '45');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0]!.ifMatch).toBe('"4"');
    expect(puts[0]!.body).toEqual({
      step_working_days: 1,
      extended_working_days: 3,
      company_tolerance_bp: 525,
      retail: { return_days: 45, exchange_days: 60, quality_days: 30, refund_days: 3 },
    });
    expect(await screen.findByText('退换货规则已更新（新版本）')).toBeInTheDocument();
  });

  it('keeps the extension no shorter than a step, and shows the server’s messages at their fields', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab();
    await retype(user, '每一步期限（工作日）', '5');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf('延期后最长（工作日）')).toHaveTextContent('不能少于每一步期限'));
    expect(puts).toHaveLength(0);

    await retype(user, '每一步期限（工作日）', '2');
    answer = () =>
      jsonResponse(
        422,
        problem(422, 'validation_failed', [
          { field: 'retail.refund_days', code: 'out_of_range', message: '0 to 30' },
          { field: 'company_tolerance_bp', code: 'out_of_range', message: 'at most 10000' },
        ]),
      );
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf('退款期限（自核准日起，天）')).toHaveTextContent('超出允许范围'));
    expect(itemOf('公司超量允收比率')).toHaveTextContent('超出允许范围');
    expect(puts[0]!.body).toMatchObject({ step_working_days: 2, extended_working_days: 3 });
  });
});
