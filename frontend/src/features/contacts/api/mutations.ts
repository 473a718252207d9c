import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys, contactKeys, taskKeys } from '../../../api/query-keys';
import type { Schemas } from '../../../api/types';
import { ifMatch } from '../../eight-d/api/mutations';
import type { Contact } from '../lib/contacts';

export interface RecordContact {
  contact: Pick<Contact, 'kind' | 'version'>;
  body: Schemas['CaseContactBody'];
}

/**
 * 记录首次回复 / 记录回访确认, once, against the version read (412 when it
 * changed, 409 `already_done` when someone recorded it first). It joins the
 * case's history.
 */
export function useRecordContact(complaintId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ contact, body }: RecordContact) =>
      unwrap(
        await api.POST('/api/v1/complaints/{id}/customer-contacts/{kind}', {
          params: { path: { id: complaintId, kind: contact.kind }, header: { 'If-Match': ifMatch(contact.version) } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData<Schemas['CaseContactPage']>(contactKeys.ofComplaint(complaintId), (page) =>
        page ? { ...page, items: page.items.map((c) => (c.kind === saved.kind ? saved : c)) } : page,
      );
      void queryClient.invalidateQueries({ queryKey: contactKeys.ofComplaint(complaintId) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.events(complaintId) });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
}

/**
 * 生成满意度调查链接 for the close confirmation: a new link ends the
 * unanswered one before it; its token is shown once (409 `already_answered`
 * when the customer has answered).
 */
export function useSendCaseSurvey(complaintId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(
        await api.POST('/api/v1/complaints/{id}/customer-contacts/close_confirmation/survey-link', {
          params: { path: { id: complaintId } },
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: contactKeys.ofComplaint(complaintId) }),
  });
}
