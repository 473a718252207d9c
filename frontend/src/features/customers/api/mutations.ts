import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { ifMatch } from '../../complaints/api/mutations';
import { complaintKeys } from '../../complaints/api/queries';
import { notificationKeys } from '../../notifications/api/queries';
import { referenceKeys } from '../../reference/api/queries';
import { customerKeys } from './queries';

type Customer = Schemas['CustomerView'];

/** A changed record: the detail from the answer, lists and history refetched. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return (c: Customer) => {
    queryClient.setQueryData(customerKeys.detail(c.id), c);
    void queryClient.invalidateQueries({ queryKey: customerKeys.history(c.id) });
    void queryClient.invalidateQueries({ queryKey: customerKeys.reads(c.id) });
    void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: referenceKeys.customers() });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
}

/** 登记新客户: POST the registration form; the record waits for review. */
export function useCreateCustomer() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async (body: Schemas['NewCustomerRequest']) => unwrap(await api.POST('/api/v1/customers', { body })),
    onSuccess: afterChange,
  });
}

export interface EditCustomer {
  id: number;
  version: number;
  patch: Schemas['CustomerPatch'];
}

/** 编辑: PATCH with If-Match (412 when someone changed it meanwhile). */
export function useUpdateCustomer() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: async ({ id, version, patch }: EditCustomer) =>
      unwrap(
        await api.PATCH('/api/v1/customers/{id}', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body: patch,
        }),
      ),
    onSuccess: afterChange,
  });
}

export type CustomerAction =
  | { kind: 'review'; body: Schemas['ReviewRequest'] }
  | { kind: 'resubmit' }
  | { kind: 'claim' }
  | { kind: 'transfer'; body: Schemas['TransferRequest'] };

/** 审核 / 重新提交 / 认领 / 移交: each needs the version it acts on. */
export function useCustomerAction() {
  const afterChange = useAfterChange();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, action }: { id: number; version: number; action: CustomerAction }) => {
      const params = { path: { id }, header: { 'If-Match': ifMatch(version) } };
      switch (action.kind) {
        case 'review':
          return unwrap(await api.POST('/api/v1/customers/{id}/review', { params, body: action.body }));
        case 'resubmit':
          return unwrap(await api.POST('/api/v1/customers/{id}/resubmit', { params }));
        case 'claim':
          return unwrap(await api.POST('/api/v1/customers/{id}/claim', { params }));
        case 'transfer':
          return unwrap(await api.POST('/api/v1/customers/{id}/transfer', { params, body: action.body }));
      }
    },
    onSuccess: (c) => {
      afterChange(c);
      // Claims and transfers move the customer's open complaints too.
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
    },
  });
}

/** 申请借阅, by customer code (or id). */
export function useRequestAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Schemas['AccessRequestInput']) =>
      unwrap(await api.POST('/api/v1/customers/access-requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.access() }),
  });
}

/** 批准 / 不批准 a request (If-Match with the request's version). */
export function useDecideAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: Schemas['AccessDecisionInput'] }) =>
      unwrap(
        await api.POST('/api/v1/customers/access-requests/{id}/decision', {
          params: { path: { id }, header: { 'If-Match': ifMatch(version) } },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerKeys.access() }),
  });
}

/** 离职交接: everything the leaver owns to one salesperson, in one step. */
export function useHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ userId, body }: { userId: number; body: Schemas['HandoverRequest'] }) =>
      unwrap(await api.POST('/api/v1/users/{id}/handover', { params: { path: { id: userId } }, body })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      void queryClient.invalidateQueries({ queryKey: referenceKeys.all });
      void queryClient.invalidateQueries({ queryKey: complaintKeys.all });
    },
  });
}
