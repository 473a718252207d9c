import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../../../api/session';
import { jsonResponse, renderApp } from '../../../test/render';
import { mockApi, problem, signIn, type Call } from './fixtures';

/** The file goes as the raw body (not JSON), so the import is answered before the JSON stub. */
function stubImport(answer: (call: Call) => Response) {
  const inner = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    if (url.pathname !== '/api/v1/customers/import') return inner(request);
    const call = { method: request.method, path: url.pathname, search: url.search, ifMatch: null, body: await request.text(), type: request.headers.get('Content-Type') };
    imports.push(call);
    return answer(call);
  });
}
import { importRowErrors } from '../lib/importErrors';

let imports: (Call & { type: string | null })[] = [];
beforeEach(() => {
  resetSessionForTests();
  imports = [];
});

describe('importRowErrors', () => {
  it('splits rows[N].field into row and field, file-level errors first, rows in order', () => {
    expect(importRowErrors({ 'rows[4].name': 'b', 'rows[3].category': 'a', file: 'c' })).toEqual([
      { key: 'file', row: null, field: 'file', message: 'c' },
      { key: 'rows[3].category', row: 3, field: 'category', message: 'a' },
      { key: 'rows[4].name', row: 4, field: 'name', message: 'b' },
    ]);
  });
});

describe('importing customers', () => {
  it('checks the file first: a refused file lists every bad row (row, field, message); a good one is then imported', async () => {
    signIn({ id: 8, username: 'marketing', display_name: '孙营销', department_id: 5, roles: ['marketing'] });
    let bad = true;
    mockApi({ '/api/v1/customers': () => jsonResponse(200, { items: [], next_cursor: null }) });
    stubImport((call) => {
        if (bad)
          return jsonResponse(
            422,
            problem(422, 'validation_failed', [
              { field: 'rows[3].category', code: 'invalid', message: 'unknown value `超级客户`' },
              { field: 'rows[2].owner', code: 'invalid', message: 'no such active user' },
            ]),
          );
        const dryRun = new URLSearchParams(call.search).get('dry_run') === 'true';
        return jsonResponse(200, { rows: 1, created: 1, updated: 0, unchanged: 0, dry_run: dryRun });
    });
    const user = userEvent.setup({ delay: null, pointerEventsCheck: 0 });
    await renderApp('/customers');
    await user.click(await screen.findByRole('button', { name: /导入/ }));
    const drawer = await screen.findByRole('dialog');
    const input = drawer.querySelector('input[type=file]') as HTMLInputElement;
    const file = (text: string) => new File([text], 'customers.csv', { type: 'text/csv' });
    await user.upload(input, file('客户名称,客户类别\n甲,超级客户\n'));
    await user.click(within(drawer).getByRole('button', { name: '检查' }));

    await waitFor(() => expect(imports).toHaveLength(1));
    const table = await within(drawer).findByTestId('import-errors');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent))).toEqual([
      // The import marks every bad cell `invalid`; the catalog's text shows, not the server's English.
      ['2', '业务员账号', '取值无效'],
      ['3', '客户类别', '取值无效'],
    ]);
    expect(within(drawer).getByText('文件有错误，未导入任何数据。请修改下列行后重新检查。')).toBeInTheDocument();
    expect(imports[0]).toMatchObject({ search: '?dry_run=true', type: 'text/csv', body: '客户名称,客户类别\n甲,超级客户\n' });
    expect(within(drawer).getByRole('button', { name: '导入' })).toBeDisabled();

    bad = false;
    await user.upload(input, file('客户名称,客户类别\n甲,一般客户\n'));
    await user.click(within(drawer).getByRole('button', { name: '检查' }));
    expect(await within(drawer).findByText('检查通过，可以导入：')).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: '导入' }));
    expect(await screen.findByText('导入完成：新增 1，更新 0，未变 0。')).toBeInTheDocument();
    await waitFor(() => expect(imports).toHaveLength(3));
    expect(imports[2]?.search).toBe('?dry_run=false');
  }, 40_000);
});
