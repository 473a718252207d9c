import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { petitionKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';

export { petitionKeys };

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

/** The case's petitions (newest first), whether the reader may raise one now, and the steps it may go back to. */
export function useCasePetitions(complaintId: number, enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: petitionKeys.ofComplaint(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}/petitions', { params: { path: { id: complaintId } } })),
    enabled: enabled && status === 'authenticated' && valid(complaintId),
  });
}

/** The general manager's box in My tasks: the petitions waiting for a decision, oldest first. */
export function usePendingPetitions(enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: petitionKeys.pending(),
    queryFn: async () => unwrap(await api.GET('/api/v1/petitions', { params: { query: { state: 'pending' } } })),
    enabled: enabled && status === 'authenticated',
    refetchInterval: 60_000,
  });
}
