import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys, petitionKeys, taskKeys } from '../../../api/query-keys';
import type { Schemas } from '../../../api/types';
import { ifMatch } from '../../eight-d/api/mutations';

/** Each change is an entry in the case's history (and a new version of the case). */
function useAfterChange() {
  const queryClient = useQueryClient();
  return (complaintId: number) => {
    void queryClient.invalidateQueries({ queryKey: petitionKeys.ofComplaint(complaintId) });
    void queryClient.invalidateQueries({ queryKey: petitionKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.detail(complaintId) });
    void queryClient.invalidateQueries({ queryKey: complaintKeys.events(complaintId) });
  };
}

/** 发起签呈: no If-Match (it creates the petition); 409 while one of the department waits. */
export function useRaisePetition() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ complaintId, body }: { complaintId: number; body: Schemas['PetitionBody'] }) =>
      unwrap(await api.POST('/api/v1/complaints/{id}/petitions', { params: { path: { id: complaintId } }, body })),
    onSuccess: (saved) => afterChange(saved.complaint.id),
  });
}

export interface ActOnPetition {
  petition: Schemas['PetitionView'];
  action: Schemas['PetitionAction'];
  body: Schemas['PetitionActionBody'];
}

/**
 * 裁决 (the general manager) or 撤回 (the author), against the petition's
 * version. A decision that sends the case back moves it to that step: the
 * case, its lists and everyone's tasks change.
 */
export function useActOnPetition() {
  const queryClient = useQueryClient();
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ petition, action, body }: ActOnPetition) =>
      unwrap(
        await api.POST('/api/v1/complaints/{id}/petitions/{petition_id}/actions/{action}', {
          params: { path: { id: petition.complaint.id, petition_id: petition.id, action }, header: { 'If-Match': ifMatch(petition.version) } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      afterChange(saved.complaint.id);
      if (!saved.returned_to) return;
      void queryClient.invalidateQueries({ queryKey: complaintKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
}
