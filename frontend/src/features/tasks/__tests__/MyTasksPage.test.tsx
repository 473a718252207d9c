import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { frameResponse, jsonResponse, renderApp, signInForTests, taskSummary } from '../../../test/render';

const DAY = 86_400_000;

beforeEach(() => {
  signInForTests({ username: 'qa', display_name: '刘品保', department_id: 4, department_name: '质量管理部', roles: ['qa'] });
  const now = Date.now();
  const tasks = [
    taskSummary(1, { number: '2611-0001', step_due_at: new Date(now + 3 * DAY).toISOString(), step_entered_at: new Date(now - DAY).toISOString() }),
    taskSummary(2, {
      number: '2611-0002',
      state: 'production_countermeasure',
      customer: { id: 2, name: '宁波汽配制造有限公司' },
      step_due_at: new Date(now - 2 * DAY - 3_600_000).toISOString(),
      step_entered_at: new Date(now - 5 * DAY).toISOString(),
      step_overdue: true,
    }),
    taskSummary(3, { number: null, state: 'draft', step_due_at: null }),
    taskSummary(4, { number: '2611-0004', state: 'pending_approval', step_due_at: new Date(now + 3_600_000 * 5).toISOString(), step_entered_at: new Date(now - DAY).toISOString() }),
  ];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      return frameResponse(path, { tasks }) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
    }),
  );
});

