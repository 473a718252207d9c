import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { approvedComplaint, customers, retailDraft, returnView } from './fixtures';

type User = ReturnType<typeof userEvent.setup>;

/** Types a value in one go (antd re-renders the whole form per keystroke). */
async function fill(user: User, input: HTMLElement, value: string) {
  await user.click(input);
  await user.paste(value);
}

async function pick(user: User, label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label).closest('.ant-select-selector')!);
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) =>
      el.textContent?.includes(option),
    );
    if (!found) throw new Error(`no option ${option}`);
    return found as HTMLElement;
  });
  await user.click(item);
}

const eligibility = () => screen.getByTestId('eligibility');
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;

let posted: Call[] = [];
let patched: Call[] = [];

beforeEach(() => {
  posted = [];
  patched = [];
  signInForTests({ id: 1, username: 'sales', display_name: '张业务', department_id: 1, department_name: '业务一部', roles: ['sales'] });
});

function api(answer: (call: Call) => Response = () => jsonResponse(201, returnView(), { ETag: '"1"' }), draft = returnView()) {
  return mockApi({
    '/api/v1/customers': () => jsonResponse(200, { items: customers, next_cursor: null }),
    '/api/v1/complaints/7': () => jsonResponse(200, approvedComplaint()),
    '/api/v1/returns/55': () => jsonResponse(200, draft, { ETag: `"${draft.version}"` }),
    'POST /api/v1/returns': (call) => {
      posted.push(call);
      return answer(call);
    },
    'PATCH /api/v1/returns/55': (call) => {
      patched.push(call);
      return answer(call);
    },
  });
}

