import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { notificationKeys } from './queries';

type Page = Schemas['NotificationPage'];

/**
 * After marking: the loaded rows (the centre's and the bell's popover's) lose
 * their unread mark at once, then they and the bell's unread count are
 * fetched again.
 */
function useAfterRead() {
  const queryClient = useQueryClient();
  return {
    markLocally: (read: (n: Schemas['NotificationView']) => boolean) => {
      const at = new Date().toISOString();
      const mark = (page: Page): Page => ({
        ...page,
        items: page.items.map((n) => (!n.read_at && read(n) ? { ...n, read_at: at } : n)),
      });
      queryClient.setQueriesData<InfiniteData<Page>>({ queryKey: notificationKeys.lists() }, (data) =>
        data && { ...data, pages: data.pages.map(mark) },
      );
      queryClient.setQueryData<Page>(notificationKeys.latest(), (data) => data && mark(data));
    },
    refetch: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  };
}

/** POST /me/notifications/{id}/read. */
export function useMarkNotificationRead() {
  const after = useAfterRead();
  return useMutation({
    mutationFn: async (id: number) => {
      const result = await api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } });
      if (!result.response.ok) unwrap(result);
    },
    onSuccess: (_, id) => after.markLocally((n) => n.id === id),
    onSettled: after.refetch,
  });
}

/** POST /me/notifications/read-all. */
export function useMarkAllNotificationsRead() {
  const after = useAfterRead();
  return useMutation({
    mutationFn: async () => {
      const result = await api.POST('/api/v1/me/notifications/read-all');
      if (!result.response.ok) unwrap(result);
    },
    onSuccess: () => after.markLocally(() => true),
    onSettled: after.refetch,
  });
}
