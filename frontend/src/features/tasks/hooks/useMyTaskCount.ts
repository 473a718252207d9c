import { useAllowancesToAct } from '../../allowances/api/queries';
import { useReturnsToAct } from '../../returns/api/queries';
import { useMyTasks } from '../api/queries';

/**
 * Number of open tasks for the nav badge: the cases, the return
 * applications and the allowance certificates waiting for me (shares My
 * tasks' queries). Until the cases are read there is no count; a failed
 * returns or certificates read counts as none.
 */
export function useMyTaskCount(): number | undefined {
  const cases = useMyTasks().data?.length;
  const returns = useReturnsToAct().data?.total ?? 0;
  const allowances = useAllowancesToAct().data?.total ?? 0;
  return cases === undefined ? undefined : cases + returns + allowances;
}
