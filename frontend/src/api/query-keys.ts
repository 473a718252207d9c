/**
 * Query keys that features other than their owner invalidate (an action on a
 * case changes "my tasks"). Kept here so those imports do not run between
 * feature folders in both directions.
 */
export const taskKeys = {
  all: ['tasks'] as const,
  mine: () => [...taskKeys.all, 'mine'] as const,
};
