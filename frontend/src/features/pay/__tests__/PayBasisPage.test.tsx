import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, problem, type Call } from '../../../test/api';
import { jsonResponse, renderApp, signInForTests } from '../../../test/render';
import { basis, choose, departments, offered, rows, teams } from './fixtures';

let calls: Call[] = [];
let put: (call: Call) => Response = () => jsonResponse(200, basis());
const setup = () => userEvent.setup({ delay: null, pointerEventsCheck: 0 });

/** The list's reads, as query objects. */
const lists = () => calls.filter((c) => c.path === '/api/v1/pay-basis').map((c) => Object.fromEntries(new URLSearchParams(c.search)));

beforeEach(() => {
  put = () => jsonResponse(200, basis());
  calls = mockApi({
    '/api/v1/pay-basis': (call) =>
      jsonResponse(200, { items: new URLSearchParams(call.search).get('cursor') ? [] : rows, next_cursor: new URLSearchParams(call.search).get('cursor') ? null : 'n1' }),
    '/api/v1/departments': () => jsonResponse(200, departments),
    '/api/v1/teams': (call) => jsonResponse(200, teams.filter((t) => String(t.department_id) === new URLSearchParams(call.search).get('department_id'))),
    'PUT /api/v1/pay-basis/31': (call) => put(call),
    'PUT /api/v1/pay-basis/44': (call) => put(call),
  });
});

/** The cells of the row that names `name`. */
const cellsOf = (name: string) =>
  within(screen.getByRole('cell', { name }).closest('tr')!)
    .getAllByRole('cell')
    .map((c) => c.textContent);

describe('人员基点: base points and bonuses', () => {
  it('lists the people with their basis for HR, who may edit, export and import', async () => {
    signInForTests({ id: 9, display_name: '孙人事', roles: ['hr'] });
    const user = setup();
    await renderApp('/hr/pay-basis');
    expect(await screen.findByRole('heading', { level: 1, name: '人员基点' })).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: '主导航' })).getByRole('link', { name: '人员基点' })).toBeInTheDocument();
    await screen.findByRole('cell', { name: 'zhao.gong' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['账号', '姓名', '部门', '班组', '基点数', '月绩效奖金', '更新时间', '操作']);
    const zhao = cellsOf('zhao.gong');
    expect(zhao.slice(0, 6)).toEqual(['zhao.gong', '赵工', '制造部', '冲压一班', '1.50', '3,000.00']);
    expect(zhao[6]).toContain('2026-12-06');
    // No basis yet: 未设置.
    expect(cellsOf('qian.kj').slice(0, 6)).toEqual(['qian.kj', '钱会计', '财务部', '—', '未设置', '—']);
    expect(screen.getByRole('button', { name: '编辑 赵工 的基点与奖金' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /导出 Excel/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /导入/ })).toBeInTheDocument();

    // Filters: only the unset, a department; then the next page.
    await user.click(screen.getByRole('switch', { name: '只看未设置' }));
    await waitFor(() => expect(lists().at(-1)).toMatchObject({ missing: 'true' }));
    await choose(user, document.body, '部门', '财务部');
    await waitFor(() => expect(lists().at(-1)).toMatchObject({ missing: 'true', department_id: '7' }));
    await user.click(screen.getByRole('button', { name: '加载更多' }));
    await waitFor(() => expect(lists().at(-1)).toMatchObject({ department_id: '7', cursor: 'n1' }));
  });

  it('shows a reader who is not HR the list without edit, export or import', async () => {
    signInForTests({ id: 12, display_name: '周财务', roles: ['finance'] });
    await renderApp('/hr/pay-basis');
    await screen.findByRole('cell', { name: 'zhao.gong' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['账号', '姓名', '部门', '班组', '基点数', '月绩效奖金', '更新时间']);
    expect(screen.queryByRole('button', { name: /编辑/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /导出/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /导入/ })).not.toBeInTheDocument();
    expect(screen.getByText('您只能查看有权查看的人员；基点与奖金由人力资源部维护。')).toBeInTheDocument();
  });

  it('shows the nav entry only to those who read other people’s basis (anyone may still open the page)', async () => {
    signInForTests({ id: 3, display_name: '王业务', roles: ['sales'] });
    await renderApp('/hr/pay-basis');
    await screen.findByRole('cell', { name: 'zhao.gong' });
    expect(within(screen.getByRole('navigation', { name: '主导航' })).queryByRole('link', { name: '人员基点' })).not.toBeInTheDocument();
  });

  it('edits a person: the active teams of his department, checked points, sent with If-Match', async () => {
    signInForTests({ id: 9, display_name: '孙人事', roles: ['hr'] });
    const user = setup();
    await renderApp('/hr/pay-basis');
    await user.click(await screen.findByRole('button', { name: '编辑 赵工 的基点与奖金' }));
    const drawer = await screen.findByRole('dialog', { name: '基点与奖金：赵工' });
    expect(within(drawer).getByLabelText('基点数')).toHaveValue('1.50');
    expect(within(drawer).getByLabelText('月绩效奖金')).toHaveValue('3000.00');
    // The retired 冲压二班 is not offered.
    await waitFor(async () => expect(await offered(drawer, '班组')).toEqual(['冲压一班', '装配班']));
    await user.click([...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((o) => o.textContent === '装配班')!);

    const points = within(drawer).getByLabelText('基点数');
    await user.clear(points);
    await user.type(points, '1.234');
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('请输入大于 0、不超过 1000 的数字，最多两位小数（如 1.5）')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);

    await user.clear(points);
    await user.type(points, '1.5');
    const bonus = within(drawer).getByLabelText('月绩效奖金');
    await user.clear(bonus);
    await user.type(bonus, '3200');
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('已保存 赵工 的基点与奖金。')).toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'PUT')!;
    expect(sent.path).toBe('/api/v1/pay-basis/31');
    expect(sent.ifMatch).toBe('"2"');
    expect(sent.body).toEqual({ team_id: 3, base_points: '1.5', monthly_bonus: '3200' });
  });

  it('sets a first basis with If-Match "0", without a team', async () => {
    signInForTests({ id: 9, display_name: '孙人事', roles: ['hr'] });
    put = () => jsonResponse(200, rows[1]);
    const user = setup();
    await renderApp('/hr/pay-basis');
    await user.click(await screen.findByRole('button', { name: '编辑 钱会计 的基点与奖金' }));
    const drawer = await screen.findByRole('dialog', { name: '基点与奖金：钱会计' });
    expect(await within(drawer).findByText('此部门没有在用的班组')).toBeInTheDocument();
    await user.type(within(drawer).getByLabelText('基点数'), '2');
    await user.type(within(drawer).getByLabelText('月绩效奖金'), '4500.00');
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const sent = calls.find((c) => c.method === 'PUT')!;
    expect(sent.ifMatch).toBe('"0"');
    expect(sent.body).toEqual({ team_id: null, base_points: '2', monthly_bonus: '4500.00' });
  });

  it('says so and refetches when someone saved meanwhile (412); a server message lands at its field', async () => {
    signInForTests({ id: 9, display_name: '孙人事', roles: ['hr'] });
    put = () => jsonResponse(412, problem(412, 'precondition_failed'));
    const user = setup();
    await renderApp('/hr/pay-basis');
    await user.click(await screen.findByRole('button', { name: '编辑 赵工 的基点与奖金' }));
    const drawer = await screen.findByRole('dialog', { name: '基点与奖金：赵工' });
    const before = lists().length;
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    expect(await within(drawer).findByText('此人的基点刚被他人修改，已载入最新内容，请核对后再保存。')).toBeInTheDocument();
    await waitFor(() => expect(lists().length).toBeGreaterThan(before));

    put = () => jsonResponse(422, problem(422, 'validation_failed', [{ field: 'team', code: 'not_found', message: 'no active team' }]));
    await user.click(within(drawer).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(drawer).getByLabelText('班组').closest('.ant-form-item')).toHaveTextContent('不存在'));
  });
});

