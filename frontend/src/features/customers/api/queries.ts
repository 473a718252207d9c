import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';
import { toCustomerQuery, type CustomerFilters } from '../lib/filters';

export type { CustomerFilters } from '../lib/filters';

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.lists(), filters] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (id: number) => [...customerKeys.details(), id] as const,
  history: (id: number) => [...customerKeys.all, 'history', id] as const,
  reads: (id: number) => [...customerKeys.all, 'reads', id] as const,
  duplicates: (name: string, taxId: string) => [...customerKeys.all, 'duplicates', name, taxId] as const,
  access: () => [...customerKeys.all, 'access'] as const,
  accessBox: (box: AccessBox) => [...customerKeys.access(), box] as const,
  handover: (userId: number) => [...customerKeys.all, 'handover', userId] as const,
};

export type AccessBox = 'mine' | 'to_decide';

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

export function useCustomerList(filters: CustomerFilters, enabled = true) {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: customerKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/customers', {
          params: { query: { ...toCustomerQuery(filters), limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: status === 'authenticated' && enabled,
  });
}

export function useCustomer(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/{id}', { params: { path: { id } } })),
    enabled: status === 'authenticated' && valid(id),
  });
}

/** 变更记录, oldest first (a record's history is short: one page of 200). */
export function useCustomerHistory(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: customerKeys.history(id),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/customers/{id}/history', { params: { path: { id }, query: { limit: 200 } } })),
    enabled: status === 'authenticated' && valid(id),
  });
}

/** 查阅记录; 403 for callers who may not see it (the tab is then hidden). */
export function useCustomerReads(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: customerKeys.reads(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/{id}/reads', { params: { path: { id } } })),
    enabled: status === 'authenticated' && valid(id),
  });
}

/** Records with the same normalised name or tax id, while a form is typed. */
export function useDuplicates(name: string, taxId: string, enabled = true) {
  const { status } = useSession();
  return useQuery({
    queryKey: customerKeys.duplicates(name, taxId),
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/customers/duplicates', {
          params: { query: { ...(name ? { name } : {}), ...(taxId ? { tax_id: taxId } : {}) } },
        }),
      ),
    enabled: status === 'authenticated' && enabled && (name !== '' || taxId !== ''),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

/** 档案借阅申请: the ones I filed, or the pending ones I decide. */
export function useAccessRequests(box: AccessBox) {
  const { status } = useSession();
  return useQuery({
    queryKey: customerKeys.accessBox(box),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/customers/access-requests', { params: { query: { box, limit: 200 } } })),
    enabled: status === 'authenticated',
  });
}

/** What handing a leaver over would move. */
export function useHandoverPreview(userId: number | undefined) {
  const { status } = useSession();
  return useQuery({
    queryKey: customerKeys.handover(userId ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/users/{id}/handover', { params: { path: { id: userId ?? 0 } } })),
    enabled: status === 'authenticated' && valid(userId ?? 0),
    staleTime: 0,
  });
}
