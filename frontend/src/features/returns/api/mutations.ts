import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { returnKeys } from '../../../api/query-keys';
import type { Schemas } from '../../../api/types';
import { ifMatch } from '../../complaints/api/mutations';
import { notificationKeys } from '../../notifications/api/queries';
import type { ReturnAction } from '../lib/states';

type ReturnView = Schemas['ReturnView'];

function useAfterChange() {
  const queryClient = useQueryClient();
  return (saved: ReturnView) => {
    queryClient.setQueryData(returnKeys.detail(saved.id), saved);
    // The summary, My tasks and the complaint's list of applications.
    void queryClient.invalidateQueries({ queryKey: returnKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
}

export interface SaveReturn {
  /** Absent: raise a new draft. */
  id?: number;
  version?: number;
  body: Schemas['ReturnInput'];
}

/** POST a new draft or PATCH the one being edited (If-Match). */
export function useSaveReturn() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, body }: SaveReturn): Promise<ReturnView> => {
      if (id === undefined || version === undefined) {
        return unwrap(await api.POST('/api/v1/returns', { params: { header: {} }, body }));
      }
      return unwrap(
        await api.PATCH('/api/v1/returns/{id}', { params: { path: { id }, header: { 'If-Match': ifMatch(version) } }, body }),
      );
    },
    onSuccess: afterChange,
  });
}

export interface TakeReturnAction {
  id: number;
  version: number;
  action: ReturnAction;
  body: Schemas['ReturnActionBody'];
}

/** A step of the chain; 412 when the application changed, 409 when its state moved on. */
export function useReturnAction() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, action, body }: TakeReturnAction) =>
      unwrap(
        await api.POST('/api/v1/returns/{id}/actions/{action}', {
          params: { path: { id, action }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: afterChange,
  });
}

/** 现场检验, once, by customer service; 409 already_done / inspection_not_needed. */
export function useInspectReturn() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: Schemas['InspectionInput'] }) =>
      unwrap(
        await api.POST('/api/v1/returns/{id}/inspection', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: afterChange,
  });
}

/** The originals collected so far, the whole set each time. */
export function useSetOriginals() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, collected }: { id: number; version: number; collected: Schemas['Original'][] }) =>
      unwrap(
        await api.PUT('/api/v1/returns/{id}/originals', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body: { collected },
        }),
      ),
    onSuccess: afterChange,
  });
}

/** 开立成品退货单: the applicant, once; 422 with `inspection` / `originals` while the application is not ready. */
export function useIssueNote() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: Schemas['NoteInput'] }) =>
      unwrap(
        await api.POST('/api/v1/returns/{id}/note', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: afterChange,
  });
}

export interface TakeNoteAction {
  id: number;
  version: number;
  action: Schemas['NoteAction'];
  body: Schemas['NoteActionBody'];
}

/** A step on the return note; 403 not the caller's, 409 its state moved on, 412 the application changed. */
export function useNoteAction() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, action, body }: TakeNoteAction) =>
      unwrap(
        await api.POST('/api/v1/returns/{id}/note/actions/{action}', {
          params: { path: { id, action }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: afterChange,
  });
}

/** 退货证明: the applicant, once the goods are received and until booked (a second call corrects it). */
export function useRecordProof() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: Schemas['ProofInput'] }) =>
      unwrap(
        await api.PUT('/api/v1/returns/{id}/note/proof', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: afterChange,
  });
}

export interface TakeHandlingAction {
  id: number;
  version: number;
  action: Schemas['HandlingAction'];
  body: Schemas['HandlingActionBody'];
}

/** A step of the returned goods' handling (客户退换货处理单); 403 not the caller's, 409 its state moved on, 412 the application changed. */
export function useHandlingAction() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, action, body }: TakeHandlingAction) =>
      unwrap(
        await api.POST('/api/v1/returns/{id}/handling/actions/{action}', {
          params: { path: { id, action }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: afterChange,
  });
}
