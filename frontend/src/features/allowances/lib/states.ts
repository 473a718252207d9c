/**
 * The allowance certificate's (销货折让证明单) names, shared with the server.
 * For labels, filters and the tags only: what a user may do comes from
 * `available_actions`, and the server checks everything again.
 */
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

export type AllowanceState = Schemas['AllowanceState'];
export type AllowanceAction = Schemas['AllowanceAction'];
export type AllowanceEvent = Schemas['AllowanceEvent'];
export type AllowanceView = Schemas['AllowanceView'];
export type AllowanceSummary = Schemas['AllowanceSummary'];
export type LineKind = Schemas['ResolutionKind'];

export const ALLOWANCE_STATES = everyCode<AllowanceState>()(['manager_review', 'gm_review', 'approved', 'signed', 'booked', 'refused', 'withdrawn']);
export const ALLOWANCE_EVENTS = everyCode<AllowanceEvent>()(['create', 'approve', 'refuse', 'withdraw', 'sign', 'book', 'extend']);

/** Buttons in this order: the step forward first, then asking for more time, the ways out last. */
export const ACTION_ORDER = everyCode<AllowanceAction>()(['approve', 'sign', 'book', 'extend', 'refuse', 'withdraw']);

export function orderActions(available: readonly AllowanceAction[]): AllowanceAction[] {
  return ACTION_ORDER.filter((a) => available.includes(a));
}

/** The resolution lines a certificate is raised for: 折让 and 赔款 (the goods stay with the customer). */
export const ALLOWANCE_KINDS: readonly LineKind[] = ['discount', 'compensation'];

export function isAllowanceKind(kind: LineKind): boolean {
  return ALLOWANCE_KINDS.includes(kind);
}

/** Refused and withdrawn certificates no longer cover their line: a new one may be raised. */
export function isLive(state: AllowanceState): boolean {
  return state !== 'refused' && state !== 'withdrawn';
}

/** Still with a signatory: the applicant may withdraw it. */
export function isInReview(state: AllowanceState): boolean {
  return state === 'manager_review' || state === 'gm_review';
}

/** The state an action leads to from `state`, for the drawer's "what happens next". */
export function nextState(state: AllowanceState, action: AllowanceAction): AllowanceState | null {
  switch (action) {
    case 'approve':
      return state === 'manager_review' ? 'gm_review' : state === 'gm_review' ? 'approved' : null;
    case 'refuse':
      return 'refused';
    case 'withdraw':
      return 'withdrawn';
    case 'sign':
      return 'signed';
    case 'book':
      return 'booked';
    case 'extend':
      // The step stays; only its deadline moves.
      return null;
  }
}

/**
 * What a certificate in My tasks waits for from the reader (`allowances.task.<key>`):
 * a countersignature, the customer's signature (its applicant), booking (accounting).
 */
export function waitingFor(state: AllowanceState): string | null {
  switch (state) {
    case 'manager_review':
    case 'gm_review':
      return 'countersign';
    case 'approved':
      return 'customerSign';
    case 'signed':
      return 'book';
    default:
      return null;
  }
}
