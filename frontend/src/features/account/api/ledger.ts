import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';

/** 我的罚扣台账: the caller's own bonus ledger, month by month. */
export function useMyBonusLedger() {
  const { status, user } = useSession();
  return useQuery({
    queryKey: ['bonus-ledger', 'me', user?.id] as const,
    queryFn: async () => unwrap(await api.GET('/api/v1/bonus-ledger')),
    enabled: status === 'authenticated',
  });
}
