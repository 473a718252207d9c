/**
 * Who signed the application, and when, as its history records it: the
 * raiser by submitting, each approver by approving at their step. A step
 * not signed (yet, or refused there) stays blank on the printed form.
 */
import type { Schemas } from '../../../api/types';
import type { ReturnState } from './states';

type Event = Schemas['ReturnEventView'];

export type Signer = 'applicant' | 'supervisor' | 'marketing' | 'gm';
export const SIGNERS: readonly Signer[] = ['applicant', 'supervisor', 'marketing', 'gm'];

export interface Signature {
  signer: Signer;
  name: string | null;
  at: string | null;
}

const SIGNED_BY: Record<Signer, { action: Event['action']; from: ReturnState }> = {
  applicant: { action: 'submit', from: 'draft' },
  supervisor: { action: 'approve', from: 'supervisor_review' },
  marketing: { action: 'approve', from: 'marketing_review' },
  gm: { action: 'approve', from: 'gm_approval' },
};

export function signatures(history: readonly Event[]): Signature[] {
  return SIGNERS.map((signer) => {
    const rule = SIGNED_BY[signer];
    const event = [...history].sort((a, b) => b.seq - a.seq).find((e) => e.action === rule.action && e.from_state === rule.from);
    return { signer, name: event?.actor?.name ?? null, at: event?.at ?? null };
  });
}
