/**
 * Reference data many screens share: departments, customers (for pickers),
 * users, production teams and the approval policy. Cached longer than case data.
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
  /** Under `users()`: a change to the users reaches it too. */
  departmentUsers: (departmentId: number) => [...referenceKeys.users(), 'department', departmentId] as const,
  teams: () => [...referenceKeys.all, 'teams'] as const,
  teamsOf: (departmentId: number | null) => [...referenceKeys.teams(), departmentId ?? 'all'] as const,
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

/** The production teams (班组), retired ones too (`active: false`): of one department, or all with `null`. */
export function useTeams(departmentId: number | null, enabled = true) {
  return useQuery({
    queryKey: referenceKeys.teamsOf(departmentId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/teams', { params: { query: departmentId === null ? {} : { department_id: departmentId } } })),
    enabled,
    staleTime: LONG,
  });
}

/** The active people of a department (a responsibility's person), at most 200. */
export function useDepartmentUsers(departmentId: number | undefined) {
  return useQuery({
    queryKey: referenceKeys.departmentUsers(departmentId ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/users', { params: { query: { department_id: departmentId, active: true, limit: 200 } } })).items,
    enabled: departmentId !== undefined,
    staleTime: LONG,
  });
}
