import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys, supplierKeys } from '../../../api/query-keys';
import type { Schemas } from '../../../api/types';
import { ifMatch } from '../../eight-d/api/mutations';
import type { SupplierAction, SupplierRequest } from '../lib/supplier';

export interface ActOnSupplierRequest {
  request: SupplierRequest;
  action: SupplierAction;
  body: Schemas['SupplierActionBody'];
}

/**
 * 登记回复 / 接受 / 退回 / 取消, against the request's version (412 when it
 * changed, 409 when it moved on). Each is an entry in the case's history and
 * moves the request between the My-tasks boxes.
 */
export function useActOnSupplierRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ request, action, body }: ActOnSupplierRequest) =>
      unwrap(
        await api.POST('/api/v1/complaints/{id}/supplier-requests/{request_id}/actions/{action}', {
          params: { path: { id: request.complaint.id, request_id: request.id, action }, header: { 'If-Match': ifMatch(request.version) } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      const complaintId = saved.complaint.id;
      void queryClient.invalidateQueries({ queryKey: supplierKeys.ofComplaint(complaintId) });
      void queryClient.invalidateQueries({ queryKey: supplierKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaintId) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.events(complaintId) });
    },
  });
}
