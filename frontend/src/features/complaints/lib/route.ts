/**
 * The route of a case as a steps bar (domain.md §4.3): which steps it has,
 * where it is now, and which steps it was sent back to.
 */
import type { Schemas } from '../../../api/types';

type State = Schemas['State'];

export interface RouteStep {
  /** Catalog key suffix: route.<key>. */
  key: string;
  /** States that belong to this step. */
  states: readonly State[];
}

const INTAKE: RouteStep = { key: 'intake', states: ['draft'] };
const REGISTRATION: RouteStep = { key: 'registration', states: ['awaiting_registration'] };
const QA: RouteStep = { key: 'qa', states: ['qa_investigation'] };
const CLOSE: RouteStep = { key: 'close', states: ['awaiting_close', 'closed'] };

const VALID: readonly RouteStep[] = [
  INTAKE,
  REGISTRATION,
  QA,
  { key: 'countermeasure', states: ['production_countermeasure'] },
  { key: 'engineering', states: ['engineering_review'] },
  { key: 'review', states: ['coordinator_review'] },
  { key: 'proposal', states: ['sales_proposal'] },
  { key: 'consolidation', states: ['consolidation'] },
  { key: 'approval', states: ['pending_approval'] },
  { key: 'customer', states: ['customer_negotiation'] },
  { key: 'countersign', states: ['awaiting_countersign'] },
  CLOSE,
];

const INVALID: readonly RouteStep[] = [
  INTAKE,
  REGISTRATION,
  QA,
  { key: 'invalidNotice', states: ['invalid_notice'] },
  { key: 'close', states: ['closed'] },
];

type Complaint = Pick<Schemas['ComplaintView'], 'state' | 'closure' | 'engineering_requested' | 'engineering_opinion'>;

/** Steps of this case's route; engineering only when it was asked for. */
export function routeSteps(c: Complaint): RouteStep[] {
  if (c.state === 'invalid_notice' || c.closure === 'invalid') return [...INVALID];
  return VALID.filter((s) => s.key !== 'engineering' || c.engineering_requested || !!c.engineering_opinion);
}

/** Index of the current step; past the end for a closed case. */
export function currentStepIndex(steps: readonly RouteStep[], state: State): number {
  const index = steps.findIndex((s) => s.states.includes(state));
  if (state === 'closed') return steps.length;
  return index < 0 ? 0 : index;
}

/** Actions that move a case backwards. */
const BACKWARD: ReadonlySet<Schemas['EventAction']> = new Set(['send_back', 'return_to_sales', 'reject']);

/** Did the event send the case back? The GM's petition decision does when it names a step. */
function wentBack(e: Schemas['EventView']): boolean {
  if (e.action === 'decide_petition') return !!e.from_state && e.from_state !== e.to_state;
  return BACKWARD.has(e.action);
}

/** Keys of the steps the case was sent back to at some point. */
export function returnedSteps(steps: readonly RouteStep[], events: readonly Schemas['EventView'][]): Set<string> {
  const keys = new Set<string>();
  for (const e of events) {
    if (!wentBack(e)) continue;
    const step = steps.find((s) => s.states.includes(e.to_state));
    if (step) keys.add(step.key);
  }
  return keys;
}

/** Has the case reached (or passed) the step holding `state`? */
export function reached(steps: readonly RouteStep[], current: State, state: State): boolean {
  const target = steps.findIndex((s) => s.states.includes(state));
  return target >= 0 && currentStepIndex(steps, current) >= target;
}
