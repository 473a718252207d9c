import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { deductions, publication } from './fixtures';

let approved = true;

beforeEach(() => {
  approved = true;
  signInForTests({ id: 9, display_name: '孙人事', roles: ['hr'] });
  mockApi({
    '/api/v1/penalty-runs/3/publication': () => (approved ? jsonResponse(200, publication) : jsonResponse(409, problem(409, 'conflict'))),
    '/api/v1/penalty-runs/3/deductions': () => jsonResponse(200, deductions),
  });
});

const texts = (els: HTMLElement[]) => els.map((e) => e.textContent);

describe('the printed lists of an approved run', () => {
  it('人事公布单: every sanction with its columns, and the sign-off boxes', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/penalties/3/publication/print');
    expect(await screen.findByRole('heading', { level: 1, name: '人事公布单' })).toBeInTheDocument();
    expect(screen.getByText('示例制造有限公司')).toBeInTheDocument();
    expect(screen.getByTestId('print-number')).toHaveTextContent('月份 2026-11');
    const table = screen.getByRole('table', { name: '2026-11 客诉处分' });
    expect(texts(within(table).getAllByRole('columnheader'))).toEqual(['受处分单位/人员', '部门', '投诉编号', '类别', '责任金额', '处分', '罚扣金额']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(texts(within(rows[0]!).getAllByRole('cell'))).toEqual(['张业务', '业务一部', '2611-0007', '责任', '8,000.00', '悔过书 ×1', '200.00']);
    expect(texts(within(rows[1]!).getAllByRole('cell'))).toEqual(['冲压一班', '制造部', '2611-0009', '责任', '150,000.00', '小过 ×1', '—']);
    expect(texts(within(rows[2]!).getAllByRole('cell'))).toEqual(['钟生管', '制造部', '2611-0009', '主管连带', '150,000.00', '申诫 ×2', '800.00']);

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(texts(within(signOff).getAllByRole('columnheader'))).toEqual(['总经理 核准', '人事 公布', '总经理室 制表']);
    expect(within(signOff).getAllByTestId('signoff-cell')[0]).toHaveTextContent('2026-12-08');

    await user.click(screen.getByRole('button', { name: /打印/ }));
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: /返回罚扣/ })).toHaveAttribute('href', '/penalties/3');
  });

  it('罚扣明细: the people with totals, the department fines, and the sign-off boxes', async () => {
    await renderApp('/penalties/3/deductions/print');
    expect(await screen.findByRole('heading', { level: 1, name: '罚扣明细' })).toBeInTheDocument();
    const people = screen.getByRole('table', { name: '人员罚扣' });
    expect(texts(within(people).getAllByRole('columnheader'))).toEqual(['姓名', '部门', '月绩效奖金', '上月结转', '本月罚扣', '本月实扣', '结转下月']);
    const rows = within(people).getAllByRole('row');
    expect(texts(within(rows[1]!).getAllByRole('cell'))).toEqual(['孙制造', '制造部', '3,000.00', '148,500.00', '13,200.00', '1,500.00', '160,200.00']);
    expect(rows.at(-1)).toHaveTextContent('合计');
    expect(texts(within(rows.at(-1)!).getAllByRole('cell'))).toEqual(['9,000.00', '148,500.00', '14,000.00', '2,300.00', '160,200.00']);

    const fines = screen.getByRole('table', { name: '部门罚款' });
    expect(texts(within(fines).getAllByRole('columnheader'))).toEqual(['部门', '投诉编号', '罚款金额']);
    expect(fines).toHaveTextContent('品保部');
    expect(texts(within(within(fines).getAllByRole('row').at(-1)!).getAllByRole('cell'))).toEqual(['1,000.00']);

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(texts(within(signOff).getAllByRole('columnheader'))).toEqual(['总经理 核准', '财务 执行', '人事 制表']);
  });

  it('says the lists wait for the approval (409)', async () => {
    approved = false;
    await renderApp('/penalties/3/publication/print');
    expect(await screen.findByText('总经理核准后才能打印')).toBeInTheDocument();
    expect(screen.queryByTestId('print-number')).not.toBeInTheDocument();
  });
});
