/**
 * Query keys that features other than their owner invalidate (an action on a
 * case changes "my tasks"). Kept here so those imports do not run between
 * feature folders in both directions.
 */
export const taskKeys = {
  all: ['tasks'] as const,
  mine: () => [...taskKeys.all, 'mine'] as const,
};

/**
 * Return applications: the complaint page lists a complaint's applications
 * and My tasks the ones waiting for me, so the returns feature's changes
 * reach both through this one prefix.
 */
export const returnKeys = {
  all: ['returns'] as const,
  lists: () => [...returnKeys.all, 'list'] as const,
  list: (filters: object, limit: number) => [...returnKeys.lists(), filters, limit] as const,
  toAct: () => [...returnKeys.lists(), 'to_act'] as const,
  ofComplaint: (complaintId: number) => [...returnKeys.lists(), 'complaint', complaintId] as const,
  detail: (id: number) => [...returnKeys.all, 'detail', id] as const,
};
