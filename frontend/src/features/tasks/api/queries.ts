import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { taskKeys } from '../../../api/query-keys';
import { useSession } from '../../auth/hooks/useSession';

/** GET /me/tasks: cases waiting for me or my role, soonest deadline first. */
export function useMyTasks() {
  const { status } = useSession();
  return useQuery({
    queryKey: taskKeys.mine(),
    queryFn: async () => unwrap(await api.GET('/api/v1/me/tasks')),
    enabled: status === 'authenticated',
    refetchInterval: 60_000,
  });
}
