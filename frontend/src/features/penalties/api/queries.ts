/**
 * 客诉罚扣: the monthly runs, one run with its items, charges and ledger, the
 * steps on a run and on its items (with If-Match), and the lists HR and
 * finance print or download once the general manager approved the run.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { saveBlob } from '../../../lib/download';
import { useSession } from '../../auth/hooks/useSession';
import { ifMatch } from '../../complaints/api/mutations';
import { mergePages, type ItemAction, type ItemFilters, type RunAction, type RunView } from '../lib/penalties';

export const penaltyKeys = {
  all: ['penalties'] as const,
  runs: () => [...penaltyKeys.all, 'runs'] as const,
  /** Every read of a run, whatever its filters. */
  run: (id: number) => [...penaltyKeys.all, 'run', id] as const,
  runPages: (id: number, filters: ItemFilters, limit: number) => [...penaltyKeys.run(id), filters, limit] as const,
  notice: (id: number, departmentId: number) => [...penaltyKeys.run(id), 'notice', departmentId] as const,
  publication: (id: number) => [...penaltyKeys.all, 'publication', id] as const,
  deductions: (id: number) => [...penaltyKeys.all, 'deductions', id] as const,
};

/** The runs, newest month first (no personal data: everyone reads them). */
export function usePenaltyRuns() {
  const { status } = useSession();
  return useQuery({
    queryKey: penaltyKeys.runs(),
    queryFn: async () => unwrap(await api.GET('/api/v1/penalty-runs')),
    enabled: status === 'authenticated',
  });
}

/** Items per page of a run (the server's most). */
export const RUN_PAGE = 200;

/**
 * A run as the caller may read it (a head his department's items and people,
 * anyone his own), its items filtered by the server and one keyset page at a
 * time ("load more": `after` is the page before's `items_next`).
 */
export function usePenaltyRun(id: number, filters: ItemFilters = {}, limit = RUN_PAGE) {
  const { status } = useSession();
  return useInfiniteQuery({
    queryKey: penaltyKeys.runPages(id, filters, limit),
    initialPageParam: undefined as number | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/api/v1/penalty-runs/{id}', {
          params: {
            path: { id },
            query: { department_id: filters.department_id, item_state: filters.item_state, after: pageParam, limit },
          },
        }),
      ),
    getNextPageParam: (page) => page.items_next ?? undefined,
    // Another filter keeps the rows shown until its first page is in; another run does not.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === id ? previous : undefined),
    enabled: status === 'authenticated' && Number.isFinite(id),
  });
}

/**
 * 奖罚通知单 of one department: every item of the department in the run (each
 * page followed through `items_next`) with their charges, as one run.
 */
export function usePenaltyNotice(id: number, departmentId: number | undefined) {
  const { status } = useSession();
  return useQuery({
    queryKey: penaltyKeys.notice(id, departmentId ?? 0),
    queryFn: async () => {
      const pages: RunView[] = [];
      let after: number | undefined;
      do {
        const page = unwrap(
          await api.GET('/api/v1/penalty-runs/{id}', {
            params: { path: { id }, query: { department_id: departmentId, after, limit: RUN_PAGE } },
          }),
        );
        pages.push(page);
        after = page.items_next ?? undefined;
      } while (after !== undefined);
      return mergePages(pages as [RunView, ...RunView[]]);
    },
    enabled: status === 'authenticated' && Number.isFinite(id) && departmentId !== undefined,
  });
}

/**
 * What a step answers is the run's first page without filters: the run's
 * reads are refetched instead (with their filters and pages), and the step
 * resolves once the shown one is fresh.
 */
function useAfterStep() {
  const queryClient = useQueryClient();
  return async (run: RunView) => {
    void queryClient.invalidateQueries({ queryKey: penaltyKeys.runs() });
    void queryClient.invalidateQueries({ queryKey: penaltyKeys.publication(run.id) });
    void queryClient.invalidateQueries({ queryKey: penaltyKeys.deductions(run.id) });
    await queryClient.invalidateQueries({ queryKey: penaltyKeys.run(run.id) });
  };
}

/** 启动月度罚扣 (the coordinator): 409 when the month has a run, 422 `month` when it is not over. */
export function useStartPenaltyRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (month: string) => unwrap(await api.POST('/api/v1/penalty-runs', { body: { month } })),
    // The new run's first page without filters: what its page shows first.
    onSuccess: (run) => {
      queryClient.setQueryData<InfiniteData<RunView, number | undefined>>(penaltyKeys.runPages(run.id, {}, RUN_PAGE), {
        pages: [run],
        pageParams: [undefined],
      });
      void queryClient.invalidateQueries({ queryKey: penaltyKeys.runs() });
    },
  });
}

export interface RunStep {
  id: number;
  version: number;
  action: RunAction;
  comment?: string;
}

/** submit · approve · send_back (with a reason) · publish: 403, 409 wrong state, 412 the run changed. */
export function usePenaltyRunAction() {
  const afterStep = useAfterStep();
  return useMutation({
    mutationFn: async ({ id, version, action, comment }: RunStep) =>
      unwrap(
        await api.POST('/api/v1/penalty-runs/{id}/actions/{action}', {
          params: { path: { id, action }, header: { 'If-Match': ifMatch(version) } },
          body: comment === undefined ? {} : { comment },
        }),
      ),
    onSuccess: afterStep,
  });
}

export interface ItemStep {
  runId: number;
  itemId: number;
  /** The item's version, not the run's. */
  version: number;
  action: ItemAction;
  body: Schemas['PenaltyActionBody'];
}

/** confirm · dispute · settle (with the case's new ratios) · defer, each with the item's If-Match. */
export function usePenaltyItemAction() {
  const afterStep = useAfterStep();
  return useMutation({
    mutationFn: async ({ runId, itemId, version, action, body }: ItemStep) =>
      unwrap(
        await api.POST('/api/v1/penalty-runs/{id}/items/{item_id}/actions/{action}', {
          params: { path: { id: runId, item_id: itemId, action }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSuccess: afterStep,
  });
}

/** 人事公布单 (409 before the approval). */
export function usePenaltyPublication(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: penaltyKeys.publication(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/penalty-runs/{id}/publication', { params: { path: { id } } })),
    enabled: status === 'authenticated' && Number.isFinite(id),
  });
}

/** 罚扣明细 (409 before the approval). */
export function usePenaltyDeductions(id: number) {
  const { status } = useSession();
  return useQuery({
    queryKey: penaltyKeys.deductions(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/penalty-runs/{id}/deductions', { params: { path: { id } } })),
    enabled: status === 'authenticated' && Number.isFinite(id),
  });
}

export type PenaltyList = 'publication' | 'deductions';

/** Either list as Excel, fetched with the bearer token, then saved as `fileName`. */
export async function downloadPenaltyList(list: PenaltyList, id: number, fileName: string): Promise<void> {
  const options = { params: { path: { id }, query: { format: 'xlsx' } }, parseAs: 'blob' as const };
  const result =
    list === 'publication'
      ? await api.GET('/api/v1/penalty-runs/{id}/publication', options)
      : await api.GET('/api/v1/penalty-runs/{id}/deductions', options);
  saveBlob(unwrap(result) as unknown as Blob, fileName);
}
