/**
 * The certificates list's tab and state filter, kept in the URL (a filtered
 * list is a link). Parsing drops what it does not know; serialising is canonical.
 */
import { isCode } from '../../../lib/codes';
import { ALLOWANCE_STATES, type AllowanceState } from './states';

export const BOXES = ['to_act', 'mine', 'all'] as const;
export type Box = (typeof BOXES)[number];
/** The list shows everything the caller may read unless a tab narrows it. */
export const DEFAULT_BOX: Box = 'all';

export interface AllowanceFilters {
  box: Box;
  state?: AllowanceState;
}

export function parseAllowanceFilters(params: URLSearchParams): AllowanceFilters {
  const box = params.get('box');
  const state = params.get('state');
  const filters: AllowanceFilters = { box: isCode(box, BOXES) ? box : DEFAULT_BOX };
  if (isCode(state, ALLOWANCE_STATES)) filters.state = state;
  return filters;
}

export function allowanceFiltersToParams(filters: AllowanceFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.box !== DEFAULT_BOX) params.set('box', filters.box);
  if (filters.state) params.set('state', filters.state);
  return params;
}

/** Filters set besides the tab. */
export function activeAllowanceFilters(filters: AllowanceFilters): number {
  return filters.state ? 1 : 0;
}

export function toAllowanceQuery(filters: AllowanceFilters, cursor: string | null, limit: number) {
  return { ...filters, limit, ...(cursor ? { cursor } : {}) };
}
