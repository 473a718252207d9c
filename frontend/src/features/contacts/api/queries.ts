import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { contactKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';

export { contactKeys };

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

/** The case's contacts whose clocks started (404 when the case is not the caller's to read). */
export function useCaseContacts(complaintId: number, enabled = true) {
  const { status } = useSession();
  return useQuery({
    queryKey: contactKeys.ofComplaint(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}/customer-contacts', { params: { path: { id: complaintId } } })),
    enabled: enabled && status === 'authenticated' && valid(complaintId),
  });
}
