import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { improvementKeys, letterKeys, petitionKeys, supplierKeys, taskKeys } from '../../../api/query-keys';
import type { Schemas } from '../../../api/types';
import { notificationKeys } from '../../notifications/api/queries';
import type { ActionName } from '../lib/actions';
import { complaintKeys } from './queries';

type Complaint = Schemas['ComplaintView'];

/** `If-Match` value for a version: the ETag the server gave, quoted. */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

function useAfterChange() {
  const queryClient = useQueryClient();
  return (complaint: Complaint) => {
    queryClient.setQueryData(complaintKeys.detail(complaint.id), complaint);
    void queryClient.invalidateQueries({ queryKey: complaintKeys.events(complaint.id) });
    // Registration may link the case to an earlier one (repeat_of).
    void queryClient.invalidateQueries({ queryKey: complaintKeys.recurrence(complaint.id) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.lists() });
    // Closing schedules the effectiveness check and ends who may mark the case.
    void queryClient.invalidateQueries({ queryKey: improvementKeys.ofComplaint(complaint.id) });
    // The step decides who may raise a petition and where the case may go back to.
    void queryClient.invalidateQueries({ queryKey: petitionKeys.ofComplaint(complaint.id) });
    // Concluding the investigation raises a request to each supplier named, and cancels those no longer named.
    void queryClient.invalidateQueries({ queryKey: supplierKeys.ofComplaint(complaint.id) });
    void queryClient.invalidateQueries({ queryKey: supplierKeys.lists() });
    // 催办 issues a reminder; leaving a late step ends the reminders that chase it.
    void queryClient.invalidateQueries({ queryKey: letterKeys.ofComplaint(complaint.id) });
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
}

export interface SaveIntake {
  /** Absent: create a new draft. */
  id?: number;
  version?: number;
  body: Schemas['IntakeRequest'];
}

/** 保存草稿: POST a new draft or PATCH the one being edited. */
export function useSaveIntake() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, body }: SaveIntake): Promise<Complaint> => {
      if (id === undefined || version === undefined) {
        return unwrap(await api.POST('/api/v1/complaints', { params: { header: {} }, body }));
      }
      return unwrap(
        await api.PATCH('/api/v1/complaints/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      );
    },
    onSuccess: afterChange,
  });
}

export interface TakeAction {
  id: number;
  version: number;
  action: ActionName;
  body: object;
}

/** A workflow action; 412 when the case changed, 409 when the state moved on. */
export function useComplaintAction() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, action, body }: TakeAction) =>
      unwrap(
        await api.POST('/api/v1/complaints/{id}/actions/{action}', {
          params: { path: { id, action }, header: { 'If-Match': ifMatch(version) } },
          // openapi.json describes ActionBody as an externally tagged union
          // ({"Register": {...}}); the server takes the plain body of the action.
          body: body as unknown as Schemas['ActionBody'],
        }),
      ),
    onSuccess: (result) => afterChange(result.complaint),
  });
}
