/**
 * Number of open tasks for the nav badge.
 * TODO(tasks): query the tasks endpoint once it exists in openapi.json; until
 * then there is no count and the badge stays hidden.
 */
export function useMyTaskCount(): number | undefined {
  return undefined;
}
