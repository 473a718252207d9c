import type { Schemas } from '../../api/types';

type Summary = Schemas['ComplaintSummary'];

/** Soonest deadline first; cases without a deadline (drafts) last, newest first. */
export function byTimeLeft(a: Summary, b: Summary): number {
  const da = a.step_due_at ? Date.parse(a.step_due_at) : Number.POSITIVE_INFINITY;
  const db = b.step_due_at ? Date.parse(b.step_due_at) : Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  return Date.parse(b.updated_at) - Date.parse(a.updated_at);
}
