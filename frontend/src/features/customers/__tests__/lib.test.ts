import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { testI18n } from '../../../test/i18n';
import { customerActions } from '../lib/actions';
import { activeCustomerFilters, customerFiltersToParams, parseCustomerFilters, toCustomerQuery } from '../lib/filters';
import { fromCustomer, isPlaced, toNewCustomer, toPatch } from '../lib/form';
import { changeValue } from '../lib/history';
import { customerView } from './fixtures';

describe('customer list filters', () => {
  it('round-trip through the URL, dropping what is not known', () => {
    const f = parseCustomerFilters(new URLSearchParams('status=pending_review&q=%20苏州%20&class=A&category=key&region=华东&claimable=true&market=mars&x=1'));
    expect(f).toEqual({ status: 'pending_review', q: '苏州', customer_class: 'A', category: 'key', region: '华东', claimable: true });
    expect(customerFiltersToParams(f).toString()).toBe(
      new URLSearchParams('status=pending_review&q=苏州&category=key&class=A&region=华东&claimable=true').toString(),
    );
    expect(activeCustomerFilters(f)).toBe(5);
    expect(parseCustomerFilters(new URLSearchParams('status=bogus'))).toEqual({ status: 'active' });
    expect(customerFiltersToParams({ status: 'active' }).toString()).toBe('');
    expect(toCustomerQuery({ status: 'active', claimable: false } as never)).toEqual({ status: 'active' });
  });
});

describe('customer form values', () => {
  it('sends no tax or bank data for a natural person', () => {
    const body = toNewCustomer({ name: ' 王先生 ', kind: 'natural', tax_id: '913', bank_name: '工行', first_contact_on: dayjs('2026-11-20'), contacts: [{ name: '王先生 ', email: ' ' }] });
    expect(body).toMatchObject({ name: '王先生', kind: 'natural', tax_id: null, bank_name: null, first_contact_on: '2026-11-20', code: null });
    expect(body.contacts).toEqual([{ name: '王先生', title: null, phone: null, mobile: null, email: null }]);
  });

  it('patches only what changed (null clears)', () => {
    const initial = fromCustomer(customerView() as never);
    expect(toPatch(initial, initial)).toEqual({});
    const patch = toPatch({ ...initial, address: '', region: '华南', staff_ids: [4, 2] }, initial);
    expect(patch).toEqual({ address: null, region: '华南', staff_ids: [2, 4] });
  });

  it('places server paths on the form', () => {
    expect(isPlaced('contacts[0].name')).toBe(true);
    expect(isPlaced('staff_ids[1]')).toBe(true);
    expect(isPlaced('credit_limit')).toBe(false);
  });
});

describe('change history values', () => {
  it('speak the user language', async () => {
    const i18n = await testI18n('zh-CN');
    const names = { user: (id: number) => ({ 1: '张业务', 2: '李经理' })[id], department: () => '业务一部' };
    const v = (field: string, value: string | null) => changeValue(field, value, i18n.t, 'zh-CN', names);
    expect(v('category', 'key')).toBe('重点客户');
    expect(v('confidentiality', 'top_secret')).toBe('绝密');
    expect(v('staff', '1,2')).toBe('张业务、李经理');
    expect(v('owner_id', '9')).toBe('#9');
    expect(v('credit_limit_fen', '50000000')).toBe('¥500,000.00');
    expect(v('supply_hold', 'true')).toBe('是');
    expect(v('address', null)).toBe('—');
  });
});

describe('record actions', () => {
  const c = (o: Record<string, unknown>) => customerView(o) as never;
  it('follow the server flags, and the role for a transfer', () => {
    const manager = { roles: ['sales_manager'], department_id: 1 };
    expect(customerActions(c({}), manager)).toEqual(['review', 'edit', 'transfer']);
    expect(customerActions(c({ can_review: false, status: 'rejected' }), { roles: ['sales'], department_id: 1 })).toEqual(['resubmit', 'edit']);
    expect(customerActions(c({ can_review: false, can_edit: false, can_claim: true, status: 'active' }), { roles: ['sales'], department_id: 2 })).toEqual(['claim']);
    expect(customerActions(c({ can_review: false, can_edit: false }), { roles: ['sales_manager'], department_id: 2 })).toEqual([]);
    expect(customerActions(c({ can_review: false, can_edit: false, status: 'active' }), { roles: ['gm'], department_id: 7 })).toEqual(['transfer']);
  });
});
