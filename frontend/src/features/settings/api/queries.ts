import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Role, Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';
import { referenceKeys } from '../../reference/api/queries';
import { ifMatch } from '../../complaints/api/mutations';

export const settingsKeys = {
  all: ['settings'] as const,
  calendar: (year: number) => [...settingsKeys.all, 'calendar', year] as const,
  returnPolicy: () => [...settingsKeys.all, 'policy', 'returns'] as const,
  eightDPolicy: () => [...settingsKeys.all, 'policy', '8d'] as const,
  penaltyPolicy: () => [...settingsKeys.all, 'policy', 'penalty'] as const,
  followUpPolicy: () => [...settingsKeys.all, 'policy', 'follow-up'] as const,
};

/** Roles an administrator can give (role.rs), integration accounts aside. */
export const ROLES = everyCode<Exclude<Role, 'integration'>>()([
  'sales',
  'sales_supervisor',
  'sales_manager',
  'coordinator',
  'qa',
  'qa_manager',
  'production',
  'production_manager',
  'engineering',
  'marketing',
  'marketing_manager',
  'customer_service',
  'finance',
  'warehouse',
  'hr',
  'legal',
  'deputy_gm',
  'gm',
  'admin',
]);

/** Roles that may approve complaints (approval.rs APPROVER_ROLES). */
export const APPROVER_ROLES: readonly Role[] = ['sales_supervisor', 'sales_manager', 'marketing_manager', 'deputy_gm', 'gm'];

/** What departments do (DepartmentView.kind). */
export const DEPARTMENT_KINDS = everyCode<Schemas['DepartmentKind']>()([
  'sales',
  'gm_office',
  'quality',
  'production',
  'engineering',
  'marketing',
  'customer_service',
  'finance',
  'warehouse',
  'hr',
  'legal',
  'executive',
  'it',
]);

export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      input: { create: Schemas['NewUserRequest'] } | { id: number; version: number; patch: Schemas['UserPatch'] },
    ) => {
      if ('create' in input) return unwrap(await api.POST('/api/v1/users', { body: input.create }));
      return unwrap(
        await api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: input.id }, header: { 'If-Match': ifMatch(input.version) } },
          body: input.patch,
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: referenceKeys.users() }),
  });
}

export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (
      input: { create: Schemas['NewDepartmentRequest'] } | { id: number; version: number; patch: Schemas['DepartmentPatch'] },
    ) => {
      if ('create' in input) return unwrap(await api.POST('/api/v1/departments', { body: input.create }));
      return unwrap(
        await api.PATCH('/api/v1/departments/{id}', {
          params: { path: { id: input.id }, header: { 'If-Match': ifMatch(input.version) } },
          body: input.patch,
        }),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: referenceKeys.departments() }),
  });
}

export function useSaveApprovalTiers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, tiers }: { version: number; tiers: Schemas['TierView'][] }) =>
      unwrap(
        await api.PUT('/api/v1/policies/approval-tiers', {
          params: { header: { 'If-Match': ifMatch(version) } },
          body: { tiers },
        }),
      ),
    onSuccess: (policy) => queryClient.setQueryData(referenceKeys.approvalTiers(), policy),
    onError: () => queryClient.invalidateQueries({ queryKey: referenceKeys.approvalTiers() }),
  });
}

export function useCalendar(year: number) {
  return useQuery({
    queryKey: settingsKeys.calendar(year),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/calendar/days', { params: { query: { from: `${year}-01-01`, to: `${year}-12-31` } } })),
  });
}

export function useCalendarDay() {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: [...settingsKeys.all, 'calendar'] });
  const put = useMutation({
    mutationFn: async ({ day, body }: { day: string; body: Schemas['CalendarDayRequest'] }) =>
      unwrap(await api.PUT('/api/v1/calendar/days/{day}', { params: { path: { day } }, body })),
    onSettled: invalidate,
  });
  const remove = useMutation({
    mutationFn: async (day: string) => {
      const result = await api.DELETE('/api/v1/calendar/days/{day}', { params: { path: { day } } });
      if (!result.response.ok) unwrap(result);
    },
    onSettled: invalidate,
  });
  return { put, remove };
}

/** The outbox's event types a webhook can take (app/notify.rs), `*` for all. */
export const WEBHOOK_EVENTS = [
  'complaint.created',
  'complaint.submitted',
  'complaint.state_changed',
  'complaint.updated',
  'complaint.overdue',
  'complaint.major_alert',
  'complaint.late_close_inquiry',
] as const;

