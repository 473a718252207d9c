/**
 * 业务主管会签: the sales supervisor's (or manager's) countersignature of the
 * customer's accepted outcome, read from the case's history.
 */
import type { Schemas } from '../../../api/types';

type Event = Schemas['EventView'];

/** States before the countersignature: a later move back to one undoes it. */
const BEFORE: readonly Schemas['State'][] = ['customer_negotiation', 'awaiting_countersign'];

/** The countersignature that stands (none once the case was sent back before it). */
export function standingCountersign(events: readonly Event[]): Event | null {
  let found: Event | null = null;
  for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
    if (e.action === 'countersign') found = e;
    else if (found && e.from_state !== e.to_state && BEFORE.includes(e.to_state)) found = null;
  }
  return found;
}
