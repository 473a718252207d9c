import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { saveBlob } from '../../../lib/download';
import { useSession } from '../../auth/hooks/useSession';

export const reportKeys = {
  monthly: (month: string, top: number) => ['reports', 'monthly', month, top] as const,
  /** `null`: the last week that has ended, as the server counts it. */
  weekly: (week: string | null) => ['reports', 'weekly', week] as const,
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

/** The monthly table as a workbook (the figures, then a sheet per breakdown), saved as `fileName`. */
export async function exportMonthlyStatistics(month: string, top: number, fileName: string): Promise<void> {
  const result = await api.GET('/api/v1/complaints/statistics/monthly/export', { params: { query: { month, top } }, parseAs: 'blob' });
  saveBlob(unwrap(result) as unknown as Blob, fileName);
}

/** 客户投诉周报: the week holding `week` (YYYY-MM-DD, any of its days); the last ended week when `null`. */
export function useWeeklyStatistics(week: string | null) {
  const enabled = useSession().status === 'authenticated';
  return useQuery({
    queryKey: reportKeys.weekly(week),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/complaints/statistics/weekly', { params: { query: week ? { week } : {} } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The weekly report as a workbook (the figures, by kind, by severity), saved as `fileName`. */
export async function exportWeeklyStatistics(week: string, fileName: string): Promise<void> {
  const result = await api.GET('/api/v1/complaints/statistics/weekly/export', { params: { query: { week } }, parseAs: 'blob' });
  saveBlob(unwrap(result) as unknown as Blob, fileName);
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
