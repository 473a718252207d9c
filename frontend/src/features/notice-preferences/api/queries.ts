import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { noticePreferenceKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';

export { noticePreferenceKeys };

/** My notice preferences: the e-mails' language and kinds, where they go, whether e-mail is sent at all. */
export function useNoticePreferences() {
  const { status } = useSession();
  return useQuery({
    queryKey: noticePreferenceKeys.mine(),
    queryFn: async () => unwrap(await api.GET('/api/v1/me/notice-preferences')),
    enabled: status === 'authenticated',
  });
}

/** The latest 100 e-mails sent (or being sent) to me, newest first. */
export function useNoticeDeliveries() {
  const { status } = useSession();
  return useQuery({
    queryKey: noticePreferenceKeys.deliveries(),
    queryFn: async () => unwrap(await api.GET('/api/v1/me/notice-deliveries')).items,
    enabled: status === 'authenticated',
  });
}

/** The latest 30 daily digests sent (or being sent) to me, newest first. */
export function useNoticeDigests() {
  const { status } = useSession();
  return useQuery({
    queryKey: noticePreferenceKeys.digests(),
    queryFn: async () => unwrap(await api.GET('/api/v1/me/notice-digests')).items,
    enabled: status === 'authenticated',
  });
}
