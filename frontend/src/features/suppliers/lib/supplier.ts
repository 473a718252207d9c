/**
 * 供应商纠正措施要求 (supplier corrective-action requests): concluding the
 * investigation raises one to each supplier a responsibility share names;
 * the coordinator records the supplier's answer, QA accepts it or sends it
 * back. What a reader may do always comes from the server
 * (`available_actions`); these are the forms' shapes.
 */
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { Role, Schemas } from '../../../api/types';

/** The complaint page's supplier section: My tasks and the notices open the case there. */
export const SUPPLIER_SECTION = 'section-suppliers';

export type SupplierRequest = Schemas['SupplierRequestView'];
export type SupplierAction = Schemas['SupplierRequestAction'];
export type SupplierState = Schemas['SupplierRequestState'];

/** The order the buttons show in: the next step first, cancelling last. */
export const SUPPLIER_ACTIONS: readonly SupplierAction[] = ['record_answer', 'accept', 'reject', 'cancel'];

/** The action drawer's form: the days as the date pickers hold them. */
export interface SupplierActionValues {
  root_cause?: string;
  actions?: string;
  answered_on?: Dayjs | null;
  comment?: string;
  due_on?: Dayjs | null;
}

/** The fields each action's form shows (and so where the server's 422 messages go). */
export const ACTION_FIELDS: Record<SupplierAction, readonly (keyof SupplierActionValues)[]> = {
  record_answer: ['root_cause', 'actions', 'answered_on'],
  accept: [],
  reject: ['comment', 'due_on'],
  cancel: ['comment'],
};

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
const text = (value: string | undefined) => (value ?? '').trim();

/** The body of each action: only the fields it takes. */
export function supplierActionBody(action: SupplierAction, v: SupplierActionValues): Schemas['SupplierActionBody'] {
  switch (action) {
    case 'record_answer':
      return { root_cause: text(v.root_cause), actions: text(v.actions), answered_on: day(v.answered_on) };
    case 'accept':
      return {};
    case 'reject':
      return { comment: text(v.comment), due_on: day(v.due_on) };
    case 'cancel':
      return { comment: text(v.comment) };
  }
}

/** The day the supplier answered: not in the future (the server's rule). */
export function isAnswerDay(value: Dayjs, today: Dayjs = dayjs()): boolean {
  return !value.isAfter(today.endOf('day'));
}

/** A new due date after a rejection: after today. */
export function isNewDueDay(value: Dayjs, today: Dayjs = dayjs()): boolean {
  return value.isAfter(today.endOf('day'));
}

/** How the last decision on a request reads: its acceptance, its cancellation, or the rejection it came back from. */
export function decisionKind(state: SupplierState): 'accepted' | 'cancelled' | 'rejected' {
  return state === 'accepted' || state === 'cancelled' ? state : 'rejected';
}

/** Who chases the suppliers (the box of requests waiting for an answer): the coordinator. */
export function mayChaseSuppliers(roles: readonly Role[] | undefined): boolean {
  return !!roles?.includes('coordinator');
}

/** Who reviews the suppliers' answers (the box of answers to accept or send back): QA and the QA manager. */
export function mayReviewSupplierAnswers(roles: readonly Role[] | undefined): boolean {
  return !!roles?.some((r) => r === 'qa' || r === 'qa_manager');
}

/** The printed request to send to the supplier. */
export function supplierPrintPath(r: Pick<SupplierRequest, 'id' | 'complaint'>): string {
  return `/complaints/${r.complaint.id}/supplier-requests/${r.id}/print`;
}
