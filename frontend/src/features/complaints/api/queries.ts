import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { returnKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';
import { toApiQuery, type ComplaintFilters } from '../lib/filters';

export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (filters: ComplaintFilters, limit: number) => [...complaintKeys.lists(), filters, limit] as const,
  details: () => [...complaintKeys.all, 'detail'] as const,
  detail: (id: number) => [...complaintKeys.details(), id] as const,
  events: (id: number) => [...complaintKeys.all, 'events', id] as const,
};

export function useComplaint(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: complaintKeys.detail(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/complaints/{id}', { params: { path: { id } } })),
    enabled: status === 'authenticated' && Number.isSafeInteger(id) && id > 0,
  });
}

export function useComplaintEvents(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: complaintKeys.events(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/complaints/{id}/events', { params: { path: { id }, query: { limit: 200 } } })),
    enabled: status === 'authenticated' && Number.isSafeInteger(id) && id > 0,
  });
}

/** The filtered list, one keyset page at a time ("load more"). */
export function useComplaintList(filters: ComplaintFilters, limit = 20) {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: complaintKeys.list(filters, limit),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/complaints', {
          params: { query: toApiQuery(filters, pageParam, limit) as never },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? null,
    placeholderData: keepPreviousData,
    enabled: status === 'authenticated',
  });
}

/** The return applications raised from this complaint's lines (one short page). */
export function useComplaintReturns(id: number, enabled = true) {
  const { status } = useSession();
  return useQuery({
    queryKey: returnKeys.ofComplaint(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/returns', { params: { query: { box: 'all', complaint_id: id, limit: 50 } } })),
    enabled: enabled && status === 'authenticated' && Number.isSafeInteger(id) && id > 0,
  });
}
