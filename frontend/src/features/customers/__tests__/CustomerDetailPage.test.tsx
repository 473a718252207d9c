import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetSessionForTests } from '../../../api/session';
import { jsonResponse, renderApp } from '../../../test/render';
import { customerView, mockApi, problem, signIn, type Call } from './fixtures';

const history = {
  items: [
    { id: 1, field: 'status', old_value: null, new_value: 'pending_review', source: 'registration', changed_by: { id: 3, name: '钱业务' }, changed_at: '2026-11-20T02:00:00Z' },
    { id: 2, field: 'staff', old_value: '', new_value: '1,2', source: 'edit', changed_by: { id: 3, name: '钱业务' }, changed_at: '2026-11-20T03:00:00Z' },
  ],
  next_cursor: null,
};

let current = customerView();
let reviewStatus = 200;
let posted: Call[] = [];

function api(reads: 'ok' | 'forbidden' = 'ok') {
  return mockApi({
    '/api/v1/customers/9': () => jsonResponse(200, current),
    '/api/v1/customers/9/history': () => jsonResponse(200, history),
    '/api/v1/customers/9/reads': () =>
      reads === 'ok'
        ? jsonResponse(200, [{ id: 1, user: { id: 2, name: '李经理' }, basis: 'department_manager', what: 'record', at: '2026-11-20T04:00:00Z' }])
        : jsonResponse(403, problem(403, 'forbidden')),
    'POST /api/v1/customers/9/review': (call) => {
      posted.push(call);
      if (reviewStatus === 412) {
        current = customerView({ version: 6 });
        return jsonResponse(412, problem(412, 'precondition_failed'));
      }
      return jsonResponse(200, { ...current, status: 'rejected', can_review: false, review_reason: '缺少税号', version: 6 });
    },
  });
}

beforeEach(() => {
  resetSessionForTests();
  current = customerView();
  reviewStatus = 200;
  posted = [];
});

describe('customer detail', () => {
  it('offers the reviewer 审核 and sends a rejection with its reason and If-Match', async () => {
    signIn({ id: 2, username: 'sales_manager', display_name: '李经理', roles: ['sales_manager'] });
    api();
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/9');
    expect(await screen.findByRole('heading', { level: 1, name: '常州新材料有限公司' })).toBeInTheDocument();
    expect(screen.getByText('此客户登记等待您审核：请核对资料和可能重复的客户，然后核准或退回。')).toBeInTheDocument();
    expect(screen.getByTestId('access-note')).toHaveTextContent('您以「部门经理」身份查阅此档案');

    await user.click(screen.getByRole('button', { name: '审核' }));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByTestId('next-step')).toHaveTextContent('核准后客户正式建档');
    await user.click(within(drawer).getByText('退回'));
    await user.click(within(drawer).getByRole('button', { name: '退回' }));
    expect(await within(drawer).findByText('此项为必填')).toBeInTheDocument();
    expect(posted).toHaveLength(0);
    await user.type(within(drawer).getByLabelText('退回理由'), '缺少税号');
    await user.click(within(drawer).getByRole('button', { name: '退回' }));
    expect(await screen.findByText('已退回给业务员。')).toBeInTheDocument();
    expect(posted[0]).toMatchObject({ ifMatch: '"5"', body: { decision: 'reject', reason: '缺少税号' } });
  });

  it('explains a 412 in the review drawer and refreshes the record', async () => {
    signIn({ id: 2, username: 'sales_manager', display_name: '李经理', roles: ['sales_manager'] });
    reviewStatus = 412;
    api();
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/9');
    await user.click(await screen.findByRole('button', { name: '审核' }));
    const drawer = await screen.findByRole('dialog');
    await user.click(within(drawer).getByRole('button', { name: '核准' }));
    expect(await within(drawer).findByText(/此客户档案刚被他人修改/)).toBeInTheDocument();
    expect(posted[0]).toMatchObject({ ifMatch: '"5"', body: { decision: 'approve', reason: null } });
  });

  it('shows no review button when can_review is false, and hides 查阅记录 on a 403', async () => {
    signIn({ id: 3, username: 'sales3', display_name: '钱业务', roles: ['sales'] });
    current = customerView({
      can_review: false,
      access: 'owner',
      duplicates: [{ id: 1, code: 'C-0001', name: '常州新材料股份有限公司', status: 'active', owner: { id: 1, name: '张业务' }, matched: ['name'], registered_at: null }],
    });
    api('forbidden');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/9');
    expect(await screen.findByRole('heading', { level: 1, name: '常州新材料有限公司' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '编辑' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '审核' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '移交' })).not.toBeInTheDocument();
    expect(screen.getByTestId('duplicates')).toHaveTextContent('已有同名客户 C-0001 常州新材料股份有限公司，归属 张业务（已建档）');
    expect(screen.queryByTestId('access-note')).not.toBeInTheDocument();

    await waitFor(() => expect(screen.queryByRole('tab', { name: '查阅记录' })).not.toBeInTheDocument());
    await user.click(screen.getByRole('tab', { name: '变更记录' }));
    const change = (text: string) => (_: string, el: Element | null) => !!el?.classList.contains('kehu-change') && el.textContent === text;
    expect(await screen.findByText(change('— → 张业务、李经理'))).toBeInTheDocument();
    expect(screen.getByText(change('— → 待审核'))).toBeInTheDocument();
    expect(screen.getByText('协办人员', { selector: '.kehu-event__what strong' })).toBeInTheDocument();
  });

  it('lists who read the record for its department manager', async () => {
    signIn({ id: 2, username: 'sales_manager', display_name: '李经理', roles: ['sales_manager'] });
    api('ok');
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers/9');
    await user.click(await screen.findByRole('tab', { name: '查阅记录' }));
    const row = (await screen.findByText('李经理', { selector: 'td' })).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('部门经理');
    expect(row).toHaveTextContent('查看档案');
    expect(screen.getByRole('button', { name: '移交' })).toBeInTheDocument();
  });
});
