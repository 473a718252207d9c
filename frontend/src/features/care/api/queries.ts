import { useQuery } from '@tanstack/react-query';
import { api, publicApi } from '../../../api/client';
import { unwrap } from '../../../api/problem';
import { useSession } from '../../auth/hooks/useSession';

export const careKeys = {
  all: ['care'] as const,
  creditChecks: (id: number) => [...careKeys.all, 'credit-checks', id] as const,
  requests: (id: number) => [...careKeys.all, 'requests', id] as const,
  requestsToDecide: () => [...careKeys.all, 'requests', 'to-decide'] as const,
  visits: (id: number) => [...careKeys.all, 'visits', id] as const,
  visitBox: (box: VisitBox) => [...careKeys.all, 'visits', box] as const,
  coverage: (behind: boolean) => [...careKeys.all, 'coverage', behind] as const,
  verifications: (box: VerificationBox) => [...careKeys.all, 'verifications', box] as const,
  surveys: (id: number) => [...careKeys.all, 'surveys', id] as const,
  summary: (groupBy: SummaryGroup) => [...careKeys.all, 'survey-summary', groupBy] as const,
  followups: (status: FollowupStatus) => [...careKeys.all, 'followups', status] as const,
  report: (name: string, year?: number) => [...careKeys.all, 'report', name, year ?? 0] as const,
  policy: (name: PolicyName) => [...careKeys.all, 'policy', name] as const,
};

export type VisitBox = 'mine' | 'to_review';
export type VerificationBox = 'mine' | 'overdue';
export type SummaryGroup = 'customer' | 'product' | 'period';
export type FollowupStatus = 'open' | 'closed';
export type PolicyName = 'customer-archive' | 'customer-care';

function useSignedIn(extra = true) {
  return useSession().status === 'authenticated' && extra;
}
const valid = (id: number) => Number.isSafeInteger(id) && id > 0;
const path = (id: number) => ({ params: { path: { id } } });

export function useCreditChecks(id: number) {
  const enabled = useSignedIn(valid(id));
  return useQuery({
    queryKey: careKeys.creditChecks(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/{id}/credit-checks', path(id))),
    enabled,
  });
}

export function useCustomerRequests(id: number) {
  const enabled = useSignedIn(valid(id));
  return useQuery({
    queryKey: careKeys.requests(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/{id}/requests', path(id))),
    enabled,
  });
}

/** Credit and deregistration requests waiting for the caller's decision. */
export function useRequestsToDecide() {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.requestsToDecide(),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/requests')),
    enabled,
  });
}

export function useCustomerVisits(id: number) {
  const enabled = useSignedIn(valid(id));
  return useQuery({
    queryKey: careKeys.visits(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/{id}/visits', path(id))),
    enabled,
  });
}

export function useVisitBox(box: VisitBox) {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.visitBox(box),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/visits', { params: { query: { box } } })),
    enabled,
  });
}

export function useCoverage(behind: boolean) {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.coverage(behind),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/visit-coverage', { params: { query: { behind } } })),
    enabled,
  });
}

export function useVerifications(box: VerificationBox) {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.verifications(box),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/verifications', { params: { query: { box } } })),
    enabled,
  });
}

export function useCustomerSurveys(id: number) {
  const enabled = useSignedIn(valid(id));
  return useQuery({
    queryKey: careKeys.surveys(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/{id}/surveys', path(id))),
    enabled,
  });
}

export function useSurveySummary(groupBy: SummaryGroup) {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.summary(groupBy),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/survey-summary', { params: { query: { group_by: groupBy } } })),
    enabled,
  });
}

export function useFollowups(status: FollowupStatus) {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.followups(status),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/survey-followups', { params: { query: { status } } })),
    enabled,
  });
}

export function useGradeReport() {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.report('grades'),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/reports/grades')),
    enabled,
  });
}

export function useRegionReport() {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.report('regions'),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/reports/regions')),
    enabled,
  });
}

export function usePurchaseReport(year: number) {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.report('purchases', year),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/reports/purchases', { params: { query: { year } } })),
    enabled,
  });
}

export function useStandingReport() {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.report('standing'),
    queryFn: async () => unwrap(await api.GET('/api/v1/customers/reports/standing')),
    enabled,
  });
}

export function useArchivePolicy() {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.policy('customer-archive'),
    queryFn: async () => unwrap(await api.GET('/api/v1/policies/customer-archive')),
    enabled,
  });
}

export function useCarePolicy() {
  const enabled = useSignedIn();
  return useQuery({
    queryKey: careKeys.policy('customer-care'),
    queryFn: async () => unwrap(await api.GET('/api/v1/policies/customer-care')),
    enabled,
  });
}

/** The public survey (no login): through the client without the auth middleware. */
export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: [...careKeys.all, 'public', token],
    queryFn: async () => unwrap(await publicApi.GET('/api/v1/survey-responses/{token}', { params: { path: { token } } })),
    enabled: token !== '',
    retry: false,
  });
}
