import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { notificationKeys } from '../../notifications/api/queries';
import type { AllowanceAction, AllowanceView } from '../lib/states';
import { allowanceKeys } from './queries';

/** The version read, as the If-Match the server compares (its ETag). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}

function useAfterChange() {
  const queryClient = useQueryClient();
  return (saved: AllowanceView) => {
    queryClient.setQueryData(allowanceKeys.detail(saved.id), saved);
    // The list, My tasks and the complaint's section.
    void queryClient.invalidateQueries({ queryKey: allowanceKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
}

/** 开立销货折让证明单: 422 field errors, 409 `already_applied` when a live certificate covers the line. */
export function useRaiseAllowance() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async (body: Schemas['AllowanceInputBody']) => unwrap(await api.POST('/api/v1/allowances', { params: { header: {} }, body })),
    onSuccess: afterChange,
  });
}

export interface TakeAllowanceAction {
  id: number;
  version: number;
  action: AllowanceAction;
  body: Schemas['AllowanceActionBody'];
}

/** A step: 403 not the caller's, 409 the state moved on, 412 the certificate changed, 422 field errors. */
export function useAllowanceAction() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, action, body }: TakeAllowanceAction) =>
      unwrap(
        await api.POST('/api/v1/allowances/{id}/actions/{action}', {
          params: { path: { id, action }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: afterChange,
  });
}
