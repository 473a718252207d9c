import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ConfigProvider } from 'antd';
import { describe, expect, it } from 'vitest';
import { createAppQueryClient } from '../../../app/query-client';
import { initI18n } from '../../../i18n';
import { mockApi, problem } from '../../../test/api';
import { jsonResponse, signInForTests } from '../../../test/render';
import { EightDPolicyTab } from '../components/EightDPolicyTab';

async function renderTab(put: () => Response) {
  signInForTests({ username: 'admin', display_name: '系统管理员', roles: ['admin'] });
  const calls = mockApi({
    '/api/v1/policies/8d': () =>
      jsonResponse(200, { version: 2, severe_quality: true, customer_request: true, recurrence_window_days: 180, effectiveness_check_days: 30, supplier_answer_days: 7 }),
    'PUT /api/v1/policies/8d': put,
  });
  await initI18n('zh-CN');
  render(
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <QueryClientProvider client={createAppQueryClient()}>
        <EightDPolicyTab />
      </QueryClientProvider>
    </ConfigProvider>,
  );
  await waitFor(() => expect(screen.getByRole('switch', { name: '严重品质投诉须有 8D 报告' })).toBeChecked());
  return calls;
}

describe('Settings: the 8D report rules', () => {
  it('saves both switches and the recurrence window with If-Match', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = await renderTab(() =>
      jsonResponse(200, { version: 3, severe_quality: true, customer_request: false, recurrence_window_days: 365, effectiveness_check_days: 30, supplier_answer_days: 7 }),
    );
    await user.click(screen.getByRole('switch', { name: '客户要求时须有 8D 报告' }));
    const days = screen.getByLabelText('重复投诉追溯天数');
    expect(days).toHaveValue('180');
    await user.clear(days);
    await user.type(days, '365');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存 8D 报告规则。');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"2"');
    expect(put.body).toEqual({ severe_quality: true, customer_request: false, recurrence_window_days: 365, effectiveness_check_days: 30, supplier_answer_days: 7 });
  });

  it('sets the days after the close when QA checks the corrective actions, 0 scheduling none', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = await renderTab(() =>
      jsonResponse(200, { version: 3, severe_quality: true, customer_request: true, recurrence_window_days: 180, effectiveness_check_days: 0, supplier_answer_days: 7 }),
    );
    const days = screen.getByLabelText('措施有效性验证（结案后天数）');
    expect(days).toHaveValue('30');
    expect(screen.getByText(/0 = 不安排/)).toBeInTheDocument();
    await user.clear(days);
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('此项为必填')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.type(days, '0');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存 8D 报告规则。');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"2"');
    expect(put.body).toEqual({ severe_quality: true, customer_request: true, recurrence_window_days: 180, effectiveness_check_days: 0, supplier_answer_days: 7 });
  });

  it('sets the days a supplier has to answer a corrective-action request', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const calls = await renderTab(() =>
      jsonResponse(200, { version: 3, severe_quality: true, customer_request: true, recurrence_window_days: 180, effectiveness_check_days: 30, supplier_answer_days: 14 }),
    );
    const days = screen.getByLabelText('供应商回复期限（天）');
    expect(days).toHaveValue('7');
    await user.clear(days);
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('此项为必填')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await user.type(days, '14');
    await user.click(screen.getByRole('button', { name: '保存' }));
    await screen.findByText('已保存 8D 报告规则。');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe('"2"');
    expect(put.body).toEqual({ severe_quality: true, customer_request: true, recurrence_window_days: 180, effectiveness_check_days: 30, supplier_answer_days: 14 });
  });

  it('says so when someone saved meanwhile (412)', async () => {
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderTab(() => jsonResponse(412, problem(412, 'precondition_failed')));
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('规则刚被他人修改，已显示最新内容，请核对后再保存。')).toBeInTheDocument();
  });
});
