import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allOriginals, approvedReturn, inspection, noteHistory, noteView } from './fixtures';

let current: Schemas['ReturnView'] = approvedReturn();

beforeEach(() => {
  signInForTests({ id: 5, username: 'production', display_name: '孙制造', roles: ['production'] });
  mockApi({ '/api/v1/returns/55': () => jsonResponse(200, current) });
});

/** Booked: received two over on the second item, the proof of return recorded. */
function booked(): Schemas['ReturnView'] {
  return approvedReturn({
    inspection: inspection(),
    ...allOriginals,
    complaint: { id: 7, name: '2611-0007' },
    complaint_line: 1,
    note: noteView({
      state: 'booked',
      tolerance_bp: 250,
      applied_tolerance_bp: 250,
      lines: [
        { product_number: 'PCB-4L-1020', description: '四层板', approved: 500, received: 498, booked: 498 },
        { product_number: 'PCB-2L-0800', description: null, approved: 100, received: 102, booked: 102 },
      ],
      received_by: { id: 14, name: '马仓管' },
      received_at: '2026-12-08T02:00:00Z',
      proof_kind: 'return_certificate',
      proof_reference: 'No. 2612-07',
      booked_by: { id: 15, name: '何会计' },
      booked_at: '2026-12-09T02:00:00Z',
    }),
    history: noteHistory('book'),
  });
}

describe('the printed return note', () => {
  it('shows the number, the four copies, the items, what sales wrote and who signed each step when', async () => {
    current = booked();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/55/note/print');
    expect(await screen.findByRole('heading', { level: 1, name: '成品退货单' })).toBeInTheDocument();
    // Visible text: the printed PDF carries the number.
    expect(screen.getByTestId('print-number')).toHaveTextContent('编号 CT2612-0001');
    expect(screen.getByTestId('print-number')).toBeVisible();
    expect(screen.getByText('示例制造有限公司')).toBeInTheDocument();
    expect(screen.getByText('①业务部存 ②成品仓存 ③会计科存 ④业务部存').closest('.kehu-print__copies')).toHaveTextContent(
      '一式四联： ①业务部存 ②成品仓存 ③会计科存 ④业务部存',
    );

    // The facts: the customer, the order, the application and the complaint.
    for (const text of ['苏州精密机械有限公司', 'SO-2026-118', 'TH2612-0001', '2611-0007', '2026-12-06', '2.5%（订单约定）', '已入账']) {
      expect(screen.getAllByText(text).length, text).toBeGreaterThan(0);
    }
    expect(screen.getByText('退回成品仓，待品保判定后重修')).toBeInTheDocument();
    expect(screen.getByText('销货退回证明单（签章） No. 2612-07')).toBeInTheDocument();

    const items = screen.getByRole('table', { name: '退货明细' });
    expect(within(items).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['#', '品号', '品名/规格', '核定量', '实退量', '入账量']);
    const second = within(items).getByText('PCB-2L-0800').closest('tr') as HTMLElement;
    expect(within(second).getByText(/^102/, { selector: 'strong' })).toHaveTextContent('102 超出核定 +2');
    expect(within(items).getByTestId('print-approved')).toHaveTextContent('600');
    expect(within(items).getByTestId('print-received')).toHaveTextContent('600');
    expect(within(items).getByTestId('print-booked')).toHaveTextContent('600');

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(within(signOff).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['开单（业务）', '经（副）理核实', '成品仓签收', '会计核对']);
    const cells = within(signOff).getAllByTestId('signoff-cell');
    expect(cells[0]).toHaveTextContent('张业务');
    expect(cells[0]).toHaveTextContent('2026-12-06');
    expect(cells[1]).toHaveTextContent('郭主管');
    expect(cells[1]).toHaveTextContent('2026-12-07');
    expect(cells[2]).toHaveTextContent('马仓管');
    expect(cells[2]).toHaveTextContent('2026-12-08');
    expect(cells[3]).toHaveTextContent('何会计');
    expect(cells[3]).toHaveTextContent('2026-12-09');

    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: /返回申请/ })).toHaveAttribute('href', '/returns/55');
  });

  it('leaves the steps not taken blank, and the quantities not yet counted', async () => {
    current = approvedReturn({ inspection: inspection(), ...allOriginals, note: noteView({ state: 'to_receive' }), history: noteHistory('verify_note') });
    await renderApp('/returns/55/note/print');
    const cells = within(await screen.findByRole('table', { name: '签核' })).getAllByTestId('signoff-cell');
    expect(cells[1]).toHaveTextContent('郭主管');
    expect(cells[2]).toHaveTextContent(/^签名日期$/);
    expect(cells[3]).toHaveTextContent(/^签名日期$/);
    const items = screen.getByRole('table', { name: '退货明细' });
    expect(within(items).getByTestId('print-approved')).toHaveTextContent('600');
    expect(within(items).getByTestId('print-received')).toHaveTextContent(/^$/);
  });

  it('says there is no note to print yet', async () => {
    current = approvedReturn();
    await renderApp('/returns/55/note/print');
    expect(await screen.findByText('尚未开立成品退货单')).toBeInTheDocument();
    expect(screen.queryByTestId('print-number')).not.toBeInTheDocument();
  });
});
