import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { letterKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';

export { letterKeys };

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

/** One 催办单 or 洽办单 (404 when its case is not the caller's to read). */
export function useLetter(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: letterKeys.detail(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/letters/{id}', { params: { path: { id } } })),
    enabled: status === 'authenticated' && valid(id),
  });
}

/** The case's letters, oldest first. */
export function useCaseLetters(complaintId: number, enabled = true) {
  const { status } = useSession();
  return useQuery({
    queryKey: letterKeys.ofComplaint(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}/letters', { params: { path: { id: complaintId } } })),
    enabled: enabled && status === 'authenticated' && valid(complaintId),
  });
}
