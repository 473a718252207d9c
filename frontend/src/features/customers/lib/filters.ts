/**
 * The customer list's filters, kept in the URL (like the complaint list's):
 * forgiving parse, canonical serialisation. `status` is left out when it is
 * the default (已建档); the class travels as `class`.
 */
import { CATEGORIES, CLASSES, MARKETS, oneOf, STATUSES, type CustomerStatus } from './options';

export interface CustomerFilters {
  status: CustomerStatus;
  q?: string;
  category?: (typeof CATEGORIES)[number];
  customer_class?: (typeof CLASSES)[number];
  region?: string;
  market?: (typeof MARKETS)[number];
  claimable?: boolean;
}

function text(value: string | null, max = 100): string | undefined {
  const t = value?.trim();
  return t ? t.slice(0, max) : undefined;
}

export function parseCustomerFilters(params: URLSearchParams): CustomerFilters {
  const f: CustomerFilters = { status: oneOf(params.get('status'), STATUSES) ?? 'active' };
  const q = text(params.get('q'));
  const category = oneOf(params.get('category'), CATEGORIES);
  const customerClass = oneOf(params.get('class'), CLASSES);
  const region = text(params.get('region'), 50);
  const market = oneOf(params.get('market'), MARKETS);
  if (q) f.q = q;
  if (category) f.category = category;
  if (customerClass) f.customer_class = customerClass;
  if (region) f.region = region;
  if (market) f.market = market;
  if (params.get('claimable') === 'true') f.claimable = true;
  return f;
}

export function customerFiltersToParams(f: CustomerFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (f.status !== 'active') out.set('status', f.status);
  if (f.q?.trim()) out.set('q', f.q.trim());
  if (f.category) out.set('category', f.category);
  if (f.customer_class) out.set('class', f.customer_class);
  if (f.region?.trim()) out.set('region', f.region.trim());
  if (f.market) out.set('market', f.market);
  if (f.claimable) out.set('claimable', 'true');
  return out;
}

/** Filters set besides the status tab (for the "clear" button and the empty state). */
export function activeCustomerFilters(f: CustomerFilters): number {
  return [...customerFiltersToParams({ ...f, status: 'active' }).keys()].length;
}

export type CustomerQuery = Omit<CustomerFilters, 'claimable'> & { claimable?: true };

/** The GET /customers query (without paging). */
export function toCustomerQuery(f: CustomerFilters): CustomerQuery {
  const { claimable, ...rest } = f;
  return claimable ? { ...rest, claimable: true } : rest;
}