describe('My tasks', () => {
  it('lists the cases by time left, overdue first, with coloured countdowns', async () => {
    await renderApp('/tasks');
    const rows = await screen.findAllByRole('link', { name: /^打开 / });
    expect(rows.map((r) => r.getAttribute('href'))).toEqual([
      '/complaints/2#section-countermeasure',
      '/complaints/4#section-approval',
      '/complaints/1#section-investigation',
      '/complaints/3/edit',
    ]);
    expect(within(rows[0]!).getByText('逾期 2 天').closest('.kehu-countdown')).toHaveAttribute('data-status', 'overdue');
    expect(within(rows[0]!).getByText('宁波汽配制造有限公司')).toBeInTheDocument();
    expect(within(rows[0]!).getByText('待拟定对策')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('剩 4 小时').closest('.kehu-countdown')).toHaveAttribute('data-status', 'warning');
    expect(within(rows[1]!).getByText('待办：核准')).toBeInTheDocument();
    expect(within(rows[3]!).getByText('无期限')).toBeInTheDocument();
    expect(rows[0]).toHaveAccessibleName('打开 2611-0002，宁波汽配制造有限公司');
  });

  it('lists the return applications at my step after the cases, and counts them in the badge', async () => {
    const application = {
      id: 55,
      number: 'TH2612-0001',
      kind: 'return',
      state: 'supervisor_review',
      customer: { id: 1, name: '苏州精密机械有限公司' },
      raised_by: { id: 1, name: '张业务' },
      reason: '来料不良',
      products: 'PCB-4L-1020',
      quantity: 500,
      total: { amount: '6250.00', currency: 'CNY' },
      step_due_at: new Date(Date.now() - DAY).toISOString(),
      overdue: true,
      created_at: new Date(Date.now() - 3 * DAY).toISOString(),
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
        if (path === '/api/v1/returns') return jsonResponse(200, { items: [application], total: 1, next_cursor: null });
        return frameResponse(path) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
      }),
    );
    await renderApp('/tasks');
    const link = await screen.findByRole('link', { name: '打开退换货申请 TH2612-0001，苏州精密机械有限公司' });
    expect(link).toHaveAttribute('href', '/returns/55');
    expect(within(link).getByText('业务主管审核')).toBeInTheDocument();
    expect(within(link).getByText('已逾期')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: '退换货待审' })).toBeInTheDocument();
    expect(screen.queryByText('目前没有等待您处理的事项')).not.toBeInTheDocument();
    expect(await screen.findByRole('link', { name: '待办，1 项' })).toBeInTheDocument();
  });

  it('tells customer service what an approved application still waits for', async () => {
    signInForTests({ id: 12, username: 'service', display_name: '林客服', department_id: 6, department_name: '客户服务部', roles: ['customer_service'] });
    const application = {
      id: 56,
      number: 'TH2612-0002',
      kind: 'exchange',
      state: 'approved',
      customer: { id: 1, name: '苏州精密机械有限公司' },
      raised_by: { id: 1, name: '张业务' },
      reason: '整批退货',
      products: 'TV-55',
      quantity: 2,
      total: { amount: '6000.00', currency: 'CNY' },
      step_due_at: null,
      overdue: false,
      created_at: new Date(Date.now() - 3 * DAY).toISOString(),
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
        if (path === '/api/v1/returns') return jsonResponse(200, { items: [application], total: 1, next_cursor: null });
        return frameResponse(path) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
      }),
    );
    await renderApp('/tasks');
    const link = await screen.findByRole('link', { name: '打开退换货申请 TH2612-0002，苏州精密机械有限公司' });
    expect(within(link).getByText('已核准')).toBeInTheDocument();
    expect(within(link).getByText('待现场检验 / 待收集原件')).toBeInTheDocument();
    expect(within(link).getByText('无期限')).toBeInTheDocument();
  });

  it('says which step of the return note waits: the note state’s words, the applicant’s note to issue and proof to record', async () => {
    signInForTests({ id: 1, username: 'sales', display_name: '张业务', department_id: 1, department_name: '业务一部', roles: ['sales'] });
    const approved = {
      kind: 'return',
      state: 'approved',
      customer: { id: 1, name: '苏州精密机械有限公司' },
      reason: '整批退货',
      products: 'PCB-4L-1020',
      quantity: 500,
      total: { amount: '6250.00', currency: 'CNY' },
      step_due_at: null,
      overdue: false,
      created_at: new Date(Date.now() - 3 * DAY).toISOString(),
    };
    const items = [
      // Mine, inspected and complete: the note is mine to issue.
      { ...approved, id: 61, number: 'TH2612-0061', raised_by: { id: 1, name: '张业务' }, note_number: null, note_state: null },
      // Mine, received by the warehouse: the proof of return is mine to record.
      { ...approved, id: 62, number: 'TH2612-0062', raised_by: { id: 1, name: '张业务' }, note_number: 'CT2612-0062', note_state: 'to_book' },
      // Someone else's, waiting for the warehouse (as a warehouse keeper would see it).
      { ...approved, id: 63, number: 'TH2612-0063', raised_by: { id: 2, name: '钱业务' }, note_number: 'CT2612-0063', note_state: 'to_receive' },
      // Someone else's, waiting for accounting.
      { ...approved, id: 64, number: 'TH2612-0064', raised_by: { id: 2, name: '钱业务' }, note_number: 'CT2612-0064', note_state: 'to_book' },
      { ...approved, id: 65, number: 'TH2612-0065', raised_by: { id: 2, name: '钱业务' }, note_number: 'CT2612-0065', note_state: 'awaits_decision' },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
        if (path === '/api/v1/returns') return jsonResponse(200, { items, total: items.length, next_cursor: null });
        return frameResponse(path) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
      }),
    );
    await renderApp('/tasks');
    const row = (n: number) => screen.findByRole('link', { name: `打开退换货申请 TH2612-00${n}，苏州精密机械有限公司` });
    expect(within(await row(61)).getByText('待开立成品退货单')).toBeInTheDocument();
    const proof = await row(62);
    expect(within(proof).getByText('待录入退货证明')).toBeInTheDocument();
    expect(within(proof).getByText('CT2612-0062')).toBeInTheDocument();
    expect(within(await row(63)).getByText('成品退货单待您签收')).toBeInTheDocument();
    expect(within(await row(64)).getByText('成品退货单待您核对入账')).toBeInTheDocument();
    expect(within(await row(65)).getByText('超量退货待您决定')).toBeInTheDocument();
    // The approval wording stays for approved applications still with customer service.
    expect(screen.queryByText('待现场检验 / 待收集原件')).not.toBeInTheDocument();
  });

  it('tells QA that received goods wait for their inspection and label', async () => {
    signInForTests({ id: 30, username: 'qa', display_name: '刘品保', department_id: 4, department_name: '质量管理部', roles: ['qa'] });
    const application = {
      id: 66,
      number: 'TH2612-0066',
      kind: 'return',
      state: 'approved',
      customer: { id: 1, name: '苏州精密机械有限公司' },
      raised_by: { id: 2, name: '钱业务' },
      reason: '整批退货',
      products: 'PCB-4L-1020',
      quantity: 500,
      total: { amount: '6250.00', currency: 'CNY' },
      step_due_at: null,
      overdue: false,
      created_at: new Date(Date.now() - 3 * DAY).toISOString(),
      note_number: 'CT2612-0066',
      note_state: 'booked',
      handling_state: 'qa_inspection',
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
        if (path === '/api/v1/returns') return jsonResponse(200, { items: [application], total: 1, next_cursor: null });
        return frameResponse(path) ?? jsonResponse(404, { type: 't', title: 'x', status: 404, detail: 'd', code: 'not_found' });
      }),
    );
    await renderApp('/tasks');
    const link = await screen.findByRole('link', { name: '打开退换货申请 TH2612-0066，苏州精密机械有限公司' });
    expect(within(link).getByText('待您检验标识')).toBeInTheDocument();
    expect(within(link).queryByText('成品退货单已入账')).not.toBeInTheDocument();
  });
});
