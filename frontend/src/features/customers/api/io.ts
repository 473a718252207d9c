import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { saveBlob } from '../../../lib/download';
import { importType, readFile } from '../../../lib/upload';
import { toCustomerQuery, type CustomerFilters } from '../lib/filters';
import { customerKeys } from './queries';

export type ExportFormat = 'xlsx' | 'csv';

/** 导出: the list as filtered, fetched with the bearer token (no cookie auth), then saved. */
export async function exportCustomers(filters: CustomerFilters, format: ExportFormat): Promise<void> {
  const result = await api.GET('/api/v1/customers/export', {
    params: { query: { ...toCustomerQuery(filters), format } },
    parseAs: 'blob',
  });
  saveBlob(unwrap(result) as unknown as Blob, `customers-${new Date().toISOString().slice(0, 10)}.${format}`);
}

/** 导入: the file as the raw body; a dry run checks it and writes nothing. */
export function useImportCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const type = importType(file);
      // Read first, then send the bytes as they are (the server decodes CSV itself).
      const data: BodyInit = new Uint8Array(await readFile(file));
      return unwrap(
        await api.POST('/api/v1/customers/import', {
          params: { query: { dry_run: dryRun } },
          body: data as unknown as string,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'Content-Type': type },
        }),
      );
    },
    onSuccess: (r) => {
      if (!r.dry_run) void queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}
