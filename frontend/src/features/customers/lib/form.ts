/**
 * The customer registration form (客户信息登记表): antd form values to the
 * NewCustomerRequest / CustomerPatch and back. Tax and bank data belong to
 * legal entities only; for a natural person they are sent empty.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/types';

type Customer = Schemas['CustomerView'];

export interface ContactValues {
  name?: string;
  title?: string;
  phone?: string;
  mobile?: string;
  email?: string;
}

export interface CustomerValues {
  code?: string;
  name?: string;
  kind?: Schemas['CustomerKind'];
  market?: Schemas['MarketCode'];
  category?: Schemas['CustomerCategory'];
  customer_class?: Schemas['CustomerClass'] | null;
  region?: string;
  industry?: string;
  company_nature?: string;
  supervising_unit?: string;
  legal_representative?: string;
  tax_id?: string;
  bank_name?: string;
  bank_account?: string;
  address?: string;
  confidentiality?: Schemas['Confidentiality'];
  first_contact_on?: Dayjs | null;
  contacts?: ContactValues[];
  staff_ids?: number[];
  owner_id?: number;
}

/** 工商 / 税务 / 银行: legal entities only. */
export const LEGAL_FIELDS = ['legal_representative', 'tax_id', 'bank_name', 'bank_account'] as const;

/** The fields the form shows, as the server names them. */
export const CUSTOMER_FIELDS = [
  'code',
  'name',
  'kind',
  'market',
  'category',
  'customer_class',
  'region',
  'industry',
  'company_nature',
  'supervising_unit',
  'address',
  ...LEGAL_FIELDS,
  'confidentiality',
  'first_contact_on',
  'contacts',
  'staff_ids',
  'owner_id',
] as const;

/** `staff_ids[1]` is an error of the staff picker; `contacts[0].name` stays a row's field. */
export function formFieldName(field: string): string {
  return field.startsWith('staff_ids') ? 'staff_ids' : field;
}

/** Whether a server field path has a place in the form. */
export function isPlaced(field: string): boolean {
  const top = formFieldName(field).split(/[.[]/)[0] ?? field;
  return (CUSTOMER_FIELDS as readonly string[]).includes(top);
}

function text(value: string | undefined | null): string | null {
  const t = value?.trim();
  return t ? t : null;
}

export function toContacts(list: ContactValues[] | undefined): Schemas['ContactView'][] {
  return (list ?? []).map((k) => ({
    name: k.name?.trim() ?? '',
    title: text(k.title),
    phone: text(k.phone),
    mobile: text(k.mobile),
    email: text(k.email),
  }));
}

/** The body shared by registration and edit (what the form shows). */
function formBody(v: CustomerValues) {
  const legal = v.kind !== 'natural';
  return {
    name: v.name?.trim() ?? '',
    kind: v.kind ?? 'legal',
    market: v.market ?? 'domestic',
    category: v.category ?? 'general',
    customer_class: v.customer_class ?? null,
    region: text(v.region),
    industry: text(v.industry),
    company_nature: text(v.company_nature),
    supervising_unit: text(v.supervising_unit),
    address: text(v.address),
    legal_representative: legal ? text(v.legal_representative) : null,
    tax_id: legal ? text(v.tax_id) : null,
    bank_name: legal ? text(v.bank_name) : null,
    bank_account: legal ? text(v.bank_account) : null,
    confidentiality: v.confidentiality ?? 'secret',
    first_contact_on: v.first_contact_on ? v.first_contact_on.format('YYYY-MM-DD') : '',
    contacts: toContacts(v.contacts),
    staff_ids: [...(v.staff_ids ?? [])].sort((a, b) => a - b),
  } satisfies Partial<Schemas['NewCustomerRequest']>;
}

export function toNewCustomer(v: CustomerValues): Schemas['NewCustomerRequest'] {
  return { ...formBody(v), code: text(v.code), owner_id: v.owner_id ?? null };
}

export function fromCustomer(c: Customer): CustomerValues {
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    market: c.market,
    category: c.category,
    customer_class: c.customer_class ?? null,
    region: c.region ?? undefined,
    industry: c.industry ?? undefined,
    company_nature: c.company_nature ?? undefined,
    supervising_unit: c.supervising_unit ?? undefined,
    address: c.address ?? undefined,
    legal_representative: c.legal_representative ?? undefined,
    tax_id: c.tax_id ?? undefined,
    bank_name: c.bank_name ?? undefined,
    bank_account: c.bank_account ?? undefined,
    confidentiality: c.confidentiality,
    first_contact_on: c.first_contact_on ? dayjs(c.first_contact_on) : null,
    contacts: c.contacts.map((k) => ({
      name: k.name,
      title: k.title ?? undefined,
      phone: k.phone ?? undefined,
      mobile: k.mobile ?? undefined,
      email: k.email ?? undefined,
    })),
    staff_ids: c.staff.map((s) => s.id),
    owner_id: c.owner_id,
  };
}

/**
 * Only what the user changed (absent fields stay on the server; `null`
 * clears). Empty when nothing changed.
 */
export function toPatch(values: CustomerValues, initial: CustomerValues): Schemas['CustomerPatch'] {
  const next = formBody(values);
  const before = formBody(initial);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      patch[key] = key === 'first_contact_on' && !next[key] ? null : next[key];
    }
  }
  return patch as Schemas['CustomerPatch'];
}
