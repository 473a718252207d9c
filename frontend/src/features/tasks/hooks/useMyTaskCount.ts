import { useAllowancesToAct } from '../../allowances/api/queries';
import { useSession } from '../../auth/hooks/useSession';
import { useEightDInReview } from '../../eight-d/api/queries';
import { useDueChecks, useWaitingDeferrals } from '../../improvement/api/queries';
import { mayCheck } from '../../improvement/lib/check';
import { mayDecideDeferrals } from '../../improvement/lib/deferral';
import { usePendingPetitions } from '../../petitions/api/queries';
import { mayDecidePetitions } from '../../petitions/lib/petition';
import { useReturnsToAct } from '../../returns/api/queries';
import { useSupplierRequests } from '../../suppliers/api/queries';
import { mayChaseSuppliers, mayReviewSupplierAnswers } from '../../suppliers/lib/supplier';
import { useMyTasks } from '../api/queries';

/**
 * Number of open tasks for the nav badge: the cases, the return
 * applications, the allowance certificates, (the QA manager's) 8D reports,
 * (quality's) effectiveness checks due, (the deputy GM's and the GM's)
 * deferral requests, (the GM's) petitions and the supplier requests (the
 * coordinator's to chase, QA's to review), waiting for me (shares My tasks' queries). Until the
 * cases are read there is no count; a failed read of the others counts as
 * none.
 */
export function useMyTaskCount(): number | undefined {
  const { user } = useSession();
  const cases = useMyTasks().data?.length;
  const returns = useReturnsToAct().data?.total ?? 0;
  const allowances = useAllowancesToAct().data?.total ?? 0;
  const eightD = useEightDInReview(user?.roles.includes('qa_manager') ?? false).data?.items.length ?? 0;
  const checks = useDueChecks(mayCheck(user?.roles)).data?.items.length ?? 0;
  const deferrals = useWaitingDeferrals(mayDecideDeferrals(user?.roles)).data?.items.length ?? 0;
  const petitions = usePendingPetitions(mayDecidePetitions(user?.roles)).data?.items.length ?? 0;
  const supplierWaiting = useSupplierRequests('requested', mayChaseSuppliers(user?.roles)).data?.items.length ?? 0;
  const supplierAnswers = useSupplierRequests('answered', mayReviewSupplierAnswers(user?.roles)).data?.items.length ?? 0;
  return cases === undefined ? undefined : cases + returns + allowances + eightD + checks + deferrals + petitions + supplierWaiting + supplierAnswers;
}
