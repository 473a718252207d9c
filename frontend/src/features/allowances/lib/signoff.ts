/**
 * Who signed the certificate, and when, for the paper form's sign-off
 * blocks: the applicant by raising it, each signatory by approving at their
 * step (from the history), the customer's signer on the day recorded, and
 * accounting by booking it. A block not signed (yet) stays blank.
 */
import type { AllowanceEvent, AllowanceState, AllowanceView } from './states';

export type Signer = 'sales' | 'manager' | 'gm' | 'customer' | 'accounting';
export const SIGNERS: readonly Signer[] = ['sales', 'manager', 'gm', 'customer', 'accounting'];

export interface Signature {
  signer: Signer;
  name: string | null;
  /** An instant, or a plain date (the customer's). */
  at: string | null;
}

const SIGNED_BY: Partial<Record<Signer, { action: AllowanceEvent; from: AllowanceState | null }>> = {
  sales: { action: 'create', from: null },
  manager: { action: 'approve', from: 'manager_review' },
  gm: { action: 'approve', from: 'gm_review' },
};

export function signatures(a: AllowanceView): Signature[] {
  const events = [...a.history].sort((x, y) => y.seq - x.seq);
  return SIGNERS.map((signer) => {
    if (signer === 'customer') return { signer, name: a.signer ?? null, at: a.signed_on ?? null };
    if (signer === 'accounting') {
      const booked = events.find((e) => e.action === 'book');
      return { signer, name: a.booked_by?.name ?? booked?.actor?.name ?? null, at: a.booked_at ?? booked?.at ?? null };
    }
    const rule = SIGNED_BY[signer]!;
    const event = events.find((e) => e.action === rule.action && (e.from_state ?? null) === rule.from);
    if (!event && signer === 'sales') return { signer, name: a.raised_by.name, at: a.created_at };
    return { signer, name: event?.actor?.name ?? null, at: event?.at ?? null };
  });
}
