import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { referenceKeys } from '../../reference/api/queries';
import { ifMatch } from '../../complaints/api/mutations';

export const settingsKeys = {
  all: ['settings'] as const,
  calendar: (year: number) => [...settingsKeys.all, 'calendar', year] as const,
};

/** Roles an administrator can give (role.rs), integration accounts aside. */
export const ROLES = [
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
  'deputy_gm',
  'gm',
  'admin',
] as const;

/** Roles that may approve complaints (approval.rs APPROVER_ROLES). */
export const APPROVER_ROLES = ['sales_supervisor', 'sales_manager', 'marketing_manager', 'deputy_gm', 'gm'] as const;

/** What departments do (DepartmentView.kind). */
export const DEPARTMENT_KINDS = [
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
  'executive',
  'it',
] as const;

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
