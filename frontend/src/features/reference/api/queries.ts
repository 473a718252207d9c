/**
 * Reference data many screens share: departments, customers (for pickers),
 * users and the approval policy. Cached longer than case data.
 */
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';

export const referenceKeys = {
  all: ['reference'] as const,
  departments: () => [...referenceKeys.all, 'departments'] as const,
  customers: () => [...referenceKeys.all, 'customers'] as const,
  users: () => [...referenceKeys.all, 'users'] as const,
  approvalTiers: () => [...referenceKeys.all, 'approval-tiers'] as const,
};

const LONG = 5 * 60_000;

export function useDepartments() {
  return useQuery({
    queryKey: referenceKeys.departments(),
    queryFn: async () => unwrap(await api.GET('/api/v1/departments')),
    staleTime: LONG,
  });
}

/** Follows next_cursor until the end (reference lists are short). */
async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor?: string | null }>,
  maxPages = 20,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.next_cursor) break;
    cursor = result.next_cursor;
  }
  return items;
}

/** Every customer the caller may see (for pickers and filters). */
export function useCustomerOptions() {
  return useQuery({
    queryKey: referenceKeys.customers(),
    queryFn: () =>
      allPages<Schemas['CustomerSummary']>(async (cursor) =>
        unwrap(await api.GET('/api/v1/customers', { params: { query: { limit: 200, cursor } } })),
      ),
    staleTime: LONG,
  });
}

export function useUsers(enabled = true) {
  return useQuery({
    queryKey: referenceKeys.users(),
    queryFn: () =>
      allPages<Schemas['UserView']>(async (cursor) =>
        unwrap(await api.GET('/api/v1/users', { params: { query: { limit: 200, cursor } } })),
      ),
    enabled,
  });
}

export function useApprovalTiers(enabled = true) {
  return useQuery({
    queryKey: referenceKeys.approvalTiers(),
    queryFn: async () => unwrap(await api.GET('/api/v1/policies/approval-tiers')),
    enabled,
  });
}
