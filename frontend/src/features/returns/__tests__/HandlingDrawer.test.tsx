import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { handlingParts } from './fixtures';
import { actionButton, drawer, itemOf, received, renderSection, section, serve, server, submitButton } from './handling-harness';

type User = ReturnType<typeof userEvent.setup>;

/** Sets a value in one event (antd re-renders the whole drawer per keystroke). */
function fill(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

async function open(user: User, action: string) {
  await user.click(actionButton(action)!);
  return drawer();
}

async function submit(user: User, scope: HTMLElement) {
  await user.click(submitButton(scope));
}

/** Types a day into an antd date picker and confirms it (without opening its calendar). */
function pickDay(input: HTMLElement, day: string) {
  fireEvent.focus(input);
  fill(input, day);
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  return waitFor(() => expect(input).toHaveValue(day));
}

const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

describe('a handling step’s drawer', () => {
  it('lets QA inspect and label: both required here, then only `qa` sent with If-Match', async () => {
    serve(received({ available_actions: ['inspect'] }), ['qa']);
    server.next = (_, call) => {
      const { qa } = call.body as { qa: { finding: string; label: string } };
      return { state: 'analysis', qa_finding: qa.finding, qa_label: qa.label };
    };
    const user = setup();
    await renderSection();
    const d = await open(user, 'inspect');
    expect(within(d).getByTestId('next-step')).toHaveTextContent('交研发部分析并提出整改方案');

    await submit(user, d);
    await waitFor(() => expect(itemOf(within(d).getByLabelText('品保检验结果'))).toHaveTextContent('此项为必填'));
    expect(itemOf(within(d).getByLabelText('标识'))).toHaveTextContent('此项为必填');
    expect(server.writes).toHaveLength(0);

    fill(within(d).getByLabelText('品保检验结果'), ' 外观划伤 3 台，功能正常 ');
    fill(within(d).getByLabelText('标识'), '待整改');
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]).toMatchObject({ method: 'POST', path: '/api/v1/returns/55/handling/actions/inspect', ifMatch: '"3"' });
    expect(server.writes[0]!.body).toEqual({ qa: { finding: '外观划伤 3 台，功能正常', label: '待整改' } });
    expect(await within(section()).findByText('已完成：检验标识')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(within(section()).getByTestId('handling-qa')).toHaveTextContent('外观划伤 3 台，功能正常');
  });

  it('needs the plan text for a rework only, checks the cost, and sends the cost as a money string', async () => {
    serve(received({ state: 'analysis', ...handlingParts.qa, waiting_for: ['engineering'], available_actions: ['plan'] }, 'qa_inspect'), ['engineering']);
    const user = setup();
    await renderSection();
    const d = await open(user, 'plan');
    fill(within(d).getByLabelText('技术分析'), '电源板焊点虚焊');
    await user.click(within(d).getByLabelText('整改'));
    fill(within(d).getByLabelText('整改费用'), '-5');
    await submit(user, d);
    await waitFor(() => expect(itemOf(within(d).getByLabelText('整改方案'))).toHaveTextContent('此项为必填'));
    expect(itemOf(within(d).getByLabelText('整改费用'))).toHaveTextContent('金额格式不正确');
    expect(server.writes).toHaveLength(0);

    // Scrapped goods need no plan: the same form goes through.
    await user.click(within(d).getByLabelText('报废'));
    fill(within(d).getByLabelText('整改费用'), '1200');
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]).toMatchObject({ path: '/api/v1/returns/55/handling/actions/plan', ifMatch: '"3"' });
    expect(server.writes[0]!.body).toEqual({ plan: { analysis: '电源板焊点虚焊', disposition: 'scrap', plan: null, cost: '1200.00' } });
  });

  it('puts the server’s field messages on the plan’s fields, and starts a new plan from the one sent back', async () => {
    serve(received({ state: 'analysis', ...handlingParts.qa, ...handlingParts.plan, rejection: '费用过高', waiting_for: ['engineering'], available_actions: ['plan'] }, 'approve_plan'), ['engineering']);
    server.status = 422;
    server.errors = [
      { field: 'plan.cost', code: 'out_of_range', message: 'not negative' },
      { field: 'plan.plan', code: 'required', message: 'required' },
    ];
    const user = setup();
    await renderSection();
    const d = await open(user, 'plan');
    expect(within(d).getByTestId('handling-rejection')).toHaveTextContent('费用过高');
    expect(within(d).getByLabelText('技术分析')).toHaveValue('电源板焊点虚焊');
    expect(within(d).getByLabelText('整改方案')).toHaveValue('更换电源板并老化测试 4 小时');
    expect(within(d).getByLabelText('整改费用')).toHaveValue('1200.00');
    fill(within(d).getByLabelText('整改费用'), '800');
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]!.body).toEqual({ plan: { analysis: '电源板焊点虚焊', disposition: 'rework', plan: '更换电源板并老化测试 4 小时', cost: '800.00' } });
    await waitFor(() => expect(itemOf(within(d).getByLabelText('整改费用'))).toHaveTextContent('超出允许范围'));
    expect(itemOf(within(d).getByLabelText('整改方案'))).toHaveTextContent('此项为必填');
  });

  it('lets the general manager approve with nothing but the step, and send back only with a reason', async () => {
    serve(received({ state: 'plan_approval', ...handlingParts.qa, ...handlingParts.plan, disposition: 'restock', waiting_for: ['gm'], available_actions: ['approve_plan', 'reject_plan'] }, 'plan'), ['gm']);
    server.next = () => ({ state: 'analysis', rejection: '费用过高' });
    const user = setup();
    await renderSection();
    let d = await open(user, 'approve_plan');
    expect(within(d).getByTestId('handling-plan-facts')).toHaveTextContent('¥1,200.00');
    expect(within(d).getByTestId('next-step')).toHaveTextContent('直接交成品仓验收入库（原样入库）');
    await user.click(within(d).getByText('取消', { selector: 'button > span' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    d = await open(user, 'reject_plan');
    await submit(user, d);
    await waitFor(() => expect(itemOf(within(d).getByLabelText('退回理由'))).toHaveTextContent('此项为必填'));
    expect(server.writes).toHaveLength(0);
    fill(within(d).getByLabelText('退回理由'), '费用过高');
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]).toMatchObject({ path: '/api/v1/returns/55/handling/actions/reject_plan', ifMatch: '"3"', body: { comment: '费用过高' } });
    expect(await within(section()).findByText('已完成：退回整改方案')).toBeInTheDocument();
    expect(within(section()).getByTestId('handling-rejection')).toHaveTextContent('费用过高');
  });

  it('sends an approval as an empty body', async () => {
    serve(received({ state: 'plan_approval', ...handlingParts.qa, ...handlingParts.plan, waiting_for: ['gm'], available_actions: ['approve_plan', 'reject_plan'] }, 'plan'), ['gm']);
    const user = setup();
    await renderSection();
    const d = await open(user, 'approve_plan');
    expect(within(d).getByTestId('next-step')).toHaveTextContent('交PMC排产');
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]).toMatchObject({ path: '/api/v1/returns/55/handling/actions/approve_plan', ifMatch: '"3"' });
    expect(server.writes[0]!.body).toEqual({});
  });

  it('lets PMC schedule: dates in order and the unit required, the material issue optional; the server’s date message in place', async () => {
    serve(received({ state: 'scheduling', ...handlingParts.qa, ...handlingParts.plan, waiting_for: ['production_manager'], available_actions: ['schedule'] }, 'approve_plan'), ['production_manager']);
    const user = setup();
    await renderSection();
    const d = await open(user, 'schedule');
    await submit(user, d);
    await waitFor(() => expect(itemOf(within(d).getByLabelText('开工日期'))).toHaveTextContent('此项为必填'));
    expect(itemOf(within(d).getByLabelText('完工日期'))).toHaveTextContent('此项为必填');
    expect(itemOf(within(d).getByLabelText('生产单位'))).toHaveTextContent('此项为必填');

    await pickDay(within(d).getByLabelText('开工日期'), '2026-12-12');
    await pickDay(within(d).getByLabelText('完工日期'), '2026-12-10');
    fill(within(d).getByLabelText('生产单位'), '装配二线');
    await submit(user, d);
    await waitFor(() => expect(itemOf(within(d).getByLabelText('完工日期'))).toHaveTextContent('完工日期不能早于开工日期'));
    expect(server.writes).toHaveLength(0);

    await pickDay(within(d).getByLabelText('开工日期'), '2026-12-10');
    await pickDay(within(d).getByLabelText('完工日期'), '2026-12-12');
    server.status = 422;
    server.errors = [{ field: 'schedule.finish_on', code: 'out_of_range', message: 'on or after start_on' }];
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]).toMatchObject({ path: '/api/v1/returns/55/handling/actions/schedule', ifMatch: '"3"' });
    expect(server.writes[0]!.body).toEqual({ schedule: { start_on: '2026-12-10', finish_on: '2026-12-12', production_unit: '装配二线', material_issue: null } });
    await waitFor(() => expect(itemOf(within(d).getByLabelText('完工日期'))).toHaveTextContent('超出允许范围'));
  });

  it('has production count what was reworked: one whole count per item up to what was received, the server’s message at its item', async () => {
    serve(received({ state: 'rework', ...handlingParts.qa, ...handlingParts.plan, ...handlingParts.schedule, waiting_for: ['production'], available_actions: ['complete_rework'] }, 'schedule'), ['production']);
    const user = setup();
    await renderSection();
    const d = await open(user, 'complete_rework');
    const first = within(d).getByLabelText('第 1 项 PCB-4L-1020 整改数量（最多 498）');
    const second = within(d).getByLabelText('第 2 项 PCB-2L-0800 整改数量（最多 100）');
    expect(first).toBe(within(d).getByTestId('handling-qty-0'));
    expect(first).toHaveValue('498');
    expect(second).toHaveValue('100');

    fill(first, '499');
    fill(second, '');
    await submit(user, d);
    await waitFor(() => expect(itemOf(first)).toHaveTextContent('不能超过 498'));
    expect(itemOf(second)).toHaveTextContent('此项为必填');
    expect(server.writes).toHaveLength(0);

    fill(first, '495');
    fill(second, '100');
    server.status = 422;
    server.errors = [{ field: 'quantities[1]', code: 'out_of_range', message: 'from 0 to 100' }];
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]).toMatchObject({ path: '/api/v1/returns/55/handling/actions/complete_rework', ifMatch: '"3"', body: { quantities: [495, 100] } });
    await waitFor(() => expect(itemOf(second)).toHaveTextContent('超出允许范围'));
    expect(itemOf(first)).not.toHaveTextContent('超出允许范围');
  });

  it('has the warehouse take back what was reworked, and says when the handling is done', async () => {
    const lines = [
      { product_number: 'PCB-4L-1020', description: '四层板', received: 498, reworked: 495, re_received: null },
      { product_number: 'PCB-2L-0800', description: null, received: 100, reworked: 100, re_received: null },
    ];
    serve(received({ state: 're_receipt', ...handlingParts.qa, ...handlingParts.plan, ...handlingParts.schedule, lines, waiting_for: ['warehouse'], available_actions: ['re_receive'] }, 'complete_rework'), ['warehouse']);
    server.next = (h, call) => ({ state: 'done', lines: h.lines.map((l, i) => ({ ...l, re_received: (call.body as { quantities: number[] }).quantities[i] })) });
    const user = setup();
    await renderSection();
    const d = await open(user, 're_receive');
    const first = within(d).getByLabelText('第 1 项 PCB-4L-1020 验收入库数量（最多 495）');
    expect(first).toHaveValue('495');
    fill(within(d).getByLabelText('备注'), ' 外箱已更换 ');
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]!.body).toEqual({ quantities: [495, 100], comment: '外箱已更换' });
    const finished = await within(section()).findByText('客户退换货处理单已处理完毕');
    expect(finished.closest('.ant-alert')).toHaveClass('ant-alert-success');
  });

  it('extends the step only with a reason, sent as `comment` with If-Match, then tags the deadline 已延期', async () => {
    const due = new Date(Date.now() + 5 * 3_600_000).toISOString();
    serve(received({ state: 'scheduling', ...handlingParts.qa, ...handlingParts.plan, waiting_for: ['production_manager'], available_actions: ['schedule', 'extend'], step_due_at: due }, 'approve_plan'), ['production_manager']);
    server.next = () => ({ step_extended: true });
    const user = setup();
    await renderSection();
    // The step forward first, asking for more time after it.
    expect(actionButton('schedule')!.compareDocumentPosition(actionButton('extend')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(section()).queryByTestId('handling-deadline-extended')).not.toBeInTheDocument();
    const d = await open(user, 'extend');
    expect(d).toHaveTextContent('每一步只能延期一次，延期后本步最长 3 个工作日');
    // The step stays: no next step to announce.
    expect(within(d).queryByTestId('next-step')).not.toBeInTheDocument();

    await submit(user, d);
    await waitFor(() => expect(itemOf(within(d).getByLabelText('延期理由'))).toHaveTextContent('此项为必填'));
    expect(server.writes).toHaveLength(0);

    fill(within(d).getByLabelText('延期理由'), ' 等待物料到货 ');
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(1));
    expect(server.writes[0]).toMatchObject({ method: 'POST', path: '/api/v1/returns/55/handling/actions/extend', ifMatch: '"3"' });
    expect(server.writes[0]!.body).toEqual({ comment: '等待物料到货' });
    expect(await within(section()).findByText('已完成：申请延期')).toBeInTheDocument();
    expect(within(section()).getByTestId('handling-deadline-extended')).toHaveTextContent('已延期');
  });

  it('puts the server’s blank-reason 422 on the reason, and a second extension’s 409 in the section', async () => {
    serve(received({ available_actions: ['inspect', 'extend'] }), ['qa']);
    server.status = 422;
    server.errors = [{ field: 'comment', code: 'required', message: 'a reason is required' }];
    const user = setup();
    await renderSection();
    const d = await open(user, 'extend');
    fill(within(d).getByLabelText('延期理由'), '等待客户确认');
    await submit(user, d);
    await waitFor(() => expect(itemOf(within(d).getByLabelText('延期理由'))).toHaveTextContent('此项为必填'));

    server.status = 409;
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(2));
    expect(await within(section()).findByText(/^无法「申请延期」/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('explains a 412 in the drawer and sends the new version next time', async () => {
    serve(received({ available_actions: ['inspect'] }), ['qa']);
    server.status = 412;
    const user = setup();
    await renderSection();
    const d = await open(user, 'inspect');
    fill(within(d).getByLabelText('品保检验结果'), '功能正常');
    fill(within(d).getByLabelText('标识'), '合格');
    await submit(user, d);
    expect(await within(d).findByText(/此申请刚被他人修改/)).toBeInTheDocument();
    // The section read the application again (the new version) before sending again.
    await waitFor(() => expect(server.reads).toBe(2));
    expect(within(d).getByLabelText('品保检验结果')).toHaveValue('功能正常');
    await submit(user, d);
    await waitFor(() => expect(server.writes).toHaveLength(2));
    expect(server.writes.map((w) => w.ifMatch)).toEqual(['"3"', '"4"']);
    expect(await within(section()).findByText('已完成：检验标识')).toBeInTheDocument();
  });
});
