import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';

/** A report is the complaint's (one each), so it is keyed by the complaint's id. */
export const eightDKeys = {
  all: ['eight-d'] as const,
  lists: () => [...eightDKeys.all, 'list'] as const,
  inReview: () => [...eightDKeys.lists(), 'in_review'] as const,
  detail: (complaintId: number) => [...eightDKeys.all, 'detail', complaintId] as const,
};

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

export function useEightD(complaintId: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: eightDKeys.detail(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}/8d', { params: { path: { id: complaintId } } })),
    enabled: status === 'authenticated' && valid(complaintId),
  });
}

/**
 * The complaint itself, for the printed report's customer and product. The
 * same key and read as the complaint page's (that feature builds on this
 * one, so it cannot be imported from here).
 */
export function useComplaintOfReport(complaintId: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: complaintKeys.detail(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}', { params: { path: { id: complaintId } } })),
    enabled: status === 'authenticated' && valid(complaintId),
  });
}

/** The reports waiting for the QA manager's approval (My tasks). */
export function useEightDInReview(enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: eightDKeys.inReview(),
    queryFn: async () => unwrap(await api.GET('/api/v1/8d-reports', { params: { query: { state: 'in_review' } } })),
    enabled: enabled && status === 'authenticated',
    refetchInterval: 60_000,
  });
}
