import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../../api/types';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allowanceView, at } from './fixtures';

let current: Schemas['AllowanceView'] = allowanceView();

beforeEach(() => {
  signInForTests({ id: 5, username: 'production', display_name: '孙制造', roles: ['production'] });
  mockApi({ '/api/v1/allowances/21': () => jsonResponse(200, current) });
});

const signOffCells = () => within(screen.getByRole('table', { name: '签核' })).getAllByTestId('signoff-cell');

describe('the printed allowance certificate', () => {
  it('shows the number, the copy marks, what it allows and who signed each block when', async () => {
    current = at('booked');
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/allowances/21/print');
    expect(await screen.findByRole('heading', { level: 1, name: '销货折让证明单' })).toBeInTheDocument();
    expect(screen.getByTestId('print-number')).toHaveTextContent('编号 ZR2612-0001');
    expect(screen.getByText('示例制造有限公司')).toBeInTheDocument();
    expect(document.querySelector('.kehu-print__copies')).toHaveTextContent('一式二联： ①业务部存 ②送会计作账');

    const fields = within(document.querySelector<HTMLElement>('.kehu-print__fields')!);
    const value = (label: string) => fields.getByText(label, { selector: 'th' }).nextElementSibling;
    expect(value('日期')).toHaveTextContent('2026-12-06');
    expect(value('客户')).toHaveTextContent('苏州精密机械有限公司');
    expect(value('客诉单号')).toHaveTextContent('2611-0007 第 1 项');
    expect(value('原发票号码')).toHaveTextContent('No. 04512231');
    expect(value('类型')).toHaveTextContent('折让');
    expect(value('金额（小写）')).toHaveTextContent('¥1,000.00');
    expect(value('折让原因')).toHaveTextContent('依客户抱怨处理单核决折让');
    expect(value('传票号')).toHaveTextContent('记-1206-015');
    expect(screen.getByTestId('print-proof')).toHaveTextContent('(b) 原发票影印本盖章：注明折让单价、金额的原发票影印本，盖买受人统一发票章');

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(within(signOff).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['业务', '经(副)理核签', '总(副)经理核签', '客户签章', '会计']);
    const cells = signOffCells();
    expect(cells[0]).toHaveTextContent('张业务');
    expect(cells[0]).toHaveTextContent('2026-12-06');
    expect(cells[1]).toHaveTextContent('韩经理');
    expect(cells[1]).toHaveTextContent('2026-12-07');
    expect(cells[2]).toHaveTextContent('郑总');
    expect(cells[3]).toHaveTextContent('王建国');
    expect(cells[3]).toHaveTextContent('2026-12-09');
    expect(cells[4]).toHaveTextContent('钱会计（传票号 记-1206-015）');
    expect(cells[4]).toHaveTextContent('2026-12-10');

    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: /返回证明单/ })).toHaveAttribute('href', '/allowances/21');
  });

  it('leaves the blocks not signed yet blank', async () => {
    current = at('gm_review');
    await renderApp('/allowances/21/print');
    await screen.findByRole('heading', { level: 1, name: '销货折让证明单' });
    const cells = signOffCells();
    expect(cells[1]).toHaveTextContent('韩经理');
    for (const blank of cells.slice(2)) expect(blank).toHaveTextContent(/^签名日期$/);
    expect(screen.queryByTestId('print-proof')).not.toBeInTheDocument();
  });
});
