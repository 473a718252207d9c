import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, publicApi } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import { ifMatch } from '../../complaints/api/mutations';
import { customerKeys } from '../../customers/api/queries';
import { notificationKeys } from '../../notifications/api/queries';
import { careKeys, type PolicyName } from './queries';

const at = (id: number, version: number) => ({ path: { id }, header: { 'If-Match': ifMatch(version) } });

/** After any care change: its lists refetched (they are short), the record too. */
function useRefresh() {
  const queryClient = useQueryClient();
  return (customerId?: number) => {
    void queryClient.invalidateQueries({ queryKey: careKeys.all });
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    if (customerId) {
      void queryClient.invalidateQueries({ queryKey: customerKeys.detail(customerId) });
      void queryClient.invalidateQueries({ queryKey: customerKeys.history(customerId) });
    }
  };
}

/** 信用调查. */
export function useAddCreditCheck(customerId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: Schemas['CreditCheckInput']) =>
      unwrap(await api.POST('/api/v1/customers/{id}/credit-checks', { params: { path: { id: customerId } }, body })),
    onSuccess: () => refresh(customerId),
  });
}

/** 申请变更: credit terms or deregistration, decided by the sales manager. */
export function useFileRequest(customerId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: Schemas['CustomerRequestInput']) =>
      unwrap(await api.POST('/api/v1/customers/{id}/requests', { params: { path: { id: customerId } }, body })),
    onSuccess: () => refresh(customerId),
  });
}

export function useDecideRequest() {
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: Schemas['DecisionInput'] }) =>
      unwrap(await api.POST('/api/v1/customers/requests/{id}/decision', { params: at(id, version), body })),
    onSettled: (r) => {
      refresh(r?.customer.id);
      void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
  });
}

/** 暂停供货 / 恢复供货 (If-Match of the customer's version). */
export function useSupplyHold() {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: Schemas['SupplyHoldInput'] }) =>
      unwrap(await api.POST('/api/v1/customers/{id}/supply-hold', { params: at(id, version), body })),
    onSuccess: (c) => {
      queryClient.setQueryData(customerKeys.detail(c.id), c);
      void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
      refresh(c.id);
    },
  });
}

export function usePlanVisit(customerId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: Schemas['VisitPlanInput']) =>
      unwrap(await api.POST('/api/v1/customers/{id}/visits', { params: { path: { id: customerId } }, body })),
    onSuccess: () => refresh(customerId),
  });
}

export type VisitStep =
  | { kind: 'record'; body: Schemas['VisitRecordInput'] }
  | { kind: 'report'; body: Schemas['VisitTextInput'] }
  | { kind: 'review'; body: Schemas['VisitTextInput'] };

/** 回访记录 / 回访报告 / 审阅, each with the visit's version. */
export function useVisitStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, version, step }: { id: number; version: number; step: VisitStep }) => {
      const params = at(id, version);
      switch (step.kind) {
        case 'record':
          return unwrap(await api.POST('/api/v1/customers/visits/{id}/record', { params, body: step.body }));
        case 'report':
          return unwrap(await api.POST('/api/v1/customers/visits/{id}/report', { params, body: step.body }));
        case 'review':
          return unwrap(await api.POST('/api/v1/customers/visits/{id}/review', { params, body: step.body }));
      }
    },
    onSettled: (v) => refresh(v?.customer.id),
  });
}

export function useCompleteVerification() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: Schemas['VerificationInput'] }) =>
      unwrap(await api.POST('/api/v1/customers/verifications/{id}/complete', { params: at(id, version), body })),
    onSettled: (v) => refresh(v?.customer.id),
  });
}

export function useEnterSurvey(customerId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: Schemas['SurveyInput']) =>
      unwrap(await api.POST('/api/v1/customers/{id}/surveys', { params: { path: { id: customerId } }, body })),
    onSuccess: () => refresh(customerId),
  });
}

export function useSurveyLink(customerId: number) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (body: Schemas['SurveyLinkInput']) =>
      unwrap(await api.POST('/api/v1/customers/{id}/survey-links', { params: { path: { id: customerId } }, body })),
    onSuccess: () => refresh(customerId),
  });
}

export function useCloseFollowup() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, version, body }: { id: number; version: number; body: Schemas['CloseFollowupInput'] }) =>
      unwrap(await api.POST('/api/v1/customers/survey-followups/{id}/close', { params: at(id, version), body })),
    onSettled: () => refresh(),
  });
}

/** The public answer (no login): 204 on success. */
export function useAnswerSurvey(token: string) {
  return useMutation({
    mutationFn: async (body: Schemas['PublicAnswerInput']) =>
      unwrap(await publicApi.POST('/api/v1/survey-responses/{token}', { params: { path: { token } }, body })),
  });
}

type PolicyBody = { 'customer-archive': Schemas['ArchivePolicyBody']; 'customer-care': Schemas['CarePolicyBody'] };

export function useSavePolicy<N extends PolicyName>(name: N) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ version, body }: { version: number; body: PolicyBody[N] }) => {
      const params = { header: { 'If-Match': ifMatch(version) } };
      return name === 'customer-archive'
        ? unwrap(await api.PUT('/api/v1/policies/customer-archive', { params, body: body as Schemas['ArchivePolicyBody'] }))
        : unwrap(await api.PUT('/api/v1/policies/customer-care', { params, body: body as Schemas['CarePolicyBody'] }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: careKeys.policy(name) }),
  });
}
