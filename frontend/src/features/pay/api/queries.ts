/**
 * 人员基点: each person's base points, monthly bonus and team (HR keeps them),
 * the sheet's export and import, and the teams (班组) themselves.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { saveBlob } from '../../../lib/download';
import { importType, readFile } from '../../../lib/upload';
import { useSession } from '../../auth/hooks/useSession';
import { ifMatch } from '../../complaints/api/mutations';
import { referenceKeys } from '../../reference/api/queries';
import type { PayFilters } from '../lib/basis';

export const payKeys = {
  all: ['pay'] as const,
  lists: () => [...payKeys.all, 'basis'] as const,
  list: (filters: PayFilters, limit: number) => [...payKeys.lists(), filters, limit] as const,
};

/** The people the caller may read, with their basis: one keyset page at a time ("load more"). */
export function usePayBasisList(filters: PayFilters, limit = 50) {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: payKeys.list(filters, limit),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/pay-basis', {
          params: {
            query: {
              department_id: filters.department_id,
              q: filters.q,
              missing: filters.missing || undefined,
              limit,
              cursor: pageParam,
            },
          },
        }),
      ),
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: status === 'authenticated',
  });
}

/** HR sets one person's basis; If-Match is the version the list showed (0: none set yet). */
export function useSetPayBasis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, version, body }: { userId: number; version: number; body: Schemas['PayBasisBody'] }) =>
      unwrap(
        await api.PUT('/api/v1/pay-basis/{user_id}', {
          params: { path: { user_id: userId }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    // 412 too: the list then shows the basis someone else saved.
    onSettled: () => queryClient.invalidateQueries({ queryKey: payKeys.lists() }),
  });
}

/** 导出 Excel: the sheet of everyone the caller may read, fetched with the bearer token, then saved. */
export async function exportPayBasis(): Promise<void> {
  const result = await api.GET('/api/v1/pay-basis/export', { params: { query: { format: 'xlsx' } }, parseAs: 'blob' });
  saveBlob(unwrap(result) as unknown as Blob, `pay-basis-${new Date().toISOString().slice(0, 10)}.xlsx`);
}

/** 导入: the file as the raw body; a dry run checks every row and writes nothing. */
export function useImportPayBasis() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const type = importType(file);
      const data: BodyInit = new Uint8Array(await readFile(file));
      return unwrap(
        await api.POST('/api/v1/pay-basis/import', {
          params: { query: { dry_run: dryRun } },
          body: data as unknown as string,
          bodySerializer: (b: unknown) => b as BodyInit,
          headers: { 'Content-Type': type },
        }),
      );
    },
    onSuccess: (r) => {
      if (!r.dry_run) void queryClient.invalidateQueries({ queryKey: payKeys.lists() });
    },
  });
}

/** Adds a team under a department (HR, admin); 422 `name` duplicate when the department has one of that name. */
export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['NewTeamBody']) => unwrap(await api.POST('/api/v1/teams', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referenceKeys.teams() }),
  });
}

/** Retires a team or brings it back (never renamed: closed cases keep its name). */
export function useSetTeamActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, active }: { id: number; version: number; active: boolean }) =>
      unwrap(
        await api.PATCH('/api/v1/teams/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body: { active },
        }),
      ),
    // 412 too: the list then shows the team as it is now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: referenceKeys.teams() }),
  });
}
