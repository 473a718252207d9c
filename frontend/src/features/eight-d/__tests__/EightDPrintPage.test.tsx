import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { approvedView, complaintWithEightD } from './fixtures';

beforeEach(() => {
  signInForTests({ id: 1, username: 'sales', display_name: '张业务', roles: ['sales'] });
  mockApi({
    '/api/v1/complaints/7/8d': () => jsonResponse(200, approvedView()),
    '/api/v1/complaints/7': () => jsonResponse(200, complaintWithEightD({ required: true, state: 'approved', can_open: false })),
  });
});

describe('the printed 8D report', () => {
  it('prints the case, each section under the manual’s heading, the team by name and who signed', async () => {
    await renderApp('/complaints/7/8d/print');
    expect(await screen.findByRole('heading', { level: 1, name: '8D 问题处理报告' })).toBeInTheDocument();
    expect(screen.getByTestId('print-number')).toHaveTextContent('报告编号 2611-0007-BRK-1');
    expect(await screen.findByText('苏州精密机械有限公司')).toBeInTheDocument();
    expect(screen.getByText('BRK-1')).toBeInTheDocument();

    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'D1 问题处理小组',
      'D2 问题描述',
      'D3 临时措施（围堵措施）',
      'D4 原因分析',
      'D5 长期改进措施',
      'D6 措施有效性验证',
      'D7 预防再发',
      'D8 结案',
    ]);
    const team = within(screen.getByTestId('print-team'));
    expect(team.getByText('张业务')).toBeInTheDocument();
    expect(team.getByText('业务代表')).toBeInTheDocument();
    expect(team.getByText('组长')).toBeInTheDocument();
    expect(within(screen.getByTestId('print-containment')).getByText('重新检验')).toBeInTheDocument();
    expect(within(screen.getByTestId('print-root_cause')).getByText('不良样品检查分析、5M1E 因果图分析')).toBeInTheDocument();
    expect(within(screen.getByTestId('print-actions')).getByText('孙制造')).toBeInTheDocument();
    expect(within(screen.getByTestId('print-verification')).getByText('能确保此类错误不再发生')).toBeInTheDocument();
    expect(within(screen.getByTestId('print-prevention')).getByText('修改 FMEA、修改 CP（控制计划）')).toBeInTheDocument();
    expect(within(screen.getByTestId('print-closure')).getByText('问题已解决，客户确认')).toBeInTheDocument();

    const signOff = screen.getByRole('table', { name: '签核' });
    expect(within(signOff).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['编制', '审核', '品保部经理核准']);
    const cells = within(signOff).getAllByTestId('signoff-cell');
    expect(cells[0]).toHaveTextContent('刘品保');
    expect(cells[2]).toHaveTextContent('周经理');
    expect(cells[2]).toHaveTextContent('2026-12-13');

    // Nothing internal: the case's amounts and responsibility are not printed.
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/10,000|1,000\.00|9,000|¥|%/);
  });
});
