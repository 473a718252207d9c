/**
 * The complaint list's filters, kept in the URL query string so a filtered
 * list is a shareable link. Parsing is forgiving (unknown or malformed values
 * are dropped); serialising is canonical (fixed order, empty values left out).
 */
import type { Schemas } from '../../../api/types';
import { everyCode, isCode } from '../../../lib/codes';
import { STATES, type State } from './states';

export const SORTS = ['created_at', '-created_at', 'updated_at', '-updated_at', 'step_due_at', '-step_due_at'] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = '-created_at';
export const SEVERITIES = everyCode<Schemas['Severity']>()(['severe', 'general', 'incidental']);
export const KINDS = everyCode<Schemas['ComplaintKind']>()(['quality', 'non_quality']);

export interface ComplaintFilters {
  state: State[];
  customer_id?: number;
  severity?: Schemas['Severity'];
  kind?: Schemas['ComplaintKind'];
  major?: boolean;
  overdue?: boolean;
  /** Only the complaints the caller filed (我发起的). */
  mine?: boolean;
  created_from?: string;
  created_to?: string;
  registered_from?: string;
  registered_to?: string;
  number?: string;
  q?: string;
  sort?: Sort;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_KEYS = ['created_from', 'created_to', 'registered_from', 'registered_to'] as const;
/** Canonical order of the query string. */
const ORDER = [
  'q',
  'number',
  'state',
  'customer_id',
  'severity',
  'kind',
  'major',
  'overdue',
  'mine',
  ...DATE_KEYS,
  'sort',
] as const;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: string | null, max = 100): string | undefined {
  const t = value?.trim();
  return t ? t.slice(0, max) : undefined;
}

export function emptyFilters(): ComplaintFilters {
  return { state: [] };
}

export function parseFilters(params: URLSearchParams): ComplaintFilters {
  const filters: ComplaintFilters = {
    state: [...new Set((params.get('state') ?? '').split(',').filter((s) => isCode(s, STATES)))],
  };
  const customer = Number(params.get('customer_id'));
  if (Number.isSafeInteger(customer) && customer > 0) filters.customer_id = customer;
  filters.severity = oneOf(params.get('severity'), SEVERITIES);
  filters.kind = oneOf(params.get('kind'), KINDS);
  if (params.get('major') === 'true') filters.major = true;
  if (params.get('overdue') === 'true') filters.overdue = true;
  if (params.get('mine') === 'true') filters.mine = true;
  for (const key of DATE_KEYS) {
    const value = params.get(key);
    if (value && DATE.test(value)) filters[key] = value;
  }
  filters.number = text(params.get('number'), 20);
  filters.q = text(params.get('q'));
  filters.sort = oneOf(params.get('sort'), SORTS);
  return prune(filters);
}

function prune(filters: ComplaintFilters): ComplaintFilters {
  const out: ComplaintFilters = { state: filters.state };
  for (const [key, value] of Object.entries(filters)) {
    if (key !== 'state' && value !== undefined && value !== '' && value !== false) {
      (out as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return out;
}

/** Query-string pairs in canonical order (the sort is left out when default). */
export function filtersToParams(filters: ComplaintFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (key === 'state') {
      if (filters.state.length) params.set('state', filters.state.join(','));
    } else if (key === 'sort') {
      if (value && value !== DEFAULT_SORT) params.set('sort', String(value));
    } else if (value !== undefined && value !== false && String(value).trim() !== '') {
      params.set(key, String(value).trim());
    }
  }
  return params;
}

export type ComplaintQuery = Record<string, string | number | boolean>;

/** The filters alone as API query values (what the count and the export take). */
export function toFilterQuery(filters: ComplaintFilters): ComplaintQuery {
  const query: ComplaintQuery = {};
  for (const [key, value] of filtersToParams(filters)) {
    if (key === 'sort') continue;
    query[key] = key === 'customer_id' ? Number(value) : value === 'true' ? true : value;
  }
  return query;
}

/** The GET /complaints query for a page of the filtered list. */
export function toApiQuery(filters: ComplaintFilters, cursor?: string | null, limit = 20): ComplaintQuery {
  const query: ComplaintQuery = { limit, sort: filters.sort ?? DEFAULT_SORT, ...toFilterQuery(filters) };
  if (cursor) query.cursor = cursor;
  return query;
}

/** How many filters are set (for the "clear" affordance). */
export function activeFilterCount(filters: ComplaintFilters): number {
  return [...filtersToParams({ ...filters, sort: undefined }).keys()].length;
}

/** antd Table sort order of a column under the current sort. */
export function columnSortOrder(sort: Sort | undefined, column: string): 'ascend' | 'descend' | null {
  const current = sort ?? DEFAULT_SORT;
  if (current === column) return 'ascend';
  if (current === `-${column}`) return 'descend';
  return null;
}

/** The sort param for a column clicked to an order (null order = default). */
export function sortFor(column: string, order: 'ascend' | 'descend' | null | undefined): Sort | undefined {
  if (!order) return undefined;
  return oneOf(order === 'ascend' ? column : `-${column}`, SORTS);
}