describe('the return application form', () => {
  it('raises a standalone application: items with amounts, live grounds, and the body it sends', async () => {
    api();
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const { router } = await renderApp('/returns/new');
    expect(await screen.findByRole('heading', { level: 1, name: '新建退换货申请' })).toBeInTheDocument();
    expect(eligibility()).toHaveTextContent('尚不符合退换货条件');
    expect(eligibility()).toHaveTextContent('须填写 A 保修期内的依据');

    await pick(user, '客户', '苏州精密机械有限公司');
    await user.click(screen.getByLabelText('换货'));
    await fill(user, screen.getByLabelText('订单编号'), 'SO-2026-118');
    await fill(user, screen.getByLabelText('品号'), 'PCB-4L-1020');
    await fill(user, screen.getByLabelText('数量'), '500');
    await fill(user, screen.getByLabelText('单价'), '12.50');
    expect(await screen.findByTestId('line-amount-0')).toHaveTextContent('¥6,250.00');
    await user.click(screen.getByRole('button', { name: /添加品项/ }));
    const second = screen.getByRole('group', { name: '第 2 项' });
    await fill(user, within(second).getByLabelText('品号'), 'PCB-2L-0800');
    await fill(user, within(second).getByLabelText('品名规格'), '双层板');
    await fill(user, within(second).getByLabelText('数量'), '100');
    await fill(user, within(second).getByLabelText('单价'), '3');
    await waitFor(() => expect(screen.getByTestId('lines-total')).toHaveTextContent('¥6,550.00'));
    await fill(user, screen.getByLabelText('退换货原因'), '客户来料检验不合格');

    // A alone is not enough; a ticked ground needs its basis.
    await fill(user, screen.getByLabelText('A 保修期内的依据'), '保修卡 2026-03-01 起一年');
    expect(eligibility()).toHaveTextContent('须勾选 B、C、D 至少一项并填写依据');
    await user.click(screen.getByLabelText('B 质量未达合同验收标准'));
    expect(eligibility()).toHaveTextContent('B 已勾选，尚未填写依据');
    await fill(user, screen.getByLabelText('B 质量未达合同验收标准的依据'), '来料检验报告 IQC-118');
    await waitFor(() => expect(eligibility()).toHaveTextContent('符合退换货条件'));
    expect(eligibility()).toHaveAttribute('data-eligible', 'true');

    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.body).toEqual({
      reason: '客户来料检验不合格',
      sample_unit: false,
      eligibility: { within_warranty: '保修卡 2026-03-01 起一年', below_standard: '来料检验报告 IQC-118', cannot_pay: null, major_change: null },
      kind: 'exchange',
      customer_id: 1,
      order_number: 'SO-2026-118',
      lines: [
        { product_number: 'PCB-4L-1020', description: null, quantity: 500, unit_price: '12.50' },
        { product_number: 'PCB-2L-0800', description: '双层板', quantity: 100, unit_price: '3' },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/returns/55'));
    expect(await screen.findByText('申请单 TH2612-0001 已保存为草稿')).toBeInTheDocument();
  });

  it('saves a draft that does not qualify yet, and shows the server’s messages at their fields', async () => {
    api(() =>
      jsonResponse(
        422,
        problem(422, 'validation_failed', [
          { field: 'lines[0].quantity', code: 'out_of_range', message: 'a whole number of at least 1' },
          { field: 'eligibility', code: 'count', message: 'besides A, at least one of B, C or D' },
          { field: 'eligibility.within_warranty', code: 'required', message: 'A' },
        ]),
      ),
    );
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/new');
    await screen.findByRole('heading', { level: 1, name: '新建退换货申请' });
    await pick(user, '客户', '宁波汽配制造有限公司');
    await fill(user, screen.getByLabelText('品号'), 'BRK-1');
    await fill(user, screen.getByLabelText('数量'), '2');
    await fill(user, screen.getByLabelText('单价'), '1.00');
    await fill(user, screen.getByLabelText('退换货原因'), '试样');
    expect(eligibility()).toHaveAttribute('data-eligible', 'false');

    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.body).toMatchObject({ kind: 'return', customer_id: 2, eligibility: { within_warranty: null, below_standard: null, cannot_pay: null, major_change: null } });
    expect(await screen.findByRole('alert')).toHaveTextContent('请检查标出的字段');
    await waitFor(() => expect(fieldOf('数量')).toHaveTextContent('超出允许范围'));
    expect(fieldOf('A 保修期内的依据')).toHaveTextContent('此项为必填');
    // "At least one of B, C, D" sits on the boxes.
    expect(screen.getByLabelText('B 质量未达合同验收标准').closest('.ant-form-item')).toHaveTextContent('数量不符合要求');
  });

  it('raises one from a complaint line: the carried item read-only, complaint_id and complaint_line sent', async () => {
    api();
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/new?complaint=7&line=1');
    const carried = await screen.findByTestId('carried');
    expect(carried).toHaveTextContent('来自客诉 2611-0007 的第 2 项处理明细');
    expect(carried).toHaveTextContent('苏州精密机械有限公司');
    expect(carried).toHaveTextContent('退货');
    expect(carried).toHaveTextContent('SO-2026-007');
    expect(carried).toHaveTextContent('BRK-1');
    expect(carried).toHaveTextContent('¥9,000.00');
    expect(screen.queryByLabelText('客户')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /添加品项/ })).not.toBeInTheDocument();

    await fill(user, screen.getByLabelText('退换货原因'), '按客诉核准方案退货');
    await user.click(screen.getByLabelText('展示机 / 办公样机'));
    await fill(user, screen.getByLabelText('A 保修期内的依据'), '交货 2026-10-01，保修一年');
    await user.click(screen.getByLabelText('C 客户经多次催收无力付款'));
    await fill(user, screen.getByLabelText('C 客户经多次催收无力付款的依据'), '三次催收记录');
    await user.click(screen.getByLabelText('D 客户其他重大变化（选型错误、合作解除、转产、经营不善）'));
    await waitFor(() => expect(eligibility()).toHaveTextContent('D 已勾选，尚未填写依据'));
    // Unticked again: D claims nothing, and the rest qualifies.
    await user.click(screen.getByLabelText('D 客户其他重大变化（选型错误、合作解除、转产、经营不善）'));
    await waitFor(() => expect(eligibility()).toHaveAttribute('data-eligible', 'true'));

    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.body).toEqual({
      reason: '按客诉核准方案退货',
      sample_unit: true,
      eligibility: { within_warranty: '交货 2026-10-01，保修一年', below_standard: null, cannot_pay: '三次催收记录', major_change: null },
      complaint_id: 7,
      complaint_line: 1,
      lines: [],
    });
  });

  it('swaps the grounds for the consumer’s facts under the retail rule set, and back', async () => {
    api();
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/new');
    await screen.findByRole('heading', { level: 1, name: '新建退换货申请' });
    const ruleSet = screen.getByTestId('rule-set');
    expect(within(ruleSet).getByLabelText('合同退换货标准（A+B/C/D）')).toBeChecked();
    await fill(user, screen.getByLabelText('A 保修期内的依据'), '保修卡');

    await user.click(within(ruleSet).getByLabelText('零售退换货规则'));
    expect(await screen.findByTestId('retail-fields')).toBeInTheDocument();
    expect(screen.queryByTestId('eligibility')).not.toBeInTheDocument();
    for (const label of ['购买日期', '发票号码', '保质期至', '发票与货品相符', '未拆封', '质量问题']) expect(screen.getByLabelText(label)).toBeInTheDocument();
    // Retail offers a return or an exchange only.
    expect(screen.getByLabelText('重修')).toBeDisabled();

    // The purchase date is what a consumer application needs before it is saved.
    await pick(user, '客户', '苏州精密机械有限公司');
    await fill(user, screen.getByLabelText('品号'), 'SHF-1160');
    await fill(user, screen.getByLabelText('数量'), '1');
    await fill(user, screen.getByLabelText('单价'), '128.00');
    await fill(user, screen.getByLabelText('退换货原因'), '门店顾客未拆封退货');
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(fieldOf('购买日期')).toHaveTextContent('此项为必填'));
    expect(posted).toHaveLength(0);

    // Back to the contract grounds: what was typed there is still there.
    await user.click(within(ruleSet).getByLabelText('合同退换货标准（A+B/C/D）'));
    expect(await screen.findByLabelText('A 保修期内的依据')).toHaveValue('保修卡');
    expect(screen.queryByTestId('retail-fields')).not.toBeInTheDocument();
  });

  it('edits a consumer draft: the server’s refusals at their facts, the facts sent without grounds, a 422 at its field', async () => {
    api(
      () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'retail.shelf_life_until', code: 'invalid_date', message: 'YYYY-MM-DD' }])),
      retailDraft(),
    );
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/returns/55/edit');
    await screen.findByRole('heading', { level: 1, name: '编辑退换货申请' });
    expect(within(screen.getByTestId('rule-set')).getByLabelText('零售退换货规则')).toBeChecked();
    await waitFor(() => expect(fieldOf('购买日期')).toHaveTextContent('已超过退换期限'));
    expect(screen.getByLabelText('发票号码')).toHaveValue('No. 04512231');
    expect(screen.getByLabelText('未拆封')).toBeChecked();

    await user.click(screen.getByLabelText('质量问题'));
    await user.click(screen.getByRole('button', { name: '保存草稿' }));
    await waitFor(() => expect(patched).toHaveLength(1));
    expect(patched[0]!.ifMatch).toBe('"3"');
    const body = patched[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('eligibility');
    expect(body).toMatchObject({
      rule_set: 'retail',
      kind: 'return',
      retail: { purchased_on: '2026-10-01', invoice_number: 'No. 04512231', invoice_matches: true, unopened: true, defective: true, shelf_life_until: null },
    });
    await waitFor(() => expect(fieldOf('保质期至')).toHaveTextContent('日期格式应为 YYYY-MM-DD'));
  });
});
