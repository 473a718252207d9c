import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { saveBlob } from '../../../lib/download';
import { useSession } from '../../auth/hooks/useSession';

export const reportKeys = {
  monthly: (month: string, top: number) => ['reports', 'monthly', month, top] as const,
  exclusions: (month: string) => ['reports', 'collection-exclusions', month] as const,
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

/** 客诉金额明细 (不计入回款率奖金): the complaints approved in `month` (YYYY-MM, company time) with their settlement. */
export function useCollectionExclusions(month: string) {
  const enabled = useSession().status === 'authenticated';
  return useQuery({
    queryKey: reportKeys.exclusions(month),
    queryFn: async () => unwrap(await api.GET('/api/v1/complaints/statistics/collection-exclusions', { params: { query: { month } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The same as a spreadsheet (the sums and every case, a sheet each), fetched with the bearer token and saved as `fileName`. */
export async function exportCollectionExclusions(month: string, fileName: string): Promise<void> {
  const result = await api.GET('/api/v1/complaints/statistics/collection-exclusions/export', {
    params: { query: { month, format: 'xlsx' } },
    parseAs: 'blob',
  });
  saveBlob(unwrap(result) as unknown as Blob, `${fileName}.xlsx`);
}
