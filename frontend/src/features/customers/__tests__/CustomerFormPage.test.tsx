import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetSessionForTests } from '../../../api/session';
import { jsonResponse, renderApp } from '../../../test/render';
import { customerView, mockApi, problem, signIn, type Call } from './fixtures';

const duplicate = {
  id: 1,
  code: 'C-0001',
  name: '苏州精密机械有限公司',
  status: 'active',
  owner: { id: 1, name: '张业务' },
  matched: ['name'],
  registered_at: '2026-01-05T02:00:00Z',
};

/** The form item around a labelled control. */
const item = (label: string, scope: HTMLElement = document.body) =>
  within(scope).getByLabelText(label).closest('.ant-form-item') as HTMLElement;

/** Types a value in one go (antd re-renders the whole form per keystroke). */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, value: string) {
  await user.click(input);
  await user.paste(value);
}

beforeEach(() => {
  resetSessionForTests();
  signIn({ id: 3, username: 'sales3', display_name: '钱业务', roles: ['sales'] });
});

describe('customer registration form', () => {
  it('warns about a customer with the same name while the name is typed', async () => {
    const calls = mockApi({
      '/api/v1/customers/duplicates': (call) =>
        jsonResponse(200, new URLSearchParams(call.search).get('name')?.includes('苏州精密') ? [duplicate] : []),
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/new');
    expect(await screen.findByRole('heading', { level: 1, name: '登记新客户' })).toBeInTheDocument();
    await fill(user, screen.getByLabelText('客户名称'), '苏州精密机械股份有限公司');

    const warning = await screen.findByTestId('duplicates');
    expect(warning).toHaveTextContent('可能与已有客户重复');
    expect(warning).toHaveTextContent('已有同名客户 C-0001 苏州精密机械有限公司，归属 张业务（已建档）');
    // Debounced: one check for the settled name, not one per keystroke.
    const checks = calls.filter((c) => c.path === '/api/v1/customers/duplicates');
    expect(checks.length).toBeLessThanOrEqual(2);
    expect(new URLSearchParams(checks.at(-1)!.search).get('name')).toBe('苏州精密机械股份有限公司');
  });

  it('shows the server messages at their fields, contacts[0].email included', async () => {
    const posted: Call[] = [];
    mockApi({
      '/api/v1/customers/duplicates': () => jsonResponse(200, []),
      'POST /api/v1/customers': (call) => {
        posted.push(call);
        return jsonResponse(
          422,
          problem(422, 'validation_failed', [
            { field: 'tax_id', code: 'format', message: 'a unified social credit code has 18 letters and digits' },
            { field: 'contacts[0].email', code: 'format', message: 'not an email address' },
          ]),
        );
      },
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/new');
    await fill(user, await screen.findByLabelText('客户名称'), '常州新材料有限公司');
    await fill(user, screen.getByLabelText('统一社会信用代码'), '91320400MA1XXXXX0X');
    const contact = screen.getByRole('group', { name: '联系人 1' });
    await fill(user, within(contact).getByLabelText('姓名'), '周敏');
    await fill(user, within(contact).getByLabelText('电话'), '0519-8000 0009');
    await user.click(screen.getByRole('button', { name: '提交审核' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('请检查标出的字段');
    await waitFor(() => expect(item('统一社会信用代码')).toHaveTextContent('格式不正确'));
    await waitFor(() => expect(item('电子邮箱', contact)).toHaveTextContent('格式不正确'));
    expect(posted).toHaveLength(1);
    expect(posted[0]!.body).toMatchObject({
      name: '常州新材料有限公司',
      kind: 'legal',
      market: 'domestic',
      category: 'general',
      confidentiality: 'secret',
      tax_id: '91320400MA1XXXXX0X',
      contacts: [{ name: '周敏', title: null, phone: '0519-8000 0009', mobile: null, email: null }],
      staff_ids: [],
      code: null,
    });
    expect((posted[0]!.body as { first_contact_on: string }).first_contact_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Editing the field clears its server message.
    await user.type(screen.getByLabelText('统一社会信用代码'), '{Backspace}');
    await waitFor(() => expect(item('统一社会信用代码')).not.toHaveTextContent('格式不正确'));
  });

  it('hides the tax and bank section for a natural person and opens the new record after submitting', async () => {
    const posted: Call[] = [];
    mockApi({
      '/api/v1/customers/duplicates': () => jsonResponse(200, []),
      'POST /api/v1/customers': (call) => {
        posted.push(call);
        return jsonResponse(201, customerView({ id: 42, name: '王先生', kind: 'natural', tax_id: null, legal_representative: null }));
      },
      '/api/v1/customers/42': () => jsonResponse(200, customerView({ id: 42, name: '王先生', kind: 'natural', can_review: false, access: 'owner' })),
      '/api/v1/customers/42/history': () => jsonResponse(200, { items: [], next_cursor: null }),
      '/api/v1/customers/42/reads': () => jsonResponse(200, []),
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    const { router } = await renderApp('/customers/new');
    await fill(user, await screen.findByLabelText('客户名称'), '王先生');
    expect(screen.getByRole('heading', { level: 2, name: '工商 / 税务 / 银行' })).toBeInTheDocument();
    await user.click(screen.getByText('自然人客户'));
    expect(screen.queryByRole('heading', { level: 2, name: '工商 / 税务 / 银行' })).not.toBeInTheDocument();
    await fill(user, within(screen.getByRole('group', { name: '联系人 1' })).getByLabelText('姓名'), '王先生');
    await user.click(screen.getByRole('button', { name: '提交审核' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/42'));
    expect(await screen.findByText('客户信息登记表已提交，等待部门经理审核。')).toBeInTheDocument();
    expect(posted[0]!.body).toMatchObject({ kind: 'natural', tax_id: null, bank_name: null, legal_representative: null });
  });
});
