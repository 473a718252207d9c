import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { handlingParts } from './fixtures';
import { actionButton, received, renderHarness, renderSection, serve } from './handling-harness';

afterEach(() => {
  (globalThis as { __viewportWidth?: number }).__viewportWidth = 1280;
});

const buttons = (scope: HTMLElement) => [...scope.querySelectorAll('[data-testid^="handling-action-"]')].map((b) => b.getAttribute('data-testid'));
const stepTitles = (scope: HTMLElement) => [...scope.querySelectorAll('.ant-steps-item-title')].map((e) => e.textContent);

describe('the handling section (客户退换货处理单)', () => {
  it('shows each department’s recorded part, the items’ counts, who took each step, and where it stands', async () => {
    const lines = [
      { product_number: 'PCB-4L-1020', description: '四层板', received: 498, reworked: 495, re_received: null },
      { product_number: 'PCB-2L-0800', description: null, received: 100, reworked: 100, re_received: null },
    ];
    serve(received({ state: 're_receipt', ...handlingParts.qa, ...handlingParts.plan, ...handlingParts.schedule, lines, waiting_for: ['warehouse'] }, 'complete_rework'), ['sales']);
    const section = await renderSection();

    expect(within(section).getByRole('heading', { level: 2, name: '客户退换货处理单' })).toBeInTheDocument();
    expect(within(section).getAllByText('待成品仓验收入库')[0]).toHaveAttribute('data-handling-state', 're_receipt');
    // Seven steps, the warehouse's current and named.
    const steps = within(section).getByTestId('handling-steps');
    expect(stepTitles(steps)).toEqual(['品保检验标识', '研发分析及整改方案', '总经理审批', 'PMC排产', '制造整改', '成品仓验收入库', '处理完毕']);
    const current = steps.querySelector('.ant-steps-item-process') as HTMLElement;
    expect(current).toHaveTextContent('成品仓验收入库');
    expect(current).toHaveTextContent('等待成品仓处理');

    const qa = within(section).getByTestId('handling-qa');
    expect(qa).toHaveTextContent('外观划伤 3 台，功能正常');
    expect(qa).toHaveTextContent('待整改');
    const plan = within(section).getByTestId('handling-plan');
    expect(plan).toHaveTextContent('电源板焊点虚焊');
    expect(plan).toHaveTextContent('整改');
    expect(plan).toHaveTextContent('更换电源板并老化测试 4 小时');
    expect(plan).toHaveTextContent('¥1,200.00');
    const schedule = within(section).getByTestId('handling-schedule');
    expect(schedule).toHaveTextContent('2026-12-10 至 2026-12-12');
    expect(schedule).toHaveTextContent('装配二线');
    expect(schedule).toHaveTextContent('FL2612-0031');

    // The items: received, reworked, not yet received back.
    const table = section.querySelector('.kehu-handling-table') as HTMLElement;
    expect([...table.querySelector('thead')!.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['#', '品号', '规格/描述', '实退量', '整改数量', '验收入库量']);
    const rows = within(section).getAllByTestId('handling-line');
    expect([...rows[0]!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', 'PCB-4L-1020', '四层板', '498', '495', '—']);

    // Who signed each step.
    expect(section).toHaveTextContent('品保检验标识刘品保 · ');
    expect(section).toHaveTextContent('PMC排产吴生管 · ');
    expect(within(section).queryByTestId('handling-rejection')).not.toBeInTheDocument();
    // Not the caller's step: no buttons.
    expect(buttons(section)).toEqual([]);
  });

  it('highlights the general manager’s reason when the plan was sent back', async () => {
    serve(received({ state: 'analysis', ...handlingParts.qa, ...handlingParts.plan, rejection: '费用过高，请改用局部补焊', waiting_for: ['engineering'], available_actions: ['plan'] }, 'approve_plan'), ['engineering']);
    const section = await renderSection();
    const rejection = within(section).getByTestId('handling-rejection');
    expect(rejection).toHaveClass('ant-alert-error');
    expect(rejection).toHaveTextContent('总经理退回了整改方案');
    expect(rejection).toHaveTextContent('退回理由：费用过高，请改用局部补焊');
    const current = section.querySelector('.ant-steps-item-process') as HTMLElement;
    expect(current).toHaveTextContent('研发分析及整改方案');
    expect(current).toHaveTextContent('方案被退回');
    expect(buttons(section)).toEqual(['handling-action-plan']);
    expect(actionButton('plan')).toHaveTextContent('提出整改方案');
  });

  it('offers the general manager approving and sending back, in that order, as the server lists them', async () => {
    const late = new Date(Date.now() - 30 * 3_600_000).toISOString();
    serve(
      received({ state: 'plan_approval', ...handlingParts.qa, ...handlingParts.plan, waiting_for: ['gm'], available_actions: ['reject_plan', 'approve_plan'], step_due_at: late, overdue: true }, 'plan'),
      ['gm'],
    );
    const section = await renderSection();
    // The step's deadline in the section's header, red once late.
    const deadline = section.querySelector('.ant-card-extra [data-testid="handling-deadline"]') as HTMLElement;
    expect(deadline).toHaveTextContent('本步期限');
    expect(deadline.querySelector('.ant-tag-error')).toHaveTextContent('逾期 1 天');
    expect(buttons(section)).toEqual(['handling-action-approve_plan', 'handling-action-reject_plan']);
    expect(actionButton('approve_plan')).toHaveTextContent('批准整改方案');
    expect(actionButton('reject_plan')).toHaveClass('ant-btn-dangerous');
  });

  it('skips PMC and production for goods scrapped: no reworked column, and the write-off named', async () => {
    const lines = [
      { product_number: 'PCB-4L-1020', description: '四层板', received: 498, reworked: null, re_received: 498 },
      { product_number: 'PCB-2L-0800', description: null, received: 100, reworked: null, re_received: 100 },
    ];
    serve(received({ state: 'done', ...handlingParts.qa, ...handlingParts.plan, disposition: 'scrap', plan: null, lines, waiting_for: [] }, 'approve_plan'), ['warehouse']);
    const section = await renderSection();
    expect(within(section).getByTestId('handling-disposition-tag')).toHaveTextContent('报废');
    const steps = within(section).getByTestId('handling-steps');
    const skipped = [...steps.querySelectorAll('.ant-steps-item')].filter((s) => s.textContent?.includes('无需整改')).map((s) => s.querySelector('.ant-steps-item-title')?.textContent);
    expect(skipped).toEqual(['PMC排产', '制造整改']);
    expect(steps.querySelectorAll('.ant-steps-item-finish').length).toBe(5);
    const table = section.querySelector('.kehu-handling-table') as HTMLElement;
    expect([...table.querySelector('thead')!.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['#', '品号', '规格/描述', '实退量', '报废数量']);
    expect(within(section).queryByTestId('handling-schedule')).not.toBeInTheDocument();
  });

  it('turns the steps vertical and the items into cards on a phone', async () => {
    (globalThis as { __viewportWidth?: number }).__viewportWidth = 390;
    serve(received({ available_actions: ['inspect'] }), ['qa']);
    const section = await renderSection();
    expect(section.querySelector('.ant-steps-vertical')).not.toBeNull();
    expect(section.querySelector('.kehu-handling-table')).toBeNull();
    const cards = within(section).getAllByTestId('handling-line');
    expect(cards).toHaveLength(2);
    expect(cards[0]).toHaveTextContent('PCB-4L-1020');
    expect(cards[0]).toHaveTextContent('实退量498');
    // Nothing recorded yet: no part shows.
    expect(within(section).queryByTestId('handling-qa')).not.toBeInTheDocument();
    expect(within(section).queryByTestId('handling-plan')).not.toBeInTheDocument();
    expect(buttons(section)).toEqual(['handling-action-inspect']);
    expect(section.querySelector('.ant-steps-item-process')).toHaveTextContent('等待质量管理部、质量管理部经理处理');
  });

  it('shows nothing before the goods are received', async () => {
    const application = received({});
    serve({ ...application, handling: null }, ['qa']);
    await renderHarness();
    expect(screen.queryByTestId('handling-section')).not.toBeInTheDocument();
  });
});
