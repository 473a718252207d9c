import { fireEvent, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import type { Schemas } from '../../../api/types';

export const departments = [
  { id: 5, code: 'production', name: '制造部', kind: 'production', active: true, version: 1 },
  { id: 7, code: 'finance', name: '财务部', kind: 'finance', active: true, version: 1 },
];

/** 制造部's teams, a retired one too; 财务部 has none. */
export const teams: Schemas['TeamView'][] = [
  { id: 1, department_id: 5, name: '冲压一班', active: true, version: 1 },
  { id: 2, department_id: 5, name: '冲压二班', active: false, version: 3 },
  { id: 3, department_id: 5, name: '装配班', active: true, version: 1 },
];

export function basis(overrides: Partial<Schemas['PayBasisView']> = {}): Schemas['PayBasisView'] {
  return {
    user_id: 31,
    username: 'zhao.gong',
    display_name: '赵工',
    department_id: 5,
    department_name: '制造部',
    team_id: 1,
    team_name: '冲压一班',
    base_points: '1.50',
    monthly_bonus: '3000.00',
    version: 2,
    updated_at: '2026-12-06T02:00:00Z',
    ...overrides,
  };
}

/** 赵工 with his basis, 钱会计 without one yet (version 0). */
export const rows = [
  basis(),
  basis({ user_id: 44, username: 'qian.kj', display_name: '钱会计', department_id: 7, department_name: '财务部', team_id: null, team_name: null, base_points: null, monthly_bonus: null, version: 0, updated_at: null }),
];

/** Picks `text` in the select labelled `label` (inside `scope`). */
export async function choose(user: ReturnType<typeof userEvent.setup>, scope: HTMLElement, label: string, text: string) {
  fireEvent.mouseDown(within(scope).getByRole('combobox', { name: label }).closest('.ant-select-selector')!);
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')].find((el) => el.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found as HTMLElement;
  });
  await user.click(option);
}

/** The texts of the options the select labelled `label` offers (opens it). */
export async function offered(scope: HTMLElement, label: string): Promise<string[]> {
  fireEvent.mouseDown(within(scope).getByRole('combobox', { name: label }).closest('.ant-select-selector')!);
  return waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')];
    if (!found.length) throw new Error(`no options for ${label}`);
    return found.map((el) => el.textContent ?? '');
  });
}