describe('人员基点: the import', () => {
  it('tries the file first and lists each bad row as 第 N 行 · 字段: message', async () => {
    signInForTests({ id: 9, display_name: '孙人事', roles: ['hr'] });
    const imports: { search: string; type: string | null; body: string }[] = [];
    const inner = globalThis.fetch;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const url = new URL(request.url);
      if (url.pathname !== '/api/v1/pay-basis/import') return inner(request);
      imports.push({ search: url.search, type: request.headers.get('Content-Type'), body: await request.text() });
      return jsonResponse(
        422,
        problem(422, 'validation_failed', [
          { field: 'rows[3].base_points', code: 'format', message: 'a number with at most two decimals, such as 1.5' },
          { field: 'rows[2].username', code: 'not_found', message: 'no active person with the account `li.si`' },
        ]),
      );
    });
    const user = setup();
    await renderApp('/hr/pay-basis');
    await user.click(await screen.findByRole('button', { name: /导入/ }));
    const drawer = await screen.findByRole('dialog', { name: '导入人员基点及绩效奖金表' });
    expect(within(drawer).getByText('表格列：账号、姓名、部门、班组、基点数、月绩效奖金。姓名和部门仅供核对，班组填名称（留空为不属于班组）。')).toBeInTheDocument();
    const text = '账号,姓名,部门,班组,基点数,月绩效奖金\nli.si,李四,制造部,,1,3000\n';
    await user.upload(drawer.querySelector('input[type=file]') as HTMLInputElement, new File([text], 'pay.csv', { type: 'text/csv' }));
    await user.click(within(drawer).getByRole('button', { name: '试导入' }));
    const list = await within(drawer).findByTestId('import-errors');
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['第 2 行 · 账号: 不存在', '第 3 行 · 基点数: 格式不正确']);
    expect(within(drawer).getByText('文件有错误，未导入任何数据。请修改下列行后重新试导入。')).toBeInTheDocument();
    expect(imports[0]).toEqual({ search: '?dry_run=true', type: 'text/csv', body: text });
    expect(within(drawer).getByRole('button', { name: '导入' })).toBeDisabled();
  });
});
