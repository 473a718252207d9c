/**
 * The approval chain's names, shared with the server. For labels, filters
 * and the steps bar only: what a user may do comes from `available_actions`.
 */
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';

export type ReturnState = Schemas['ReturnState'];
export type ReturnKind = Schemas['ReturnKind'];
export type ReturnAction = Schemas['ReturnAction'];

export const RETURN_STATES = everyCode<ReturnState>()([
  'draft',
  'supervisor_review',
  'marketing_review',
  'gm_approval',
  'approved',
  'refused',
  'withdrawn',
]);
export const RETURN_KINDS = everyCode<ReturnKind>()(['return', 'exchange', 'rework']);

/** The way to approval, in order; refused and withdrawn leave it at some step. */
export const CHAIN = ['draft', 'supervisor_review', 'marketing_review', 'gm_approval', 'approved'] as const satisfies readonly ReturnState[];

/** Buttons in this order: forward first, the ways out last. */
export const ACTION_ORDER = everyCode<ReturnAction>()(['submit', 'approve', 'extend', 'refuse', 'withdraw']);

export function actionTone(action: ReturnAction): 'primary' | 'danger' | 'default' {
  if (action === 'submit' || action === 'approve') return 'primary';
  if (action === 'refuse' || action === 'withdraw') return 'danger';
  return 'default';
}

export function orderActions(available: readonly ReturnAction[]): ReturnAction[] {
  return ACTION_ORDER.filter((a) => available.includes(a));
}

export function isOpen(state: ReturnState): boolean {
  return state !== 'approved' && state !== 'refused' && state !== 'withdrawn';
}

/** The state an action leads to from `state`, for the drawer's "what happens next". */
export function nextState(state: ReturnState, action: ReturnAction): ReturnState | null {
  switch (action) {
    case 'submit':
      return 'supervisor_review';
    case 'approve': {
      const i = CHAIN.indexOf(state as (typeof CHAIN)[number]);
      return i >= 0 && i + 1 < CHAIN.length ? CHAIN[i + 1]! : null;
    }
    case 'refuse':
      return 'refused';
    case 'withdraw':
      return 'withdrawn';
    case 'extend':
      return null;
  }
}
