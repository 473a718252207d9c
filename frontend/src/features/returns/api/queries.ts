import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { returnKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';
import { toReturnQuery, type ReturnFilters } from '../lib/filters';

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

export function useReturn(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: returnKeys.detail(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/returns/{id}', { params: { path: { id } } })),
    enabled: status === 'authenticated' && valid(id),
  });
}

/** 产品退换货汇总表: one keyset page at a time ("load more"), with the total the filters find. */
export function useReturnList(filters: ReturnFilters, limit = 20) {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: returnKeys.list(filters, limit),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/v1/returns', { params: { query: toReturnQuery(filters, pageParam, limit) } })),
    getNextPageParam: (page) => page.next_cursor ?? null,
    placeholderData: keepPreviousData,
    enabled: status === 'authenticated',
  });
}

/** The applications waiting for my step (My tasks and its badge share it). */
export function useReturnsToAct() {
  const { status } = useSession();
  return useQuery({
    queryKey: returnKeys.toAct(),
    queryFn: async () => unwrap(await api.GET('/api/v1/returns', { params: { query: { box: 'to_act', limit: 100 } } })),
    enabled: status === 'authenticated',
    refetchInterval: 60_000,
  });
}
