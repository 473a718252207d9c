import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys, supplierKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';
import type { SupplierState } from '../lib/supplier';

export { supplierKeys };

const valid = (id: number) => Number.isSafeInteger(id) && id > 0;

/** The case's supplier corrective-action requests, newest first. */
export function useCaseSupplierRequests(complaintId: number, enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: supplierKeys.ofComplaint(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}/supplier-requests', { params: { path: { id: complaintId } } })),
    enabled: enabled && status === 'authenticated' && valid(complaintId),
  });
}

/** A My-tasks box: the requests in a state, of the cases I may read, by due date. */
export function useSupplierRequests(state: SupplierState, enabled: boolean) {
  const { status } = useSession();
  return useQuery({
    queryKey: supplierKeys.list(state),
    queryFn: async () => unwrap(await api.GET('/api/v1/supplier-requests', { params: { query: { state } } })),
    enabled: enabled && status === 'authenticated',
    refetchInterval: 60_000,
  });
}

/**
 * The complaint itself, for the printed request's product and quantities.
 * The same key and read as the complaint page's (that feature builds on
 * this one, so it cannot be imported from here).
 */
export function useComplaintOfRequest(complaintId: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: complaintKeys.detail(complaintId),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/{id}', { params: { path: { id: complaintId } } })),
    enabled: status === 'authenticated' && valid(complaintId),
  });
}
