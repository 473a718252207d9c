import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { answeredRequest, caseWithSupplier, requestsView, requestView } from './fixtures';

let items: Schemas['SupplierRequestView'][] = [];

beforeEach(() => {
  signInForTests({ id: 4, display_name: '刘品保', roles: ['qa'] });
  mockApi({
    '/api/v1/complaints/7': () => jsonResponse(200, caseWithSupplier()),
    '/api/v1/complaints/7/supplier-requests': () => jsonResponse(200, requestsView(items)),
  });
});

describe('the printed supplier corrective-action request', () => {
  it('shows who asks whom, the product, problem, quantities, share and due date, blank boxes to fill, and no amounts', async () => {
    items = [requestView()];
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/complaints/7/supplier-requests/5/print');
    expect(await screen.findByRole('heading', { level: 1, name: '供应商纠正措施要求单' })).toBeInTheDocument();
    expect(screen.getByTestId('print-number')).toHaveTextContent('客诉单号 2611-0007');
    expect(screen.getByText('示例制造有限公司')).toBeInTheDocument();
    const sheet = screen.getByRole('article');
    for (const text of ['江苏华力铸造有限公司', 'BRK-1', 'Φ22×1.5 镀锌', '250', '5,000', '70%', '2026-12-17', '2026-12-10', '支架表面砂眼，客户装配时漏气。']) {
      expect(within(sheet).getAllByText(text).length, text).toBeGreaterThan(0);
    }
    expect(screen.getByTestId('supplier-print-ask')).toHaveTextContent('负有 70% 的责任。请于 2026-12-17 前');

    const answer = screen.getByRole('table', { name: '供应商回复' });
    expect(within(answer).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['原因分析', '纠正措施', '预防措施']);
    for (const box of within(answer).getAllByTestId('supplier-blank-box')) expect(box).toBeEmptyDOMElement();

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(within(signOff).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['发出（品保）', '供应商签章', '品保确认']);
    const cells = within(signOff).getAllByTestId('signoff-cell');
    expect(cells[0]).toHaveTextContent('刘品保');
    expect(cells[1]).toHaveTextContent(/^签名日期$/);

    // Nothing internal: no amounts, no customer.
    expect(sheet).not.toHaveTextContent('¥');
    expect(sheet).not.toHaveTextContent('12,000');
    expect(sheet).not.toHaveTextContent('苏州精密机械有限公司');

    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: /返回投诉/ })).toHaveAttribute('href', '/complaints/7#section-suppliers');
  });

  it('prints the answer recorded, and who accepted it', async () => {
    items = [answeredRequest({ state: 'accepted', decided_by: { id: 9, name: '孙经理' }, decided_at: '2026-12-16T02:00:00Z' })];
    await renderApp('/complaints/7/supplier-requests/5/print');
    const answer = await screen.findByRole('table', { name: '供应商回复' });
    expect(answer).toHaveTextContent('浇注温度偏低，型砂透气性不足');
    expect(answer).toHaveTextContent('增加炉温监控；更换型砂供应批次');
    expect(answer).toHaveTextContent('2026-12-14');
    expect(within(answer).queryByTestId('supplier-blank-box')).not.toBeInTheDocument();
    const cells = within(screen.getByRole('table', { name: '签核' })).getAllByTestId('signoff-cell');
    expect(cells[2]).toHaveTextContent('孙经理');
    expect(cells[2]).toHaveTextContent('2026-12-16');
  });

  it('says so when the case has no such request', async () => {
    items = [requestView()];
    await renderApp('/complaints/7/supplier-requests/99/print');
    expect(await screen.findByText('找不到此供应商纠正要求')).toBeInTheDocument();
    expect(screen.queryByTestId('print-number')).not.toBeInTheDocument();
  });
});
