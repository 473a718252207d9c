/**
 * The returns summary's tab and filters, kept in the URL (a filtered list is
 * a link). Parsing drops what it does not know; serialising is canonical.
 */
import { isCode } from '../../../lib/codes';
import { RETURN_KINDS, RETURN_STATES, type ReturnKind, type ReturnState } from './states';

export const BOXES = ['to_act', 'mine', 'all'] as const;
export type Box = (typeof BOXES)[number];
/** The summary shows everything the caller may read unless a tab narrows it. */
export const DEFAULT_BOX: Box = 'all';

export interface ReturnFilters {
  box: Box;
  state?: ReturnState;
  kind?: ReturnKind;
  created_from?: string;
  created_to?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const date = (value: string | null) => (value && DATE.test(value) ? value : undefined);

export function parseReturnFilters(params: URLSearchParams): ReturnFilters {
  const box = params.get('box');
  const state = params.get('state');
  const kind = params.get('kind');
  return prune({
    box: isCode(box, BOXES) ? box : DEFAULT_BOX,
    state: isCode(state, RETURN_STATES) ? state : undefined,
    kind: isCode(kind, RETURN_KINDS) ? kind : undefined,
    created_from: date(params.get('created_from')),
    created_to: date(params.get('created_to')),
  });
}

export function returnFiltersToParams(filters: ReturnFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.box !== DEFAULT_BOX) params.set('box', filters.box);
  for (const key of ['state', 'kind', 'created_from', 'created_to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** Filters set besides the tab. */
export function activeReturnFilters(filters: ReturnFilters): number {
  return [filters.state, filters.kind, filters.created_from || filters.created_to].filter(Boolean).length;
}

export function toReturnQuery(filters: ReturnFilters, cursor: string | null, limit: number) {
  return { ...filters, limit, ...(cursor ? { cursor } : {}) };
}

function prune(filters: ReturnFilters): ReturnFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as unknown as ReturnFilters;
}
