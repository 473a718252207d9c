import { useMyTasks } from '../api/queries';

/** Number of open tasks for the nav badge (shares the My tasks query). */
export function useMyTaskCount(): number | undefined {
  return useMyTasks().data?.length;
}
