/**
 * The forms of a certificate: raising one for a complaint line, and the
 * customer's signature with the proof. Values as typed -> the API's bodies.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { Translate } from '../../../api/problem';
import type { Schemas } from '../../../api/types';
import type { AllowanceAction, LineKind } from './states';

const trimmed = (v: string | undefined | null) => v?.trim() || null;

export interface RaiseValues {
  invoice_number?: string;
  reason?: string;
}

/** 折让原因 as sales usually writes it: the line's remarks, else "依客诉单 2611-0007 核决折让". */
export function defaultReason(line: { kind: LineKind; remarks?: string | null }, complaintNumber: string, t: Translate): string {
  const remarks = line.remarks?.trim();
  if (remarks) return remarks;
  return t('allowances.raise.defaultReason', { number: complaintNumber, kind: t(`allowances.kind.${line.kind}`) });
}

export function raiseBody(complaintId: number, line: number, v: RaiseValues): Schemas['AllowanceInputBody'] {
  return { complaint_id: complaintId, complaint_line: line, invoice_number: trimmed(v.invoice_number), reason: v.reason?.trim() ?? '' };
}

/** What the action drawers hold, as the server names the fields (signed_on as a day picked). */
export interface ActionValues {
  reason?: string;
  signer?: string;
  signed_on?: Dayjs | null;
  proof_kind?: Schemas['ProofKind'];
  proof_reference?: string;
  voucher?: string;
}

/** The fields each drawer shows (the server's names), for its messages in place. */
export const ACTION_FIELDS: Record<Exclude<AllowanceAction, 'approve' | 'withdraw'>, readonly string[]> = {
  refuse: ['reason'],
  extend: ['reason'],
  sign: ['signer', 'signed_on', 'proof_kind', 'proof_reference'],
  book: ['voucher'],
};

/** The validated form as the action's body: only what the action takes. */
export function actionBody(action: AllowanceAction, v: ActionValues): Schemas['AllowanceActionBody'] {
  switch (action) {
    case 'refuse':
    case 'extend':
      return { reason: trimmed(v.reason) };
    case 'sign':
      return {
        signer: trimmed(v.signer),
        signed_on: v.signed_on ? v.signed_on.format('YYYY-MM-DD') : null,
        proof_kind: v.proof_kind ?? null,
        proof_reference: trimmed(v.proof_reference),
      };
    case 'book':
      return { voucher: trimmed(v.voucher) };
    default:
      return {};
  }
}

/** A day after today may not be picked (the customer cannot have signed yet). */
export function isFutureDay(day: Dayjs): boolean {
  return day.isAfter(dayjs().endOf('day'));
}
