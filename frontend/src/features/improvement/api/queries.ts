import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { improvementKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';

export { improvementKeys };

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

/** The case's marks (人为疏忽, 非理性抱怨): only a registered case can have any. */
export function useCaseMarks(complaintId: number, enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: improvementKeys.marks(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}/marks', { params: { path: { id: complaintId } } })),
    enabled: enabled && status === 'authenticated' && valid(complaintId),
  });
}

/**
 * The closed case's effectiveness check (措施有效性验证), or null: only a case
 * closed resolved with corrective actions has one, and the server answers
 * 404 for the others.
 */
export function useEffectivenessCheck(complaintId: number, enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: improvementKeys.check(complaintId),
    queryFn: async () => {
      const result = await api.GET('/api/v1/complaints/{id}/effectiveness-check', { params: { path: { id: complaintId } } });
      if (result.response.status === 404) return null;
      return unwrap(result);
    },
    enabled: enabled && status === 'authenticated' && valid(complaintId),
  });
}

/** QA's box in My tasks: the scheduled checks due by today, the earliest due first. */
export function useDueChecks(enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: improvementKeys.dueChecks(),
    queryFn: async () => unwrap(await api.GET('/api/v1/effectiveness-checks', { params: { query: { state: 'scheduled', due: true } } })),
    enabled: enabled && status === 'authenticated',
    refetchInterval: 60_000,
  });
}

/** The case's deferral requests (newest first) and whether the reader may ask for one now. */
export function useCaseDeferrals(complaintId: number, enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: improvementKeys.deferrals(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}/deferrals', { params: { path: { id: complaintId } } })),
    enabled: enabled && status === 'authenticated' && valid(complaintId),
  });
}

/** The deputy GM's and the GM's box in My tasks: the requests waiting for a decision, oldest first. */
export function useWaitingDeferrals(enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: improvementKeys.waitingDeferrals(),
    queryFn: async () => unwrap(await api.GET('/api/v1/deferrals', { params: { query: { state: 'requested' } } })),
    enabled: enabled && status === 'authenticated',
    refetchInterval: 60_000,
  });
}