const webhookKeys = {
  all: [...settingsKeys.all, 'webhooks'] as const,
  deliveries: (id: number) => [...settingsKeys.all, 'webhooks', id, 'deliveries'] as const,
};

export function useWebhooks() {
  return useQuery({ queryKey: webhookKeys.all, queryFn: async () => unwrap(await api.GET('/api/v1/webhooks')) });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['NewWebhookRequest']) => unwrap(await api.POST('/api/v1/webhooks', { body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

export function useSetWebhookActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, active }: { id: number; version: number; active: boolean }) =>
      unwrap(
        await api.PATCH('/api/v1/webhooks/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body: { active },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.all }),
  });
}

/** A webhook's delivery log, newest first, a page of 50 at a time. */
export function useWebhookDeliveries(id: number | null) {
  return useInfiniteQuery({
    queryKey: webhookKeys.deliveries(id ?? 0),
    enabled: id !== null,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(await api.GET('/api/v1/webhooks/{id}/deliveries', { params: { path: { id: id ?? 0 }, query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** 退换货规则: the step clock, the company's over-delivery tolerance, and the consumer rule set's periods. */
export function useReturnPolicy() {
  return useQuery({
    queryKey: settingsKeys.returnPolicy(),
    queryFn: async () => unwrap(await api.GET('/api/v1/policies/returns')),
  });
}

export function useSaveReturnPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Schemas['ReturnPolicyBody'] }) =>
      unwrap(await api.PUT('/api/v1/policies/returns', { params: { header: { 'If-Match': ifMatch(version) } }, body })),
    onSuccess: (policy) => queryClient.setQueryData(settingsKeys.returnPolicy(), policy),
    // 412: someone saved meanwhile; the form shows theirs.
    onError: () => queryClient.invalidateQueries({ queryKey: settingsKeys.returnPolicy() }),
  });
}

/** When a complaint needs an 8D report: severe quality complaints, and those whose customer asks. */
export function useEightDPolicy() {
  return useQuery({
    queryKey: settingsKeys.eightDPolicy(),
    queryFn: async () => unwrap(await api.GET('/api/v1/policies/8d')),
  });
}

export function useSaveEightDPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Schemas['EightDPolicyBody'] }) =>
      unwrap(await api.PUT('/api/v1/policies/8d', { params: { header: { 'If-Match': ifMatch(version) } }, body })),
    onSuccess: (policy) => queryClient.setQueryData(settingsKeys.eightDPolicy(), policy),
    // 412: someone saved meanwhile; the form shows theirs.
    onError: () => queryClient.invalidateQueries({ queryKey: settingsKeys.eightDPolicy() }),
  });
}

/** 客诉罚则: the sanction each burden gives, what a sanction costs, the monthly cap, the late-close fine. */
export function usePenaltyPolicy() {
  return useQuery({
    queryKey: settingsKeys.penaltyPolicy(),
    queryFn: async () => unwrap(await api.GET('/api/v1/policies/penalty')),
  });
}

export function useSavePenaltyPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Schemas['PenaltyPolicyBody'] }) =>
      unwrap(await api.PUT('/api/v1/policies/penalty', { params: { header: { 'If-Match': ifMatch(version) } }, body })),
    onSuccess: (policy) => queryClient.setQueryData(settingsKeys.penaltyPolicy(), policy),
    // 412: someone saved meanwhile; the form shows theirs.
    onError: () => queryClient.invalidateQueries({ queryKey: settingsKeys.penaltyPolicy() }),
  });
}

/** 催办规则: when a late deadline's reminder reaches the manager and the GM's office, and the customer's clocks. */
export function useFollowUpPolicy() {
  return useQuery({
    queryKey: settingsKeys.followUpPolicy(),
    queryFn: async () => unwrap(await api.GET('/api/v1/policies/follow-up')),
  });
}

export function useSaveFollowUpPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: Schemas['ChasePolicyBody'] }) =>
      unwrap(await api.PUT('/api/v1/policies/follow-up', { params: { header: { 'If-Match': ifMatch(version) } }, body })),
    onSuccess: (policy) => queryClient.setQueryData(settingsKeys.followUpPolicy(), policy),
    // 412: someone saved meanwhile; the form shows theirs.
    onError: () => queryClient.invalidateQueries({ queryKey: settingsKeys.followUpPolicy() }),
  });
}
