/**
 * What the caller may do with a record, from the server's flags (can_edit,
 * can_review, can_claim) and, for a transfer, the caller's role: the owning
 * department's sales manager or the general manager.
 */
import type { Schemas } from '../../../api/types';

export type CustomerActionName = 'edit' | 'review' | 'resubmit' | 'claim' | 'transfer';

interface Caller {
  roles: readonly string[];
  department_id: number;
}

export function customerActions(c: Schemas['CustomerView'], caller: Caller | null | undefined): CustomerActionName[] {
  const out: CustomerActionName[] = [];
  if (c.can_review) out.push('review');
  if (c.can_edit && c.status === 'rejected') out.push('resubmit');
  if (c.can_claim) out.push('claim');
  if (c.can_edit) out.push('edit');
  const manager = !!caller?.roles.includes('sales_manager') && caller.department_id === c.department_id;
  if (c.status !== 'deregistered' && (manager || !!caller?.roles.includes('gm'))) out.push('transfer');
  return out;
}

/** Forward steps are primary buttons; the rest default. */
export function isPrimary(action: CustomerActionName): boolean {
  return action === 'review' || action === 'resubmit' || action === 'claim';
}
