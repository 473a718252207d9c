/**
 * The notification centre's filter: a handful of groups a reader thinks in
 * ("what chases me", "what waits for me", "what was decided") rather than
 * the server's dozens of kinds. The server filters by kinds, so a group is
 * sent as its kinds, comma-separated.
 */
import type { Schemas } from '../../../api/types';
import { isCode } from '../../../lib/codes';

export type NoticeKind = Schemas['NoticeKind'];
export type NoticeGroup = 'chase' | 'alert' | 'task' | 'decision' | 'customer';
/** What the filter offers: every notification, or one group. */
export type GroupFilter = 'all' | NoticeGroup;

/**
 * Each kind's group. A Record over the generated union, so a kind the server
 * adds fails the typecheck here until it is placed in a group.
 */
export const GROUP_OF: Record<NoticeKind, NoticeGroup> = {
  reminder: 'chase',
  late_inquiry: 'chase',
  late_inquiry_answered: 'chase',
  case_reminder: 'chase',
  containment_reminder: 'chase',
  first_reply_late: 'chase',
  close_confirmation_late: 'chase',
  return_reminder: 'chase',
  return_note_reminder: 'chase',
  return_handling_reminder: 'chase',
  allowance_reminder: 'chase',
  major_alert: 'alert',
  close_not_confirmed: 'alert',
  task: 'task',
  return_task: 'task',
  return_note_task: 'task',
  return_handling_task: 'task',
  allowance_task: 'task',
  eight_d_review: 'task',
  deferral_request: 'task',
  petition_raised: 'task',
  supplier_request: 'task',
  supplier_answered: 'task',
  penalty_review: 'task',
  penalty_disputed: 'task',
  penalty_approval: 'task',
  penalty_approved: 'task',
  customer_review: 'task',
  customer_access_request: 'task',
  customer_request: 'task',
  visit_report: 'task',
  effectiveness_due: 'task',
  close_confirmation_due: 'task',
  return_decided: 'decision',
  eight_d_decided: 'decision',
  deferral_decided: 'decision',
  petition_decided: 'decision',
  customer_reviewed: 'decision',
  customer_access_decided: 'decision',
  customer_request_decided: 'decision',
  visit_reviewed: 'decision',
  effectiveness_failed: 'decision',
  penalty_returned: 'decision',
  penalty_published: 'decision',
  weekly_report: 'decision',
  monthly_report: 'decision',
  customer_claimed: 'customer',
  customer_transferred: 'customer',
  customer_handover: 'customer',
  survey_answered: 'customer',
  survey_followup: 'customer',
  customer_supply_hold: 'customer',
};

/** The filter's choices, in the order the select lists them. */
export const GROUP_FILTERS: readonly GroupFilter[] = ['all', 'chase', 'alert', 'task', 'decision', 'customer'];

/** Every kind the server sends. */
export const NOTICE_KINDS = Object.keys(GROUP_OF) as NoticeKind[];

/** The kinds of a group, in GROUP_OF's order. */
export function kindsOf(group: NoticeGroup): NoticeKind[] {
  return NOTICE_KINDS.filter((kind) => GROUP_OF[kind] === group);
}

/** The `kind` query parameter for a choice: none for all. */
export function kindParam(filter: GroupFilter): string | undefined {
  return filter === 'all' ? undefined : kindsOf(filter).join(',');
}

/** The choice in the address (`?kind=chase`); anything else, or nothing, is all. */
export function parseGroup(value: string | null): GroupFilter {
  return isCode(value, GROUP_FILTERS) ? value : 'all';
}
