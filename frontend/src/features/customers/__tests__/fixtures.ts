import { startSession } from '../../../api/session';
import type { Me } from '../../../api/types';
import { mockApi as mockRoutes, type Call } from '../../../test/api';
import { jsonResponse } from '../../../test/render';

const now = Date.now();

export { problem, type Call } from '../../../test/api';

export function signIn(user: Partial<Me> & { roles: string[] }) {
  startSession({
    access_token: 'a',
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: 'r',
    user: { id: 1, username: 'sales', display_name: '张业务', department_id: 1, department_name: '业务一部', org_id: 1, org_name: '示例制造有限公司', ...user },
  });
}

export const users = [
  { id: 1, username: 'sales', display_name: '张业务', department_id: 1, roles: ['sales'], active: true, version: 1, created_at: '2026-01-01T00:00:00Z' },
  { id: 2, username: 'sales_manager', display_name: '李经理', department_id: 1, roles: ['sales_manager'], active: true, version: 1, created_at: '2026-01-01T00:00:00Z' },
  { id: 3, username: 'sales3', display_name: '钱业务', department_id: 1, roles: ['sales'], active: true, version: 1, created_at: '2026-01-01T00:00:00Z' },
  { id: 4, username: 'qa', display_name: '刘品保', department_id: 4, roles: ['qa'], active: true, version: 1, created_at: '2026-01-01T00:00:00Z' },
];
export const departments = [
  { id: 1, code: 'sales-1', name: '业务一部', kind: 'sales', active: true, version: 1 },
  { id: 4, code: 'quality', name: '质量管理部', kind: 'quality', active: true, version: 1 },
];

/** A whole record (CustomerView) for tests. */
export function customerView(overrides: Record<string, unknown> = {}) {
  return {
    id: 9,
    code: 'C-00009',
    name: '常州新材料有限公司',
    kind: 'legal',
    market: 'domestic',
    status: 'pending_review',
    category: 'general',
    customer_class: 'B',
    credit_grade: null,
    region: '华东',
    confidentiality: 'secret',
    supply_hold: false,
    owner_id: 3,
    owner_name: '钱业务',
    department_id: 1,
    contact_name: '周敏',
    contact_phone: '0519-8000 0009',
    protected_until: null,
    claimable: false,
    version: 5,
    updated_at: new Date(now - 3_600_000).toISOString(),
    industry: '新材料',
    company_nature: '民营',
    supervising_unit: null,
    legal_representative: '周建',
    tax_id: '91320400MA1XXXXX0X',
    bank_name: null,
    bank_account: null,
    address: '常州市武进区',
    credit_limit: null,
    payment_term_days: 0,
    first_contact_on: '2026-11-16',
    registration_due: '2026-11-23',
    registration_late: false,
    submitted_by: { id: 3, name: '钱业务' },
    submitted_at: new Date(now - 3_600_000).toISOString(),
    reviewed_by: null,
    reviewed_at: null,
    review_reason: null,
    archived_at: null,
    last_deal_on: null,
    department_name: '业务一部',
    contacts: [{ name: '周敏', title: '采购经理', phone: '0519-8000 0009', mobile: null, email: null }],
    staff: [],
    duplicates: [],
    access: 'department_manager',
    can_edit: true,
    can_review: true,
    can_claim: false,
    created_at: new Date(now - 3_600_000).toISOString(),
    ...overrides,
  };
}

/** The shared stub (src/test/api.ts), with users and departments answered too. */
export function mockApi(routes: Record<string, (call: Call) => Response>) {
  return mockRoutes(routes, (path) => {
    if (path === '/api/v1/users') return jsonResponse(200, { items: users, next_cursor: null });
    if (path === '/api/v1/departments') return jsonResponse(200, departments);
    return null;
  });
}
