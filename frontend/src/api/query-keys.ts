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

/**
 * Complaints: the 8D report's changes (opening it, submitting, approving)
 * show on the complaint's page and history, so they invalidate these.
 */
export const complaintKeys = {
  all: ['complaints'] as const,
  lists: () => [...complaintKeys.all, 'list'] as const,
  list: (filters: object, limit: number) => [...complaintKeys.lists(), filters, limit] as const,
  details: () => [...complaintKeys.all, 'detail'] as const,
  detail: (id: number) => [...complaintKeys.details(), id] as const,
  events: (id: number) => [...complaintKeys.all, 'events', id] as const,
  /** The product's earlier complaints (registration's recurrence panel, the repeat link). */
  recurrence: (id: number) => [...complaintKeys.all, 'recurrence', id] as const,
};
