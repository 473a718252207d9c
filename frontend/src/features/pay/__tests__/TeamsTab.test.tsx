import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { choose, departments, teams } from './fixtures';

let calls: Call[] = [];
let post: (call: Call) => Response = () => jsonResponse(201, {});
let patch: (call: Call) => Response = () => jsonResponse(200, {});
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

beforeEach(() => {
  calls = mockApi({
    '/api/v1/pay-basis': () => jsonResponse(200, { items: [], next_cursor: null }),
    '/api/v1/departments': () => jsonResponse(200, departments),
    '/api/v1/teams': () => jsonResponse(200, teams),
    'POST /api/v1/teams': (call) => post(call),
    'PATCH /api/v1/teams/1': (call) => patch(call),
  });
});

const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('tr') as HTMLElement;
const cellsOf = (name: string) =>
  within(rowOf(name))
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('人员基点: the teams (班组)', () => {
  it('lists the teams by department for any reader, without the keepers’ buttons', async () => {
    signInForTests({ id: 12, display_name: '周财务', roles: ['finance'] });
    const user = setup();
    await renderApp('/hr/pay-basis?tab=teams');
    await screen.findByRole('cell', { name: '冲压一班' });
    expect(screen.getByText('班组不可改名，停用后保留在已结案件中。')).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['部门', '班组', '状态']);
    expect(cellsOf('冲压一班')).toEqual(['制造部', '冲压一班', '在用']);
    expect(cellsOf('冲压二班')).toEqual(['制造部', '冲压二班', '已停用']);
    expect(screen.queryByRole('button', { name: /添加班组/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /停用班组/ })).not.toBeInTheDocument();

    await choose(user, document.body, '按部门筛选', '财务部');
    await waitFor(() => expect(screen.queryByRole('cell', { name: '冲压一班' })).not.toBeInTheDocument());
    expect(screen.getByText('暂无班组')).toBeInTheDocument();
  });

  it('lets HR add a team, and shows the server’s duplicate at the name', async () => {
    signInForTests({ id: 9, display_name: '孙人事', roles: ['hr'] });
    post = () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'name', code: 'duplicate', message: 'the department has a team of that name' }]));
    const user = setup();
    await renderApp('/hr/pay-basis?tab=teams');
    await screen.findByRole('cell', { name: '冲压一班' });
    const form = screen.getByRole('form', { name: '添加班组' });
    await choose(user, form, '部门', '制造部');
    await user.type(within(form).getByLabelText('班组名称'), ' 冲压一班 ');
    await user.click(within(form).getByRole('button', { name: /添加班组/ }));
    await waitFor(() => expect(within(form).getByLabelText('班组名称').closest('.ant-form-item')).toHaveTextContent('已登记过'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ department_id: 5, name: '冲压一班' });

    post = () => jsonResponse(201, { id: 9, department_id: 5, name: '喷涂班', active: true, version: 1 });
    await user.clear(within(form).getByLabelText('班组名称'));
    await user.type(within(form).getByLabelText('班组名称'), '喷涂班');
    await user.click(within(form).getByRole('button', { name: /添加班组/ }));
    expect(await screen.findByText('已添加班组 喷涂班。')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').at(-1)?.body).toEqual({ department_id: 5, name: '喷涂班' });
  });

  it('lets the administrator retire a team with If-Match, and says so when it changed meanwhile', async () => {
    signInForTests({ id: 1, display_name: '系统管理员', roles: ['admin'] });
    patch = () => jsonResponse(200, { ...teams[0], active: false, version: 2 });
    const user = setup();
    await renderApp('/hr/pay-basis?tab=teams');
    await user.click(await screen.findByRole('button', { name: '停用班组 冲压一班' }));
    expect(await screen.findByText('已停用班组 冲压一班。')).toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'PATCH')!;
    expect(sent.ifMatch).toBe('"1"');
    expect(sent.body).toEqual({ active: false });
    expect(screen.getByRole('button', { name: '启用班组 冲压二班' })).toBeInTheDocument();

    patch = () => jsonResponse(412, problem(412, 'precondition_failed'));
    await user.click(screen.getByRole('button', { name: '停用班组 冲压一班' }));
    expect(await screen.findByText('此班组刚被他人修改，已显示最新状态，请核对后重试。')).toBeInTheDocument();
  });
});
