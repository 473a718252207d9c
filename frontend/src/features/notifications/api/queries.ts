import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (unreadOnly: boolean) => [...notificationKeys.lists(), { unreadOnly }] as const,
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

/** GET /me/notifications: mine, newest first, a page of 50 at a time (only the unread ones when asked). */
export function useNotifications(unreadOnly: boolean) {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/me/notifications', {
          params: { query: { unread: unreadOnly || undefined, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    enabled: status === 'authenticated',
  });
}
