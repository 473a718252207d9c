import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';

export const reportKeys = {
  monthly: (month: string, top: number) => ['reports', 'monthly', month, top] as const,
};

/** 客户投诉案件统计表: the cases closed in `month` (YYYY-MM, company time). */
export function useMonthlyStatistics(month: string, top: number) {
  const enabled = useSession().status === 'authenticated';
  return useQuery({
    queryKey: reportKeys.monthly(month, top),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/statistics/monthly', { params: { query: { month, top } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}
