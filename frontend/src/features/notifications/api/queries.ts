import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
};

/** Unread in-app notifications, polled while the user is signed in. */
export function useUnreadCount(): number | undefined {
  const { status } = useSession();
  const query = useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: async () => unwrap(await api.GET('/api/v1/me/notifications/unread-count')).count,
    enabled: status === 'authenticated',
    refetchInterval: 60_000,
  });
  return query.data;
}
