/**
 * Workflow names shared with the server (workflow.md). Used for labels,
 * filters and display only: what a user may do comes from the case's
 * `available_actions`.
 */
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

export type State = Schemas['State'];

/** Every state, in route order (filters, labels). */
export const STATES = everyCode<State>()([
  'draft',
  'awaiting_registration',
  'qa_investigation',
  'production_countermeasure',
  'engineering_review',
  'coordinator_review',
  'sales_proposal',
  'consolidation',
  'pending_approval',
  'customer_negotiation',
  'awaiting_countersign',
  'invalid_notice',
  'awaiting_close',
  'closed',
]);

export const OPEN_STATES = STATES.filter((s) => s !== 'closed');

/** The action a step is waiting for (shown in My tasks). */
export const STEP_ACTION: Partial<Record<State, Schemas['Action']>> = {
  draft: 'submit',
  awaiting_registration: 'register',
  qa_investigation: 'conclude_investigation',
  production_countermeasure: 'submit_countermeasure',
  engineering_review: 'submit_engineering_opinion',
  coordinator_review: 'forward_to_sales',
  sales_proposal: 'propose_resolution',
  consolidation: 'submit_for_approval',
  pending_approval: 'approve',
  customer_negotiation: 'record_outcome',
  awaiting_countersign: 'countersign',
  invalid_notice: 'confirm_invalid_notice',
  awaiting_close: 'close',
} satisfies Record<Exclude<State, 'closed'>, Schemas['Action']>;

/** The section of the detail page a step concerns (anchor id). */
export const STEP_SECTION: Partial<Record<State, string>> = {
  awaiting_registration: 'section-intake',
  qa_investigation: 'section-investigation',
  production_countermeasure: 'section-countermeasure',
  engineering_review: 'section-engineering',
  coordinator_review: 'section-review',
  sales_proposal: 'section-resolution',
  consolidation: 'section-consolidation',
  pending_approval: 'section-approval',
  customer_negotiation: 'section-outcome',
  awaiting_countersign: 'section-outcome',
  invalid_notice: 'section-outcome',
  awaiting_close: 'section-outcome',
};

/** Where a task opens: a draft opens its form, other cases the step's section. */
export function caseLink(id: number, state: State): string {
  if (state === 'draft') return `/complaints/${id}/edit`;
  const section = STEP_SECTION[state];
  return section ? `/complaints/${id}#${section}` : `/complaints/${id}`;
}

/** antd Tag colour per state. */
export function stateColor(state: State): string {
  switch (state) {
    case 'draft':
      return 'default';
    case 'closed':
      return 'success';
    case 'pending_approval':
      return 'purple';
    case 'invalid_notice':
      return 'orange';
    default:
      return 'processing';
  }
}
