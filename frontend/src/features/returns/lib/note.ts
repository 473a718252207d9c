/**
 * 成品退货单 (the finished-goods return note) of an approved application:
 * its states and steps, the issuing form, and what the screens derive from
 * it (the tolerance, an excess, who signed). What a user may do comes from
 * `note.available_actions`; the server checks everything again.
 */
import type { Schemas } from '../../../api/types';
import { everyCode } from '../../../lib/codes';
import { formatPercent } from '../../../lib/format';
import type { Translate } from '../../../api/problem';

type ReturnView = Schemas['ReturnView'];
export type NoteState = Schemas['NoteState'];
export type NoteAction = Schemas['NoteAction'];
export type NoteView = Schemas['NoteView'];
export type NoteLine = Schemas['NoteLineView'];

export const NOTE_STATES = everyCode<NoteState>()(['issued', 'to_receive', 'to_book', 'awaits_decision', 'booked']);
/** Buttons in this order: the step forward first, then asking for more time, refusing the excess last. */
export const NOTE_ACTIONS = everyCode<NoteAction>()(['verify', 'receive', 'book', 'accept_excess', 'extend', 'refuse_excess']);

export function orderNoteActions(available: readonly NoteAction[]): NoteAction[] {
  return NOTE_ACTIONS.filter((a) => available.includes(a));
}

/** The largest tolerance the server takes: 100 % in basis points. */
export const MAX_TOLERANCE_BP = 10_000;

/** 2.5 (%) -> 250 basis points; empty stays empty (the company's rule applies). */
export function percentToBp(percent: number | null | undefined): number | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  return Math.round(percent * 100);
}

/** 250 basis points -> "2.5%". */
export function formatTolerance(bp: number, locale: string): string {
  return formatPercent(bp / 10_000, locale, 2);
}

/** The most that may come back above `approved` and still be booked (whole units, rounded down, as the server counts). */
export function toleratedExcess(approved: number, bp: number): number {
  return Math.floor((Math.max(0, approved) * bp) / 10_000);
}

/** Received above the approved quantity (a warning), and beyond the tolerance too (the approver decides). */
export function lineExcess(line: NoteLine, bp: number): { over: number; beyondTolerance: boolean } {
  const received = line.received;
  if (received === null || received === undefined || received <= line.approved) return { over: 0, beyondTolerance: false };
  return { over: received - line.approved, beyondTolerance: received > line.approved + toleratedExcess(line.approved, bp) };
}

/** Whether booking the received quantities needs the approver (any item beyond approved + tolerance). */
export function needsDecision(note: NoteView): boolean {
  return note.lines.some((l) => lineExcess(l, note.applied_tolerance_bp).beyondTolerance);
}

/** What refusing the excess books: what came back, up to approved + tolerance. */
export function limitedQuantity(line: NoteLine, bp: number): number | null {
  if (line.received === null || line.received === undefined) return null;
  return Math.min(line.received, line.approved + toleratedExcess(line.approved, bp));
}

export interface NoteValues {
  reason?: string;
  handling?: string;
  basis?: string;
  /** 超量允收比率 in percent, as typed (0–100, two decimals). */
  tolerance_pct?: number | null;
}

/** 退回依据 as sales usually writes it: the application, and the complaint it came from. */
export function defaultBasis(r: ReturnView, t: Translate): string {
  const application = t('returns.note.basisApplication', { number: r.number });
  return r.complaint ? `${application} / ${t('returns.note.basisComplaint', { number: r.complaint.name })}` : application;
}

/** The form as it opens: the application's reason, the default basis, no tolerance of the order's own. */
export function initialNoteValues(r: ReturnView, t: Translate): NoteValues {
  return { reason: r.reason, handling: '', basis: defaultBasis(r, t), tolerance_pct: null };
}

/** The validated form as the API's NoteInput. */
export function noteInput(v: NoteValues): Schemas['NoteInput'] {
  return {
    reason: v.reason?.trim() ?? '',
    handling: v.handling?.trim() ?? '',
    basis: v.basis?.trim() ?? '',
    tolerance_bp: percentToBp(v.tolerance_pct),
  };
}

/** The form's fields, as the server names them. */
export const NOTE_FIELDS = ['reason', 'handling', 'basis', 'tolerance_pct'] as const;

/** The form's field for a server field: the tolerance is typed in percent. */
export function noteFieldName(field: string): string {
  return field === 'tolerance_bp' ? 'tolerance_pct' : field;
}

/** What keeps the applicant from issuing the note: the inspection (unless a sample unit), the originals still missing. */
export function issueWaitsFor(r: ReturnView): { inspection: boolean; originals: Schemas['Original'][] } {
  return { inspection: r.inspection_needed && !r.inspection, originals: r.originals_missing };
}

export type NoteSigner = 'issuer' | 'verifier' | 'warehouse' | 'accounting';
export const NOTE_SIGNERS: readonly NoteSigner[] = ['issuer', 'verifier', 'warehouse', 'accounting'];

export interface NoteSignature {
  signer: NoteSigner;
  name: string | null;
  at: string | null;
}

const SIGNED_BY: Record<NoteSigner, Schemas['ReturnEvent']> = {
  issuer: 'issue_note',
  verifier: 'verify_note',
  warehouse: 'receive',
  // Accounting's check, even when the approver then decided the excess.
  accounting: 'book',
};

/** Who took each step of the note, and when: from the history, else from the note itself. */
export function noteSignatures(r: ReturnView): NoteSignature[] {
  const events = [...r.history].sort((a, b) => b.seq - a.seq);
  const note = r.note;
  return NOTE_SIGNERS.map((signer) => {
    const event = events.find((e) => e.action === SIGNED_BY[signer]);
    if (event) return { signer, name: event.actor?.name ?? null, at: event.at };
    if (note && signer === 'issuer') return { signer, name: note.issued_by.name, at: note.issued_at };
    if (note && signer === 'warehouse' && note.received_by) return { signer, name: note.received_by.name, at: note.received_at ?? null };
    return { signer, name: null, at: null };
  });
}

/** "2.5%（订单约定）" / "0%（公司规定）": the tolerance that applies and whose it is. */
export function toleranceText(note: Pick<NoteView, 'tolerance_bp' | 'applied_tolerance_bp'>, t: Translate, locale: string): string {
  return t('returns.note.toleranceApplied', {
    value: formatTolerance(note.applied_tolerance_bp, locale),
    source: t(note.tolerance_bp === null || note.tolerance_bp === undefined ? 'returns.note.toleranceCompany' : 'returns.note.toleranceOrder'),
  });
}

export type ProofKind = Schemas['ProofKind'];
/** (a) the invoice stamped by the buyer, (b) a stamped copy, (c) a signed return certificate. */
export const PROOF_KINDS = everyCode<ProofKind>()(['invoice_stamped', 'stamped_copy', 'return_certificate']);

export interface ProofValues {
  kind?: ProofKind;
  reference?: string;
}

/** The validated form as the API's ProofInput. */
export function proofInput(v: ProofValues): Schemas['ProofInput'] {
  return { kind: v.kind!, reference: v.reference?.trim() || null };
}

/** "销货退回证明单（签章） No. 04512231": the proof recorded, or null. */
export function proofText(note: Pick<NoteView, 'proof_kind' | 'proof_reference'>, t: Translate): string | null {
  if (!note.proof_kind) return null;
  const kind = t(`returns.proof.kind.${note.proof_kind}`);
  return note.proof_reference ? `${kind} ${note.proof_reference}` : kind;
}
