import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { approvedReturn, event, inspection, returnView } from './fixtures';

beforeEach(() => {
  signInForTests({ id: 5, username: 'production', display_name: '孙制造', roles: ['production'] });
  mockApi({
    '/api/v1/returns/55': () =>
      jsonResponse(
        200,
        returnView({
          state: 'gm_approval',
          available_actions: [],
          retention_note: '已拜访客户，客户坚持退货',
          history: [
            event(1, 'create', null, 'draft', '张业务', '2026-12-01T02:00:00Z'),
            event(2, 'submit', 'draft', 'supervisor_review', '张业务', '2026-12-01T03:00:00Z'),
            event(3, 'approve', 'supervisor_review', 'marketing_review', '郭主管', '2026-12-02T03:00:00Z', '已拜访客户，客户坚持退货'),
            event(4, 'approve', 'marketing_review', 'gm_approval', '韩经理', '2026-12-03T03:00:00Z'),
          ],
        }),
      ),
  });
});

describe('the printed application', () => {
  it('shows the number, the copy marks, the items with their total, the grounds and who signed when', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/55/print');
    expect(await screen.findByRole('heading', { level: 1, name: '客户退换货申请单' })).toBeInTheDocument();
    expect(screen.getByTestId('print-number')).toHaveTextContent('编号 TH2612-0001');
    // The company the session belongs to heads the form.
    expect(screen.getByText('示例制造有限公司')).toBeInTheDocument();
    expect(screen.getByText(/第一联 业务 \/ 第二联 PMC \/ 第三联 财务/)).toBeInTheDocument();

    const items = screen.getByRole('table', { name: '退换货明细' });
    expect(within(items).getByText('PCB-4L-1020')).toBeInTheDocument();
    expect(within(items).getByText('¥6,250.00')).toBeInTheDocument();
    expect(within(items).getByTestId('print-total')).toHaveTextContent('¥6,550.00');
    const grounds = screen.getByRole('table', { name: '申请条件' });
    expect(within(grounds).getByText('☑ B 质量未达合同验收标准')).toBeInTheDocument();
    expect(within(grounds).getByText('☐ C 客户经多次催收无力付款')).toBeInTheDocument();
    expect(within(grounds).getByText('来料检验报告 IQC-118')).toBeInTheDocument();

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(within(signOff).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['申请人', '业务主管', '营销经理', '总经理']);
    const cells = within(signOff).getAllByTestId('signoff-cell');
    expect(cells[0]).toHaveTextContent('张业务');
    expect(cells[0]).toHaveTextContent('2026-12-01');
    expect(cells[1]).toHaveTextContent('郭主管');
    expect(cells[1]).toHaveTextContent('2026-12-02');
    expect(cells[2]).toHaveTextContent('韩经理');
    expect(cells[3]).toHaveTextContent(/^签名日期$/);

    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('prints a consumer-rule application with its facts and refund date instead of the grounds', async () => {
    const retail = { purchased_on: '2026-11-24', invoice_number: 'No. 0451', invoice_matches: true, unopened: true, defective: false, shelf_life_until: null };
    mockApi({ '/api/v1/returns/55': () => jsonResponse(200, returnView({ state: 'approved', rule_set: 'retail', retail, refund_due_on: '2026-12-09', available_actions: [] })) });
    await renderApp('/returns/55/print');
    expect(await screen.findByRole('heading', { level: 1, name: '客户退换货申请单' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: '申请条件' })).not.toBeInTheDocument();
    expect(screen.getByText('零售退换货规则')).toBeInTheDocument();
    expect(screen.getByText('No. 0451')).toBeInTheDocument();
    expect(screen.getByText('2026-12-09')).toBeInTheDocument();
  });

  it('adds, once approved, the inspection with its parts list and the originals checklist', async () => {
    mockApi({
      '/api/v1/returns/55': () =>
        jsonResponse(
          200,
          approvedReturn({
            inspection: inspection(),
            originals_collected: ['contract', 'receipt', 'delivery_note', 'warranty_card'],
            originals_missing: ['packing_list'],
          }),
        ),
    });
    await renderApp('/returns/55/print');
    const parts = await screen.findByRole('table', { name: '部件清单表' });
    expect(within(parts).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['#', '部件', '应有', '实有', '缺少']);
    const remote = within(parts).getByText('遥控器').closest('tr') as HTMLElement;
    expect(within(remote).getByText('1', { selector: 'strong' })).toBeInTheDocument();
    expect(within(parts).getByTestId('print-missing')).toHaveTextContent('1');
    expect(screen.getByText('开机无显示')).toBeInTheDocument();
    expect(screen.getByText('王建国')).toBeInTheDocument();
    const originals = screen.getByRole('table', { name: '原件收集' });
    expect(within(originals).getByText('☑ 合同')).toBeInTheDocument();
    expect(within(originals).getByText('☐ 装箱单')).toBeInTheDocument();
    // The sign-off stays last, every approver on it.
    const cells = within(screen.getByRole('table', { name: '签核' })).getAllByTestId('signoff-cell');
    expect(cells[3]).toHaveTextContent('郑总');
  });
});
