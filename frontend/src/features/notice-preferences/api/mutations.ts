import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { noticePreferenceKeys } from '../../../api/query-keys';
import type { Schemas } from '../../../api/types';
import { ifMatch } from '../../eight-d/api/mutations';

export interface SaveNoticePreferences {
  /** The version read (0 before the first save). */
  version: number;
  body: Schemas['NoticePreferencesBody'];
}

/** Saves my notice preferences against the version read (412 when they changed meanwhile). */
export function useSaveNoticePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: SaveNoticePreferences) =>
      unwrap(
        await api.PUT('/api/v1/me/notice-preferences', {
          params: { header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(noticePreferenceKeys.mine(), saved);
    },
  });
}
