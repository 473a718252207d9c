import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys, taskKeys } from '../../../api/query-keys';
import type { Schemas } from '../../../api/types';
import { notificationKeys } from '../../notifications/api/queries';
import type { EightDAction, EightDView } from '../lib/report';
import { eightDKeys } from './queries';

/** The version read, as the If-Match the server compares (its ETag). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

function useAfterChange() {
  const queryClient = useQueryClient();
  return (saved: EightDView) => {
    const complaintId = saved.complaint.id;
    queryClient.setQueryData(eightDKeys.detail(complaintId), saved);
    void queryClient.invalidateQueries({ queryKey: eightDKeys.lists() });
    // The complaint's card shows the report's state, its history the steps.
    void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaintId) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.events(complaintId) });
    void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
}

/** 开立 8D 报告 (once per case; 409 when it exists or the case is not registered and open). */
export function useOpenEightD() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ complaintId, body }: { complaintId: number; body: Schemas['OpenEightDBody'] }) =>
      unwrap(await api.POST('/api/v1/complaints/{id}/8d', { params: { path: { id: complaintId } }, body })),
    onSuccess: afterChange,
  });
}

/** 保存: the whole report; 412 when someone saved meanwhile. */
export function useSaveEightD() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ complaintId, version, report }: { complaintId: number; version: number; report: Schemas['EightDReport'] }) =>
      unwrap(
        await api.PUT('/api/v1/complaints/{id}/8d', {
          params: { path: { id: complaintId }, header: { 'If-Match': ifMatch(version) } },
          body: report,
        }),
      ),
    onSuccess: afterChange,
  });
}

export interface TakeEightDAction {
  complaintId: number;
  version: number;
  action: EightDAction;
  comment?: string | null;
}

/** 提交审核 (422 lists what is missing), 核准, 退回 (needs a comment). */
export function useEightDAction() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ complaintId, version, action, comment }: TakeEightDAction) =>
      unwrap(
        await api.POST('/api/v1/complaints/{id}/8d/actions/{action}', {
          params: { path: { id: complaintId, action }, header: { 'If-Match': ifMatch(version) } },
          body: comment ? { comment } : {},
        }),
      ),
    onSuccess: afterChange,
  });
}
