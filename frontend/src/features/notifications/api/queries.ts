import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';
import { kindParam, type GroupFilter } from '../lib/groups';

/** How many notifications the bell's popover shows. */
export const LATEST_COUNT = 10;

export const notificationKeys = {
  all: ['notifications'] as const,
  unreadCount: () => [...notificationKeys.all, 'unread-count'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (unreadOnly: boolean, group: GroupFilter) => [...notificationKeys.lists(), { unreadOnly, group }] as const,
  /** The bell's popover: one page, not under `lists()` (whose data are pages of pages). */
  latest: () => [...notificationKeys.all, 'latest'] as const,
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

/**
 * GET /me/notifications: mine, newest first, a page of 50 at a time (only
 * the unread ones, or only a group's kinds, when asked).
 */
export function useNotifications(unreadOnly: boolean, group: GroupFilter = 'all') {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly, group),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/me/notifications', {
          params: { query: { unread: unreadOnly || undefined, kind: kindParam(group), limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    enabled: status === 'authenticated',
  });
}

/**
 * The latest ten, read or not, for the bell's popover. Its content mounts
 * only when opened, so the list is not asked for on every page.
 */
export function useLatestNotifications() {
  const { status } = useSession();
  return useQuery({
    queryKey: notificationKeys.latest(),
    queryFn: async () => unwrap(await api.GET('/api/v1/me/notifications', { params: { query: { limit: LATEST_COUNT } } })),
    enabled: status === 'authenticated',
  });
}
