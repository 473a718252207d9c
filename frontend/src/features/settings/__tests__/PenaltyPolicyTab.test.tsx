import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { describe, expect, it } from 'vitest';
import { createAppQueryClient } from '../../../app/query-client';
import { initI18n } from '../../../i18n';
import { mockApi, problem } from '../../../test/api';
import { jsonResponse, signInForTests } from '../../../test/render';
import { PenaltyPolicyTab } from '../components/PenaltyPolicyTab';

type User = ReturnType<typeof userEvent.setup>;

/** The manual's rules (客户投诉罚扣判定基准), version 3. */
const policy = {
  version: 3,
  tiers: [
    { up_to: '10000.00', sanction: 'self_criticism', count: 1 },
    { up_to: '50000.00', sanction: 'warning', count: 1 },
    { up_to: '100000.00', sanction: 'warning', count: 2 },
    { up_to: null, sanction: 'major_demerit', count: 2 },
  ],
  supervisor_from: '100000.01',
  self_criticism_fine: '200.00',
  warning_fine: '400.00',
  minor_demerit_fine_per_point: '800.00',
  deduction_cap_percent: 50,
  resale_window_months: 1,
  late_fine_enabled: true,
  late_fine_per_case: '500.00',
};
const { version: _version, ...body } = policy;

async function renderTab(put: () => Response) {
  signInForTests({ username: 'admin', display_name: '系统管理员', roles: ['admin'] });
  const calls = mockApi({
    '/api/v1/policies/penalty': () => jsonResponse(200, policy),
    'PUT /api/v1/policies/penalty': put,
  });
  await initI18n('zh-CN');
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <QueryClientProvider client={createAppQueryClient()}>
        <PenaltyPolicyTab />
      </QueryClientProvider>
    </ConfigProvider>,
  );
  await waitFor(() => expect(screen.getByLabelText('主管连带处分起点')).toHaveValue('100000.01'));
  return calls;
}

async function retype(user: User, label: string, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.click(input);
  await user.paste(value);
}

const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;

describe('Settings: the complaint penalties (客诉罚则)', () => {
  it('shows the tiers as a table, the last one open-ended, with the sanctions in the manual’s words', async () => {
    await renderTab(() => jsonResponse(200, policy));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['档次', '承担金额上限（元，含）', '处分', '次数', '操作']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(4);
    expect(within(rows[0]!).getByLabelText('第 1 档金额上限')).toHaveValue('10000.00');
    expect(within(rows[0]!).getByText('悔过书')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('申诫')).toBeInTheDocument();
    expect(within(rows[2]!).getByLabelText('第 3 档处分次数')).toHaveValue('2');
    expect(within(rows[3]!).getByText('以上')).toBeInTheDocument();
    expect(within(rows[3]!).queryByLabelText('第 4 档金额上限')).not.toBeInTheDocument();
    expect(within(rows[3]!).getByText('大过')).toBeInTheDocument();
    expect(screen.getByText('自此金额起主管降一级连带处分')).toBeInTheDocument();
    expect(screen.getByLabelText('每月扣款上限(占月绩效奖金 %)')).toHaveValue('50');
    expect(screen.getByRole('switch', { name: '逾期未结案罚款部门' })).toBeChecked();
    expect(screen.getByText(/当前政策版本 3/)).toBeInTheDocument();
  });

  it('saves every field with If-Match, a changed sanction and fine too', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = await renderTab(() => jsonResponse(200, { ...policy, version: 4 }));
    // The third tier becomes a minor demerit.
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '第 3 档处分' }).closest('.ant-select-selector')!);
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) => el.textContent === '小过');
      if (!found) throw new Error('no option');
      return found as HTMLElement;
    });
    await user.click(option);
    await retype(user, '每次申诫罚扣', '450');
    await user.click(screen.getByRole('switch', { name: '逾期未结案罚款部门' }));
    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存客诉罚则。');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"3"');
    expect(put.body).toEqual({
      ...body,
      tiers: [body.tiers[0], body.tiers[1], { up_to: '100000.00', sanction: 'minor_demerit', count: 2 }, body.tiers[3]],
      warning_fine: '450',
      late_fine_enabled: false,
    });
  });

  it('adds a tier before the open-ended one and wants its bound rising', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = await renderTab(() => jsonResponse(200, { ...policy, version: 4 }));
    await user.click(screen.getByRole('button', { name: /添加一档/ }));
    const bound = screen.getByLabelText('第 4 档金额上限');
    expect(bound).toHaveValue('');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf(bound)).toHaveTextContent('请填写金额上限'));
    await retype(user, '第 4 档金额上限', '90000');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf(screen.getByLabelText('第 4 档金额上限'))).toHaveTextContent('上限须逐级递增'));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await retype(user, '第 4 档金额上限', '400000');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存客诉罚则。');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect((put.body as typeof body).tiers).toEqual([...body.tiers.slice(0, 3), { up_to: '400000', sanction: 'warning', count: 1 }, body.tiers[3]]);
  });

  it('shows the server’s messages at their fields (422)', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab(() =>
      jsonResponse(
        422,
        problem(422, 'validation_failed', [
          { field: 'deduction_cap_percent', code: 'out_of_range', message: 'between 1 and 100' },
          { field: 'tiers[1].up_to', code: 'invalid_money', message: 'not money' },
          { field: 'tiers', code: 'out_of_range', message: 'ascending bounds, the last tier without one' },
        ]),
      ),
    );
    await user.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(itemOf(screen.getByLabelText('每月扣款上限(占月绩效奖金 %)'))).toHaveTextContent('超出允许范围'));
    expect(itemOf(screen.getByLabelText('第 2 档金额上限'))).toHaveTextContent('金额格式不正确');
    // The tiers' own message shows under the table.
    expect(screen.getAllByText('超出允许范围')).toHaveLength(2);
    expect(screen.getByText('请检查标出的字段')).toBeInTheDocument();
  });

  it('says so when someone saved meanwhile (412)', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab(() => jsonResponse(412, problem(412, 'precondition_failed')));
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('罚则刚被他人修改，已显示最新内容，请核对后再保存。')).toBeInTheDocument();
  });
});
