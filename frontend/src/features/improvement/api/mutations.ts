import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys, improvementKeys, taskKeys } from '../../../api/query-keys';
import type { Schemas } from '../../../api/types';
import { ifMatch } from '../../eight-d/api/mutations';
import { notificationKeys } from '../../notifications/api/queries';

/** Each change is an entry in the case's history (and a new version of the case). */
function useAfterCaseChange() {
  const queryClient = useQueryClient();
  return (complaintId: number) => {
    void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaintId) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.events(complaintId) });
  };
}

/**
 * 保存标记: both marks as they should be (one left out or null is cleared),
 * `If-Match: "0"` before the first; 412 when someone marked meanwhile.
 */
export function useSaveMarks() {
  const queryClient = useQueryClient();
  const afterCaseChange = useAfterCaseChange();
  return useMutation({
    mutationFn: async ({ complaintId, version, body }: { complaintId: number; version: number; body: Schemas['MarksBody'] }) =>
      unwrap(
        await api.PUT('/api/v1/complaints/{id}/marks', {
          params: { path: { id: complaintId }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(improvementKeys.marks(saved.complaint_id), saved);
      afterCaseChange(saved.complaint_id);
    },
  });
}

/** 记录验证结果 (once; 409 after that). A failed check raises a new draft case for sales. */
export function useRecordCheck() {
  const queryClient = useQueryClient();
  const afterCaseChange = useAfterCaseChange();
  return useMutation({
    mutationFn: async ({ complaintId, version, body }: { complaintId: number; version: number; body: Schemas['CheckResultBody'] }) =>
      unwrap(
        await api.POST('/api/v1/complaints/{id}/effectiveness-check/result', {
          params: { path: { id: complaintId }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(improvementKeys.check(saved.complaint.id), saved);
      afterCaseChange(saved.complaint.id);
      void queryClient.invalidateQueries({ queryKey: improvementKeys.checks() });
      // The follow-up draft joins the lists and its salesperson's tasks.
      void queryClient.invalidateQueries({ queryKey: complaintKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
}

/** 申请暂缓关闭: no If-Match (it creates the request); 409 while another one waits. */
export function useRequestDeferral() {
  const queryClient = useQueryClient();
  const afterCaseChange = useAfterCaseChange();
  return useMutation({
    mutationFn: async ({ complaintId, body }: { complaintId: number; body: Schemas['DeferralBody'] }) =>
      unwrap(await api.POST('/api/v1/complaints/{id}/deferrals', { params: { path: { id: complaintId } }, body })),
    onSuccess: (saved) => {
      // The list gains the request and `can_request` turns false: read both again.
      void queryClient.invalidateQueries({ queryKey: improvementKeys.deferrals(saved.complaint.id) });
      void queryClient.invalidateQueries({ queryKey: improvementKeys.deferralLists() });
      afterCaseChange(saved.complaint.id);
    },
  });
}

export interface DecideDeferral {
  deferral: Schemas['DeferralView'];
  action: Schemas['DeferralAction'];
  comment?: string | null;
}

/**
 * 批准 / 驳回 a deferral (comment required to refuse), against the request's
 * version. Approving moves the case's deadlines and makes it a second-level
 * irrational complaint: the case, its marks and everyone's task lists change.
 */
export function useDecideDeferral() {
  const queryClient = useQueryClient();
  const afterCaseChange = useAfterCaseChange();
  return useMutation({
    mutationFn: async ({ deferral, action, comment }: DecideDeferral) =>
      unwrap(
        await api.POST('/api/v1/complaints/{id}/deferrals/{deferral_id}/actions/{action}', {
          params: { path: { id: deferral.complaint.id, deferral_id: deferral.id, action }, header: { 'If-Match': ifMatch(deferral.version) } },
          body: comment ? { comment } : {},
        }),
      ),
    onSuccess: (saved) => {
      const complaintId = saved.complaint.id;
      void queryClient.invalidateQueries({ queryKey: improvementKeys.deferrals(complaintId) });
      void queryClient.invalidateQueries({ queryKey: improvementKeys.deferralLists() });
      afterCaseChange(complaintId);
      if (saved.state !== 'approved') return;
      void queryClient.invalidateQueries({ queryKey: improvementKeys.marks(complaintId) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
}
