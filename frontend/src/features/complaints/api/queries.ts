import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys, returnKeys } from '../../../api/query-keys';
import { saveBlob } from '../../../lib/download';
import { useSession } from '../../auth/hooks/useSession';
import { toApiQuery, toFilterQuery, type ComplaintFilters } from '../lib/filters';

// The keys live with the shared ones: the 8D report's changes invalidate them too.
export { complaintKeys };

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

/** The earlier complaints of the case's product within the 8D policy's window (重复投诉). */
export function useRecurrence(id: number, enabled = true) {
  const { status } = useSession();
  return useQuery({
    queryKey: complaintKeys.recurrence(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/complaints/{id}/recurrence', { params: { path: { id } } })),
    enabled: enabled && status === 'authenticated' && Number.isSafeInteger(id) && id > 0,
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

/** How many complaints the filtered list holds (共 N 件). */
export function useComplaintCount(filters: ComplaintFilters) {
  const { status } = useSession();
  return useQuery({
    queryKey: complaintKeys.count(filters),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/complaints/count', { params: { query: toFilterQuery(filters) as never } })),
    placeholderData: keepPreviousData,
    enabled: status === 'authenticated',
  });
}

/**
 * 导出 Excel: the tracking sheet (客户投诉案件追踪表) of the filtered list,
 * fetched with the bearer token (worded in the UI language through the
 * client's Accept-Language), then saved as `fileName`.
 */
export async function exportComplaints(filters: ComplaintFilters, fileName: string): Promise<void> {
  const result = await api.GET('/api/v1/complaints/export', {
    params: { query: toFilterQuery(filters) as never },
    parseAs: 'blob',
  });
  saveBlob(unwrap(result) as unknown as Blob, fileName);
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
