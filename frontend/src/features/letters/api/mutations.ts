import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { complaintKeys, letterKeys, taskKeys } from '../../../api/query-keys';
import { ifMatch } from '../../eight-d/api/mutations';
import type { Letter } from '../lib/letters';

export interface AnswerLetter {
  letter: Pick<Letter, 'id' | 'version'>;
  answer: string;
}

/**
 * 提交回复 to a 洽办单, against the version read (412 when it changed, 409
 * when it is no longer an unanswered inquiry). The answer joins the case's
 * history.
 */
export function useAnswerLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ letter, answer }: AnswerLetter) =>
      unwrap(
        await api.POST('/api/v1/letters/{id}/answer', {
          params: { path: { id: letter.id }, header: { 'If-Match': ifMatch(letter.version) } },
          body: { answer },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(letterKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: letterKeys.ofComplaint(saved.complaint.id) });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.events(saved.complaint.id) });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
}
