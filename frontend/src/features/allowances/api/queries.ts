import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';
import { toAllowanceQuery, type AllowanceFilters } from '../lib/filters';

/**
 * Allowance certificates: the list, My tasks and the complaint page's section
 * all sit under `lists()`, so a change reaches them through one prefix.
 */
export const allowanceKeys = {
  all: ['allowances'] as const,
  lists: () => [...allowanceKeys.all, 'list'] as const,
  list: (filters: object, limit: number) => [...allowanceKeys.lists(), filters, limit] as const,
  toAct: () => [...allowanceKeys.lists(), 'to_act'] as const,
  ofComplaint: (complaintId: number) => [...allowanceKeys.lists(), 'complaint', complaintId] as const,
  detail: (id: number) => [...allowanceKeys.all, 'detail', id] as const,
};

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

async function fetchAllowance(id: number) {
  return unwrap(await api.GET('/api/v1/allowances/{id}', { params: { path: { id } } }));
}

export function useAllowance(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: allowanceKeys.detail(id),
    queryFn: () => fetchAllowance(id),
    enabled: status === 'authenticated' && valid(id),
  });
}

/** The certificates list: one keyset page at a time ("load more"), with the total the filters find. */
export function useAllowanceList(filters: AllowanceFilters, limit = 20) {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: allowanceKeys.list(filters, limit),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/v1/allowances', { params: { query: toAllowanceQuery(filters, pageParam, limit) } })),
    getNextPageParam: (page) => page.next_cursor ?? null,
    placeholderData: keepPreviousData,
    enabled: status === 'authenticated',
  });
}

/** The certificates waiting for my step (My tasks and its badge share it). */
export function useAllowancesToAct() {
  const { status } = useSession();
  return useQuery({
    queryKey: allowanceKeys.toAct(),
    queryFn: async () => unwrap(await api.GET('/api/v1/allowances', { params: { query: { box: 'to_act', limit: 100 } } })),
    enabled: status === 'authenticated',
    refetchInterval: 60_000,
  });
}

/** The certificates raised on a complaint (the ones the caller may read). */
export function useComplaintAllowances(complaintId: number, enabled = true) {
  const { status } = useSession();
  return useQuery({
    queryKey: allowanceKeys.ofComplaint(complaintId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/allowances', { params: { query: { box: 'all', complaint_id: complaintId, limit: 50 } } })),
    enabled: enabled && status === 'authenticated' && valid(complaintId),
  });
}

