import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';

export interface CustomerFilters {
  q?: string;
  market?: 'domestic' | 'foreign';
}

export const customerKeys = {
  all: ['customers'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.all, 'list', filters] as const,
  detail: (id: number) => [...customerKeys.all, 'detail', id] as const,
};

export function useCustomerList(filters: CustomerFilters) {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: customerKeys.list(filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/v1/customers', { params: { query: { ...filters, limit: 50, cursor: pageParam } } })),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: status === 'authenticated',
  });
}

export function useCustomer(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: customerKeys.detail(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/{id}', { params: { path: { id } } })),
    enabled: status === 'authenticated' && Number.isSafeInteger(id) && id > 0,
  });
}
