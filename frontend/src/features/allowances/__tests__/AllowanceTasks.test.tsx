import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Role, Schemas } from '../../../api/types';
import { mockApi, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { allowanceView, at, money, summary } from './fixtures';

let toAct: Schemas['AllowanceSummary'][] = [];
let calls: Call[] = [];

function signIn(role: Role, id: number) {
  signInForTests({ id, username: role, display_name: '测试', department_id: 1, department_name: '业务一部', roles: [role] });
}

beforeEach(() => {
  toAct = [];
  calls = mockApi({
    '/api/v1/allowances': () => jsonResponse(200, { items: toAct, total: toAct.length, next_cursor: null }),
  });
});

const row = (number: string) => screen.findByRole('link', { name: `打开销货折让证明单 ${number}，苏州精密机械有限公司` });

describe('allowance certificates in My tasks', () => {
  it('lists the ones waiting for me with what each waits for, and counts them in the badge', async () => {
    toAct = [
      summary(allowanceView({ created_at: '2026-12-07T02:00:00Z' })),
      summary(at('approved', { id: 22, number: 'ZR2612-0002', kind: 'compensation', amount: money('2500.00'), created_at: '2026-12-05T02:00:00Z' })),
      summary(at('signed', { id: 23, number: 'ZR2612-0003', created_at: '2026-12-06T02:00:00Z' })),
    ];
    signIn('sales_manager', 2);
    await renderApp('/tasks');
    const heading = await screen.findByRole('heading', { level: 2, name: '销货折让证明单待办' });
    const list = heading.closest('section') as HTMLElement;
    // Waiting longest first.
    expect(within(list).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['/allowances/22', '/allowances/23', '/allowances/21']);

    const countersign = await row('ZR2612-0001');
    expect(within(countersign).getByText('待经理核签')).toBeInTheDocument();
    expect(within(countersign).getByText('待您核签')).toBeInTheDocument();
    expect(countersign).toHaveTextContent('折让 · ¥1,000.00');
    expect(countersign).toHaveTextContent('客诉单号 2611-0007');
    expect(within(await row('ZR2612-0002')).getByText('待客户签章', { selector: '.kehu-task__action' })).toBeInTheDocument();
    expect(within(await row('ZR2612-0003')).getByText('待会计作账', { selector: '.kehu-task__action' })).toBeInTheDocument();

    expect(screen.queryByText('目前没有等待您处理的事项')).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '待办，3 项' })).toBeInTheDocument();
    const query = calls.find((c) => c.path === '/api/v1/allowances')!;
    expect(Object.fromEntries(new URLSearchParams(query.search))).toMatchObject({ box: 'to_act' });
  });

  it('shows no block when nothing waits', async () => {
    signIn('qa', 3);
    await renderApp('/tasks');
    expect(await screen.findByText('目前没有等待您处理的事项')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: '销货折让证明单待办' })).not.toBeInTheDocument();
  });
});
